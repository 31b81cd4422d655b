package org.yiyue.audit.cli;

import picocli.CommandLine;

/**
 * Runs {@link BenchmarkCommand} (test code: it starts the replica sites of demo-sites, which the product does not
 * depend on). {@code ./yiyue benchmark}, or {@code mvn -q -pl audit-tool test-compile exec:exec@bench}.
 */
public final class BenchmarkHarness {

    private BenchmarkHarness() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
    }
}
