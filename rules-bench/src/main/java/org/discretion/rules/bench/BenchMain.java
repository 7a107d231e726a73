package org.discretion.rules.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.ReloadResult;
import org.discretion.rules.api.ReloadableEngine;

/**
 * Runs every benchmark of this module and prints one Markdown table with the ratios ({@code bench/run}). Two
 * profiles: {@code quick} (a few minutes, for development: short iterations, no 10,000-item catalog) and
 * {@code full} (the figures in {@code docs/performance.md}). Besides the JMH benchmarks it measures, in this JVM,
 * the retained heap of an engine and its growth over repeated reloads, and, in child JVMs, the time from JVM start
 * to the first decision.
 */
public final class BenchMain {

    /**
     * @param evalCatalogs  catalog sets for every evaluation benchmark
     * @param growthCatalog the large generated set, measured for API and raw Drools only (its build dominates)
     */
    record Profile(String name, List<String> evalCatalogs, String growthCatalog, List<String> buildCatalogs,
                   int warmups, int iterations, int seconds, int coldForks, int reloads, int heapItems,
                   int startupRuns) {
    }

    static final Profile QUICK = new Profile("quick", List.of("shipped", "gen100"), "gen1000",
            List.of("shipped", "gen1000"), 2, 3, 1, 1, 10, 1000, 1);
    static final Profile FULL = new Profile("full", List.of("shipped", "gen100", "gen1000"), "gen10000",
            List.of("shipped", "gen1000", "gen10000"), 8, 5, 2, 2, 100, 1000, 3); // 8 warm-ups: the full decision's code
            // path takes 10-20 s to reach C2 speed on 2 cores (with 4 the API was still climbing in the measured iterations)

    private final Profile p;
    private final List<String> out = new ArrayList<>();
    /** Figures for the targets table at the end, by target. */
    private final Map<String, Double> figures = new LinkedHashMap<>();

    BenchMain(Profile p) {
        this.p = p;
    }

    public static void main(String[] args) throws Exception {
        Profile p = args.length > 0 && args[0].equals("full") ? FULL : QUICK;
        new BenchMain(p).run();
    }

    void run() throws Exception {
        line("## Results (" + p.name + " profile)");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB.");
        line("");
        startup();
        cliStartup();
        heap();
        cpu();
        cli();
        evaluation();
        build();
        targets();
        System.out.println();
        System.out.println("=".repeat(100));
        out.forEach(System.out::println);
    }

    private void line(String s) {
        out.add(s);
        System.err.println("[bench] " + s);
    }

    // ---- evaluation ---------------------------------------------------------------------------------------

    private ChainedOptionsBuilder eval(String methods, List<String> catalogs) {
        return new OptionsBuilder()
                .include(EvaluateBench.class.getName() + "\\.(" + methods + ")$")
                .param("catalog", catalogs.toArray(new String[0]))
                .warmupIterations(p.warmups).warmupTime(TimeValue.seconds(p.seconds))
                .measurementIterations(p.iterations).measurementTime(TimeValue.seconds(p.seconds))
                .forks(1).shouldFailOnError(true);
    }

    /** score by "method catalog threads". */
    private final Map<String, RunResult> results = new LinkedHashMap<>();

    private void collect(Collection<RunResult> rs, String suffix) {
        for (RunResult r : rs) {
            String method = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
            results.put(method + " " + r.getParams().getParam("catalog") + suffix, r);
        }
    }

    private double score(String key) {
        RunResult r = results.get(key);
        return r == null ? Double.NaN : r.getPrimaryResult().getScore();
    }

    private double error(String key) {
        RunResult r = results.get(key);
        return r == null ? Double.NaN : r.getPrimaryResult().getScoreError();
    }

    private void evaluation() throws RunnerException {
        List<String> generated = p.evalCatalogs.stream().filter(c -> !c.equals("shipped")).toList();
        collect(new Runner(eval("api|screen|rawDrools|batch|batch2", p.evalCatalogs).threads(1).build()).run(), " 1");
        collect(new Runner(eval("api|rawDrools", List.of(p.growthCatalog)).threads(1).build()).run(), " 1");
        collect(new Runner(eval("plainJava", generated).threads(1).build()).run(), " 1");
        collect(new Runner(eval("api|rawDrools", p.evalCatalogs).threads(2).build()).run(), " 2");
        collect(new Runner(eval("api", p.evalCatalogs).threads(1).mode(Mode.SampleTime)
                .timeUnit(java.util.concurrent.TimeUnit.MICROSECONDS).build()).run(), " lat");

        line("### Evaluation throughput (decisions per second, one thread; ± is the 99.9 % confidence half-width)");
        line("");
        line("| catalogs | public API `evaluate` | raw Drools | plain Java floor | API cost ÷ raw Drools | API cost ÷ floor | raw Drools ÷ floor |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        List<String> all = new ArrayList<>(p.evalCatalogs);
        all.add(p.growthCatalog);
        for (String c : all) {
            double api = score("api " + c + " 1");
            double raw = score("rawDrools " + c + " 1");
            double fl = score("plainJava " + c + " 1");
            line("| " + label(c) + " | " + ops(api, error("api " + c + " 1")) + " | " + ops(raw, error("rawDrools " + c + " 1"))
                    + " | " + (Double.isNaN(fl) ? "—" : ops(fl, error("plainJava " + c + " 1"))) + " | "
                    + ratio(raw / api) + " | " + (Double.isNaN(fl) ? "—" : ratio(fl / api)) + " | "
                    + (Double.isNaN(fl) ? "—" : ratio(fl / raw)) + " |");
        }
        line("");
        line("### Latency of `evaluate` (µs per decision, one thread) and two threads");
        line("");
        line("| catalogs | mean | p50 | p99 | p99.9 | API, 2 threads (decisions/s) | 2 threads ÷ 1 | raw Drools, 2 threads | 2 ÷ 1 |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String c : p.evalCatalogs) {
            RunResult lat = results.get("api " + c + " lat");
            var st = lat == null ? null : lat.getPrimaryResult().getStatistics();
            double api2 = score("api " + c + " 2");
            double raw2 = score("rawDrools " + c + " 2");
            line("| " + label(c) + " | " + (st == null ? "—" : us(st.getMean())) + " | "
                    + (st == null ? "—" : us(st.getPercentile(50))) + " | " + (st == null ? "—" : us(st.getPercentile(99)))
                    + " | " + (st == null ? "—" : us(st.getPercentile(99.9))) + " | " + ops(api2, error("api " + c + " 2"))
                    + " | " + ratio(api2 / score("api " + c + " 1")) + " | " + ops(raw2, error("rawDrools " + c + " 2"))
                    + " | " + ratio(raw2 / score("rawDrools " + c + " 1")) + " |");
        }
        line("");
        line("### Batch (`evaluateAll` of " + EvaluateBench.BATCH + " cases, decisions per second, one calling thread)");
        line("");
        line("| catalogs | batch, 1 thread | batch, 2 threads | 2 threads ÷ 1 | single `evaluate` | `screen` | screen ÷ evaluate | raw Drools ÷ screen |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String c : p.evalCatalogs) {
            double b = score("batch " + c + " 1");
            double b2 = score("batch2 " + c + " 1");
            double sc = score("screen " + c + " 1");
            line("| " + label(c) + " | " + ops(b, error("batch " + c + " 1")) + " | " + ops(b2, error("batch2 " + c + " 1"))
                    + " | " + ratio(b2 / b) + " | " + ops(score("api " + c + " 1"), Double.NaN)
                    + " | " + ops(sc, error("screen " + c + " 1")) + " | " + ratio(sc / score("api " + c + " 1"))
                    + " | " + ratio(score("rawDrools " + c + " 1") / sc) + " |");
        }
        if (p.evalCatalogs.contains("gen100")) {
            String big = p.growthCatalog;
            line("");
            line("Growth: per-decision cost with " + label(big) + " ÷ with " + label("gen100") + ": API "
                    + ratio(score("api gen100 1") / score("api " + big + " 1")) + ", raw Drools "
                    + ratio(score("rawDrools gen100 1") / score("rawDrools " + big + " 1")) + ".");
        }
        line("");
    }

    // ---- the CLI on a generated million-case file ---------------------------------------------------------

    /**
     * {@code ./discretion evaluate} end to end in a child JVM on a JSON-lines file generated here (never committed):
     * wall time, cases per second and resident memory sampled every half second, for both JIT settings of the
     * launcher. Needs {@code -Dbench.cli.cp} (set by {@code bench/run}).
     */
    private void cli() throws Exception {
        String cp = System.getProperty("bench.cli.cp");
        if (cp == null) {
            line("(CLI rows skipped: run through bench/run, which sets -Dbench.cli.cp)");
            return;
        }
        int n = p.name.equals("full") ? 1_000_000 : 200_000;
        Path file = CliRun.generate(n);
        line("### The CLI on " + String.format(Locale.ROOT, "%,d", n) + " generated JSON-lines cases ("
                + Files.size(file) / (1 << 20) + " MB; 2 threads; output discarded)");
        line("");
        line("| run | JIT | wall s | cases/s | RSS MB at 25 % / 50 % / 75 % / end | peak RSS MB |");
        line("|---|---|---:|---:|---|---:|");
        for (String[] run : new String[][] {{"compact", "--profile", "compact"}, {"full", "--profile", "full"}}) {
            for (String jit : new String[] {"tiered (C2)", "C1 only"}) {
                int cases = run[0].equals("full") ? Math.min(n, 100_000) : n;
                Path in = cases == n ? file : CliRun.head(file, cases);
                CliRun.Result r = CliRun.run(cp, jit.startsWith("C1"), in, run[1], run[2]);
                if (r.exit() == 0 && !jit.startsWith("C1")) {
                    // the launcher runs a file of this size with C2 (tiered): that is what a user gets
                    figures.put("cli " + run[0] + " seconds", r.seconds());
                    figures.put("cli " + run[0] + " cases", (double) cases);
                    figures.put("cli " + run[0] + " peak", (double) r.peakMb());
                }
                line("| " + run[0] + (cases == n ? "" : " (first " + String.format(Locale.ROOT, "%,d", cases) + ")")
                        + " | " + jit + " | " + String.format(Locale.ROOT, "%.1f", r.seconds()) + " | "
                        + String.format(Locale.ROOT, "%,.0f", cases / r.seconds()) + " | " + r.quarters() + " | " + r.peakMb()
                        + (r.exit() == 0 ? "" : " (exit " + r.exit() + ")") + " |");
            }
        }
        line("");
        Files.deleteIfExists(file);
    }

    // ---- CPU time ---------------------------------------------------------------------------------------------

    private void cpu() {
        line("### CPU time per decision (µs of the evaluating thread's CPU; robust to other load on the machine)");
        line("");
        line("| catalogs | public API | `screen` | raw Drools | plain Java floor | API ÷ raw Drools | screen ÷ raw Drools | API ÷ floor |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, Map<String, Double>> all = new LinkedHashMap<>();
        for (String c : p.evalCatalogs) {
            Map<String, Double> m = CpuTimeProbe.measure(c, p.name.equals("full") ? 7 : 3);
            all.put(c, m);
            if (c.equals("shipped")) m.forEach((k, v) -> figures.put("cpu " + k, v / 1000));
            Double fl = m.get("plainJava");
            line("| " + label(c) + " | " + us(m.get("api") / 1000) + " | " + us(m.get("screen") / 1000) + " | "
                    + us(m.get("rawDrools") / 1000) + " | "
                    + (fl == null ? "—" : String.format(Locale.ROOT, "%.3f", fl / 1000)) + " | "
                    + ratio(m.get("api") / m.get("rawDrools")) + " | " + ratio(m.get("screen") / m.get("rawDrools")) + " | "
                    + (fl == null ? "—" : ratio(m.get("api") / fl)) + " |");
        }
        line("");
        line("Batches (`screenAll` / `evaluateAll` on one thread: " + CpuTimeProbe.CHUNK + " cases per call and per Drools session; "
                + "raw Drools likewise " + CpuTimeProbe.CHUNK + " cases in one session), µs of CPU per case:");
        line("");
        line("| catalogs | `screenAll` | `evaluateAll` | raw Drools, shared session | screenAll ÷ raw shared | evaluateAll ÷ raw shared | screenAll ÷ single `screen` |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        all.forEach((c, m) -> line("| " + label(c) + " | " + us(m.get("screenAll") / 1000) + " | " + us(m.get("evaluateAll") / 1000)
                + " | " + us(m.get("rawDroolsShared") / 1000) + " | " + ratio(m.get("screenAll") / m.get("rawDroolsShared"))
                + " | " + ratio(m.get("evaluateAll") / m.get("rawDroolsShared")) + " | " + ratio(m.get("screenAll") / m.get("screen")) + " |"));
        line("");
    }

    // ---- build --------------------------------------------------------------------------------------------

    private void build() throws RunnerException {
        ChainedOptionsBuilder base = new OptionsBuilder().include(BuildBench.class.getName() + "\\.build$")
                .param("catalog", p.buildCatalogs.toArray(new String[0])).shouldFailOnError(true);
        Map<String, RunResult> cold = new LinkedHashMap<>();
        for (RunResult r : new Runner(base.forks(p.coldForks).warmupIterations(0).measurementIterations(1).build()).run()) {
            cold.put(r.getParams().getParam("catalog"), r);
        }
        Map<String, RunResult> warm = new LinkedHashMap<>();
        ChainedOptionsBuilder w = new OptionsBuilder().include(BuildBench.class.getName() + "\\.build$")
                .param("catalog", p.buildCatalogs.toArray(new String[0])).shouldFailOnError(true)
                .forks(1).warmupIterations(2).measurementIterations(p.name.equals("full") ? 3 : 2);
        for (RunResult r : new Runner(w.build()).run()) {
            warm.put(r.getParams().getParam("catalog"), r);
        }
        line("### Building an engine (ms; cold = first build in a fresh JVM, warm = rebuild in a running JVM = reload)");
        line("");
        line("| catalogs | cold | warm (reload) |");
        line("|---|---:|---:|");
        for (String c : p.buildCatalogs) {
            line("| " + label(c) + " | " + ms(cold.get(c)) + " | " + ms(warm.get(c)) + " |");
        }
        line("");
    }

    private static String ms(RunResult r) {
        if (r == null) return "—";
        var s = r.getPrimaryResult().getStatistics();
        return String.format(Locale.ROOT, "%,.0f", s.getMean()) + (s.getN() > 1
                ? String.format(Locale.ROOT, " (min %,.0f, max %,.0f, n=%d)", s.getMin(), s.getMax(), s.getN()) : "");
    }

    // ---- heap ---------------------------------------------------------------------------------------------

    private static long usedAfterGc() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    private void heap() throws Exception {
        DiscretionEngine warmUp = DiscretionEngine.builder().build(); // loads the compiler's classes
        warmUp.catalogVersions();
        warmUp = null;
        Path dir = Catalogs.generate(p.heapItems, "1");
        long before = usedAfterGc();
        ReloadableEngine engine = DiscretionEngine.builder().catalogDirectory(dir).buildReloadable();
        long after = usedAfterGc();
        line("### Retained heap and reloads");
        line("");
        figures.put("retained heap", (after - before) / 1048576.0);
        line("Engine with " + p.heapItems + " generated items: retained heap " + mb(after - before) + " MB (used heap after GC, "
                + "before " + mb(before) + " MB, after " + mb(after) + " MB).");
        List<String> samples = new ArrayList<>();
        long first = -1;
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= p.reloads; i++) {
            // alternate two versions of the folder so that every reload really compiles and swaps
            GeneratedCatalogs.write(dir, p.heapItems, i % 2 == 1 ? "2" : "1");
            ReloadResult r = engine.reload();
            if (r.outcome() != ReloadResult.Outcome.SWAPPED) {
                throw new IllegalStateException("reload " + i + " was " + r.outcome() + ": " + r.problems());
            }
            millis.add(r.millis());
            if (i == 1 || i == p.reloads || i % Math.max(1, p.reloads / 4) == 0) {
                long u = usedAfterGc();
                if (first < 0) first = u;
                samples.add("after " + i + ": " + mb(u) + " MB");
            }
        }
        millis.sort(null);
        figures.put("reload median", (double) millis.get(millis.size() / 2));
        figures.put("reload max", (double) millis.get(millis.size() - 1));
        line("");
        line(p.reloads + " reloads (`ReloadableEngine.reload()`, read + compile + check + swap) of a " + p.heapItems
                + "-item folder alternating between two versions: median " + millis.get(millis.size() / 2) + " ms, max "
                + millis.get(millis.size() - 1) + " ms per reload; used heap after GC " + String.join(", ", samples) + ".");
        line("");
        engine.close();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    // ---- start-up -----------------------------------------------------------------------------------------

    private void startup() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> walls = new ArrayList<>();
        String answer = "";
        for (int i = 0; i < p.startupRuns; i++) {
            long t0 = System.nanoTime();
            Process proc = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    StartupProbe.class.getName()).redirectErrorStream(true).start();
            String o = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int rc = proc.waitFor();
            walls.add((System.nanoTime() - t0) / 1_000_000);
            if (rc != 0) throw new IllegalStateException("StartupProbe failed (" + rc + "): " + o);
            answer = o;
        }
        walls.sort(null);
        line("### Start-up");
        line("");
        line("JVM start to first decision with the shipped catalogs (a new `java` process that builds the engine, "
                + "evaluates one case and exits): median " + walls.get(walls.size() / 2) + " ms of " + walls
                + " (probe printed \"" + answer + "\": handling and ms from JVM start to the decision).");
        line("");
    }

    /**
     * Start-up as a user meets it: {@code ./discretion evaluate} on the shipped example, the CLI jar with the shipped
     * catalogs compiled at build time ({@code rules-prebuilt}) and the launcher's flags for one case (C1 only, serial
     * GC), wall time from process start to exit, median of the runs.
     */
    private void cliStartup() throws IOException, InterruptedException {
        String cp = System.getProperty("bench.cli.cp");
        Path example = Path.of(System.getProperty("bench.example", "examples/cases/tax-first-offense.json"));
        if (cp == null || !Files.exists(example)) {
            line("(CLI start-up skipped: run through bench/run, which sets -Dbench.cli.cp and runs from the project root)");
            line("");
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> walls = new ArrayList<>();
        String first = "";
        for (int i = 0; i < Math.max(5, p.startupRuns); i++) {
            long t0 = System.nanoTime();
            Process proc = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m", "-cp", cp,
                    "org.discretion.rules.cli.Main", "evaluate", "--profile", "compact", example.toString())
                    .redirectErrorStream(true).start();
            String o = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int rc = proc.waitFor();
            walls.add((System.nanoTime() - t0) / 1_000_000);
            if (rc != 0) throw new IllegalStateException("the CLI failed (" + rc + "): " + o);
            first = o.length() > 60 ? o.substring(0, 60) + "…" : o;
        }
        walls.sort(null);
        figures.put("cli startup", (double) walls.get(walls.size() / 2));
        line("Through the CLI (`./discretion evaluate " + example + "`: the launcher's flags for one case, shipped catalogs "
                + "compiled at build time by `rules-prebuilt`), process start to exit: median " + walls.get(walls.size() / 2)
                + " ms of " + walls + " (first output: `" + first + "`).");
        line("");
    }

    /** The targets of issue 12, each with what this run measured and whether it is met. */
    private void targets() {
        line("### Targets (issue 12) against this run");
        line("");
        line("| target | measured | |");
        line("|---|---|---|");
        Double api = figures.get("cpu api"), screen = figures.get("cpu screen"), raw = figures.get("cpu rawDrools");
        target("screening ≤ 4 µs CPU per decision, shipped catalogs (≥ 250,000/s on one thread)", screen,
                screen == null ? "—" : us(screen) + " µs (" + String.format(Locale.ROOT, "%,.0f", 1e6 / screen) + "/s)",
                screen != null && screen <= 4);
        Double sa = figures.get("cpu screenAll"), ea = figures.get("cpu evaluateAll"), rs = figures.get("cpu rawDroolsShared");
        target("— the same, screening in batches (`screenAll`)", sa,
                sa == null ? "—" : us(sa) + " µs (" + String.format(Locale.ROOT, "%,.0f", 1e6 / sa) + "/s)", sa != null && sa <= 4);
        target("full decision ≤ 10 µs CPU (≥ 100,000/s)", api,
                api == null ? "—" : us(api) + " µs (" + String.format(Locale.ROOT, "%,.0f", 1e6 / api) + "/s)",
                api != null && api <= 10);
        target("public API ≤ 1.5 × raw Drools (full decision)", api,
                api == null || raw == null ? "—" : ratio(api / raw) + " (" + us(api) + " ÷ " + us(raw) + " µs)",
                api != null && raw != null && api / raw <= 1.5);
        target("screening ≤ 1.1 × raw Drools", screen,
                screen == null || raw == null ? "—" : ratio(screen / raw) + " (" + us(screen) + " ÷ " + us(raw) + " µs)",
                screen != null && raw != null && screen / raw <= 1.1);
        target("— the same in batches (`screenAll`, `evaluateAll` ÷ raw Drools with a shared session)", sa,
                sa == null || rs == null ? "—" : "screening " + ratio(sa / rs) + ", full " + ratio(ea / rs) + " (" + us(sa) + ", "
                        + us(ea) + " ÷ " + us(rs) + " µs)", sa != null && rs != null && sa / rs <= 1.1 && ea / rs <= 1.5);
        double b = score("batch shipped 1"), b2 = score("batch2 shipped 1");
        target("`evaluateAll` on 2 threads ≥ 1.8 × one thread", Double.isNaN(b2) ? null : b2 / b,
                Double.isNaN(b2) ? "—" : ratio(b2 / b) + " (" + ops(b2, Double.NaN) + " ÷ " + ops(b, Double.NaN) + " decisions/s)",
                !Double.isNaN(b2) && b2 / b >= 1.8);
        Double cs = figures.get("cli compact seconds"), cn = figures.get("cli compact cases"), cp = figures.get("cli compact peak");
        double scaled = cs == null ? Double.NaN : cs * 1_000_000 / cn;
        target("CLI: 1,000,000 JSON-lines cases, compact output, ≤ 60 s", cs,
                cs == null ? "—" : String.format(Locale.ROOT, "%.1f s", scaled) + (cn < 1_000_000
                        ? String.format(Locale.ROOT, " (scaled from %,.0f cases in %.1f s)", cn, cs) : ""),
                cs != null && scaled <= 60);
        target("CLI resident memory < 512 MB and flat", cp, cp == null ? "—" : String.format(Locale.ROOT, "peak %.0f MB", cp)
                + " (quarter points in the CLI table)", cp != null && cp < 512);
        Double fs = figures.get("cli full seconds"), fn = figures.get("cli full cases");
        target("CLI full output ≥ 10,000 cases/s", fs, fs == null ? "—" : String.format(Locale.ROOT, "%,.0f cases/s", fn / fs),
                fs != null && fn / fs >= 10_000);
        Double st = figures.get("cli startup");
        target("start-up to first decision < 2 s (the CLI on one case)", st, st == null ? "—" : String.format(Locale.ROOT, "%,.0f ms", st),
                st != null && st < 2000);
        Double rl = figures.get("reload median");
        target("reload of 1,000 items < 2 s", rl, rl == null ? "—" : String.format(Locale.ROOT, "median %,.0f ms, max %,.0f ms", rl,
                figures.get("reload max")), rl != null && rl < 2000);
        Double h = figures.get("retained heap");
        target("retained heap < 50 MB (1,000 items)", h, h == null ? "—" : String.format(Locale.ROOT, "%.1f MB", h), h != null && h < 50);
        line("");
        line("Load average at the end of the run: " + loadAverage() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores (CPU-time rows are robust to load; wall-clock rows are not).");
        line("");
    }

    private void target(String what, Double value, String measured, boolean met) {
        line("| " + what + " | " + measured + " | " + (value == null ? "not measured" : met ? "met" : "**missed**") + " |");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    // ---- formatting ---------------------------------------------------------------------------------------

    static String label(String c) {
        if (c.equals("shipped")) return "shipped";
        return String.format(Locale.ROOT, "%,d generated items", Catalogs.generatedCount(c));
    }

    static String ops(double v, double err) {
        if (Double.isNaN(v)) return "—";
        return String.format(Locale.ROOT, "%,.0f", v) + (Double.isNaN(err) ? "" : String.format(Locale.ROOT, " ± %,.0f", err));
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "—" : String.format(Locale.ROOT, "%.2f×", r);
    }

    static String us(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
