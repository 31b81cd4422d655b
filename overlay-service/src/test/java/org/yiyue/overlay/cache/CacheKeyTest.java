package org.yiyue.overlay.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Every input that can change the stored body is in the key (the old key was site|path|coding only). */
class CacheKeyTest {

    private static CacheKey key(String scheme, String host, boolean gzip, boolean nav, String toolbar,
                                Optional<String> cookies) {
        return new CacheKey("lab", "f1", scheme, Optional.ofNullable(host), "/a.html?x=1", gzip, nav, toolbar, cookies);
    }

    @Test
    void eachInputChangesTheKey() {
        String base = key("http", "yiyue.test", true, true, "v1", Optional.empty()).asString();
        assertTrue(base.startsWith("lab|"), "purge by site prefix");
        for (CacheKey other : List.of(key("https", "yiyue.test", true, true, "v1", Optional.empty()),
                key("http", "other.test", true, true, "v1", Optional.empty()),
                key("http", "yiyue.test", false, true, "v1", Optional.empty()),
                key("http", "yiyue.test", true, false, "v1", Optional.empty()),
                key("http", "yiyue.test", true, true, "v2", Optional.empty()),
                key("http", "yiyue.test", true, true, "v1", Optional.of("JSESSIONID=a")),
                new CacheKey("lab", "f2", "http", Optional.of("yiyue.test"), "/a.html?x=1", true, true, "v1",
                        Optional.empty()))) {
            assertNotEquals(base, other.asString(), other.toString());
        }
        assertFalse(key("http", null, true, true, "v1", Optional.of("secret=1")).asString().contains("secret"),
                "cookies only as a hash");
        assertEquals(key("http", null, true, true, "v1", Optional.of("a=1")).asString(),
                key("http", null, true, true, "v1", Optional.of("a=1")).asString());
    }

    @Test
    void pagesWithoutFreshnessButWithAValidatorAreStoredForRevalidation() {
        assertTrue(CachePolicy.storableForRevalidation(200, Map.of("ETag", List.of("\"1\""))));
        assertTrue(CachePolicy.storableForRevalidation(200, Map.of("Last-Modified", List.of("Sat, 05 Dec 2026 10:00:00 GMT"))));
        assertFalse(CachePolicy.storableForRevalidation(200, Map.of()), "no validator");
        assertFalse(CachePolicy.storableForRevalidation(200, Map.of("ETag", List.of("\"1\""),
                "Cache-Control", List.of("private"))));
        assertFalse(CachePolicy.storableForRevalidation(200, Map.of("ETag", List.of("\"1\""),
                "Set-Cookie", List.of("a=1"))));
        assertFalse(CachePolicy.storableForRevalidation(200, Map.of("ETag", List.of("\"1\""), "Vary", List.of("Cookie"))));
        assertFalse(CachePolicy.storableForRevalidation(404, Map.of("ETag", List.of("\"1\""))));
    }
}
