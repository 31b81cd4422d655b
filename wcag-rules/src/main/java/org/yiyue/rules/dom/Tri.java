package org.yiyue.rules.dom;

/** A three-valued answer for facts that static analysis cannot always settle. */
public enum Tri {
    YES, NO, UNKNOWN;

    public static Tri of(boolean b) {
        return b ? YES : NO;
    }

    public Tri not() {
        return this == YES ? NO : this == NO ? YES : UNKNOWN;
    }
}
