package org.yiyue.audit.core;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The per-step CPU reading must still see the CPU of processes the JVM started after it first looked. */
class ProcessTreeCpuTest {

    @Test
    void aProcessStartedAfterTheFirstLookIsCountedOnceTheKnownProcessesAreFoundAgain() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc only (the tool reads CPU there; 0 elsewhere)");
        long before = ProcessTreeCpu.millisOfKnownProcesses(); // the known processes: none of the child's yet
        // a child that keeps a core busy until it is stopped
        Process busy = new ProcessBuilder("yes").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(1_000 + ProcessTreeCpu.KNOWN_FOR_MILLIS);
            long after = ProcessTreeCpu.millisOfKnownProcesses();
            long exact = ProcessTreeCpu.millis();
            // the JVM itself sleeps meanwhile: most of the growth is the child's
            assertTrue(after - before >= 300, "the child's CPU is counted once it is known: " + (after - before) + " ms");
            assertTrue(Math.abs(exact - after) < 300, "known processes agree with a fresh look: " + after + " vs " + exact);
        } finally {
            busy.destroyForcibly();
            busy.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
