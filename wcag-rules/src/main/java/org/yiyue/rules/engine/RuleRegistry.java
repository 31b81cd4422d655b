package org.yiyue.rules.engine;

import java.util.List;

import org.yiyue.rules.checks.aria.AriaAttributeDefined;
import org.yiyue.rules.checks.aria.AriaHiddenNoFocusable;
import org.yiyue.rules.checks.aria.AriaValueValid;
import org.yiyue.rules.checks.aria.AttributePermitted;
import org.yiyue.rules.checks.aria.DecorativeNotExposed;
import org.yiyue.rules.checks.aria.GlobalNamingNotProhibited;
import org.yiyue.rules.checks.aria.PresentationalChildrenNotFocusable;
import org.yiyue.rules.checks.aria.RequiredContextRole;
import org.yiyue.rules.checks.aria.RequiredOwnedElements;
import org.yiyue.rules.checks.aria.RequiredStates;
import org.yiyue.rules.checks.aria.RoleAttributeValid;
import org.yiyue.rules.checks.keyboard.IframeNotRemovedFromTabOrder;
import org.yiyue.rules.checks.keyboard.MouseHandlerKeyboard;
import org.yiyue.rules.checks.keyboard.ScrollableReachable;
import org.yiyue.rules.checks.keyboard.VisibleFocus;
import org.yiyue.rules.checks.lang.ElementLangValid;
import org.yiyue.rules.checks.lang.HtmlHasLang;
import org.yiyue.rules.checks.lang.HtmlLangMatchesContent;
import org.yiyue.rules.checks.lang.HtmlLangValid;
import org.yiyue.rules.checks.media.AudioTranscript;
import org.yiyue.rules.checks.media.AutoplayAudioControl;
import org.yiyue.rules.checks.media.AutoplayControl;
import org.yiyue.rules.checks.media.VideoTranscript;
import org.yiyue.rules.checks.meta.MetaRefresh;
import org.yiyue.rules.checks.meta.MetaRefreshNoException;
import org.yiyue.rules.checks.meta.PageHasTitle;
import org.yiyue.rules.checks.meta.TitleDescriptive;
import org.yiyue.rules.checks.meta.ViewportAllowsZoom;
import org.yiyue.rules.checks.names.ButtonName;
import org.yiyue.rules.checks.names.FormFieldName;
import org.yiyue.rules.checks.names.HeadingName;
import org.yiyue.rules.checks.names.IframeName;
import org.yiyue.rules.checks.names.ImageButtonName;
import org.yiyue.rules.checks.names.ImageName;
import org.yiyue.rules.checks.names.LabelInName;
import org.yiyue.rules.checks.names.LinkName;
import org.yiyue.rules.checks.names.MenuitemName;
import org.yiyue.rules.checks.names.ObjectName;
import org.yiyue.rules.checks.names.SummaryName;
import org.yiyue.rules.checks.names.SvgImageName;
import org.yiyue.rules.checks.standards.BypassBlocks;
import org.yiyue.rules.checks.standards.BypassHeadingStartsContent;
import org.yiyue.rules.checks.standards.ElderFloatClosable;
import org.yiyue.rules.checks.standards.ElderNoAds;
import org.yiyue.rules.checks.standards.ElderNoInducedDownload;
import org.yiyue.rules.checks.standards.FocusNotObscured;
import org.yiyue.rules.checks.standards.MobileBodyTextSize;
import org.yiyue.rules.checks.standards.NoChangeOnInput;
import org.yiyue.rules.checks.standards.NoFocusBlur;
import org.yiyue.rules.checks.standards.NoMarquee;
import org.yiyue.rules.checks.standards.ReferencedIdUnique;
import org.yiyue.rules.checks.standards.TargetSize;
import org.yiyue.rules.checks.structure.AutocompleteValid;
import org.yiyue.rules.checks.structure.DataTableHeaders;
import org.yiyue.rules.checks.structure.HeaderCellAssigned;
import org.yiyue.rules.checks.structure.HeadersAttributeValid;
import org.yiyue.rules.checks.structure.LayoutTableNoDataMarkup;
import org.yiyue.rules.checks.structure.LayoutTableReadingOrder;
import org.yiyue.rules.checks.structure.MoveFocusToContent;
import org.yiyue.rules.checks.structure.OrientationNotLocked;
import org.yiyue.rules.checks.text.ImageNameDescriptive;
import org.yiyue.rules.checks.text.ImageOfText;
import org.yiyue.rules.checks.text.LetterSpacing;
import org.yiyue.rules.checks.text.LineHeight;
import org.yiyue.rules.checks.text.TextContrast;
import org.yiyue.rules.checks.text.TextEnhancedContrast;
import org.yiyue.rules.checks.text.WordSpacing;

/** Every rule the library ships, in catalogue order: ACT approved, ACT proposed, then standards checks. */
public final class RuleRegistry {

    private RuleRegistry() {
    }

    private static final List<Rule> ALL = List.of(
            // ACT approved
            new RoleAttributeValid(), new AriaValueValid(), new AriaAttributeDefined(), new ElementLangValid(),
            new MenuitemName(), new IframeNotRemovedFromTabOrder(), new LetterSpacing(), new WordSpacing(),
            new LineHeight(), new AutocompleteValid(), new ButtonName(), new DecorativeNotExposed(),
            new FormFieldName(), new HtmlLangValid(), new PageHasTitle(), new ImageButtonName(), new ImageName(),
            new LinkName(), new SvgImageName(), new PresentationalChildrenNotFocusable(), new HeadersAttributeValid(),
            new AriaHiddenNoFocusable(), new MetaRefresh(), new ViewportAllowsZoom(), new ObjectName(),
            new HtmlHasLang(), new TitleDescriptive(), new ImageNameDescriptive(), new ScrollableReachable(),
            new VisibleFocus(), new TextContrast(), new TextEnhancedContrast(), new ImageOfText(),
            new MetaRefreshNoException(), new OrientationNotLocked(), new RequiredStates(), new SummaryName(),
            // ACT proposed
            new GlobalNamingNotProhibited(), new RequiredContextRole(), new RequiredOwnedElements(),
            new AttributePermitted(), new IframeName(), new HeadingName(), new LabelInName(), new HeaderCellAssigned(),
            new HtmlLangMatchesContent(),
            // ACT proposed: media (browser facts: MediaFacts), skip link
            new AudioTranscript(), new VideoTranscript(), new AutoplayControl(),
            new AutoplayAudioControl(), new MoveFocusToContent(),
            // beyond ACT: WCAG 2.2 SCs without ACT rules, and MIIT 适老化 items
            new BypassBlocks(), new TargetSize(), new FocusNotObscured(), new NoMarquee(), new NoFocusBlur(),
            new ReferencedIdUnique(), new NoChangeOnInput(), new ElderNoAds(), new ElderNoInducedDownload(), new ElderFloatClosable(),
            new MobileBodyTextSize(), new DataTableHeaders(), new MouseHandlerKeyboard(),
            // legacy patterns (issue 15): bypass by headings only, data markup in layout tables
            new BypassHeadingStartsContent(), new LayoutTableNoDataMarkup(),
            new LayoutTableReadingOrder());

    public static List<Rule> all() {
        return ALL;
    }

    public static java.util.Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
