/**
 * Scenario suites: readable YAML files that state a case and the outcome a tester expects, run against a real
 * engine. Start with {@link org.discretion.rules.scenario.ScenarioRunner}: {@code
 * ScenarioRunner.builder().classpathCatalogs().build().runAll(dir)} loads every {@code *.yaml} under a folder
 * ({@link org.discretion.rules.scenario.ScenarioLoader}), evaluates each scenario, compares only what the scenario
 * states ({@link org.discretion.rules.scenario.Expectation}) and reports readable differences
 * ({@link org.discretion.rules.scenario.ScenarioResult#report()}), coverage of statute grounds and list items
 * ({@link org.discretion.rules.scenario.CoverageReport}) and JUnit XML for CI
 * ({@link org.discretion.rules.scenario.JUnitXml}).
 *
 * <p>The format is described for testers in {@code docs/scenario-testing.md}. No Drools type appears here; the
 * JUnit 5 adapter for embedders lives in the {@code rules-testkit} module so that this package needs no test
 * framework at run time.
 */
package org.discretion.rules.scenario;
