package org.yiyue.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The yth application end to end: login, session cookie, PRG between steps, validation, upload, receipt, logout. */
class YthFlowTest {

    static ReplicaSites sites;

    @BeforeAll
    static void start() {
        sites = ReplicaSites.start();
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    URI url(String path) {
        return URI.create(sites.origin("yth") + path);
    }

    @Test
    void applicationFromLoginToReceipt() throws Exception {
        HttpClient http = Http.clientWithCookies();

        HttpResponse<byte[]> anonymous = Http.get(http, url("/apply/step1"));
        assertEquals(303, anonymous.statusCode());
        assertEquals("/login", anonymous.headers().firstValue("Location").orElse(""));

        HttpResponse<byte[]> wrong = Http.postForm(http, url("/login"), "username=demo&password=nope&captcha=2468");
        assertEquals(200, wrong.statusCode());
        assertTrue(Http.utf8(wrong).contains("用户名或密码错误"));
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
        assertTrue(Http.utf8(Http.postForm(http, url("/login"), "username=demo&password=demo123&captcha=1111"))
                .contains("验证码错误"));

        HttpResponse<byte[]> login = Http.postForm(http, url("/login"), "username=demo&password=demo123&captcha=2468");
        assertEquals(303, login.statusCode());
        assertEquals("/apply/step1", login.headers().firstValue("Location").orElse(""));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.matches("YTHSESSIONID=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Lax"), cookie);

        String step1 = Http.utf8(Http.get(http, url("/apply/step1")));
        assertTrue(step1.contains("填写申请信息") && step1.contains("居住证申领"));
        assertEquals(303, Http.get(http, url("/apply/step2")).statusCode(), "cannot skip step 1");

        HttpResponse<byte[]> invalid = Http.postForm(http, url("/apply/step1"),
                "matter=jzz&name=" + enc("黄晓梅") + "&idNumber=441602195003071235&phone=1380076&address=");
        assertEquals(200, invalid.statusCode());
        String errors = Http.utf8(invalid);
        assertTrue(errors.contains("身份证号格式不正确"), errors);
        assertTrue(errors.contains("手机号码格式不正确"));
        assertTrue(errors.contains("请填写联系地址"));
        assertTrue(errors.contains("value=\"黄晓梅\""), "entered values are kept");

        HttpResponse<byte[]> valid = Http.postForm(http, url("/apply/step1"),
                "matter=lnyd&name=" + enc("黄晓梅") + "&idNumber=441602195003071236&phone=13800762000&address="
                        + enc("河源市源城区新江路88号"));
        assertEquals(303, valid.statusCode());
        assertEquals("/apply/step2", valid.headers().firstValue("Location").orElse(""));
        assertTrue(Http.utf8(Http.get(http, url("/apply/step2"))).contains("multipart/form-data"));

        HttpResponse<byte[]> badFile = upload(http, "idCopy", "id.exe", new byte[]{1, 2, 3});
        assertEquals(200, badFile.statusCode());
        assertTrue(Http.utf8(badFile).contains("格式不支持"));
        HttpResponse<byte[]> noId = upload(http, "other", "note.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        assertTrue(Http.utf8(noId).contains("请上传居民身份证复印件"));

        byte[] png = new byte[2048];
        png[0] = (byte) 0x89;
        HttpResponse<byte[]> uploaded = upload(http, "idCopy", "身份证正反面.png", png);
        assertEquals(303, uploaded.statusCode(), Http.utf8(uploaded));
        assertEquals("/apply/step3", uploaded.headers().firstValue("Location").orElse(""));

        String confirm = Http.utf8(Http.get(http, url("/apply/step3")));
        assertTrue(confirm.contains("高龄老人津贴申领") && confirm.contains("身份证正反面.png") && confirm.contains("2048 字节"));
        assertTrue(confirm.contains("441602********1236"), "id number masked");
        assertFalse(confirm.contains("441602195003071236"));

        HttpResponse<byte[]> notAgreed = Http.postForm(http, url("/apply/step3"), "x=1");
        assertTrue(Http.utf8(notAgreed).contains("请阅读并勾选"));
        HttpResponse<byte[]> submitted = Http.postForm(http, url("/apply/step3"), "agree=1");
        assertEquals(303, submitted.statusCode());
        assertEquals("/apply/receipt", submitted.headers().firstValue("Location").orElse(""));

        String receipt = Http.utf8(Http.get(http, url("/apply/receipt")));
        Matcher m = Pattern.compile("<span id=\"receiptNo\">(441600-\\d{8}-\\d{6})</span>").matcher(receipt);
        assertTrue(m.find(), receipt);
        assertTrue(receipt.contains("黄晓梅") && receipt.contains("高龄老人津贴申领"));

        HttpResponse<byte[]> logout = Http.get(http, url("/logout"));
        assertEquals(303, logout.statusCode());
        assertTrue(logout.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        assertEquals(303, Http.get(http, url("/apply/receipt")).statusCode(), "session gone after logout");
        assertTrue(Http.utf8(Http.get(http, url("/login?logout=1"))).contains("您已安全退出"));
    }

    @Test
    void forgedOrMalformedRequestsAreHandled() throws Exception {
        HttpClient http = Http.client();
        HttpResponse<byte[]> forged = http.send(HttpRequest.newBuilder(url("/apply/step1"))
                .header("Cookie", "YTHSESSIONID=00000000000000000000000000000000").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(303, forged.statusCode());
        HttpClient cookies = Http.clientWithCookies();
        Http.postForm(cookies, url("/login"), "username=demo&password=demo123&captcha=2468");
        Http.postForm(cookies, url("/apply/step1"), "matter=jzz&name=" + enc("张三丰") + "&idNumber=441622198511120048"
                + "&phone=13912345678&address=" + enc("龙川县老隆镇"));
        HttpResponse<byte[]> broken = cookies.send(HttpRequest.newBuilder(url("/apply/step2"))
                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString("garbage without boundary")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(400, broken.statusCode());
        assertTrue(Http.utf8(broken).contains("请求格式错误"));
    }

    private HttpResponse<byte[]> upload(HttpClient http, String field, String filename, byte[] content) throws Exception {
        String boundary = "----yiyue" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(url("/apply/step2"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
