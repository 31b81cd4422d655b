package org.yiyue.overlay.rewrite;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The raw bytes of a page seen as code units of its encoding family, without decoding or copying: one unit per byte
 * for ASCII-compatible encodings (UTF-8, GBK/GB18030, Big5, ISO-8859-x — their multi-byte sequences never contain
 * ASCII markup bytes), two bytes per unit for UTF-16 with the byte order from the BOM. Lets the tokenizer find markup
 * and the injector insert an ASCII tag in any charset while every other byte stays as it was.
 */
public final class PageUnits implements CharSequence {

    private final byte[] bytes;
    private final int start;
    private final int length;
    private final Family family;

    /** How the bytes map to units; the BOM (if any) is what {@link #start()} skips. */
    public enum Family {
        ASCII_COMPATIBLE(1), UTF_16LE(2), UTF_16BE(2);

        final int width;

        Family(int width) {
            this.width = width;
        }
    }

    private PageUnits(byte[] bytes, int start, Family family) {
        this.bytes = bytes;
        this.start = start;
        this.family = family;
        this.length = (bytes.length - start) / family.width;
    }

    /**
     * A BOM decides first (as in browsers), then a UTF-16 charset in the Content-Type; everything else is
     * ASCII-compatible.
     */
    public static PageUnits of(byte[] page, String contentType) {
        int b0 = page.length > 0 ? page[0] & 0xff : -1;
        int b1 = page.length > 1 ? page[1] & 0xff : -1;
        if (b0 == 0xFE && b1 == 0xFF) {
            return new PageUnits(page, 2, Family.UTF_16BE);
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return new PageUnits(page, 2, Family.UTF_16LE);
        }
        if (b0 == 0xEF && b1 == 0xBB && page.length > 2 && (page[2] & 0xff) == 0xBF) {
            return new PageUnits(page, 3, Family.ASCII_COMPATIBLE);
        }
        Optional<String> declared = PageCharset.fromContentType(contentType).map(s -> s.toLowerCase(Locale.ROOT));
        if (declared.isPresent() && declared.get().startsWith("utf-16")) {
            // WHATWG: the label "utf-16" means little endian
            return new PageUnits(page, 0, declared.get().equals("utf-16be") ? Family.UTF_16BE : Family.UTF_16LE);
        }
        return new PageUnits(page, 0, Family.ASCII_COMPATIBLE);
    }

    public Family family() {
        return family;
    }

    /** Bytes of the BOM (0 when there is none). */
    public int start() {
        return start;
    }

    /** Byte offset of a unit index. */
    public int byteOffset(int unit) {
        return start + unit * family.width;
    }

    /** The ASCII text encoded as this page's units (the inserted tag is ASCII). */
    public byte[] encodeAscii(String ascii) {
        Charset cs = switch (family) {
            case ASCII_COMPATIBLE -> StandardCharsets.US_ASCII;
            case UTF_16LE -> StandardCharsets.UTF_16LE;
            case UTF_16BE -> StandardCharsets.UTF_16BE;
        };
        return ascii.getBytes(cs);
    }

    @Override
    public int length() {
        return length;
    }

    /** The unit at an index; a non-ASCII byte of an ASCII-compatible page is returned as a char above 0x7f. */
    @Override
    public char charAt(int index) {
        int at = start + index * family.width;
        return switch (family) {
            case ASCII_COMPATIBLE -> (char) (bytes[at] & 0xff);
            case UTF_16LE -> (char) ((bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8);
            case UTF_16BE -> (char) ((bytes[at] & 0xff) << 8 | (bytes[at + 1] & 0xff));
        };
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            sb.append(charAt(i));
        }
        return sb;
    }

    @Override
    public String toString() {
        return subSequence(0, length).toString();
    }
}
