package org.yiyue.audit.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.yiyue.audit.report.AuditReport;
import org.yiyue.audit.report.Finding;
import org.yiyue.audit.report.RequirementResult;
import org.yiyue.audit.report.Score;
import org.yiyue.audit.report.Verdict;

/**
 * A CI threshold: when crossed, the audit exits with {@link ExitCodes#THRESHOLD}.
 * <ul>
 * <li>{@code any}: any failed element</li>
 * <li>{@code impact:LEVEL}: a failed element of impact LEVEL or worse (minor, moderate, serious, critical)</li>
 * <li>{@code failures:N}: more than N failed elements</li>
 * <li>{@code requirements:N}: more than N failed requirements</li>
 * <li>{@code score:N}: a technical score below N</li>
 * <li>{@code sc:X.Y.Z}: WCAG success criterion X.Y.Z failed</li>
 * <li>{@code veto}: a likely 适老化 veto item failed</li>
 * <li>{@code unaudited}: a page could not be audited (404, timeout, not HTML …), or in a browser audit its browser
 *     checks failed</li>
 * </ul>
 */
public record FailOn(String kind, String value) {

    private static final List<String> IMPACTS = List.of("minor", "moderate", "serious", "critical");

    public static FailOn parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        String value = colon < 0 ? "" : s.substring(colon + 1);
        switch (kind) {
            case "any", "veto", "unaudited" -> {
                if (!value.isEmpty()) {
                    throw new IllegalArgumentException("--fail-on " + kind + " takes no value");
                }
            }
            case "impact" -> {
                if (!IMPACTS.contains(value)) {
                    throw new IllegalArgumentException("--fail-on impact:LEVEL needs one of " + IMPACTS);
                }
            }
            case "failures", "requirements", "score" -> {
                try {
                    if (Integer.parseInt(value) < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--fail-on " + kind + ":N needs a whole number ≥ 0, got '" + value + "'");
                }
            }
            case "sc" -> {
                if (!value.matches("\\d\\.\\d\\.\\d{1,2}")) {
                    throw new IllegalArgumentException("--fail-on sc:X.Y.Z needs a WCAG success criterion, got '" + value + "'");
                }
            }
            default -> throw new IllegalArgumentException("unknown --fail-on '" + spec
                    + "' (any, impact:LEVEL, failures:N, requirements:N, score:N, sc:X.Y.Z, veto, unaudited)");
        }
        return new FailOn(kind, value);
    }

    /** The reason the threshold was crossed, or empty. */
    public Optional<String> crossedBy(AuditReport r) {
        List<Finding> failed = r.findings().stream().filter(Finding::failed).toList();
        return switch (kind) {
            case "any" -> failed.isEmpty() ? Optional.empty() : Optional.of(failed.size() + " failed elements");
            case "impact" -> {
                int min = IMPACTS.indexOf(value);
                long n = failed.stream().filter(f -> IMPACTS.indexOf(f.impact()) >= min).count();
                yield n == 0 ? Optional.empty() : Optional.of(n + " failed elements of impact " + value + " or worse");
            }
            case "failures" -> failed.size() > Integer.parseInt(value)
                    ? Optional.of(failed.size() + " failed elements > " + value) : Optional.empty();
            case "requirements" -> {
                long n = r.requirements().stream().filter(x -> x.verdict() == Verdict.FAILED).count();
                yield n > Integer.parseInt(value) ? Optional.of(n + " failed requirements > " + value) : Optional.empty();
            }
            case "score" -> {
                for (Score s : r.scores()) {
                    if (s.value() >= 0 && s.value() < Integer.parseInt(value)) {
                        yield Optional.of(s.standard() + " score " + s.value() + " < " + value);
                    }
                }
                yield Optional.empty();
            }
            case "sc" -> r.requirements().stream()
                    .filter(x -> x.standard().equals("wcag22-aa") && x.id().equals(value) && x.verdict() == Verdict.FAILED)
                    .findFirst().map(x -> "WCAG " + value + " failed");
            case "veto" -> r.requirements().stream().filter(RequirementResult::veto).filter(x -> x.verdict() == Verdict.FAILED)
                    .findFirst().map(x -> "veto item " + x.id() + " failed");
            case "unaudited" -> {
                long n = r.incompletePages().size();
                yield n == 0 ? Optional.empty() : Optional.of(n + " pages could not be audited (in full)");
            }
            default -> Optional.empty();
        };
    }
}
