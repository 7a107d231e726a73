package org.discretion.rules.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import org.discretion.rules.scenario.Scenario;
import org.discretion.rules.scenario.ScenarioFormatException;
import org.discretion.rules.scenario.ScenarioLoader;
import org.discretion.rules.scenario.ScenarioResult;
import org.discretion.rules.scenario.ScenarioRunner;
import org.discretion.rules.scenario.ScenarioSuite;

/**
 * Turns scenario files into JUnit 5 dynamic tests, so that a case-handling system runs our scenario format inside
 * its own build:
 *
 * <pre>{@code
 * class DiscretionScenariosTest {
 *     @TestFactory
 *     Stream<DynamicNode> scenarios() {
 *         return ScenarioTests.from(Path.of("src/test/resources/scenarios"));
 *     }
 * }
 * }</pre>
 *
 * <p>One container per file (named by the suite and the file), one test per scenario (named by its sentence, with
 * the file and line as its test source, so IDEs jump to it). A failing scenario fails with the readable report of
 * {@link ScenarioResult#report()}: every unmet expectation as expected / actual, and the decision's explanation. A
 * malformed file becomes one failing test whose message lists each problem as {@code file:line:column}; the other
 * files still run. Files are loaded when the stream is consumed; engines are shared per catalog set.
 */
public final class ScenarioTests {
    private ScenarioTests() {
    }

    /** Scenarios under {@code dirOrFile}, evaluated with the catalogs on the class path. */
    public static Stream<DynamicNode> from(Path dirOrFile) {
        return from(dirOrFile, ScenarioRunner.builder().classpathCatalogs().build());
    }

    /** Scenarios under {@code dirOrFile}, evaluated by the given runner (e.g. with a catalog directory). */
    public static Stream<DynamicNode> from(Path dirOrFile, ScenarioRunner runner) {
        Objects.requireNonNull(runner, "runner");
        List<Path> files = ScenarioLoader.find(dirOrFile);
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("scenario files under " + dirOrFile, () -> {
                throw new AssertionFailedError("no *.yaml scenario file under " + dirOrFile.toAbsolutePath());
            }));
        }
        return files.stream().map(f -> file(f, runner));
    }

    private static DynamicNode file(Path file, ScenarioRunner runner) {
        URI uri = file.toUri();
        ScenarioSuite suite;
        try {
            suite = ScenarioLoader.load(file);
        } catch (ScenarioFormatException e) {
            return DynamicTest.dynamicTest(file.getFileName() + " can be read", uri, () -> {
                throw new AssertionFailedError(e.getMessage());
            });
        }
        return DynamicContainer.dynamicContainer(suite.name() + " (" + file.getFileName() + ")", uri,
                suite.scenarios().stream().map(s -> test(suite, s, runner, uri)));
    }

    private static DynamicTest test(ScenarioSuite suite, Scenario s, ScenarioRunner runner, URI file) {
        URI source = URI.create(file + "?line=" + s.line());
        return DynamicTest.dynamicTest(s.name(), source, () -> {
            ScenarioResult r = runner.run(suite, s);
            if (!r.passed()) {
                throw new AssertionFailedError(r.report());
            }
        });
    }
}
