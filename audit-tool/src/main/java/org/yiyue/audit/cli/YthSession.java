package org.yiyue.audit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.yiyue.demo.ReplicaCatalog;

/**
 * For certification only: signs in to the yth replica with its demo account and walks the application flow to the
 * receipt, so every step page (/apply/step1..3, /apply/receipt) can then be audited with that session cookie —
 * WCAG-EM's "complete process". The applicant data is the replica's own fictitious demo data.
 */
final class YthSession {

    private YthSession() {
    }

    /** Returns the session cookie (name, value) of a flow completed to the receipt. */
    static java.util.Map.Entry<String, String> completedFlow(URI origin, ReplicaCatalog.Login login) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5)).build();
        post(c, origin.resolve(login.path()), "username=" + enc(login.username()) + "&password=" + enc(login.password())
                + "&captcha=" + enc(login.captcha()));
        post(c, origin.resolve("/apply/step1"), "matter=jzz&name=" + enc("黄晓梅") + "&idNumber=441602195003071236"
                + "&phone=13800762000&address=" + enc("河源市源城区新江路88号"));
        String boundary = "----YiyueAudit" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"idCopy\"; filename=\"id-card.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0});
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        c.send(HttpRequest.newBuilder(origin.resolve("/apply/step2")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> last = post(c, origin.resolve("/apply/step3"), "agree=1");
        if (last.statusCode() != 303) {
            throw new IOException("yth demo flow did not reach the receipt (HTTP " + last.statusCode() + ")");
        }
        for (HttpCookie k : cookies.getCookieStore().getCookies()) {
            if (k.getName().equals(login.cookie())) {
                return java.util.Map.entry(k.getName(), k.getValue());
            }
        }
        throw new IOException("yth demo login gave no " + login.cookie() + " cookie");
    }

    private static HttpResponse<Void> post(HttpClient c, URI u, String form) throws IOException, InterruptedException {
        return c.send(HttpRequest.newBuilder(u).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
