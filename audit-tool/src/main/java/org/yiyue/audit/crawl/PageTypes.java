package org.yiyue.audit.crawl;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;

/**
 * Clusters pages into types for WCAG-EM's structured sample: the URL path turned into a template (numbers and
 * ids become placeholders, query values dropped, keys kept) plus whether the page holds a form. Pages that differ
 * only in an article number are one type; a list page, an article and a form are three.
 */
public final class PageTypes {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern LONG_ID = Pattern.compile("[0-9a-fA-F-]{16,}");

    private PageTypes() {
    }

    public static String of(URI url, Document doc) {
        String template = template(url);
        boolean form = doc != null && !doc.select("form input:not([type=hidden]), form select, form textarea").isEmpty();
        return form ? template + " [form]" : template;
    }

    public static String template(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        StringBuilder sb = new StringBuilder();
        String[] segs = path.split("/", -1);
        for (int i = 1; i < segs.length; i++) {
            String s = segs[i];
            s = LONG_ID.matcher(s).replaceAll("{id}");
            s = NUMBER.matcher(s).replaceAll("{n}");
            sb.append('/').append(s.toLowerCase(Locale.ROOT));
        }
        if (sb.length() == 0) {
            sb.append('/');
        }
        String q = url.getRawQuery();
        if (q != null && !q.isEmpty()) {
            TreeSet<String> keys = new TreeSet<>();
            Arrays.stream(q.split("&")).map(kv -> kv.split("=", 2)[0]).forEach(keys::add);
            sb.append('?').append(String.join("&", keys));
        }
        return sb.toString();
    }
}
