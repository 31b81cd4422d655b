package org.yiyue.rules.model;

/** How sure we are of a mapping to a standard's clause (see spec/standards.md). */
public enum Confidence {
    /** primary text */ P,
    /** secondary source quoting the primary */ S,
    /** national news summary of the primary */ N,
    /** unverified: never print the clause number as the standard's */ U,
    /** our own mapping through the WCAG SC */ OURS;

    public String label() {
        return this == OURS ? "ours" : name();
    }
}
