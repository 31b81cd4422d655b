package org.yiyue.audit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** DevTools messages read with Jackson come out as Selenium's reader gives them: the same values and Java types. */
class DevToolsMessagesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    @Test
    void numbersAndStructuresAreSeleniumsTypes() throws Exception {
        List<String> messages = List.of(
                "{\"id\":1,\"result\":{\"result\":{\"type\":\"number\",\"value\":2.0}}}",
                "{\"id\":2,\"result\":{\"v\":[1,2.0,1e3,1.5,-0,-0.0,-7,3.25e-2,9007199254740991,\"1\",true,null,{\"a\":[[4.0]]}]}}",
                "{\"method\":\"Page.frameNavigated\",\"sessionId\":\"S\",\"params\":{\"frame\":{\"id\":\"F\",\"url\":\"http://127.0.0.1/\\u4e2d\\n\"},\"timestamp\":12345.678}}",
                "{\"id\":3,\"error\":{\"code\":-32000,\"message\":\"Cannot find context\"}}");
        Json selenium = new Json();
        for (String text : messages) {
            Object expected = selenium.toType(text, Json.MAP_TYPE);
            Object actual = DevToolsSocket.seleniumNumbers(MAPPER.readValue(text, Map.class));
            assertEquals(expected, actual, text);
            assertEquals(types(expected), types(actual), text);
        }
    }

    /** The value with each leaf replaced by its class name (equals alone takes 2L and 2.0 for different, not Integer). */
    private static Object types(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()), e -> types(e.getValue())));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(DevToolsMessagesTest::types).toList();
        }
        return v == null ? "null" : v.getClass().getName();
    }
}
