package org.discretion.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.MissingFact;
import org.discretion.rules.api.Harm;
import org.discretion.rules.internal.Precedence;

/**
 * Properties of the engine over generated cases (statute layer + the fixture catalog, one item per list).
 *
 * <p>Monotonicity is stated over <em>decided</em> handlings: INSUFFICIENT_FACTS is not a degree of penalty but
 * "the outcome depends on facts not given", so a pair where either side is INSUFFICIENT_FACTS says nothing about
 * harshness. Harshness is {@link Precedence#lightness}, the order 行政处罚法 第37条 uses.
 */
class EnginePropertiesTest {
    static Path dir;
    static DiscretionEngine engine;

    /** 行政处罚法 第32条 (1)–(4) and 第33条第2款: established, they can only make the outcome milder. */
    static final Set<Circumstance> MITIGATING = EnumSet.of(Circumstance.ELIMINATED_HARM, Circumstance.COERCED_OR_DECEIVED,
            Circumstance.CONFESSED_UNKNOWN_VIOLATION, Circumstance.MERITORIOUS_SERVICE, Circumstance.NO_FAULT_PROVEN);

    @BeforeContainer
    static void build() throws Exception {
        dir = Files.createTempDirectory("discretion-props-");
        engine = Fixtures.engine(Fixtures.write(dir, "1", 1000));
    }

    @AfterContainer
    static void cleanUp() throws Exception {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<CaseInput> cases() {
        return Generators.cases();
    }

    @Provide
    Arbitrary<Circumstance> mitigating() {
        return Arbitraries.of(MITIGATING);
    }

    @Property(tries = 300)
    void sameCaseSameDecision(@ForAll("cases") CaseInput c) {
        Decision a = engine.evaluate(c);
        Decision b = engine.evaluate(c);
        // and the same case read back from its JSON (as a stored record is) decides the same
        Decision viaJson = engine.evaluate(CaseJson.parseCase(CaseJson.write(CaseJson.toJson(c), false)));
        assertThat(b).isEqualTo(a);
        assertThat(viaJson).isEqualTo(a);
    }

    @Property(tries = 300)
    void caseSurvivesItsJsonRoundTrip(@ForAll("cases") CaseInput c) {
        assertThat(CaseJson.parseCase(CaseJson.write(CaseJson.toJson(c), false))).isEqualTo(c);
    }

    @Property(tries = 400)
    void everyDecisionHasABasisOrNamesTheMissingFacts(@ForAll("cases") CaseInput c) {
        Decision d = engine.evaluate(c);
        assertThat(d.id()).isEqualTo(c.id());
        assertThat(d.handling()).isNotNull();
        assertThat(d.catalogVersions()).extracting(v -> v.id()).contains("statute");
        assertThat(d.explanation()).isNotBlank();
        assertThat(d.whyNot()).isNotEmpty();
        if (d.handling() == Handling.INSUFFICIENT_FACTS) {
            assertThat(d.missingFacts()).as("INSUFFICIENT_FACTS must name the facts it needs").isNotEmpty();
        } else {
            assertThat(d.basis()).as("a decided handling must cite its basis").isNotEmpty();
        }
        if (d.fineRange() != null && d.fineRange().min() != null && d.fineRange().max() != null) {
            assertThat(d.fineRange().min()).isLessThanOrEqualTo(d.fineRange().max());
        }
    }

    @Property(tries = 400)
    void addingAMitigatingCircumstanceNeverGivesAHarsherHandling(@ForAll("cases") CaseInput c,
                                                                 @ForAll("mitigating") Circumstance m) {
        Set<Circumstance> more = EnumSet.of(m);
        more.addAll(c.circumstances());
        CaseInput withIt = copy(c, more, c.harm());
        Handling before = engine.evaluate(c).handling();
        Handling after = engine.evaluate(withIt).handling();
        if (decided(before) && decided(after)) {
            assertThat(Precedence.lightness(after)).as("%s: %s without %s, %s with it", c, before, m, after)
                    .isLessThanOrEqualTo(Precedence.lightness(before));
        }
        // a case that was decided may become undecided only by a lighter answer coming into reach: the circumstance
        // meets a condition of a ground or item whose other conditions are unknown (e.g. FX-3 "主动消除危害后果" with
        // severity unknown). Unknown is not false, so the decision then asks — for a fact that decides the handling.
        if (decided(before) && !decided(after)) {
            Decision d = engine.evaluate(withIt);
            assertThat(d.missingFacts()).as("%s: undecided with %s", c, m)
                    .anySatisfy(f -> assertThat(f.affects()).contains(MissingFact.HANDLING));
        }
    }

    @Property(tries = 400)
    void worseHarmNeverGivesAMilderHandling(@ForAll("cases") CaseInput c, @ForAll Harm worse) {
        if (c.harm() == null || worse.compareTo(c.harm()) <= 0) return;
        Handling before = engine.evaluate(c).handling();
        Handling after = engine.evaluate(copy(c, c.circumstances(), worse)).handling();
        if (decided(before) && decided(after)) {
            assertThat(Precedence.lightness(after)).as("%s: %s with harm %s, %s with harm %s", c, before, c.harm(), after, worse)
                    .isGreaterThanOrEqualTo(Precedence.lightness(before));
        }
    }

    static boolean decided(Handling h) {
        return h != Handling.INSUFFICIENT_FACTS;
    }

    static CaseInput copy(CaseInput c, Set<Circumstance> circumstances, Harm harm) {
        return new CaseInput(c.id(), c.item(), c.provision(), c.catalogs(), c.party(), c.actDate(), c.actEndDate(),
                c.discoveryDate(), c.decisionDate(), c.firstOffense(), c.priorViolations(), c.correction(),
                c.severity(), harm, circumstances, c.illegalGains(), c.penaltyRange(), c.facts());
    }
}
