package org.discretion.rules.examples;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import org.discretion.rules.testkit.ScenarioTests;

/**
 * Every shipped scenario suite (statute layer and catalogs) as a JUnit test, through the same helper an embedder
 * uses. The engine holds every catalog on the class path.
 */
class ScenarioSuitesTest {
    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    @TestFactory
    Stream<DynamicNode> shippedScenarios() {
        return ScenarioTests.from(SCENARIOS);
    }
}
