package org.yiyue.overlay.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.yiyue.demo.ReplicaSites;

/**
 * Test set-up shared by the audit ITs: the shipped site list pointed at replicas on ephemeral ports, and the packaged
 * WAR with a fresh data directory for the audit database.
 */
final class ItDeployment {

    static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private ItDeployment() {
    }

    static Path target() {
        return Path.of(System.getProperty("yiyue.war")).toAbsolutePath().getParent();
    }

    /** The shipped yiyue-sites.json with each replica's real origin instead of the default port. */
    static String sitesJson(ReplicaSites replicas) {
        String config;
        try (InputStream in = ItDeployment.class.getResourceAsStream("/yiyue-sites.json")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = 8101;
        for (String id : ReplicaSites.SITE_IDS) {
            config = config.replace("\"http://127.0.0.1:" + port++ + "\"", "\"" + replicas.origin(id) + "\"");
        }
        return config;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The audit database of one IT: {@code -Dyiyue.test.db=postgresql} gives it a fresh database on the build's
     * throw-away PostgreSQL server, {@code h2} (or nothing) the H2 file in its data directory. As config lines.
     */
    static String databaseConfig(String name) {
        String kind = System.getProperty("yiyue.test.db", "h2");
        if (kind.equals("h2")) {
            return "";
        }
        if (!kind.equals("postgresql")) {
            throw new IllegalArgumentException("yiyue.test.db is h2 or postgresql, not " + kind);
        }
        TestDatabase db = TestDatabase.fresh("postgresql");
        return "yiyue.db.url=" + db.url() + "\nyiyue.db.user=" + db.user() + "\nyiyue.db.password=" + db.password();
    }

    /** {@link #databaseConfig} as JVM flags, for ITs that start Payara Micro processes themselves. */
    static java.util.List<String> databaseFlags(String name) {
        return databaseConfig(name).lines().filter(l -> !l.isBlank()).map(l -> "-D" + l).toList();
    }

    static Path freshDataDir(String name) {
        try {
            return Files.createDirectories(target().resolve("audit-it").resolve(name + "-" + System.currentTimeMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged WAR as ROOT.war, its audit settings extended with these lines (later keys win). */
    static WebArchive rootWar(String extraConfig) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(
                ShrinkWrap.createFromZipFile(WebArchive.class, new java.io.File(System.getProperty("yiyue.war"))));
        String shipped;
        try (InputStream in = war.get(CONFIG).getAsset().openStream()) {
            shipped = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(CONFIG);
        war.add(new StringAsset(shipped + "\n" + extraConfig + "\n"), CONFIG);
        return war;
    }
}
