package org.yiyue.audit.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yiyue.audit.core.StepTimes;

/**
 * The benchmark's probe of what Chromium's renderer spends its CPU on during the audit's steps ({@code benchmark
 * --renderer-profile}, 1 worker). Two measurements, chosen by {@code trace}:
 * <ul>
 * <li>without tracing: CPU of each renderer thread (from /proc, by thread name) per audit step;</li>
 * <li>with tracing: per page, a DevTools trace of the whole browser (a second DevTools client on the browser's own
 *     endpoint; categories devtools.timeline, toplevel, v8.execute and the V8 sampling profiler). Printed: thread
 *     time of the renderer's tasks by thread; thread time by activity on the renderer's main thread (self time of
 *     each timeline event: script, style, layout, paint …) per step and whether a script forced it; the sampled
 *     JavaScript time by script (the audit's scripts are named {@code yiyue/NAME.js}) — the script that was entered
 *     (outermost named frame) and the function that ran (innermost), per step.</li>
 * </ul>
 * Tracing costs CPU itself (and this probe parses each page's trace in the next page's load step), so the step CPU
 * of a probed run is not the benchmark's figure; the shares are what it is for. A measurement, asserts nothing.
 */
final class RendererProbe implements StepTimes.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CATEGORIES = "-*,devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute,"
            + "disabled-by-default-v8.cpu_profiler," + System.getProperty("yiyue.probeCategories", "");

    private final boolean trace;
    /** Top-level steps of the current page: name, start and end (µs, monotonic clock as the trace's). */
    private final List<Object[]> steps = new ArrayList<>();
    private final Deque<Map<String, Long>> threadsAtStart = new ArrayDeque<>();
    /** step -> renderer thread name -> CPU ms (the /proc measurement). */
    private final Map<String, Map<String, Long>> threadCpu = new LinkedHashMap<>();

    // trace aggregates (µs)
    private final Map<String, Long> taskByThread = new TreeMap<>();
    private final Map<String, Map<String, Long>> activityByStep = new LinkedHashMap<>();
    private final Map<String, Long> selfByEvent = new TreeMap<>();
    private final Map<String, Map<String, Long>> entryByStep = new LinkedHashMap<>();
    private final Map<String, Long> leafFunctions = new HashMap<>();
    private final Map<String, Long> entryScripts = new TreeMap<>();
    private final Map<String, Long> forcedBy = new TreeMap<>();
    private final Map<String, Long> otherThreads = new HashMap<>();
    private int pages;

    private long browserPid = -1;
    private Cdp cdp;
    private boolean tracing;

    RendererProbe(boolean trace) {
        this.trace = trace;
    }

    @Override
    public synchronized void started(String step) {
        if (step.equals("load")) {
            pageBoundary();
        }
        if (!trace) {
            threadsAtStart.push(rendererThreads());
        }
    }

    @Override
    public synchronized void ended(String step, long startNanos, long endNanos) {
        if (!step.startsWith(" ")) {
            steps.add(new Object[] {step, startNanos / 1000, endNanos / 1000});
        }
        if (!trace && !threadsAtStart.isEmpty()) {
            Map<String, Long> before = threadsAtStart.pop();
            Map<String, Long> per = threadCpu.computeIfAbsent(step, k -> new TreeMap<>());
            rendererThreads().forEach((k, v) -> per.merge(k, v - before.getOrDefault(k, 0L), Long::sum));
        }
    }

    private void pageBoundary() {
        if (!trace) {
            pages++;
            return;
        }
        try {
            if (tracing) {
                collect();
            }
            connect();
            if (cdp != null) {
                cdp.send("Tracing.start", Map.of("traceConfig", Map.of("includedCategories", List.of(CATEGORIES.split(",")),
                        "recordMode", "recordAsMuchAsPossible"), "transferMode", "ReportEvents")).get(10, TimeUnit.SECONDS);
                tracing = true;
                steps.clear();
            }
        } catch (Exception e) {
            System.err.println("renderer probe: " + e);
            tracing = false;
        }
    }

    /** Ends the last page's trace; call after the run. */
    synchronized void finish() {
        if (trace && tracing) {
            try {
                collect();
            } catch (Exception e) {
                System.err.println("renderer probe: " + e);
            }
        }
        if (cdp != null) {
            cdp.close();
        }
    }

    private void collect() throws Exception {
        tracing = false;
        cdp.events.clear();
        cdp.complete = new CompletableFuture<>();
        cdp.send("Tracing.end", Map.of()).get(30, TimeUnit.SECONDS);
        cdp.complete.get(120, TimeUnit.SECONDS);
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode chunk : cdp.events) {
            chunk.forEach(events::add);
        }
        cdp.events.clear();
        aggregate(events);
        pages++;
    }

    /** The browser process this JVM started (one worker) and its DevTools endpoint. */
    private void connect() throws Exception {
        for (ProcessHandle p : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
            String cmd = cmdline(p.pid());
            if (cmd.contains("--user-data-dir=") && !cmd.contains("--type=") && !cmd.contains("chromedriver")) {
                if (p.pid() == browserPid && cdp != null) {
                    return;
                }
                String dir = cmd.substring(cmd.indexOf("--user-data-dir=") + 16).split(" ")[0];
                List<String> lines = Files.readAllLines(Path.of(dir, "DevToolsActivePort"));
                if (cdp != null) {
                    cdp.close();
                }
                cdp = new Cdp(URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip()));
                browserPid = p.pid();
                return;
            }
        }
    }

    private static String cmdline(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (Exception e) {
            return "";
        }
    }

    /** CPU ms of every thread of the renderer processes, summed by thread name. */
    private static Map<String, Long> rendererThreads() {
        Map<String, Long> out = new TreeMap<>();
        for (ProcessHandle p : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
            if (!cmdline(p.pid()).contains("--type=renderer")) {
                continue;
            }
            try (var tasks = Files.list(Path.of("/proc", Long.toString(p.pid()), "task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(t.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "N");
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long::sum);
                    } catch (Exception e) {
                        // thread gone
                    }
                }
            } catch (Exception e) {
                // process gone
            }
        }
        return out;
    }

    private String stepAt(long ts) {
        for (Object[] s : steps) {
            if (ts >= (Long) s[1] && ts < (Long) s[2]) {
                return (String) s[0];
            }
        }
        return "(between steps)";
    }

    private static final Map<String, String> ACTIVITY = new HashMap<>();

    static {
        for (String n : List.of("FunctionCall", "EvaluateScript", "v8.compile", "v8.compileModule", "V8.Execute", "v8.run",
                "TimerFire", "EventDispatch", "FireAnimationFrame", "FireIdleCallback", "XHRReadyStateChange", "XHRLoad",
                "v8.evaluateModule", "v8.produceCache", "v8.produceModuleCache", "V8.ScriptCompiler", "CompileScript",
                "MinorGC", "MajorGC", "BlinkGC.AtomicPhase", "V8.GC_SCAVENGER", "GCEvent", "RunMicrotasks", "v8.callFunction",
                "V8.DeserializeContext", "v8.newInstance", "HandlePostMessage", "CompileCode", "OptimizeCode", "CacheScript",
                "V8.GCCompactor", "V8.GCFinalizeMC", "V8.GCScavenger", "ThreadState::completeSweep", "V8Console::runTask",
                "ScheduleStyleInvalidationTracking", "v8.parseOnBackground", "v8.deserializeOnBackground")) {
            ACTIVITY.put(n, "script");
        }
        for (String n : List.of("UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet", "InvalidateLayout",
                "ScheduleStyleRecalculation", "StyleRecalcInvalidationTracking", "StyleInvalidatorInvalidationTracking")) {
            ACTIVITY.put(n, "style");
        }
        for (String n : List.of("Layout", "UpdateLayer", "LayoutShift", "ComputeIntersections", "IntersectionObserverController::computeIntersections")) {
            ACTIVITY.put(n, "layout");
        }
        for (String n : List.of("Paint", "PrePaint", "Layerize", "UpdateLayerTree", "PaintImage", "CompositeLayers", "Commit",
                "PaintSetup", "RasterTask", "Decode Image", "Decode LazyPixelRef", "ImageDecodeTask", "Draw LazyPixelRef",
                "BeginFrame", "BeginMainThreadFrame", "NeedsBeginFrameChanged", "ActivateLayerTree", "DrawFrame",
                "RequestMainThreadFrame", "ScrollLayer", "UpdateLayerTreeHost")) {
            ACTIVITY.put(n, "paint/composite");
        }
        for (String n : List.of("ParseHTML", "ResourceSendRequest", "ResourceReceiveResponse", "ResourceFinish",
                "ResourceReceivedData", "CommitLoad", "MarkDOMContent", "MarkLoad", "MarkFirstPaint", "firstPaint",
                "firstContentfulPaint", "ResourceWillSendRequest", "ResourceChangePriority", "PaintTimingVisualizer::LayoutObjectPainted")) {
            ACTIVITY.put(n, "load/parse");
        }
    }

    private static String activity(String name) {
        if (name.equals("ThreadControllerImpl::RunTask") || name.equals("RunTask") || name.startsWith("ThreadPool")) {
            return "task (untraced)";
        }
        return ACTIVITY.getOrDefault(name, "other:" + name);
    }

    /** One page's trace. */
    private void aggregate(List<JsonNode> events) {
        Map<String, String> threadNames = new HashMap<>();
        Map<Long, String> processNames = new HashMap<>();
        for (JsonNode e : events) {
            if ("M".equals(e.path("ph").asText())) {
                String key = e.path("pid").asLong() + "/" + e.path("tid").asLong();
                if ("thread_name".equals(e.path("name").asText())) {
                    threadNames.put(key, e.path("args").path("name").asText());
                } else if ("process_name".equals(e.path("name").asText())) {
                    processNames.put(e.path("pid").asLong(), e.path("args").path("name").asText());
                }
            }
        }
        // complete events of the renderer's threads, per thread in time order
        Map<String, List<JsonNode>> byThread = new HashMap<>();
        Map<String, Deque<JsonNode>> open = new HashMap<>();
        List<JsonNode> samples = new ArrayList<>();
        for (JsonNode e : events) {
            long pid = e.path("pid").asLong();
            if (!"Renderer".equals(processNames.get(pid))) {
                continue;
            }
            String key = pid + "/" + e.path("tid").asLong();
            String ph = e.path("ph").asText();
            if (ph.equals("X")) {
                byThread.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            } else if (ph.equals("B")) {
                open.computeIfAbsent(key, k -> new ArrayDeque<>()).push(e);
            } else if (ph.equals("E")) {
                Deque<JsonNode> d = open.get(key);
                if (d != null && !d.isEmpty()) {
                    ObjectNode b = ((ObjectNode) d.pop()).deepCopy();
                    b.put("ph", "X");
                    b.put("dur", e.path("ts").asLong() - b.path("ts").asLong());
                    if (b.has("tts") && e.has("tts")) {
                        b.put("tdur", e.path("tts").asLong() - b.path("tts").asLong());
                    }
                    byThread.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
                }
            } else if ((ph.equals("P") || ph.equals("O") || ph.equals("N")) && e.path("name").asText().startsWith("Profile")) {
                samples.add(e);
            }
        }
        byThread.forEach((key, list) -> {
            String thread = threadNames.getOrDefault(key, "?").replaceAll("[0-9]+$", "N");
            list.sort((a, b) -> a.path("ts").asLong() != b.path("ts").asLong() ? Long.compare(a.path("ts").asLong(), b.path("ts").asLong())
                    : Long.compare(b.path("dur").asLong(), a.path("dur").asLong()));
            boolean main = thread.equals("CrRendererMain");
            // nesting: self thread time per event = its tdur minus its children's tdur
            Deque<long[]> stack = new ArrayDeque<>(); // end ts, index
            Deque<JsonNode> stackEv = new ArrayDeque<>();
            long[] childTdur = new long[list.size()];
            int[] parent = new int[list.size()];
            for (int i = 0; i < list.size(); i++) {
                JsonNode e = list.get(i);
                long ts = e.path("ts").asLong();
                while (!stack.isEmpty() && stack.peek()[0] <= ts) {
                    stack.pop();
                    stackEv.pop();
                }
                parent[i] = stack.isEmpty() ? -1 : (int) stack.peek()[1];
                if (parent[i] < 0) {
                    taskByThread.merge(thread, e.path("tdur").asLong(), Long::sum);
                } else {
                    childTdur[parent[i]] += e.path("tdur").asLong();
                }
                stack.push(new long[] {ts + e.path("dur").asLong(), i});
                stackEv.push(e);
            }
            if (!main) {
                for (int i = 0; i < list.size(); i++) {
                    long self = Math.max(0, list.get(i).path("tdur").asLong() - childTdur[i]);
                    otherThreads.merge(thread + " " + list.get(i).path("name").asText(), self, Long::sum);
                }
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode e = list.get(i);
                long self = Math.max(0, e.path("tdur").asLong() - childTdur[i]);
                String name = e.path("name").asText();
                String act = activity(name);
                String step = stepAt(e.path("ts").asLong());
                selfByEvent.merge(name, self, Long::sum);
                activityByStep.computeIfAbsent(step, k -> new TreeMap<>()).merge(act, self, Long::sum);
                if (act.equals("style") || act.equals("layout")) {
                    // forced: inside a script event (a script read layout after a change)
                    String by = null;
                    for (int p = parent[i]; p >= 0; p = parent[p]) {
                        if (activity(list.get(p).path("name").asText()).equals("script")) {
                            JsonNode d = list.get(p).path("args").path("data");
                            String url = d.path("url").asText(d.path("fileName").asText(""));
                            by = list.get(p).path("name").asText() + " " + shortUrl(url);
                        }
                    }
                    forcedBy.merge(act + (by == null ? " (lifecycle)" : " forced in " + by), self, Long::sum);
                }
            }
        });
        sampled(samples);
    }

    private static String shortUrl(String url) {
        if (url.isEmpty()) {
            return "(no url)";
        }
        if (url.startsWith("yiyue/")) {
            return url;
        }
        return url.startsWith("http") ? "page " + url.replaceFirst("^https?://[^/]+", "").replaceAll("[?#].*", "") : url;
    }

    /** V8 sampling profile: time per entered script and per innermost function, per step. */
    private void sampled(List<JsonNode> events) {
        Map<String, Map<Long, JsonNode>> nodes = new HashMap<>();
        Map<String, Long> clock = new HashMap<>();
        events.sort((a, b) -> Long.compare(a.path("ts").asLong(), b.path("ts").asLong()));
        for (JsonNode e : events) {
            String id = e.path("pid").asLong() + "/" + e.path("id").asText();
            JsonNode data = e.path("args").path("data");
            if (e.path("name").asText().equals("Profile")) {
                clock.put(id, data.path("startTime").asLong());
                continue;
            }
            Map<Long, JsonNode> ns = nodes.computeIfAbsent(id, k -> new HashMap<>());
            for (JsonNode n : data.path("cpuProfile").path("nodes")) {
                ns.put(n.path("id").asLong(), n);
            }
            JsonNode s = data.path("cpuProfile").path("samples");
            JsonNode deltas = data.path("timeDeltas");
            long t = clock.getOrDefault(id, e.path("ts").asLong());
            for (int i = 0; i < s.size(); i++) {
                long dt = deltas.path(i).asLong();
                t += dt;
                // weight: the time to the next sample (the interval); the delta is the best estimate at hand
                long w = i + 1 < s.size() ? Math.max(0, deltas.path(i + 1).asLong()) : Math.max(0, dt);
                w = Math.min(w, 10_000);
                JsonNode leaf = ns.get(s.path(i).asLong());
                if (leaf == null) {
                    continue;
                }
                String leafName = frame(leaf);
                if (leafName.equals("(idle)") || leafName.equals("(root)")) {
                    continue;
                }
                String entry = null;
                for (JsonNode n = leaf; n != null; n = n.has("parent") ? ns.get(n.path("parent").asLong()) : null) {
                    String url = n.path("callFrame").path("url").asText("");
                    if (!url.isEmpty()) {
                        entry = shortUrl(url);
                    }
                }
                if (entry == null) {
                    entry = leafName.startsWith("(") ? leafName : "(no url)";
                }
                String step = stepAt(t);
                entryScripts.merge(entry, w, Long::sum);
                entryByStep.computeIfAbsent(step, k -> new TreeMap<>()).merge(entry, w, Long::sum);
                leafFunctions.merge(leafName, w, Long::sum);
            }
            clock.put(id, t);
        }
    }

    private static String frame(JsonNode n) {
        JsonNode c = n.path("callFrame");
        String f = c.path("functionName").asText("");
        String url = c.path("url").asText("");
        if (url.isEmpty() && f.startsWith("(")) {
            return f;
        }
        return (f.isEmpty() ? "(anonymous)" : f) + " " + shortUrl(url) + ":" + (c.path("lineNumber").asInt() + 1);
    }

    void print(PrintWriter out) {
        int n = Math.max(1, pages);
        out.println("renderer probe, " + pages + " pages (" + (trace ? "trace" : "/proc threads") + "), ms per page:");
        if (!trace) {
            threadCpu.forEach((step, m) -> out.println("  " + step + ": " + perPage(m, n, 1)));
            return;
        }
        out.println("  renderer task thread time by thread: " + perPage(taskByThread, n, 1000));
        out.println("  main thread self time by activity and step:");
        activityByStep.forEach((step, m) -> out.println("    " + step + ": " + perPage(m, n, 1000)));
        out.println("  main thread self time by event (top 30): " + top(selfByEvent, n, 30));
        out.println("  other threads' self time by event (top 20): " + top(otherThreads, n, 20));
        out.println("  style/layout by cause: " + perPage(forcedBy, n, 1000));
        out.println("  sampled JS (and what it called) by entered script: " + perPage(entryScripts, n, 1000));
        out.println("  sampled by entered script and step:");
        entryByStep.forEach((step, m) -> out.println("    " + step + ": " + perPage(m, n, 1000)));
        out.println("  innermost functions (top 40): " + top(leafFunctions, n, 40));
        out.flush();
    }

    private static String perPage(Map<String, Long> m, int pages, int unit) {
        StringBuilder b = new StringBuilder();
        m.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .filter(e -> Math.abs(e.getValue()) / (double) unit / pages >= 0.05)
                .forEach(e -> b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format("%.1f", e.getValue() / (double) unit / pages)));
        return "{" + b + "}";
    }

    private static String top(Map<String, Long> m, int pages, int k) {
        StringBuilder b = new StringBuilder();
        m.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(k)
                .forEach(e -> b.append("\n      ").append(String.format("%7.2f  ", e.getValue() / 1000.0 / pages)).append(e.getKey()));
        return b.toString();
    }

    /** A DevTools client on the browser endpoint: commands, and the Tracing events. */
    private static final class Cdp implements WebSocket.Listener {
        final WebSocket ws;
        final AtomicInteger ids = new AtomicInteger();
        final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        final List<JsonNode> events = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile CompletableFuture<Void> complete = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        Cdp(URI uri) throws Exception {
            ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, this).get(10, TimeUnit.SECONDS);
        }

        CompletableFuture<JsonNode> send(String method, Map<String, ?> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> f = new CompletableFuture<>();
            pending.put(id, f);
            ws.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true);
            return f;
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(partial.toString());
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.path("id").asInt());
                        if (f != null) {
                            if (m.has("error")) {
                                f.completeExceptionally(new IllegalStateException(m.path("error").toString()));
                            } else {
                                f.complete(m.path("result"));
                            }
                        }
                    } else if ("Tracing.dataCollected".equals(m.path("method").asText())) {
                        events.add(m.path("params").path("value"));
                    } else if ("Tracing.tracingComplete".equals(m.path("method").asText())) {
                        complete.complete(null);
                    }
                } catch (Exception e) {
                    System.err.println("renderer probe: " + e);
                }
                partial.setLength(0);
            }
            w.request(1);
            return null;
        }

        void close() {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
    }
}
