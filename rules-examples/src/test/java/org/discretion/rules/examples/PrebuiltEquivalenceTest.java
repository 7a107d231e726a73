package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.api.Settings;
import org.discretion.rules.internal.EngineImpl;
import org.discretion.rules.internal.RuleBaseBuilder;
import org.discretion.rules.internal.Sources;
import org.discretion.rules.scenario.Scenario;
import org.discretion.rules.scenario.ScenarioLoader;
import org.discretion.rules.scenario.ScenarioRunner;
import org.discretion.rules.scenario.ScenarioSuite;

/**
 * The rules compiled at build time (rules-prebuilt, executable model) decide every shipped scenario exactly as the
 * same rules compiled at run time (classic DRL path): the whole decision, why-not report and explanation included.
 * {@link ScenarioSuitesTest} checks the expectations through the prebuilt path; this checks it changes nothing.
 */
class PrebuiltEquivalenceTest {

    /** "Today" for cases without a decisionDate, set per scenario (one thread). */
    static final class SettableClock extends Clock {
        LocalDate today;

        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return today == null ? Instant.now() : today.atStartOfDay(getZone()).toInstant();
        }
    }

    @Test
    void everyScenarioDecidesTheSameOnBothPaths() {
        SettableClock clock = new SettableClock();
        DiscretionEngine prebuilt = DiscretionEngine.builder().classpathCatalogs().clock(clock).build();
        assertThat(((EngineImpl) prebuilt).ruleBase().prebuilt()).as("the prebuilt path is taken").isTrue();
        // and it is the path the scenario suites run through
        assertThat(((EngineImpl) ScenarioRunner.builder().classpathCatalogs().build().engine()).ruleBase().prebuilt())
                .isTrue();
        RuleBaseBuilder.Result compiled = RuleBaseBuilder.build(
                Sources.fromClasspath(PrebuiltEquivalenceTest.class.getClassLoader()));
        assertThat(compiled.ok()).isTrue();
        assertThat(compiled.ruleBase().prebuilt()).isFalse();
        DiscretionEngine classic = new EngineImpl(compiled.ruleBase(), Settings.defaults(), List.of(), clock, () -> null);

        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (Path f : ScenarioLoader.find(ScenarioSuitesTest.SCENARIOS)) {
            ScenarioSuite suite = ScenarioLoader.load(f);
            for (Scenario s : suite.scenarios()) {
                ObjectNode json = suite.caseOf(s);
                clock.today = suite.evaluationDateOf(s);
                String where = suite.file() + ": " + s.name();
                CaseInput in;
                try {
                    in = CaseJson.toCase(json);
                } catch (InvalidCaseException e) {
                    continue; // rejected before any rule runs
                }
                Object a = outcome(prebuilt, in);
                Object b = outcome(classic, in);
                compared++;
                if (!a.equals(b)) differences.add(where + "\n  prebuilt: " + a + "\n  classic:  " + b);
            }
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(differences).isEmpty();
    }

    private static Object outcome(DiscretionEngine e, CaseInput in) {
        try {
            return e.evaluate(in);
        } catch (InvalidCaseException ex) {
            return "InvalidCaseException: " + ex.getMessage();
        }
    }
}
