package org.yiyue.audit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code yiyue} command line: {@code java -jar audit-tool/target/yiyue-audit.jar <subcommand> …}.
 * To add a subcommand, write a picocli {@code @Command} class and list it in {@code subcommands} below.
 */
@Command(name = "yiyue", mixinStandardHelpOptions = true, version = "易阅 Yiyue audit 0.1.0",
        description = {"易阅无障碍与适老化检测工具 · Yiyue accessibility and elder-mode audit"},
        subcommands = {RulesCommand.class, AuditCommand.class, CertifyCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (UTF-8 output, usage errors to stderr) — also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
