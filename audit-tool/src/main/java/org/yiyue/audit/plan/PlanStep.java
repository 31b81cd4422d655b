package org.yiyue.audit.plan;

import java.net.URI;
import java.nio.file.Path;

/** One declared browser action of a sign-in or a process (selectors are CSS). */
public sealed interface PlanStep {

    /** For messages: what the step does, without the value typed (it may be a password). */
    String describe();

    record Open(URI url) implements PlanStep {
        public String describe() {
            return "open " + url;
        }
    }

    record Fill(String selector, String value) implements PlanStep {
        public String describe() {
            return "fill " + selector;
        }
    }

    record Select(String selector, String value) implements PlanStep {
        public String describe() {
            return "select " + value + " in " + selector;
        }
    }

    record Check(String selector) implements PlanStep {
        public String describe() {
            return "check " + selector;
        }
    }

    record Attach(String selector, Path file) implements PlanStep {
        public String describe() {
            return "attach " + file.getFileName() + " to " + selector;
        }
    }

    record Press(String selector) implements PlanStep {
        public String describe() {
            return "press " + selector;
        }
    }
}
