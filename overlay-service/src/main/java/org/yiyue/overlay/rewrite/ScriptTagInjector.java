package org.yiyue.overlay.rewrite;

/**
 * Inserts an ASCII {@code <script>} tag into the original bytes of an HTML document, right after its real
 * {@code <head>} start tag as the HTML tokenizer finds it ({@link DocumentStart}); without a head after
 * {@code <html>}, else after the DOCTYPE (never before it: that would switch the page to quirks mode), else at the
 * start — after the BOM. The page is never decoded: the tag is written in the page's own code units (one byte per
 * ASCII character, two for UTF-16), so every other byte survives as it was.
 */
public final class ScriptTagInjector {

    private ScriptTagInjector() {
    }

    /** For an ASCII-compatible page whose start was not scanned yet. */
    public static byte[] inject(byte[] page, String asciiTag) {
        PageUnits units = PageUnits.of(page, null);
        return inject(units, DocumentStart.find(units), page, asciiTag);
    }

    public static byte[] inject(PageUnits units, DocumentStart.Result start, byte[] page, String asciiTag) {
        byte[] tag = units.encodeAscii(asciiTag);
        int at = units.byteOffset(start.insertAt());
        byte[] out = new byte[page.length + tag.length];
        System.arraycopy(page, 0, out, 0, at);
        System.arraycopy(tag, 0, out, at, tag.length);
        System.arraycopy(page, at, out, at + tag.length, page.length - at);
        return out;
    }

    /** Byte offset where {@link #inject(byte[], String)} puts the tag. */
    static int insertionOffset(byte[] page) {
        PageUnits units = PageUnits.of(page, null);
        return units.byteOffset(DocumentStart.find(units).insertAt());
    }
}
