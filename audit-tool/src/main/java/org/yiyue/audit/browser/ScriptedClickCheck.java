package org.yiyue.audit.browser;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.yiyue.audit.core.PageFindings;
import org.yiyue.rules.model.Text;

/**
 * Click handlers on elements the keyboard cannot reach, whether the handler is in markup ({@code onclick=}) or
 * attached by script ({@code el.onclick = …}, {@code addEventListener('click', …)}, seen by {@link PageRecorder}):
 * <ul>
 * <li>click-not-keyboard (2.1.1): visible, not focusable, not inside a focusable element or label, no focusable
 *     content of its own (delegation), not a large region. Failed when it looks clickable (pointer cursor, handler in
 *     markup, or a widget role); otherwise cantTell (the handler may only log clicks).</li>
 * <li>click-no-role (4.1.2, failure F59): such a control exposes no widget role, or has no accessible name.</li>
 * <li>click-target-size (2.5.8): such a control is smaller than 24×24 CSS px and a 24 px circle on its centre
 *     touches another target. The rule library's target-size rule only sees focusable targets.</li>
 * </ul>
 */
public final class ScriptedClickCheck {

    public static final String KEYBOARD = "click-not-keyboard";
    public static final String ROLE = "click-no-role";
    public static final String SIZE = "click-target-size";

    private ScriptedClickCheck() {
    }

    @SuppressWarnings("unchecked")
    public static void run(WebDriver driver, PageFindings out) {
        Object raw = PageChannel.of(driver).script(Scripts.get("click-collect.js"));
        if (!(raw instanceof Map<?, ?> result)) {
            throw new IllegalStateException("page recorder missing (PageRecorder.install was not called before the page loaded)");
        }
        int handled = ((Number) result.get("handled")).intValue();
        List<Map<String, Object>> found = (List<Map<String, Object>>) result.get("found");
        if (handled == 0) {
            List.of(KEYBOARD, ROLE, SIZE).forEach(r -> out.outcome(r, "inapplicable"));
            return;
        }
        boolean anyControl = false;
        for (Map<String, Object> f : found) {
            String sel = String.valueOf(f.get("selector"));
            String html = PageFindings.snippet(String.valueOf(f.get("html")));
            String role = String.valueOf(f.get("role"));
            String name = String.valueOf(f.get("name"));
            boolean looksClickable = Boolean.TRUE.equals(f.get("pointer")) || Boolean.TRUE.equals(f.get("markup")) || !role.isEmpty();
            if (!looksClickable) {
                out.cantTell(KeyboardWalk.ENGINE, KEYBOARD, List.of("2.1.1"), List.of("W-O1"), "moderate", sel, html,
                        Text.of("元素有点击处理程序但不能获得焦点；它看起来不像可点击的控件（无手形指针、无角色），请确认点击是否提供了功能",
                                "The element handles clicks but cannot take focus; it does not look clickable (no pointer cursor, no role): check whether the click does anything"),
                        keyboardFix());
                continue;
            }
            anyControl = true;
            out.failed(KeyboardWalk.ENGINE, KEYBOARD, List.of("2.1.1"), List.of("W-O1"), "serious", sel, html,
                    Text.of("元素由脚本响应鼠标点击，但不能获得焦点，也不在可聚焦元素内，键盘用户无法操作",
                            "Script makes the element respond to clicks, but it cannot take focus and is not inside a focusable element: keyboard users cannot operate it"),
                    keyboardFix());
            if (role.isEmpty() || name.isBlank()) {
                String why = role.isEmpty() ? "没有控件角色（如 role=\"button\"）" : "没有可访问名称";
                String whyEn = role.isEmpty() ? "has no widget role (such as role=\"button\")" : "has no accessible name";
                out.failed(KeyboardWalk.ENGINE, ROLE, List.of("4.1.2"), List.of("W-C1"), "serious", sel, html,
                        Text.of("脚本把此元素用作控件，但它" + why + "，辅助技术无法识别（失败技术 F59）",
                                "Script uses the element as a control but it " + whyEn + ", so assistive technology cannot tell what it is (failure F59)"),
                        Text.of("使用 <button type=\"button\">（或加 role、tabindex=\"0\" 和 Enter/空格键处理），并给出文字名称，如 aria-label=\"关闭\"",
                                "Use <button type=\"button\"> (or add a role, tabindex=\"0\" and Enter/Space handling) with a text name such as aria-label=\"关闭\""));
            } else {
                out.outcome(ROLE, "passed");
            }
            double w = ((Number) f.get("w")).doubleValue();
            double h = ((Number) f.get("h")).doubleValue();
            String size = String.format("%.0f×%.0f", w, h);
            if (w >= 24 - 0.01 && h >= 24 - 0.01) {
                out.outcome(SIZE, "passed");
            } else if (Boolean.TRUE.equals(f.get("crowded"))) {
                out.failed(KeyboardWalk.ENGINE, SIZE, List.of("2.5.8"), List.of("W-O1"), "serious", sel, html,
                        Text.of("可点击目标仅 " + size + " 像素，且与相邻目标间距不足 24 像素", "Clickable target is only " + size
                                + " px and closer than 24 px to another target"),
                        Text.of("把可点击区域放大到至少 24×24 像素（适老版建议 60×60），或拉开与相邻目标的间距",
                                "Make the clickable area at least 24×24 px (60×60 recommended in elder mode) or space it apart"));
            } else {
                out.outcome(SIZE, "passed"); // the spacing exception
            }
        }
        if (found.isEmpty()) {
            out.outcome(KEYBOARD, "passed");
        }
        if (!anyControl) {
            out.outcome(ROLE, "inapplicable");
            out.outcome(SIZE, "inapplicable");
        }
    }

    private static Text keyboardFix() {
        return Text.of("改用 <button> 或 <a href>；确需自定义时加 tabindex=\"0\"、合适的 role 和 Enter/空格键处理",
                "Use <button> or <a href>; if custom, add tabindex=\"0\", a role and Enter/Space handling");
    }
}
