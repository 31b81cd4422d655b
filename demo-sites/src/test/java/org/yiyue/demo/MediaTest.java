package org.yiyue.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthesised media files: real WAV sound of 8 s, byte ranges, and every audio/video src on the pages resolves. */
class MediaTest {

    static ReplicaSites sites;
    static HttpClient http;

    @BeforeAll
    static void start() {
        sites = ReplicaSites.start();
        http = Http.client();
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    static HttpResponse<byte[]> get(String site, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sites.origin(site) + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void mediaOfTheAutoplayPagesIsServedAsPlayableWav() throws Exception {
        for (String[] page : new String[][] {{"zwfw", "/zone/wza.html", "audio"}, {"portal", "/index.html", "video"}}) {
            String html = Http.utf8(get(page[0], page[1]));
            Matcher m = Pattern.compile("<" + page[2] + " src=\"([^\"]+)\"[^>]*autoplay").matcher(html);
            assertTrue(m.find(), page[1] + " keeps its autoplaying " + page[2]);
            HttpResponse<byte[]> r = get(page[0], m.group(1), "Accept-Encoding", "gzip");
            assertEquals(200, r.statusCode(), m.group(1));
            assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(""));
            assertFalse(r.headers().firstValue("Content-Encoding").isPresent(), "media is never gzipped");
            byte[] wav = r.body();
            assertEquals("RIFF", ascii(wav, 0, 4));
            assertEquals("WAVE", ascii(wav, 8, 4));
            ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(1, b.getShort(20), "PCM");
            assertEquals(wav.length - 44, b.getInt(40), "data chunk covers the rest of the file");
            double seconds = b.getInt(40) / (double) b.getInt(28);
            assertEquals(8.0, seconds, 0.01, "lasts more than the 3 s of WCAG 1.4.2");
            assertTrue(wav.length < 200_000, "small: " + wav.length);
            int peak = 0;
            for (int i = 44; i + 1 < wav.length; i += 2) {
                peak = Math.max(peak, Math.abs(b.getShort(i)));
            }
            assertTrue(peak > 500 && peak < Short.MAX_VALUE / 10, "audible but quiet, peak " + peak);
        }
    }

    @Test
    void byteRanges() throws Exception {
        byte[] whole = get("zwfw", "/media/welcome.wav").body();
        HttpResponse<byte[]> part = get("zwfw", "/media/welcome.wav", "Range", "bytes=0-99");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 0-99/" + whole.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(whole, 0, 100), part.body());
        HttpResponse<byte[]> tail = get("portal", "/media/welcome.wav", "Range", "bytes=-10", "Accept-Encoding", "gzip");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 10, whole.length), tail.body());
        HttpResponse<byte[]> open = get("zwfw", "/media/welcome.wav", "Range", "bytes=100-");
        assertEquals(whole.length - 100, open.body().length);
        HttpResponse<byte[]> beyond = get("zwfw", "/media/welcome.wav", "Range", "bytes=" + whole.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + whole.length, beyond.headers().firstValue("Content-Range").orElse(""));
        assertEquals(200, get("zwfw", "/media/welcome.wav", "Range", "lines=1-2").statusCode(), "unknown unit: whole file");
        assertEquals(404, get("zwfw", "/media/nothing.wav").statusCode());
        assertEquals(404, get("zwfw", "/media/welcome.mp3").statusCode());
    }

    @Test
    void rangeParsing() {
        assertEquals("[5, 9]", Arrays.toString(Media.span("bytes=5-9", 100).orElseThrow()));
        assertEquals("[5, 99]", Arrays.toString(Media.span("bytes=5-1000", 100).orElseThrow()));
        assertEquals("[90, 99]", Arrays.toString(Media.span("bytes=-10", 100).orElseThrow()));
        assertEquals("[0, 99]", Arrays.toString(Media.span("bytes=-1000", 100).orElseThrow()));
        for (String bad : new String[] {"bytes=9-5", "bytes=100-", "bytes=-", "bytes=-0", "bytes=1-2,4-5", "bytes=99999999999999999999-"}) {
            assertEquals(Optional.empty(), Media.span(bad, 100).map(Arrays::toString), bad);
        }
    }

    private static String ascii(byte[] b, int from, int n) {
        return new String(b, from, n, StandardCharsets.US_ASCII);
    }
}
