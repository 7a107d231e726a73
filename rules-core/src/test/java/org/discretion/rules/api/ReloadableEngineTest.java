package org.discretion.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload: a catalog folder is rewritten between two versions that decide the same case differently (A: the
 * item holds → NO_PENALTY; B: the item no longer accepts correction within the deadline → 第33条第1款第2句,
 * MAY_NO_PENALTY), and a broken version that must never serve.
 */
class ReloadableEngineTest {
    private static final Path GOOD = Path.of("src/test/resources/fixtures/good").toAbsolutePath();
    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);
    private static final String CATALOG = "tax_first_2021";

    @TempDir
    Path dir;

    private void writeVersion(String v) throws IOException {
        Path cat = dir.resolve(CATALOG);
        Files.createDirectories(cat);
        Files.createDirectories(dir.resolve("law"));
        Files.copy(GOOD.resolve("law/shuishou.yaml"), dir.resolve("law/shuishou.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String yaml = Files.readString(GOOD.resolve(CATALOG + "/catalog.yaml")).replace("version: \"2021-04-01\"", "version: \"" + v + "\"");
        String drl = Files.readString(GOOD.resolve(CATALOG + "/rules.drl"));
        switch (v) {
            case "A" -> { }
            case "B" -> drl = drl.replace("corrected(Correction.BEFORE_DISCOVERY, Correction.WITHIN_DEADLINE)", "corrected(Correction.BEFORE_DISCOVERY)");
            case "BROKEN" -> drl = drl.replaceFirst("then\n", "");
            case "UNSAFE" -> drl = drl.replaceFirst("then\n", "then\n    Runtime.getRuntime().exec(\"rm -rf /\");\n");
            default -> throw new IllegalArgumentException(v);
        }
        Files.writeString(cat.resolve("catalog.yaml"), yaml);
        Files.writeString(cat.resolve("rules.drl"), drl);
    }

    private static CaseInput theCase(int i) {
        return CaseInput.builder("c" + i).item("TAX-1").party(Party.organization()).actDate(DAY).discoveryDate(DAY)
                .decisionDate(DAY).firstOffense(true).harm(Harm.MINOR).severity(Severity.GENERAL)
                .correction(Correction.WITHIN_DEADLINE).build();
    }

    private static String hash(Decision d) {
        return d.catalogVersions().stream().filter(v -> v.id().equals(CATALOG)).findFirst().orElseThrow().contentHash();
    }

    private ReloadableEngine engine() {
        return DiscretionEngine.builder().catalogDirectory(dir).buildReloadable();
    }

    @Test
    void swapsGoodVersionsAndKeepsServingWhenANewVersionIsBroken() throws IOException {
        writeVersion("A");
        ReloadableEngine e = engine();
        assertThat(e.evaluate(theCase(0)).handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(e.reload().outcome()).isEqualTo(ReloadResult.Outcome.UNCHANGED);

        writeVersion("B");
        ReloadResult r = e.reload();
        assertThat(r.outcome()).isEqualTo(ReloadResult.Outcome.SWAPPED);
        assertThat(r.serving()).anyMatch(v -> v.id().equals(CATALOG) && v.version().equals("B"));
        assertThat(e.evaluate(theCase(1)).handling()).isEqualTo(Handling.MAY_NO_PENALTY);

        writeVersion("BROKEN");
        r = e.reload();
        assertThat(r.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(r.errors()).startsWith(dir.resolve(CATALOG + "/rules.drl") + ":17:0: mismatched input 'end'")
                .contains("in rule \"TAX-1\"");
        assertThat(e.evaluate(theCase(2)).handling()).isEqualTo(Handling.MAY_NO_PENALTY);
        assertThat(e.catalogVersions()).anyMatch(v -> v.id().equals(CATALOG) && v.version().equals("B"));

        writeVersion("UNSAFE");
        r = e.reload();
        assertThat(r.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(r.problems()).anyMatch(p -> p.code().equals("UNSAFE_CODE") && p.line() == 14
                && p.message().equals("rule \"TAX-1\": \"Runtime\" found: the consequence (then) must be exactly "
                + "insert($c.finding( <conditions> ));"));
        assertThat(e.evaluate(theCase(3)).handling()).isEqualTo(Handling.MAY_NO_PENALTY);
    }

    @Test
    void aCatalogWhoseMetadataWasDeletedIsAReloadErrorUntilItsRemovalIsAskedFor() throws IOException {
        writeVersion("A");
        Path other = dir.resolve("other_list");
        Files.createDirectories(other);
        Files.copy(Path.of("src/test/resources/security/base/sec_list/catalog.yaml"), other.resolve("catalog.yaml"));
        Files.writeString(other.resolve("catalog.yaml"), Files.readString(other.resolve("catalog.yaml"))
                .replace("id: sec_list", "id: other_list"));
        Files.writeString(other.resolve("rules.drl"), Files.readString(Path.of("src/test/resources/security/base/sec_list/rules.drl"))
                .replace("catalogs.sec_list", "catalogs.other_list"));
        ReloadableEngine e = engine();
        List<ReloadResult> told = new CopyOnWriteArrayList<>();
        e.addListener(new ReloadListener() {
            @Override
            public void onReload(ReloadResult result) {
                told.add(result);
            }
        });

        // catalog.yaml deleted, rules.drl left behind: the folder is refused, the old catalogs keep serving
        Files.delete(other.resolve("catalog.yaml"));
        ReloadResult r = e.reload();
        assertThat(r.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(r.errors()).contains(other + ": the folder has rule files (.drl) but no catalog.yaml");
        assertThat(told).last().isEqualTo(r);
        assertThat(e.catalogVersions()).anyMatch(v -> v.id().equals("other_list"));

        // the whole folder vanished: still an error, naming the catalog and how to remove it on purpose
        Files.delete(other.resolve("rules.drl"));
        Files.delete(other);
        r = e.reload();
        assertThat(r.outcome()).isEqualTo(ReloadResult.Outcome.REJECTED);
        assertThat(r.problems()).anyMatch(p -> p.code().equals("CATALOG_REMOVED") && p.message().startsWith(
                "catalog other_list (安全测试清单（测试用，非真实清单）) serves now but is missing from the catalogs read"));
        assertThat(e.evaluate(theCase(4)).handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(e.catalogVersions()).anyMatch(v -> v.id().equals("other_list"));

        // an explicit removal swaps
        r = e.reload(java.util.Set.of("other_list"));
        assertThat(r.outcome()).isEqualTo(ReloadResult.Outcome.SWAPPED);
        assertThat(e.catalogVersions()).noneMatch(v -> v.id().equals("other_list"));
    }

    @Test
    void evaluationsDuringRepeatedReloadsNeverFailNorMixVersionsAndHeapStaysBounded() throws Exception {
        writeVersion("A");
        ReloadableEngine e = engine();
        String hashA = hash(e.evaluate(theCase(0)));
        writeVersion("B");
        e.reload();
        String hashB = hash(e.evaluate(theCase(0)));
        Map<String, Handling> expected = Map.of(hashA, Handling.NO_PENALTY, hashB, Handling.MAY_NO_PENALTY);
        assertThat(hashA).isNotEqualTo(hashB);

        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<String> mixed = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        int threads = 3;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                int i = 0;
                try {
                    while (!stop.get()) {
                        Decision d = e.evaluate(theCase(i++));
                        String h = hash(d);
                        seen.computeIfAbsent(h, k -> new AtomicInteger()).incrementAndGet();
                        if (expected.get(h) != d.handling()) mixed.add(h + " -> " + d.handling());
                    }
                } catch (Throwable x) {
                    failures.add(x);
                } finally {
                    done.countDown();
                }
            });
            th.setDaemon(true);
            th.start();
        }
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long baseline = 0;
        int reloads = 20;
        long reloadMillis = 0;
        for (int i = 0; i < reloads; i++) {
            writeVersion(i % 2 == 0 ? "A" : "B");
            ReloadResult r = e.reload();
            assertThat(r.outcome()).isEqualTo(ReloadResult.Outcome.SWAPPED);
            reloadMillis += r.millis();
            if (i == 4) baseline = usedAfterGc(mem);
        }
        stop.set(true);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        long after = usedAfterGc(mem);
        System.out.printf("reload: %d reloads, %d ms each on average; heap after GC at reload 5: %d MB, after %d: %d MB; "
                + "evaluations per version: %s%n", reloads, reloadMillis / reloads, baseline >> 20, reloads, after >> 20, seen);
        assertThat(failures).isEmpty();
        assertThat(mixed).isEmpty();
        assertThat(seen.keySet()).containsExactlyInAnyOrder(hashA, hashB);
        // 15 more rebuilds after the baseline: a leak of even one KieBase per reload would show as many MB
        assertThat(after - baseline).isLessThan(24L << 20);
    }

    @Test
    void watchReloadsWhenAFileChanges() throws Exception {
        writeVersion("A");
        try (ReloadableEngine e = engine()) {
            CountDownLatch swapped = new CountDownLatch(1);
            e.addListener(new ReloadListener() {
                @Override
                public void onReload(ReloadResult r) {
                    if (r.outcome() == ReloadResult.Outcome.SWAPPED) swapped.countDown();
                }
            });
            e.watch(Duration.ofMillis(200));
            writeVersion("B");
            assertThat(swapped.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(e.evaluate(theCase(0)).handling()).isEqualTo(Handling.MAY_NO_PENALTY);
        }
    }

    private static long usedAfterGc(MemoryMXBean mem) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
