package org.yiyue.overlay.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yiyue.overlay.rewrite.ScriptTagInjector;
import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/**
 * Walking-skeleton proxy: {@code GET /s/<site>/<path>} fetches the path from the site's configured upstream and
 * inserts the toolbar tag into HTML. Only configured upstreams are ever contacted; a dead upstream gives a 502.
 */
@WebServlet(urlPatterns = "/s/*", asyncSupported = false)
public class ProxyServlet extends HttpServlet {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length",
            "content-encoding");

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    SiteRegistry sites;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String info = Optional.ofNullable(req.getPathInfo()).orElse("/");
        String[] parts = info.substring(1).split("/", 2);
        Optional<Site> site = sites.byId(parts[0]);
        if (site.isEmpty()) {
            resp.sendError(404, "未配置的站点 Unknown site");
            return;
        }
        String rest = parts.length > 1 ? "/" + parts[1] : "/";
        if (rest.contains("..") || rest.startsWith("//") || rest.contains("\\")) {
            resp.sendError(400, "非法路径 Bad path");
            return;
        }
        URI target = site.get().upstream().resolve(rest + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
        HttpResponse<InputStream> upstream;
        try {
            upstream = client.send(HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(20))
                    .header("Accept-Encoding", "identity")
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            resp.setStatus(502);
            resp.setContentType("text/html; charset=utf-8");
            resp.getWriter().write("<!doctype html><html lang=\"zh-CN\"><head><title>上游网站暂时无法访问</title></head>"
                    + "<body><h1>上游网站暂时无法访问</h1><p>The original site cannot be reached.</p>"
                    + "<p><a href=\"\">重试 Retry</a></p></body></html>");
            return;
        }
        resp.setStatus(upstream.statusCode());
        upstream.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> resp.addHeader(name, v));
            }
        });
        String type = upstream.headers().firstValue("content-type").orElse("");
        try (InputStream body = upstream.body(); OutputStream out = resp.getOutputStream()) {
            if (type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
                String tag = "<script src=\"/a11y/toolbar.js\" data-site=\"" + site.get().id() + "\" defer></script>";
                byte[] page = ScriptTagInjector.inject(body.readAllBytes(), tag);
                resp.setContentLength(page.length);
                out.write(page);
            } else {
                body.transferTo(out);
            }
        }
    }

}
