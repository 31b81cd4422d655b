package org.yiyue.overlay.proxy;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yiyue.overlay.site.Site;
import org.yiyue.overlay.site.SiteRegistry;

/** {@code /s/<site>/<path>}: the path-mounted sites. Unknown site ids get a 404; nothing else is ever fetched. */
@WebServlet(urlPatterns = "/s/*")
public class ProxyServlet extends HttpServlet {

    @Inject
    SiteRegistry sites;
    @Inject
    ProxyHandler proxy;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // the raw, still-encoded URI: decoding first would let %2e%2e or %2f slip past the guard
        String uri = req.getRequestURI().substring(req.getContextPath().length());
        String afterS = uri.length() > 3 ? uri.substring(3) : "";
        int slash = afterS.indexOf('/');
        String id = slash < 0 ? afterS : afterS.substring(0, slash);
        Optional<Site> site = sites.byId(id).filter(s -> s.mount().equals("/s/" + id));
        if (site.isEmpty()) {
            ErrorPage.send(resp, 404, "未配置的站点", "易阅只转发已登记的网站，该站点不在登记名单中。",
                    "Unknown site: only configured sites are served.", null);
            return;
        }
        proxy.handle(req, resp, site.get(), slash < 0 ? "" : afterS.substring(slash));
    }
}
