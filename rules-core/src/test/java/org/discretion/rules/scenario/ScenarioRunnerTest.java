package org.discretion.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.Handling;

/** Runs fixtures against the real statute-layer engine and checks the readable diff. */
class ScenarioRunnerTest {
    static final Path FIXTURES = Path.of("src/test/resources/scenario-fixtures");
    static final ScenarioRunner RUNNER = ScenarioRunner.builder().build();

    @Test
    void aWrongExpectationFailsWithADiffAndTheExplanation() {
        RunSummary run = RUNNER.runAll(FIXTURES.resolve("wrong-expectation.yaml"));
        assertThat(run.tally()).isEqualTo("1 passed, 1 failed");
        ScenarioResult wrong = run.results().get(0);
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.mismatches()).extracting(Mismatch::what)
                .containsExactly("handling", "status.XZCF-30-UNDER14", "citations[1]", "missingFacts[0]");
        String f = FIXTURES.resolve("wrong-expectation.yaml").toString();
        assertThat(wrong.report()).isEqualTo("""
                FAIL 故意写错的期望 › 十三周岁的个人违法的，（错误地）期望按法定幅度处罚。
                     at %s:7
                     handling                expected: STANDARD
                                             actual:   NO_PENALTY
                     status.XZCF-30-UNDER14  expected: FAILED
                                             actual:   HELD（适用）
                                                       - 当事人为自然人（含个体工商户）: HELD (party.type=INDIVIDUAL)
                                                       - 违法行为发生时不满14周岁: HELD (party.age=13)
                     citations[1]            expected: 行政处罚法 第49条
                                             actual:   not cited; the basis is:
                                                       - 《中华人民共和国行政处罚法》（2021年修订）第三十条（不予处罚依据）
                     missingFacts[0]         expected: party.age is asked for
                                             actual:   no fact is asked for
                     decision: NO_PENALTY（应当）, coercion COERCION_PERMITTED, items []
                     explanation: %s
                """.formatted(f, wrong.decision().explanation()));
        assertThat(wrong.decision().explanation()).contains("违法行为发生时13周岁").contains("第三十条");
        assertThat(run.results().get(1).report()).isEqualTo("PASS 故意写错的期望 › 十三周岁的个人违法的，不予行政处罚（这一条写对了）。\n");
    }

    @Test
    void aRejectedCasePointsAtTheLineOfTheBadField() {
        ScenarioResult r = RUNNER.runAll(FIXTURES.resolve("invalid-case.yaml")).results().get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.decision()).isNull();
        assertThat(r.rejection().field()).isEqualTo("correction");
        assertThat(r.mismatches()).containsExactly(new Mismatch("case", "a valid case", "rejected as invalid input at "
                + FIXTURES.resolve("invalid-case.yaml") + ":10: case \"c1\", field \"correction\": \"WITHN_DEADLINE\" is not "
                + "one of BEFORE_DISCOVERY, ON_THE_SPOT, WITHIN_DEADLINE, DURING_INVESTIGATION, AFTER_DEADLINE, NOT_CORRECTED"));
    }

    private static ScenarioResult runOne(String yaml) {
        ScenarioSuite s = ScenarioLoader.parse("inline.yaml", yaml);
        return RUNNER.run(s, s.scenarios().get(0));
    }

    @Test
    void errorExpectationsCompareFieldAndMessage() {
        ScenarioResult ok = runOne("""
                suite: s
                scenarios:
                  - name: 负年龄被拒绝。
                    case: {id: a, party: {type: INDIVIDUAL, age: -3}}
                    expect: {error: {field: party.age, message: must not be negative}}
                """);
        assertThat(ok.passed()).isTrue();
        ScenarioResult wrongField = runOne("""
                suite: s
                scenarios:
                  - name: 负年龄被拒绝，但期望写成了别的字段。
                    case: {id: a, party: {type: INDIVIDUAL, age: -3}}
                    expect: {error: {field: actDate}}
                """);
        assertThat(wrongField.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.what()).isEqualTo("error.field");
            assertThat(m.expected()).isEqualTo("actDate");
            assertThat(m.actual()).startsWith("party.age — case \"a\", field \"party.age\": must not be negative (was -3) (inline.yaml:4)");
        });
        ScenarioResult notRejected = runOne("""
                suite: s
                scenarios:
                  - name: 合法的案件却期望被拒绝。
                    case: {id: a, party: {type: ORGANIZATION}, actDate: 2024-01-01, discoveryDate: 2024-01-02, decisionDate: 2024-01-03, severity: GENERAL, harm: GENERAL, correction: NOT_CORRECTED, firstOffense: false}
                    expect: {error: {field: party.age}}
                """);
        assertThat(notRejected.mismatches()).containsExactly(new Mismatch("error",
                "the case is rejected as invalid input (field party.age)", "it was evaluated: STANDARD"));
    }

    @Test
    void citationsMatchAtThePrecisionTheyAreWritten() {
        String base = """
                suite: s
                scenarios:
                  - name: 引用。
                    case: {id: a, party: {type: ORGANIZATION}, actDate: 2024-01-10, discoveryDate: 2024-02-01, decisionDate: 2024-03-01, firstOffense: false, correction: ON_THE_SPOT, severity: MINOR, harm: NONE}
                    expect: {citations: [%s]}
                """;
        for (String ok : List.of("行政处罚法 第33条", "行政处罚法 第33条第1款", "行政处罚法 第33条第1款第1句",
                "中华人民共和国行政处罚法 第33条", "行政处罚法(2021) 第33条", "行政强制法 第16条第2款")) {
            assertThat(runOne(base.formatted("\"" + ok + "\"")).passed()).as(ok).isTrue();
        }
        for (String bad : List.of("行政处罚法 第33条第2款", "行政处罚法 第33条第1款第2句", "行政处罚法(2017) 第33条",
                "行政强制法 第33条", "滑法政办〔2022〕17号 三(七)")) {
            assertThat(runOne(base.formatted("\"" + bad + "\"")).passed()).as(bad).isFalse();
        }
    }

    @Test
    void aSuiteWhoseCatalogsAreNotLoadedFailsNamingThem() {
        ScenarioResult r = runOne("""
                suite: s
                catalogs: [tax_first_2021]
                scenarios:
                  - name: 清单未加载。
                    case: {id: a, item: TAX-1}
                    expect: {handling: NO_PENALTY}
                """);
        assertThat(r.mismatches()).containsExactly(new Mismatch("catalogs", "the suite's catalogs [tax_first_2021] loaded",
                "not loaded: [tax_first_2021]; loaded catalogs: none"));
    }

    @Test
    void theEvaluationDateIsTodayForCasesWithoutADecisionDate() {
        ScenarioResult r = runOne("""
                suite: s
                evaluationDate: 2025-06-30
                scenarios:
                  - name: 没有决定日期。
                    case: {id: a, party: {type: ORGANIZATION}, actDate: 2024-01-10, discoveryDate: 2024-02-01, firstOffense: false, correction: NOT_CORRECTED, severity: GENERAL, harm: GENERAL}
                    expect: {warnings: ["按评估当日 2025-06-30 判断"], handling: STANDARD}
                """);
        assertThat(r.passed()).as(r.report()).isTrue();
        assertThat(r.decision().handling()).isEqualTo(Handling.STANDARD);
    }

    @Test
    void fineRangesCompareAmountsAndAbsence() {
        String base = """
                suite: s
                scenarios:
                  - name: 罚款幅度。
                    case: {id: a, party: {type: ORGANIZATION}, actDate: 2024-01-10, discoveryDate: 2024-02-01, decisionDate: 2024-03-01, firstOffense: false, correction: NOT_CORRECTED, severity: GENERAL, harm: GENERAL, penaltyRange: {fineMin: 2000, fineMax: 10000}}
                    expect: {fineRange: %s}
                """;
        assertThat(runOne(base.formatted("{min: 2000, max: 10000.00}")).passed()).isTrue();
        assertThat(runOne(base.formatted("{max: 10000}")).passed()).isTrue();
        ScenarioResult wrong = runOne(base.formatted("{min: 0, max: 600}"));
        assertThat(wrong.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.expected()).isEqualTo("min 0, max 600");
            assertThat(m.actual()).startsWith("min 2000, max 10000 — ");
        });
        assertThat(runOne(base.formatted("null")).mismatches()).extracting(Mismatch::expected).containsExactly("no fine range");
    }

    @Test
    void anEmptyMissingFactsListMeansNothingIsAskedFor() {
        String base = """
                suite: s
                scenarios:
                  - name: 年龄。
                    case: {id: a, party: {type: INDIVIDUAL, mentalCapacity: FULL%s}, actDate: 2024-01-10, discoveryDate: 2024-02-01, decisionDate: 2024-03-01, firstOffense: false, correction: NOT_CORRECTED, severity: GENERAL, harm: GENERAL}
                    expect: {missingFacts: []}
                """;
        assertThat(runOne(base.formatted(", age: 30")).passed()).isTrue();
        assertThat(runOne(base.formatted("")).mismatches()).containsExactly(
                new Mismatch("missingFacts", "[] (nothing is asked for)", "asked for: [party.age]"));
    }
}
