package org.yiyue.overlay.audit;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.yiyue.overlay.audit.security.EvaluatorIdentityStore;

/**
 * Second line behind the authentication mechanism: an {@link EvaluatorOnly} resource answers 401 (problem+json)
 * unless the caller is an authenticated evaluator. Bound by name, so the other /api resources are untouched.
 */
@Provider
@EvaluatorOnly
@Priority(Priorities.AUTHORIZATION)
public class EvaluatorOnlyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext ctx) {
        var sc = ctx.getSecurityContext();
        if (sc == null || sc.getUserPrincipal() == null || !sc.isUserInRole(EvaluatorIdentityStore.ROLE)) {
            boolean english = ctx.getAcceptableLanguages().stream().map(java.util.Locale::getLanguage)
                    .filter(l -> l.equals("zh") || l.equals("en")).findFirst().orElse("zh").equals("en");
            Problem p = Problem.of(401, "login-required", "需要评测员登录", "Evaluator login required",
                    "审计接口仅供已登录的评测员使用。", "The audit API is for logged-in evaluators only.");
            ctx.abortWith(Response.status(401).type(ProblemMapper.PROBLEM_JSON + ";charset=utf-8")
                    .header("WWW-Authenticate", "Basic realm=\"yiyue-evaluators\", charset=\"UTF-8\"")
                    .entity(p.toJson(english, ctx.getUriInfo().getRequestUri().getRawPath()).toString()).build());
            return;
        }
        // a change made with the console's session cookie must come from the console itself, not another site
        String method = ctx.getMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        String site = ctx.getHeaderString("Sec-Fetch-Site");
        if (!safe && ctx.getHeaderString("Authorization") == null && site != null && !site.equals("same-origin")) {
            Problem p = Problem.of(403, "cross-site", "拒绝跨站请求", "Cross-site request refused",
                    "修改操作只能从易阅控制台发起。", "Changes can only be made from the Yiyue console.");
            ctx.abortWith(Response.status(403).type(ProblemMapper.PROBLEM_JSON + ";charset=utf-8")
                    .entity(p.toJson(false, ctx.getUriInfo().getRequestUri().getRawPath()).toString()).build());
        }
    }
}
