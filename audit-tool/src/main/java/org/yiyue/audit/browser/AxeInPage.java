package org.yiyue.audit.browser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import com.deque.html.axecore.results.Results;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Runs axe-core in the audited page without sending its script (about 560 KB) through WebDriver on every call, and
 * without the blank window the axe-core/selenium builder opens on every page to combine results:
 * <ul>
 * <li>once per browser, the script is added to every new document in an isolated JavaScript world of its own
 *     (DevTools {@code Page.addScriptToEvaluateOnNewDocument} with a {@code worldName}): it sees the page's DOM and
 *     styles, the page's scripts never see it (no {@code window.axe} for the page, axe's timers are not the page's,
 *     and the page cannot change the built-ins axe uses);</li>
 * <li>a page without frames is scanned by one {@code axe.run} in that world; a page with frames gets
 *     {@code axe.runPartial} in each frame's world and {@code axe.finishRun} in the top frame's world — the
 *     procedure the builder follows, with the same options ({@code resultTypes} then also trims the report);</li>
 * <li>a document loaded before the script was added gets it once, in the same world.</li>
 * </ul>
 * Where this cannot run — no DevTools, a frame in another renderer process (a cross-site iframe), an isolated world
 * refused — {@link #run} throws {@link Unavailable} and the caller uses the builder, so no frame is scanned less.
 */
final class AxeInPage {

    /** This runner cannot scan the page; the caller falls back to the axe-core/selenium builder. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** World names already added to each browser window (one per axe-core script and tab). */
    private static final Map<WebDriver, Set<String>> INSTALLED = Collections.synchronizedMap(new WeakHashMap<>());

    /** Documents the script had to be sent to (loaded before it was added), and scans left to the builder. */
    static final java.util.concurrent.atomic.AtomicLong SENT = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong FALLBACKS = new java.util.concurrent.atomic.AtomicLong();

    /** Whole page, as the builder scans it. */
    private static final Map<String, Object> WHOLE_PAGE = Map.of("exclude", List.of());

    private static final String PRESENT = "typeof axe === 'object' && typeof axe.runPartial === 'function'";

    /** Frames to scan, or the finished report when there are none (one call for the usual page). */
    private static final String RUN = "function (context, options, limit) {"
            + "  if (!(" + PRESENT + ")) return {missing: true};"
            + "  if (axe.utils.getFrameContexts(context, options).length) return {frames: true};"
            + "  return within(axe.run(context, options), limit).then(function (r) { return {report: JSON.parse(JSON.stringify(r))}; });"
            + "  " + within() + "}";

    private static final String FRAME_CONTEXTS = "function (context, options) {"
            + "  if (!(" + PRESENT + ")) return {missing: true};"
            + "  return {frames: axe.utils.getFrameContexts(context, options)}; }";

    private static final String PARTIAL = "function (context, options, limit) {"
            + "  return within(axe.runPartial(context, options), limit).then(function (r) { return JSON.parse(JSON.stringify(r)); });"
            + "  " + within() + "}";

    private static final String FINISH = "function (partials, options, limit) {"
            + "  return within(axe.finishRun(partials, options), limit).then(function (r) { return JSON.parse(JSON.stringify(r)); });"
            + "  " + within() + "}";

    private static final String SELECT = "function (selector) { return axe.utils.shadowSelect(selector); }";

    private AxeInPage() {
    }

    /** A promise that rejects when axe-core takes longer than the limit (the builder's script timeout). */
    private static String within() {
        return "function within(p, limit) { return new Promise(function (ok, fail) {"
                + " var t = setTimeout(function () { fail(new Error('axe-core did not finish within ' + limit + ' ms')); }, limit);"
                + " p.then(function (v) { clearTimeout(t); ok(v); }, function (e) { clearTimeout(t); fail(e); }); }); }";
    }

    /** The script named for DevTools (profiles, stack traces), as the audit's own scripts are ({@link Scripts}). */
    private static String named(String script) {
        return script + "\n//# sourceURL=yiyue/axe-core.js\n";
    }

    /** The isolated world of one axe-core script: the same script always gets the same world. */
    static String worldName(String script) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "yiyue-axe-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds the script to every document the browser loads from now on (once per browser and script). Returns false
     * when the browser cannot (no DevTools); {@link #run} then still works by sending the script per document.
     */
    static boolean install(WebDriver driver, String script, String world) {
        if (!(driver instanceof HasCdp)) {
            return false;
        }
        PageChannel cdp = PageChannel.of(driver);
        String key;
        try {
            key = world + "@" + cdp.window(); // DevTools adds the script to the current tab only
        } catch (RuntimeException e) {
            return false;
        }
        Set<String> worlds = INSTALLED.computeIfAbsent(driver, d -> Collections.synchronizedSet(new HashSet<>()));
        if (worlds.contains(key)) {
            return true;
        }
        try {
            cdp.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", named(script), "worldName", world));
            worlds.add(key);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Scans the page loaded in the driver's current window. An error of axe-core itself (it threw, or ran past
     * {@code limitMillis}) comes back as an errored result, as from the builder.
     *
     * @throws Unavailable when this runner cannot scan every frame of the page (use the builder)
     */
    @SuppressWarnings("unchecked")
    static Results run(WebDriver driver, String script, String world, String optionsJson, long limitMillis) {
        if (!(driver instanceof HasCdp)) {
            throw new Unavailable("no DevTools", null);
        }
        PageChannel cdp = PageChannel.of(driver);
        Map<String, Object> options;
        try {
            options = MAPPER.readValue(optionsJson, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("axe options are not JSON: " + optionsJson, e);
        }
        String top = mainFrame(cdp);
        int context = context(cdp, top, world);
        Map<String, Object> answer;
        try {
            answer = (Map<String, Object>) call(cdp, context, RUN, true, WHOLE_PAGE, options, limitMillis);
            if (answer.get("missing") != null) {
                context = world(cdp, top, world, script); // a document loaded before the script was added
                answer = (Map<String, Object>) call(cdp, context, RUN, true, WHOLE_PAGE, options, limitMillis);
            }
        } catch (AxeError e) {
            return errored(e);
        }
        if (answer.get("report") != null) {
            return MAPPER.convertValue(answer.get("report"), Results.class);
        }
        // frames: runPartial in every frame (depth first, as the builder orders them), finishRun in the top frame
        try {
            List<Object> partials = new ArrayList<>();
            partials(cdp, top, context, world, script, WHOLE_PAGE, options, limitMillis, partials);
            Object report = call(cdp, context, FINISH, true, partials, options, limitMillis);
            return MAPPER.convertValue(report, Results.class);
        } catch (AxeError e) {
            return errored(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void partials(PageChannel cdp, String frameId, int context, String world, String script, Object frameContext,
                                 Map<String, Object> options, long limit, List<Object> out) {
        Map<String, Object> listed = (Map<String, Object>) call(cdp, context, FRAME_CONTEXTS, false, frameContext, options);
        List<Map<String, Object>> frames = (List<Map<String, Object>>) listed.getOrDefault("frames", List.of());
        out.add(call(cdp, context, PARTIAL, true, frameContext, options, limit));
        for (Map<String, Object> f : frames) {
            String child = childFrame(cdp, context, f.get("frameSelector"));
            if (child == null) {
                out.add(null); // the builder, too, records a frame it cannot find as null
                continue;
            }
            int childContext = world(cdp, child, world, script);
            int before = out.size();
            try {
                partials(cdp, child, childContext, world, script, f.get("frameContext"), options, limit, out);
            } catch (AxeError e) {
                // the builder records a frame whose scan failed as one null and goes on
                out.subList(before, out.size()).clear();
                out.add(null);
            }
        }
    }

    /** The DevTools frame id of the frame element a selector names, or null when there is none. */
    @SuppressWarnings("unchecked")
    private static String childFrame(PageChannel cdp, int context, Object selector) {
        Map<String, Object> r = cdp.cdp("Runtime.callFunctionOn", Map.of("functionDeclaration", SELECT,
                "executionContextId", context, "arguments", List.of(Map.of("value", selector)), "returnByValue", false));
        if (r.get("exceptionDetails") != null) {
            return null;
        }
        Object objectId = ((Map<String, Object>) r.get("result")).get("objectId");
        if (objectId == null) {
            return null;
        }
        try {
            Map<String, Object> node = (Map<String, Object>) cdp.cdp("DOM.describeNode", Map.of("objectId", objectId)).get("node");
            Object frameId = node == null ? null : node.get("frameId");
            return frameId == null ? null : frameId.toString();
        } finally {
            try {
                cdp.cdp("Runtime.releaseObject", Map.of("objectId", objectId));
            } catch (RuntimeException ignored) {
                // the object goes with the page anyway
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String mainFrame(PageChannel cdp) {
        try {
            Map<String, Object> tree = (Map<String, Object>) cdp.cdp("Page.getFrameTree", Map.of()).get("frameTree");
            return String.valueOf(((Map<String, Object>) tree.get("frame")).get("id"));
        } catch (RuntimeException e) {
            throw new Unavailable("no frame tree: " + e.getMessage(), e);
        }
    }

    /** The execution context of axe-core's world in a frame (the world the document-start script ran in). */
    private static int context(PageChannel cdp, String frameId, String world) {
        try {
            Map<String, Object> r = cdp.cdp("Page.createIsolatedWorld", Map.of("frameId", frameId, "worldName", world));
            return ((Number) r.get("executionContextId")).intValue();
        } catch (RuntimeException e) {
            // a frame of another renderer process (cross-site iframe) is not this page's to reach
            throw new Unavailable("no isolated world in frame " + frameId + ": " + e.getMessage(), e);
        }
    }

    /** The execution context of axe-core's world in a frame, with axe-core present (sent once if it is not yet). */
    private static int world(PageChannel cdp, String frameId, String world, String script) {
        int context = context(cdp, frameId, world);
        Object present = call(cdp, context, "function () { return " + PRESENT + "; }", false);
        if (!Boolean.TRUE.equals(present)) {
            // a document loaded before the script was added to new documents
            SENT.incrementAndGet();
            Map<String, Object> r = cdp.cdp("Runtime.evaluate", Map.of("expression", named(script), "contextId", context,
                    "returnByValue", false, "silent", true));
            if (r.get("exceptionDetails") != null || !Boolean.TRUE.equals(call(cdp, context, "function () { return " + PRESENT + "; }", false))) {
                throw new Unavailable("axe-core could not be loaded in frame " + frameId, null);
            }
        }
        return context;
    }

    /** An error axe-core raised in the page. */
    private static final class AxeError extends RuntimeException {
        AxeError(String message) {
            super(message);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object call(PageChannel cdp, int context, String function, boolean await, Object... args) {
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
        Map<String, Object> r = cdp.cdp("Runtime.callFunctionOn", params);
        Object ex = r.get("exceptionDetails");
        if (ex instanceof Map<?, ?> details) {
            Object exception = details.get("exception");
            String message = exception instanceof Map<?, ?> e && e.get("description") != null ? String.valueOf(e.get("description"))
                    : String.valueOf(details.get("text"));
            throw new AxeError(message);
        }
        Map<String, Object> result = (Map<String, Object>) r.get("result");
        return result == null ? null : result.get("value");
    }

    private static Results errored(RuntimeException e) {
        Results r = new Results();
        r.setViolations(new ArrayList<>());
        r.setPasses(new ArrayList<>());
        r.setErrorMessage(e);
        return r;
    }
}
