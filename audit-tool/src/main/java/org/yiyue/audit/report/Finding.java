package org.yiyue.audit.report;

import java.util.List;

import org.yiyue.rules.model.Text;

/**
 * One failed or cantTell verdict on one element of one page, with where it came from.
 *
 * @param engine     "yiyue" (our rules, static or rendered), "axe-core", "yiyue-browser" (scripted checks) or
 *                   "yiyue-toolbar"
 * @param outcome    ACT outcome: failed or cantTell
 * @param alsoFoundBy other engines that reported the same element and SC (kept after de-duplication)
 * @param screenshot path of the cropped screenshot relative to the report folder, or null
 */
public record Finding(String page, String engine, String ruleId, String outcome, List<String> sc, List<String> miit,
                      String impact, String target, String snippet, Text message, Text fix, String screenshot,
                      List<String> alsoFoundBy) {

    public Finding {
        sc = List.copyOf(sc);
        miit = List.copyOf(miit);
        alsoFoundBy = List.copyOf(alsoFoundBy);
    }

    public boolean failed() {
        return "failed".equals(outcome);
    }

    public Finding withScreenshot(String path) {
        return new Finding(page, engine, ruleId, outcome, sc, miit, impact, target, snippet, message, fix, path, alsoFoundBy);
    }

    public Finding withAlsoFoundBy(List<String> engines) {
        return new Finding(page, engine, ruleId, outcome, sc, miit, impact, target, snippet, message, fix, screenshot, engines);
    }
}
