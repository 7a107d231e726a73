package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.discretion.rules.Engines.plain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DecisionDocuments;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.PenaltyRange;
import org.discretion.rules.api.Severity;
import org.discretion.rules.internal.Wording;

/**
 * The 裁量理由, sentence by sentence: each part fires on the rule that produces it and is absent on the near miss.
 * Whole documents are reviewed in rules-examples (DocumentGoldenTest).
 */
class ExplanationTest {
    static Decision eval(CaseInput in) {
        return Engines.withFixtures().evaluate(in);
    }

    @Test
    void paragraphsOpenWithTheirDocumentWords() {
        Decision d = eval(plain("p").build());
        String[] p = d.explanation().split("\n");
        assertThat(p[0]).startsWith("经查，当事人于2024年1月10日实施了【违法事实】的违法行为。本机关于2024年2月1日发现该违法行为。")
                .endsWith("上述事实，有【证据名称】等证据证实。");
        assertThat(p[1]).startsWith("本机关认为，当事人的上述行为违反了【违法行为依据】的规定。");
        assertThat(p[2]).startsWith("综上，本案不具有法定或者清单所列不予行政处罚、从轻、减轻行政处罚的情形。");
    }

    @Test
    void factsFoundAndEvidenceOfTheCaseAreUsedAsGiven() {
        Decision d = eval(plain("p").factsFound("当事人在经营场所销售过期食品").evidence("现场笔录", "询问笔录").build());
        assertThat(d.explanation()).startsWith("经查，当事人在经营场所销售过期食品。本机关于2024年2月1日发现该违法行为。上述事实，有现场笔录、询问笔录等证据证实。");
    }

    @Test
    void article32NamesTheItemThatAppliesAndTheFactThatMeetsIt() {
        Decision d = eval(plain("c").circumstances(Circumstance.CONFESSED_UNKNOWN_VIOLATION).build());
        assertThat(d.handling()).isEqualTo(Handling.LENIENT_OR_MITIGATED);
        assertThat(d.explanation()).contains("当事人主动供述了行政机关尚未掌握的违法行为，属于《中华人民共和国行政处罚法》（2021年修订）第三十二条第（三）项“主动供述行政机关尚未掌握的违法行为的。”")
                .doesNotContain("第（一）项").doesNotContain("之一");
        Decision miss = eval(plain("n").build());
        assertThat(miss.explanation()).doesNotContain("第三十二条");
    }

    @Test
    void aSentenceOfATwoSentenceParagraphIsItsFrontOrBackPart() {
        Decision may = eval(plain("m").firstOffense(true).harm(Harm.MINOR).correction(Correction.ON_THE_SPOT).build());
        assertThat(may.handling()).isEqualTo(Handling.MAY_NO_PENALTY);
        assertThat(may.explanation()).contains("第三十三条第一款后段“初次违法且危害后果轻微并及时改正的，可以不予行政处罚。”")
                .contains("可以不予行政处罚，由本机关裁量决定").contains("第五十七条第一款第（二）项").doesNotContain("第二句")
                .doesNotContain("应当不予");
        Decision must = eval(plain("n").severity(Severity.MINOR).harm(Harm.NONE).correction(Correction.ON_THE_SPOT).build());
        assertThat(must.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(must.explanation()).contains("第三十三条第一款前段").contains("第三十三条第一款前段、第五十七条第一款第（二）项的规定，对当事人不予行政处罚")
                .doesNotContain("第一句");
    }

    @Test
    void aListThatBindsItsIssuerSaysWhereTheMustComesFrom() {
        Decision d = eval(plain("l").item("FXN-1").actDate(LocalDate.of(2024, 7, 1)).discoveryDate(LocalDate.of(2024, 7, 15))
                .decisionDate(LocalDate.of(2024, 8, 1)).firstOffense(true).harm(Harm.MINOR).fact("amount", 1000).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.explanation()).contains("《测试用不予处罚事项清单（新）》（测试〔2024〕1号）第1项所列情形")
                .contains("第三十三条第一款后段").contains("以公布不予处罚事项清单的方式").contains("受其约束，对当事人应当不予行政处罚");
    }

    @Test
    void anItemThatFailedNeverDescribesTheAct() {
        Decision d = eval(plain("f").item("FXN-1").actDate(LocalDate.of(2024, 7, 1)).discoveryDate(LocalDate.of(2024, 7, 15))
                .decisionDate(LocalDate.of(2024, 8, 1)).firstOffense(false).harm(Harm.GENERAL).fact("amount", 1000).build());
        assertThat(d.items()).isEmpty();
        assertThat(d.explanation()).contains("实施了【违法事实】的违法行为").doesNotContain("伪造会计凭证金额较小");
    }

    @Test
    void article49AgainstMitigationIsStatedAndResolved() {
        Decision d = eval(plain("x").circumstances(Circumstance.VIOLATED_EMERGENCY_MEASURES,
                Circumstance.ELIMINATED_HARM).build());
        assertThat(d.explanation()).contains("当事人同时违反了突发事件应对措施").contains("第四十九条")
                .contains("法律未规定从重情形与从轻、减轻情形并存时如何适用");
        Decision only49 = eval(plain("y").circumstances(Circumstance.VIOLATED_EMERGENCY_MEASURES).build());
        assertThat(only49.handling()).isEqualTo(Handling.AGGRAVATED);
        assertThat(only49.explanation()).doesNotContain("并存").contains("依法快速、从重处罚");
    }

    @Test
    void theTimeBarStatesTheComputationAndTheProceduralConsequence() {
        Decision d = eval(plain("t").actDate(LocalDate.of(2021, 8, 1)).discoveryDate(LocalDate.of(2023, 9, 1))
                .decisionDate(LocalDate.of(2023, 10, 1)).build());
        assertThat(d.handling()).isEqualTo(Handling.TIME_BARRED);
        assertThat(d.explanation()).contains("当事人的违法行为发生于2021年8月1日，至2023年9月1日被发现，已超过")
                .contains("第三十六条第一款规定的二年追责期限").contains("从违法行为发生之日起计算")
                .contains("本案尚未立案的，不予立案；已经立案的，撤销立案。");
        Decision five = eval(plain("t5").actDate(LocalDate.of(2021, 8, 1)).discoveryDate(LocalDate.of(2026, 9, 1))
                .decisionDate(LocalDate.of(2026, 10, 1)).circumstances(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY).build());
        assertThat(five.handling()).isEqualTo(Handling.TIME_BARRED);
        assertThat(five.explanation()).contains("五年追责期限");
        // near miss: an act before 2021-07-15 is judged by the 2017 text (第二十九条), which has no five-year extension
        Decision old = eval(plain("t2017").actDate(LocalDate.of(2015, 8, 1)).discoveryDate(LocalDate.of(2023, 9, 1))
                .decisionDate(LocalDate.of(2023, 10, 1)).circumstances(Circumstance.LIFE_HEALTH_OR_FINANCIAL_SAFETY).build());
        assertThat(old.explanation()).contains("（2017年修正）第二十九条第一款规定的二年追责期限").doesNotContain("五年")
                .doesNotContain("第三十六条");
    }

    @Test
    void missingFactsNameEachGroundOnce() {
        Decision d = eval(CaseInput.builder("u").party(new Party(null, null, null)).actDate(LocalDate.of(2024, 1, 10))
                .discoveryDate(LocalDate.of(2024, 2, 1)).build());
        assertThat(d.handling()).isEqualTo(Handling.INSUFFICIENT_FACTS);
        String e = d.explanation();
        assertThat(e).contains("尚不能确定对当事人的处理").contains("须查明");
        for (String ground : new String[] {"第三十三条第一款前段（", "第三十三条第一款后段（"}) {
            assertThat(e.indexOf(ground)).as(ground).isEqualTo(e.lastIndexOf(ground));
        }
        assertThat(d.missingFacts()).allSatisfy(m -> assertThat(m.why().split("、")).doesNotHaveDuplicates());
        assertThat(e).doesNotContain("priorViolations");
    }

    @Test
    void aFineRestingOnAnUnverifiedShareIsNotStatedAsLaw() {
        Decision d = eval(plain("f").circumstances(Circumstance.ELIMINATED_HARM)
                .penaltyRange(new PenaltyRange(new BigDecimal("1000"), new BigDecimal("10000"), null, null, null)).build());
        assertThat(d.fineRange().verified()).isFalse();
        assertThat(d.explanation()).doesNotContain("30%").doesNotContain("3700").contains("在法定罚款幅度内从轻确定罚款数额");
    }

    @Test
    void noEngineVocabularyInAnyPart() {
        Decision d = eval(plain("v").circumstances(Circumstance.ELIMINATED_HARM).illegalGains(new BigDecimal("120.50"))
                .penaltyRange(new PenaltyRange(new BigDecimal("1000"), new BigDecimal("10000"), null, null, null)).build());
        String all = d.explanation() + DecisionDocuments.markdown(d, plain("v").build());
        assertThat(all).doesNotContainPattern("[A-Z]{2,}_[A-Z]+|\\bnull\\b|\\d{4}-\\d{2}-\\d{2}|— 元|（不含）")
                .doesNotContain("（不予处罚不免除改正义务）").contains("没收违法所得120.5元");
    }

    @Test
    void aListExcludedByHuaxian2022No17IsExplainedInTheReasons() {
        CaseInput.Builder b = plain("hx").item("FXN-1").actDate(LocalDate.of(2024, 7, 1)).discoveryDate(LocalDate.of(2024, 7, 15))
                .decisionDate(LocalDate.of(2024, 8, 1)).firstOffense(true).harm(Harm.MINOR).fact("amount", 1000);
        Decision excluded = eval(b.circumstances(Circumstance.EXPLOITED_EMERGENCY).build());
        assertThat(excluded.items()).isEmpty();
        assertThat(excluded.explanation()).contains("当事人利用自然灾害、事故灾难、公共卫生事件、社会安全事件实施违法行为")
                .contains("滑法政办〔2022〕17号").contains("的规定，本案不适用测试机关《测试用不予处罚事项清单（新）》（测试〔2024〕1号）第1项");
        Decision applied = eval(b.circumstances().build());
        assertThat(applied.explanation()).doesNotContain("本案不适用");
    }

    @Test
    void aListNotYetInForceAtTheActDateIsNotCalledExpired() {
        Decision d = eval(plain("nl").item("FXN-1").actDate(LocalDate.of(2024, 3, 1)).discoveryDate(LocalDate.of(2024, 4, 1))
                .decisionDate(LocalDate.of(2024, 8, 1)).firstOffense(true).harm(Harm.MINOR).fact("amount", 1000).build());
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("测试用不予处罚事项清单（新）").contains("尚未施行"));
        assertThat(d.warnings()).noneSatisfy(w -> assertThat(w).contains("测试用不予处罚事项清单（新）").contains("已不在有效期内"));
        assertThat(d.explanation()).contains("本案违法行为发生时（2024年3月1日）与作出决定时（2024年8月1日）适用的规定不同")
                .contains("适用作出决定时的规定");
    }

    @Test
    void theUnderFourteenGroundQuotesItsOwnClauseOnly() {
        Decision d = eval(plain("u14").party(Party.individual(13)).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.explanation()).contains("第三十条“不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教。”")
                .doesNotContain("已满十四周岁不满十八周岁");
    }

    @Test
    void wordingOfNumbersDatesAndCitations() {
        assertThat(Wording.number(33)).isEqualTo("三十三");
        assertThat(Wording.number(10)).isEqualTo("十");
        assertThat(Wording.number(15)).isEqualTo("十五");
        assertThat(Wording.number(105)).isEqualTo("一百零五");
        assertThat(Wording.number(110)).isEqualTo("一百一十");
        assertThat(Wording.date(LocalDate.of(2024, 3, 5))).isEqualTo("2024年3月5日");
        assertThat(Wording.sealDate(LocalDate.of(2024, 3, 5))).isEqualTo("二〇二四年三月五日");
        assertThat(Wording.sealDate(LocalDate.of(2020, 12, 31))).isEqualTo("二〇二〇年十二月三十一日");
        assertThat(Wording.joinRefs(java.util.List.of("《甲法》（2021年修订）第三条", "《甲法》（2021年修订）第五条第一款", "《乙法》第二条")))
                .isEqualTo("《甲法》（2021年修订）第三条、第五条第一款、《乙法》第二条");
    }
}
