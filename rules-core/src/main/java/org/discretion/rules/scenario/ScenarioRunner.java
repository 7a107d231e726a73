package org.discretion.rules.scenario;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.ConditionReport;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.DiscretionEngineBuilder;
import org.discretion.rules.api.FineRange;
import org.discretion.rules.api.GroundReport;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.MatchedItem;
import org.discretion.rules.api.MissingFact;
import org.discretion.rules.api.Settings;
import org.discretion.rules.api.Status;

/**
 * Runs scenarios against a real engine and compares <b>only what each scenario states</b>.
 *
 * <pre>{@code
 * ScenarioRunner runner = ScenarioRunner.builder().classpathCatalogs().build();
 * RunSummary run = runner.runAll(Path.of("src/test/resources/scenarios"));
 * run.results().stream().filter(r -> !r.passed()).forEach(r -> System.out.println(r.report()));
 * System.out.println(run.coverage().text());
 * }</pre>
 *
 * <p>Engines are expensive to build (seconds) and cheap to use (well under a millisecond per case), so runners with
 * the same catalog set share one engine for the life of the JVM. A suite's and a scenario's {@code evaluationDate}
 * is applied per evaluation, not per engine.
 *
 * <p>Semantics a tester relies on: a case that does not name its own {@code catalogs} is restricted to the suite's
 * {@code catalogs}; a suite whose catalogs are not loaded fails every scenario with a message naming the missing
 * catalog; a case rejected as invalid input fails unless the scenario expects exactly that ({@code expect.error}).
 * Thread-safe.
 */
public final class ScenarioRunner {
    private record EngineKey(boolean classpath, ClassLoader classLoader, List<Path> directories, Settings settings) {
    }

    private static final Map<EngineKey, DiscretionEngine> ENGINES = new ConcurrentHashMap<>();

    private final EngineKey key;

    private ScenarioRunner(EngineKey key) {
        this.key = key;
    }

    /** A builder; without {@code classpathCatalogs()} or a directory, the engine holds the statute layer alone. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures the catalog set a runner evaluates with. */
    public static final class Builder {
        private boolean classpath;
        private ClassLoader classLoader = ScenarioRunner.class.getClassLoader();
        private final List<Path> directories = new ArrayList<>();
        private Settings settings = Settings.defaults();

        private Builder() {
        }

        /** Loads every catalog on the class path (the shipped ones, when rules-catalog is on it). */
        public Builder classpathCatalogs() {
            this.classpath = true;
            return this;
        }

        /** Same, with the given class loader. */
        public Builder classpathCatalogs(ClassLoader cl) {
            this.classpath = true;
            this.classLoader = Objects.requireNonNull(cl, "classLoader");
            return this;
        }

        /** Also loads the catalogs of a directory (see {@link DiscretionEngineBuilder#catalogDirectory}). */
        public Builder catalogDirectory(Path dir) {
            directories.add(Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize());
            return this;
        }

        /** Engine settings (defaults: {@link Settings#defaults()}). */
        public Builder settings(Settings s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /** The runner; its engine is built (or taken from the cache) on first use. */
        public ScenarioRunner build() {
            return new ScenarioRunner(new EngineKey(classpath, classLoader, List.copyOf(directories), settings));
        }
    }

    /**
     * The engine of this runner's catalog set, built on first use and shared by every runner with the same set.
     *
     * @throws org.discretion.rules.api.CatalogBuildException when the catalogs do not build
     */
    public DiscretionEngine engine() {
        return ENGINES.computeIfAbsent(key, k -> {
            DiscretionEngineBuilder b = DiscretionEngine.builder().settings(k.settings())
                    .clock(new ScenarioClock(ZoneId.systemDefault()));
            if (k.classpath()) b.classpathCatalogs(k.classLoader());
            k.directories().forEach(b::catalogDirectory);
            return b.build();
        });
    }

    /** Loads and runs every scenario file under {@code dirOrFile}; a malformed file is reported, the rest still run. */
    public RunSummary runAll(Path dirOrFile) {
        List<ScenarioResult> results = new ArrayList<>();
        List<ScenarioFormatException> malformed = new ArrayList<>();
        for (Path f : ScenarioLoader.find(dirOrFile)) {
            ScenarioSuite suite;
            try {
                suite = ScenarioLoader.load(f);
            } catch (ScenarioFormatException e) {
                malformed.add(e);
                continue;
            }
            results.addAll(run(suite));
        }
        return new RunSummary(results, malformed, coverage(results));
    }

    /** Runs every scenario of a suite, in file order. */
    public List<ScenarioResult> run(ScenarioSuite suite) {
        List<ScenarioResult> out = new ArrayList<>(suite.scenarios().size());
        for (Scenario s : suite.scenarios()) out.add(run(suite, s));
        return out;
    }

    /** Coverage of this runner's rules by the given results. */
    public CoverageReport coverage(List<ScenarioResult> results) {
        List<RuleInventory.Rule> inventory = RuleInventory.of(engine());
        if (!key.directories().isEmpty() && engine() instanceof org.discretion.rules.internal.EngineImpl impl) {
            // catalogs under test (--catalogs): coverage gates the new lists, not the shipped ones or the statute layer
            java.util.Set<String> underTest = new java.util.HashSet<>();
            for (var b : impl.ruleBase().sources().bundles()) {
                if (!b.statute() && key.directories().stream().anyMatch(d -> Path.of(b.meta().origin()).toAbsolutePath()
                        .normalize().startsWith(d))) {
                    underTest.add(b.folder());
                }
            }
            inventory = inventory.stream().filter(r -> underTest.contains(r.catalog())).toList();
        }
        return CoverageReport.of(inventory, results);
    }

    /** Runs one scenario of a suite. */
    public ScenarioResult run(ScenarioSuite suite, Scenario scenario) {
        DiscretionEngine engine = engine();
        Expectation x = scenario.expect();
        List<Mismatch> out = new ArrayList<>();
        Set<String> loaded = engine.catalogVersions().stream().map(CatalogVersion::id)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> absent = suite.catalogs().stream().filter(c -> !loaded.contains(c)).toList();
        if (!absent.isEmpty()) {
            loaded.remove("statute");
            out.add(new Mismatch("catalogs", "the suite's catalogs " + suite.catalogs() + " loaded",
                    "not loaded: " + absent + "; loaded catalogs: " + (loaded.isEmpty() ? "none" : loaded)));
            return new ScenarioResult(suite, scenario, out, null, null, 0);
        }
        ObjectNode json = suite.caseOf(scenario);
        LocalDate today = suite.evaluationDateOf(scenario);
        long t0 = System.nanoTime();
        Decision d = null;
        InvalidCaseException rejected = null;
        try {
            CaseInput in = CaseJson.toCase(json);
            d = ScenarioClock.at(today, () -> engine.evaluate(in));
        } catch (InvalidCaseException e) {
            rejected = e;
        } catch (RuntimeException e) {
            out.add(new Mismatch("decision", "a decision", "the engine failed: " + e));
            return new ScenarioResult(suite, scenario, out, null, null, System.nanoTime() - t0);
        }
        long nanos = System.nanoTime() - t0;
        if (rejected != null) {
            String where = suite.file() + ":" + scenario.lineOf(rejected.field());
            if (x.error() == null) {
                out.add(new Mismatch("case", "a valid case", "rejected as invalid input at " + where + ": "
                        + rejected.getMessage()));
            } else {
                compareError(x.error(), rejected, where, out);
            }
            return new ScenarioResult(suite, scenario, out, null, rejected, nanos);
        }
        if (x.error() != null) {
            out.add(new Mismatch("error", "the case is rejected as invalid input"
                    + (x.error().field() == null ? "" : " (field " + x.error().field() + ")"),
                    "it was evaluated: " + d.handling()));
            return new ScenarioResult(suite, scenario, out, d, null, nanos);
        }
        compare(x, d, out);
        return new ScenarioResult(suite, scenario, out, d, null, nanos);
    }

    private static void compareError(Expectation.ErrorExpectation e, InvalidCaseException r, String where,
                                     List<Mismatch> out) {
        if (e.field() != null && !e.field().equals(r.field())) {
            out.add(new Mismatch("error.field", e.field(), (r.field().isEmpty() ? "(the whole case)" : r.field())
                    + " — " + r.getMessage() + " (" + where + ")"));
        }
        if (e.message() != null && !r.getMessage().contains(e.message())) {
            out.add(new Mismatch("error.message", "contains \"" + e.message() + "\"", r.getMessage()));
        }
    }

    static void compare(Expectation x, Decision d, List<Mismatch> out) {
        if (x.handling() != null && x.handling() != d.handling()) {
            out.add(new Mismatch("handling", x.handling().name(), d.handling().name()));
        }
        if (x.mandatory() != null && x.mandatory() != d.mandatory()) {
            out.add(new Mismatch("mandatory", x.mandatory() + (x.mandatory() ? "（应当）" : "（可以）"),
                    d.mandatory() + (d.mandatory() ? "（应当）" : "（可以）")));
        }
        if (x.coercion() != null && !Objects.equals(x.coercion().orElse(null), d.coercion())) {
            out.add(new Mismatch("coercion", x.coercion().map(Enum::name).orElse("null (undecided)"),
                    d.coercion() == null ? "null (undecided)" : d.coercion().name()));
        }
        if (x.items() != null) {
            Set<String> expected = new TreeSet<>(x.items());
            Set<String> actual = d.items().stream().map(MatchedItem::item).collect(Collectors.toCollection(TreeSet::new));
            if (!expected.equals(actual)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(actual);
                Set<String> extra = new TreeSet<>(actual);
                extra.removeAll(expected);
                out.add(new Mismatch("items", expected.toString(), actual
                        + (missing.isEmpty() ? "" : "; not applied: " + missing + whyNotOf(d, missing))
                        + (extra.isEmpty() ? "" : "; also applied: " + extra)));
            }
        }
        if (x.status() != null) {
            x.status().forEach((id, expected) -> {
                GroundReport g = ground(d, id);
                if (g == null) {
                    out.add(new Mismatch("status." + id, expected.name(), "not considered: no ground of the statute "
                            + "layer has this id and the case names no such item (considered: "
                            + d.whyNot().stream().map(GroundReport::id).toList() + ")"));
                } else if (g.status() != expected) {
                    out.add(new Mismatch("status." + id, expected.name(), describe(g)));
                }
            });
        }
        if (x.citations() != null) {
            for (int i = 0; i < x.citations().size(); i++) {
                CitationMatcher.Expected e = CitationMatcher.parse(x.citations().get(i));
                if (d.basis().stream().noneMatch(c -> CitationMatcher.matches(e, c))) {
                    out.add(new Mismatch("citations[" + i + "]", x.citations().get(i), "not cited; the basis is:\n"
                            + d.basis().stream().map(c -> "- " + c.reference() + "（" + c.role() + "）")
                            .collect(Collectors.joining("\n"))));
                }
            }
        }
        if (x.missingFacts() != null) {
            List<String> actual = d.missingFacts().stream().map(MissingFact::field).toList();
            if (x.missingFacts().isEmpty() && !actual.isEmpty()) {
                out.add(new Mismatch("missingFacts", "[] (nothing is asked for)", "asked for: " + actual));
            }
            for (int i = 0; i < x.missingFacts().size(); i++) {
                if (!actual.contains(x.missingFacts().get(i))) {
                    out.add(new Mismatch("missingFacts[" + i + "]", x.missingFacts().get(i) + " is asked for",
                            actual.isEmpty() ? "no fact is asked for" : "asked for: " + actual));
                }
            }
        }
        if (x.fineRange() != null) {
            FineRange f = d.fineRange();
            if (x.fineRange().isEmpty()) {
                if (f != null) out.add(new Mismatch("fineRange", "no fine range", fine(f)));
            } else if (f == null) {
                out.add(new Mismatch("fineRange", fine(x.fineRange().get()), "no fine range (handling " + d.handling() + ")"));
            } else {
                Expectation.FineRangeExpectation e = x.fineRange().get();
                if (!sameAmount(e.min(), f.min()) || !sameAmount(e.max(), f.max())) {
                    out.add(new Mismatch("fineRange", fine(e), fine(f)));
                }
            }
        }
        if (x.duties() != null) {
            List<String> kinds = d.duties().stream().map(org.discretion.rules.api.Duty::kind).toList();
            for (int i = 0; i < x.duties().size(); i++) {
                if (!kinds.contains(x.duties().get(i))) {
                    out.add(new Mismatch("duties[" + i + "]", x.duties().get(i), "duties: " + kinds));
                }
            }
        }
        if (x.explanation() != null) {
            for (int i = 0; i < x.explanation().size(); i++) {
                if (d.explanation() == null || !d.explanation().contains(x.explanation().get(i))) {
                    out.add(new Mismatch("explanation[" + i + "]", "contains \"" + x.explanation().get(i) + "\"",
                            "does not (the explanation is printed below)"));
                }
            }
        }
        if (x.warnings() != null) {
            for (int i = 0; i < x.warnings().size(); i++) {
                String w = x.warnings().get(i);
                if (d.warnings().stream().noneMatch(s -> s.contains(w))) {
                    out.add(new Mismatch("warnings[" + i + "]", "a warning contains \"" + w + "\"",
                            d.warnings().isEmpty() ? "no warnings" : "warnings:\n" + d.warnings().stream()
                                    .map(s -> "- " + s).collect(Collectors.joining("\n"))));
                }
            }
        }
    }

    private static String whyNotOf(Decision d, Set<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            GroundReport g = ground(d, id);
            b.append("\n").append(id).append(": ").append(g == null ? "not considered (the case does not name it)" : describe(g));
        }
        return b.toString();
    }

    static GroundReport ground(Decision d, String id) {
        return d.whyNot().stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
    }

    /** A ground's status with each condition, e.g. {@code UNKNOWN — 违法行为发生时不满14周岁: UNKNOWN (party.age=null)}. */
    static String describe(GroundReport g) {
        StringBuilder b = new StringBuilder(g.status().name());
        if (g.note() != null && !g.note().isBlank()) b.append("（").append(g.note()).append("）");
        for (ConditionReport c : g.conditions()) {
            b.append("\n- ").append(c.label()).append(": ").append(c.status());
            if (c.detail() != null && !c.detail().isBlank()) b.append(" (").append(c.detail()).append(")");
        }
        return b.toString();
    }

    private static boolean sameAmount(Optional<BigDecimal> expected, BigDecimal actual) {
        if (expected == null) return true;
        if (expected.isEmpty()) return actual == null;
        return actual != null && expected.get().compareTo(actual) == 0;
    }

    private static String fine(Expectation.FineRangeExpectation e) {
        return "min " + (e.min() == null ? "(any)" : e.min().map(BigDecimal::toPlainString).orElse("none"))
                + ", max " + (e.max() == null ? "(any)" : e.max().map(BigDecimal::toPlainString).orElse("none"));
    }

    private static String fine(FineRange f) {
        return "min " + (f.min() == null ? "none" : f.min().stripTrailingZeros().toPlainString())
                + ", max " + (f.max() == null ? "none" : f.max().stripTrailingZeros().toPlainString()
                + (f.maxInclusive() ? "" : " (exclusive)")) + " — " + f.rule();
    }
}
