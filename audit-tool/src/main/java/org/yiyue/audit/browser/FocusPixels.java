package org.yiyue.audit.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * ACT oj04fd's own test: is there a pixel of the page
 * whose colour differs when the element is focused from when it is not? The element is focused (the browser scrolls
 * it into view), the viewport is shot, the element is blurred without scrolling, the viewport is shot again; each
 * shot waits for running transitions (a focus style may fade in). Identical PNG bytes mean identical pixels; differing
 * bytes are decoded and compared so an encoder difference never passes an element. Text entry fields are not
 * probed: their blinking caret may or may not be in a shot.
 */
final class FocusPixels {

    /** Elements probed per page at most (two screenshots each); the rest answer cantTell. */
    static final int MAX_PROBES = 10;

    private static final String FOCUS = """
            var el = document.__yiyueElements && document.__yiyueElements[arguments[0]];
            if (!el) { return null; }
            var text = /^(input|textarea)$/.test(el.localName) && !/^(button|submit|reset|image|checkbox|radio|range|color|file|hidden)$/.test((el.type || '').toLowerCase())
              || el.isContentEditable;
            if (text) { return null; }
            if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }
            el.focus();
            return el.matches(':focus');""";

    private static final String BLUR = """
            var el = document.__yiyueElements[arguments[0]];
            el.blur();
            return !el.matches(':focus');""";

    /** Two frames, then until no transition (or animation on the element's tree) runs, 600 ms at most. */
    private static final String SETTLE = """
            var done = arguments[arguments.length - 1], el = document.__yiyueElements[arguments[0]], t0 = performance.now();
            function busy() {
              if (!document.getAnimations) { return false; }
              return document.getAnimations().some(function (a) {
                if (a.playState !== 'running') { return false; }
                if (typeof CSSTransition !== 'undefined' && a instanceof CSSTransition) { return true; }
                var t = a.effect && a.effect.target;
                return !!t && (t === el || t.contains(el) || el.contains(t));
              });
            }
            (function wait() {
              requestAnimationFrame(function () { requestAnimationFrame(function () {
                if (!busy() || performance.now() - t0 > 600) { done(true); } else { setTimeout(wait, 50); }
              }); });
            })();""";

    private FocusPixels() {
    }

    /** @return element index → whether some pixel changed; indices not probed are absent */
    static Map<Integer, Boolean> probe(WebDriver driver, List<Integer> candidates) {
        Map<Integer, Boolean> out = new HashMap<>();
        if (!(driver instanceof TakesScreenshot shots) || !(driver instanceof JavascriptExecutor js)) {
            return out;
        }
        Object scroll = js.executeScript("return [window.scrollX, window.scrollY];");
        try {
            for (Integer i : candidates.subList(0, Math.min(MAX_PROBES, candidates.size()))) {
                if (!Boolean.TRUE.equals(js.executeScript(FOCUS, i))) {
                    continue;
                }
                js.executeAsyncScript(SETTLE, i);
                byte[] focused = shots.getScreenshotAs(OutputType.BYTES);
                if (!Boolean.TRUE.equals(js.executeScript(BLUR, i))) {
                    continue;
                }
                js.executeAsyncScript(SETTLE, i);
                byte[] unfocused = shots.getScreenshotAs(OutputType.BYTES);
                Boolean changed = differ(focused, unfocused);
                if (changed != null) {
                    out.put(i, changed);
                }
            }
        } catch (WebDriverException e) {
            // a page that navigates or breaks under probing keeps the answers so far; the rest stay cantTell
        } finally {
            try {
                js.executeScript("if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }"
                        + " if (arguments[0]) { window.scrollTo(arguments[0][0], arguments[0][1]); }", scroll);
            } catch (WebDriverException ignored) {
                // the page is gone
            }
        }
        return out;
    }

    /** True when some pixel differs, false when none does, null when the shots cannot be compared. */
    static Boolean differ(byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return false;
        }
        try {
            BufferedImage x = ImageIO.read(new ByteArrayInputStream(a));
            BufferedImage y = ImageIO.read(new ByteArrayInputStream(b));
            if (x == null || y == null) {
                return null;
            }
            if (x.getWidth() != y.getWidth() || x.getHeight() != y.getHeight()) {
                return null;
            }
            int w = x.getWidth();
            int[] rowX = new int[w];
            int[] rowY = new int[w];
            for (int row = 0; row < x.getHeight(); row++) {
                x.getRGB(0, row, w, 1, rowX, 0, w);
                y.getRGB(0, row, w, 1, rowY, 0, w);
                if (!Arrays.equals(rowX, rowY)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return null;
        }
    }
}
