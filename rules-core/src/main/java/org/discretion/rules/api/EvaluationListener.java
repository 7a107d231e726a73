package org.discretion.rules.api;

/**
 * Sees each evaluation, for logging, audit or metrics. Methods have no-op defaults; they are called on the
 * evaluating thread and must be thread-safe. An exception thrown by a listener is not caught by a single
 * {@code evaluate}; in a batch it becomes that case's error.
 * <p>
 * For each case, {@code beforeEvaluation} comes first and {@code afterEvaluation} (or {@code onInvalidCase}) next,
 * on the same thread, with no other case's call in between. A batch ({@code evaluateAll}, {@code screenAll})
 * evaluates its cases in chunks that share a Drools session and calls both for each case once its chunk is
 * decided; {@code nanos} is then the case's share of the chunk's time.
 */
public interface EvaluationListener {
    default void beforeEvaluation(CaseInput input) {
    }

    default void afterEvaluation(CaseInput input, Decision decision, long nanos) {
    }

    default void onInvalidCase(CaseInput input, InvalidCaseException error) {
    }
}
