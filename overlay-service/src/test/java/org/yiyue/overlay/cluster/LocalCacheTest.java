package org.yiyue.overlay.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LocalCacheTest {

    @Test
    void removeByPrefixDropsOneSiteAndCountsIt() {
        LocalCache<String> c = new LocalCache<>(1 << 20, Duration.ofMinutes(5), String::length);
        c.put("zwfw|a", "1");
        c.put("zwfw|b", "2");
        c.put("zwfwx|a", "3");
        c.put("portal|a", "4");
        assertEquals(2, c.removeByPrefix("zwfw|"));
        assertNull(c.get("zwfw|a"));
        assertEquals("3", c.get("zwfwx|a"), "a site whose id starts like another keeps its entries");
        assertEquals(2, c.clear());
        assertEquals(0, c.size());
    }
}
