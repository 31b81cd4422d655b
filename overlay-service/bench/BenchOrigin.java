import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Benchmark upstream on 127.0.0.1: /page.html is a ~100 KB Chinese government-style page that shared caches may keep
 * for an hour; /nocache.html is the same page with no-store, so every request through the overlay is a cache miss
 * (fetch + inject + gzip). Usage: java BenchOrigin.java PORT
 */
public class BenchOrigin {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>河源市人民政府门户网站</title><link rel=\"stylesheet\" href=\"/css/portal.css\"></head><body>");
        int i = 0;
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length < 100_000) {
            sb.append("<div class=\"news\"><a href=\"/ywdt/a").append(i).append(".html\">河源市召开第").append(i)
                    .append("次常务会议，研究部署优化营商环境和民生实事工作</a><span class=\"date\">2026-11-")
                    .append(10 + i % 18).append("</span></div>\n");
            i++;
        }
        byte[] page = sb.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", ex -> {
            try (ex) {
                String p = ex.getRequestURI().getPath();
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.getResponseHeaders().add("Cache-Control", p.equals("/nocache.html") ? "no-store" : "max-age=3600");
                ex.sendResponseHeaders(200, page.length);
                ex.getResponseBody().write(page);
            }
        });
        server.start();
        System.out.println("bench origin on 127.0.0.1:" + port + ", page " + page.length + " bytes");
    }
}
