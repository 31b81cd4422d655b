package org.yiyue.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The workspace's {@code shared/} folder (real-page corpus, W3C ACT cases, specs), which lies beside the clone in
 * this workspace and in CI but not in a clone made elsewhere.
 *
 * <p>Tests that need it call {@link #require(String)}: when the folder is absent the test is skipped with a message
 * naming it, except under CI ({@code CI=true}), where a missing folder is a failure — so a clone anywhere passes
 * {@code ./yiyue test}, and CI can never go green by skipping them.
 */
public final class SharedFolder {

    /** System property that points at the shared folder; default: {@code ../../shared} from a module directory. */
    public static final String PROPERTY = "yiyue.shared";

    private SharedFolder() {
    }

    /** The shared folder's location, whether or not it exists. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of("..", "..", "shared");
    }

    /**
     * {@code shared/<relative>}; skips the calling test when it is missing (fails instead when {@code CI=true}).
     */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (Files.exists(p)) {
            return p;
        }
        String message = missing(relative, p);
        if (ciRequiresShared()) {
            Assertions.fail(message + " — required because CI=true");
        }
        // Surefire does not print why a parameterized container was aborted: say it on stderr too
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message + " — skipped");
        throw new AssertionError("unreachable");
    }

    /**
     * {@code shared/<relative>} for a benchmark or tool run by hand (not a test): a missing folder is an
     * {@link IllegalStateException} naming it.
     */
    public static Path requireForTool(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(missing(relative, p));
        }
        return p;
    }

    private static String missing(String relative, Path p) {
        return "needs ../shared/" + relative + " (the workspace's shared folder beside the clone; set -D"
                + PROPERTY + "=DIR to point elsewhere): not found at " + p.toAbsolutePath().normalize();
    }

    /** True where a missing shared folder must fail, not skip. */
    public static boolean ciRequiresShared() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
