package org.discretion.rules.api;

/**
 * The outcome of one case in a batch: a decision or an input error, never both.
 */
public record Evaluation(String caseId, Decision decision, InvalidCaseException error) {
    public static Evaluation of(Decision d) {
        return new Evaluation(d.id(), d, null);
    }

    public static Evaluation failed(InvalidCaseException e) {
        return new Evaluation(e.caseId(), null, e);
    }

    public boolean ok() {
        return decision != null;
    }
}
