package org.yiyue.toolbar;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.openqa.selenium.WebDriver;

import com.deque.html.axecore.providers.FileAxeScriptProvider;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * axe-core runs: the newest 4.x axe.min.js fetched from npm at build time (target/axe, see src/build/fetch-axe.mjs)
 * when present, otherwise the one embedded in axe-core/selenium; {@link #version} says which ran.
 */
final class Axe {

    private Axe() {
    }

    static Path npmScript() {
        return Path.of(System.getProperty("yiyue.axe.script", "target/axe/axe.min.js"));
    }

    static Results run(WebDriver driver) {
        AxeBuilder builder = new AxeBuilder();
        Path script = npmScript();
        if (Files.isRegularFile(script)) {
            try {
                builder.setAxeScriptProvider(new FileAxeScriptProvider(script.toString()));
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }
        // violations are what we compare; skipping node details of passes makes each run much cheaper
        com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        builder.withOptions(options);
        Results results = builder.analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core errored: " + results.getErrorMessage());
        }
        return results;
    }

    static String version(Results results) {
        return results.getTestEngine().getVersion();
    }

    /** "rule | target" for each violating node; inside=true keeps only nodes in the toolbar's shadow tree. */
    static Set<String> violations(Results results, boolean inside) {
        Set<String> out = new TreeSet<>();
        for (Rule rule : results.getViolations()) {
            rule.getNodes().forEach(n -> {
                // the node's own markup identifies it; axe's generated selectors shift when a host element is added
                String target = normalise(String.valueOf(n.getTarget()));
                String frame = target.contains(", ") ? target.substring(0, target.indexOf(", ")) + " " : "";
                if (target.contains("yiyue-a11y") == inside) out.add(rule.getId() + " | " + (inside ? target : frame + normalise(n.getHtml())));
            });
        }
        return out;
    }

    /** Origins, the toolbar's own script tag (in framed documents) and animated inline positions are not page changes. */
    static String normalise(String s) {
        return s.replaceAll("127\\.0\\.0\\.1:\\d+", "ORIGIN")
                .replaceAll("<script src=\"/a11y/toolbar\\.js\"[^>]*></script>", "")
                .replaceAll("(?<=[:\\s])-?[\\d.]+px", "Npx");
    }

    static List<String> ids(Results results) {
        return results.getViolations().stream().map(Rule::getId).toList();
    }
}
