package org.yiyue.rules.checks.media;

import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.yiyue.rules.aria.AriaRoles;
import org.yiyue.rules.aria.Roles;
import org.yiyue.rules.dom.BeyondMarkup;
import org.yiyue.rules.dom.Dom;
import org.yiyue.rules.dom.Focus;
import org.yiyue.rules.dom.Predicates;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.page.Page;

/**
 * What else a page offers beside a media element, for the media rules' expectations ("available through a
 * transcript on the page or through a link", "an instrument to pause the audio", "available through an audio
 * track"). Whether a text is really a transcript, or a button really pauses the audio, takes a person; what a
 * program can tell for sure is that the page offers <em>no candidate at all</em>. Every predicate here is
 * conservative: content it cannot see (frames, embedded objects, custom elements that may hold a shadow tree) counts
 * as a possible candidate.
 */
final class PageContent {

    private PageContent() {
    }

    private static final Set<String> MEDIA = Set.of("audio", "video");

    /** How a candidate must be perceivable. */
    enum Exposure {
        /** visible and included in the accessibility tree */
        VISIBLE_AND_EXPOSED,
        /** included in the accessibility tree */
        EXPOSED
    }

    /** The page may hold content this static view cannot read: nested documents or shadow trees. */
    static boolean hasHiddenDocumentContent(Page page) {
        return BeyondMarkup.hasContentOutsideTheDom(page);
    }

    /**
     * A text with at least one letter or digit outside any media element (whose fallback content never renders),
     * perceivable as asked, or an accessible name or description given by attribute to an exposed element.
     */
    static boolean hasText(Page page, Exposure exposure) {
        for (Element e : body(page).getAllElements()) {
            if (insideMedia(e) || Dom.inNonRenderedContainer(e) || !perceivable(e, page, exposure)) {
                continue;
            }
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t && hasWord(t.getWholeText())) {
                    return true;
                }
            }
            if (exposure == Exposure.EXPOSED && (hasWord(e.attr("aria-label")) || hasWord(e.attr("alt"))
                    || hasWord(e.attr("title")) || hasWord(e.attr("aria-description")) || hasWord(e.attr("value")))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A link, a form control or any other widget (or an element made focusable, or with a click handler) perceivable
     * as asked, other than {@code except}: it may lead to, reveal or be the alternative or the instrument. On a page
     * that can run script, any perceivable element with an accessible name may be one.
     */
    static boolean hasInteractiveElement(Page page, Exposure exposure, Element except) {
        boolean scripted = BeyondMarkup.mayRunScript(page);
        for (Element e : body(page).getAllElements()) {
            if (e == except || insideMedia(e) || Dom.inNonRenderedContainer(e) || !perceivable(e, page, exposure)) {
                continue;
            }
            String role = Roles.semantic(e, page);
            if ((role != null && AriaRoles.isWidget(role)) || Focus.isFocusable(e, page) || e.hasAttr("onclick")
                    || e.hasAttr("onmousedown") || e.hasAttr("onpointerdown") || e.hasAttr("onkeydown")) {
                return true;
            }
            // a script may have made any named element (an image, a heading …) a control with an event listener
            if (scripted && !(e == body(page)) && Predicates.hasNonEmptyAccessibleName(e, page)) {
                return true;
            }
        }
        return false;
    }

    /** Another audio or video element (or a descriptions track of the media element) that may carry the alternative. */
    static boolean hasOtherMedia(Page page, Element media) {
        if (!media.select("track[kind=descriptions]").isEmpty()) {
            return true;
        }
        for (Element e : body(page).getAllElements()) {
            if (e != media && MEDIA.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** The page can run script (which may pause, mute or remove media at any time). */
    static boolean mayRunScript(Page page) {
        return BeyondMarkup.mayRunScript(page);
    }

    private static boolean perceivable(Element e, Page page, Exposure exposure) {
        if (!Predicates.isIncludedInAccessibilityTree(e, page)) {
            return false;
        }
        return exposure == Exposure.EXPOSED || Predicates.isVisible(e, page) != Tri.NO;
    }

    private static boolean insideMedia(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (MEDIA.contains(p.normalName())) {
                return true;
            }
        }
        return false;
    }

    static boolean hasWord(String s) {
        return s != null && s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static Element body(Page page) {
        Element body = page.document().body();
        return body != null ? body : page.document();
    }
}
