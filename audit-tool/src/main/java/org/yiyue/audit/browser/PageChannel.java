package org.yiyue.audit.browser;

import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.UnsupportedCommandException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.remote.CommandPayload;
import org.openqa.selenium.remote.Response;

/**
 * Runs the audit's page scripts and DevTools commands in the browser's current window over a DevTools websocket of
 * the audit's own, instead of through chromedriver: one round trip costs about 1–2 ms of CPU (this JVM, the browser,
 * the renderer) where chromedriver's {@code executeScript} costs 7–14 ms (it adds chromedriver's process, its HTTP
 * and JSON hops and its own serialisation), and a viewport capture is not re-encoded by chromedriver.
 * <p>
 * The semantics are WebDriver's, as the audit's checks rely on them:
 * <ul>
 * <li>{@link #script} is {@code executeScript}: a function body reading {@code arguments[i]}; a promise (or thenable)
 *     it returns is awaited. {@link #asyncScript} is {@code executeAsyncScript}: the last argument is the callback.
 *     Both run in the main world of the current window's top document, and give up after the driver's script timeout
 *     ({@link ScriptTimeoutException}).</li>
 * <li>Arguments are numbers, strings, booleans, null, lists, arrays and maps of them. Results are converted as
 *     chromedriver converts them (undefined, NaN and infinities become null, -0 becomes 0, objects keep their
 *     enumerable properties, own {@code toJSON} is honoured, array-likes become lists, a cycle is an error) and come
 *     back as Selenium gives them: Long for integers, Double otherwise, Boolean, String, List, LinkedHashMap.</li>
 * <li>A script that throws or rejects raises {@link JavascriptException} ("javascript error: message").</li>
 * <li>A JavaScript dialog (alert, confirm, prompt, beforeunload) the page opens while a call waits is dismissed and
 *     the call raises {@link UnhandledAlertException}; a dialog found open when a call starts is dismissed and raises
 *     it too (chromedriver's default "dismiss and notify"; chromedriver itself returns null from the interrupted
 *     script and fails the next command instead). The renderer never stays blocked on a dialog of ours.</li>
 * <li>A page that navigates away while a script waits raises {@link ScriptTimeoutException} (async script) or
 *     {@link TimeoutException} (awaited promise), as through chromedriver; while the top document is loading (a
 *     navigation the page or a script started) a script waits for the load first, as chromedriver's would.</li>
 * </ul>
 * What only WebDriver can do still goes through it, with identical results: a script with a {@code WebElement}
 * argument, a script whose result holds DOM nodes or windows (the result is kept in the page and read by WebDriver,
 * so the script still runs once), the driver switched into a frame, and drivers this class did not start
 * ({@link #of} on a plain ChromeDriver). DevTools commands ({@link #cdp}) always use the channel's session of the
 * window when there is one: emulation, blocked URLs and document-start scripts belong to the session that set them,
 * so they must not change sessions half way.
 * <p>
 * The window is followed exactly: the driver {@link #start} creates reports every switch of window or frame, every
 * closed window and the script timeout, so no round trip asks chromedriver. One DevTools session per window, attached
 * when first used; the channel closes with the driver ({@code quit}).
 */
public final class PageChannel implements AutoCloseable {

    /** Calls that went over DevTools and calls left to chromedriver (for the benchmark). */
    static final LongAdder DEVTOOLS_CALLS = new LongAdder();
    static final LongAdder DRIVER_CALLS = new LongAdder();

    private static final Json JSON = new Json();
    private static final String UNKNOWN = new String("unknown window");
    /** Where a result holding DOM nodes waits for WebDriver to read it (a non-enumerable property of the window). */
    private static final String KEPT = "__yiyueKeptResult";

    private final WebDriver driver;
    private final boolean tracked;
    private volatile String window = UNKNOWN;
    private volatile int frameDepth;
    private volatile long scriptTimeoutMillis = 30_000; // the W3C defaults, until the driver sets others
    private volatile long pageLoadTimeoutMillis = 300_000;
    private volatile DevToolsSocket socket;
    private volatile boolean unavailable;
    private final Map<String, Session> byWindow = new ConcurrentHashMap<>();
    private final Map<String, Session> bySession = new ConcurrentHashMap<>();

    /** One window's DevTools session and what its events say. */
    private static final class Session {
        final String id;
        final String window;
        volatile String dialog;
        /** The top document is loading, or the page asked for a navigation not yet seen to start. */
        volatile boolean loading;
        volatile boolean requested;
        final AtomicInteger running = new AtomicInteger();
        final Set<CompletableFuture<Map<String, Object>>> waiting = ConcurrentHashMap.newKeySet();

        Session(String id, String window) {
            this.id = id;
            this.window = window;
        }
    }

    private PageChannel(WebDriver driver, boolean tracked) {
        this.driver = driver;
        this.tracked = tracked;
    }

    /**
     * The browser's channel: the channel of a driver {@link #start} made, or for any other driver one that runs
     * everything through WebDriver (it cannot know which window that driver is in).
     */
    public static PageChannel of(WebDriver driver) {
        return driver instanceof Driver d ? d.channel : new PageChannel(driver, false);
    }

    /** Starts chromedriver and Chromium with a driver whose channel follows its windows. */
    static ChromeDriver start(ChromeDriverService service, ChromeOptions options) {
        return new Driver(service, options);
    }

    /** A ChromeDriver that tells its channel which window and frame its commands go to. */
    private static final class Driver extends ChromeDriver {
        final PageChannel channel;

        Driver(ChromeDriverService service, ChromeOptions options) {
            super(service, options);
            channel = new PageChannel(this, true);
        }

        @Override
        protected Response execute(CommandPayload payload) {
            String name = payload.getName();
            if ("quit".equals(name) && channel != null) {
                channel.close();
            }
            Response r = super.execute(payload);
            if (channel != null) {
                channel.executed(name, payload.getParameters(), r);
            }
            return r;
        }
    }

    /** What a WebDriver command that succeeded changed: the window, the frame, the script timeout. */
    private void executed(String command, Map<String, ?> params, Response r) {
        switch (command) {
            case "switchToWindow" -> {
                window = String.valueOf(params.get("handle"));
                frameDepth = 0;
            }
            case "getCurrentWindowHandle" -> {
                if (window == UNKNOWN && r != null && r.getValue() instanceof String h) {
                    window = h;
                }
            }
            case "switchToFrame" -> frameDepth = params.get("id") == null ? 0 : frameDepth + 1;
            case "switchToParentFrame" -> frameDepth = Math.max(0, frameDepth - 1);
            case "close" -> {
                Session s = byWindow.remove(window);
                if (s != null) {
                    bySession.remove(s.id);
                }
                window = null; // chromedriver has no current window until the next switch
            }
            case "setTimeout" -> {
                if (params.get("script") instanceof Number ms) {
                    scriptTimeoutMillis = ms.longValue();
                }
                if (params.get("pageLoad") instanceof Number ms) {
                    pageLoadTimeoutMillis = ms.longValue();
                }
            }
            default -> {
                // other commands leave window, frame and timeouts as they were
            }
        }
    }

    /**
     * The driver's current window handle, as {@code getWindowHandle()} gives it; known without a round trip to
     * chromedriver once the channel follows the driver.
     */
    public String window() {
        String w = tracked ? window : UNKNOWN;
        return w == null || w == UNKNOWN ? driver.getWindowHandle() : w;
    }

    /** As {@code executeScript}: runs a function body with arguments, awaits a promise it returns. */
    public Object script(String body, Object... args) {
        return run(body, false, args);
    }

    /** As {@code executeAsyncScript}: runs a function body whose last argument is the callback giving the result. */
    public Object asyncScript(String body, Object... args) {
        return run(body, true, args);
    }

    /**
     * As {@code executeCdpCommand}: a DevTools command for the current window's page. Errors raise
     * {@link WebDriverException}; a browser without DevTools raises {@link UnsupportedCommandException}.
     */
    public Map<String, Object> cdp(String method, Map<String, ?> params) {
        Session s = session();
        if (s == null) {
            if (!(driver instanceof HasCdp cdp)) {
                throw new UnsupportedCommandException("no DevTools in " + driver.getClass().getName());
            }
            DRIVER_CALLS.increment();
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) params;
            return cdp.executeCdpCommand(method, p);
        }
        dismissOpenDialog(s);
        DEVTOOLS_CALLS.increment();
        return await(s, method, params, 120_000, false, false);
    }

    /**
     * The same DevTools command with each of {@code params}, sent back to back without waiting for each answer, then
     * every answer awaited; Chromium handles one session's commands in the order sent, so the effect is that of
     * {@link #cdp} called for each in turn, without a round trip of this JVM between two of them. For input events
     * (a run of key presses) the renderer handles each event before the next, as it would from a fast typist. The
     * first error raises, as in {@link #cdp}.
     */
    public void cdpInOrder(String method, java.util.List<? extends Map<String, ?>> params) {
        Session s = session();
        if (s == null) {
            for (Map<String, ?> p : params) {
                cdp(method, p);
            }
            return;
        }
        dismissOpenDialog(s);
        java.util.List<Pending> pending = new java.util.ArrayList<>();
        try {
            for (Map<String, ?> p : params) {
                DEVTOOLS_CALLS.increment();
                pending.add(send(s, method, p));
            }
            for (Pending p : pending) {
                answer(s, method, p, 120_000, false, false);
            }
        } finally {
            for (Pending p : pending) {
                s.waiting.remove(p.user()); // the answers after an error are not waited for
            }
        }
    }

    private Object run(String body, boolean async, Object[] args) {
        Object[] a = args == null ? new Object[0] : args;
        Session s = frameDepth == 0 && plain(a) ? session() : null;
        if (s != null) {
            dismissOpenDialog(s);
        }
        if (s == null || !settled(s)) {
            return viaDriver(body, async, a);
        }
        DEVTOOLS_CALLS.increment();
        String expression = "(" + WRAPPER + ")(function () {\n" + body + "\n}, " + JSON.toJson(a) + ", " + async + ", '" + KEPT + "')";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("expression", expression);
        params.put("returnByValue", true);
        params.put("awaitPromise", true);
        Map<String, Object> answer = await(s, "Runtime.evaluate", params, scriptTimeoutMillis, true, async);
        if (answer.get("exceptionDetails") instanceof Map<?, ?> details) {
            throw new JavascriptException("javascript error: " + message(details));
        }
        Object value = answer.get("result") instanceof Map<?, ?> result ? result.get("value") : null;
        if (!(value instanceof Map<?, ?> tagged)) {
            throw new WebDriverException("unexpected answer from the page: " + answer);
        }
        if (tagged.containsKey("e")) {
            throw new JavascriptException("javascript error: " + tagged.get("e"));
        }
        if (tagged.containsKey("n")) {
            // DOM nodes or windows in the result: WebDriver reads the result the script left in the page
            DRIVER_CALLS.increment();
            return ((JavascriptExecutor) driver).executeScript(
                    "var k = arguments[0], v = window[k]; delete window[k]; return v;", KEPT);
        }
        return tagged.get("v");
    }

    /**
     * Waits, as chromedriver does before a script, while the top document loads (a navigation the page or a WebDriver
     * command started: its events may still be on their way when the command has returned). A navigation asked for
     * that does not start loading within a second (refused, or no document came) is not waited for. False when the
     * document is still loading after the page load timeout.
     */
    private boolean settled(Session s) {
        if (!s.loading && !s.requested) {
            return true;
        }
        long now = System.nanoTime();
        long startBy = now + 1_000_000_000L;
        long deadline = now + pageLoadTimeoutMillis * 1_000_000L;
        synchronized (s) {
            try {
                while (s.requested && !s.loading && System.nanoTime() < startBy) {
                    s.wait(Math.max(1, (startBy - System.nanoTime()) / 1_000_000));
                }
                s.requested = false;
                while (s.loading && System.nanoTime() < deadline) {
                    s.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !s.loading;
        }
    }

    private Object viaDriver(String body, boolean async, Object[] args) {
        DRIVER_CALLS.increment();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        return async ? js.executeAsyncScript(body, args) : js.executeScript(body, args);
    }

    /**
     * Sends a command on the window's session and waits for its answer, failing at once when a dialog opens meanwhile
     * (the dialog is dismissed), after {@code timeoutMillis}, or when the document goes away under a script.
     */
    private Map<String, Object> await(Session s, String method, Map<String, ?> params, long timeoutMillis, boolean script, boolean async) {
        return answer(s, method, send(s, method, params), timeoutMillis, script, async);
    }

    /** A command sent on a session, and what its caller waits for (failed at once when a dialog opens meanwhile). */
    private record Pending(CompletableFuture<Map<String, Object>> user, CompletableFuture<Map<String, Object>> sent) {
    }

    private Pending send(Session s, String method, Map<String, ?> params) {
        CompletableFuture<Map<String, Object>> user = new CompletableFuture<>();
        s.waiting.add(user);
        s.running.incrementAndGet();
        CompletableFuture<Map<String, Object>> sent;
        try {
            sent = socket.send(s.id, method, params);
        } catch (RuntimeException e) {
            s.running.decrementAndGet();
            s.waiting.remove(user);
            throw e;
        }
        sent.whenComplete((r, e) -> {
            s.running.decrementAndGet();
            if (e != null) {
                user.completeExceptionally(e);
            } else {
                user.complete(r);
            }
        });
        return new Pending(user, sent);
    }

    /** Waits for a sent command's answer (see {@link #await}). */
    private Map<String, Object> answer(Session s, String method, Pending pending, long timeoutMillis, boolean script, boolean async) {
        CompletableFuture<Map<String, Object>> user = pending.user();
        CompletableFuture<Map<String, Object>> sent = pending.sent();
        try {
            return user.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            socket.forget(sent);
            if (script) {
                throw new ScriptTimeoutException("script timeout");
            }
            throw new TimeoutException("DevTools command " + method + " did not answer within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socket.forget(sent);
            throw new WebDriverException("interrupted while waiting for " + method, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DevToolsSocket.ProtocolError p && script && gone(p.getMessage())) {
                // the document went away while the script waited (chromedriver's answers to the same)
                throw async ? new ScriptTimeoutException("script timeout: the document was unloaded")
                        : new TimeoutException("timeout: the document was unloaded while the script's promise was pending");
            }
            if (cause instanceof WebDriverException w) {
                throw w;
            }
            throw new WebDriverException(cause);
        } finally {
            s.waiting.remove(user);
        }
    }

    private static boolean gone(String message) {
        String m = String.valueOf(message);
        // (an awaited promise nothing can settle any more is not collected: checked in Chromium 156, the script times out)
        return m.contains("context was destroyed") || m.contains("navigated or closed") || m.contains("Cannot find context");
    }

    /** A dialog left open (the page opened it between calls): dismissed, and reported as chromedriver reports it. */
    private void dismissOpenDialog(Session s) {
        String text = s.dialog;
        if (text == null) {
            return;
        }
        s.dialog = null;
        try {
            socket.send(s.id, "Page.handleJavaScriptDialog", Map.of("accept", false)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // closed meanwhile: nothing to dismiss
        }
        throw unexpectedAlert(text);
    }

    private static UnhandledAlertException unexpectedAlert(String text) {
        return new UnhandledAlertException("unexpected alert open: {Alert text : " + text + "}", text);
    }

    /** The DevTools session of the driver's current window, attached if new; null where WebDriver must be used. */
    private Session session() {
        if (!tracked || unavailable) {
            return null;
        }
        String w = window;
        if (w == UNKNOWN) {
            driver.getWindowHandle(); // reported back through executed()
            w = window;
        }
        if (w == null || w == UNKNOWN) {
            return null;
        }
        Session s = byWindow.get(w);
        if (s != null) {
            return s;
        }
        synchronized (this) {
            s = byWindow.get(w);
            if (s != null) {
                return s;
            }
            try {
                if (socket == null || !socket.open()) {
                    Object address = ((ChromeDriver) driver).getCapabilities().getCapability("se:cdp");
                    if (address == null) {
                        unavailable = true;
                        return null;
                    }
                    URI uri = URI.create(String.valueOf(address));
                    if ("localhost".equals(uri.getHost())) {
                        uri = URI.create(uri.toString().replaceFirst("//localhost", "//127.0.0.1"));
                    }
                    socket = DevToolsSocket.connect(uri, this::event);
                }
                Map<String, Object> attached = socket.send(null, "Target.attachToTarget", Map.of("targetId", w, "flatten", true))
                        .get(10, TimeUnit.SECONDS);
                s = new Session(String.valueOf(attached.get("sessionId")), w);
                bySession.put(s.id, s);
                socket.send(s.id, "Page.enable", Map.of()).get(10, TimeUnit.SECONDS);
                byWindow.put(w, s);
                return s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
                // no DevTools for this browser (or this window is not a page): WebDriver does everything, as before
                if (s != null) {
                    bySession.remove(s.id);
                }
                unavailable = true;
                return null;
            }
        }
    }

    /** Events of the channel's sessions: dialogs, navigations of the top document, targets that went away. */
    private void event(String sessionId, String method, Map<String, Object> params) {
        if ("Target.detachedFromTarget".equals(method)) {
            Session gone = bySession.remove(String.valueOf(params.get("sessionId")));
            if (gone != null) {
                byWindow.remove(gone.window, gone);
            }
            return;
        }
        Session s = sessionId == null ? null : bySession.get(sessionId);
        if (s == null) {
            return;
        }
        boolean top = s.window.equals(params.get("frameId"));
        switch (method) {
            case "Page.javascriptDialogOpening" -> {
                String text = String.valueOf(params.get("message"));
                if (s.running.get() > 0) {
                    // a call of ours waits on a renderer the dialog blocks: dismiss it, fail the call
                    socket.send(s.id, "Page.handleJavaScriptDialog", Map.of("accept", false));
                    for (CompletableFuture<Map<String, Object>> f : s.waiting) {
                        f.completeExceptionally(unexpectedAlert(text));
                    }
                } else {
                    s.dialog = text;
                }
            }
            case "Page.javascriptDialogClosed" -> s.dialog = null;
            case "Page.frameRequestedNavigation", "Page.frameStartedNavigating" -> {
                if (top) {
                    synchronized (s) {
                        s.requested = true;
                        s.notifyAll();
                    }
                }
            }
            case "Page.frameStartedLoading" -> {
                if (top) {
                    synchronized (s) {
                        s.loading = true;
                        s.notifyAll();
                    }
                }
            }
            case "Page.frameStoppedLoading" -> {
                if (top) {
                    synchronized (s) {
                        s.loading = false;
                        s.requested = false;
                        s.notifyAll();
                    }
                }
            }
            default -> {
                // other events are not the channel's business
            }
        }
    }

    @Override
    public void close() {
        DevToolsSocket s = socket;
        unavailable = true;
        byWindow.clear();
        bySession.clear();
        if (s != null) {
            s.close();
        }
    }

    /** Whether the arguments are JSON values the channel can send (not a WebElement or anything else WebDriver converts). */
    static boolean plain(Object o) {
        if (o == null || o instanceof String || o instanceof Boolean || o instanceof Long || o instanceof Integer
                || o instanceof Short || o instanceof Byte) {
            return true;
        }
        if (o instanceof Double d) {
            return Double.isFinite(d);
        }
        if (o instanceof Float f) {
            return Float.isFinite(f);
        }
        if (o instanceof Collection<?> c) {
            return c.stream().allMatch(PageChannel::plain);
        }
        if (o instanceof Map<?, ?> m) {
            return m.entrySet().stream().allMatch(e -> e.getKey() instanceof String && plain(e.getValue()));
        }
        if (o instanceof Object[] array) {
            return Arrays.stream(array).allMatch(PageChannel::plain);
        }
        return false;
    }

    private static String message(Map<?, ?> details) {
        if (details.get("exception") instanceof Map<?, ?> e && e.get("description") != null) {
            String d = String.valueOf(e.get("description"));
            int nl = d.indexOf('\n');
            String first = nl < 0 ? d : d.substring(0, nl);
            return first.replaceFirst("^[A-Za-z]*Error: ", "");
        }
        return String.valueOf(details.get("text"));
    }

    /** For the benchmark: how many calls went over DevTools and how many through chromedriver. */
    public static String stats() {
        return "page channel: " + DEVTOOLS_CALLS.sum() + " calls over DevTools, " + DRIVER_CALLS.sum() + " through chromedriver";
    }

    /**
     * Runs the body as chromedriver does and tags the outcome for Java: {v: result}, {e: error message}, or {n: 1} when
     * the result holds DOM nodes or windows (kept in the page for WebDriver). Uses the engine's own Promise (a page's
     * polyfill may replace window.Promise) and no timer of the page's.
     */
    private static final String WRAPPER = """
            function (fn, args, async, kept) {
              var NativePromise = (async function () {})().constructor;
              var NODES = {};
              var toString = Object.prototype.toString, hasOwn = Object.prototype.hasOwnProperty;
              function message(e) {
                try { return e !== null && typeof e === 'object' && 'message' in e ? String(e.message) : String(e); }
                catch (x) { return 'unknown error'; }
              }
              function isNode(v) {
                try {
                  return (typeof Node === 'function' && v instanceof Node) || v.window === v
                    || (typeof v.nodeType === 'number' && typeof v.nodeName === 'string' && 'ownerDocument' in v);
                } catch (x) { return false; }
              }
              function isList(v) {
                var t = toString.call(v);
                return Array.isArray(v) || t === '[object Arguments]' || t === '[object NodeList]' || t === '[object HTMLCollection]'
                  || t === '[object String]' || (ArrayBuffer.isView(v) && t !== '[object DataView]');
              }
              function convert(v, path) {
                if (v === undefined || v === null) return null;
                var t = typeof v;
                if (t === 'number') return v !== v || v === Infinity || v === -Infinity ? null : (v === 0 ? 0 : v);
                if (t === 'string' || t === 'boolean') return v;
                if (t !== 'object') return {};
                if (isNode(v)) throw NODES;
                for (var p = 0; p < path.length; p++) if (path[p] === v) throw new Error('circular reference');
                path[path.length] = v;
                var out, i;
                if (isList(v)) {
                  out = [];
                  for (i = 0; i < v.length; i++) out[i] = convert(v[i], path);
                } else if (hasOwn.call(v, 'toJSON') && typeof v.toJSON === 'function') {
                  var json = JSON.stringify(v);
                  out = json === undefined ? null : JSON.parse(json);
                } else {
                  out = {};
                  for (var k in v) {
                    var x;
                    try { x = v[k]; } catch (e) { throw new Error('error reading property'); }
                    out[k] = convert(x, path);
                  }
                }
                path.length = path.length - 1;
                return out;
              }
              function done(v) {
                try { return {v: convert(v, [])}; }
                catch (e) {
                  if (e !== NODES) return {e: message(e)};
                  Object.defineProperty(window, kept, {value: v, configurable: true, writable: true, enumerable: false});
                  return {n: 1};
                }
              }
              if (async) {
                return new NativePromise(function (resolve) {
                  var called = false;
                  args[args.length] = function (v) { if (!called) { called = true; resolve(done(v)); } };
                  try { fn.apply(null, args); } catch (e) { if (!called) { called = true; resolve({e: message(e)}); } }
                });
              }
              var r, then;
              try {
                r = fn.apply(null, args);
                then = r !== null && (typeof r === 'object' || typeof r === 'function') ? r.then : undefined;
              } catch (e) { return {e: message(e)}; }
              if (typeof then !== 'function') return done(r);
              return new NativePromise(function (resolve) {
                try { then.call(r, function (v) { resolve(done(v)); }, function (e) { resolve({e: message(e)}); }); }
                catch (e) { resolve({e: message(e)}); }
              });
            }""";
}
