package org.yiyue.audit.core;

import java.util.List;

import org.yiyue.audit.browser.AutoplayAudio;
import org.yiyue.audit.browser.KeyboardWalk;
import org.yiyue.audit.browser.MovingContentCheck;
import org.yiyue.audit.browser.ScriptedClickCheck;
import org.yiyue.audit.browser.ToolbarChecks;
import org.yiyue.audit.report.RuleInfo;
import org.yiyue.rules.model.Text;

/** The audit's own scripted browser checks, named for the report and EARL. */
public final class BrowserRules {

    private BrowserRules() {
    }

    public static List<RuleInfo> catalogue() {
        String kb = KeyboardWalk.ENGINE;
        String tb = ToolbarChecks.ENGINE;
        return List.of(
                new RuleInfo("kbd-unreachable", kb, Text.of("键盘可到达所有可聚焦元素", "Tab reaches every focusable element"), List.of("2.1.1"), List.of("W-O1"), null),
                new RuleInfo("kbd-pointer-only", kb, Text.of("不只响应鼠标（F54）", "No pointer-only handlers (F54)"), List.of("2.1.1"), List.of("W-O1"), null),
                new RuleInfo("kbd-focus-removed", kb, Text.of("获得焦点时不被脚本移走", "Focus is not removed on focus"), List.of("2.1.1", "2.4.7"), List.of("W-O1", "W-P5"), null),
                new RuleInfo("kbd-trap", kb, Text.of("无键盘陷阱", "No keyboard trap"), List.of("2.1.2"), List.of("W-O1"), null),
                new RuleInfo("kbd-focus-visible", kb, Text.of("焦点可见", "Focus visible"), List.of("2.4.7"), List.of("W-P5"), null),
                new RuleInfo("kbd-focus-obscured", kb, Text.of("焦点不被遮挡", "Focus not obscured"), List.of("2.4.11"), List.of(), null),
                new RuleInfo("resize-text-200", kb, Text.of("放大到 200% 文字不被截断", "No clipped text at 200 %"), List.of("1.4.4"), List.of("W-P2"), null),
                new RuleInfo("reflow-320", kb, Text.of("320 像素宽时内容重排", "Content reflows at 320 px"), List.of("1.4.10"), List.of(), null),
                new RuleInfo(AutoplayAudio.RULE, kb, Text.of("自动播放的声音可暂停或静音", "Autoplaying sound can be paused or muted"),
                        List.of("1.4.2"), List.of(), AutoplayAudio.ACT),
                new RuleInfo(MovingContentCheck.RULE, kb, Text.of("自动移动或更新的内容可暂停、停止或隐藏", "Moving or auto-updating content can be paused, stopped or hidden"),
                        List.of("2.2.2"), List.of("W-O4"), null),
                new RuleInfo(ScriptedClickCheck.KEYBOARD, kb, Text.of("脚本点击处理的元素可用键盘操作", "Elements with script click handlers work by keyboard"),
                        List.of("2.1.1"), List.of("W-O1"), null),
                new RuleInfo(ScriptedClickCheck.ROLE, kb, Text.of("脚本控件有角色和名称（F59）", "Script-made controls have a role and name (F59)"),
                        List.of("4.1.2"), List.of("W-C1"), null),
                new RuleInfo(ScriptedClickCheck.SIZE, kb, Text.of("脚本控件点击目标至少 24×24 像素", "Script-made control targets are at least 24 by 24 px"),
                        List.of("2.5.8"), List.of("W-O1"), null),
                new RuleInfo("toolbar-launcher", tb, Text.of("工具条启动按钮", "Toolbar launcher"), List.of(), List.of(), null),
                new RuleInfo("toolbar-open", tb, Text.of("工具条打开", "Toolbar opens"), List.of(), List.of(), null),
                new RuleInfo("toolbar-text-size", tb, Text.of("文字放大到 200%", "Text size to 200 %"), List.of(), List.of("W-P1", "W-P2"), null),
                new RuleInfo("toolbar-page-zoom", tb, Text.of("页面缩放到 200%", "Page zoom to 200 %"), List.of(), List.of("W-P2"), null),
                new RuleInfo("toolbar-contrast", tb, Text.of("配色方案文字对比度 ≥ 7:1", "Colour scheme text contrast ≥ 7:1"), List.of(), List.of("W-P1"), null),
                new RuleInfo("toolbar-speech", tb, Text.of("声音开关", "Speech on/off"), List.of(), List.of("W-P1", "W-P6"), null),
                new RuleInfo("toolbar-big-cursor", tb, Text.of("大鼠标", "Big cursor"), List.of(), List.of("W-O1"), null),
                new RuleInfo("toolbar-reset", tb, Text.of("重置", "Reset"), List.of(), List.of(), null),
                new RuleInfo("toolbar-help", tb, Text.of("说明", "Help"), List.of(), List.of(), null),
                new RuleInfo("toolbar-exit", tb, Text.of("退出", "Exit"), List.of(), List.of(), null),
                new RuleInfo("toolbar-mobile-large-text", tb, Text.of("移动端大字号 ≥ 18px", "Mobile large text ≥ 18 px"), List.of(), List.of("W-P3"), null),
                new RuleInfo("toolbar-do-no-harm", tb, Text.of("工具条关闭时不改变页面", "Closed toolbar changes nothing"), List.of(), List.of(), null));
    }
}
