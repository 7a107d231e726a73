package org.discretion.rules.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.discretion.rules.internal.EngineImpl;
import org.discretion.rules.internal.RuleBaseBuilder;
import org.discretion.rules.internal.Sources;

/**
 * Builds a {@link DiscretionEngine}. {@link #build()} compiles and checks every catalog and refuses to return a
 * half-working engine (class-path catalogs alone start from the rules compiled at Maven build time when module
 * {@code rules-prebuilt} is on the class path and was built from exactly these catalogs): any problem throws
 * {@link CatalogBuildException} listing each as {@code file:line:column}. The statute layer (行政处罚法, 行政强制法) is always included.
 */
public final class DiscretionEngineBuilder {
    private boolean classpath;
    private ClassLoader classLoader = DiscretionEngineBuilder.class.getClassLoader();
    private final List<Path> directories = new ArrayList<>();
    private Settings settings = Settings.defaults();
    private final List<EvaluationListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemDefaultZone();

    DiscretionEngineBuilder() {
    }

    /** Loads every catalog listed in {@code META-INF/discretion-rules.index} on the class path (the shipped ones). */
    public DiscretionEngineBuilder classpathCatalogs() {
        this.classpath = true;
        return this;
    }

    /** Same, with the given class loader. */
    public DiscretionEngineBuilder classpathCatalogs(ClassLoader cl) {
        this.classpath = true;
        this.classLoader = Objects.requireNonNull(cl, "classLoader");
        return this;
    }

    /** Also loads every catalog folder under {@code dir} (each with a catalog.yaml) and {@code dir/law/*.yaml}. */
    public DiscretionEngineBuilder catalogDirectory(Path dir) {
        directories.add(Objects.requireNonNull(dir, "dir"));
        return this;
    }

    public DiscretionEngineBuilder settings(Settings s) {
        this.settings = Objects.requireNonNull(s, "settings");
        return this;
    }

    public DiscretionEngineBuilder listener(EvaluationListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
        return this;
    }

    /** The clock that gives "today" when a case has no decisionDate (tests fix it). */
    public DiscretionEngineBuilder clock(Clock c) {
        this.clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /**
     * Compiles and checks everything.
     *
     * @throws CatalogBuildException listing every error, each as {@code file:line:column: message}
     */
    public DiscretionEngine build() {
        Sources sources = sources();
        RuleBaseBuilder.Result r = RuleBaseBuilder.build(sources, prebuiltFrom());
        if (!r.ok()) {
            throw new CatalogBuildException(r.problems());
        }
        if (!directories.isEmpty()) {
            // catalogs from a folder pass what a reload and ./discretion check require (the 三(七) exclusion, the
            // table columns), so that no entry point accepts a catalog another rejects
            List<Problem> problems = new ArrayList<>(r.problems());
            problems.addAll(org.discretion.rules.tooling.CatalogChecker.reloadProblems(r.ruleBase(), settings));
            if (problems.stream().anyMatch(Problem::isError)) {
                throw new CatalogBuildException(problems);
            }
        }
        return new EngineImpl(r.ruleBase(), settings, listeners, clock, this::sources);
    }

    /**
     * Like {@link #build()}, and the engine can then replace its catalogs while it serves ({@link
     * ReloadableEngine#reload()}, {@link ReloadableEngine#watch}). The catalogs must also pass the table-column and
     * 三(七) checks of {@code ./discretion check}, as every reload must.
     *
     * @throws CatalogBuildException listing every error, each as {@code file:line:column: message}
     */
    public ReloadableEngine buildReloadable() {
        RuleBaseBuilder.Result r = RuleBaseBuilder.build(sources(), prebuiltFrom());
        List<Problem> problems = new ArrayList<>(r.problems());
        if (r.ok()) problems.addAll(org.discretion.rules.tooling.CatalogChecker.reloadProblems(r.ruleBase(), settings));
        if (!r.ok() || problems.stream().anyMatch(Problem::isError)) {
            throw new CatalogBuildException(problems);
        }
        return new ReloadableEngine(new EngineImpl(r.ruleBase(), settings, listeners, clock, this::sources), settings,
                directories);
    }

    /**
     * Where rules compiled at Maven build time may come from: only for the class-path catalogs alone (module
     * {@code rules-prebuilt}); they are used only when compiled from exactly the sources read now, else build()
     * compiles. Directory catalogs always compile.
     */
    private ClassLoader prebuiltFrom() {
        return classpath && directories.isEmpty() ? classLoader : null;
    }

    private Sources sources() {
        // the statute layer and the law registry always come from the class path; catalogs only when asked for
        Sources s = Sources.fromClasspath(classLoader, classpath);
        for (Path d : directories) {
            s = s.plus(Sources.fromDirectory(d));
        }
        return s;
    }
}
