package org.yiyue.audit.browser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.deque.html.axecore.providers.StringAxeScriptProvider;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.openqa.selenium.WebDriver;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.audit.judge.Wcag22;
import org.yiyue.audit.report.RuleInfo;
import org.yiyue.rules.model.Text;

/**
 * axe-core as a peer engine in the same browser (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa). Violations
 * become failed findings, incomplete results cantTell, passes and inapplicable rules page outcomes; every finding
 * keeps engine "axe-core". The script is the newest axe-core on npm at build time ({@link EmbeddedAxe}, integrity
 * verified), not the older one inside the axe-core/selenium jar; {@code --axe-script} can replace it.
 */
public final class AxeScan {

    public static final String ENGINE = "axe-core";
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final String script;
    private final String world;
    private final String provenance;
    private final boolean embedded;
    /** axe rules this scan leaves out (see {@link #without}); empty: every rule of {@link #TAGS}. */
    private final java.util.SortedSet<String> off;

    /** An axe-core script is a few MB; anything much larger is not one. */
    static final long MAX_SCRIPT_BYTES = 32L * 1024 * 1024;
    private static final Pattern AXE_VERSION = Pattern.compile("axe\\.version\\s*=");

    /** @param axeScript another axe.min.js, or null for the embedded one from npm ({@link EmbeddedAxe}) */
    public AxeScan(Path axeScript) throws IOException {
        this.embedded = axeScript == null;
        this.script = embedded ? EmbeddedAxe.get().script() : readScript(axeScript);
        this.world = AxeInPage.worldName(script);
        this.provenance = axeScript == null ? EmbeddedAxe.get().provenance()
                : "--axe-script " + axeScript.getFileName() + " (" + EmbeddedAxe.sri("SHA-512", script.getBytes(StandardCharsets.UTF_8)) + ")";
        this.off = java.util.Collections.emptySortedSet();
    }

    private AxeScan(AxeScan base, java.util.SortedSet<String> off) {
        this.embedded = base.embedded;
        this.script = base.script;
        this.world = base.world;
        this.provenance = base.provenance;
        this.off = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(off));
    }

    /**
     * The same scan without these axe rules: the audit leaves out those whose every finding the engine merge would
     * drop (our rule library decides all their ACT rules), so axe-core does not spend its time on them.
     */
    public AxeScan without(java.util.Collection<String> rules) {
        return new AxeScan(this, new java.util.TreeSet<>(rules));
    }

    /** The run options: {@link #OPTIONS}, with the rules left out turned off. */
    String options() {
        if (off.isEmpty()) {
            return OPTIONS;
        }
        StringBuilder rules = new StringBuilder();
        for (String r : off) {
            if (r.matches("[A-Za-z0-9_-]+")) { // axe rule ids; nothing else goes into the JSON
                rules.append(rules.length() == 0 ? "" : ",").append('"').append(r).append("\":{\"enabled\":false}");
            }
        }
        return OPTIONS.substring(0, OPTIONS.length() - 1) + ",\"rules\":{" + rules + "}}";
    }

    /** Whether this scan runs the embedded axe-core, whose consistency on the ACT cases was measured. */
    public boolean embedded() {
        return embedded;
    }

    /** Where the script came from, with its integrity, for the report. */
    public String provenance() {
        return provenance;
    }

    /**
     * Reads a replacement axe-core script, refusing with a clear message what cannot be one: a missing file, a
     * folder, an empty or huge file, bytes that are not UTF-8 text, or JavaScript that never sets axe.version.
     */
    public static String readScript(Path file) {
        String where = "--axe-script " + file + ": ";
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(where + "是文件夹，不是文件 is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(where + "文件不存在 no such file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size == 0 || size > MAX_SCRIPT_BYTES) {
                throw new IllegalArgumentException(where + "大小 " + size + " 字节，不像 axe-core size " + size
                        + " bytes is not that of an axe-core script");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + "无法读取 cannot be read (" + e.getMessage() + ")", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(where + "不是 UTF-8 文本的 JavaScript 文件 is not a UTF-8 JavaScript text file");
        }
        if (text.indexOf('\0') >= 0 || !AXE_VERSION.matcher(text).find()) {
            throw new IllegalArgumentException(where + "不是 axe-core 脚本（没有 axe.version）does not look like axe-core "
                    + "(it never sets axe.version): give axe.min.js from the axe-core npm package");
        }
        return text;
    }

    /**
     * Run options: our tags, and a 2 s cap on axe's media/CSSOM preload. The default 10 s cap was spent in full on
     * every page whose video never loads (measured: 12 s → 3 s per page on the portal home, same results).
     * resultTypes: every node of violations and incomplete results; passes and inapplicable rules keep one node
     * each — the audit reads only their rule ids, and axe then builds no selector and no HTML snippet for every
     * passing node (most of its run time on a large page, and most of the JSON sent back).
     */
    static final String OPTIONS = "{\"runOnly\":{\"type\":\"tag\",\"values\":[\"" + String.join("\",\"", TAGS)
            + "\"]},\"preload\":{\"assets\":[\"cssom\",\"media\"],\"timeout\":2000},\"resultTypes\":[\"violations\",\"incomplete\"]}";

    /** The audit's builder with the embedded axe-core (the benchmark's axe-only peer uses it too). */
    static AxeBuilder configured() {
        return configured(EmbeddedAxe.get().script());
    }

    private static AxeBuilder configured(String script) {
        return configured(script, OPTIONS);
    }

    private static AxeBuilder configured(String script, String options) {
        AxeBuilder b = new AxeBuilder().setTimeout(TIMEOUT_SECONDS);
        b.setOptions(options);
        b.setAxeScriptProvider(new StringAxeScriptProvider(script));
        return b;
    }

    private AxeBuilder builder() {
        return configured(script, options());
    }

    /** The builder's script timeout (s), also the limit of one axe-core call in the page. */
    static final int TIMEOUT_SECONDS = 60;

    /**
     * Adds this axe-core to every document the browser loads from now on, in a world of its own (once per browser;
     * call it before the page is loaded). Without it {@link #run} still works, sending the script once per document.
     */
    public void prepare(WebDriver driver) {
        AxeInPage.install(driver, script, world);
    }

    /**
     * axe-core's results for the page loaded in the driver: in the page's axe-core world ({@link AxeInPage}), or
     * through the axe-core/selenium builder where that cannot reach every frame.
     */
    public Results analyze(WebDriver driver) {
        try {
            return AxeInPage.run(driver, script, world, options(), TIMEOUT_SECONDS * 1000L);
        } catch (AxeInPage.Unavailable e) {
            AxeInPage.FALLBACKS.incrementAndGet();
            return builder().analyze(driver);
        }
    }

    /** For the benchmark: how often the script was sent to a document, and how many scans fell back to the builder. */
    public static String runnerStats() {
        return "axe-core sent to " + AxeInPage.SENT.get() + " documents, " + AxeInPage.FALLBACKS.get() + " scans by the builder";
    }

    /** Runs axe-core on the current page and returns the version that ran. */
    public String run(WebDriver driver, PageFindings out, List<RuleInfo> catalogue) {
        Results r = analyze(driver);
        if (r.isErrored()) {
            out.cantTell(ENGINE, "axe-error", List.of(), List.of(), "minor", "html", "",
                    Text.of("axe-core 运行出错：" + r.getErrorMessage(), "axe-core failed: " + r.getErrorMessage()),
                    Text.of("", ""));
            return "";
        }
        for (Rule rule : r.getViolations()) {
            register(rule, catalogue);
            for (CheckedNode n : rule.getNodes()) {
                out.failed(ENGINE, "axe:" + rule.getId(), scs(rule), List.of(), impact(n.getImpact(), rule.getImpact()),
                        target(n.getTarget()), PageFindings.snippet(n.getHtml()), text(rule.getHelp(), n.getFailureSummary()),
                        Text.of(rule.getHelpUrl(), rule.getHelpUrl()));
            }
        }
        for (Rule rule : r.getIncomplete()) {
            register(rule, catalogue);
            for (CheckedNode n : rule.getNodes()) {
                out.cantTell(ENGINE, "axe:" + rule.getId(), scs(rule), List.of(), impact(n.getImpact(), rule.getImpact()),
                        target(n.getTarget()), PageFindings.snippet(n.getHtml()), text(rule.getHelp(), n.getFailureSummary()),
                        Text.of(rule.getHelpUrl(), rule.getHelpUrl()));
            }
        }
        for (Rule rule : r.getPasses()) {
            register(rule, catalogue);
            out.outcome("axe:" + rule.getId(), "passed");
        }
        for (Rule rule : r.getInapplicable()) {
            register(rule, catalogue);
            out.outcome("axe:" + rule.getId(), "inapplicable");
        }
        return r.getTestEngine() == null ? "" : r.getTestEngine().getVersion();
    }

    private static Text text(String help, String summary) {
        String s = summary == null || summary.isBlank() ? help : help + " — " + summary.replaceAll("\\s+", " ").strip();
        return Text.of("axe-core：" + s, "axe-core: " + s);
    }

    private static void register(Rule rule, List<RuleInfo> catalogue) {
        String id = "axe:" + rule.getId();
        synchronized (catalogue) {
            if (catalogue.stream().noneMatch(i -> i.id().equals(id))) {
                catalogue.add(new RuleInfo(id, ENGINE, Text.of(rule.getHelp(), rule.getHelp()), scs(rule), List.of(), rule.getHelpUrl()));
            }
        }
    }

    static List<String> scs(Rule rule) {
        Set<String> out = new LinkedHashSet<>();
        if (rule.getTags() != null) {
            for (String t : rule.getTags()) {
                String sc = Wcag22.fromAxeTag(t);
                if (sc != null) {
                    out.add(sc);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static String impact(String node, String rule) {
        String i = node != null ? node : rule;
        return i == null ? "moderate" : i;
    }

    /** axe targets are a list of selectors (more than one when crossing frames or shadow roots). */
    static String target(Object t) {
        if (t instanceof List<?> list && !list.isEmpty()) {
            Object last = list.get(list.size() - 1);
            if (last instanceof List<?> inner && !inner.isEmpty()) {
                return String.valueOf(inner.get(inner.size() - 1));
            }
            return String.valueOf(last);
        }
        return String.valueOf(t);
    }
}
