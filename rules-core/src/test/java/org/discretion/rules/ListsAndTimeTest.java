package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.discretion.rules.Engines.plain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.*;

/** List items on top of the statute layer, exclusions, and 行政处罚法 第37条 — with the fictional fixture catalogs. */
class ListsAndTimeTest {

    static Decision eval(CaseInput c) {
        return Engines.withFixtures().evaluate(c);
    }

    static Status status(Decision d, String id) {
        return d.whyNot().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow().status();
    }

    static CaseInput.Builder fxn(String id) {
        return plain(id).item("FXN-1").actDate(LocalDate.of(2024, 7, 1)).discoveryDate(LocalDate.of(2024, 7, 15))
                .decisionDate(LocalDate.of(2024, 8, 1)).firstOffense(true).harm(Harm.MINOR).fact("amount", 1000);
    }

    @Test
    void aQualifyingListItemGivesNoPenaltyCitingTheItemAndItsGround() {
        Decision d = eval(fxn("fxn").build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.mandatory()).isTrue();
        assertThat(d.items()).extracting(MatchedItem::item).containsExactly("FXN-1");
        assertThat(d.items().get(0).documentNumber()).isEqualTo("测试〔2024〕1号");
        assertThat(d.basis()).anySatisfy(c -> {
            assertThat(c.role()).isEqualTo("清单事项");
            assertThat(c.reference()).isEqualTo("《测试用不予处罚事项清单（新）》（测试〔2024〕1号）第1项");
        });
        assertThat(d.basis()).anySatisfy(c -> {
            assertThat(c.role()).isEqualTo("不予处罚依据");
            assertThat(c.article()).isEqualTo(33);
            assertThat(c.sentence()).isEqualTo(2);
            assertThat(c.text()).isEqualTo("初次违法且危害后果轻微并及时改正的，可以不予行政处罚。");
        });
        assertThat(d.measures()).containsExactly("教育提醒");
        assertThat(d.explanation()).contains("第1项所列情形");
        assertThat(d.catalogVersions()).extracting(CatalogVersion::id).contains("statute", "fixture_new_list");
        assertThat(d.catalogVersions()).allSatisfy(v -> assertThat(v.contentHash()).startsWith("sha256:"));
    }

    @Test
    void thresholdIncludesTheBoundAndNotMore() {
        assertThat(status(eval(fxn("edge").fact("amount", 1000).build()), "FXN-1")).isEqualTo(Status.HELD);
        Decision over = eval(fxn("over").fact("amount", new BigDecimal("1000.01")).build());
        assertThat(status(over, "FXN-1")).isEqualTo(Status.FAILED);
        assertThat(over.items()).isEmpty();
    }

    @Test
    void anUnknownItemFactIsAskedForByName() {
        Decision d = eval(plain("nofact").item("FXN-1")
                .actDate(LocalDate.of(2024, 7, 1)).discoveryDate(LocalDate.of(2024, 7, 15))
                .decisionDate(LocalDate.of(2024, 8, 1)).firstOffense(true).harm(Harm.MINOR).build());
        assertThat(d.handling()).isEqualTo(Handling.INSUFFICIENT_FACTS);
        assertThat(d.missingFacts()).anySatisfy(m -> {
            assertThat(m.field()).isEqualTo("facts.amount");
            assertThat(m.label()).isEqualTo("涉及金额（元）");
            assertThat(m.why()).contains("FXN-1");
        });
    }

    @Test
    void huaxianExclusionKeepsListsAwayButNotTheStatute() {
        Decision d = eval(fxn("excl").correction(Correction.WITHIN_DEADLINE).circumstances(Circumstance.HIGH_RISK).build());
        assertThat(d.items()).isEmpty();
        assertThat(d.handling()).isEqualTo(Handling.MAY_NO_PENALTY);
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("FXN-1").contains("三（七）").contains("解读"));
        GroundReport item = d.whyNot().stream().filter(g -> g.id().equals("FXN-1")).findFirst().orElseThrow();
        assertThat(item.status()).isEqualTo(Status.HELD);
        assertThat(item.applied()).isFalse();
        assertThat(item.note()).contains("不得适用清单");
    }

    @Test
    void theMilderOfListAndStatuteWins() {
        Decision d = eval(plain("fxm").item("FXM-1").circumstances(Circumstance.ELIMINATED_HARM).build());
        // 减轻 list item (tier above 第32条's 从轻或者减轻)
        assertThat(d.handling()).isEqualTo(Handling.MITIGATED);
        assertThat(d.duties()).extracting(Duty::kind).contains("COLLECTIVE_DISCUSSION");
    }

    @Test
    void lookupByProvisionConsidersEveryItemOnIt() {
        Decision d = eval(plain("prov").provision("《会计法》第四十三条").actDate(LocalDate.of(2024, 7, 1))
                .discoveryDate(LocalDate.of(2024, 7, 15)).decisionDate(LocalDate.of(2024, 8, 1))
                .firstOffense(true).harm(Harm.MINOR).circumstances(Circumstance.ELIMINATED_HARM).fact("amount", 10).build());
        assertThat(d.whyNot()).extracting(GroundReport::id).contains("FXN-1", "FXM-1", "FXO-1");
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.items()).extracting(MatchedItem::item).containsExactly("FXN-1");
    }

    @Test
    void art37LawChangedBetweenActAndDecisionTheOldLighterLawAppliesAndBothVersionsAreCited() {
        Decision d = eval(plain("kjf").item("FXM-1").actDate(LocalDate.of(2023, 5, 1))
                .discoveryDate(LocalDate.of(2024, 9, 1)).decisionDate(LocalDate.of(2025, 1, 10))
                .circumstances(Circumstance.ELIMINATED_HARM).build());
        assertThat(d.handling()).isEqualTo(Handling.MITIGATED);
        assertThat(d.fineRange().max()).isEqualByComparingTo("5000");
        assertThat(d.basis()).anySatisfy(c -> assertThat(c.article()).isEqualTo(37));
        // the law applied is the 处罚依据; the decision-date version is cited only as compared
        assertThat(d.basis()).filteredOn(c -> c.instrument().contains("会计法") && c.role().equals("处罚依据"))
                .extracting(Citation::reference)
                .containsExactly("《中华人民共和国会计法（测试夹具）》（2017年修正）第四十三条");
        assertThat(d.basis()).filteredOn(c -> c.instrument().contains("会计法") && c.role().startsWith("比较的处罚依据"))
                .extracting(Citation::reference)
                .containsExactly("《中华人民共和国会计法（测试夹具）》（2024年修正）第四十一条（原第四十三条）");
        assertThat(d.explanation()).contains("第三十七条").contains("违法行为发生时");
    }

    @Test
    void art37ANewListInForceAtTheDecisionIsLighterAndApplies() {
        Decision d = eval(fxn("newlist").actDate(LocalDate.of(2024, 3, 1)).discoveryDate(LocalDate.of(2024, 4, 1))
                .decisionDate(LocalDate.of(2024, 8, 1)).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.items()).extracting(MatchedItem::item).containsExactly("FXN-1");
        assertThat(d.basis()).anySatisfy(c -> assertThat(c.article()).isEqualTo(37));
        assertThat(d.explanation()).contains("作出决定时");
    }

    @Test
    void art37AListRepealedBeforeTheDecisionIsNeitherSilentlyAppliedNorIgnored() {
        Decision d = eval(plain("oldlist").item("FXO-1").actDate(LocalDate.of(2023, 6, 1))
                .discoveryDate(LocalDate.of(2023, 12, 1)).decisionDate(LocalDate.of(2024, 2, 1))
                .firstOffense(true).correction(Correction.WITHIN_DEADLINE).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.items()).extracting(MatchedItem::item).containsExactly("FXO-1");
        assertThat(d.basis()).anySatisfy(c -> assertThat(c.article()).isEqualTo(37));
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("测试用不予处罚事项清单（旧）").contains("已不在有效期内"));
        // and after both dates, the repealed list simply does not apply
        Decision later = eval(plain("oldlist-late").item("FXO-1").actDate(LocalDate.of(2024, 1, 10))
                .firstOffense(true).correction(Correction.WITHIN_DEADLINE).build());
        assertThat(later.items()).isEmpty();
        assertThat(later.whyNot()).anySatisfy(g -> {
            assertThat(g.id()).isEqualTo("FXO-1");
            assertThat(g.note()).contains("不适用").contains("REPEALED");
        });
    }
}
