package org.yiyue.audit.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openqa.selenium.WebDriver;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.rules.model.Text;

/**
 * Changes of context a user did not ask for, decided by trying them in the browser ({@code context-guard.js} notes
 * and, once armed, cancels what the page starts):
 * <ul>
 * <li>{@value #ON_FOCUS} (3.2.1): a window opened as the page loaded (failure F52), or the keyboard walk's Tab
 *     focus made the page navigate, submit or open a window (the behaviour G107 rules out);</li>
 * <li>{@value #ON_INPUT} (3.2.2): choosing another option, clicking a radio button or check box, or typing into a
 *     text field made the page navigate, submit or open a window (failures F36, F37) — cantTell where text next to
 *     the control may have warned of it.</li>
 * </ul>
 * Handlers the static rule cannot see (added by script, in external files) are covered because they are run.
 */
public final class ContextChangeCheck {

    public static final String ON_FOCUS = "context-change-on-focus";
    public static final String ON_INPUT = "context-change-on-input";
    static final List<String> MIIT = List.of("W-U2");
    private static final int MAX_CONTROLS = 60;
    /** Words that tell the user beforehand that choosing navigates or opens a window (G13). */
    private static final Pattern NOTICE = Pattern.compile(
            "(?i)跳转|转到|打开新|新窗口|新页面|将打开|自动提交|(will|to) open|opens? (in )?a new|navigat|go(es)? to|redirect");

    private ContextChangeCheck() {
    }

    /**
     * The audit's own checks: navigations they set off are cancelled (the page stays) and counted against nothing;
     * window.open is let through (axe-core opens a blank window of its own to combine frame results).
     */
    public static final String CHECKS = "checks";
    /** The keyboard walk: what Tab focus sets off is cancelled and counted against 3.2.1. */
    public static final String FOCUS = "focus";

    /** Names the phase of the audit and arms the guard (a page without the guard is left alone). */
    public static void phase(WebDriver driver, String name) {
        PageChannel.of(driver).script(
                "var c = window.__yiyueContext; if (c) c.phase(arguments[0], true, null); return !!c;", name);
    }

    /** Reads what the load and the keyboard walk started, tries every control, then leaves the guard disarmed. */
    @SuppressWarnings("unchecked")
    public static void run(WebDriver driver, PageFindings out) {
        PageChannel page = PageChannel.of(driver);
        try {
            Object seen = page.script("var c = window.__yiyueContext; return c ? c.since(0) : null;");
            if (!(seen instanceof List<?> events)) {
                throw new IllegalStateException("context guard missing (PageRecorder.install was not called before the page loaded)");
            }
            List<Map<String, Object>> log = (List<Map<String, Object>>) events;
            focusAndLoad(log, out);
            if (log.stream().anyMatch(e -> "window".equals(e.get("kind")) && !Boolean.TRUE.equals(e.get("cancelled")))) {
                closeOtherWindows(driver, driver.getWindowHandle());
            }
            Object tried = page.asyncScript(Scripts.get("context-try.js").substring("return ".length()), MAX_CONTROLS);
            input(tried instanceof List<?> l ? (List<Map<String, Object>>) l : List.of(), out);
        } finally {
            disarm(driver);
        }
    }

    /** Lets the page navigate again (before checks that reload it, and at the end of the page's audit). */
    public static void disarm(WebDriver driver) {
        PageChannel.of(driver).script("var c = window.__yiyueContext; if (c) c.phase('idle', false, null);");
    }

    private static void focusAndLoad(List<Map<String, Object>> events, PageFindings out) {
        boolean any = false;
        Map<String, Map<String, Object>> byElement = new LinkedHashMap<>();
        for (Map<String, Object> e : events) {
            String phase = String.valueOf(e.get("phase"));
            if ("load".equals(phase) && "window".equals(e.get("kind"))) {
                any = true;
                out.failed(KeyboardWalk.ENGINE, ON_FOCUS, List.of("3.2.1"), MIIT, "serious", "html", "",
                        Text.of("页面加载时自动打开了新窗口（" + e.get("url") + "），用户没有请求（失败技术 F52）",
                                "The page opened a new window as it loaded (" + e.get("url") + ") without the user asking (failure F52)"),
                        Text.of("不要在页面加载时打开新窗口或弹窗；需要时提供链接，由用户自己打开",
                                "Do not open windows or pop-ups on load; offer a link the user can choose"));
            } else if ("focus".equals(phase) && !String.valueOf(e.get("selector")).isEmpty()) {
                byElement.putIfAbsent(String.valueOf(e.get("selector")), e);
            }
        }
        for (Map<String, Object> e : byElement.values()) {
            any = true;
            String what = what(e);
            out.failed(KeyboardWalk.ENGINE, ON_FOCUS, List.of("3.2.1"), MIIT, "serious", String.valueOf(e.get("selector")),
                    PageFindings.snippet(String.valueOf(e.get("html"))),
                    Text.of("用 Tab 键把焦点移到此元素时，页面" + whatZh(what) + "（" + e.get("url") + "）：获得焦点不应改变上下文（WCAG 3.2.1）",
                            "Moving focus here with Tab made the page " + what + " (" + e.get("url") + "): focus must not change context (WCAG 3.2.1)"),
                    Text.of("不要在 onfocus 中跳转、提交或打开窗口；改为由用户点击按钮或链接触发",
                            "Do not navigate, submit or open windows from focus handlers; let the user activate a button or link"));
        }
        if (!any) {
            out.outcome(ON_FOCUS, "passed");
        }
    }

    private static void input(List<Map<String, Object>> tried, PageFindings out) {
        if (tried.isEmpty()) {
            out.outcome(ON_INPUT, "passed");
            return;
        }
        for (Map<String, Object> t : tried) {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = ((List<Map<String, Object>>) t.get("events")).get(0);
            String what = what(e);
            String how = switch (String.valueOf(t.get("type"))) {
                case "select" -> "选择另一个选项";
                case "radio", "checkbox" -> "点选此项";
                default -> "输入文字";
            };
            String howEn = switch (String.valueOf(t.get("type"))) {
                case "select" -> "Choosing another option";
                case "radio", "checkbox" -> "Clicking this control";
                default -> "Typing into this field";
            };
            String technique = switch (String.valueOf(e.get("kind"))) {
                case "window" -> "失败技术 F37";
                case "submit" -> "失败技术 F36";
                default -> "见 SCR19";
            };
            String techniqueEn = technique.replace("失败技术", "failure").replace("见", "see");
            String sel = String.valueOf(t.get("selector"));
            String html = PageFindings.snippet(String.valueOf(t.get("html")));
            Text fix = Text.of("改为由“确定/前往”按钮触发跳转或提交；确需自动跳转时，在控件前用文字事先说明",
                    "Navigate or submit from a Go/Submit button; if it must happen at once, say so in text before the control");
            if (NOTICE.matcher(String.valueOf(t.get("context"))).find()) {
                out.cantTell(KeyboardWalk.ENGINE, ON_INPUT, List.of("3.2.2"), MIIT, "moderate", sel, html,
                        Text.of(how + "后页面" + whatZh(what) + "（" + e.get("url") + "），附近文字可能事先说明了这一点，请人工确认",
                                howEn + " made the page " + what + " (" + e.get("url") + "); nearby text may warn of it: check by hand"),
                        fix);
            } else {
                out.failed(KeyboardWalk.ENGINE, ON_INPUT, List.of("3.2.2"), MIIT, "serious", sel, html,
                        Text.of(how + "后页面立即" + whatZh(what) + "（" + e.get("url") + "），事先没有说明（" + technique + "）",
                                howEn + " made the page " + what + " at once (" + e.get("url") + ") without prior notice (" + techniqueEn + ")"),
                        fix);
            }
        }
    }

    private static String what(Map<String, Object> e) {
        return switch (String.valueOf(e.get("kind"))) {
            case "window" -> "open a new window";
            case "submit" -> "submit a form";
            default -> "navigate";
        };
    }

    private static String whatZh(String what) {
        return switch (what) {
            case "open a new window" -> "打开了新窗口";
            case "submit a form" -> "提交了表单";
            default -> "跳转到其他页面";
        };
    }

    /** Closes windows the page opened (F52 pop-ups) so the next page starts with the audit's own window only. */
    static void closeOtherWindows(WebDriver driver, String own) {
        List<String> others = new ArrayList<>(driver.getWindowHandles());
        others.remove(own);
        others.removeIf(h -> AuditBrowser.ownWindow(driver, h)); // a page waiting in another window of the audit's stays
        for (String h : others) {
            driver.switchTo().window(h).close();
        }
        if (!others.isEmpty()) {
            driver.switchTo().window(own);
        }
    }
}
