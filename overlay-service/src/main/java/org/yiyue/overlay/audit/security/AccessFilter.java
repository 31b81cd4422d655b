package org.yiyue.overlay.audit.security;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.yiyue.overlay.audit.Problem;
import org.yiyue.overlay.audit.ProblemMapper;

/**
 * The server-side check of every protected API method: the {@link Requires right} it names against the caller's
 * role ({@link Right}), the role's allowed addresses, the site of a site operator, and — for changes made with a
 * session cookie — that the request comes from the console itself. Refusals are RFC 9457 problems: 401 when not
 * logged in (or locked: idle session, locked account), 403 when the role may not. Methods without {@link Requires}
 * are public.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest request;
    @Inject
    Accounts accounts;
    @Inject
    RoleNetworks networks;

    @Override
    public void filter(ContainerRequestContext ctx) {
        Optional<Right> needed = required(resource.getResourceMethod(), resource.getResourceClass());
        if (needed.isEmpty()) {
            return;
        }
        Right right = needed.get();
        if (right == Right.PURGE_CACHE && AdminToken.valid(ctx.getHeaderString(AdminToken.HEADER))) {
            return;
        }
        var sc = ctx.getSecurityContext();
        if (sc == null || sc.getUserPrincipal() == null) {
            abort(ctx, unauthenticated());
            return;
        }
        Optional<Role> role = Callers.role(sc::isUserInRole);
        if (role.isEmpty()) {
            abort(ctx, forbidden(right));
            return;
        }
        if (!networks.allows(role.get(), request.getRemoteAddr())) {
            abort(ctx, Problem.of(403, "address-not-allowed", "不允许从此地址访问", "Address not allowed",
                    "角色「" + role.get().zh() + "」不能从 " + request.getRemoteAddr() + " 访问。",
                    "The role " + role.get().en() + " may not work from " + request.getRemoteAddr() + "."));
            return;
        }
        if (right == Right.SIGN && role.get() == Role.ADMIN) {
            abort(ctx, Problem.of(403, "separation-of-duties", "管理员不能签署测评", "Administrators cannot sign",
                    "职责分离：签署测评结论只能由测评员进行，管理员不能签署。",
                    "Separation of duties: only an evaluator signs an evaluation, never an administrator."));
            return;
        }
        if (!right.grantedTo(role.get())) {
            abort(ctx, forbidden(right));
            return;
        }
        if (Right.SITE_SCOPED.contains(right) && role.get() == Role.SITE_OPS) {
            String site = ctx.getUriInfo().getPathParameters().getFirst("id");
            String own = accounts.find(sc.getUserPrincipal().getName()).map(Account::siteId).orElse(null);
            if (own == null || !own.equals(site)) {
                abort(ctx, Problem.of(403, "other-site", "只能管理自己的网站", "Not your site",
                        "网站运维账户只能操作自己负责的网站（" + own + "）。",
                        "A site operator may only act on its own site (" + own + ")."));
                return;
            }
        }
        // a change made with the console's session cookie must come from the console itself, not another site
        String method = ctx.getMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        String fetchSite = ctx.getHeaderString("Sec-Fetch-Site");
        if (!safe && ctx.getHeaderString("Authorization") == null && fetchSite != null && !fetchSite.equals("same-origin")) {
            abort(ctx, Problem.of(403, "cross-site", "拒绝跨站请求", "Cross-site request refused",
                    "修改操作只能从易阅控制台发起。", "Changes can only be made from the Yiyue console."));
        }
    }

    static Optional<Right> required(Method method, Class<?> type) {
        Requires r = method == null ? null : method.getAnnotation(Requires.class);
        if (r == null && type != null) {
            r = type.getAnnotation(Requires.class);
        }
        return Optional.ofNullable(r).map(Requires::value);
    }

    private Problem unauthenticated() {
        if (request.getAttribute(AccountFilter.SESSION_LOCKED) != null) {
            return Problem.of(401, "session-locked", "会话已因长时间未操作而锁定", "Session locked after inactivity",
                    "超过允许的空闲时间，请重新登录。", "Idle for too long; log in again.");
        }
        if (request.getAttribute(LoginMechanism.LOGIN_LOCKED) != null) {
            return Problem.of(401, "account-locked", "账户已锁定", "Account locked",
                    "密码连续错误次数过多，账户暂时锁定；请稍后再试或请管理员解锁。",
                    "Too many wrong passwords: the account is locked for a while, or until an administrator unlocks it.");
        }
        if (request.getAttribute(LoginMechanism.ADDRESS_REFUSED) != null) {
            return Problem.of(403, "address-not-allowed", "不允许从此地址登录", "Address not allowed",
                    "此账户的角色不能从 " + request.getRemoteAddr() + " 登录。",
                    "This account's role may not log in from " + request.getRemoteAddr() + ".");
        }
        return Problem.of(401, "login-required", "需要登录", "Login required",
                "此接口仅供已登录的账户使用。", "This API is for logged-in accounts only.");
    }

    private static Problem forbidden(Right right) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (Role r : right.roles()) {
            zh.append(zh.length() == 0 ? "" : "、").append(r.zh());
            en.append(en.length() == 0 ? "" : ", ").append(r.en());
        }
        return Problem.of(403, "forbidden", "无权执行此操作", "Not allowed",
                "「" + right.zh() + "」仅限：" + zh + "。", "Only " + en + " may " + right.en() + ".");
    }

    private static void abort(ContainerRequestContext ctx, Problem p) {
        boolean english = ctx.getAcceptableLanguages().stream().map(Locale::getLanguage)
                .filter(l -> l.equals("zh") || l.equals("en")).findFirst().orElse("zh").equals("en");
        Response.ResponseBuilder b = Response.status(p.status()).type(ProblemMapper.PROBLEM_JSON + ";charset=utf-8")
                .entity(p.toJson(english, ctx.getUriInfo().getRequestUri().getRawPath()).toString());
        if (p.status() == 401) {
            b.header("WWW-Authenticate", "Basic realm=\"yiyue\", charset=\"UTF-8\"");
        }
        ctx.abortWith(b.build());
    }
}
