package org.yiyue.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.Page;

class RuleEngineTest {

    private static final String PAGE = "<html lang=zh><head><title>t</title></head><body><img src=a.png>"
            + "<a href=/></a><button>ok</button><input type=text></body></html>";

    @Test
    void aThrowingRuleBecomesCantTellAndOthersStillRun() {
        Rule boom = new Rule() {
            @Override
            public RuleMeta meta() {
                return Meta.rule("boom").title("炸", "boom").help("h", "h").build();
            }

            @Override
            public List<Outcome> evaluate(Page page) {
                throw new IllegalStateException("bad state");
            }
        };
        List<Outcome> out = RuleEngine.of(List.of(boom, RuleRegistry.byId("image-name").orElseThrow()))
                .run(Page.parse(PAGE, ""));
        Outcome first = out.get(0);
        assertInstanceOf(Outcome.CantTell.class, first);
        assertTrue(((Outcome.CantTell) first).message().en().contains("bad state"));
        assertTrue(out.stream().anyMatch(o -> o.ruleId().equals("image-name") && o.kind().equals("failed")));
    }

    @Test
    void everyRuleAnswersOnAnEmptyDocumentAndOnGarbage() {
        for (String html : List.of("", "<<<>>>", "<html><body><table><tr><td headers='' </table>", "\u0000\uFFFF",
                "<svg><foreignObject><p lang=zz>x</svg>", "<a href='#'>" + "<b>".repeat(3000))) {
            List<Outcome> out = RuleEngine.all().run(Page.parse(html, ""));
            Set<String> answered = new HashSet<>();
            out.forEach(o -> answered.add(o.ruleId()));
            assertEquals(RuleRegistry.all().size(), answered.size(), "every rule answers for " + html);
            assertFalse(out.stream().anyMatch(o -> o instanceof Outcome.CantTell c && c.target().equals("html")
                    && c.message().en().startsWith("The rule failed")), "no rule crashed on " + html);
        }
    }

    @Test
    void parallelRunEqualsSequentialRun() {
        Page page = Page.parse(PAGE, "");
        assertEquals(new HashSet<>(RuleEngine.all().run(page)), new HashSet<>(RuleEngine.all().runParallel(page)));
    }

    @Test
    void taggedSubsetOnlyRunsTaggedRules() {
        RuleEngine elder = RuleEngine.tagged(Set.of("elder"));
        assertFalse(elder.rules().isEmpty());
        assertTrue(elder.rules().stream().allMatch(r -> r.meta().hasTag("elder")));
        assertTrue(RuleEngine.tagged(Set.of("wcag111")).rules().stream().anyMatch(r -> r.id().equals("image-name")));
    }

    @Test
    void selectorsAreUniqueAndSnippetsShort() {
        Page page = Page.parse("<div><p>a</p><p>b</p><p id=x>" + "long ".repeat(200) + "</p></div>", "");
        for (var p : page.document().select("p")) {
            String sel = Selectors.unique(p);
            assertEquals(1, page.document().select(sel).size(), sel);
            assertTrue(Selectors.snippet(p).length() <= 240);
        }
    }
}
