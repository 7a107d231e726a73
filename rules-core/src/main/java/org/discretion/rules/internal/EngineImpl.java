package org.discretion.rules.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.EvaluationListener;
import org.discretion.rules.api.Evaluation;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.Settings;

/**
 * The engine. Holds the current {@link Evaluator} (a compiled {@link RuleBase} and the settings) in an atomic
 * reference: an evaluation reads it once, so it runs entirely on one version even while a reload swaps in another.
 */
public final class EngineImpl implements DiscretionEngine {
    private final AtomicReference<Evaluator> current;
    private final Settings settings;
    private final List<EvaluationListener> listeners;
    private final Clock clock;
    private final Supplier<Sources> sources;

    public EngineImpl(RuleBase rb, Settings settings, List<EvaluationListener> listeners, Clock clock,
                      Supplier<Sources> sources) {
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.sources = sources;
        this.current = new AtomicReference<>(new Evaluator(rb, settings, VERSION));
    }

    @Override
    public Decision evaluate(CaseInput input) {
        if (input == null) {
            throw new InvalidCaseException(null, "", "the case is null");
        }
        Evaluator ev = current.get();
        for (EvaluationListener l : listeners) l.beforeEvaluation(input);
        long t0 = System.nanoTime();
        Decision d;
        try {
            d = ev.evaluate(input, LocalDate.now(clock));
        } catch (InvalidCaseException e) {
            for (EvaluationListener l : listeners) l.onInvalidCase(input, e);
            throw e;
        }
        long nanos = System.nanoTime() - t0;
        for (EvaluationListener l : listeners) l.afterEvaluation(input, d, nanos);
        return d;
    }

    @Override
    public List<Evaluation> evaluateAll(List<CaseInput> inputs) {
        List<Evaluation> out = new ArrayList<>(inputs.size());
        for (CaseInput in : inputs) {
            try {
                out.add(Evaluation.of(evaluate(in)));
            } catch (InvalidCaseException e) {
                out.add(Evaluation.failed(e));
            }
        }
        return out;
    }

    @Override
    public List<CatalogVersion> catalogVersions() {
        return List.copyOf(current.get().ruleBase().versions().values());
    }

    /** The rule base now serving (for tooling in this module). */
    public RuleBase ruleBase() {
        return current.get().ruleBase();
    }

    /** The sources the engine was built from, read again (for reload). */
    public Sources readSources() {
        return sources.get();
    }

    /** Swaps in a new rule base; evaluations in flight finish on the one they started with. */
    public void swap(RuleBase rb) {
        current.set(new Evaluator(rb, settings, VERSION));
    }
}
