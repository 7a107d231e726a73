package org.discretion.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.facts.Candidate;
import org.discretion.rules.facts.CaseView;
import org.discretion.rules.facts.Conditions;
import org.discretion.rules.facts.Finding;

/**
 * The second lock behind the rule language: when findings are collected, an item finding must be that of a
 * candidate of the case and a statute finding that of a ground of the statute layer (BoundedFiring.checkOrigins).
 */
class FindingOriginsTest {
    private static RuleBase rb;
    private static CaseView view;
    private static Candidate own;
    private static List<Object> facts;

    @BeforeAll
    static void statuteLayer() {
        rb = RuleBaseBuilder.build(Sources.fromClasspath(FindingOriginsTest.class.getClassLoader(), false)).ruleBase();
        view = new CaseView(CaseInput.builder("forged-1").build(), LocalDate.of(2025, 1, 1), null,
                Set.of(Correction.ON_THE_SPOT), null);
        own = new Candidate(view, "sec_list", "SEC-1", null, null, Set.of(Correction.ON_THE_SPOT), Map.of());
        facts = List.of(view, own);
    }

    @Test
    void theFindingsOfTheCandidatesAndTheStatuteLayerAreAccepted() {
        List<Finding> ok = List.of(own.finding(Conditions.firstOffense()),
                view.ground("XZCF-33-1-2", Conditions.firstOffense()));
        BoundedFiring.checkOrigins(ok, facts, rb, "forged-1");
        assertThat(ok).hasSize(2);
    }

    @Test
    void anItemFindingForAnotherCatalogsItemIsRefused() {
        Finding forged = new Finding("ITEM", "TAX-1", "tax_first_2021", own);
        assertThatThrownBy(() -> BoundedFiring.checkOrigins(List.of(forged), facts, rb, "forged-1"))
                .isInstanceOf(DiscretionException.class)
                .hasMessageStartingWith("case \"forged-1\": a rule produced a ITEM finding for \"TAX-1\" of "
                        + "\"tax_first_2021\" that no rule of that catalog or of the statute layer may make");
    }

    @Test
    void aStatuteFindingThatIsNoGroundIsRefused() {
        Finding forged = view.ground("XZCF-99-FORGED");
        assertThatThrownBy(() -> BoundedFiring.checkOrigins(List.of(forged), facts, rb, "forged-1"))
                .isInstanceOf(DiscretionException.class).hasMessageContaining("STATUTE finding for \"XZCF-99-FORGED\"");
        Finding fromCatalog = new Finding("STATUTE", "XZCF-32", "sec_list", own);
        assertThatThrownBy(() -> BoundedFiring.checkOrigins(List.of(fromCatalog), facts, rb, "forged-1"))
                .isInstanceOf(DiscretionException.class).hasMessageContaining("of \"sec_list\"");
    }
}
