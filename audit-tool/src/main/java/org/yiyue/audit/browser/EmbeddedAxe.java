package org.yiyue.audit.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The axe-core the audit runs: the newest version on npm when the module was built, embedded by
 * {@code audit-tool/src/build/fetch-axe.mjs} as {@value #DIR}axe.min.js with the manifest {@value #DIR}axe-core.json
 * (version, npm's SRI integrity of the tarball, which the build verified, the script's own sha512 and each rule's tags
 * and ACT rule ids). The script is checked against its recorded sha512 when loaded; anything missing or altered stops
 * the audit with a message instead of running another axe-core.
 */
public final class EmbeddedAxe {

    public static final String DIR = "org/yiyue/audit/browser/axe/";

    /** One axe-core rule as its metadata declares it. */
    public record AxeRule(String id, List<String> tags, List<String> actIds, boolean enabled) {
        public AxeRule {
            tags = List.copyOf(tags);
            actIds = List.copyOf(actIds);
        }
    }

    private final String version;
    private final String integrity;
    private final String tarball;
    private final String scriptSha512;
    private final String script;
    private final Map<String, AxeRule> rules;

    private EmbeddedAxe(String version, String integrity, String tarball, String scriptSha512, String script,
                        Map<String, AxeRule> rules) {
        this.version = version;
        this.integrity = integrity;
        this.tarball = tarball;
        this.scriptSha512 = scriptSha512;
        this.script = script;
        this.rules = Map.copyOf(rules);
    }

    private static final class Holder {
        static final EmbeddedAxe INSTANCE = load();
    }

    /** The embedded axe-core, verified once per JVM. */
    public static EmbeddedAxe get() {
        return Holder.INSTANCE;
    }

    static EmbeddedAxe load() {
        return of(resource("axe-core.json"), resource("axe.min.js"));
    }

    /** Checks the script against the manifest's sha512; refuses a script that is not the one the build verified. */
    static EmbeddedAxe of(byte[] manifestBytes, byte[] scriptBytes) {
        try {
            JsonNode m = new ObjectMapper().readTree(manifestBytes);
            String recorded = m.path("scriptSha512").asText();
            String actual = sri("SHA-512", scriptBytes);
            if (!actual.equals(recorded)) {
                throw new IllegalStateException("嵌入的 axe-core 脚本与构建时记录的哈希不符 the embedded axe.min.js is not the "
                        + "one the build verified (recorded " + recorded + ", found " + actual + "): rebuild audit-tool");
            }
            Map<String, AxeRule> rules = new LinkedHashMap<>();
            m.path("rules").fields().forEachRemaining(e -> rules.put(e.getKey(), new AxeRule(e.getKey(),
                    strings(e.getValue().path("tags")), strings(e.getValue().path("actIds")),
                    e.getValue().path("enabled").asBoolean(true))));
            return new EmbeddedAxe(m.path("version").asText(), m.path("integrity").asText(), m.path("tarball").asText(),
                    recorded, new String(scriptBytes, StandardCharsets.UTF_8), rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = EmbeddedAxe.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("没有嵌入的 axe-core（" + DIR + name + "）no embedded axe-core: audit-tool's "
                        + "build fetches it from npm (src/build/fetch-axe.mjs); build the module with Maven first");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** Subresource-integrity form of a digest, e.g. {@code sha512-…}. */
    public static String sri(String algorithm, byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance(algorithm).digest(bytes);
            return algorithm.toLowerCase(java.util.Locale.ROOT).replace("-", "") + "-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String version() {
        return version;
    }

    /** npm's {@code dist.integrity} of the tarball the script came from (verified by the build). */
    public String integrity() {
        return integrity;
    }

    public String tarball() {
        return tarball;
    }

    public String scriptSha512() {
        return scriptSha512;
    }

    public String script() {
        return script;
    }

    public Map<String, AxeRule> rules() {
        return rules;
    }

    /** For reports: where the axe-core came from and how it was checked. */
    public String provenance() {
        return "npm axe-core@" + version + " (" + integrity + ")";
    }
}
