package org.discretion.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.discretion.rules.api.Agency;
import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.GroundReport;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.MatchedItem;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.Status;

/**
 * The shipped catalogs' jurisdictions and the tax law's special period, through the engine: 税收征收管理法 第86条 governs
 * every tax violation (by provision, without a list item, before the first list), and each local list applies only
 * to an agency inside its area.
 */
class ShippedJurisdictionTest {

    static DiscretionEngine engine;

    @BeforeAll
    static void build() {
        engine = DiscretionEngine.builder().classpathCatalogs().build();
    }

    static Status bar(Decision d) {
        return d.whyNot().stream().filter(g -> g.id().equals("XZCF-36")).findFirst().orElseThrow().status();
    }

    private static CaseInput.Builder tax(String id) {
        return CaseInput.builder(id).party(Party.organization()).firstOffense(false)
                .severity(org.discretion.rules.api.Severity.GENERAL).harm(Harm.GENERAL)
                .correction(org.discretion.rules.api.Correction.NOT_CORRECTED);
    }

    @Test
    void taxArt86FiveYearsGovernsATaxViolationFoundByProvisionBeforeAnyTaxList() {
        // act 2019 (before 2021-04-01, the first 首违不罚 list, and before 2021-07-15): discovered after four years
        CaseInput.Builder c = tax("tax-86").provision("税收征收管理法 第60条第1款").actDate(LocalDate.of(2019, 3, 1))
                .decisionDate(LocalDate.of(2024, 6, 1));
        Decision within = engine.evaluate(c.discoveryDate(LocalDate.of(2023, 3, 1)).build());
        assertThat(bar(within)).isEqualTo(Status.FAILED);
        assertThat(within.handling()).isNotEqualTo(Handling.TIME_BARRED);
        Decision edge = engine.evaluate(c.discoveryDate(LocalDate.of(2024, 3, 1)).build());
        assertThat(bar(edge)).isEqualTo(Status.FAILED);
        Decision over = engine.evaluate(c.discoveryDate(LocalDate.of(2024, 3, 2)).build());
        assertThat(over.handling()).isEqualTo(Handling.TIME_BARRED);
        assertThat(over.basis()).anySatisfy(b -> {
            assertThat(b.article()).isEqualTo(86);
            assertThat(b.role()).isEqualTo("追责期限（法律另有规定）");
        });
    }

    @Test
    void taxArt86AlsoGovernsTheInvoiceRegulation() {
        Decision d = engine.evaluate(tax("fapiao-86").item("TAX-11").actDate(LocalDate.of(2022, 3, 1))
                .discoveryDate(LocalDate.of(2025, 3, 1)).decisionDate(LocalDate.of(2025, 6, 1)).build());
        assertThat(bar(d)).isEqualTo(Status.FAILED);
        // near-miss: a statute without a special period (价格法, 上海 list) is barred after two years
        Decision price = engine.evaluate(tax("price-2y").provision("价格法 第13条").actDate(LocalDate.of(2022, 3, 1))
                .discoveryDate(LocalDate.of(2025, 3, 1)).decisionDate(LocalDate.of(2025, 6, 1)).build());
        assertThat(price.handling()).isEqualTo(Handling.TIME_BARRED);
    }

    @Test
    void everyShippedListHasAJurisdictionThatFitsItsLevel() {
        // one agency inside each list's area: its own items are considered, a far-away agency's are not
        Map<String, String> inside = Map.of("sh_fire_2026", "310115", "ningbo_scjg_2023", "330203",
                "taikang_czj_2023", "411627", "zmd_fgw_2023", "411702", "fengqiu_cgj_2023", "410727",
                "fenghuang_fgj_2024", "433123", "heshan_scjg", "440784");
        for (Map.Entry<String, String> e : inside.entrySet()) {
            assertThat(considered(e.getKey(), e.getValue())).as(e.getKey() + " in " + e.getValue()).isTrue();
            assertThat(considered(e.getKey(), "140105")).as(e.getKey() + " in 太原").isFalse();
        }
        assertThat(considered("tax_first_2021", "140105")).isTrue();
        // a county list does not reach the neighbouring county; a city list reaches its counties
        assertThat(considered("fengqiu_cgj_2023", "410726")).isFalse();
        assertThat(considered("zmd_fgw_2023", "411726")).isTrue();
    }

    /** Whether the first item of a catalog is considered (not set aside for jurisdiction) for an agency's code. */
    private static boolean considered(String catalog, String code) {
        Decision d = engine.evaluate(tax("j-" + catalog + "-" + code).catalogs(catalog).provision(null)
                .item(firstItem(catalog)).actDate(LocalDate.of(2026, 2, 1)).discoveryDate(LocalDate.of(2026, 2, 2))
                .decisionDate(LocalDate.of(2026, 3, 1)).agency(new Agency(null, code)).build());
        GroundReport g = d.whyNot().stream().filter(r -> r.id().equals(firstItem(catalog))).findFirst().orElseThrow();
        return !g.note().contains("不适用于本机关所在地域");
    }

    private static String firstItem(String catalog) {
        return switch (catalog) {
            case "sh_fire_2026" -> "SHFIRE-1";
            case "ningbo_scjg_2023" -> "NINGBO-1";
            case "taikang_czj_2023" -> "TAIKANG-1";
            case "zmd_fgw_2023" -> "ZMD-1";
            case "fengqiu_cgj_2023" -> "FENGQIU-1";
            case "fenghuang_fgj_2024" -> "FENGHUANG-1";
            case "heshan_scjg" -> "HESHAN-1";
            case "tax_first_2021" -> "TAX-1";
            default -> throw new IllegalArgumentException(catalog);
        };
    }

    @Test
    void huaxianExclusionDoesNotReachANationalTaxList() {
        Decision d = engine.evaluate(tax("tax-hx").item("TAX-1").actDate(LocalDate.of(2024, 1, 10))
                .discoveryDate(LocalDate.of(2024, 2, 1)).decisionDate(LocalDate.of(2024, 3, 1)).firstOffense(true)
                .harm(Harm.MINOR).correction(org.discretion.rules.api.Correction.WITHIN_DEADLINE)
                .circumstances(Circumstance.HIGH_RISK).agency(new Agency("滑县税务局", "410526")).build());
        assertThat(d.items()).extracting(MatchedItem::item).contains("TAX-1");
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
    }
}
