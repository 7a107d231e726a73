package org.discretion.rules.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.internal.EngineImpl;

/**
 * The catalog sets the benchmarks run on: {@code shipped} (what rules-catalog puts on the class path, with the
 * statute layer) or {@code genN} (N generated items written to a temporary folder and loaded with
 * {@code catalogDirectory}, the way an agency loads its own lists).
 */
public final class Catalogs {
    /** Cases per benchmark: enough to defeat branch prediction on one case, few enough to stay in cache. */
    public static final int CASES = 1024;
    public static final long SEED = 20240501L;

    private Catalogs() {
    }

    /** The number of generated items of a {@code genN} name, or -1 for {@code shipped}. */
    public static int generatedCount(String name) {
        if (name.equals("shipped")) return -1;
        if (!name.startsWith("gen")) throw new IllegalArgumentException("catalog set must be shipped or genN, was " + name);
        return Integer.parseInt(name.substring(3));
    }

    /** A folder with {@code count} generated items (deleted at JVM exit). */
    public static Path generate(int count, String version) {
        try {
            Path dir = Files.createTempDirectory("discretion-bench-" + count + "-");
            GeneratedCatalogs.write(dir, count, version);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** An engine and its benchmark cases. */
    public record Setup(DiscretionEngine engine, List<CaseInput> cases, List<GeneratedCatalogs.Item> items) {
    }

    public static Setup setup(String name) {
        int n = generatedCount(name);
        if (n < 0) {
            DiscretionEngine e = DiscretionEngine.builder().classpathCatalogs().build();
            return new Setup(e, BenchCases.forRuleBase(((EngineImpl) e).ruleBase(), CASES, SEED), List.of());
        }
        Path dir = generate(n, "1");
        DiscretionEngine e = DiscretionEngine.builder().catalogDirectory(dir).build();
        List<GeneratedCatalogs.Item> items = GeneratedCatalogs.items(n);
        return new Setup(e, BenchCases.forGenerated(items, CASES, SEED), items);
    }
}
