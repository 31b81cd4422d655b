package org.yiyue.toolbar;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.providers.FileAxeScriptProvider;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core runs: the newest 4.x axe.min.js fetched from npm at build time (target/axe, see src/build/fetch-axe.mjs)
 * when present, otherwise the one embedded in axe-core/selenium; {@link #version} says which ran.
 * <p>
 * The axe-core/selenium builder sends the whole script (about 650 KB) through chromedriver into every frame on every
 * run, and opens and closes a blank window each time to combine the frames' results. Here the script is added once
 * per browser window to every new document, in an isolated JavaScript world of its own (DevTools
 * {@code Page.addScriptToEvaluateOnNewDocument} with a {@code worldName}): it sees the page's DOM and styles, the
 * page's scripts never see it. A run follows the builder's procedure in that world: a page without frames gets one
 * {@code axe.run}; a page with frames gets {@code axe.runPartial} in every frame (depth first, a frame that cannot
 * be scanned counts as null, as in the builder) and {@code axe.finishRun} in the top frame. A document loaded before
 * the script was added gets it sent once. Where this cannot work (no DevTools, a frame in another renderer process)
 * the builder runs instead, so no frame is scanned less.
 * <p>
 * {@code -Dyiyue.axe.compare=true} runs the builder after every run as well and fails when the two disagree on a
 * violation (the check that both give the same results; slow).
 */
final class Axe {

    private Axe() {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String WORLD = "yiyue-test-axe";
    /** Windows (driver and handle) whose new documents get axe-core. */
    private static final Map<WebDriver, Set<String>> INSTALLED = Collections.synchronizedMap(new WeakHashMap<>());
    private static final long LIMIT_MS = 30_000;
    private static volatile String script;

    /** Runs in the page's axe world, documents axe-core had to be sent to, runs left to the builder. */
    static final AtomicLong IN_PAGE = new AtomicLong();
    static final AtomicLong SENT = new AtomicLong();
    static final AtomicLong BUILDER = new AtomicLong();

    /** What the builder sets: every result type is still listed, only violations keep all their nodes. */
    private static final Map<String, Object> OPTIONS = Map.of("resultTypes", List.of("violations"));
    private static final Map<String, Object> WHOLE_PAGE = Map.of("exclude", List.of());

    private static final String PRESENT = "typeof axe === 'object' && typeof axe.runPartial === 'function'";
    private static final String WITHIN = "function within(p, limit) { return new Promise(function (ok, fail) {"
            + " var t = setTimeout(function () { fail(new Error('axe-core did not finish within ' + limit + ' ms')); }, limit);"
            + " p.then(function (v) { clearTimeout(t); ok(v); }, function (e) { clearTimeout(t); fail(e); }); }); }";
    /** Only the violations (and the engine) come back; the other result types are not read. */
    private static final String TRIM = "function trim(r) { r = JSON.parse(JSON.stringify(r));"
            + " r.passes = []; r.incomplete = []; r.inapplicable = []; return r; }";
    /** The finished report when the page has no frames, else {frames: true}; {missing: true} without axe-core. */
    private static final String RUN = "function (context, options, limit) {"
            + " if (!(" + PRESENT + ")) return {missing: true};"
            + " if (axe.utils.getFrameContexts(context).length) return {frames: true};"
            + " return within(axe.run(context, options), limit).then(function (r) { return {report: trim(r)}; });"
            + " " + WITHIN + " " + TRIM + " }";
    private static final String FRAME_CONTEXTS = "function (context) { return axe.utils.getFrameContexts(context); }";
    private static final String PARTIAL = "function (context, options, limit) {"
            + " return within(axe.runPartial(context, options), limit).then(function (r) { return JSON.parse(JSON.stringify(r)); });"
            + " " + WITHIN + " }";
    /** The top frame's partial result (the largest: a few hundred KB) stays in its world for finishRun. */
    private static final String TOP_PARTIAL = "function (context, options, limit) { window.__yiyueTopPartial = null;"
            + " return within(axe.runPartial(context, options), limit).then(function (r) { window.__yiyueTopPartial = r; return true; });"
            + " " + WITHIN + " }";
    private static final String FINISH = "function (partials, options, limit) {"
            + " var all = [window.__yiyueTopPartial].concat(partials); window.__yiyueTopPartial = null;"
            + " return within(axe.finishRun(all, options), limit).then(trim);"
            + " " + WITHIN + " " + TRIM + " }";
    private static final String SELECT = "function (selector) { return axe.utils.shadowSelect(selector); }";

    static Path npmScript() {
        return Path.of(System.getProperty("yiyue.axe.script", "target/axe/axe.min.js"));
    }

    /** The axe-core source: npm's when fetched, else the builder's embedded one (the same the builder would run). */
    static String script() {
        String s = script;
        if (s == null) {
            Path file = npmScript();
            try {
                s = Files.isRegularFile(file) ? Files.readString(file) : new EmbeddedResourceAxeProvider().getScript();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("the embedded axe-core script", e);
            }
            script = s;
        }
        return s;
    }

    static Results run(WebDriver driver) {
        Results results;
        try {
            results = inPage(driver);
            IN_PAGE.incrementAndGet();
        } catch (Unavailable e) {
            BUILDER.incrementAndGet();
            results = builder(driver);
        }
        if (results.isErrored()) {
            throw new AssertionError("axe-core errored: " + results.getErrorMessage());
        }
        if (Boolean.getBoolean("yiyue.axe.compare")) {
            Results old = builder(driver);
            for (boolean inside : new boolean[] {false, true}) {
                Set<String> a = violations(old, inside);
                Set<String> b = violations(results, inside);
                if (!a.equals(b)) {
                    throw new AssertionError("axe in the page's world and the builder differ on " + driver.getCurrentUrl()
                            + (inside ? " (toolbar)" : "") + ": builder " + a + " vs in page " + b);
                }
            }
            System.out.println("[axe-compare] same " + violations(results, false).size() + "+" + violations(results, true).size()
                    + " violations: " + driver.getCurrentUrl());
        }
        return results;
    }

    /** The axe-core/selenium builder, as every run used it before. */
    static Results builder(WebDriver driver) {
        AxeBuilder builder = new AxeBuilder();
        Path file = npmScript();
        if (Files.isRegularFile(file)) {
            try {
                builder.setAxeScriptProvider(new FileAxeScriptProvider(file.toString()));
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }
        // violations are what we compare; skipping node details of passes makes each run much cheaper
        com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        builder.withOptions(options);
        return builder.analyze(driver);
    }

    /** This runner cannot scan every frame of the page. */
    private static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An error axe-core raised in the page. */
    private static final class AxeError extends RuntimeException {
        AxeError(String message) {
            super(message);
        }
    }

    /** Adds axe-core to every new document of the driver's current window from now on (else the first run does). */
    static void install(WebDriver driver) {
        if (driver instanceof HasCdp cdp) {
            install(cdp, driver);
        }
    }

    private static void install(HasCdp cdp, WebDriver driver) {
        String window = driver.getWindowHandle();
        Set<String> windows = INSTALLED.computeIfAbsent(driver, d -> Collections.synchronizedSet(new HashSet<>()));
        if (windows.add(window)) {
            cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", named(script()), "worldName", WORLD));
        }
    }

    private static String named(String source) {
        return source + "\n//# sourceURL=yiyue-test/axe-core.js\n";
    }

    @SuppressWarnings("unchecked")
    private static Results inPage(WebDriver driver) {
        if (!(driver instanceof HasCdp cdp)) {
            throw new Unavailable("no DevTools", null);
        }
        install(cdp, driver);
        String top;
        try {
            Map<String, Object> tree = (Map<String, Object>) cdp.executeCdpCommand("Page.getFrameTree", Map.of()).get("frameTree");
            top = String.valueOf(((Map<String, Object>) tree.get("frame")).get("id"));
        } catch (RuntimeException e) {
            throw new Unavailable("no frame tree", e);
        }
        int context = context(cdp, top);
        try {
            Map<String, Object> answer = (Map<String, Object>) call(cdp, context, RUN, true, WHOLE_PAGE, OPTIONS, LIMIT_MS);
            if (answer.get("missing") != null) {
                context = world(cdp, top); // a document loaded before the script was added
                answer = (Map<String, Object>) call(cdp, context, RUN, true, WHOLE_PAGE, OPTIONS, LIMIT_MS);
            }
            if (answer.get("report") != null) {
                return MAPPER.convertValue(answer.get("report"), Results.class);
            }
            List<Object> partials = new ArrayList<>(); // the child frames', in the builder's order after the top frame's
            partials(cdp, context, WHOLE_PAGE, partials, true);
            return MAPPER.convertValue(call(cdp, context, FINISH, true, partials, OPTIONS, LIMIT_MS), Results.class);
        } catch (AxeError e) {
            Results r = new Results();
            r.setViolations(new ArrayList<>());
            r.setErrorMessage(e);
            return r;
        }
    }

    /** runPartial in this frame, then in each of its frames in document order (the builder's order). */
    @SuppressWarnings("unchecked")
    private static void partials(HasCdp cdp, int context, Object frameContext, List<Object> out, boolean top) {
        List<Map<String, Object>> frames = (List<Map<String, Object>>) call(cdp, context, FRAME_CONTEXTS, false, frameContext);
        if (top) {
            call(cdp, context, TOP_PARTIAL, true, frameContext, OPTIONS, LIMIT_MS);
        } else {
            out.add(call(cdp, context, PARTIAL, true, frameContext, OPTIONS, LIMIT_MS));
        }
        for (Map<String, Object> f : frames == null ? List.<Map<String, Object>>of() : frames) {
            String child = childFrame(cdp, context, f.get("frameSelector"));
            if (child == null) {
                out.add(null); // the builder records a frame it cannot find as null
                continue;
            }
            int childContext = world(cdp, child);
            int before = out.size();
            try {
                partials(cdp, childContext, f.get("frameContext"), out, false);
            } catch (AxeError e) {
                out.subList(before, out.size()).clear(); // the builder records a frame whose scan failed as one null
                out.add(null);
            }
        }
    }

    /** The DevTools frame id of the frame element a selector names, or null. */
    @SuppressWarnings("unchecked")
    private static String childFrame(HasCdp cdp, int context, Object selector) {
        Map<String, Object> r = cdp.executeCdpCommand("Runtime.callFunctionOn", Map.of("functionDeclaration", SELECT,
                "executionContextId", context, "arguments", List.of(Map.of("value", selector)), "returnByValue", false));
        if (r.get("exceptionDetails") != null) return null;
        Object objectId = ((Map<String, Object>) r.get("result")).get("objectId");
        if (objectId == null) return null;
        try {
            Map<String, Object> node = (Map<String, Object>) cdp.executeCdpCommand("DOM.describeNode", Map.of("objectId", objectId)).get("node");
            Object frameId = node == null ? null : node.get("frameId");
            return frameId == null ? null : frameId.toString();
        } finally {
            cdp.executeCdpCommand("Runtime.releaseObject", Map.of("objectId", objectId));
        }
    }

    /** The execution context of axe-core's world in a frame (the world the new-document script ran in). */
    private static int context(HasCdp cdp, String frameId) {
        try {
            Map<String, Object> r = cdp.executeCdpCommand("Page.createIsolatedWorld", Map.of("frameId", frameId, "worldName", WORLD));
            return ((Number) r.get("executionContextId")).intValue();
        } catch (RuntimeException e) {
            throw new Unavailable("no isolated world in frame " + frameId, e); // e.g. a frame of another renderer process
        }
    }

    /** The context of axe-core's world in a frame, axe-core sent to it first if its document predates the install. */
    private static int world(HasCdp cdp, String frameId) {
        int context = context(cdp, frameId);
        if (!Boolean.TRUE.equals(call(cdp, context, "function () { return " + PRESENT + "; }", false))) {
            SENT.incrementAndGet();
            Map<String, Object> r = cdp.executeCdpCommand("Runtime.evaluate", Map.of("expression", named(script()),
                    "contextId", context, "returnByValue", false, "silent", true));
            if (r.get("exceptionDetails") != null
                    || !Boolean.TRUE.equals(call(cdp, context, "function () { return " + PRESENT + "; }", false))) {
                throw new Unavailable("axe-core could not be loaded in frame " + frameId, null);
            }
        }
        return context;
    }

    @SuppressWarnings("unchecked")
    private static Object call(HasCdp cdp, int context, String function, boolean await, Object... args) {
        List<Map<String, Object>> arguments = new ArrayList<>();
        for (Object a : args) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", a);
            arguments.add(v);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("functionDeclaration", function);
        params.put("executionContextId", context);
        params.put("arguments", arguments);
        params.put("returnByValue", true);
        params.put("awaitPromise", await);
        Map<String, Object> r = cdp.executeCdpCommand("Runtime.callFunctionOn", params);
        if (r.get("exceptionDetails") instanceof Map<?, ?> details) {
            Object exception = details.get("exception");
            throw new AxeError(exception instanceof Map<?, ?> e && e.get("description") != null ? String.valueOf(e.get("description"))
                    : String.valueOf(details.get("text")));
        }
        Map<String, Object> result = (Map<String, Object>) r.get("result");
        return result == null ? null : result.get("value");
    }

    static String version(Results results) {
        return results.getTestEngine().getVersion();
    }

    /** "rule | target" for each violating node; inside=true keeps only nodes in the toolbar's shadow tree. */
    static Set<String> violations(Results results, boolean inside) {
        Set<String> out = new TreeSet<>();
        for (Rule rule : results.getViolations()) {
            rule.getNodes().forEach(n -> {
                // the node's own markup identifies it; axe's generated selectors shift when a host element is added
                String target = normalise(String.valueOf(n.getTarget()));
                String frame = target.contains(", ") ? target.substring(0, target.indexOf(", ")) + " " : "";
                if (target.contains("yiyue-a11y") == inside) out.add(rule.getId() + " | " + (inside ? target : frame + normalise(n.getHtml())));
            });
        }
        return out;
    }

    /** Origins, the toolbar's own script tag (in framed documents) and animated inline positions are not page changes. */
    static String normalise(String s) {
        return s.replaceAll("127\\.0\\.0\\.1:\\d+", "ORIGIN")
                .replaceAll("<script src=\"/a11y/toolbar\\.js\"[^>]*></script>", "")
                .replaceAll("(?<=[:\\s])-?[\\d.]+px", "Npx");
    }

    static List<String> ids(Results results) {
        return results.getViolations().stream().map(Rule::getId).toList();
    }
}
