package org.yiyue.audit.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Reads a certification plan: checks it against {@code certification-plan.schema.json} (networknt's validator, so
 * the schema that documents the file is also the one that checks it), then resolves URLs against each site's
 * baseUrl. A bad plan is an {@link IllegalArgumentException} that names the file and every problem.
 */
public final class PlanReader {

    public static final String SCHEMA_RESOURCE = "/org/yiyue/audit/plan/certification-plan.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = loadSchema();

    private final Function<String, String> env;

    public PlanReader() {
        this(System::getenv);
    }

    /** @param env environment lookup for {@code valueFromEnv} (tests pass their own) */
    public PlanReader(Function<String, String> env) {
        this.env = env;
    }

    public CertificationPlan read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("plan " + file + " is not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read plan " + file + ": " + e.getMessage());
        }
        Set<ValidationMessage> problems = SCHEMA.validate(root);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("plan " + file + " does not match certification-plan.schema.json:\n  "
                    + String.join("\n  ", problems.stream().map(ValidationMessage::getMessage).sorted().toList()));
        }
        Path dir = file.toAbsolutePath().getParent();
        List<CertificationPlan.Site> sites = new ArrayList<>();
        for (JsonNode s : root.get("sites")) {
            sites.add(site(s, dir));
        }
        if (sites.stream().map(CertificationPlan.Site::id).distinct().count() != sites.size()) {
            throw new IllegalArgumentException("plan " + file + ": site ids must be unique");
        }
        return new CertificationPlan(text(root, "title", "易阅 无障碍与适老化自动检测"),
                text(root, "titleEn", "Yiyue automated accessibility and 适老化 audit"),
                root.path("loopbackOnly").asBoolean(false), sites, dir);
    }

    private CertificationPlan.Site site(JsonNode s, Path dir) {
        String id = s.get("id").asText();
        URI base = URI.create(s.get("baseUrl").asText());
        List<URI> start = new ArrayList<>();
        s.get("startUrls").forEach(u -> start.add(url(base, u.asText(), id)));
        JsonNode c = s.path("crawl");
        CertificationPlan.Crawl crawl = new CertificationPlan.Crawl(c.path("maxPages").asInt(50), c.path("depth").asInt(3),
                c.path("sameSite").asBoolean(true), patterns(c.path("include"), id), patterns(c.path("exclude"), id),
                c.path("delayMs").asLong(200), c.path("concurrency").asInt(2), c.path("sitemap").asBoolean(true),
                c.path("robots").asBoolean(true));
        JsonNode sm = s.path("sample");
        CertificationPlan.Sample sample = new CertificationPlan.Sample(sm.path("wcagEm").asBoolean(true),
                sm.path("randomPercent").asInt(10), sm.path("seed").asLong(1));
        List<String> mobile = new ArrayList<>();
        s.path("sections").forEach(x -> {
            if (x.get("viewport").asText().equals("mobile")) {
                mobile.add(x.get("pathPrefix").asText());
            }
        });
        if (mobile.size() > 1) {
            throw new IllegalArgumentException("site " + id + ": one mobile section at most (got " + mobile + ")");
        }
        Optional<CertificationPlan.Login> login = s.has("login") ? Optional.of(login(s.get("login"), base, dir, id)) : Optional.empty();
        List<CertificationPlan.Process> processes = new ArrayList<>();
        for (JsonNode p : s.path("processes")) {
            List<CertificationPlan.ProcessStep> steps = new ArrayList<>();
            for (JsonNode st : p.get("steps")) {
                steps.add(new CertificationPlan.ProcessStep(url(base, st.get("url").asText(), id), steps(st.path("then"), base, dir, id)));
            }
            processes.add(new CertificationPlan.Process(p.get("name").asText(), steps));
        }
        return new CertificationPlan.Site(id, s.get("name").asText(), base, start, crawl, sample,
                mobile.isEmpty() ? null : mobile.get(0), login, processes);
    }

    private CertificationPlan.Login login(JsonNode l, URI base, Path dir, String id) {
        if (l.has("cookie")) {
            JsonNode c = l.get("cookie");
            return new CertificationPlan.CookieLogin(c.get("name").asText(), value(c, id));
        }
        List<String> names = new ArrayList<>();
        l.path("sessionCookies").forEach(n -> names.add(n.asText()));
        return new CertificationPlan.StepsLogin(steps(l.get("steps"), base, dir, id), names);
    }

    private List<PlanStep> steps(JsonNode array, URI base, Path dir, String id) {
        List<PlanStep> out = new ArrayList<>();
        for (JsonNode st : array) {
            if (st.has("open")) {
                out.add(new PlanStep.Open(url(base, st.get("open").asText(), id)));
            } else if (st.has("fill")) {
                out.add(new PlanStep.Fill(st.get("fill").asText(), value(st, id)));
            } else if (st.has("select")) {
                out.add(new PlanStep.Select(st.get("select").asText(), st.get("value").asText()));
            } else if (st.has("check")) {
                out.add(new PlanStep.Check(st.get("check").asText()));
            } else if (st.has("attach")) {
                Path f = dir.resolve(st.get("file").asText()).normalize();
                if (!Files.isRegularFile(f)) {
                    throw new IllegalArgumentException("site " + id + ": file to attach not found: " + f);
                }
                out.add(new PlanStep.Attach(st.get("attach").asText(), f));
            } else {
                out.add(new PlanStep.Press(st.get("press").asText()));
            }
        }
        return out;
    }

    /** {@code value}, or the environment variable named by {@code valueFromEnv} (a password need not be in the file). */
    private String value(JsonNode n, String id) {
        if (n.has("value")) {
            return n.get("value").asText();
        }
        String var = n.get("valueFromEnv").asText();
        String v = env.apply(var);
        if (v == null) {
            throw new IllegalArgumentException("site " + id + ": environment variable " + var + " is not set");
        }
        return v;
    }

    private static URI url(URI base, String u, String id) {
        try {
            URI r = base.resolve(u);
            if (!"http".equals(r.getScheme()) && !"https".equals(r.getScheme())) {
                throw new IllegalArgumentException("site " + id + ": not an http(s) URL: " + u);
            }
            return r;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("site " + id + ": bad URL '" + u + "': " + e.getMessage());
        }
    }

    private static List<String> patterns(JsonNode array, String id) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : array) {
            try {
                Pattern.compile(p.asText());
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("site " + id + ": bad pattern '" + p.asText() + "': " + e.getDescription());
            }
            out.add(p.asText());
        }
        return out;
    }

    private static String text(JsonNode n, String field, String fallback) {
        return n.hasNonNull(field) ? n.get(field).asText() : fallback;
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = PlanReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCHEMA_RESOURCE);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
