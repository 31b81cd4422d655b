package org.yiyue.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.yiyue.rules.model.ActRef;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.model.Mapping;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.model.Text;

/** Fluent declaration of rule metadata; derives axe-style tags (wcag2a, wcag111, act, rendered …). */
public final class Meta {

    private final String id;
    private Text title;
    private Text help;
    private final List<String> wcag = new ArrayList<>();
    private final List<String> secondary = new ArrayList<>();
    private Level level = Level.NONE;
    private ActRef act;
    private final List<Mapping> gbt = new ArrayList<>();
    private final List<Mapping> miit = new ArrayList<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private Impact impact = Impact.MODERATE;
    private RuleMeta.Needs needs = RuleMeta.Needs.MARKUP;

    private Meta(String id) {
        this.id = id;
    }

    public static Meta rule(String id) {
        return new Meta(id);
    }

    public Meta title(String zh, String en) { title = Text.of(zh, en); return this; }
    public Meta help(String zh, String en) { help = Text.of(zh, en); return this; }

    /** Success criteria with their level, e.g. wcag(Level.A, "1.1.1"). */
    public Meta wcag(Level l, String... scs) {
        wcag.addAll(List.of(scs));
        if (level == Level.NONE || l.ordinal() < level.ordinal()) {
            level = l;
        }
        return this;
    }

    public Meta secondary(String... scs) { secondary.addAll(List.of(scs)); return this; }
    public Meta act(String actId, boolean approved) { act = new ActRef(actId, approved); return this; }

    /** GB/T 37668-2019 indicator; clause numbers are only known for a few (see standards.md). */
    public Meta gbt(String item, String description, Confidence c) { gbt.add(new Mapping(item, description, c)); return this; }
    public Meta miit(String item, String description, Confidence c) { miit.add(new Mapping(item, description, c)); return this; }
    public Meta tags(String... t) { tags.addAll(List.of(t)); return this; }
    public Meta impact(Impact i) { impact = i; return this; }
    public Meta rendered() { needs = RuleMeta.Needs.RENDERED; return this; }
    public Meta human() { needs = RuleMeta.Needs.HUMAN; return this; }

    public RuleMeta build() {
        Set<String> all = new LinkedHashSet<>(tags);
        for (String sc : wcag) {
            all.add("wcag" + sc.replace(".", ""));
        }
        if (level != Level.NONE) {
            all.add(switch (level) {
                case A -> "wcag2a";
                case AA -> "wcag2aa";
                default -> "wcag2aaa";
            });
        }
        if (act != null) {
            all.add("act");
        } else {
            all.add("yiyue");
        }
        all.add(needs.name().toLowerCase(java.util.Locale.ROOT));
        List<Mapping> gbtAll = new ArrayList<>(gbt);
        if (gbtAll.isEmpty()) {
            // only a few clause numbers are verified: map through the WCAG SC and say the mapping is ours
            for (String sc : wcag.isEmpty() ? secondary : wcag) {
                gbtAll.add(new Mapping("≈ WCAG " + sc, "经 WCAG " + sc + " 对应的 GB/T 37668-2019 指标（条款号未核实）",
                        Confidence.OURS));
            }
        }
        return new RuleMeta(id, title, help, wcag, secondary, level, Optional.ofNullable(act), gbtAll, miit, all,
                impact, needs);
    }
}
