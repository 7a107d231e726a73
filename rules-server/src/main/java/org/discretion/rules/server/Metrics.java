package org.discretion.rules.server;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.discretion.rules.api.Handling;
import org.discretion.rules.api.ReloadResult;

/**
 * The service's Micrometer meters ({@code /actuator/metrics/…}): {@code discretion.decisions} by {@code handling},
 * {@code discretion.evaluation} (latency of one case), {@code discretion.reloads} by {@code outcome},
 * {@code discretion.inputs.rejected} by {@code reason}.
 */
public final class Metrics {
    private final MeterRegistry registry;
    private final Timer evaluation;

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluation = Timer.builder("discretion.evaluation").description("time to decide one case")
                .register(registry);
    }

    void decided(Handling h, long nanos) {
        Counter.builder("discretion.decisions").description("decisions made, by handling").tag("handling", h.name())
                .register(registry).increment();
        evaluation.record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejected(String reason) {
        Counter.builder("discretion.inputs.rejected").description("cases or requests refused as invalid, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    void reload(ReloadResult.Outcome o) {
        Counter.builder("discretion.reloads").description("catalog reloads, by outcome").tag("outcome", o.name())
                .register(registry).increment();
    }
}
