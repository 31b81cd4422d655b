package org.yiyue.audit.report;

import java.util.List;

/**
 * Horizontal bar charts as inline SVG: role="img" with a title and a description that state every value, so the
 * chart says in words what it shows; the same numbers are also printed in a table next to it.
 */
final class Charts {

    record Bar(String label, double value) {
    }

    private Charts() {
    }

    static String bars(String id, String title, List<Bar> bars, String unit) {
        int rowH = 26;
        int labelW = 260;
        int barMax = 380;
        int h = Math.max(1, bars.size()) * rowH + 10;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        if (max <= 0) {
            max = 1;
        }
        StringBuilder desc = new StringBuilder();
        for (Bar b : bars) {
            if (desc.length() > 0) {
                desc.append("; ");
            }
            desc.append(b.label()).append(": ").append(fmt(b.value())).append(' ').append(unit);
        }
        if (bars.isEmpty()) {
            desc.append("—");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<svg role=\"img\" aria-labelledby=\"").append(id).append("-t ").append(id).append("-d\" width=\"")
                .append(labelW + barMax + 70).append("\" height=\"").append(h).append("\" viewBox=\"0 0 ")
                .append(labelW + barMax + 70).append(' ').append(h).append("\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"").append(id).append("-t\">").append(Html.esc(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-d\">").append(Html.esc(desc.toString())).append("</desc>");
        int y = 5;
        for (Bar b : bars) {
            int w = (int) Math.round(barMax * b.value() / max);
            String label = b.label().length() > 34 ? b.label().substring(0, 33) + "…" : b.label();
            sb.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\" font-size=\"13\" fill=\"#1a1a1a\">").append(Html.esc(label)).append("</text>")
                    .append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"").append(Math.max(w, 1))
                    .append("\" height=\"18\" fill=\"#1d4e89\"/>")
                    .append("<text x=\"").append(labelW + w + 6).append("\" y=\"").append(y + 17)
                    .append("\" font-size=\"13\" fill=\"#1a1a1a\">").append(fmt(b.value())).append("</text>");
            y += rowH;
        }
        sb.append("</svg>");
        return sb.toString();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
    }
}
