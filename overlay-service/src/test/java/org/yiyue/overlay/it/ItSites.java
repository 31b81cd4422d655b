package org.yiyue.overlay.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the site configuration for one Arquillian run before Payara boots: the origins bind ephemeral ports first,
 * then their addresses go into the file that {@code -Dyiyue.sites.file} (arquillian.xml) names.
 */
final class ItSites {

    private ItSites() {
    }

    static void write(String json) {
        Path file = Path.of(System.getProperty("yiyue.it.sites"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged WAR, named ROOT.war so Payara Micro serves it at "/" as the launcher does. */
    static org.jboss.shrinkwrap.api.spec.WebArchive rootWar() {
        return org.jboss.shrinkwrap.api.ShrinkWrap.create(org.jboss.shrinkwrap.api.spec.WebArchive.class, "ROOT.war")
                .merge(org.jboss.shrinkwrap.api.ShrinkWrap.createFromZipFile(
                        org.jboss.shrinkwrap.api.spec.WebArchive.class,
                        new java.io.File(System.getProperty("yiyue.war"))));
    }

    /** A free loopback port that nothing listens on (bound, then released). */
    static int deadPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
