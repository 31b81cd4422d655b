package org.yiyue.overlay.proxy;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses request paths and queries that could leave the configured upstream or smuggle headers: dot segments
 * (plain or percent-encoded), empty segments ({@code //evil}), user-info markers ({@code @}), back-slashes,
 * encoded slashes, and control characters such as CR/LF. Returns why, so the 400 page can say so.
 */
public final class PathGuard {

    private PathGuard() {
    }

    /** Empty when the raw (still percent-encoded) path and query are safe to append to the upstream origin. */
    public static Optional<String> problem(String rawPath, String rawQuery) {
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.empty();
        }
        if (!rawPath.startsWith("/")) {
            return Optional.of("路径必须以 / 开头 path must start with /");
        }
        if (rawPath.startsWith("//")) {
            return Optional.of("路径不能以 // 开头 path must not start with //");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (hasControl(rawPath) || lower.contains("%0d") || lower.contains("%0a") || lower.contains("%00")
                || lower.contains("%09")) {
            return Optional.of("路径含控制字符 control characters in path");
        }
        if (rawPath.contains("\\") || lower.contains("%5c") || lower.contains("%2f")) {
            return Optional.of("路径含编码斜杠或反斜杠 encoded or back slashes in path");
        }
        if (rawPath.contains("@") || lower.contains("%40")) {
            return Optional.of("路径含 @ path contains @");
        }
        String decodedDots = lower.replace("%2e", ".");
        for (String segment : decodedDots.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of("路径含 . 或 .. 段 dot segments in path");
            }
        }
        if (rawPath.contains("//")) {
            return Optional.of("路径含空段 empty path segment");
        }
        if (rawQuery != null) {
            String q = rawQuery.toLowerCase(Locale.ROOT);
            if (hasControl(rawQuery) || q.contains("%0d") || q.contains("%0a") || q.contains("%00")) {
                return Optional.of("查询串含控制字符 control characters in query");
            }
        }
        return Optional.empty();
    }

    /** True for any character a URL or header value must never carry raw. */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ' ') {
                return true;
            }
        }
        return false;
    }
}
