package org.yiyue.overlay.audit.security;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.yiyue.overlay.audit.Problem;
import org.yiyue.overlay.audit.ProblemException;
import org.yiyue.overlay.site.SiteRegistry;

/**
 * Accounts, for administrators only: list, create (one role each; a site operator names its site), delete, unlock.
 * An administrator cannot change or delete its own account (so one administrator alone cannot widen its rights),
 * and the configuration's accounts are changed in the configuration.
 */
@Path("/users")
@RequestScoped
@Requires(Right.MANAGE_USERS)
@Tag(name = "users", description = "账户 Accounts")
public class UsersResource {

    static final int MIN_PASSWORD = 12;

    @Inject
    Accounts accounts;
    @Inject
    SiteRegistry sites;
    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every account: name, role, site, whether locked (never a hash)")
    public String list() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        long now = System.currentTimeMillis();
        for (Account acc : accounts.all()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("name", acc.name()).add("role", acc.role().id())
                    .add("roleZh", acc.role().zh()).add("locked", acc.lockedAt(now)).add("fromConfig", acc.fromConfig());
            if (acc.siteId() != null) {
                o.add("site", acc.siteId());
            }
            if (acc.lockedAt(now)) {
                o.add("lockedUntil", Instant.ofEpochMilli(acc.lockedUntil()).toString());
            }
            a.add(o);
        }
        return a.build().toString();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account: {\"name\":…,\"role\":\"admin|evaluator|site-ops|reader\",\"site\":…,\"password\":…}")
    public Response create(String body) throws Exception {
        JsonObject o;
        try {
            o = Json.createReader(new StringReader(body == null ? "" : body)).readObject();
        } catch (RuntimeException e) {
            throw invalid("需要 JSON 对象。", "A JSON object is required.");
        }
        String name = o.getString("name", "");
        Role role = Role.of(o.getString("role", "")).orElseThrow(() -> invalid(
                "角色只能是 admin、evaluator、site-ops、reader 之一。", "role is one of admin, evaluator, site-ops, reader."));
        String site = o.containsKey("site") && !o.isNull("site") ? o.getString("site", null) : null;
        String password = o.getString("password", "");
        if (!name.matches("[A-Za-z0-9_.-]{2,64}")) {
            throw invalid("用户名为 2–64 个字母、数字或 _ . -。", "name: 2 to 64 letters, digits or _ . -");
        }
        if ((role == Role.SITE_OPS) != (site != null) || (site != null && sites.byId(site).isEmpty())) {
            throw invalid("网站运维账户必须指定一个已配置的网站，其他角色不指定网站。",
                    "A site-ops account names one configured site; other roles name none.");
        }
        if (password.length() < MIN_PASSWORD) {
            throw invalid("密码至少 " + MIN_PASSWORD + " 个字符。", "The password needs at least " + MIN_PASSWORD + " characters.");
        }
        Account account = new Account(name, role, site, PasswordHashTool.hash(password.toCharArray()), 0, null, false);
        if (!accounts.create(account, security.getUserPrincipal().getName())) {
            throw new ProblemException(Problem.of(409, "name-taken", "用户名已存在", "Name taken",
                    "已有名为 " + name + " 的账户。", "An account named " + name + " exists."));
        }
        return Response.created(URI.create("/api/users/" + name)).entity(Json.createObjectBuilder().add("name", name)
                .add("role", role.id()).build().toString()).build();
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete an account made through the API (not one's own, not a configured one)")
    public Response delete(@PathParam("name") String name) {
        notSelf(name);
        if (accounts.find(name).isEmpty()) {
            throw ProblemException.notFound("没有这个账户：" + name, "No such account: " + name);
        }
        if (!accounts.delete(name)) {
            throw new ProblemException(Problem.of(409, "configured-account", "配置中的账户", "Configured account",
                    "此账户来自配置文件，请在配置中删除。", "This account comes from the configuration; remove it there."));
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/unlock")
    @Operation(summary = "Lift a lock-out before it ends by itself")
    public Response unlock(@PathParam("name") String name) {
        notSelf(name);
        if (!accounts.unlock(name)) {
            throw ProblemException.notFound("没有这个账户：" + name, "No such account: " + name);
        }
        return Response.noContent().build();
    }

    private void notSelf(String name) {
        if (security.getUserPrincipal().getName().equals(name)) {
            throw new ProblemException(Problem.of(403, "own-account", "不能操作自己的账户", "Not your own account",
                    "管理员不能删除或解锁自己的账户，须由另一名管理员操作。",
                    "An administrator cannot delete or unlock its own account; another administrator must."));
        }
    }

    private static ProblemException invalid(String zh, String en) {
        return new ProblemException(Problem.of(422, "invalid-account", "账户信息无效", "Invalid account", zh, en));
    }
}
