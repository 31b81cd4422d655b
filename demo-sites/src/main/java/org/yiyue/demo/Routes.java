package org.yiyue.demo;

import java.io.IOException;
import java.util.Optional;

/** A site's dynamic pages. Empty means "not mine": the server then serves a static file or the 404 page. */
interface Routes {
    Optional<Reply> route(Request request, SiteResources site) throws IOException;

    Routes NONE = (request, site) -> Optional.empty();
}
