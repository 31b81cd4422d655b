package org.yiyue.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yiyue.rules.catalogue.Catalogue;

/** The committed catalogue must equal the generated one (regenerate with the Catalogue main class). */
class CatalogueTest {

    private static final String HINT = " is stale: run `mvn -q -pl wcag-rules compile exec:java@catalogue` (see wcag-rules/README.md)";

    @Test
    void committedJsonIsCurrent() throws IOException {
        Path p = Path.of("docs", Catalogue.JSON_FILE);
        assertEquals(Catalogue.json(), Files.readString(p, StandardCharsets.UTF_8), p + HINT);
    }

    @Test
    void committedMarkdownIsCurrent() throws IOException {
        Path p = Path.of("docs", Catalogue.MARKDOWN_FILE);
        assertEquals(Catalogue.markdown(), Files.readString(p, StandardCharsets.UTF_8), p + HINT);
    }

    @Test
    void coverageTargetsOfTheIssue() {
        long approved = RuleRegistry.all().stream().filter(r -> r.meta().act().map(a -> a.approved()).orElse(false)).count();
        long act = RuleRegistry.all().stream().filter(r -> r.meta().act().isPresent()).count();
        long beyond = RuleRegistry.all().size() - act;
        assertTrue(approved >= 25, "approved " + approved);
        assertTrue(act >= 30, "act " + act);
        assertTrue(beyond >= 8, "beyond " + beyond);
    }

    @Test
    void idsAreUniqueAndEveryRuleMapsToAStandard() {
        Set<String> ids = new HashSet<>();
        for (Rule r : RuleRegistry.all()) {
            assertTrue(ids.add(r.id()), "duplicate " + r.id());
            var m = r.meta();
            assertFalse(m.wcag().isEmpty() && m.wcagSecondary().isEmpty() && m.miit().isEmpty(), r.id() + " maps to nothing");
            assertFalse(m.title().zh().isBlank() || m.title().en().isBlank() || m.help().zh().isBlank(), r.id());
        }
    }

    @Test
    void jsonWriterEscapes() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"\n", org.yiyue.rules.catalogue.Json.write("a\"b\\c\n\u0001"));
    }
}
