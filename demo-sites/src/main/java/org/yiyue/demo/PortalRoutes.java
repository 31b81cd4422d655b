package org.yiyue.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** portal: the 政民互动 feedback form (POST → 303 → thanks page); everything else is static. */
final class PortalRoutes implements Routes {

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    private static final List<String> TOPICS = List.of("咨询", "建议", "投诉", "求助");

    @Override
    public Optional<Reply> route(Request request, SiteResources site) throws IOException {
        String path = request.path();
        if (path.equals("/hdjl/feedback.html") && request.isGet()) {
            return Optional.of(form(site, Map.of(), List.of()));
        }
        if (path.equals("/hdjl/feedback") && request.isPost()) {
            Map<String, String> f = request.form();
            List<String> errors = new ArrayList<>();
            String name = f.getOrDefault("name", "").strip();
            String phone = f.getOrDefault("phone", "").strip();
            String topic = f.getOrDefault("topic", "");
            String title = f.getOrDefault("title", "").strip();
            String content = f.getOrDefault("content", "").strip();
            if (name.isEmpty()) {
                errors.add("请填写姓名");
            }
            if (!PHONE.matcher(phone).matches()) {
                errors.add("联系电话格式不正确");
            }
            if (!TOPICS.contains(topic)) {
                errors.add("请选择留言类型");
            }
            if (title.isEmpty() || title.length() > 50) {
                errors.add("留言标题不能为空，且不超过50个字");
            }
            if (content.length() < 10 || content.length() > 2000) {
                errors.add("留言内容应为10至2000个字");
            }
            if (!errors.isEmpty()) {
                return Optional.of(form(site, f, errors));
            }
            return Optional.of(Reply.redirect(303, "/hdjl/thanks.html"));
        }
        return Optional.empty();
    }

    private Reply form(SiteResources site, Map<String, String> f, List<String> errors) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String k : List.of("name", "phone", "title", "content")) {
            v.put(k, SiteResources.escape(f.getOrDefault(k, "")));
        }
        for (String t : TOPICS) {
            v.put("sel_" + TOPICS.indexOf(t), t.equals(f.get("topic")) ? " selected" : "");
        }
        StringBuilder err = new StringBuilder();
        if (!errors.isEmpty()) {
            err.append("<div class=\"err\">");
            errors.forEach(e -> err.append("<p>").append(SiteResources.escape(e)).append("</p>"));
            err.append("</div>");
        }
        v.put("errors", err.toString());
        return site.page(200, "/_tpl/feedback.html", v);
    }
}
