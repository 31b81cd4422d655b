package org.yiyue.rules.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a report or catalogue needs to know about a rule, declared as data and kept apart from the check.
 *
 * @param wcag     WCAG 2.2 success criteria a failure means are not satisfied (may be empty for ARIA rules whose
 *                 SCs are only secondary)
 * @param needs    whether a decision requires rendered facts (the rule answers cantTell without them)
 */
public record RuleMeta(
        String id,
        Text title,
        Text help,
        List<String> wcag,
        List<String> wcagSecondary,
        Level level,
        Optional<ActRef> act,
        List<Mapping> gbt37668,
        List<Mapping> miit,
        Set<String> tags,
        Impact impact,
        Needs needs) {

    public enum Needs { MARKUP, RENDERED, HUMAN }

    public RuleMeta {
        Objects.requireNonNull(id);
        wcag = List.copyOf(wcag);
        wcagSecondary = List.copyOf(wcagSecondary);
        gbt37668 = List.copyOf(gbt37668);
        miit = List.copyOf(miit);
        tags = Set.copyOf(tags);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
