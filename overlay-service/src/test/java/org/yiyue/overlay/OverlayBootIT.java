package org.yiyue.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Boots the packaged WAR in a real Payara Micro and talks to it over HTTP on 127.0.0.1. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OverlayBootIT {

    private static HttpServer origin;
    private final HttpClient http = HttpClient.newHttpClient();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("yiyue.war")));
    }

    @BeforeAll
    static void startOrigin() throws IOException {
        // stands in for the portal upstream configured in it-sites.json
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 18104), 0);
        origin.createContext("/", exchange -> {
            byte[] page = "<!doctype html><html lang=\"zh-CN\"><head><title>河源市人民政府门户网站</title></head><body><h1>要闻动态</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        origin.start();
    }

    @AfterAll
    static void stopOrigin() {
        origin.stop(0);
    }

    private URI loopback(String path) {
        // Arquillian reports the machine's address; the service is reached on loopback at the same port
        return URI.create("http://127.0.0.1:" + base.getPort() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(loopback(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void healthIsLiveAndReady() throws Exception {
        HttpResponse<String> live = get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"status\":\"UP\"") || live.body().contains("\"status\": \"UP\""), live.body());
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("yiyue-sites"), ready.body());
    }

    @Test
    void infoNamesVersionAndSites() throws Exception {
        HttpResponse<String> info = get(base.getPath() + "api/info");
        assertEquals(200, info.statusCode(), info.body());
        assertTrue(info.body().contains("\"version\":\"0.1.0-SNAPSHOT\""), info.body());
        assertTrue(info.body().contains("\"id\":\"portal\""), info.body());
        assertTrue(info.body().contains("河源市人民政府门户网站"), info.body());
    }

    @Test
    void proxiesConfiguredSiteWithToolbarTag() throws Exception {
        HttpResponse<String> page = get(base.getPath() + "s/portal/index.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<head><script src=\"/a11y/toolbar.js\" data-site=\"portal\""), page.body());
        assertTrue(page.body().contains("要闻动态"), page.body());
    }

    @Test
    void unknownSiteIs404AndDeadUpstreamIs502() throws Exception {
        assertEquals(404, get(base.getPath() + "s/evil/").statusCode());
        HttpResponse<String> dead = get(base.getPath() + "s/dead/");
        assertEquals(502, dead.statusCode());
        assertTrue(dead.body().contains("上游网站暂时无法访问"), dead.body());
    }
}
