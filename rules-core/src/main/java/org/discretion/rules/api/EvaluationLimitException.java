package org.discretion.rules.api;

/**
 * One evaluation exceeded a bound of {@link Settings}: more rule firings than {@link Settings#maxFirings()} or longer
 * than {@link Settings#timeBudget()} in one run of the rules. The catalogs' rules cannot loop (the closed rule
 * language, docs/rule-authoring.md), so this means an engine defect or a machine far too loaded; the case gets no
 * decision rather than a partial one. In a batch, only this case fails.
 */
public final class EvaluationLimitException extends DiscretionException {
    private static final long serialVersionUID = 1L;
    private final String caseId;

    public EvaluationLimitException(String caseId, String problem) {
        super(InvalidCaseException.format(caseId, null, problem));
        this.caseId = caseId;
    }

    /** The case id, or {@code null} when the case has none. */
    public String caseId() {
        return caseId;
    }
}
