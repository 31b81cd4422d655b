package org.yiyue.rules.checks.lang;

import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.lang.LanguageTags;

/** Shared verdict for "has a known primary language tag". */
final class LangVerdicts {

    private LangVerdicts() {
    }

    static Verdict of(String tag) {
        String t = tag.trim();
        return switch (LanguageTags.hasKnownPrimaryLanguage(t)) {
            case YES -> Verdict.pass("语言标签 " + t + " 有效", "Language tag " + t + " has a known primary language");
            case NO -> Verdict.fail("语言标签 \"" + t + "\" 的主语言子标签未注册",
                    "Language tag \"" + t + "\" has no known primary language subtag");
            case UNKNOWN -> Verdict.cantTell("主语言子标签不在内置列表中，需查 IANA 注册表",
                    "Primary subtag not in the embedded list; check the IANA registry");
        };
    }
}
