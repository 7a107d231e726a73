package org.discretion.rules.tooling;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.discretion.rules.api.Problem;
import org.discretion.rules.api.Settings;
import org.discretion.rules.internal.RuleBaseBuilder;
import org.discretion.rules.internal.Sources;
import org.discretion.rules.tooling.CheckReport.Diagnostic;

/**
 * Everything {@code ./discretion check} reports about a set of catalogs, in three stages; a later stage runs only
 * when the earlier ones found no error.
 *
 * <ol>
 *   <li><b>Build</b> — exactly what building an engine checks ({@code RuleBaseBuilder}): YAML schema, DRL errors as
 *       {@code file:line:column} (classic compilation, which points at the rule the author wrote), the DRL safety
 *       check ({@code UNSAFE_CODE}: only the fact model may be used), every rule has its metadata and every item its
 *       rule, package = folder, citations resolve in the law registry, unique ids, declared item facts, dates.</li>
 *   <li><b>Lint</b> — {@link CatalogLint}: required table columns, expired and expiring catalogs, the 滑法政办〔2022〕
 *       17号 三(七) exclusion; and, optionally, a second compilation with the executable model, which rejects
 *       constructs the classic path accepts silently (such as comparing an enum field with a string), each mapped
 *       back to the rule ({@code EXEC_MODEL}).</li>
 *   <li><b>Discretion analysis</b> — for each item (named by id) and each violation provision several items share,
 *       cases are generated over severity × harm × correction × firstOffense × illegal gains (0 and each bound the
 *       rules use and one above, or 0 and 500, when a rule reads gains) × each circumstance the rules mention ×
 *       the party (when a rule reads it) × the boundary values of every declared item fact (each bound the rule
 *       compares it with, one step below and above, and 0; both booleans; each listed text and one other), on a day
 *       the item is in force. Every case is evaluated through the real engine ({@code Evaluator}). At most
 *       {@link #maxCasesPerItem(int)} combinations per item (a fixed-seed sample beyond that, and at most as many
 *       again for the milder neighbours of the sample). Findings:
 *       <ul>
 *         <li>{@code NEVER_MET} (error): the item never holds in any generated case; names the conditions that never
 *             held.</li>
 *         <li>{@code NON_MONOTONIC} (error): changing one fact in the party's favour — a lighter severity or harm, a
 *             better correction (not corrected → corrected after the deadline or during the investigation; after →
 *             within the deadline), first offense, lower gains, an art. 32 / art. 33 ¶2 circumstance established, an
 *             aggravating circumstance removed — makes the outcome harsher ({@code Precedence.lightness}, or coercion
 *             for a 不予实施行政强制 item) while the item's own status changes; the example holds both cases.</li>
 *         <li>{@code OVERLAPPING_LISTS}: two items from different catalogs of the same level on the same list both
 *             apply to the same facts, so no declared precedence separates them; an error when their 裁量幅度 or
 *             配套监管措施 differ, a warning otherwise.</li>
 *         <li>{@code SHADOWED} (warning): an item whose conditions hold in some case named by its provision, but
 *             another item always takes precedence there.</li>
 *       </ul></li>
 * </ol>
 */
public final class CatalogChecker {
    private final Path directory;
    private final ClassLoader classLoader;
    private LocalDate today = LocalDate.now();
    private Period expiringWithin = Period.ofDays(90);
    private Settings settings = Settings.defaults();
    private boolean analysis = true;
    private boolean executableModel = true;
    private int maxCasesPerItem = 400;

    private CatalogChecker(Path directory, ClassLoader classLoader) {
        this.directory = directory;
        this.classLoader = classLoader;
    }

    /** Checks the catalog folders under {@code dir} (and {@code dir/law/*.yaml}) with the statute layer. */
    public static CatalogChecker forDirectory(Path dir) {
        return new CatalogChecker(Objects.requireNonNull(dir, "dir"), CatalogChecker.class.getClassLoader());
    }

    /** Checks the shipped catalogs: everything listed in {@code META-INF/discretion-rules.index} on the class path. */
    public static CatalogChecker forClasspath(ClassLoader cl) {
        return new CatalogChecker(null, Objects.requireNonNull(cl, "classLoader"));
    }

    /** The day expiry and the analysis are judged at (default: today). */
    public CatalogChecker today(LocalDate d) {
        this.today = Objects.requireNonNull(d, "today");
        return this;
    }

    /** Warn about catalogs and items whose last day falls within this period (default P90D). */
    public CatalogChecker expiringWithin(Period p) {
        this.expiringWithin = Objects.requireNonNull(p, "expiringWithin");
        return this;
    }

    /** Engine settings for the analysis; {@link Settings#huaxianExclusion()} also switches the 三(七) check. */
    public CatalogChecker settings(Settings s) {
        this.settings = Objects.requireNonNull(s, "settings");
        return this;
    }

    /** Whether to run the discretion analysis (default true). */
    public CatalogChecker analysis(boolean on) {
        this.analysis = on;
        return this;
    }

    /** Whether to compile a second time with the executable model (default true). */
    public CatalogChecker executableModel(boolean on) {
        this.executableModel = on;
        return this;
    }

    /** Upper bound of generated cases per item or provision (default 400). */
    public CatalogChecker maxCasesPerItem(int n) {
        if (n < 1) throw new IllegalArgumentException("maxCasesPerItem must be at least 1, was " + n);
        this.maxCasesPerItem = n;
        return this;
    }

    /** Runs the check. Never throws for a problem in the catalogs: every problem is in the report. */
    public CheckReport check() {
        long t0 = System.nanoTime();
        Sources sources = Sources.fromClasspath(classLoader, directory == null);
        List<Diagnostic> out = new ArrayList<>();
        if (directory != null) {
            try {
                sources = sources.plus(Sources.fromDirectory(directory));
            } catch (org.discretion.rules.api.DiscretionException e) {
                // no catalog in the folder, a folder without catalog.yaml, a statute layer: reported, never "0 items, ok"
                out.add(new Diagnostic(Problem.error(directory.toString(), 0, 0, "NO_CATALOG", e.getMessage()), null));
                return new CheckReport(out, List.of(), 0, 0, (System.nanoTime() - t0) / 1_000_000);
            }
        }
        RuleBaseBuilder.Result r = RuleBaseBuilder.build(sources);
        r.problems().forEach(p -> out.add(new Diagnostic(p, null)));
        if (directory != null) {
            shippedIdCollisions(sources).forEach(p -> out.add(new Diagnostic(p, null)));
            if (r.ok() && r.ruleBase().items().isEmpty()) {
                out.add(new Diagnostic(Problem.error(directory.toString(), 0, 0, "NO_CATALOG", "no catalog item in "
                        + directory + ": give a catalog folder (catalog.yaml and rules.drl) or a folder of catalog "
                        + "folders; nothing was checked"), null));
            }
        }
        int items = 0;
        int evaluated = 0;
        List<org.discretion.rules.api.CatalogVersion> versions = List.of();
        if (r.ok()) {
            items = r.ruleBase().items().size();
            versions = r.ruleBase().versions().values().stream()
                    .sorted(Comparator.comparing(org.discretion.rules.api.CatalogVersion::id)).toList();
            CatalogLint.lint(r.ruleBase(), today, expiringWithin, settings.huaxianExclusion())
                    .forEach(p -> out.add(new Diagnostic(p, null)));
            if (executableModel) {
                ExecutableModelCheck.problems(sources).forEach(p -> out.add(new Diagnostic(p, null)));
            }
            if (analysis && out.stream().noneMatch(d -> d.problem().isError())) {
                DiscretionAnalysis a = new DiscretionAnalysis(r.ruleBase(), settings, maxCasesPerItem, today);
                out.addAll(a.run());
                evaluated = a.evaluated();
            }
        }
        out.sort(Comparator.comparing((Diagnostic d) -> d.problem().isError() ? 0 : 1)
                .thenComparing(d -> d.problem().file())
                .thenComparingInt(d -> d.problem().line()));
        return new CheckReport(out, versions, items, evaluated, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * An item id of the checked folder that a shipped catalog (another one) already uses: ids are permanent and
     * unique across all lists, and an engine that loads both (evaluate --catalogs, the service) refuses them with
     * DUPLICATE_ID; checking the folder alone warns, since an engine may also load the folder without the shipped
     * catalogs.
     */
    private List<Problem> shippedIdCollisions(Sources checked) {
        List<Problem> out = new ArrayList<>();
        java.util.Map<String, String> shipped = new java.util.HashMap<>();
        for (Sources.Bundle b : Sources.fromClasspath(classLoader, true).bundles()) {
            if (b.statute()) continue;
            try {
                var cm = org.discretion.rules.internal.Yaml.YAML.readValue(b.meta().text(),
                        org.discretion.rules.internal.model.CatalogMeta.class);
                cm.items().forEach(it -> shipped.put(it.id(), cm.id()));
            } catch (java.io.IOException | RuntimeException e) {
                // a shipped catalog that does not parse is reported by checking the shipped catalogs
            }
        }
        for (Sources.Bundle b : checked.bundles()) {
            if (b.statute()) continue;
            try {
                var cm = org.discretion.rules.internal.Yaml.YAML.readValue(b.meta().text(),
                        org.discretion.rules.internal.model.CatalogMeta.class);
                for (var it : cm.items()) {
                    String owner = shipped.get(it.id());
                    if (owner != null && !owner.equals(cm.id())) {
                        out.add(Problem.warning(b.meta().origin(), org.discretion.rules.internal.SourceText.lineOf(
                                b.meta().text(), "id: " + it.id()), 0, "DUPLICATE_ID", "item id \"" + it.id()
                                + "\" (and so its rule name) is already used by the shipped catalog " + owner
                                + ": loaded together with the shipped catalogs (evaluate --catalogs, the service) this "
                                + "folder is refused; item ids are permanent and unique across all lists"));
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // reported by the build (YAML_SCHEMA)
            }
        }
        return out;
    }

    /** The lint checks for an engine reload (no analysis): errors keep a catalog from replacing a working one. */
    public static List<Problem> reloadProblems(org.discretion.rules.internal.RuleBase rb, Settings settings) {
        return CatalogLint.lint(rb, LocalDate.now(), null, settings.huaxianExclusion());
    }
}
