package org.yiyue.overlay.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All JSON endpoints live under /api; the proxy and the toolbar assets have their own paths. */
@ApplicationPath("/api")
public class ApiApplication extends Application {
}
