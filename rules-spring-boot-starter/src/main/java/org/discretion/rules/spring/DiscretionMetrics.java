package org.discretion.rules.spring;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.EvaluationListener;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.ReloadListener;
import org.discretion.rules.api.ReloadResult;

/**
 * Micrometer meters of the engine, registered as an {@link EvaluationListener} (and a {@link ReloadListener} of a
 * reloading engine):
 * <ul>
 *   <li>{@code discretion.decisions} (counter; tags {@code handling}, {@code mandatory}) — decisions by handling;</li>
 *   <li>{@code discretion.evaluation} (timer) — the engine's time per evaluated case;</li>
 *   <li>{@code discretion.cases.rejected} (counter) — cases refused as invalid input;</li>
 *   <li>{@code discretion.reloads} (counter; tag {@code outcome} SWAPPED / UNCHANGED / REJECTED) — catalog reloads.</li>
 * </ul>
 * No tag carries a case value, so the number of series stays bounded.
 */
public class DiscretionMetrics implements EvaluationListener, ReloadListener {
    private final MeterRegistry registry;
    private final Timer evaluation;
    private final Counter rejected;

    public DiscretionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluation = Timer.builder("discretion.evaluation").description("time the engine took per evaluated case")
                .register(registry);
        this.rejected = Counter.builder("discretion.cases.rejected").description("cases refused as invalid input")
                .register(registry);
    }

    @Override
    public void afterEvaluation(CaseInput input, Decision decision, long nanos) {
        evaluation.record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("discretion.decisions").description("decisions by handling")
                .tag("handling", decision.handling().name()).tag("mandatory", Boolean.toString(decision.mandatory()))
                .register(registry).increment();
    }

    @Override
    public void onInvalidCase(CaseInput input, InvalidCaseException error) {
        rejected.increment();
    }

    @Override
    public void onReload(ReloadResult result) {
        Counter.builder("discretion.reloads").description("catalog reloads by outcome")
                .tag("outcome", result.outcome().name()).register(registry).increment();
    }
}
