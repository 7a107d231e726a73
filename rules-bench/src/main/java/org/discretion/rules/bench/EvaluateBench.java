package org.discretion.rules.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Evaluation;
import org.discretion.rules.facts.Finding;

/**
 * Evaluation cost on one catalog set, three ways over the same cases: the public API ({@code evaluate}, full
 * decisions), raw Drools on the same KieBase ({@link RawDrools}) and the hand-written floor ({@link PlainJavaFloor},
 * generated catalogs only). {@code batch} measures {@code evaluateAll} per case.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class EvaluateBench {

    /** Cases per {@code evaluateAll} call. */
    public static final int BATCH = 1000;

    @State(Scope.Benchmark)
    public static class Shared {
        /** {@code shipped} or {@code genN}. */
        @Param({"shipped", "gen100", "gen10000"})
        public String catalog;

        DiscretionEngine engine;
        RawDrools raw;
        PlainJavaFloor floor;
        CaseInput[] cases;
        List<CaseInput> batch;

        @Setup(Level.Trial)
        public void setUp() {
            Catalogs.Setup s = Catalogs.setup(catalog);
            engine = s.engine();
            raw = new RawDrools(engine);
            floor = s.items().isEmpty() ? null : new PlainJavaFloor(s.items());
            cases = s.cases().toArray(new CaseInput[0]);
            batch = List.copyOf(s.cases().subList(0, Math.min(BATCH, s.cases().size())));
            if (batch.size() != BATCH) throw new IllegalStateException("need " + BATCH + " cases");
        }
    }

    /** Each thread walks the cases on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;

        CaseInput next(Shared s) {
            CaseInput c = s.cases[i];
            i = (i + 1) & (s.cases.length - 1);
            return c;
        }
    }

    @Benchmark
    public Decision api(Shared s, Cursor c) {
        return s.engine.evaluate(c.next(s));
    }

    /** The lean screening call: the same decision without the why-not report and the prose. */
    @Benchmark
    public Decision screen(Shared s, Cursor c) {
        return s.engine.screen(c.next(s));
    }

    @Benchmark
    public List<Finding> rawDrools(Shared s, Cursor c) {
        return s.raw.fire(c.next(s));
    }

    @Benchmark
    public PlainJavaFloor.Verdict plainJava(Shared s, Cursor c) {
        if (s.floor == null) throw new IllegalStateException("the plain-Java floor exists for generated catalogs only");
        return s.floor.decide(c.next(s));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Evaluation> batch(Shared s) {
        return s.engine.evaluateAll(s.batch, 1);
    }

    /** {@code evaluateAll} of the same batch on two threads (compare with {@link #batch}). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Evaluation> batch2(Shared s) {
        return s.engine.evaluateAll(s.batch, 2);
    }
}
