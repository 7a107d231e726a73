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
        return evaluate(input, false);
    }

    @Override
    public Decision screen(CaseInput input) {
        return evaluate(input, true);
    }

    private Decision evaluate(CaseInput input, boolean lean) {
        if (input == null) {
            throw new InvalidCaseException(null, "", "the case is null");
        }
        Evaluator ev = current.get();
        for (EvaluationListener l : listeners) l.beforeEvaluation(input);
        long t0 = System.nanoTime();
        Decision d;
        try {
            d = ev.evaluate(input, LocalDate.now(clock), lean);
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
        return evaluateAll(inputs, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Splits the batch over {@code threads} threads that take chunks of {@value #CHUNK} cases from one shared counter
     * (so a slow case does not hold back a fixed share); each result lands at its input position. Every thread
     * evaluates on the same immutable rule base; the cases of a chunk share one Drools session
     * ({@link Evaluator#evaluateMany}: the same decisions as one session per case).
     */
    @Override
    public List<Evaluation> evaluateAll(List<CaseInput> inputs, int threads) {
        return all(inputs, threads, false);
    }

    @Override
    public List<Evaluation> screenAll(List<CaseInput> inputs, int threads) {
        return all(inputs, threads, true);
    }

    private List<Evaluation> all(List<CaseInput> inputs, int threads, boolean lean) {
        if (threads <= 0) throw new IllegalArgumentException("threads must be positive, was " + threads);
        int n = inputs.size();
        Evaluation[] out = new Evaluation[n];
        int workers = Math.min(threads, n / MIN_CASES_PER_THREAD);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndAdd(CHUNK); i < n; i = next.getAndAdd(CHUNK)) {
                chunk(inputs, i, Math.min(n, i + CHUNK), out, lean);
            }
        };
        if (workers <= 1) {
            work.run();
            return List.of(out);
        }
        List<Thread> started = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 1; t < workers; t++) {
            Thread th = new Thread(work, "discretion-evaluateAll-" + t);
            th.setDaemon(true);
            th.setUncaughtExceptionHandler((x, e) -> {
                synchronized (failure) {
                    failure[0] = e;
                }
            });
            th.start();
            started.add(th);
        }
        work.run();
        for (Thread th : started) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.discretion.rules.api.DiscretionException("interrupted while evaluating a batch", e);
            }
        }
        synchronized (failure) {
            // only an Error can get here: chunk() turns everything the engine or a listener throws into a case's error
            if (failure[0] instanceof RuntimeException r) throw r;
            if (failure[0] instanceof Error e) throw e;
        }
        return List.of(out);
    }

    /** Below this many cases per thread, starting threads costs more than it saves. */
    private static final int MIN_CASES_PER_THREAD = 32;
    /** Cases per shared Drools session in a batch. */
    static final int CHUNK = 16;

    /**
     * Cases {@code from} to {@code to} of a batch, each to its decision or its error — also when the engine or a
     * listener fails on it. The chunk is evaluated first; then, case after case in input order, the listeners see
     * {@code beforeEvaluation} and {@code afterEvaluation} (or {@code onInvalidCase}) of that case, so that the two
     * calls of a case stay adjacent on the thread, as for a single evaluation ({@code nanos}: the case's share of the
     * chunk).
     */
    private void chunk(List<CaseInput> inputs, int from, int to, Evaluation[] out, boolean lean) {
        List<CaseInput> cases = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            CaseInput in = inputs.get(i);
            if (in == null) {
                out[i] = Evaluation.failed(new InvalidCaseException(null, "", "the case is null"));
            } else {
                cases.add(in);
            }
        }
        if (cases.isEmpty()) return;
        long t0 = System.nanoTime();
        List<Object> results = current.get().evaluateMany(cases, LocalDate.now(clock), lean);
        long share = Math.max(1, (System.nanoTime() - t0) / cases.size());
        int k = 0;
        for (int i = from; i < to; i++) {
            CaseInput in = inputs.get(i);
            if (in == null) continue;
            Object r = results.get(k++);
            try {
                for (EvaluationListener l : listeners) l.beforeEvaluation(in);
                if (r instanceof Decision d) {
                    for (EvaluationListener l : listeners) l.afterEvaluation(in, d, share);
                    out[i] = Evaluation.of(d);
                } else if (r instanceof InvalidCaseException e) {
                    for (EvaluationListener l : listeners) l.onInvalidCase(in, e);
                    out[i] = Evaluation.failed(e);
                } else {
                    out[i] = Evaluation.failed(engineFailure(in, (Throwable) r));
                }
            } catch (RuntimeException e) {
                out[i] = Evaluation.failed(engineFailure(in, e));
            }
        }
    }

    /**
     * The error of a case on which the engine failed (a bug, or a value no rule foresaw): named by the case, without
     * a stack trace, so that a batch goes on.
     */
    public static InvalidCaseException engineFailure(CaseInput in, Throwable e) {
        return new InvalidCaseException(in == null ? null : in.id(), "", "the engine could not decide this case ("
                + e.getClass().getSimpleName() + "); the other cases are not affected — please report this case");
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
