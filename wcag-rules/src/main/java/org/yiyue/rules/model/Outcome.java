package org.yiyue.rules.model;

/**
 * One ACT outcome of one rule on one page: a verdict for a test target, or the page-level inapplicable.
 * Sealed so renderers handle all four kinds.
 */
public sealed interface Outcome {

    String ruleId();

    /** ACT/EARL name of the outcome: passed, failed, cantTell, inapplicable. */
    String kind();

    /** A verdict on a test target: CSS selector, truncated HTML, message and fix advice. */
    sealed interface OnTarget extends Outcome {
        String target();
        String snippet();
        Text message();
        Text fix();
    }

    record Passed(String ruleId, String target, String snippet, Text message, Text fix) implements OnTarget {
        public String kind() { return "passed"; }
    }

    record Failed(String ruleId, String target, String snippet, Text message, Text fix) implements OnTarget {
        public String kind() { return "failed"; }
    }

    /** The rule could not decide; target may be "html" when applicability itself was undecidable. */
    record CantTell(String ruleId, String target, String snippet, Text message, Text fix) implements OnTarget {
        public String kind() { return "cantTell"; }
    }

    record Inapplicable(String ruleId) implements Outcome {
        public String kind() { return "inapplicable"; }
    }
}
