package org.discretion.rules.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DecisionRecord;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.DiscretionEngineBuilder;
import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.api.ReloadListener;
import org.discretion.rules.api.ReloadResult;
import org.discretion.rules.api.ReloadableEngine;
import org.discretion.rules.tooling.CatalogInfo;

/**
 * The engine the service decides with, and what it knows about it: the catalogs serving (described by
 * {@link CatalogInfo}, re-read after each reload), the last reload and its error, and the decision log. It serves
 * the shipped catalogs and, with a catalog folder, that folder's catalogs beside them (as the command line's
 * {@code --catalogs DIR}, so {@code ./discretion replay --catalogs DIR} reproduces the decision log); when watching,
 * it reloads on change through {@link ReloadableEngine} (a broken version never replaces the working one).
 * Thread-safe.
 */
public final class EngineService implements AutoCloseable {

    /** The last reload: when, its outcome, and its errors (empty when it swapped or nothing changed). */
    public record LastReload(Instant at, ReloadResult.Outcome outcome, String errors, long millis) {
    }

    private final ReloadableEngine engine;
    private final Path directory;
    private final Path decisionLog;
    private final Clock clock;
    private volatile LastReload lastReload;
    private volatile List<CatalogInfo.Catalog> catalogs;
    private DiscretionEngine replayEngine;
    private final DecisionRecord.ReplayClock replayClock = new DecisionRecord.ReplayClock();
    private final Object logLock = new Object();

    /**
     * Builds the engine (compiling and checking every catalog).
     *
     * @param directory   a catalog folder served beside the shipped catalogs, or null
     * @param watch       reload when a file under the folder changes
     * @param decisionLog the file every decision is appended to as a {@link DecisionRecord}, or null
     * @throws org.discretion.rules.api.CatalogBuildException when the catalogs do not build: the service does not start
     */
    public EngineService(Path directory, boolean watch, Path decisionLog, Clock clock) {
        this.directory = directory;
        this.decisionLog = decisionLog;
        this.clock = clock;
        this.engine = builder(clock).buildReloadable();
        this.catalogs = describe();
        engine.addListener(new ReloadListener() {
            @Override
            public void onReload(ReloadResult r) {
                lastReload = new LastReload(Instant.now(clock), r.outcome(), r.errors(), r.millis());
                if (r.outcome() == ReloadResult.Outcome.SWAPPED) catalogs = describe();
            }
        });
        if (watch && directory != null) engine.watch(Duration.ofMillis(300));
    }

    private DiscretionEngineBuilder builder(Clock c) {
        // as ./discretion evaluate/replay --catalogs DIR: the shipped catalogs, and the folder's beside them
        DiscretionEngineBuilder b = DiscretionEngine.builder().clock(c).classpathCatalogs(EngineService.class.getClassLoader());
        return directory == null ? b : b.catalogDirectory(directory);
    }

    private List<CatalogInfo.Catalog> describe() {
        return CatalogInfo.read(EngineService.class.getClassLoader(), true,
                directory == null ? List.of() : List.of(directory));
    }

    public DiscretionEngine engine() {
        return engine;
    }

    /** The folder served, or empty for the shipped catalogs. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    public List<CatalogVersion> versions() {
        return engine.catalogVersions();
    }

    /** The catalogs serving (the statute layer is not a catalog). */
    public List<CatalogInfo.Catalog> catalogs() {
        return catalogs;
    }

    public Optional<CatalogInfo.Catalog> catalog(String id) {
        return catalogs.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The last reload, or null when none happened since start. */
    public LastReload lastReload() {
        return lastReload;
    }

    /** Tells {@code l} about every reload (the watcher's too). */
    public void addReloadListener(ReloadListener l) {
        engine.addListener(l);
    }

    /** Reloads now (as the watcher would), and reports the result. */
    public ReloadResult reload() {
        return engine.reload();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Appends the decision to the decision log, if one is configured. */
    public void log(CaseInput input, Decision d) {
        if (decisionLog == null) return;
        String line = DecisionRecord.of(engine, today(), input, d).write() + "\n";
        synchronized (logLock) {
            try {
                Files.writeString(decisionLog, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new DiscretionException("cannot append to the decision log " + decisionLog + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Evaluates a recorded case again as on its recorded date, with the catalogs serving now (an engine of its own
     * with a clock set per record, rebuilt when the serving catalogs change). Serialized: replay is an audit tool.
     */
    public synchronized Decision replay(DecisionRecord r) {
        if (replayEngine == null || !replayEngine.catalogVersions().equals(engine.catalogVersions())) {
            replayEngine = builder(replayClock).build();
        }
        replayClock.set(r.evaluatedOn());
        return replayEngine.evaluate(r.input());
    }

    /** The catalog versions replay decides with. */
    public synchronized List<CatalogVersion> replayVersions() {
        return replayEngine == null ? engine.catalogVersions() : replayEngine.catalogVersions();
    }

    @Override
    public void close() {
        engine.close();
    }
}
