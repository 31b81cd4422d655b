package org.yiyue.rules.checks.names;

import java.util.Locale;

import org.jsoup.nodes.Element;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.engine.ElementRule;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * ACT 8fc3b6: an object rendering image, audio or video has a non-empty accessible name. The MIME type is taken
 * from the type attribute or the file extension; when neither tells, the verdict is cantTell.
 */
public final class ObjectName extends ElementRule {

    public ObjectName() {
        super(Meta.rule("object-name")
                .title("渲染非文本内容的 object 元素有非空的可访问名称",
                        "Object element rendering non-text content has non-empty accessible name")
                .help("为 object 加 aria-label、aria-labelledby 或 title", "Give the object aria-label, aria-labelledby or title")
                .wcag(Level.A, "1.1.1").act("8fc3b6", true).tags("names").build());
    }

    @Override
    protected String candidates() {
        return "object";
    }

    @Override
    protected boolean applies(Element e, Page page) {
        return Predicates.isIncludedInAccessibilityTree(e, page) && Roles.explicit(e).isEmpty()
                && !"other".equals(kind(e));
    }

    /** image, media, other (known non-media) or unknown. */
    public static String kind(Element e) {
        String type = e.attr("type").trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return "image";
        }
        if (type.startsWith("audio/") || type.startsWith("video/")) {
            return "media";
        }
        if (!type.isEmpty()) {
            return "other";
        }
        String data = e.attr("data").toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (data.matches(".*\\.(png|jpe?g|gif|svg|webp|bmp|ico)$")) {
            return "image";
        }
        if (data.matches(".*\\.(mp3|wav|ogg|oga|m4a|mp4|webm|ogv|mov|avi)$")) {
            return "media";
        }
        if (data.matches(".*\\.(html?|pdf|swf|txt|xml)$") || data.isEmpty()) {
            return "other";
        }
        return "unknown";
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String name = AccessibleName.of(t.element(), page);
        if (!name.isEmpty()) {
            return Verdict.pass("可访问名称为“" + name + "”", "Accessible name is \"" + name + "\"");
        }
        if (kind(t.element()).equals("unknown")) {
            return Verdict.cantTell("无法确定 object 所嵌入资源的类型", "Cannot tell the embedded resource's type");
        }
        return Verdict.fail("嵌入图片或音视频的 object 没有可访问名称",
                "Object embedding an image, audio or video has no accessible name");
    }
}
