package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.discretion.rules.Engines.plain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.api.*;

/**
 * 行政处罚法 第37条 (从旧兼从轻), the kinds of penalty: where both versions of the penalty provision state the kinds they
 * allow (law registry {@code kinds:}, 第九条 names), the version whose heaviest kind is lighter applies; the same heaviest
 * kind leaves it to the fines; a version without kinds is said to be incomparable. Each test writes its own registry:
 * a fictional 种类测试法 whose 第10条 changed on 2024-07-01, and a list item (not applicable to the case) that cites it.
 */
class PenaltyKindsArt37Test {

    static final LocalDate ACT = LocalDate.of(2024, 3, 1);
    static final LocalDate DECISION = LocalDate.of(2024, 8, 1);

    /** A catalog and a two-version registry; {@code kinds} null leaves the version without kinds. */
    static DiscretionEngine engine(Path dir, String oldKinds, int oldMax, String newKinds, int newMax, Settings s)
            throws IOException {
        Files.createDirectories(dir.resolve("fixture_kinds"));
        Files.createDirectories(dir.resolve("law"));
        Files.writeString(dir.resolve("law/kinds-fixture.yaml"), """
                # TEST FIXTURE — a fictional instrument whose penalty clause changed its kinds on 2024-07-01
                instrument: 种类测试法（测试夹具）
                short: 种类测试法
                versions:
                  - version: 2020年版
                    effectiveFrom: 2020-01-01
                    effectiveTo: 2024-06-30
                    fidelity: UNVERIFIED
                    source: test fixture
                    provisions:
                      "10":
                        text: （测试夹具）旧条文
                        fine: {min: null, max: %d}
                %s
                  - version: 2024年版
                    effectiveFrom: 2024-07-01
                    fidelity: UNVERIFIED
                    source: test fixture
                    provisions:
                      "10":
                        text: （测试夹具）新条文
                        fine: {min: null, max: %d}
                %s
                """.formatted(oldMax, kindsLine(oldKinds), newMax, kindsLine(newKinds)));
        Files.writeString(dir.resolve("fixture_kinds/catalog.yaml"), """
                # TEST FIXTURE (fictional list, for engine tests only)
                id: fixture_kinds
                version: "1"
                title: 测试用从轻处罚事项清单（种类）
                issuingBody: 测试机关
                documentNumber: 测试〔2020〕9号
                level: COUNTY
                region: 测试县
                area: 测试
                lists: [LENIENT]
                effectiveFrom: 2020-01-01
                status: IN_FORCE
                fidelity: VERBATIM
                items:
                  - id: FXK-1
                    number: "1"
                    list: LENIENT
                    name: 违反种类测试法金额一百元以下的
                    violationBasis: ["种类测试法 第10条"]
                    penaltyBasis: ["种类测试法 第10条"]
                    applicability: 涉及金额100元以下（含本数）
                    handlingBasis: ["行政处罚法 第5条第2款"]
                    facts:
                      - {name: amount, type: NUMBER, unit: 元, label: 涉及金额}
                """);
        Files.writeString(dir.resolve("fixture_kinds/rules.drl"), """
                package catalogs.fixture_kinds;

                import org.discretion.rules.api.*;
                import org.discretion.rules.facts.*;
                import static org.discretion.rules.facts.Conditions.*;

                // 测试用从轻处罚事项清单（种类）（测试〔2020〕9号）第1项：违反种类测试法金额一百元以下的
                rule "FXK-1"
                when
                    $c : Candidate( item == "FXK-1" )
                then
                    insert($c.finding(fact("amount").atMost(100).as("涉及金额100元以下（含本数）")));
                end
                """);
        return DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(dir).settings(s).build();
    }

    private static String kindsLine(String kinds) {
        return kinds == null ? "" : "        kinds: [" + kinds + "]";
    }

    /** The item does not apply (amount 5000 > 100): both dates give the standard range of 种类测试法 第10条. */
    static Decision decide(DiscretionEngine e) {
        return e.evaluate(plain("kinds").item("FXK-1").actDate(ACT).discoveryDate(LocalDate.of(2024, 4, 1))
                .decisionDate(DECISION).fact("amount", 5000).build());
    }

    static Citation cited(Decision d, String role) {
        return d.basis().stream().filter(c -> c.role().startsWith(role) && c.instrument().contains("种类测试法"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + role + " in " + d.basis()));
    }

    @Test
    void art37KindsANewLawThatDropsALicenceRevocationIsLighterAndApplies(@TempDir Path dir) throws IOException {
        // old: 警告、罚款、吊销许可证件; new: 警告、罚款 — same fines: the new law (decision date) is lighter
        Decision d = decide(engine(dir, "警告, 罚款, 吊销许可证件", 5000, "警告, 罚款", 5000, Settings.defaults()));
        assertThat(d.handling()).isEqualTo(Handling.STANDARD);
        assertThat(d.penaltyKinds()).containsExactly("警告", "罚款");
        assertThat(cited(d, "处罚依据").version()).isEqualTo("2024年版");
        assertThat(cited(d, "比较的处罚依据").version()).isEqualTo("2020年版");
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("比较处罚种类").contains("吊销许可证件")
                .contains("第九条所列顺序").contains("未经核实"));
    }

    @Test
    void art37KindsANewLawThatAddsALicenceRevocationIsHeavierAndTheActLawApplies(@TempDir Path dir) throws IOException {
        // old: 警告、罚款; new adds 吊销许可证件, and even a lower fine does not make it lighter: the kinds decide first
        Decision d = decide(engine(dir, "警告, 罚款", 5000, "警告, 罚款, 吊销许可证件", 3000, Settings.defaults()));
        assertThat(d.penaltyKinds()).containsExactly("警告", "罚款");
        assertThat(cited(d, "处罚依据").version()).isEqualTo("2020年版");
        assertThat(cited(d, "比较的处罚依据").version()).isEqualTo("2024年版");
        assertThat(d.fineRange().max()).isEqualByComparingTo("5000");
    }

    @Test
    void art37KindsNearMissTheSameHeaviestKindLeavesItToTheFines(@TempDir Path dir) throws IOException {
        // old 警告、罚款 and new 罚款 share the heaviest kind (罚款, group 二): the lower new fine decides
        Decision d = decide(engine(dir, "警告, 罚款", 5000, "罚款", 3000, Settings.defaults()));
        assertThat(cited(d, "处罚依据").version()).isEqualTo("2024年版");
        assertThat(d.fineRange().max()).isEqualByComparingTo("3000");
        assertThat(d.penaltyKinds()).containsExactly("罚款");
        assertThat(d.warnings()).noneSatisfy(w -> assertThat(w).contains("比较处罚种类"));
    }

    @Test
    void art37KindsTheOrderOfSeverityIsAConfigurableReading(@TempDir Path dir) throws IOException {
        // a reading that puts 吊销许可证件 beside 罚款: the heaviest kinds are then equally heavy, the fines decide
        List<List<String>> order = List.of(List.of("警告", "通报批评"),
                List.of("罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件"),
                List.of("限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业"), List.of("行政拘留"), List.of("其他行政处罚"));
        Settings s = Settings.defaults().withReadings(Readings.defaults().withPenaltyKindOrder(order, false));
        Decision d = decide(engine(dir, "警告, 罚款", 5000, "罚款, 吊销许可证件", 3000, s));
        assertThat(cited(d, "处罚依据").version()).isEqualTo("2024年版");
        assertThatThrownBy(() -> Readings.defaults().withPenaltyKindOrder(List.of(List.of("警告", "罚金")), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"罚金\"").hasMessageContaining("第九条");
    }

    @Test
    void art37KindsAVersionThatStatesNoKindsIsSaidToBeIncomparable(@TempDir Path dir) throws IOException {
        Decision d = decide(engine(dir, null, 5000, "警告, 罚款", 3000, Settings.defaults()));
        assertThat(cited(d, "处罚依据").version()).isEqualTo("2024年版"); // the fines decide, as before kinds were compared
        assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("无法比较处罚种类").contains("2024-03-01"));
    }

    @Test
    void aKindThatIsNotAKindOfArticle9IsABuildError(@TempDir Path dir) {
        assertThatThrownBy(() -> engine(dir, "警告, 罚金", 5000, "罚款", 5000, Settings.defaults()))
                .isInstanceOf(CatalogBuildException.class)
                .hasMessageContaining("kind \"罚金\" is not a kind of penalty of 行政处罚法 第九条");
    }
}
