package org.yiyue.rules.model;

/** A message in the product's two languages: Chinese first, English available. */
public record Text(String zh, String en) {
    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }
}
