package org.yiyue.audit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.jsoup.Jsoup;
import org.yiyue.audit.browser.AuditBrowser;
import org.yiyue.audit.browser.RenderedPages;
import org.yiyue.rules.engine.RuleEngine;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.page.DocumentKind;
import org.yiyue.rules.page.Page;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code yiyue rules [--format json|earl] [--rendered] <file-or-url>…}: runs the rule library and prints outcomes.
 * Exit code 0 when nothing failed, 1 when some rule failed, 2 when an input could not be read (the other inputs
 * are still reported).
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"用规则库检查页面并输出 ACT 结果 · Run the rule library on pages and print ACT outcomes"})
public final class RulesCommand implements Callable<Integer> {

    enum Format { json, earl }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "json", description = "json 或 earl（EARL JSON-LD）: ${COMPLETION-CANDIDATES}")
    Format format;

    @Option(names = "--rendered", description = "在无头 Chromium 中渲染并收集渲染信息 · render in headless Chromium and collect facts")
    boolean rendered;

    @Option(names = "--offline", description = "浏览器只访问本机 · browser resolves only localhost/127.0.0.1")
    boolean offline;

    @Option(names = "--tags", split = ",", description = "只运行带这些标签的规则，如 wcag2a,elder · only rules with these tags")
    Set<String> tags;

    @Option(names = "--mobile", description = "以手机尺寸渲染（375×812，需 --rendered）· render as a phone (375×812, with --rendered)")
    boolean mobile;

    @Option(names = "--elder", description = "声明页面为适老化（长辈版）页面，启用 W-S1..3 等检查 · declare the pages elder-mode (适老化) pages")
    boolean elder;

    @Option(names = "--charset", description = "强制页面编码 · force the page charset (gbk is read as GB18030)")
    String charset;

    @Parameters(arity = "1..*", paramLabel = "<file-or-url>", description = "HTML 文件或 http(s) 网址 · HTML files or http(s) URLs")
    List<String> inputs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleEngine engine = tags == null || tags.isEmpty() ? RuleEngine.all() : RuleEngine.tagged(new LinkedHashSet<>(tags));
        if (engine.rules().isEmpty()) {
            err.println("没有匹配这些标签的规则 / no rule has tags " + tags);
            return 2;
        }
        List<OutcomeOutput.PageResult> results = new ArrayList<>();
        boolean inputError = false;
        AuditBrowser browser = null;
        try {
            for (String input : inputs) {
                try {
                    Page page;
                    String subject;
                    String pageCharset;
                    if (rendered) {
                        String url = PageInput.isUrl(input) ? input : Path.of(input).toAbsolutePath().toUri().toString();
                        if (!PageInput.isUrl(input) && !java.nio.file.Files.isRegularFile(Path.of(input))) {
                            throw new java.io.IOException("不是可读文件 / not a readable file: " + input);
                        }
                        if (browser == null) {
                            browser = AuditBrowser.start(offline, Duration.ofSeconds(30));
                            if (mobile) {
                                browser.channel().cdp("Emulation.setDeviceMetricsOverride",
                                        new java.util.HashMap<>(AuditBrowser.MOBILE_METRICS));
                            }
                        }
                        page = RenderedPages.load(browser.driver(), url, Duration.ofMillis(200));
                        subject = url;
                        Object doc = browser.channel().script(
                                // Chromium shows XML without a stylesheet through its XML viewer (an XHTML document
                                // holding the source): the served document's root is the source's first element
                                "var v = document.getElementById('webkit-xml-viewer-source-xml');"
                                        + "var root = v && v.firstElementChild ? v.firstElementChild : document.documentElement;"
                                        + "return [document.characterSet, document.contentType, root ? root.localName : null]");
                        java.util.List<?> d = (java.util.List<?>) doc;
                        pageCharset = String.valueOf(d.get(0));
                        page = page.withKind(DocumentKind.of((String) d.get(1), (String) d.get(2)));
                    } else {
                        PageInput.Loaded loaded = PageInput.read(input, charset);
                        page = Page.of(Jsoup.parse(loaded.html(), loaded.baseUrl()), loaded.baseUrl()).withKind(loaded.kind());
                        subject = loaded.baseUrl();
                        pageCharset = loaded.charset();
                    }
                    if (elder && page.document().firstElementChild() != null) {
                        page.document().firstElementChild().attr("data-yiyue-mode", "elder");
                    }
                    List<Outcome> outcomes = engine.runParallel(page);
                    results.add(new OutcomeOutput.PageResult(subject, pageCharset, rendered ? "rendered" : "static", outcomes));
                } catch (Exception e) {
                    inputError = true;
                    err.println("无法检查 / cannot check " + input + ": " + e.getMessage());
                }
            }
        } finally {
            if (browser != null) {
                browser.close();
            }
        }
        out.println(format == Format.earl ? OutcomeOutput.earl(results) : OutcomeOutput.json(results));
        out.flush();
        boolean failed = results.stream().flatMap(r -> r.outcomes().stream()).anyMatch(o -> o instanceof Outcome.Failed);
        return inputError ? 2 : failed ? 1 : 0;
    }
}
