package org.yiyue.audit.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Where a browser audit spends its time: wall time summed per step (page load, rendered facts, axe-core, keyboard
 * walk …) over all pages and workers. The benchmark prints it; an audit without one measures nothing.
 */
public final class StepTimes {

    /** Records nothing (the default). */
    public static final StepTimes NONE = new StepTimes(false);

    private final boolean on;
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    /** CPU time of this JVM and its Chromium processes during each step; with one worker, the step's cost. */
    private final Map<String, LongAdder> cpu = new ConcurrentHashMap<>();

    /** The StepTimes whose step runs on this thread, so a step can time its own parts ({@link #current}). */
    private static final ThreadLocal<StepTimes> CURRENT = new ThreadLocal<>();

    /** Told of every step's start and end (a profiler's probe marks the steps on its timeline); null: none. */
    public interface Listener {
        void started(String step);

        /** @param startNanos, endNanos {@link System#nanoTime()} at the step's start and end */
        void ended(String step, long startNanos, long endNanos);
    }

    private final Listener listener;

    private StepTimes(boolean on) {
        this(on, null);
    }

    private StepTimes(boolean on, Listener listener) {
        this.on = on;
        this.listener = listener;
    }

    public static StepTimes recording() {
        return new StepTimes(true);
    }

    /** Records, and tells the listener where each step starts and ends. */
    public static StepTimes recording(Listener listener) {
        return new StepTimes(true, listener);
    }

    public void time(String step, Runnable work) {
        time(step, () -> {
            work.run();
            return null;
        });
    }

    /** The StepTimes timing the step that runs on this thread, or {@link #NONE}: parts of a step time themselves in it. */
    public static StepTimes current() {
        StepTimes t = CURRENT.get();
        return t == null ? NONE : t;
    }

    public <T> T time(String step, Supplier<T> work) {
        if (!on) {
            return work.get();
        }
        StepTimes outer = CURRENT.get();
        CURRENT.set(this);
        if (listener != null) {
            listener.started(step);
        }
        long start = System.nanoTime();
        long cpuStart = ProcessTreeCpu.millisOfKnownProcesses();
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
            long end = System.nanoTime();
            if (listener != null) {
                listener.ended(step, start, end);
            }
            nanos.computeIfAbsent(step, k -> new LongAdder()).add(end - start);
            cpu.computeIfAbsent(step, k -> new LongAdder()).add(ProcessTreeCpu.millisOfKnownProcesses() - cpuStart);
            calls.computeIfAbsent(step, k -> new LongAdder()).increment();
        }
    }

    /** Milliseconds per step, largest first. */
    public Map<String, Long> millis() {
        Map<String, Long> out = new LinkedHashMap<>();
        nanos.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(e -> out.put(e.getKey(), e.getValue().sum() / 1_000_000));
        return out;
    }

    /** CPU milliseconds per step (this JVM and the processes it started, see ProcessTreeCpu), in the order of {@link #millis}. */
    public Map<String, Long> cpuMillis() {
        Map<String, Long> out = new LinkedHashMap<>();
        millis().keySet().forEach(k -> out.put(k, cpu.getOrDefault(k, new LongAdder()).sum()));
        return out;
    }

    public long calls(String step) {
        LongAdder c = calls.get(step);
        return c == null ? 0 : c.sum();
    }
}
