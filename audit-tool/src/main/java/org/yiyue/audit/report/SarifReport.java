package org.yiyue.audit.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yiyue.rules.model.Text;

/**
 * SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format) for code-scanning tools: one run, the checks that
 * ran as the driver's rules, one result per failed element (kind "fail", level from the impact) and per element that
 * needs a human check (kind "review"); the location is the page URL plus the element's CSS selector as a logical
 * location. Pages that could not be audited are tool execution notifications, so they cannot pass unseen.
 */
public final class SarifReport {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static String render(AuditReport r, boolean zh) throws IOException {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Yiyue");
        driver.put("fullName", r.tool());
        driver.put("version", r.toolVersion());
        driver.put("semanticVersion", r.toolVersion());
        Map<String, Integer> index = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (RuleInfo info : r.rules()) {
            String id = id(info.engine(), info.id());
            if (index.putIfAbsent(id, index.size()) == null) {
                ObjectNode rule = rules.addObject();
                rule.put("id", id);
                rule.putObject("shortDescription").put("text", text(info.title(), zh, info.id()));
                if (info.actUri() != null) {
                    rule.put("helpUri", info.actUri());
                }
                ObjectNode props = rule.putObject("properties");
                ArrayNode tags = props.putArray("tags");
                info.sc().forEach(sc -> tags.add("WCAG " + sc));
                info.miit().forEach(m -> tags.add("适老化 " + m));
            }
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", r.complete());
        ArrayNode notes = invocation.putArray("toolExecutionNotifications");
        ArrayNode results = run.putArray("results");
        for (PageReport p : r.pages()) {
            if (!p.audited()) {
                ObjectNode n = notes.addObject();
                n.put("level", "error");
                n.putObject("message").put("text", (zh ? "页面未能审计 page not audited: " : "page not audited: ") + p.status()
                        + (p.detail() == null || p.detail().isBlank() ? "" : " — " + p.detail()));
                n.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation").put("uri", p.url());
                continue;
            }
            for (Finding f : p.findings()) {
                results.add(result(f, p.url(), index, zh));
            }
        }
        if (notes.isEmpty()) {
            invocation.remove("toolExecutionNotifications");
        }
        run.putObject("properties").put("site", r.siteId()).put("siteName", r.siteName()).put("startUrl", r.startUrl());
        return JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    public static void write(AuditReport r, boolean zh, Path file) throws IOException {
        java.nio.file.Files.writeString(file, render(r, zh), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ObjectNode result(Finding f, String page, Map<String, Integer> index, boolean zh) {
        ObjectNode res = JsonReport.MAPPER.createObjectNode();
        String id = id(f.engine(), f.ruleId());
        res.put("ruleId", id);
        Integer i = index.get(id);
        if (i != null) {
            res.put("ruleIndex", i);
        }
        if (f.failed()) {
            res.put("kind", "fail");
            res.put("level", level(f.impact()));
        } else {
            res.put("kind", "review"); // cantTell: needs an evaluator
            res.put("level", "none");
        }
        String message = text(f.message(), zh, f.ruleId());
        String fix = f.fix() == null ? "" : text(f.fix(), zh, "");
        res.putObject("message").put("text", fix.isBlank() ? message : message + (zh ? " 修复建议：" : " Fix: ") + fix);
        ObjectNode loc = res.putArray("locations").addObject();
        ObjectNode physical = loc.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", page);
        if (f.snippet() != null && !f.snippet().isBlank()) {
            physical.putObject("region").putObject("snippet").put("text", f.snippet());
        }
        if (f.target() != null && !f.target().isBlank()) {
            loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.target()).put("kind", "element");
        }
        ObjectNode props = res.putObject("properties");
        ArrayNode sc = props.putArray("wcag");
        f.sc().forEach(sc::add);
        ArrayNode miit = props.putArray("miit");
        f.miit().forEach(miit::add);
        if (f.impact() != null) {
            props.put("impact", f.impact());
        }
        props.put("engine", f.engine());
        return res;
    }

    /** axe-core's and our rule ids may coincide: the engine keeps them apart. */
    static String id(String engine, String ruleId) {
        return engine + "/" + ruleId;
    }

    private static String level(String impact) {
        return switch (impact == null ? "" : impact) {
            case "critical", "serious" -> "error";
            case "minor" -> "note";
            default -> "warning";
        };
    }

    private static String text(Text t, boolean zh, String fallback) {
        if (t == null) {
            return fallback;
        }
        String s = zh ? t.zh() : t.en();
        if (s == null || s.isBlank()) {
            s = zh ? t.en() : t.zh();
        }
        return s == null || s.isBlank() ? fallback : s;
    }
}
