package org.yiyue.overlay.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NavigationRequestTest {

    @Test
    void fetchMetadataXhrAndAcceptTellSubRequestsApart() {
        assertEquals(Optional.of("sec-fetch-dest"), NavigationRequest.notNavigation(Map.of("sec-fetch-dest", List.of("empty"),
                "accept", List.of("text/html"))));
        assertTrue(NavigationRequest.notNavigation(Map.of("sec-fetch-dest", List.of("iframe"))).isEmpty());
        assertTrue(NavigationRequest.notNavigation(Map.of("sec-fetch-dest", List.of("document"),
                "accept", List.of("text/html,application/xhtml+xml,*/*;q=0.8"))).isEmpty());
        assertEquals(Optional.of("x-requested-with"), NavigationRequest.notNavigation(Map.of("x-requested-with",
                List.of("XMLHttpRequest"), "accept", List.of("text/html, */*; q=0.01"))));
        assertEquals(Optional.of("accept"), NavigationRequest.notNavigation(Map.of("accept", List.of("*/*"))));
        assertEquals(Optional.of("accept"), NavigationRequest.notNavigation(Map.of("accept", List.of("application/json"))));
        assertTrue(NavigationRequest.notNavigation(Map.of()).isEmpty(), "says nothing: a navigation (curl, old clients)");
    }
}
