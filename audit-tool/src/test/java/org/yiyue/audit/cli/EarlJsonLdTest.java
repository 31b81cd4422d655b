package org.yiyue.audit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.EarlReport;
import org.yiyue.audit.report.JsonReport;
import org.yiyue.audit.report.PageReport;
import org.yiyue.audit.report.RenderersTest;
import org.yiyue.demo.ReplicaSites;
import org.yiyue.testkit.ReplicaSitesExtension;

/**
 * The EARL output read by a real JSON-LD 1.1 processor (Titanium): expanded with a loader that refuses every fetch
 * (the context is inline), every assertion has exactly one absolute subject, test and outcome from the EARL
 * vocabulary, there is one assertion per (page, rule), and the RDF form keeps them all (relative IRIs would be
 * dropped there).
 */
@ExtendWith(ReplicaSitesExtension.class)
class EarlJsonLdTest {

    static final String EARL = "http://www.w3.org/ns/earl#";
    static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    static final String IDENTIFIER = "http://purl.org/dc/terms/identifier";
    static final Set<String> OUTCOMES = Set.of(EARL + "passed", EARL + "failed", EARL + "cantTell", EARL + "inapplicable", EARL + "untested");

    /** Nothing may be fetched: a remote context would make the report depend on the network. */
    static final DocumentLoader OFFLINE = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "the EARL report tried to load " + url);
    };

    @Test
    void fixtureReportIsValidEarl() throws Exception {
        check(RenderersTest.report());
    }

    @Test
    void realAuditOfAReplicaSiteIsValidEarl(ReplicaSites sites, @TempDir Path out) throws Exception {
        Cli run = Cli.run("audit", sites.origin("zwfw") + "/index.html", "-n", "4", "-d", "1", "--static-only", "--delay", "0",
                "--progress", "off", "-o", out.toString(), "--format", "json,earl");
        assertEquals(ExitCodes.OK, run.exit(), run.out() + run.err());
        AuditReport r = JsonReport.read(out.resolve("report.json"));
        assertTrue(r.pages().stream().filter(PageReport::audited).count() >= 2, "pages audited");
        String written = Files.readString(out.resolve("report.earl.jsonld"));
        assertEquals(JsonReport.MAPPER.readTree(JsonReport.MAPPER.writeValueAsString(EarlReport.render(r))),
                JsonReport.MAPPER.readTree(written), "the file is the renderer's output for the report");
        check(r, written);
    }

    /** The check itself can fail: a relative subject, a foreign EARL namespace and a remote context are caught. */
    @Test
    void theCheckRejectsBrokenEarl() throws Exception {
        AuditReport r = RenderersTest.report();
        String good = EarlReport.render(r).toString(); // compact JSON
        String relative = mutate(good, "\"@id\":\"http://a.cn/news/1.html\"", "\"@id\":\"news/1.html\"");
        assertThrows(AssertionError.class, () -> check(r, relative), "relative subject");
        String foreign = mutate(good, "\"earl\":\"http://www.w3.org/ns/earl#\"", "\"earl\":\"http://example.org/earl#\"");
        assertThrows(AssertionError.class, () -> check(r, foreign), "wrong EARL namespace");
        String remote = mutate(good, "{\"@context\":{", "{\"@context\":[\"https://example.org/ctx.jsonld\",{");
        String remoteClosed = mutate(remote, "},\"@graph\"", "}],\"@graph\"");
        assertThrows(JsonLdError.class, () -> check(r, remoteClosed), "a remote context is never fetched");
    }

    private static String mutate(String json, String from, String to) {
        assertTrue(json.contains(from), from);
        return json.replace(from, to);
    }

    static void check(AuditReport r) throws Exception {
        check(r, JsonReport.MAPPER.writeValueAsString(EarlReport.render(r)));
    }

    static void check(AuditReport r, String earl) throws Exception {
        Set<String> expected = new HashSet<>();
        for (PageReport p : r.pages()) {
            if (p.audited()) {
                p.ruleOutcomes().keySet().forEach(rule -> expected.add(p.url() + " " + rule));
            } else {
                expected.add(p.url() + " (fetch)");
            }
        }
        assertFalse(expected.isEmpty());

        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(earl))).loader(OFFLINE).get();
        Set<String> pairs = new HashSet<>();
        Set<String> tests = new HashSet<>();
        int assertions = 0;
        for (JsonValue v : expanded) {
            JsonObject node = v.asJsonObject();
            if (!types(node).contains(EARL + "Assertion")) {
                continue;
            }
            assertions++;
            JsonObject subject = one(node, EARL + "subject");
            JsonObject test = one(node, EARL + "test");
            JsonObject result = one(node, EARL + "result");
            String outcome = id(one(result, EARL + "outcome"));
            assertTrue(OUTCOMES.contains(outcome), "outcome " + outcome);
            assertEquals(EARL + "automatic", id(one(node, EARL + "mode")));
            absolute(id(one(node, EARL + "assertedBy")));
            String page = absolute(id(subject));
            String testId = absolute(id(test));
            tests.add(testId);
            String rule = test.containsKey(IDENTIFIER) ? one(test, IDENTIFIER).getString("@value") : "(fetch)";
            assertTrue(pairs.add(page + " " + rule), "two assertions for (" + page + ", " + rule + ")");
            assertTrue(types(result).contains(EARL + "TestResult"));
            assertTrue(types(test).contains(EARL + "TestCase"));
        }
        assertEquals(expected, pairs, "one assertion per (page, rule) that ran, one per page that could not be audited");
        assertEquals(expected.size(), assertions);

        // the RDF form: every assertion survives (a relative IRI would drop its triples), each with one test IRI
        Map<String, List<String>> testsOf = new HashMap<>();
        Map<String, String> subjectOf = new HashMap<>();
        List<String> assertionNodes = new ArrayList<>();
        JsonLd.toRdf(JsonDocument.of(new StringReader(earl))).loader(OFFLINE).provide((s, p, o, datatype, lang, dir, graph) -> {
            if (p.equals(RDF_TYPE) && o.equals(EARL + "Assertion")) {
                assertionNodes.add(s);
            } else if (p.equals(EARL + "test")) {
                testsOf.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
            } else if (p.equals(EARL + "subject")) {
                subjectOf.put(s, o);
            }
            return null;
        });
        assertEquals(expected.size(), assertionNodes.size());
        Set<String> rdfPairs = new HashSet<>();
        for (String a : assertionNodes) {
            assertEquals(1, testsOf.get(a).size(), a);
            assertTrue(rdfPairs.add(subjectOf.get(a) + " " + testsOf.get(a).get(0)), "duplicate (page, test) in RDF");
        }
        assertTrue(tests.size() > 1);
    }

    private static Set<String> types(JsonObject node) {
        Set<String> out = new HashSet<>();
        if (node.containsKey("@type")) {
            node.getJsonArray("@type").forEach(t -> out.add(((jakarta.json.JsonString) t).getString()));
        }
        return out;
    }

    /** Exactly one value of an expanded property. */
    private static JsonObject one(JsonObject node, String property) {
        assertTrue(node.containsKey(property), "missing " + property + " in " + node);
        JsonArray values = node.getJsonArray(property);
        assertEquals(1, values.size(), property + " in " + node);
        return values.getJsonObject(0);
    }

    private static String id(JsonObject node) {
        assertTrue(node.containsKey("@id"), "no @id: " + node);
        return node.getString("@id");
    }

    private static String absolute(String iri) {
        assertTrue(URI.create(iri).isAbsolute(), "absolute IRI: " + iri);
        return iri;
    }
}
