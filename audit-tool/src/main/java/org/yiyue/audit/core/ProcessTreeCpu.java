package org.yiyue.audit.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by this JVM and every process it started (chromedriver, Chromium's browser, renderer and GPU
 * processes), for the benchmark's step costs. Other processes on the machine are not counted, so the figure holds
 * on a loaded machine; with one worker it is the step's own cost. Linux only ({@code /proc}); 0 elsewhere.
 */
public final class ProcessTreeCpu {

    /** USER_HZ: the kernel reports in hundredths of a second on every Linux the tool runs on. */
    private static final int TICK_MILLIS = 10;

    private ProcessTreeCpu() {
    }

    /** Exact: finds the processes first (every process of the machine is read, ~4 ms with 150 of them). */
    public static long millis() {
        return ownMillis() + childrenMillis(descendants());
    }

    /**
     * As {@link #millis}, over the processes found at most {@value #KNOWN_FOR_MILLIS} ms ago (a few small reads), for
     * the benchmark's per-step costs: finding them each time cost ~4–8 ms of this JVM's CPU per call, twice per step,
     * ~20 steps per page, on the audit's own path, which slowed the audit it measured. A process started since is
     * counted from the next look on (its CPU until then goes to the step of that look); one that exited meanwhile is
     * counted in its parent, which waited for it (Chromium's zygote its renderers), as in {@link #millis}.
     */
    public static long millisOfKnownProcesses() {
        Known k = known;
        long now = System.nanoTime();
        if (k == null || now - k.at() > KNOWN_FOR_MILLIS * 1_000_000L) {
            k = new Known(now, descendants());
            known = k;
        }
        return ownMillis() + childrenMillis(k.pids());
    }

    static final int KNOWN_FOR_MILLIS = 250;

    private record Known(long at, long[] pids) {
    }

    private static volatile Known known;

    private static long[] descendants() {
        return ProcessHandle.current().descendants().mapToLong(ProcessHandle::pid).toArray();
    }

    private static long childrenMillis(long[] pids) {
        long total = 0;
        for (long pid : pids) {
            total += childMillis(pid);
        }
        return total;
    }

    /**
     * The same CPU time by kind of process: "jvm", "chromedriver", and Chromium's "browser", "renderer", "gpu-process",
     * "utility" (network, audio, storage services) and "zygote" (renderers that exited are counted there) — where a
     * step's cost goes.
     */
    public static java.util.Map<String, Long> byKind() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        out.put("jvm", ownMillis());
        for (ProcessHandle p : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
            out.merge(kind(p.pid()), childMillis(p.pid()), Long::sum);
        }
        return out;
    }

    private static String kind(long pid) {
        try {
            String cmd = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            if (cmd.contains("chromedriver")) {
                return "chromedriver";
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("--type=(\\S+)").matcher(cmd);
            return m.find() ? m.group(1) : "browser";
        } catch (IOException | RuntimeException e) {
            return "other";
        }
    }

    private static long ownMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return 0;
    }

    private static long childMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15, and the
            // children it waited for, cutime 16, cstime 17 (a renderer that exited is counted in its zygote)
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])) * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return 0; // gone, or not Linux
        }
    }
}
