package org.discretion.rules.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.discretion.rules.api.CaseInput;

/**
 * CPU time per decision of the calling thread, for the API, raw Drools and the floor on the same cases. On a shared
 * machine wall-clock throughput drops whenever other processes run; the CPU time a thread spends per decision does
 * not, so this is the contention-robust companion of {@link EvaluateBench} (same cases, same warm-up idea:
 * rounds until the JIT has settled, then the median of the measured rounds).
 */
public final class CpuTimeProbe {
    private CpuTimeProbe() {
    }

    /** Nanoseconds of CPU per call, median of {@code rounds} rounds after {@code warmupRounds}. */
    public static double nanosPerCall(Function<CaseInput, Object> f, List<CaseInput> cases, int warmupRounds, int rounds,
                                      int callsPerRound) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] r = new double[rounds];
        Object sink = null;
        for (int round = -warmupRounds; round < rounds; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < callsPerRound; i++) {
                sink = f.apply(cases.get(i & (cases.size() - 1)));
            }
            long t = mx.getCurrentThreadCpuTime() - t0;
            if (round >= 0) r[round] = (double) t / callsPerRound;
        }
        if (sink == null) throw new IllegalStateException();
        java.util.Arrays.sort(r);
        return r[rounds / 2];
    }

    /** Cases per batch call: the engine's chunk size. */
    static final int CHUNK = 16;

    /** A per-case function that, every {@value #CHUNK} calls, evaluates the next {@value #CHUNK} cases in one call. */
    static Function<CaseInput, Object> batched(List<CaseInput> cases, Function<List<CaseInput>, Object> batch) {
        return new Function<>() {
            private int k;

            @Override
            public Object apply(CaseInput ignored) {
                int i = k++;
                if (i % CHUNK != 0) return Boolean.TRUE;
                int from = i & (cases.size() - 1);
                return batch.apply(cases.subList(from, Math.min(cases.size(), from + CHUNK)));
            }
        };
    }

    /** {@code CpuTimeProbe [catalogs] [rounds]}: prints µs of CPU per decision for api, screen, rawDrools and plainJava. */
    public static void main(String[] args) {
        String catalog = args.length > 0 ? args[0] : "gen100";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, Double> m = measure(catalog, rounds);
        m.forEach((k, v) -> System.out.println(String.format(Locale.ROOT, "%-10s %-10s %10.2f µs CPU/decision", catalog, k, v / 1000)));
    }

    /**
     * Every path twice, in the same order: the first pass only warms up (a path measured first otherwise runs while the
     * JIT is still compiling the others' code and deoptimising shared call sites: in one run the API measured first
     * cost twice what the same calls cost in a batch measured later); the second pass is reported.
     */
    static Map<String, Double> measure(String catalog, int rounds) {
        Catalogs.Setup s = Catalogs.setup(catalog);
        RawDrools raw = new RawDrools(s.engine());
        Map<String, Double> out = new LinkedHashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            int r = pass == 0 ? 1 : rounds;
            out.put("api", nanosPerCall(c -> s.engine().evaluate(c), s.cases(), 10, r, 5000));
            out.put("screen", nanosPerCall(c -> s.engine().screen(c), s.cases(), 10, r, 5000));
            out.put("rawDrools", nanosPerCall(raw::fire, s.cases(), 10, r, 5000));
            // batches: 16 cases per call on this thread (one shared session per chunk), the cost per case
            out.put("screenAll", nanosPerCall(batched(s.cases(), chunk -> s.engine().screenAll(chunk, 1)), s.cases(), 10, r, 5120));
            out.put("evaluateAll", nanosPerCall(batched(s.cases(), chunk -> s.engine().evaluateAll(chunk, 1)), s.cases(), 10, r, 5120));
            out.put("rawDroolsShared", nanosPerCall(batched(s.cases(), raw::fireMany), s.cases(), 10, r, 5120));
            if (!s.items().isEmpty()) {
                PlainJavaFloor floor = new PlainJavaFloor(s.items());
                out.put("plainJava", nanosPerCall(floor::decide, s.cases(), 10, r, 200_000));
            }
        }
        return out;
    }
}
