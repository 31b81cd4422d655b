package org.yiyue.audit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Option;

/** Options shared by audit and certify. */
public final class CommonOptions {

    @Option(names = "--standard", split = ",", paramLabel = "STD",
            description = "wcag22-aa, gbt37668-2, elder or all (default: all); repeatable or comma-separated")
    List<String> standards = new ArrayList<>(List.of("all"));

    @Option(names = "--static-only", description = "no browser: only our rules on the raw HTML (fast; rendered checks answer cantTell)")
    boolean staticOnly;

    @Option(names = {"-w", "--workers"}, paramLabel = "N", description = "browsers auditing pages at once (default: ${DEFAULT-VALUE})")
    int workers = 1;

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FMT",
            description = "html, pdf, json, earl, csv, junit, sarif or all (default: audit html,json,earl,csv,junit; certify all)")
    List<String> formats;

    @Option(names = "--locale", paramLabel = "LOCALE", description = "report language: zh-CN (default) or en")
    String locale = "zh-CN";

    @Option(names = "--fail-on", paramLabel = "SPEC",
            description = "exit 1 when crossed: any, impact:LEVEL, failures:N, requirements:N, score:N, sc:X.Y.Z, veto, unaudited (repeatable)")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--manual", paramLabel = "FILE", description = "evaluator results JSON: [{item, outcome, checkedBy, when, note}]")
    Path manual;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "per page fetch/load timeout (default: ${DEFAULT-VALUE})")
    int timeoutSeconds = 20;

    @Option(names = "--axe-script", paramLabel = "FILE", description = "a newer axe.min.js (e.g. from npm axe-core) instead of the embedded one")
    Path axeScript;

    @Option(names = "--loopback-only", description = "browsers resolve only 127.0.0.1/localhost (local sites, tests)")
    boolean loopbackOnly;

    @Option(names = "--progress", paramLabel = "MODE", description = "auto, bar, lines or off (default: auto = bar on a terminal)")
    String progress = "auto";

    /** The replacement axe-core script, checked before any page is fetched (null: the embedded one). */
    Path axeScript() {
        if (axeScript != null) {
            org.yiyue.audit.browser.AxeScan.readScript(axeScript);
        }
        return axeScript;
    }

    List<String> standards() {
        Set<String> out = new LinkedHashSet<>();
        for (String s : standards) {
            switch (s.strip()) {
                case "all" -> out.addAll(List.of("wcag22-aa", "gbt37668-2", "elder"));
                case "wcag22-aa", "gbt37668-2", "elder" -> out.add(s.strip());
                default -> throw new IllegalArgumentException("unknown standard '" + s + "' (wcag22-aa, gbt37668-2, elder, all)");
            }
        }
        return List.copyOf(out);
    }

    List<String> formats(List<String> defaults) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : formats == null ? defaults : formats) {
            String x = f.strip();
            if (x.equals("all")) {
                out.addAll(List.of("html", "pdf", "json", "earl", "csv", "junit", "sarif"));
            } else if (org.yiyue.audit.report.ReportWriter.FORMATS.contains(x)) {
                out.add(x);
            } else {
                throw new IllegalArgumentException("unknown format '" + f + "' (html, pdf, json, earl, csv, junit, sarif, all)");
            }
        }
        return List.copyOf(out);
    }

    List<FailOn> failOn() {
        return failOn.stream().map(FailOn::parse).toList();
    }

    boolean chinese() {
        if (!locale.equals("zh-CN") && !locale.equals("zh") && !locale.equals("en")) {
            throw new IllegalArgumentException("unknown locale '" + locale + "' (zh-CN, en)");
        }
        return !locale.equals("en");
    }

    ProgressBar progressBar(java.io.PrintWriter err) {
        return switch (progress) {
            case "bar" -> new ProgressBar(err, true);
            case "lines" -> new ProgressBar(err, false);
            case "off" -> null;
            case "auto" -> new ProgressBar(err, System.console() != null);
            default -> throw new IllegalArgumentException("unknown --progress '" + progress + "' (auto, bar, lines, off)");
        };
    }
}
