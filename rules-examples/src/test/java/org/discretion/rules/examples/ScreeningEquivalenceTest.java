package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Evaluation;
import org.discretion.rules.api.InvalidCaseException;
import org.discretion.rules.internal.EngineImpl;
import org.discretion.rules.internal.RuleBase;
import org.discretion.rules.scenario.Scenario;
import org.discretion.rules.scenario.ScenarioLoader;
import org.discretion.rules.scenario.ScenarioSuite;

/**
 * Over every case of the golden file: the lean screening call gives the same decision as the full one (all but the
 * why-not report and the prose), and {@code evaluateAll} on two threads gives the same decisions, in the same order,
 * as one call after the other.
 */
class ScreeningEquivalenceTest {

    record Case(CaseInput input, LocalDate today) {
    }

    static List<Case> goldenCases(DiscretionEngine engine) throws Exception {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../examples/cases"))) {
            for (Path f : files.sorted().toList()) {
                for (CaseJson.Parsed p : CaseJson.parse(Files.readString(f, StandardCharsets.UTF_8))) {
                    if (p.ok()) out.add(new Case(p.input(), DecisionGoldenTest.DEFAULT_TODAY));
                }
            }
        }
        for (Path f : ScenarioLoader.find(ScenarioSuitesTest.SCENARIOS)) {
            ScenarioSuite suite = ScenarioLoader.load(f);
            for (Scenario s : suite.scenarios()) {
                LocalDate today = suite.evaluationDateOf(s) != null ? suite.evaluationDateOf(s) : DecisionGoldenTest.DEFAULT_TODAY;
                try {
                    out.add(new Case(CaseJson.toCase(suite.caseOf(s)), today));
                } catch (InvalidCaseException e) {
                    // the golden file records the error; nothing to screen
                }
            }
        }
        RuleBase rb = ((EngineImpl) engine).ruleBase();
        List<RuleBase.ItemRef> refs = rb.items().values().stream().sorted(Comparator.comparing(x -> x.item().id())).toList();
        SplittableRandom r = new SplittableRandom(20261128L);
        for (int i = 0; i < 1200; i++) {
            try {
                out.add(new Case(DecisionGoldenTest.generated(i, r, refs), DecisionGoldenTest.DEFAULT_TODAY));
            } catch (InvalidCaseException e) {
                // as above
            }
        }
        return out;
    }

    private static String withoutProse(Decision d) {
        return CaseJson.write(CaseJson.toJson(new Decision(d.id(), d.handling(), d.mandatory(), d.coercion(), d.items(),
                d.basis(), d.duties(), d.measures(), d.fineRange(), d.penaltyKinds(), d.missingFacts(), List.of(), d.catalogVersions(),
                d.warnings(), null, d.engineVersion())), false);
    }

    @Test
    void screeningGivesTheSameDecisionAsTheFullEvaluationForEveryGoldenCase() throws Exception {
        DiscretionEngine engine = DiscretionEngine.builder().classpathCatalogs()
                .clock(new DecisionGoldenTest.TodayClock()).build();
        int compared = 0;
        for (Case c : goldenCases(engine)) {
            DecisionGoldenTest.TodayClock.TODAY.set(c.today());
            try {
                Decision full;
                try {
                    full = engine.evaluate(c.input());
                } catch (InvalidCaseException e) {
                    continue;
                }
                Decision lean = engine.screen(c.input());
                assertThat(lean.whyNot()).isEmpty();
                assertThat(lean.explanation()).isNull();
                assertThat(CaseJson.write(CaseJson.toJson(lean), false)).as(c.input().id()).isEqualTo(withoutProse(full));
                // the one-pass writer the CLI uses writes what the tree writes
                assertThat(CaseJson.writeDecision(full)).as(c.input().id()).isEqualTo(CaseJson.write(CaseJson.toJson(full), false));
                assertThat(CaseJson.writeDecision(lean)).as(c.input().id()).isEqualTo(CaseJson.write(CaseJson.toJson(lean), false));
                compared++;
            } finally {
                DecisionGoldenTest.TodayClock.TODAY.remove();
            }
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    @Test
    void evaluateAllOnTwoThreadsEqualsOneCallAfterTheOther() throws Exception {
        DiscretionEngine engine = DiscretionEngine.builder().classpathCatalogs()
                .clock(new DecisionGoldenTest.TodayClock()).build();
        List<CaseInput> inputs = goldenCases(engine).stream().filter(c -> c.today().equals(DecisionGoldenTest.DEFAULT_TODAY))
                .map(Case::input).toList();
        List<Evaluation> parallel = engine.evaluateAll(inputs, 2);
        assertThat(parallel).hasSameSizeAs(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            String expected;
            try {
                expected = CaseJson.write(CaseJson.toJson(engine.evaluate(inputs.get(i))), false);
            } catch (InvalidCaseException e) {
                expected = "ERROR " + e.getMessage();
            }
            Evaluation p = parallel.get(i);
            assertThat(p.ok() ? CaseJson.write(CaseJson.toJson(p.decision()), false) : "ERROR " + p.error().getMessage())
                    .as("case %d", i).isEqualTo(expected);
        }
    }

    /** Batches share one Drools session per chunk of cases: the decisions are those of one session per case. */
    @Test
    void screenAllEqualsScreeningOneCaseAfterTheOther() throws Exception {
        DiscretionEngine engine = DiscretionEngine.builder().classpathCatalogs()
                .clock(new DecisionGoldenTest.TodayClock()).build();
        List<CaseInput> inputs = goldenCases(engine).stream().filter(c -> c.today().equals(DecisionGoldenTest.DEFAULT_TODAY))
                .map(Case::input).toList();
        List<Evaluation> batch = engine.screenAll(inputs, 2);
        assertThat(batch).hasSameSizeAs(inputs);
        int failed = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String expected;
            try {
                expected = CaseJson.write(CaseJson.toJson(engine.screen(inputs.get(i))), false);
            } catch (InvalidCaseException e) {
                expected = "ERROR " + e.getMessage();
                failed++;
            }
            Evaluation b = batch.get(i);
            assertThat(b.ok() ? CaseJson.write(CaseJson.toJson(b.decision()), false) : "ERROR " + b.error().getMessage())
                    .as("case %d", i).isEqualTo(expected);
        }
        assertThat(inputs.size() - failed).isGreaterThan(1_000);
    }
}
