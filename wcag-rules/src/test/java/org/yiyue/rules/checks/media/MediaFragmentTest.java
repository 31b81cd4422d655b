package org.yiyue.rules.checks.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Media Fragments URI 1.0, temporal dimension (npt), as aaa1bf's "total audio output" needs it. */
class MediaFragmentTest {

    @Test
    void startAndEnd() {
        assertArrayEquals(new double[] {8, 10}, Media.fragment("https://x.gov.cn/v.webm#t=8,10"));
        assertArrayEquals(new double[] {8, 10}, Media.fragment("v.webm#t=npt:8,10"));
        assertArrayEquals(new double[] {0, 2.5}, Media.fragment("v.webm#t=,2.5"));
        assertArrayEquals(new double[] {70, 95}, Media.fragment("v.webm#xywh=1,2,3,4&t=0:01:10,1:35"));
    }

    @Test
    void openEndOrNoTimeDimension() {
        double[] open = Media.fragment("v.webm#t=30");
        assertTrue(open[0] == 30 && Double.isNaN(open[1]));
        assertNull(Media.fragment("v.webm"));
        assertNull(Media.fragment("v.webm#track=audio"));
        assertNull(Media.fragment("v.webm#t=abc"));
    }
}
