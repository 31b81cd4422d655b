package org.yiyue.overlay.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version facts written by the build into yiyue-build.properties (Maven resource filtering). */
public record BuildInfo(String name, String version, String payaraMicro, String builtAt) {

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/yiyue-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(
                p.getProperty("name", "yiyue-overlay"),
                p.getProperty("version", "unknown"),
                p.getProperty("payara.micro", "unknown"),
                p.getProperty("built.at", "unknown"));
    }
}
