package org.discretion.rules.api;

/**
 * One evaluation exceeded a bound of {@link Settings}: more rule firings than {@link Settings#maxFirings()} or longer
 * than {@link Settings#timeBudget()} in one run of the rules. The catalogs' rules cannot loop (the closed rule
 * language, docs/rule-authoring.md), so this means an engine defect or a machine far too loaded; the case gets no
 * decision rather than a partial one. It is an {@link InvalidCaseException} (with an empty field) so that every
 * batch — {@link DiscretionEngine#evaluateAll}, the CLI, the service — reports it as that case's error and goes on.
 */
public final class EvaluationLimitException extends InvalidCaseException {
    private static final long serialVersionUID = 1L;

    public EvaluationLimitException(String caseId, String problem) {
        super(caseId, "", problem);
    }
}
