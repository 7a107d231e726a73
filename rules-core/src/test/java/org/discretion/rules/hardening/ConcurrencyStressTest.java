package org.discretion.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Evaluation;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.ReloadResult;
import org.discretion.rules.api.ReloadableEngine;
import org.discretion.rules.internal.EngineImpl;
import org.discretion.rules.internal.RuleBase;

/**
 * Many threads evaluate while the catalogs are swapped between two versions under them (directly, and through
 * {@link ReloadableEngine#reload()}). Bounded: a fixed number of
 * evaluations per thread and a timeout. Every evaluation must succeed (or fail as the single-threaded evaluation
 * of the same case fails), and every decision must equal the single-threaded decision for the same case and the
 * catalog version the decision reports (its content hash).
 */
class ConcurrencyStressTest {
    static final int THREADS = 8;
    static final int PER_THREAD = 1500;

    @TempDir
    Path v1;
    @TempDir
    Path v2;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void evaluationsUnderConcurrentReloadsAreCompleteAndIdenticalToSingleThreaded() throws Exception {
        DiscretionEngine e1 = Fixtures.engine(Fixtures.write(v1, "1", 1000));
        DiscretionEngine e2 = Fixtures.engine(Fixtures.write(v2, "2", 1500));
        String h1 = hash(e1);
        String h2 = hash(e2);
        assertThat(h1).isNotEqualTo(h2);

        Arbitrary<CaseInput> gen = Generators.cases();
        List<CaseInput> cases = gen.sampleStream().limit(400).toList();
        // expected outcome per case id and catalog hash, computed single-threaded on engines that are never swapped
        Map<String, Map<Integer, Object>> expected = new HashMap<>();
        expected.put(h1, expectations(e1, cases));
        expected.put(h2, expectations(e2, cases));
        long differing = java.util.stream.IntStream.range(0, cases.size())
                .filter(i -> !expected.get(h1).get(i).equals(expected.get(h2).get(i))).count();
        assertThat(differing).as("the two catalog versions must decide some cases differently").isPositive();

        // the engine under test starts on version 1; a reloader swaps rule bases while the workers evaluate
        EngineImpl engine = (EngineImpl) Fixtures.engine(v1);
        RuleBase rb1 = ((EngineImpl) e1).ruleBase();
        RuleBase rb2 = ((EngineImpl) e2).ruleBase();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        Thread reloader = new Thread(() -> {
            while (!done.get()) {
                engine.swap(swaps.incrementAndGet() % 2 == 0 ? rb1 : rb2);
                Thread.onSpinWait();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }, "reloader");

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong evaluated = new AtomicLong();
        Map<String, AtomicLong> perVersion = Map.of(h1, new AtomicLong(), h2, new AtomicLong());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < PER_THREAD; n++) {
                    int i = (n * 7919 + seed * 104729) % cases.size();
                    CaseInput c = cases.get(i);
                    if (n % 50 == 0) {
                        // now and then a batch, which must match case by case as well
                        List<Evaluation> batch = engine.evaluateAll(List.of(c, cases.get((i + 1) % cases.size())));
                        for (int k = 0; k < batch.size(); k++) {
                            Evaluation ev = batch.get(k);
                            int idx = (i + k) % cases.size();
                            compare(ev.ok() ? ev.decision() : ev.error(), idx, expected, failures, perVersion, h1);
                        }
                        evaluated.addAndGet(batch.size());
                        continue;
                    }
                    Object outcome;
                    try {
                        outcome = engine.evaluate(c);
                    } catch (InvalidCaseException ex) {
                        outcome = ex;
                    } catch (RuntimeException ex) {
                        failures.add("case " + c.id() + " #" + i + ": " + ex);
                        continue;
                    }
                    compare(outcome, i, expected, failures, perVersion, h1);
                    evaluated.incrementAndGet();
                }
                return null;
            }));
        }
        reloader.start();
        start.countDown();
        for (Future<?> f : futures) f.get(110, TimeUnit.SECONDS);
        done.set(true);
        reloader.join();
        pool.shutdown();

        assertThat(failures).as("failed or differing evaluations").isEmpty();
        assertThat(evaluated.get()).isEqualTo((long) THREADS * PER_THREAD + THREADS * (PER_THREAD / 50));
        assertThat(swaps.get()).as("reloads during the run").isGreaterThan(10);
        assertThat(perVersion.get(h1).get()).as("decisions on version 1").isPositive();
        assertThat(perVersion.get(h2).get()).as("decisions on version 2").isPositive();
    }

    /**
     * The same through the public reload path: workers evaluate while the catalog folder is rewritten between two
     * versions and {@link ReloadableEngine#reload()} swaps each in.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void evaluationsDuringReloadableEngineReloadsAreIdenticalToSingleThreaded(@TempDir Path serving) throws Exception {
        DiscretionEngine e1 = Fixtures.engine(Fixtures.write(v1, "1", 1000));
        DiscretionEngine e2 = Fixtures.engine(Fixtures.write(v2, "2", 1500));
        String h1 = hash(e1);
        String h2 = hash(e2);
        List<CaseInput> cases = Generators.cases().sampleStream().limit(300).toList();
        Map<String, Map<Integer, Object>> expected = Map.of(h1, expectations(e1, cases), h2, expectations(e2, cases));

        Fixtures.write(serving, "1", 1000);
        try (ReloadableEngine engine = DiscretionEngine.builder().clock(org.discretion.rules.Engines.FIXED)
                .catalogDirectory(serving).buildReloadable()) {
            assertThat(hash(engine)).isEqualTo(h1);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Map<String, AtomicLong> perVersion = Map.of(h1, new AtomicLong(), h2, new AtomicLong());
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong evaluated = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    // bounded: stops when the reloads are done, or after 200,000 evaluations
                    for (int n = 0; n < 200_000 && !done.get(); n++) {
                        int i = (n * 31 + seed * 101) % cases.size();
                        Object outcome;
                        try {
                            outcome = engine.evaluate(cases.get(i));
                        } catch (InvalidCaseException ex) {
                            outcome = ex;
                        } catch (RuntimeException ex) {
                            failures.add("case #" + i + ": " + ex);
                            continue;
                        }
                        compare(outcome, i, expected, failures, perVersion, h1);
                        evaluated.incrementAndGet();
                    }
                    return null;
                }));
            }
            List<ReloadResult.Outcome> outcomes = new ArrayList<>();
            for (int k = 1; k <= 4; k++) {
                Thread.sleep(200);
                Fixtures.write(serving, k % 2 == 1 ? "2" : "1", k % 2 == 1 ? 1500 : 1000);
                outcomes.add(engine.reload().outcome());
            }
            Thread.sleep(200);
            done.set(true);
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();

            assertThat(outcomes).containsOnly(ReloadResult.Outcome.SWAPPED).hasSize(4);
            assertThat(failures).as("failed or differing evaluations").isEmpty();
            assertThat(evaluated.get()).isPositive();
            assertThat(perVersion.get(h1).get()).as("decisions on version 1").isPositive();
            assertThat(perVersion.get(h2).get()).as("decisions on version 2").isPositive();
        }
    }

    private static void compare(Object outcome, int i, Map<String, Map<Integer, Object>> expected,
                                ConcurrentLinkedQueue<String> failures, Map<String, AtomicLong> perVersion, String h1) {
        if (outcome instanceof Decision d) {
            String h = fixtureHash(d.catalogVersions());
            if (h == null) {
                // a case that names no fixture item: both versions must agree, compare with version 1
                h = h1;
            } else {
                perVersion.get(h).incrementAndGet();
            }
            Object want = expected.get(h).get(i);
            if (!d.equals(want)) failures.add("case #" + i + " on " + h + ": got " + d + "\nwant " + want);
        } else {
            InvalidCaseException e = (InvalidCaseException) outcome;
            Object want = expected.get(h1).get(i);
            if (!(want instanceof String msg) || !msg.equals(e.getMessage())) {
                failures.add("case #" + i + ": error " + e.getMessage() + ", want " + want);
            }
        }
    }

    private static Map<Integer, Object> expectations(DiscretionEngine e, List<CaseInput> cases) {
        Map<Integer, Object> m = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            try {
                m.put(i, e.evaluate(cases.get(i)));
            } catch (InvalidCaseException ex) {
                m.put(i, ex.getMessage());
            }
        }
        return m;
    }

    private static String hash(DiscretionEngine e) {
        return fixtureHash(e.catalogVersions());
    }

    private static String fixtureHash(List<CatalogVersion> versions) {
        return versions.stream().filter(v -> v.id().equals("fx_lists")).map(CatalogVersion::contentHash).findFirst().orElse(null);
    }

}
