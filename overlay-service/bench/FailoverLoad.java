import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load through the balancer while one instance is killed with SIGKILL: THREADS clients request PATHS in a loop for
 * SECONDS; at KILL_AT seconds the given process id gets kill -9. Prints the error count (status >= 500 or no answer),
 * when the errors happened relative to the kill, the time to recover (last error after the kill), and throughput and
 * latency before and after the kill as ratios (the surviving instance against both, same run, same load).
 * Usage: java FailoverLoad.java BALANCER_URL PID_TO_KILL [SECONDS=40] [KILL_AT=15] [THREADS=8] [PATH,PATH...]
 */
public class FailoverLoad {

    record Sample(long startNanos, long endNanos, int status, String error) {
        boolean failed() {
            return status >= 500 || error != null;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "");
        long pid = Long.parseLong(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int killAt = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        String[] paths = (args.length > 5 ? args[5] : "/s/zwfw/index.html,/s/portal/index.html,/api/info,/a11y/toolbar.js")
                .split(",");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread w = new Thread(() -> {
                int i = offset;
                while (running.get()) {
                    String path = paths[i++ % paths.length];
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        samples.add(new Sample(start, System.nanoTime(), r.statusCode(), null));
                    } catch (IOException e) {
                        samples.add(new Sample(start, System.nanoTime(), 0, e.getClass().getSimpleName()));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        Thread.sleep(killAt * 1000L);
        long killNanos = System.nanoTime();
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start().waitFor();
        System.out.printf("kill -9 %d at %.1f s%n", pid, (killNanos - t0) / 1e9);
        Thread.sleep((seconds - killAt) * 1000L);
        running.set(false);
        for (Thread w : workers) {
            w.join(15_000);
        }

        List<Sample> all = new ArrayList<>(samples);
        List<Sample> errors = all.stream().filter(Sample::failed).toList();
        List<Sample> before = all.stream().filter(s -> s.endNanos() < killNanos).toList();
        long afterFrom = killNanos + 5_000_000_000L; // steady state on the surviving instance
        List<Sample> after = all.stream().filter(s -> s.startNanos() > afterFrom).toList();
        System.out.printf("requests %d, errors %d (%.2f %%)%n", all.size(), errors.size(), 100.0 * errors.size() / all.size());
        for (Sample e : errors) {
            System.out.printf("  error at %+.3f s after the kill: %s%n", (e.startNanos() - killNanos) / 1e9,
                    e.error() != null ? e.error() : "HTTP " + e.status());
        }
        long lastErrorEnd = errors.stream().mapToLong(Sample::endNanos).max().orElse(killNanos);
        System.out.printf("time to recover (kill -> end of the last failed request): %.3f s%n",
                Math.max(0, lastErrorEnd - killNanos) / 1e9);
        double beforeRate = before.size() / ((killNanos - t0) / 1e9);
        double afterRate = after.size() / ((System.nanoTime() - afterFrom) / 1e9);
        System.out.printf("throughput before %.1f req/s (2 instances), after %.1f req/s (1 instance): ratio %.2f%n",
                beforeRate, afterRate, afterRate / beforeRate);
        System.out.printf("latency p50/p99 before %.1f/%.1f ms, after %.1f/%.1f ms%n", pct(before, 0.5), pct(before, 0.99),
                pct(after, 0.5), pct(after, 0.99));
        System.exit(0);
    }

    private static double pct(List<Sample> s, double q) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        List<Long> l = new ArrayList<>(s.stream().map(x -> x.endNanos() - x.startNanos()).toList());
        Collections.sort(l);
        return l.get(Math.min(l.size() - 1, (int) (q * l.size()))) / 1e6;
    }
}
