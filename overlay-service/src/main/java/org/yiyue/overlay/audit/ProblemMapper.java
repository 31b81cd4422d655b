package org.yiyue.overlay.audit;

import java.util.Locale;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** problem+json for the audit API's own refusals only (other resources keep their own error handling). */
@Provider
public class ProblemMapper implements ExceptionMapper<ProblemException> {

    public static final String PROBLEM_JSON = "application/problem+json";

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProblemException e) {
        boolean english = english(headers);
        return Response.status(e.problem().status())
                .type(PROBLEM_JSON + ";charset=utf-8")
                .header("Content-Language", english ? "en" : "zh-CN")
                .entity(e.problem().toJson(english, uri == null ? null : uri.getRequestUri().getRawPath()).toString())
                .build();
    }

    /** English only when the caller prefers it over Chinese; Chinese first otherwise. */
    static boolean english(HttpHeaders headers) {
        if (headers == null) {
            return false;
        }
        for (Locale l : headers.getAcceptableLanguages()) {
            String lang = l.getLanguage();
            if ("zh".equals(lang)) {
                return false;
            }
            if ("en".equals(lang)) {
                return true;
            }
        }
        return false;
    }
}
