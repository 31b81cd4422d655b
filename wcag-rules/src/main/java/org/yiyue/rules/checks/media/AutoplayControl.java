package org.yiyue.rules.checks.media;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.page.Page;

/**
 * ACT 4c31df (proposed): Audio or video element that plays automatically has a control mechanism — a visible,
 * named instrument in the accessibility tree that pauses, stops or mutes it.
 */
public final class AutoplayControl extends MediaRule {

    public AutoplayControl() {
        super(Meta.rule("autoplay-control-mechanism")
                .title("自动播放的音视频有暂停或静音控件", "Audio or video element that plays automatically has a control mechanism")
                .help("为自动播放且有声音的音视频提供可见、有名称、读屏可用的暂停/停止/静音控件（如 controls 属性）",
                        "Give autoplaying media with sound a visible, named and exposed control to pause, stop or mute it (e.g. the controls attribute)")
                .secondary("1.4.2").miit("W-P6", "自动播放的声音干扰语音朗读（读屏）", Confidence.OURS)
                .act("4c31df", false).tags("media").impact(Impact.SERIOUS).rendered().build());
    }

    @Override
    protected String candidates() {
        return "audio, video";
    }

    @Override
    protected Tri applicable(Element media, Page page) {
        return Autoplay.applicable(media, page);
    }

    @Override
    protected Verdict judge(Element media, Page page) {
        return switch (Autoplay.hasControlMechanism(media, page)) {
            case YES -> Verdict.pass("媒体元素自带可见的播放控件（可暂停、静音）",
                    "The media element shows its own controls (pause, mute)");
            case NO -> Verdict.fail("自动播放的声音超过 3 秒，页面上没有可见且读屏可用的暂停、停止或静音控件",
                    "Audio plays automatically for more than 3 s and the page has no visible, exposed control to pause, stop or mute it");
            case UNKNOWN -> Verdict.cantTell("请人工确认页面上的控件能否暂停、停止该音频或将其静音",
                    "Check by hand whether a control on the page pauses, stops or mutes the audio");
        };
    }
}
