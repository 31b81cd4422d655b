package org.yiyue.rules.engine;

import java.util.List;
import java.util.Set;

import org.yiyue.rules.page.DocumentKind;

import org.yiyue.rules.model.Outcome;
import org.yiyue.rules.model.RuleMeta;
import org.yiyue.rules.page.Page;

/** A rule: metadata plus an evaluation that yields at least one outcome per page. Implementations are stateless. */
public interface Rule {

    RuleMeta meta();

    List<Outcome> evaluate(Page page);

    /** Documents the rule can apply to; on others the engine reports it inapplicable without evaluating it. */
    default Set<DocumentKind> documentKinds() {
        return HTML_DOCUMENTS;
    }

    Set<DocumentKind> HTML_DOCUMENTS = Set.of(DocumentKind.HTML, DocumentKind.XHTML);

    /** For rules whose applicability is "any HTML or SVG element": an SVG image's own elements too. */
    Set<DocumentKind> HTML_AND_SVG_DOCUMENTS = Set.of(DocumentKind.HTML, DocumentKind.XHTML, DocumentKind.SVG);

    /** For rules whose applicability is any element or attribute, whatever the document. */
    Set<DocumentKind> ANY_DOCUMENT = java.util.EnumSet.allOf(DocumentKind.class);

    default String id() {
        return meta().id();
    }
}
