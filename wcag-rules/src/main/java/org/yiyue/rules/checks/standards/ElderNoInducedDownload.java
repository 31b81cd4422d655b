package org.yiyue.rules.checks.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.yiyue.rules.accname.AccessibleName;
import org.yiyue.rules.dom.Visibility;
import org.yiyue.rules.engine.Meta;
import org.yiyue.rules.engine.Verdict;
import org.yiyue.rules.model.Confidence;
import org.yiyue.rules.model.Impact;
import org.yiyue.rules.model.Text;
import org.yiyue.rules.page.Page;

/** MIIT W-S3: 适老化 pages have no induced download or payment buttons (declared text and link patterns). */
public final class ElderNoInducedDownload extends PageCheck {

    static final Pattern TEXT = Pattern.compile(
            "(下载|安装)\\s*(app|客户端|应用)|立即下载|扫码下载|马上下载|点击下载app|立即充值|马上充值|立即支付|开通会员|立即开通",
            Pattern.CASE_INSENSITIVE);
    static final Pattern HREF = Pattern.compile("(?i)(\\.apk|\\.ipa)([?#].*)?$|^itms-services:|^market://");

    public ElderNoInducedDownload() {
        super(Meta.rule("elder-no-induced-download")
                .title("适老化页面没有诱导下载或付费按钮", "Elder-mode page has no induced download or payment buttons")
                .help("移除“下载 APP”“立即充值”等诱导按钮和安装包链接",
                        "Remove 'download the app', 'top up now' style buttons and installer links")
                .miit("W-S3", "适老化页面无诱导类按键（下载、付费）", Confidence.N)
                .tags("elder", "miit").impact(Impact.SERIOUS).build());
    }

    @Override
    protected boolean applies(Page page) {
        return ElderPage.is(page);
    }

    @Override
    protected List<Finding> findings(Page page) {
        List<Finding> out = new ArrayList<>();
        for (Element e : page.document().select("a, button, [role=button], [role=link], input[type=button], input[type=submit], input[type=image]")) {
            if (Visibility.programmaticallyHidden(e, page)) {
                continue;
            }
            String name = AccessibleName.of(e, page);
            String href = e.attr("href").trim().toLowerCase(Locale.ROOT);
            if (TEXT.matcher(name).find()) {
                out.add(new Finding(e, Verdict.fail("诱导类按钮：“" + name + "”", "Induced download/payment button: \"" + name + "\"")));
            } else if (HREF.matcher(href).find()) {
                out.add(new Finding(e, Verdict.fail("链接直接下载安装包：" + href, "Link downloads an app installer: " + href)));
            }
        }
        return out;
    }

    @Override
    protected Text passMessage() {
        return Text.of("未发现诱导下载或付费按钮", "No induced download or payment buttons found");
    }
}
