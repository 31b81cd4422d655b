package org.yiyue.rules.checks.media;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.page.Page;

import static org.yiyue.rules.checks.media.PageContent.Exposure.VISIBLE_AND_EXPOSED;

/**
 * ACT 2eb176 (proposed): Audio element content has transcript. Applies to a non-streaming {@code audio} element that
 * is playing or has a visible play button in the accessibility tree; expects its auditory information in a text
 * transcript that is visible and in the accessibility tree, on the page or through a link. Whether a text is that
 * transcript takes a person (cantTell); it fails only when the page has no visible text, link, control or embedded
 * content at all that could be or lead to one.
 */
public final class AudioTranscript extends MediaRule {

    public AudioTranscript() {
        super(Meta.rule("audio-transcript")
                .title("音频内容有文字稿", "Audio element content has transcript")
                .help("在页面上或通过链接提供音频内容的文字稿（可见且能被读屏软件读取）",
                        "Provide a text transcript of the audio, visible and exposed to assistive technology, on the page or through a link")
                .secondary("1.2.1").act("2eb176", false).tags("media").impact(Impact.SERIOUS).rendered().build());
    }

    @Override
    protected String candidates() {
        return "audio";
    }

    @Override
    protected Tri applicable(Element audio, Page page) {
        return Media.all(Media.isNonStreaming(audio, page),
                Media.any(Media.isPlaying(audio, page), hasVisiblePlayButton(audio, page)));
    }

    /** ACT "play button": the element's own controls, or possibly a control of the page (a person must tell). */
    private static Tri hasVisiblePlayButton(Element audio, Page page) {
        Tri own = Media.hasVisibleNativeControls(audio, page);
        if (own != Tri.NO) {
            return own;
        }
        return PageContent.hasInteractiveElement(page, VISIBLE_AND_EXPOSED, audio) || PageContent.hasHiddenDocumentContent(page)
                ? Tri.UNKNOWN : Tri.NO;
    }

    @Override
    protected Verdict judge(Element audio, Page page) {
        if (PageContent.hasText(page, VISIBLE_AND_EXPOSED) || PageContent.hasInteractiveElement(page, VISIBLE_AND_EXPOSED, audio)
                || PageContent.hasHiddenDocumentContent(page)) {
            return Verdict.cantTell("请人工确认页面上的文字或链接是否为该音频的完整文字稿",
                    "Check by hand whether text or a link on the page gives a full transcript of the audio");
        }
        return Verdict.fail("页面上没有可见的文字、链接或控件，不可能提供该音频的文字稿",
                "The page has no visible text, link or control at all, so no transcript of the audio is available");
    }
}
