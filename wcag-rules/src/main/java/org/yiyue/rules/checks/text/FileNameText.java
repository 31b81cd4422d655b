package org.yiyue.rules.checks.text;

import java.util.regex.Pattern;

/**
 * Text that is a file name or an address instead of a description (WCAG failure F30): a name with an image
 * extension ("dept1.svg", "banner_01.JPG"), a path ending in one ("/img/logo.png"), or a URL.
 */
final class FileNameText {

    private static final String IMAGE_EXT = "(jpe?g|jfif|png|gif|svg|webp|bmp|ico|tiff?|avif|heic)";
    /** One word (no spaces) ending in an image extension, optionally with a path before it and a query after. */
    private static final Pattern FILE = Pattern.compile("(?i)[^\\s]*[^\\s/\\\\]\\." + IMAGE_EXT + "([?#][^\\s]*)?");
    private static final Pattern URL = Pattern.compile("(?i)(https?|ftp|file):/{2,3}[^\\s]+|data:image/[^\\s]+");

    private FileNameText() {
    }

    static boolean isFileName(String text) {
        String t = text.strip();
        return FILE.matcher(t).matches() || URL.matcher(t).matches();
    }
}
