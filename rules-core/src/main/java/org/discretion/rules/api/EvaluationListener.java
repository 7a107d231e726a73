package org.discretion.rules.api;

/**
 * Sees each evaluation, for logging, audit or metrics. Methods have no-op defaults; they are called on the
 * evaluating thread and must be thread-safe. An exception thrown by a listener is not caught.
 */
public interface EvaluationListener {
    default void beforeEvaluation(CaseInput input) {
    }

    default void afterEvaluation(CaseInput input, Decision decision, long nanos) {
    }

    default void onInvalidCase(CaseInput input, InvalidCaseException error) {
    }
}
