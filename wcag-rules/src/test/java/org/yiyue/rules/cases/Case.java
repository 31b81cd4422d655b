package org.yiyue.rules.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.yiyue.rules.page.Page;

/** One hand-written example: rule id, expected ACT outcome, HTML, and whether browser facts are supplied. */
record Case(String file, int line, String ruleId, String expected, boolean rendered, String html) {

    static final List<String> FILES = List.of("act-approved.cases", "act-proposed.cases", "standards.cases", "legacy.cases");

    Page page() {
        return rendered ? Page.of(Jsoup.parse(html, "https://example.gov.cn/"), "https://example.gov.cn/", new AttributeFacts())
                : Page.parse(html, "https://example.gov.cn/");
    }

    @Override
    public String toString() {
        return ruleId + " " + expected + (rendered ? " rendered" : "") + " (" + file + ":" + line + ")";
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        for (String f : FILES) {
            out.addAll(load(f));
        }
        return out;
    }

    static List<Case> load(String file) {
        String text;
        try (InputStream in = Case.class.getResourceAsStream("/cases/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Case> out = new ArrayList<>();
        String[] lines = text.split("\n");
        String[] header = null;
        int headerLine = 0;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= lines.length; i++) {
            String l = i < lines.length ? lines[i] : "## end";
            if (l.startsWith("## ")) {
                if (header != null) {
                    out.add(new Case(file, headerLine, header[1], header[2], header.length > 3 && header[3].equals("rendered"),
                            body.toString().trim()));
                }
                header = l.trim().split("\\s+");
                headerLine = i + 1;
                body.setLength(0);
            } else if (header != null && !l.startsWith("#")) {
                body.append(l).append('\n');
            }
        }
        return out;
    }
}
