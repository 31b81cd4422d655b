package org.yiyue.overlay.console;

/**
 * One console page: the shared frame (language, skip link, header, navigation, the Yiyue toolbar) around the body.
 * Chinese first; English when the evaluator chose it.
 */
final class ConsolePage {

    private final boolean en;
    private final StringBuilder body = new StringBuilder(4096);

    ConsolePage(boolean en) {
        this.en = en;
    }

    boolean english() {
        return en;
    }

    /** Chinese or English text, escaped. */
    String t(String zh, String english) {
        return Html.esc(en ? english : zh);
    }

    ConsolePage raw(String html) {
        body.append(html);
        return this;
    }

    String render(String titleZh, String titleEn, String user, String csrf, String currentPath) {
        String title = t(titleZh, titleEn) + " - " + t("易阅评测控制台", "Yiyue evaluators' console");
        StringBuilder sb = new StringBuilder(body.length() + 2048);
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(en ? "en" : "zh-CN").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/console/static/console.css\">\n")
                .append("<script src=\"/a11y/toolbar.js\" data-site=\"console\" data-lang=\"").append(en ? "en" : "zh-CN")
                .append("\" data-position=\"top-right\" data-tts=\"/api/tts\"></script>\n")
                .append("</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">").append(t("跳到主要内容", "Skip to main content")).append("</a>\n")
                .append("<header class=\"top\"><p class=\"brand\">").append(t("易阅评测控制台", "Yiyue evaluators' console"))
                .append("</p>\n");
        if (user != null) {
            sb.append("<nav aria-label=\"").append(t("主导航", "Main")).append("\"><ul>")
                    .append("<li><a href=\"/console\">").append(t("站点与审计", "Sites and audits")).append("</a></li>")
                    .append("<li><a href=\"/console/rules\">").append(t("规则目录", "Rule catalogue")).append("</a></li>")
                    .append("</ul></nav>\n");
        }
        sb.append("<div class=\"session\">");
        String other = en ? "zh-CN" : "en";
        sb.append("<a href=\"").append(Html.esc(currentPath)).append(currentPath.contains("?") ? "&amp;" : "?")
                .append("lang=").append(other).append("\" lang=\"").append(other).append("\" hreflang=\"").append(other)
                .append("\">").append(en ? "中文" : "English").append("</a>");
        if (user != null) {
            sb.append(" <span>").append(t("评测员：", "Evaluator: ")).append(Html.esc(user)).append("</span> ")
                    .append("<form method=\"post\" action=\"/console/logout\" class=\"inline\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(Html.esc(csrf)).append("\">")
                    .append("<button type=\"submit\">").append(t("退出", "Log out")).append("</button></form>");
        }
        sb.append("</div></header>\n<main id=\"main\" tabindex=\"-1\">\n").append(body).append("</main>\n")
                .append("<footer><p>").append(t("易阅 · 无障碍与适老化评测", "Yiyue · accessibility and elder-friendliness audits"))
                .append("</p></footer>\n</body>\n</html>\n");
        return sb.toString();
    }
}
