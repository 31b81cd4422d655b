package org.yiyue.overlay.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/zone/zndb.html", "/search", "/a%20b.html", "/%E5%B1%85.html",
            "/apply/step1", "/img/x.svg"})
    void plainPathsPass(String path) {
        assertTrue(PathGuard.problem(path, "q=%E5%B1%85&x=1").isEmpty(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../etc/passwd", "/a/../../b", "/%2e%2e/x", "/%2E%2E/x", "/.%2e/x", "/a/./b",
            "//evil.example/x", "/a//b", "/@evil.example", "/x%40evil", "/a%0d%0aSet-Cookie:%20x=1", "/a%0ab",
            "/a\\..\\b", "/a%5cb", "/a%2fb", "/a%00b", "relative", "/a b"})
    void hostilePathsAreRefused(String path) {
        assertTrue(PathGuard.problem(path, null).isPresent(), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1%0d%0aX-Evil:1", "a=%0a", "a=\r\n"})
    void controlCharactersInTheQueryAreRefused(String query) {
        assertTrue(PathGuard.problem("/ok", query).isPresent(), query);
    }

    @org.junit.jupiter.api.Test
    void controlCharacterDetection() {
        assertTrue(PathGuard.hasControl("a\rb"));
        assertFalse(PathGuard.hasControl("abc"));
    }
}
