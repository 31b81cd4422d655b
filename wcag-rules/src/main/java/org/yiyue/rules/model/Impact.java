package org.yiyue.rules.model;

/** How badly a failure hurts users (axe-core's vocabulary, for sorting reports). */
public enum Impact { MINOR, MODERATE, SERIOUS, CRITICAL;
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
