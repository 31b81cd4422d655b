package org.yiyue.rules.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yiyue.rules.engine.Rule;
import org.yiyue.rules.engine.RuleRegistry;
import org.yiyue.rules.model.Outcome;

/**
 * Runs every hand-written example through its rule. Expected "failed" means at least one failed outcome;
 * "passed" means passes only; "cantTell" means at least one cantTell and no failure; "inapplicable" means exactly
 * the one inapplicable outcome.
 */
class RuleCasesTest {

    static Stream<Case> cases() {
        return Case.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleGivesExpectedOutcome(Case c) {
        Rule rule = RuleRegistry.byId(c.ruleId()).orElseThrow(() -> new AssertionError("no rule " + c.ruleId()));
        List<Outcome> outcomes = rule.evaluate(c.page());
        Set<String> kinds = outcomes.stream().map(Outcome::kind).collect(Collectors.toSet());
        String detail = c + " gave " + outcomes;
        switch (c.expected()) {
            case "failed" -> assertTrue(kinds.contains("failed"), detail);
            case "passed" -> assertEquals(Set.of("passed"), kinds, detail);
            case "cantTell" -> {
                assertTrue(kinds.contains("cantTell"), detail);
                assertFalse(kinds.contains("failed"), detail);
            }
            case "inapplicable" -> assertEquals(List.of(new Outcome.Inapplicable(c.ruleId())), outcomes, detail);
            default -> fail("bad expectation in " + c);
        }
    }

    /** Rules that cannot have a given outcome, with the reason. */
    private static final Map<String, String> NO_FAILED = Map.of(
            "page-title-descriptive", "human judgement: only cantTell",
            "image-no-text", "human judgement: only cantTell");
    /** Human-judgement rules never pass (image-name-descriptive fails only on file names). */
    private static final Set<String> NO_PASSED = Set.of("page-title-descriptive", "image-name-descriptive",
            "image-no-text", "no-marquee",
            // whether a text, link or other media is the alternative takes a person: they fail only when none exists
            "audio-transcript", "video-transcript", "move-focus-to-content");
    /** An HTML page always has a root html element in Jsoup, so these always apply. */
    private static final Set<String> NO_INAPPLICABLE = Set.of("page-title", "html-has-lang", "move-focus-to-content");

    @Test
    void everyRuleHasPassedFailedAndInapplicableExamples() {
        Map<String, Set<String>> seen = new HashMap<>();
        for (Case c : Case.all()) {
            seen.computeIfAbsent(c.ruleId(), k -> new java.util.HashSet<>()).add(c.expected());
        }
        StringBuilder missing = new StringBuilder();
        for (Rule r : RuleRegistry.all()) {
            Set<String> s = seen.getOrDefault(r.id(), Set.of());
            if (!NO_PASSED.contains(r.id()) && !s.contains("passed")) {
                missing.append(r.id()).append(" lacks passed; ");
            }
            if (!NO_FAILED.containsKey(r.id()) && !s.contains("failed")) {
                missing.append(r.id()).append(" lacks failed; ");
            }
            if (!NO_INAPPLICABLE.contains(r.id()) && !s.contains("inapplicable")) {
                missing.append(r.id()).append(" lacks inapplicable; ");
            }
        }
        assertEquals("", missing.toString());
    }

    @Test
    void everyCaseNamesAnExistingRule() {
        for (Case c : Case.all()) {
            assertTrue(RuleRegistry.byId(c.ruleId()).isPresent(), c.toString());
            assertTrue(Set.of("passed", "failed", "cantTell", "inapplicable").contains(c.expected()), c.toString());
        }
    }

    static EnumSet<?> unused() {
        return null;
    }
}
