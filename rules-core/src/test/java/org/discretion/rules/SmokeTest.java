package org.discretion.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.*;

class SmokeTest {
    @Test
    void minorViolationCorrectedWithoutHarmIsNotPenalized() {
        CaseInput c = CaseInput.builder("c1").party(Party.organization()).actDate(LocalDate.of(2024, 1, 1))
                .discoveryDate(LocalDate.of(2024, 2, 1)).decisionDate(LocalDate.of(2024, 3, 1))
                .firstOffense(true).correction(Correction.ON_THE_SPOT).severity(Severity.MINOR).harm(Harm.NONE).build();
        Decision d = Engines.statuteOnly().evaluate(c);
        System.out.println(CaseJson.write(CaseJson.toJson(d), true));
        assertThat(d.handling()).isEqualTo(Handling.NO_PENALTY);
    }
}
