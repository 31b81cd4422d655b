package org.yiyue.rules.model;

/** The W3C ACT rule a check implements. */
public record ActRef(String id, boolean approved) {
    public String uri() {
        return "https://www.w3.org/WAI/standards-guidelines/act/rules/" + id + "/";
    }
}
