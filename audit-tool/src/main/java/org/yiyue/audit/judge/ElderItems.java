package org.yiyue.audit.judge;

import java.util.List;

import org.yiyue.rules.model.Text;

/**
 * The MIIT website 适老化 items (Annex 1) as spec/standards.md §2 lists them, with what automation can use for each:
 * WCAG SCs, toolbar function checks (rule ids "toolbar-*"), or nothing (needs an evaluator).
 */
public final class ElderItems {

    /**
     * @param sc        WCAG SCs whose verdict carries over (all must pass for a pass)
     * @param checks    rule ids of scripted checks that decide the item (any failure fails it)
     * @param veto      likely veto item (the veto list is unverified [U])
     */
    public record Item(String id, Text name, String confidence, List<String> sc, List<String> checks, boolean veto) {
    }

    public static final List<Item> ALL = List.of(
            new Item("W-P1", Text.of("辅助阅读：超大字体、高对比度、文本放大、语音朗读", "Auxiliary reading: large font, high contrast, enlargement, voice"),
                    "N", List.of(), List.of("toolbar-text-size", "toolbar-contrast", "toolbar-speech"), false),
            new Item("W-P2", Text.of("网页缩放与大字屏幕，不依赖操作系统或浏览器（文字 ≥ 200%）", "Page zoom and large-text screen without OS/browser (text ≥ 200 %)"),
                    "N", List.of(), List.of("toolbar-text-size", "toolbar-page-zoom"), false),
            new Item("W-P3", Text.of("移动网页至少提供一种大字号（正文 ≥ 18 CSS px）", "Mobile pages offer a large font (body ≥ 18 CSS px)"),
                    "S", List.of(), List.of("toolbar-mobile-large-text"), false),
            new Item("W-P5", Text.of("可获得焦点的组件有明显的焦点状态", "Focusable components show an obvious focus state"),
                    "S", List.of("2.4.7"), List.of(), false),
            new Item("W-P6", Text.of("组件和文本的语音朗读（至少正文页），并有开关", "Voice reading with an on/off switch"),
                    "S", List.of(), List.of("toolbar-speech"), true),
            new Item("W-P7", Text.of("验证码可放大（≥ 2 倍）", "CAPTCHA magnifiable (≥ 2×)"), "N", List.of(), List.of(), false),
            new Item("W-P8", Text.of("提供非视觉验证码替代方式", "Non-visual CAPTCHA alternative"), "N", List.of(), List.of(), false),
            new Item("W-P9", Text.of("≤ 3 分钟的验证码时限语音提示并可延长", "Short code time limits announced and extendable"), "S", List.of(), List.of(), false),
            new Item("W-O1", Text.of("桌面端：全键盘操作与超大鼠标指针", "Desktop: full keyboard operation and extra-large pointer"),
                    "N", List.of("2.1.1", "2.1.2"), List.of("toolbar-big-cursor"), true),
            new Item("W-O2", Text.of("移动端：快速定位与语音朗读手势", "Mobile: quick positioning and voice-reading gestures"), "N", List.of(), List.of(), false),
            new Item("W-O4", Text.of("推广浮窗仅在页面加载时出现且可永久关闭", "Promotional floats only at load, permanently closable"), "S", List.of(), List.of(), false),
            new Item("W-O5", Text.of("法律、金融类提交可撤销或修改重交（10 分钟内）", "Legal/financial submissions reversible"), "N", List.of(), List.of(), false),
            new Item("W-U1", Text.of("栏目名称通俗易懂", "Plain column names"), "S", List.of(), List.of(), false),
            new Item("W-U2", Text.of("操作流程符合预期", "Flows match expectations"), "S", List.of(), List.of(), false),
            new Item("W-U3", Text.of("常用图标与名称保持不变", "Common icons and names unchanged"), "S", List.of(), List.of(), false),
            new Item("W-U4", Text.of("显示状态，最后一步可撤销", "Status shown, last step undoable"), "S", List.of(), List.of(), false),
            new Item("W-C1", Text.of("兼容辅助技术与语音识别（名称、角色、状态可获取）", "Works with assistive technology (names, roles, states)"),
                    "N", List.of("4.1.2", "2.5.3"), List.of(), false),
            new Item("W-S1", Text.of("适老化页面无广告及广告插件", "No ads or ad plug-ins in elder pages"), "N", List.of(), List.of(), true),
            new Item("W-S2", Text.of("适老化页面无随机弹出广告", "No random ad pop-ups in elder pages"), "N", List.of(), List.of(), true),
            new Item("W-S3", Text.of("适老化页面无诱导下载、付款按钮", "No induced download or payment buttons"), "N", List.of(), List.of(), true));

    private ElderItems() {
    }
}
