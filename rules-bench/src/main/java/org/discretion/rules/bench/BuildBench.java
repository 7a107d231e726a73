package org.discretion.rules.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.DiscretionEngineBuilder;

/**
 * Time to build an engine (parse, check, compile every catalog) from the shipped catalogs or from a folder of
 * generated ones. Single-shot: with no warm-up iteration the measured build is the first in its JVM (cold: class
 * loading and JIT included); with warm-up iterations it is a rebuild in a running JVM, which is what a reload costs.
 * {@code bench/run} runs it both ways.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx6g"})
public class BuildBench {

    @State(Scope.Benchmark)
    public static class Input {
        /** {@code shipped} or {@code genN}. */
        @Param({"shipped", "gen1000", "gen10000"})
        public String catalog;

        Path dir;

        @Setup(Level.Trial)
        public void setUp() {
            int n = Catalogs.generatedCount(catalog);
            dir = n < 0 ? null : Catalogs.generate(n, "1");
        }

        DiscretionEngineBuilder builder() {
            DiscretionEngineBuilder b = DiscretionEngine.builder();
            return dir == null ? b.classpathCatalogs() : b.catalogDirectory(dir);
        }
    }

    @Benchmark
    public DiscretionEngine build(Input in) {
        return in.builder().build();
    }
}
