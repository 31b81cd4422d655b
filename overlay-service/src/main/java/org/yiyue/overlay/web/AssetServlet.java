package org.yiyue.overlay.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /a11y/toolbar.js}, {@code /a11y/manifest.json} and the data files {@code /a11y/data/*.js}. The script is always sent as UTF-8 JavaScript (a page's
 * own charset must never decide how it is read); with the current {@code ?v=} it may be cached for a year.
 */
@WebServlet(urlPatterns = "/a11y/*")
public class AssetServlet extends HttpServlet {

    @Inject
    ToolbarAsset toolbar;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Access-Control-Allow-Origin", "*");
        switch (path) {
            case "/toolbar.js" -> script(req, resp);
            case "/manifest.json" -> manifest(resp);
            default -> {
                if (path.startsWith("/data/")) {
                    data(path.substring("/data/".length()), resp);
                } else {
                    resp.sendError(404);
                }
            }
        }
    }

    private void script(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String etag = "\"" + toolbar.version() + "\"";
        boolean versioned = toolbar.version().equals(req.getParameter("v"));
        resp.setHeader("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "public, max-age=300");
        resp.setHeader("ETag", etag);
        if (etag.equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(304);
            return;
        }
        resp.setContentType("text/javascript; charset=utf-8");
        resp.setContentLength(toolbar.bytes().length);
        resp.getOutputStream().write(toolbar.bytes());
    }

    private void data(String name, HttpServletResponse resp) throws IOException {
        var body = ToolbarData.read(name);
        if (body.isEmpty()) {
            resp.sendError(404);
            return;
        }
        resp.setHeader("Cache-Control", "public, max-age=86400");
        resp.setContentType("text/javascript; charset=utf-8");
        resp.setContentLength(body.get().length);
        resp.getOutputStream().write(body.get());
    }

    private void manifest(HttpServletResponse resp) throws IOException {
        String json = "{\"name\":\"yiyue-toolbar\",\"file\":\"toolbar.js\",\"url\":\"" + toolbar.url()
                + "\",\"version\":\"" + toolbar.version() + "\",\"integrity\":\"" + toolbar.integrity()
                + "\",\"bytes\":" + toolbar.bytes().length + ",\"placeholder\":" + toolbar.placeholder()
                + ",\"contentType\":\"text/javascript; charset=utf-8\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
