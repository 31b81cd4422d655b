package org.yiyue.rules.checks.media;

import java.util.OptionalDouble;

import org.jsoup.nodes.Element;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.page.Page;

import static org.yiyue.rules.checks.media.PageContent.Exposure.VISIBLE_AND_EXPOSED;

/**
 * The shared parts of ACT 4c31df, aaa1bf and 80f0bf: their common applicability (autoplaying, unmuted, playing
 * media with more than 3 s of audio) and the two expectations 80f0bf composes.
 */
final class Autoplay {

    static final double LIMIT_SECONDS = 3.0;

    private Autoplay() {
    }

    /** autoplay, not muted, not paused, a media resource lasting more than 3 s that contains audio. */
    static Tri applicable(Element media, Page page) {
        return Media.all(Tri.of(media.hasAttr("autoplay")), Media.isNotMuted(media, page), Media.isPlaying(media, page),
                Media.lastsMoreThan(media, page, LIMIT_SECONDS), Media.containsAudio(media, page));
    }

    /**
     * 4c31df: an instrument on the page pauses, stops or mutes the audio, and it is visible, named and in the
     * accessibility tree. The element's own visible controls are one; any other visible exposed control may be one
     * (a person must try it); none at all is a failure.
     */
    static Tri hasControlMechanism(Element media, Page page) {
        Tri own = Media.hasVisibleNativeControls(media, page);
        if (own != Tri.NO) {
            return own;
        }
        if (PageContent.hasInteractiveElement(page, VISIBLE_AND_EXPOSED, media) || PageContent.hasHiddenDocumentContent(page)) {
            return Tri.UNKNOWN;
        }
        return Tri.NO;
    }

    /**
     * aaa1bf: the total audio output lasts no more than 3 s. What plays once is the media fragment's range (or the
     * whole resource); a page that can run script may stop the audio sooner, so only a script-free page fails.
     * A short range played in a loop is outside the rule text (its note), so it is left to a person.
     */
    static Tri audioLastsAtMostThreeSeconds(Element media, Page page) {
        OptionalDouble once = Media.playedSeconds(media, page);
        if (once.isEmpty()) {
            return Tri.UNKNOWN;
        }
        boolean shortOnce = once.getAsDouble() <= LIMIT_SECONDS;
        if (media.hasAttr("loop")) {
            return shortOnce ? Tri.UNKNOWN : PageContent.mayRunScript(page) ? Tri.UNKNOWN : Tri.NO;
        }
        if (shortOnce) {
            return Tri.YES;
        }
        return PageContent.mayRunScript(page) ? Tri.UNKNOWN : Tri.NO;
    }
}
