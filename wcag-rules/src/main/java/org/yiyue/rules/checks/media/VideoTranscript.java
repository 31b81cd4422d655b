package org.yiyue.rules.checks.media;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.page.Page;

import static org.yiyue.rules.checks.media.PageContent.Exposure.EXPOSED;

/**
 * ACT 1a02b0 (proposed): Audio and visuals of video element have transcript. Applies to a visible non-streaming
 * {@code video} element; expects its visual information in a text transcript included in the accessibility tree, on
 * the page or linked. A person judges a candidate text (cantTell); it fails only when nothing on the page exposed to
 * assistive technology could be or lead to a transcript.
 */
public final class VideoTranscript extends MediaRule {

    public VideoTranscript() {
        super(Meta.rule("video-transcript")
                .title("视频的声音和画面有文字稿", "Audio and visuals of video element have transcript")
                .help("在页面上或通过链接提供包含视频画面与声音信息的文字稿（能被读屏软件读取）",
                        "Provide a transcript of the video's visuals and audio, exposed to assistive technology, on the page or through a link")
                .wcag(Level.AAA, "1.2.8").secondary("1.2.1", "1.3.1").act("1a02b0", false).tags("media")
                .impact(Impact.MODERATE).rendered().build());
    }

    @Override
    protected String candidates() {
        return "video";
    }

    @Override
    protected Tri applicable(Element video, Page page) {
        Tri visible = page.rendered() ? Predicates.isVisible(video, page) : Tri.UNKNOWN;
        return Media.all(visible, Media.isNonStreaming(video, page));
    }

    @Override
    protected Verdict judge(Element video, Page page) {
        if (PageContent.hasText(page, EXPOSED) || PageContent.hasInteractiveElement(page, EXPOSED, video)
                || PageContent.hasHiddenDocumentContent(page)) {
            return Verdict.cantTell("请人工确认页面上的文字或链接是否为描述视频画面和声音的文字稿",
                    "Check by hand whether text or a link on the page gives a transcript of the video's visuals and audio");
        }
        return Verdict.fail("页面上没有读屏软件可读取的文字、链接或控件，不可能提供该视频的文字稿",
                "Nothing on the page exposed to assistive technology (text, link or control) can give a transcript of the video");
    }
}
