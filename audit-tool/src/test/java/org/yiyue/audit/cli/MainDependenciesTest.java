package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The product does not depend on demo or test code: audit-tool's POM has demo-sites and testkit in test scope only,
 * and no compiled main class refers to a class of theirs (org.yiyue.demo, org.yiyue.testkit) — the replica sites
 * are certified from their plan file like any real site.
 */
class MainDependenciesTest {

    @Test
    void demoSitesAndTestkitAreTestScopeOnly() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList deps = doc.getElementsByTagName("dependency");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            String artifact = child(d, "artifactId");
            if (artifact.equals("demo-sites") || artifact.equals("testkit")) {
                assertEquals("test", child(d, "scope"), artifact + " must be a test dependency of audit-tool");
                seen.add(artifact);
            }
        }
        assertTrue(seen.contains("demo-sites"), "the tests still use the replica sites: " + seen);
    }

    @Test
    void noMainClassRefersToDemoOrTestCode() throws Exception {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("org/yiyue/audit")), "compiled main classes at " + classes.toAbsolutePath());
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                checked++;
                // class names in the constant pool are UTF-8 "org/yiyue/demo/..." strings
                String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (pool.contains("org/yiyue/demo/") || pool.contains("org/yiyue/testkit/")) {
                    offenders.add(classes.relativize(f).toString());
                }
            }
        }
        assertTrue(checked > 50, "checked " + checked + " classes");
        assertEquals(List.of(), offenders, "main classes referring to demo-sites or testkit");
        assertFalse(Files.exists(classes.resolve("org/yiyue/demo")), "no demo classes copied into audit-tool");
    }

    private static String child(Element e, String name) {
        NodeList n = e.getElementsByTagName(name);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().strip();
    }
}
