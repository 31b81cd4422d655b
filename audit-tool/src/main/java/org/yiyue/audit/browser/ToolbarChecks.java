package org.yiyue.audit.browser;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;

import org.openqa.selenium.WebDriver;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.rules.model.Text;

/**
 * When a page carries the Yiyue toolbar: each function of spec/toolbar.md that can be driven from a script is
 * exercised (launcher, open, text size to 200 %, page zoom, colour scheme contrast ≥ 7:1, speech switch, big
 * cursor, reset, help, exit; large text on mobile), and the do-no-harm comparison is made: with the toolbar
 * closed the page has the same DOM size, tab order and axe-core violations as with the script blocked (a second
 * blocked load is the control for pages that change by themselves).
 */
public final class ToolbarChecks {

    public static final String ENGINE = "yiyue-toolbar";
    private static final String SCRIPT_PATTERN = "*a11y/toolbar.js*";

    private ToolbarChecks() {
    }

    public static boolean present(WebDriver driver) {
        Object o = PageChannel.of(driver).script(
                "return !!document.querySelector('yiyue-a11y') || !!document.querySelector('script[src*=\"a11y/toolbar.js\"]');");
        return Boolean.TRUE.equals(o);
    }

    /** Runs the function checks on the loaded page (reloading it first), and the do-no-harm comparison if asked. */
    @SuppressWarnings("unchecked")
    public static void runIfPresent(WebDriver driver, PageFindings out, boolean mobile, boolean doNoHarm) {
        if (!present(driver)) {
            return;
        }
        PageChannel page = PageChannel.of(driver);
        driver.navigate().refresh();
        if (doNoHarm) {
            doNoHarm(driver, out);
        }
        page.script("try{localStorage.clear();}catch(e){}");
        driver.navigate().refresh();
        List<Map<String, Object>> results = (List<Map<String, Object>>) page.asyncScript(
                Scripts.get("toolbar-check.js").substring("return ".length()), mobile);
        String target = "yiyue-a11y";
        for (Map<String, Object> r : results) {
            String id = String.valueOf(r.get("id"));
            String note = String.valueOf(r.get("note"));
            Object ok = r.get("ok");
            List<String> miit = miitOf(id);
            if (Boolean.TRUE.equals(ok)) {
                out.outcome(id, "passed");
            } else if (Boolean.FALSE.equals(ok)) {
                out.failed(ENGINE, id, List.of(), miit, "serious", target, "",
                        Text.of("工具条功能未按规格工作：" + id + "（" + note + "）", "Toolbar function does not work as specified: " + id + " (" + note + ")"),
                        Text.of("按 spec/toolbar.md 修复工具条", "Fix the toolbar per spec/toolbar.md"));
            } else {
                out.cantTell(ENGINE, id, List.of(), miit, "moderate", target, "",
                        Text.of("无法检查工具条功能：" + note, "Could not check the toolbar function: " + note), Text.of("", ""));
            }
        }
    }

    static List<String> miitOf(String id) {
        return switch (id) {
            case "toolbar-text-size" -> List.of("W-P1", "W-P2");
            case "toolbar-page-zoom" -> List.of("W-P2");
            case "toolbar-contrast" -> List.of("W-P1");
            case "toolbar-speech" -> List.of("W-P1", "W-P6");
            case "toolbar-big-cursor" -> List.of("W-O1");
            case "toolbar-mobile-large-text" -> List.of("W-P3");
            default -> List.of();
        };
    }

    @SuppressWarnings("unchecked")
    private static void doNoHarm(WebDriver driver, PageFindings out) {
        PageChannel page = PageChannel.of(driver);
        Map<String, Object> with = (Map<String, Object>) page.script(Scripts.get("page-shape.js"));
        Set<String> axeWith = violations(driver);
        Map<String, Object> without;
        Set<String> axeWithout;
        Map<String, Object> control;
        page.cdp("Network.enable", Map.of());
        try {
            page.cdp("Network.setBlockedURLs", Map.of("urls", List.of(SCRIPT_PATTERN)));
            driver.navigate().refresh();
            without = (Map<String, Object>) page.script(Scripts.get("page-shape.js"));
            axeWithout = violations(driver);
            driver.navigate().refresh();
            control = (Map<String, Object>) page.script(Scripts.get("page-shape.js"));
        } finally {
            page.cdp("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
        driver.navigate().refresh();
        boolean same = Objects.equals(with.get("elements"), without.get("elements"))
                && Objects.equals(with.get("tabs"), without.get("tabs"))
                && ((List<?>) with.get("rootAttrs")).isEmpty()
                && axeWith.equals(axeWithout);
        if (same) {
            out.outcome("toolbar-do-no-harm", "passed");
            return;
        }
        boolean pageVaries = !Objects.equals(without.get("elements"), control.get("elements"))
                || !Objects.equals(without.get("tabs"), control.get("tabs"));
        String diff = "elements " + with.get("elements") + " vs " + without.get("elements")
                + ", tab stops " + ((List<?>) with.get("tabs")).size() + " vs " + ((List<?>) without.get("tabs")).size()
                + ", root attributes " + with.get("rootAttrs") + ", axe violations " + axeWith + " vs " + axeWithout;
        if (pageVaries) {
            out.cantTell(ENGINE, "toolbar-do-no-harm", List.of(), List.of(), "moderate", "html", "",
                    Text.of("页面两次加载本身就不同，无法比较工具条关闭时的影响（" + diff + "）",
                            "The page differs between two plain loads; cannot compare (" + diff + ")"), Text.of("", ""));
        } else {
            out.failed(ENGINE, "toolbar-do-no-harm", List.of(), List.of(), "serious", "html", "",
                    Text.of("工具条关闭时仍改变了页面（" + diff + "）", "With the toolbar closed the page still changed (" + diff + ")"),
                    Text.of("关闭状态下除启动按钮的宿主元素外不得改动页面", "When closed, change nothing but the launcher's host element"));
        }
    }

    private static Set<String> violations(WebDriver driver) {
        Results r = AxeScan.configured().exclude("yiyue-a11y").analyze(driver);
        Set<String> ids = new TreeSet<>();
        for (Rule rule : r.getViolations()) {
            ids.add(rule.getId() + "×" + rule.getNodes().size());
        }
        return ids;
    }
}
