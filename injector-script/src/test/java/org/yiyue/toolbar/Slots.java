package org.yiyue.toolbar;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A fixed set of things only one case may use at a time (a browser and what belongs to it), for the cases of a class
 * that run side by side (@Execution(CONCURRENT)): a case waits for a free one, uses it alone, and gives it back.
 */
final class Slots<T> {

    private final BlockingQueue<T> idle = new LinkedBlockingQueue<>();
    private final List<T> all = new CopyOnWriteArrayList<>();

    void add(T slot) {
        all.add(slot);
        idle.add(slot);
    }

    /** Runs {@code use} with a slot of its own; failures pass through unchanged. */
    void use(Consumer<T> use) throws InterruptedException {
        T slot = idle.take();
        try {
            use.accept(slot);
        } finally {
            idle.add(slot);
        }
    }

    /** Every slot, for closing at the end. */
    List<T> all() {
        return all;
    }

    void clear() {
        all.clear();
        idle.clear();
    }
}
