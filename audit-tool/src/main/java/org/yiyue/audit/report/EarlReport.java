package org.yiyue.audit.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * EARL 1.0 as JSON-LD with an inline context (nothing fetched): one earl:Assertion per (page, rule) that ran on
 * the page, with the page-level ACT outcome and pointers to the elements that failed or could not be decided.
 * Pages that could not be audited get one assertion for the fetch with outcome earl:cantTell.
 */
public final class EarlReport {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EarlReport() {
    }

    public static ObjectNode render(AuditReport r) {
        ObjectNode root = F.objectNode();
        ObjectNode ctx = root.putObject("@context");
        ctx.put("earl", "http://www.w3.org/ns/earl#");
        ctx.put("dct", "http://purl.org/dc/terms/");
        ctx.put("foaf", "http://xmlns.com/foaf/0.1/");
        ctx.put("sch", "https://schema.org/");
        ctx.put("ptr", "http://www.w3.org/2009/pointers#");
        ctx.put("yiyue", "urn:yiyue:");
        ctx.put("WCAG22", "https://www.w3.org/TR/WCAG22/#");
        ArrayNode graph = root.putArray("@graph");
        ObjectNode assertor = graph.addObject();
        assertor.put("@id", "yiyue:assertor");
        assertor.putArray("@type").add("earl:Assertor").add("earl:Software");
        assertor.put("dct:title", r.tool() + " " + r.toolVersion());
        assertor.put("dct:description", "Automated checks only: requirements marked not tested need an evaluator.");

        Map<String, RuleInfo> rules = new HashMap<>();
        r.rules().forEach(i -> rules.put(i.id(), i));
        for (PageReport p : r.pages()) {
            if (!p.audited()) {
                ObjectNode a = assertion(graph, p, r);
                ObjectNode test = a.putObject("earl:test");
                test.put("@id", "yiyue:check:fetch");
                test.put("@type", "earl:TestCase");
                test.put("dct:title", "Page can be fetched and parsed as HTML");
                ObjectNode res = a.putObject("earl:result");
                res.put("@type", "earl:TestResult");
                res.putObject("earl:outcome").put("@id", "earl:cantTell");
                res.put("dct:description", p.status() + ": " + p.detail());
                continue;
            }
            for (Map.Entry<String, String> e : new TreeMap<>(p.ruleOutcomes()).entrySet()) {
                ObjectNode a = assertion(graph, p, r);
                RuleInfo info = rules.get(e.getKey());
                ObjectNode test = a.putObject("earl:test");
                test.put("@id", info != null && info.actUri() != null && info.engine().equals("yiyue")
                        ? info.actUri() : "yiyue:rule:" + e.getKey());
                test.put("@type", "earl:TestCase");
                test.put("dct:identifier", e.getKey());
                if (info != null) {
                    test.put("dct:title", info.title().en());
                    test.put("yiyue:engine", info.engine());
                    ArrayNode parts = test.putArray("dct:isPartOf");
                    for (String sc : info.sc()) {
                        parts.addObject().put("@id", "WCAG22:" + anchor(sc));
                    }
                }
                ObjectNode res = a.putObject("earl:result");
                res.put("@type", "earl:TestResult");
                res.putObject("earl:outcome").put("@id", "earl:" + e.getValue());
                ArrayNode pointers = F.arrayNode();
                StringBuilder info2 = new StringBuilder();
                for (Finding f : p.findings()) {
                    if (f.ruleId().equals(e.getKey())) {
                        ObjectNode ptr = pointers.addObject();
                        ptr.put("@type", "ptr:CSSSelectorPointer");
                        ptr.put("ptr:expression", f.target());
                        if (info2.length() < 2000) {
                            info2.append(f.message().en()).append(' ');
                        }
                    }
                }
                if (!pointers.isEmpty()) {
                    res.set("earl:pointer", pointers);
                    res.put("earl:info", info2.toString().strip());
                }
            }
        }
        return root;
    }

    private static ObjectNode assertion(ArrayNode graph, PageReport p, AuditReport r) {
        ObjectNode a = graph.addObject();
        a.put("@type", "earl:Assertion");
        a.putObject("earl:assertedBy").put("@id", "yiyue:assertor");
        ObjectNode subject = a.putObject("earl:subject");
        subject.put("@id", p.url());
        subject.putArray("@type").add("earl:TestSubject").add("sch:WebPage");
        subject.put("dct:source", p.url());
        subject.put("dct:date", r.finishedAt());
        a.putObject("earl:mode").put("@id", "earl:automatic");
        return a;
    }

    /** "1.4.3" → "contrast-minimum": the SC's own fragment id in the WCAG 2.2 recommendation. */
    static String anchor(String sc) {
        return org.yiyue.audit.judge.Wcag22.w3cAnchor(sc);
    }

    public static void write(AuditReport r, Path file) throws IOException {
        JsonReport.MAPPER.writeValue(file.toFile(), render(r));
    }
}
