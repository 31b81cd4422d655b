package org.yiyue.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.yiyue.demo.ReplicaSites;

/**
 * A signed-in yth session walked to a given point of the application flow, so tests and audits can reach the
 * pages behind the login: flow step 1 = /apply/step1 (just logged in), 2 = /apply/step2 (applicant saved),
 * 3 = /apply/step3 (materials uploaded), 4 = /apply/receipt (submitted).
 *
 * <pre>{@code
 * YthFlow flow = YthFlow.readyFor(sites, 3);
 * FetchedPage confirm = FetchedPage.get(flow.client(), flow.url("/apply/step3"));
 * // in a browser: open flow.url("/login"), add cookie YthFlow.COOKIE = flow.sessionId(), then open the step
 * }</pre>
 */
public final class YthFlow {

    public static final String COOKIE = "YTHSESSIONID";

    private final URI origin;
    private final HttpClient client;
    private final CookieManager cookies;

    private YthFlow(URI origin) {
        this.origin = origin;
        this.cookies = new CookieManager();
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Logs in with the demo account and completes every step before {@code flowStep} (1..4). */
    public static YthFlow readyFor(ReplicaSites sites, int flowStep) {
        if (flowStep < 1 || flowStep > 4) {
            throw new IllegalArgumentException("flow step must be 1..4, was " + flowStep);
        }
        YthFlow flow = new YthFlow(sites.origin("yth"));
        flow.expectRedirect(flow.postForm("/login", "username=demo&password=demo123&captcha=2468"), "/apply/step1");
        if (flowStep >= 2) {
            flow.expectRedirect(flow.postForm("/apply/step1", "matter=jzz&name=" + enc("黄晓梅")
                    + "&idNumber=441602195003071236&phone=13800762000&address=" + enc("河源市源城区新江路88号")), "/apply/step2");
        }
        if (flowStep >= 3) {
            flow.expectRedirect(flow.uploadIdCopy(), "/apply/step3");
        }
        if (flowStep >= 4) {
            flow.expectRedirect(flow.postForm("/apply/step3", "agree=1"), "/apply/receipt");
        }
        return flow;
    }

    /** The HTTP client holding the session cookie (never follows redirects). */
    public HttpClient client() {
        return client;
    }

    public URI url(String path) {
        return URI.create(origin + path);
    }

    /** The value of the {@value #COOKIE} cookie, e.g. to add it to a browser session. */
    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(COOKIE))
                .map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("no yth session cookie"));
    }

    private HttpResponse<String> postForm(String path, String body) {
        return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> uploadIdCopy() {
        String boundary = "----YiyueTestkit" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"idCopy\"; filename=\"id-card.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        body.write(head, 0, head.length);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        body.write(png, 0, png.length);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        body.write(tail, 0, tail.length);
        return send(HttpRequest.newBuilder(url("/apply/step2"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void expectRedirect(HttpResponse<String> r, String location) {
        if (r.statusCode() != 303 || !location.equals(r.headers().firstValue("Location").orElse(""))) {
            throw new IllegalStateException("yth flow: expected 303 to " + location + " from " + r.uri() + ", got "
                    + r.statusCode() + " " + r.headers().firstValue("Location").orElse("") + "\n" + r.body());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
