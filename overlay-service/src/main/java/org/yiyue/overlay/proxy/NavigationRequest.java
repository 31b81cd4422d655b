package org.yiyue.overlay.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a request is clearly not a navigation, so its answer must never get the toolbar, whatever its
 * Content-Type: Fetch Metadata ({@code Sec-Fetch-Dest} other than document/iframe/frame), a jQuery-style
 * {@code X-Requested-With}, or an {@code Accept} that does not ask for HTML (browsers always list text/html for
 * navigations; fetch/XHR send {@code *}{@code /*} or a JSON type). A request that says nothing (curl, old clients)
 * counts as a navigation.
 */
public final class NavigationRequest {

    private NavigationRequest() {
    }

    /** @param headers the client's headers, names in lower case; returns why it is not a navigation, if it is not */
    public static Optional<String> notNavigation(Map<String, List<String>> headers) {
        String dest = first(headers, "sec-fetch-dest");
        if (dest != null && !dest.isBlank()) {
            String d = dest.trim().toLowerCase(Locale.ROOT);
            return d.equals("document") || d.equals("iframe") || d.equals("frame")
                    ? Optional.empty() : Optional.of("sec-fetch-dest");
        }
        String xrw = first(headers, "x-requested-with");
        if (xrw != null && !xrw.isBlank()) {
            return Optional.of("x-requested-with");
        }
        List<String> accept = headers.getOrDefault("accept", List.of());
        if (!accept.isEmpty()) {
            String all = String.join(",", accept).toLowerCase(Locale.ROOT);
            if (!all.contains("text/html") && !all.contains("application/xhtml+xml")) {
                return Optional.of("accept");
            }
        }
        return Optional.empty();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
