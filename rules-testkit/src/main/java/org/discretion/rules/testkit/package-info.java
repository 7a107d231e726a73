/**
 * Scenario suites inside a JUnit 5 build. Start with {@link org.discretion.rules.testkit.ScenarioTests}: a
 * {@code @TestFactory} returning {@code ScenarioTests.from(Path.of("src/test/resources/scenarios"))} turns every
 * scenario file under the folder into a container and every scenario into a test, evaluated by a real engine.
 */
package org.discretion.rules.testkit;
