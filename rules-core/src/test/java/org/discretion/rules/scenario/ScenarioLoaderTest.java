package org.discretion.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.Coercion;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.Problem;
import org.discretion.rules.api.Status;

/** One broken fixture per kind of format error; each message names file, line and column. */
class ScenarioLoaderTest {
    static final Path MALFORMED = Path.of("src/test/resources/scenario-fixtures/malformed");

    private static List<String> problems(String fixture) {
        Path file = MALFORMED.resolve(fixture);
        try {
            ScenarioLoader.load(file);
        } catch (ScenarioFormatException e) {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.getMessage()).startsWith("scenario file " + file + " is malformed");
            return e.problems().stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + ": " + p.message()).toList();
        }
        throw new AssertionError(fixture + " loaded without error");
    }

    @Test
    void unknownExpectationKeyIsNamedWithItsLineAndASuggestion() {
        assertThat(problems("unknown-key.yaml")).containsExactly(MALFORMED.resolve("unknown-key.yaml")
                + ":7:6: unknown expectation \"handlin\" (did you mean \"handling\"?); known: citations, coercion, "
                + "duties, error, explanation, fineRange, handling, items, mandatory, missingFacts, status, warnings");
    }

    @Test
    void badEnumValuesAreNamedWithTheAllowedValues() {
        String f = MALFORMED.resolve("bad-enum.yaml").toString();
        assertThat(problems("bad-enum.yaml")).containsExactly(
                f + ":7:6: handling: \"NO_PENALTI\" is not one of NO_PENALTY, MAY_NO_PENALTY, MITIGATED, "
                        + "LENIENT_OR_MITIGATED, LENIENT, STANDARD, AGGRAVATED, TIME_BARRED, REFER_CRIMINAL, "
                        + "INSUFFICIENT_FACTS (did you mean NO_PENALTY?)",
                f + ":9:8: XZCF-30-UNDER14: true is not one of HELD, FAILED, UNKNOWN");
    }

    @Test
    void missingNameAndMissingExpectAreBothReported() {
        String f = MALFORMED.resolve("missing-name.yaml").toString();
        assertThat(problems("missing-name.yaml")).containsExactly(
                f + ":4:4: missing \"name\": a full sentence stating the situation and the outcome",
                f + ":7:4: scenario \"第二条有名称但没有期望。\" has no \"expect\": state at least one expected outcome "
                        + "(citations, coercion, duties, error, explanation, fineRange, handling, items, mandatory, "
                        + "missingFacts, status, warnings)");
    }

    @Test
    void yamlSyntaxErrorsKeepTheParsersLocationAndWhatWentWrong() {
        List<String> p = problems("syntax.yaml");
        assertThat(p).hasSize(1);
        assertThat(p.get(0)).startsWith(MALFORMED.resolve("syntax.yaml") + ":4:")
                .contains("malformed YAML: while parsing a flow mapping")
                .contains("expected ',' or '}'");
    }

    @Test
    void impossibleDatesAndDuplicateKeysAreRejected() {
        assertThat(problems("bad-date.yaml")).containsExactly(MALFORMED.resolve("bad-date.yaml")
                + ":2:0: evaluationDate must be a date YYYY-MM-DD, found \"2026-02-30\"");
        assertThat(problems("duplicate-key.yaml")).containsExactly(MALFORMED.resolve("duplicate-key.yaml")
                + ":7:6: duplicate key \"handling\" in scenarios[0].expect (first at line 6)");
    }

    @Test
    void everyExpectationIsReadAndOnlyStatedOnesAreSet() {
        ScenarioSuite s = ScenarioLoader.parse("inline.yaml", """
                suite: 全部期望
                catalogs: [tax_first_2021]
                evaluationDate: 2026-11-28
                scenarios:
                  - name: 所有期望都写了。
                    evaluationDate: 2025-01-01
                    case: {id: a, item: TAX-1, party: {type: ORGANIZATION}, actDate: 2024-01-10}
                    expect:
                      handling: NO_PENALTY
                      mandatory: true
                      coercion: null
                      items: [TAX-1]
                      status: {TAX-1: HELD, XZCF-33-1-2: UNKNOWN}
                      citations: ["行政处罚法 第33条", "会计法(2017) 第42条"]
                      missingFacts: [party.age]
                      fineRange: {min: 0, max: null}
                      duties: [EDUCATION]
                      explanation: [不予行政处罚]
                      warnings: [未经核实]
                  - name: 只写了结论。
                    case:
                      id: b
                      party:
                        type: ORGANIZATION
                    expect: {handling: STANDARD}
                """);
        assertThat(s.name()).isEqualTo("全部期望");
        assertThat(s.catalogs()).containsExactly("tax_first_2021");
        assertThat(s.evaluationDate()).isEqualTo(LocalDate.of(2026, 11, 28));
        Scenario a = s.scenarios().get(0);
        assertThat(a.line()).isEqualTo(5);
        assertThat(a.evaluationDate()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(a.caseId()).isEqualTo("a");
        Expectation x = a.expect();
        assertThat(x.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(x.mandatory()).isTrue();
        assertThat(x.coercion()).isEqualTo(Optional.<Coercion>empty());
        assertThat(x.items()).containsExactly("TAX-1");
        assertThat(x.status()).containsEntry("TAX-1", Status.HELD).containsEntry("XZCF-33-1-2", Status.UNKNOWN);
        assertThat(x.fineRange()).isPresent();
        assertThat(x.fineRange().get().min()).contains(BigDecimal.ZERO);
        assertThat(x.fineRange().get().max()).isEqualTo(Optional.empty());
        assertThat(x.error()).isNull();

        Expectation y = s.scenarios().get(1).expect();
        assertThat(y.handling()).isEqualTo(Handling.STANDARD);
        assertThat(y.mandatory()).isNull();
        assertThat(y.coercion()).isNull();
        assertThat(y.items()).isNull();
        assertThat(y.fineRange()).isNull();
        assertThat(s.scenarios().get(1).lineOf("party.type")).isEqualTo(24);
        assertThat(s.scenarios().get(1).lineOf("party.age")).isEqualTo(23);
    }

    @Test
    void anErrorExpectationStandsAlone() {
        assertThatThrownBy(() -> ScenarioLoader.parse("e.yaml", """
                suite: 错误与结论同时写
                scenarios:
                  - name: 既期望被拒绝又期望结论。
                    case: {id: e}
                    expect: {error: {field: party.age}, handling: STANDARD}
                """)).isInstanceOf(ScenarioFormatException.class)
                .hasMessageEndingWith("e.yaml:5:13: a scenario that expects the case to be rejected (error) can "
                        + "state nothing else: a rejected case has no decision");
    }

    @Test
    void duplicateNamesAndUnparseableCitationsAreRejected() {
        ScenarioFormatException e = org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioFormatException.class,
                () -> ScenarioLoader.parse("d.yaml", """
                        suite: 重名
                        scenarios:
                          - name: 同一个名称。
                            case: {id: a}
                            expect: {citations: [第33条]}
                          - name: 同一个名称。
                            case: {id: b}
                            expect: {handling: STANDARD}
                        """));
        assertThat(e.problems()).extracting(Problem::line).containsExactly(5, 6);
        assertThat(e.problems().get(0).message()).startsWith("citation \"第33条\" is not of the form");
        assertThat(e.problems().get(1).message()).startsWith("duplicate scenario name \"同一个名称。\"");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> ScenarioLoader.find(Path.of("no/such/folder")))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessageContaining("no/such/folder:0:0: no such file or directory");
    }
}
