package org.yiyue.audit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JUnit XML for CI: one testsuite per page, one testcase per check that ran there; a failed check is a failure
 * listing its elements, cantTell is skipped with the reason, a page that could not be audited is an error.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static String render(AuditReport r) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = 0;
        long failures = 0;
        long errors = 0;
        StringBuilder suites = new StringBuilder();
        for (PageReport p : r.pages()) {
            StringBuilder cases = new StringBuilder();
            int t = 0;
            int f = 0;
            int e = 0;
            int s = 0;
            if (!p.audited()) {
                t = 1;
                e = 1;
                cases.append("    <testcase classname=\"").append(x(p.url())).append("\" name=\"fetch\">\n")
                        .append("      <error type=\"").append(x(p.status())).append("\" message=\"").append(x(p.detail())).append("\"/>\n")
                        .append("    </testcase>\n");
            } else {
                for (var entry : new java.util.TreeMap<>(p.ruleOutcomes()).entrySet()) {
                    if (entry.getValue().equals("inapplicable")) {
                        continue;
                    }
                    t++;
                    cases.append("    <testcase classname=\"").append(x(p.url())).append("\" name=\"").append(x(entry.getKey())).append("\">\n");
                    if (entry.getValue().equals("failed")) {
                        f++;
                        StringBuilder body = new StringBuilder();
                        for (Finding fd : p.findings()) {
                            if (fd.ruleId().equals(entry.getKey()) && fd.failed()) {
                                body.append(fd.target()).append(" — ").append(fd.message().en()).append('\n');
                            }
                        }
                        cases.append("      <failure type=\"failed\" message=\"").append(x(entry.getKey())).append("\">")
                                .append(x(body.toString())).append("</failure>\n");
                    } else if (entry.getValue().equals("cantTell")) {
                        s++;
                        cases.append("      <skipped message=\"cantTell: needs a human check\"/>\n");
                    }
                    cases.append("    </testcase>\n");
                }
            }
            tests += t;
            failures += f;
            errors += e;
            suites.append("  <testsuite name=\"").append(x(p.url())).append("\" tests=\"").append(t).append("\" failures=\"")
                    .append(f).append("\" errors=\"").append(e).append("\" skipped=\"").append(s).append("\" time=\"")
                    .append(p.millis() / 1000.0).append("\">\n").append(cases).append("  </testsuite>\n");
        }
        sb.append("<testsuites name=\"").append(x("yiyue audit " + r.siteId())).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\">\n")
                .append(suites).append("</testsuites>\n");
        return sb.toString();
    }

    public static void write(AuditReport r, Path file) throws IOException {
        Files.writeString(file, render(r), StandardCharsets.UTF_8);
    }

    static String x(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append(' '); // not allowed in XML 1.0
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
