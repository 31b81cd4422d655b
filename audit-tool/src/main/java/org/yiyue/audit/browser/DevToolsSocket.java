package org.yiyue.audit.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.json.Json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A DevTools protocol connection to the browser endpoint (the {@code se:cdp} address chromedriver reports): commands
 * with an optional flat session id, answered by futures; events handed to one listener with their session id, in the
 * order they arrive. Every message is parsed once, with Selenium's JSON reader, so numbers come back as WebDriver
 * results have them (integers as Long, others as Double). One per {@link PageChannel}.
 */
final class DevToolsSocket implements AutoCloseable {

    /** An event: method and params, and the flat session it came on (null: the browser's own). */
    interface Events {
        void on(String sessionId, String method, Map<String, Object> params);
    }

    private static final Json JSON = new Json();
    /**
     * Reads and writes the messages: ~2.5x faster than Selenium's JSON on a screenshot's megabyte of base64 (7 against
     * 18 ms, C1-compiled as the benchmark runs) and ~5x on a script's 39 KB (0.3 against 1.9 ms); every DevTools
     * message passes through it on the audit's path. {@link #seleniumNumbers} keeps Selenium's number types.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<Map<String, Object>> MESSAGE = new TypeReference<>() {
    };
    /** One client for every browser of the process: its threads are shared and daemon. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "yiyue-devtools");
        t.setDaemon(true);
        return t;
    });
    private static final HttpClient CLIENT = HttpClient.newBuilder().executor(THREADS).build();

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final Events events;
    private final WebSocket socket;
    private volatile String closedBecause;

    private DevToolsSocket(URI endpoint, Events events) {
        this.events = events;
        try {
            this.socket = CLIENT.newWebSocketBuilder().connectTimeout(java.time.Duration.ofSeconds(10))
                    .buildAsync(endpoint, new Listener()).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebDriverException("interrupted while connecting to DevTools at " + endpoint, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new WebDriverException("cannot connect to DevTools at " + endpoint + ": " + e, e);
        }
    }

    static DevToolsSocket connect(URI endpoint, Events events) {
        return new DevToolsSocket(endpoint, events);
    }

    boolean open() {
        return closedBecause == null;
    }

    /** Sends a command; the future holds its result object, or fails with the protocol's error. */
    CompletableFuture<Map<String, Object>> send(String sessionId, String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        String gone = closedBecause;
        if (gone != null) {
            answer.completeExceptionally(new WebDriverException("DevTools connection closed: " + gone));
            return answer;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params == null ? Map.of() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        pending.put(id, answer);
        String text;
        try {
            // what is not plain JSON data (a WebDriver object) is written as Selenium writes it
            text = PageChannel.plain(params) ? MAPPER.writeValueAsString(message) : JSON.toJson(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            text = JSON.toJson(message);
        }
        synchronized (socket) {
            // one text message at a time: the JDK socket refuses a send while the previous one is under way
            try {
                socket.sendText(text, true).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.remove(id);
                answer.completeExceptionally(new WebDriverException("interrupted while sending " + method, e));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                pending.remove(id);
                answer.completeExceptionally(new WebDriverException("cannot send " + method + " to DevTools: " + e, e));
            }
        }
        return answer;
    }

    /** Gives up on a command whose answer no longer matters (a timed-out script): its future fails now. */
    void forget(CompletableFuture<Map<String, Object>> answer) {
        pending.values().remove(answer);
        answer.completeExceptionally(new WebDriverException("no longer waited for"));
    }

    @Override
    public void close() {
        closed("closed by the audit");
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // a browser already gone does not answer
        } finally {
            socket.abort();
        }
    }

    private void closed(String why) {
        if (closedBecause == null) {
            closedBecause = why;
        }
        for (Long id : pending.keySet()) {
            CompletableFuture<Map<String, Object>> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(new WebDriverException("DevTools connection closed: " + closedBecause));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void handle(String text) {
        Map<String, Object> m;
        try {
            m = (Map<String, Object>) seleniumNumbers(MAPPER.readValue(text, MESSAGE));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            m = JSON.toType(text, Json.MAP_TYPE); // as before, with Selenium's error if it is no JSON
        }
        if (m.get("id") instanceof Number n) {
            CompletableFuture<Map<String, Object>> f = pending.remove(n.longValue());
            if (f == null) {
                return;
            }
            if (m.get("error") instanceof Map<?, ?> error) {
                f.completeExceptionally(new ProtocolError(String.valueOf(error.get("message")), error.get("code") instanceof Number c ? c.intValue() : 0));
            } else {
                f.complete(m.get("result") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of());
            }
        } else if (m.get("method") instanceof String method) {
            Object params = m.get("params");
            events.on((String) m.get("sessionId"), method, params instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of());
        }
    }

    /**
     * Numbers as Selenium's reader gives them, which the audit's checks (and WebDriver's own answers) are written
     * against: a whole number is a Long, even when written 2.0 or 1e3; any other a Double.
     */
    @SuppressWarnings("unchecked")
    static Object seleniumNumbers(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) <= 9.007199254740992E15 ? (Object) d.longValue() : d;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                Object v = e.getValue();
                if (v instanceof Double || v instanceof Map || v instanceof List) {
                    e.setValue(seleniumNumbers(v));
                }
            }
        } else if (value instanceof List<?> list) {
            List<Object> l = (List<Object>) list;
            for (int i = 0; i < l.size(); i++) {
                Object v = l.get(i);
                if (v instanceof Double || v instanceof Map || v instanceof List) {
                    l.set(i, seleniumNumbers(v));
                }
            }
        }
        return value;
    }

    /** An error answer of the protocol (code and message as DevTools sent them). */
    static final class ProtocolError extends WebDriverException {
        final int code;

        ProtocolError(String message, int code) {
            super(message);
            this.code = code;
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder parts = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String text = parts.toString();
                parts.setLength(0);
                try {
                    handle(text);
                } catch (RuntimeException e) {
                    // one bad message (or a listener's bug) must not stop the connection
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed("closed by the browser (" + status + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed(String.valueOf(error));
        }
    }
}
