package org.yiyue.rules.checks.text;

import org.jsoup.nodes.Element;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.dom.Tri;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Target;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Level;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/**
 * ACT qt1vmo: a person judges whether a named, visible image's name is descriptive. One case needs no person: a
 * name that is a file name or an address describes nothing (failure F30).
 */
public final class ImageNameDescriptive extends HumanJudgementRule {
    public ImageNameDescriptive() {
        super(Meta.rule("image-name-descriptive")
                        .title("图片的可访问名称具有描述性", "Image accessible name is descriptive")
                        .help("alt 文字应表达与图片相同的信息", "The alt text should convey the same information as the image")
                        .wcag(Level.A, "1.1.1").act("qt1vmo", true).tags("names").human().build(),
                "img, canvas, svg",
                ImageNameDescriptive::namedVisibleImage,
                Text.of("需人工判断图片名称是否表达图片内容", "A person must judge whether the name conveys the image"));
    }

    @Override
    protected Verdict expectation(Target t, Page page) {
        String name = AccessibleName.of(t.element(), page);
        if (FileNameText.isFileName(name)) {
            return Verdict.fail("图片的名称“" + name + "”是文件名或地址，不描述图片内容（F30）",
                    "The image's name \"" + name + "\" is a file name or address, not a description (F30)");
        }
        return super.expectation(t, page);
    }

    private static boolean namedVisibleImage(Element e, Page page) {
        if (Visibility.visible(e, page) == Tri.NO || AccessibleName.of(e, page).isEmpty()) {
            return false;
        }
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (AccessibleName.namedFromAuthor(p, page)) {
                return false;
            }
        }
        return true;
    }
}
