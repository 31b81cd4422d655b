package org.yiyue.overlay.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Plain, Chinese-first error pages the proxy itself produces (never an upstream's content). */
public final class ErrorPage {

    private ErrorPage() {
    }

    /** The upstream did not answer within the time-to-headers limit (any proxy path). */
    public static void upstreamTimeout(HttpServletResponse resp, String retryHref) throws IOException {
        send(resp, 504, "上游网站响应超时", "原网站在规定时间内没有响应，请稍后重试。",
                "The original site did not answer in time.", retryHref);
    }

    /** The upstream could not be connected to (any proxy path). */
    public static void upstreamUnreachable(HttpServletResponse resp, String retryHref) throws IOException {
        send(resp, 502, "上游网站暂时无法访问", "易阅无法连接到原网站，请稍后重试。",
                "The original site cannot be reached.", retryHref);
    }

    public static void send(HttpServletResponse resp, int status, String titleZh, String textZh, String textEn,
                            String retryHref) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        StringBuilder html = new StringBuilder(512)
                .append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(titleZh)).append(" - 易阅</title></head><body>")
                .append("<main><h1>").append(esc(titleZh)).append("</h1><p>").append(esc(textZh)).append("</p>")
                .append("<p lang=\"en\">").append(esc(textEn)).append("</p>");
        if (retryHref != null) {
            html.append("<p><a href=\"").append(esc(retryHref)).append("\">重试 / Retry</a></p>");
        }
        html.append("<p>错误代码 ").append(status).append("</p></main></body></html>");
        byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
