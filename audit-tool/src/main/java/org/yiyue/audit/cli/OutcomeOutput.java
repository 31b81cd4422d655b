package org.yiyue.audit.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yiyue.rules.engine.RuleRegistry;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.model.Text;

/** Renders rule outcomes per page as plain JSON or as an EARL JSON-LD report. */
final class OutcomeOutput {

    record PageResult(String subject, String charset, String mode, List<Outcome> outcomes) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OutcomeOutput() {
    }

    static String json(List<PageResult> pages) throws Exception {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "yiyue-rules");
        root.put("rules", RuleRegistry.all().size());
        ArrayNode arr = root.putArray("pages");
        for (PageResult p : pages) {
            ObjectNode page = arr.addObject();
            page.put("url", p.subject());
            page.put("charset", p.charset());
            page.put("mode", p.mode());
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String k : List.of("failed", "cantTell", "passed", "inapplicable")) {
                counts.put(k, 0);
            }
            ArrayNode out = page.putArray("outcomes");
            for (Outcome o : p.outcomes()) {
                counts.merge(o.kind(), 1, Integer::sum);
                ObjectNode n = out.addObject();
                n.put("rule", o.ruleId());
                n.put("outcome", o.kind());
                RuleMeta m = meta(o.ruleId());
                if (m != null) {
                    m.act().ifPresent(a -> n.put("act", a.id()));
                    ArrayNode sc = n.putArray("wcag");
                    m.wcag().forEach(sc::add);
                }
                if (o instanceof Outcome.OnTarget t) {
                    n.put("target", t.target());
                    n.put("snippet", t.snippet());
                    text(n.putObject("message"), t.message());
                    if (!(o instanceof Outcome.Passed)) {
                        text(n.putObject("fix"), t.fix());
                    }
                }
            }
            ObjectNode summary = page.putObject("summary");
            counts.forEach(summary::put);
        }
        return MAPPER.writeValueAsString(root);
    }

    static String earl(List<PageResult> pages) throws Exception {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode ctx = root.putObject("@context");
        ctx.put("@vocab", "http://www.w3.org/ns/earl#");
        ctx.put("earl", "http://www.w3.org/ns/earl#");
        ctx.put("WCAG2", "https://www.w3.org/TR/WCAG22/#");
        ctx.put("dct", "http://purl.org/dc/terms/");
        ctx.put("ptr", "http://www.w3.org/2009/pointers#");
        ctx.put("sch", "https://schema.org/");
        idRef(ctx, "outcome", "earl:outcome");
        idRef(ctx, "isPartOf", "dct:isPartOf");
        idRef(ctx, "mode", "earl:mode");
        ctx.put("title", "dct:title");
        ctx.put("source", "dct:source");
        ctx.put("description", "dct:description");
        ArrayNode graph = root.putArray("@graph");
        for (PageResult p : pages) {
            ObjectNode subject = graph.addObject();
            subject.put("@type", "TestSubject");
            subject.put("source", p.subject());
            ArrayNode assertions = subject.putArray("assertions");
            for (Outcome o : p.outcomes()) {
                ObjectNode a = assertions.addObject();
                a.put("@type", "Assertion");
                a.put("mode", "earl:automatic");
                ObjectNode by = a.putObject("assertedBy");
                by.put("@type", "earl:Software");
                by.put("title", "Yiyue wcag-rules");
                ObjectNode sub = a.putObject("subject");
                sub.put("@type", "TestSubject");
                sub.put("source", p.subject());
                ObjectNode test = a.putObject("test");
                test.put("@type", "TestCase");
                test.put("title", o.ruleId());
                RuleMeta m = meta(o.ruleId());
                ArrayNode parts = test.putArray("isPartOf");
                if (m != null) {
                    // only the SCs a failure does not satisfy: an ACT rule mapped to none (e.g. 46ca7f) declares
                    // none, and W3C counts a procedure declaring SCs outside its rule's mapping as not complete
                    m.wcag().forEach(sc -> parts.add("WCAG2:" + org.yiyue.audit.judge.Wcag22.w3cAnchor(sc)));
                    m.act().ifPresent(act -> test.put("dct:source", act.uri()));
                }
                ObjectNode result = a.putObject("result");
                result.put("@type", "TestResult");
                result.put("outcome", "earl:" + o.kind());
                if (o instanceof Outcome.OnTarget t) {
                    result.put("description", t.message().en());
                    ObjectNode ptr = result.putObject("pointer");
                    ptr.put("@type", "ptr:CSSSelectorPointer");
                    ptr.put("ptr:expression", t.target());
                }
            }
        }
        return MAPPER.writeValueAsString(root);
    }

    private static void idRef(ObjectNode ctx, String term, String id) {
        ObjectNode n = ctx.putObject(term);
        n.put("@id", id);
        n.put("@type", "@id");
    }

    private static RuleMeta meta(String id) {
        return RuleRegistry.byId(id).map(r -> r.meta()).orElse(null);
    }

    private static void text(ObjectNode n, Text t) {
        n.put("zh", t.zh());
        n.put("en", t.en());
    }
}
