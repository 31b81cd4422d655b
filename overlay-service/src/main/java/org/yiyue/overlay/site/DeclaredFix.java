package org.yiyue.overlay.site;

import java.util.Objects;

/**
 * The small, explicit vocabulary of page fixes a web team may declare for its site. Nothing else is ever changed:
 * each fix names exactly what it touches, and the audit lists applied fixes as the site's own debt.
 */
public sealed interface DeclaredFix {

    /** Stable id of the fix within its site, e.g. {@code set-lang#0}; used in the fix ledger. */
    String id();

    PagePattern pages();

    /** Short human description (zh) for the ledger. */
    String describe();

    /** Set {@code <html lang>} to the given tag. */
    record SetLang(String id, PagePattern pages, String lang) implements DeclaredFix {
        public SetLang {
            Objects.requireNonNull(lang, "lang");
            if (!lang.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                throw new IllegalArgumentException("set-lang needs a language tag: " + lang);
            }
        }

        public String describe() {
            return "设置页面语言 lang=" + lang;
        }
    }

    /** Remove {@code user-scalable=no} and {@code maximum-scale} from the viewport meta so pinch zoom works. */
    record AllowZoom(String id, PagePattern pages) implements DeclaredFix {
        public String describe() {
            return "允许缩放：去掉 viewport 中的 user-scalable=no / maximum-scale";
        }
    }

    /** Set one attribute (alt, aria-label, title, …) on the elements a selector names. */
    record SetAttribute(String id, PagePattern pages, String selector, String attribute, String value)
            implements DeclaredFix {
        public SetAttribute {
            Objects.requireNonNull(selector, "selector");
            Objects.requireNonNull(value, "value");
            if (attribute == null || !attribute.matches("[a-z][a-z0-9-]*") || attribute.startsWith("on")) {
                throw new IllegalArgumentException("set-attribute needs a plain attribute name (no event handlers): "
                        + attribute);
            }
        }

        public String describe() {
            return "为 " + selector + " 设置 " + attribute + "=\"" + value + "\"";
        }
    }

    /** Add a skip link as the first thing in {@code <body>}, pointing at an existing element id. */
    record SkipLink(String id, PagePattern pages, String target, String label) implements DeclaredFix {
        public SkipLink {
            if (target == null || !target.matches("#[A-Za-z][A-Za-z0-9_:.-]*")) {
                throw new IllegalArgumentException("skip-link target must be #id: " + target);
            }
            label = label == null || label.isBlank() ? "跳到主要内容" : label;
        }

        public String describe() {
            return "添加跳转链接 → " + target;
        }
    }

    /** Mark layout tables {@code role="presentation"}. */
    record LayoutTable(String id, PagePattern pages, String selector) implements DeclaredFix {
        public LayoutTable {
            Objects.requireNonNull(selector, "selector");
        }

        public String describe() {
            return "将布局表格 " + selector + " 标为 role=presentation";
        }
    }
}
