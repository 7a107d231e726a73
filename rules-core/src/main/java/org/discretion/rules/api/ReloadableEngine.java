package org.discretion.rules.api;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.discretion.rules.internal.EngineImpl;
import org.discretion.rules.internal.RuleBase;
import org.discretion.rules.internal.RuleBaseBuilder;
import org.discretion.rules.internal.Sources;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.tooling.CatalogChecker;

/**
 * An engine whose catalogs can be replaced while it serves, built with
 * {@link DiscretionEngineBuilder#buildReloadable()}.
 *
 * <p>{@link #reload()} reads the catalogs again (class path and directories, as at build time), compiles and checks
 * them to the side — the same build as {@link DiscretionEngineBuilder#build()} plus the table-column and 三(七)
 * checks of {@code ./discretion check} — and only if there is no error swaps them in atomically. A catalog that fails
 * never replaces the working one: the result (and every {@link ReloadListener}) gets the problems, and the old
 * version keeps serving. An evaluation reads the serving version once, so one already running finishes on the
 * version it started with, and every decision names the catalog versions it used with their content hashes
 * ({@link Decision#catalogVersions()}). Each build's module is removed from Drools' global repository, so repeated
 * reloads do not accumulate memory.
 *
 * <p>{@link #watch(Duration)} reloads on file changes under the catalog directories (debounced, on a daemon
 * thread); {@link #close()} stops watching. Thread-safe.
 */
public final class ReloadableEngine implements DiscretionEngine, AutoCloseable {
    private final EngineImpl engine;
    private final Settings settings;
    private final List<Path> directories;
    private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();
    private final Object reloadLock = new Object();
    private WatchService watchService;
    private Thread watcher;

    ReloadableEngine(EngineImpl engine, Settings settings, List<Path> directories) {
        this.engine = engine;
        this.settings = settings;
        this.directories = List.copyOf(directories);
    }

    @Override
    public Decision evaluate(CaseInput input) {
        return engine.evaluate(input);
    }

    @Override
    public Decision screen(CaseInput input) {
        return engine.screen(input);
    }

    @Override
    public List<Evaluation> evaluateAll(List<CaseInput> inputs) {
        return engine.evaluateAll(inputs);
    }

    @Override
    public List<Evaluation> evaluateAll(List<CaseInput> inputs, int threads) {
        return engine.evaluateAll(inputs, threads);
    }

    @Override
    public List<Evaluation> screenAll(List<CaseInput> inputs, int threads) {
        return engine.screenAll(inputs, threads);
    }

    @Override
    public List<CatalogVersion> catalogVersions() {
        return engine.catalogVersions();
    }

    /** Adds a listener told about every reload (including those the watcher starts). */
    public ReloadableEngine addListener(ReloadListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
        return this;
    }

    /**
     * Reads, compiles and checks the catalogs again and swaps them in if they have no error. Never throws for a
     * problem in the catalogs: a rejected reload returns {@link ReloadResult.Outcome#REJECTED} with the problems.
     * Reloads are serialized; evaluations are never blocked.
     */
    public ReloadResult reload() {
        return reload(Set.of());
    }

    /**
     * Like {@link #reload()}, removing on purpose the catalogs named in {@code removing}. Without it, a catalog that
     * serves now and is missing from the new sources (its folder or its catalog.yaml was deleted) rejects the reload
     * ({@code CATALOG_REMOVED}): a list never disappears silently, since cases naming its items would then fail and
     * cases naming only a provision would get a harsher answer.
     */
    public ReloadResult reload(Set<String> removing) {
        Objects.requireNonNull(removing, "removing");
        ReloadResult result;
        synchronized (reloadLock) {
            long t0 = System.nanoTime();
            Sources sources;
            try {
                sources = engine.readSources();
            } catch (DiscretionException | java.io.UncheckedIOException e) {
                result = new ReloadResult(ReloadResult.Outcome.REJECTED, List.of(Problem.error(
                        directories.isEmpty() ? "<classpath>" : directories.get(0).toString(), 0, 0, "READ",
                        e.getMessage() + "; the catalogs serving now keep serving")), catalogVersions(), millis(t0));
                notifyListeners(result);
                return result;
            }
            if (fingerprint(sources).equals(fingerprint(engine.ruleBase().sources()))) {
                result = new ReloadResult(ReloadResult.Outcome.UNCHANGED, List.of(), catalogVersions(), millis(t0));
            } else {
                RuleBaseBuilder.Result built = RuleBaseBuilder.build(sources);
                List<Problem> problems = new ArrayList<>(built.problems());
                if (built.ok()) {
                    problems.addAll(CatalogChecker.reloadProblems(built.ruleBase(), settings));
                    problems.addAll(removed(engine.ruleBase(), built.ruleBase(), removing));
                }
                if (!built.ok() || problems.stream().anyMatch(Problem::isError)) {
                    result = new ReloadResult(ReloadResult.Outcome.REJECTED, problems, catalogVersions(), millis(t0));
                } else {
                    engine.swap(built.ruleBase());
                    result = new ReloadResult(ReloadResult.Outcome.SWAPPED, problems, catalogVersions(), millis(t0));
                }
            }
        }
        notifyListeners(result);
        return result;
    }

    /**
     * Starts reloading whenever a file under the catalog directories changes, once no change has been seen for
     * {@code debounce} (an editor saving several files triggers one reload). Idempotent.
     *
     * @throws IllegalStateException when the engine was built without a catalog directory
     */
    public synchronized ReloadableEngine watch(Duration debounce) {
        Objects.requireNonNull(debounce, "debounce");
        if (directories.isEmpty()) {
            throw new IllegalStateException("watch() needs catalogDirectory(dir) on the builder: class-path catalogs "
                    + "do not change while the engine runs");
        }
        if (watcher != null) return this;
        try {
            watchService = FileSystems.getDefault().newWatchService();
            for (Path d : directories) registerTree(d);
        } catch (IOException e) {
            throw new DiscretionException("cannot watch " + directories + ": " + e.getMessage(), e);
        }
        WatchService ws = watchService;
        watcher = new Thread(() -> watchLoop(ws, debounce), "discretion-catalog-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return this;
    }

    /** Stops watching (if started). The engine keeps serving its current catalogs. */
    @Override
    public synchronized void close() {
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException ignored) {
                // closing is best effort; the thread ends on ClosedWatchServiceException
            }
            watchService = null;
        }
        if (watcher != null) {
            watcher.interrupt();
            watcher = null;
        }
    }

    private void watchLoop(WatchService ws, Duration debounce) {
        try {
            while (true) {
                WatchKey key = ws.take();
                drain(key);
                // debounce: wait until the directories have been quiet for the whole period
                WatchKey more;
                while ((more = ws.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (var ev : key.pollEvents()) {
            if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && ev.context() instanceof Path p) {
                Path child = dir.resolve(p);
                if (Files.isDirectory(child)) {
                    try {
                        registerTree(child);
                    } catch (IOException ignored) {
                        // the next reload reports a folder it cannot read
                    }
                }
            }
        }
        key.reset();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root, 2)) {
            for (Path p : s.filter(Files::isDirectory).toList()) {
                p.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void notifyListeners(ReloadResult r) {
        for (ReloadListener l : listeners) {
            try {
                l.onReload(r);
            } catch (RuntimeException ignored) {
                // a listener never breaks reloading
            }
        }
    }

    /** A catalog serving now that the new build lacks, unless its removal was asked for. */
    private static List<Problem> removed(RuleBase before, RuleBase after, Set<String> removing) {
        List<Problem> out = new ArrayList<>();
        for (Map.Entry<String, CatalogMeta> e : before.catalogs().entrySet()) {
            if (after.catalogs().containsKey(e.getKey()) || removing.contains(e.getKey())) continue;
            String where = before.sources().bundles().stream().filter(b -> b.folder().equals(e.getKey()))
                    .map(b -> b.meta().origin()).findFirst().orElse(e.getKey());
            out.add(Problem.error(where, 0, 0, "CATALOG_REMOVED", "catalog " + e.getKey() + " (" + e.getValue().title()
                    + ") serves now but is missing from the catalogs read (" + where + " was deleted or moved); the "
                    + "catalogs serving now keep serving. To remove the catalog on purpose: reload(Set.of(\""
                    + e.getKey() + "\"))"));
        }
        return out;
    }

    private static String fingerprint(Sources s) {
        StringBuilder b = new StringBuilder();
        s.bundles().stream().sorted(Comparator.comparing(Sources.Bundle::packageName))
                .forEach(x -> b.append(x.packageName()).append('=').append(x.contentHash()).append(';'));
        s.laws().stream().sorted(Comparator.comparing(Sources.SourceFile::origin))
                .forEach(f -> b.append(f.origin()).append('=').append(f.text().hashCode()).append(';'));
        return b.toString();
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
