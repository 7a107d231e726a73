package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.*;

/** Each kind of bad input gets a message naming the case, the field and the problem (issue 2). */
class BadInputTest {

    static final String OK = "{\"id\":\"ok\",\"party\":{\"type\":\"ORGANIZATION\"},\"actDate\":\"2024-01-10\","
            + "\"discoveryDate\":\"2024-02-01\",\"decisionDate\":\"2024-03-01\",\"firstOffense\":false,"
            + "\"correction\":\"NOT_CORRECTED\",\"severity\":\"GENERAL\",\"harm\":\"GENERAL\"}";

    static InvalidCaseException error(String json) {
        List<CaseJson.Parsed> parsed = CaseJson.parse(json);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).ok()).as("expected an input error for " + json).isFalse();
        return parsed.get(0).error();
    }

    static String with(String field, String value) {
        return OK.substring(0, OK.length() - 1) + ",\"" + field + "\":" + value + "}";
    }

    @Test
    void malformedJson() {
        InvalidCaseException e = error("{\"id\":\"x\",");
        assertThat(e.getMessage()).startsWith("case <no id>: malformed JSON at line 1");
    }

    @Test
    void unknownFieldIsRejectedNotIgnored() {
        InvalidCaseException e = error(with("firstOfense", "true"));
        assertThat(e.getMessage()).isEqualTo("case \"ok\", field \"firstOfense\": unknown field; known fields are "
                + "actDate, actEndDate, agency, caseNumber, catalogs, circumstances, correction, decisionDate, discoveryDate, "
                + "evidence, facts, factsFound, firstOffense, harm, id, illegalGains, item, party, penaltyRange, "
                + "priorViolations, provision, severity");
        assertThat(error(OK.replace("\"type\"", "\"kind\"")).field()).isEqualTo("party.kind");
    }

    @Test
    void wrongType() {
        assertThat(error(OK.replace("\"firstOffense\":false", "\"firstOffense\":\"yes\"")).getMessage())
                .isEqualTo("case \"ok\", field \"firstOffense\": must be true or false, was the string \"yes\"");
        assertThat(error(with("illegalGains", "\"100\"")).getMessage())
                .isEqualTo("case \"ok\", field \"illegalGains\": must be a number, was the string \"100\"");
        assertThat(error(OK.replace("\"GENERAL\",\"harm\"", "\"NORMAL\",\"harm\"")).getMessage())
                .isEqualTo("case \"ok\", field \"severity\": \"NORMAL\" is not one of MARKEDLY_MINOR, MINOR, GENERAL, SERIOUS");
    }

    @Test
    void impossibleDate() {
        assertThat(error(OK.replace("2024-02-01", "2024-02-30")).getMessage())
                .isEqualTo("case \"ok\", field \"discoveryDate\": is not a valid date: \"2024-02-30\" (expected YYYY-MM-DD)");
    }

    @Test
    void discoveryBeforeTheAct() {
        assertThat(error(OK.replace("2024-02-01", "2023-12-01")).getMessage())
                .isEqualTo("case \"ok\", field \"discoveryDate\": is before actDate: a violation cannot be discovered "
                        + "before it is committed (2023-12-01 < 2024-01-10)");
    }

    @Test
    void negativeAgeOrAmount() {
        assertThat(error(OK.replace("{\"type\":\"ORGANIZATION\"}", "{\"type\":\"INDIVIDUAL\",\"age\":-3}")).getMessage())
                .isEqualTo("case \"ok\", field \"party.age\": must not be negative (was -3)");
        assertThat(error(with("illegalGains", "-5")).getMessage())
                .isEqualTo("case \"ok\", field \"illegalGains\": must not be negative (was -5)");
        assertThat(error(with("penaltyRange", "{\"fineMin\":-1}")).field()).isEqualTo("penaltyRange.fineMin");
    }

    @Test
    void unknownItemIdIsAnInputErrorFromTheEngine() {
        CaseInput c = CaseJson.parseCase(with("item", "\"TAX-999\""));
        assertThatThrownBy(() -> Engines.statuteOnly().evaluate(c))
                .isInstanceOf(InvalidCaseException.class)
                .hasMessage("case \"ok\", field \"item\": unknown item id \"TAX-999\"; item ids look like TAX-1 or "
                        + "SHFIRE-13 (see docs/catalogs.md)");
    }

    @Test
    void undeclaredOrMistypedItemFacts() {
        CaseInput typo = CaseJson.parseCase(with("item", "\"FXN-1\",\"facts\":{\"amout\":5}"));
        assertThatThrownBy(() -> Engines.withFixtures().evaluate(typo)).hasMessage(
                "case \"ok\", field \"facts.amout\": no item of this case declares a fact \"amout\"; declared facts: amount");
        CaseInput wrong = CaseJson.parseCase(with("item", "\"FXN-1\",\"facts\":{\"amount\":\"many\"}"));
        assertThatThrownBy(() -> Engines.withFixtures().evaluate(wrong)).hasMessage(
                "case \"ok\", field \"facts.amount\": must be a number (涉及金额, in 元), was \"many\"");
    }

    @Test
    void oneBadCaseNeverSpoilsTheOthersInABatch() {
        String lines = OK + "\n" + "{\"id\":\"bad\",\"harm\":\"TERRIBLE\"}\n{not json}\n" + OK.replace("\"ok\"", "\"ok2\"");
        List<CaseJson.Parsed> parsed = CaseJson.parse(lines);
        assertThat(parsed).hasSize(4);
        assertThat(parsed).extracting(CaseJson.Parsed::ok).containsExactly(true, false, false, true);
        assertThat(parsed.get(1).error().getMessage()).contains("case \"bad\", field \"harm\"");
        assertThat(parsed.get(2).error().getMessage()).contains("malformed JSON at line 3");
        List<Evaluation> results = Engines.statuteOnly().evaluateAll(List.of(
                parsed.get(0).input(), CaseJson.parseCase(with("item", "\"NOPE-1\"")), parsed.get(3).input()));
        assertThat(results).extracting(Evaluation::ok).containsExactly(true, false, true);
        assertThat(results.get(1).error().field()).isEqualTo("item");
    }

    @Test
    void limitsRejectOversizedInputClearly() {
        CaseJson.Limits tight = new CaseJson.Limits(100, 3, 2);
        assertThat(CaseJson.parse(OK, tight).get(0).error().getMessage()).contains("more than the limit of 100");
        assertThat(CaseJson.parse("[" + "{\"id\":\"a\"},".repeat(2) + "{\"id\":\"c\"}]", new CaseJson.Limits(1000, 5, 2))
                .get(0).error().getMessage()).contains("batch of 3 cases is larger than the limit of 2");
        assertThat(CaseJson.parse("{\"id\":\"d\",\"facts\":{\"a\":{\"b\":{\"c\":{}}}}}", tight).get(0).error().getMessage())
                .contains("nesting deeper than the limit of 3");
    }

    @Test
    void aDecisionRoundTripsThroughJson() {
        Decision d = Engines.statuteOnly().evaluate(CaseJson.parseCase(OK));
        String json = CaseJson.write(CaseJson.toJson(d), false);
        assertThat(CaseJson.readDecision(json)).isEqualTo(d);
        assertThat(json).contains("\"handling\":\"STANDARD\"").contains("\"actDate\"").doesNotContain("org.kie");
    }

    /** Found by JsonFuzzTest: an exponent Jackson cannot hold as a BigDecimal crashed the whole parse. */
    @Test
    void aNumberWithAHugeExponentIsTheCasesErrorNotACrash() {
        for (String text : List.of("[" + with("illegalGains", "1e40012345678901234567890") + "]",
                with("illegalGains", "1e40012345678901234567890") + "\n" + OK)) {
            List<CaseJson.Parsed> parsed = CaseJson.parse(text);
            assertThat(parsed).isNotEmpty();
            assertThat(parsed.get(0).ok()).isFalse();
            assertThat(parsed.get(0).error().getMessage()).contains("out of range");
        }
    }
}
