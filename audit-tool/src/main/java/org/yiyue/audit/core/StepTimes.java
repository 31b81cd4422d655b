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

    private StepTimes(boolean on) {
        this.on = on;
    }

    public static StepTimes recording() {
        return new StepTimes(true);
    }

    public void time(String step, Runnable work) {
        time(step, () -> {
            work.run();
            return null;
        });
    }

    public <T> T time(String step, Supplier<T> work) {
        if (!on) {
            return work.get();
        }
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.computeIfAbsent(step, k -> new LongAdder()).add(System.nanoTime() - start);
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

    public long calls(String step) {
        LongAdder c = calls.get(step);
        return c == null ? 0 : c.sum();
    }
}
