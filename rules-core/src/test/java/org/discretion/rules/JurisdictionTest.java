package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.discretion.rules.Engines.plain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.api.*;
import org.discretion.rules.internal.model.Jurisdiction;

/**
 * Which lists apply where: a list applies inside its jurisdiction only (national everywhere), layered lists are
 * explained, and 滑法政办〔2022〕17号 三(七) binds only the lists that declare it — with the fixture catalogs
 * (fixture_national: NATIONAL; fixture_hainan: 海南省 460000; fixture_new_list etc.: 410526, governed by 三(七)).
 */
class JurisdictionTest {

    static Decision fx(CaseInput c) {
        return Engines.withFixtures().evaluate(c);
    }

    static CaseInput.Builder testLaw(String id, String divisionCode) {
        return plain(id).provision("测试法 第1条").actDate(LocalDate.of(2024, 7, 1)).discoveryDate(LocalDate.of(2024, 7, 15))
                .decisionDate(LocalDate.of(2024, 8, 1)).harm(Harm.MINOR)
                .agency(new Agency("测试机关", divisionCode));
    }

    static GroundReport report(Decision d, String id) {
        return d.whyNot().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aProvincialListAppliesOnlyInsideItsProvince() {
        Decision haikou = fx(testLaw("hn", "460100").build());
        assertThat(report(haikou, "FXHN-1").status()).isEqualTo(Status.HELD);
        Decision shanxi = fx(testLaw("sx", "140000").build());
        GroundReport out = report(shanxi, "FXHN-1");
        assertThat(out.status()).isEqualTo(Status.FAILED);
        assertThat(out.note()).contains("海南省").contains("不适用于本机关所在地域");
        // near-miss on the code: 45xxxx (广西) is not 46xxxx
        assertThat(report(fx(testLaw("gx", "450100").build()), "FXHN-1").status()).isEqualTo(Status.FAILED);
    }

    @Test
    void aNationalListAppliesEverywhere() {
        for (String code : new String[] {"140000", "460100", "410526"}) {
            Decision d = fx(testLaw("nat-" + code, code).firstOffense(true).build());
            assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
            assertThat(d.items()).extracting(MatchedItem::item).contains("FXNAT-1");
        }
    }

    @Test
    void anItemNamedOutsideItsJurisdictionIsNotAppliedAndTheDecisionSaysSo() {
        Decision d = fx(testLaw("named", "140000").provision(null).item("FXHN-1").build());
        assertThat(d.items()).isEmpty();
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("只适用于海南省").contains("FXHN-1"));
    }

    @Test
    void withoutTheAgencysDivisionEveryListIsConsideredAndALocalOneIsFlagged() {
        Decision d = fx(testLaw("nocode", null).build());
        assertThat(report(d, "FXHN-1").status()).isEqualTo(Status.HELD);
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("agency.divisionCode").contains("海南省"));
        Decision restricted = fx(testLaw("nocode-restricted", null).catalogs("fixture_hainan").build());
        assertThat(restricted.warnings()).noneSatisfy(w -> assertThat(w).contains("未按地域筛选清单"));
    }

    @Test
    void layeredListsAreExplainedAndTheMostFavourableHandlingApplies() {
        Decision d = fx(testLaw("layers", "460100").firstOffense(true).build());
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("不同层级").contains("FXNAT-1").contains("FXHN-1")
                .contains("适用 FXNAT-1"));
        // near-miss: one level only, nothing to explain
        Decision one = fx(testLaw("one-layer", "140000").firstOffense(true).build());
        assertThat(one.warnings()).noneSatisfy(w -> assertThat(w).contains("不同层级"));
    }

    @Test
    void huaxianExclusionBindsTheListsThatDeclareItNotANationalList() {
        // FXN-1's list declares 三(七): a high-risk case loses it; the national FXNAT-1 does not declare it and stays
        Decision governed = fx(plain("hx").item("FXN-1").actDate(LocalDate.of(2024, 7, 1)).discoveryDate(LocalDate.of(2024, 7, 15))
                .decisionDate(LocalDate.of(2024, 8, 1)).firstOffense(true).harm(Harm.MINOR).fact("amount", 100)
                .circumstances(Circumstance.HIGH_RISK).build());
        assertThat(governed.items()).isEmpty();
        assertThat(report(governed, "FXN-1").note()).contains("三（七）").contains("解读");
        Decision national = fx(testLaw("hx-nat", "410526").firstOffense(true).circumstances(Circumstance.HIGH_RISK).build());
        assertThat(national.handling()).isEqualTo(Handling.NO_PENALTY);
        assertThat(national.items()).extracting(MatchedItem::item).contains("FXNAT-1");
        // the reading is configurable: off, the governed list applies as published
        DiscretionEngine off = DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(Engines.fixtureDir())
                .settings(Settings.defaults().withHuaxianExclusion(false)).build();
        Decision asPublished = off.evaluate(plain("hx-off").item("FXN-1").actDate(LocalDate.of(2024, 7, 1))
                .discoveryDate(LocalDate.of(2024, 7, 15)).decisionDate(LocalDate.of(2024, 8, 1)).firstOffense(true)
                .harm(Harm.MINOR).fact("amount", 100).circumstances(Circumstance.HIGH_RISK).build());
        assertThat(asPublished.items()).extracting(MatchedItem::item).containsExactly("FXN-1");
    }

    @Test
    void jurisdictionsOverlapOnlyWhenOneContainsTheOther() {
        assertThat(Jurisdiction.overlap("PROVINCIAL", "460000", "PROVINCIAL", "140000")).isFalse();
        assertThat(Jurisdiction.overlap("PROVINCIAL", "330000", "MUNICIPAL", "330200")).isTrue();
        assertThat(Jurisdiction.overlap("MUNICIPAL", "330200", "COUNTY", "330110")).isFalse();
        assertThat(Jurisdiction.overlap("NATIONAL", null, "COUNTY", "410526")).isTrue();
        assertThat(Jurisdiction.covers("MUNICIPAL", "411700", "411702")).isTrue();
        assertThat(Jurisdiction.covers("COUNTY", "410526", "410527")).isFalse();
    }

    @Test
    void aDivisionCodeThatDoesNotFitTheLevelIsABuildError(@TempDir Path dir) throws IOException {
        Engines.copy(Engines.fixtureDir(), dir);
        Path meta = dir.resolve("fixture_hainan/catalog.yaml");
        Files.writeString(meta, Files.readString(meta).replace("'460000'", "'460100'"));
        assertThatThrownBy(() -> DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(dir).build())
                .isInstanceOf(CatalogBuildException.class)
                .hasMessageContaining("460100 is not the code of a PROVINCIAL division");
    }

    @Test
    void anUnknownExclusionIsABuildError(@TempDir Path dir) throws IOException {
        Engines.copy(Engines.fixtureDir(), dir);
        Path meta = dir.resolve("fixture_hainan/catalog.yaml");
        Files.writeString(meta, Files.readString(meta).replace("lists: [LENIENT]", "exclusions: [HX-2022-17-3-8]\nlists: [LENIENT]"));
        assertThatThrownBy(() -> DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(dir).build())
                .isInstanceOf(CatalogBuildException.class)
                .hasMessageContaining("HX-2022-17-3-8").hasMessageContaining("not an exclusion rule");
    }
}
