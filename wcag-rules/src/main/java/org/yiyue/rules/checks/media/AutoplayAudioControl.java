package org.yiyue.rules.checks.media;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

/**
 * ACT 80f0bf (proposed, composite): Audio or video element avoids automatically playing audio — for each
 * autoplaying element with more than 3 s of audio, its audio stops within 3 s (aaa1bf) or it has a control
 * mechanism (4c31df).
 */
public final class AutoplayAudioControl extends MediaRule {

    public AutoplayAudioControl() {
        super(Meta.rule("autoplay-audio-avoided")
                .title("避免自动播放声音（3 秒内停止或可控制）", "Audio or video element avoids automatically playing audio")
                .help("不要自动播放声音；如需自动播放，声音应在 3 秒内停止，或提供可见的暂停/静音控件",
                        "Do not play sound automatically; if you must, stop it within 3 s or provide a visible pause/mute control")
                .wcag(Level.A, "1.4.2").miit("W-P6", "自动播放的声音干扰语音朗读（读屏）", Confidence.OURS)
                .act("80f0bf", false).tags("media").impact(Impact.SERIOUS).rendered().build());
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
        Tri brief = Autoplay.audioLastsAtMostThreeSeconds(media, page);
        Tri control = Autoplay.hasControlMechanism(media, page);
        if (brief == Tri.YES) {
            return Verdict.pass("自动播放的声音不超过 3 秒", "The automatically playing audio lasts no more than 3 s");
        }
        if (control == Tri.YES) {
            return Verdict.pass("媒体元素自带可见的播放控件（可暂停、静音）",
                    "The media element shows its own controls (pause, mute)");
        }
        if (brief == Tri.NO && control == Tri.NO) {
            return Verdict.fail("自动播放的声音超过 3 秒，且页面上没有可见且读屏可用的暂停、停止或静音控件",
                    "Audio plays automatically for more than 3 s and the page has no visible, exposed control to pause, stop or mute it");
        }
        return Verdict.cantTell("请人工确认：声音是否在 3 秒内停止，或页面上的控件能否暂停、静音",
                "Check by hand whether the audio stops within 3 s or a control on the page pauses or mutes it");
    }
}
