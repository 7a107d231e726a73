package org.discretion.rules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.discretion.rules.api.*;

/**
 * The kinds of penalty the shipped law registry states (行政处罚法 第九条 names), as a decision shows them: the clause
 * for the party (消防法 第60条 第1款 单位: 罚款 / 第2款 个人: 警告、罚款), none where no penalty follows or the registry
 * states none.
 */
class ShippedPenaltyKindsTest {
    static DiscretionEngine engine;

    @BeforeAll
    static void build() {
        engine = DiscretionEngine.builder().classpathCatalogs().build();
    }

    static CaseInput.Builder fire(String id) {
        // SHFIRE-1 (消防法 第60条第1款第2项) not applicable (not a first offense): a penalty within the statutory range
        return CaseInput.builder(id).item("SHFIRE-1").actDate(LocalDate.of(2026, 3, 2))
                .discoveryDate(LocalDate.of(2026, 3, 10)).decisionDate(LocalDate.of(2026, 4, 1)).firstOffense(false)
                .correction(Correction.NOT_CORRECTED).severity(Severity.GENERAL).harm(Harm.GENERAL);
    }

    @Test
    void theKindsOfTheClauseForThePartyAreStated() {
        Decision person = engine.evaluate(fire("kinds-person").party(Party.individual(30)).build());
        assertThat(person.handling()).isEqualTo(Handling.STANDARD);
        assertThat(person.penaltyKinds()).containsExactly("警告", "罚款");
        Decision unit = engine.evaluate(fire("kinds-unit").party(Party.organization()).build());
        assertThat(unit.penaltyKinds()).containsExactly("罚款");
    }

    @Test
    void nearMissNoKindsWithoutAPenaltyOrWhereTheRegistryStatesNone() {
        Decision none = engine.evaluate(fire("kinds-no-penalty").party(Party.organization()).firstOffense(true)
                .correction(Correction.ON_THE_SPOT).harm(Harm.NONE).severity(Severity.MINOR).build());
        assertThat(none.handling().penalizes()).isFalse();
        assertThat(none.penaltyKinds()).isEmpty();
        // 会计法 2017 第43条 "予以通报，可以对单位并处……罚款": whether 通报 is 通报批评 is a reading, so no kinds are stated
        Decision accounting = engine.evaluate(CaseInput.builder("kinds-none").item("TAIKANG-2").party(Party.organization())
                .actDate(LocalDate.of(2023, 3, 2)).discoveryDate(LocalDate.of(2023, 3, 10))
                .decisionDate(LocalDate.of(2023, 4, 1)).firstOffense(false).correction(Correction.NOT_CORRECTED)
                .severity(Severity.GENERAL).harm(Harm.GENERAL).fact("harmEliminated", false).fact("cooperatedInInvestigation", false).build());
        assertThat(accounting.handling().penalizes()).isTrue();
        assertThat(accounting.penaltyKinds()).isEmpty();
    }
}
