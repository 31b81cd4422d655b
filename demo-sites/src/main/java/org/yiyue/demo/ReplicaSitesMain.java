package org.yiyue.demo;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar demo-sites.jar [--base-port 8101] [--embed-toolbar]}: prints {@code ORIGIN <id> <url>} per site,
 * then {@code READY}, and serves until the process is killed.
 */
public final class ReplicaSitesMain {

    private ReplicaSitesMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ReplicaSites.Options options = ReplicaSites.options().basePort(8101);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base-port" -> {
                    if (i + 1 >= args.length) {
                        usage("--base-port needs a number");
                    }
                    try {
                        options = options.basePort(Integer.parseInt(args[++i]));
                    } catch (IllegalArgumentException e) {
                        usage("bad --base-port: " + e.getMessage());
                    }
                }
                case "--embed-toolbar" -> options = options.embedToolbar(true);
                case "-h", "--help" -> {
                    System.out.println("usage: java -jar demo-sites.jar [--base-port 8101] [--embed-toolbar]");
                    return;
                }
                default -> usage("unknown argument: " + args[i]);
            }
        }
        ReplicaSites sites = ReplicaSites.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(sites::close, "replica-sites-shutdown"));
        for (String id : sites.siteIds()) {
            System.out.println("ORIGIN " + id + " " + sites.origin(id));
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void usage(String message) {
        System.err.println(message);
        System.err.println("usage: java -jar demo-sites.jar [--base-port 8101] [--embed-toolbar]");
        System.exit(2);
    }
}
