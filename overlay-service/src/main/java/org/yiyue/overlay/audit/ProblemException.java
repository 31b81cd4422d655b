package org.yiyue.overlay.audit;

/** Thrown by the audit API for any refused request; {@link ProblemMapper} turns it into problem+json. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.titleEn() + ": " + problem.detailEn());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String whatZh, String whatEn) {
        return new ProblemException(Problem.of(404, "not-found", "未找到", "Not found", whatZh, whatEn));
    }
}
