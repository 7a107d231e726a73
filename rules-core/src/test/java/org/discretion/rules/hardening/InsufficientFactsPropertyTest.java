package org.discretion.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.MissingFact;

/**
 * What {@code missingFacts} promises, over generated cases: an open handling always names a fact that decides it,
 * an open coercion advice one that decides that, and nothing is asked for a question that is already answered.
 */
class InsufficientFactsPropertyTest {
    static Path dir;
    static DiscretionEngine engine;

    @BeforeContainer
    static void build() throws Exception {
        dir = Files.createTempDirectory("discretion-missing-");
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

    @Property(tries = 600)
    void insufficientFactsAlwaysNamesAMissingFact(@ForAll("cases") CaseInput c) {
        Decision d = engine.evaluate(c);
        if (d.handling() == Handling.INSUFFICIENT_FACTS) {
            assertThat(d.missingFacts()).as("case %s", c).anySatisfy(m ->
                    assertThat(m.affects()).contains(MissingFact.HANDLING));
        } else {
            assertThat(d.missingFacts()).as("case %s", c).allSatisfy(m ->
                    assertThat(m.affects()).doesNotContain(MissingFact.HANDLING));
        }
        if (d.coercion() == null && d.handling() != Handling.INSUFFICIENT_FACTS) {
            assertThat(d.missingFacts()).as("case %s", c).anySatisfy(m ->
                    assertThat(m.affects()).contains(MissingFact.COERCION));
        }
        assertThat(d.missingFacts()).allSatisfy(m -> assertThat(m.affects()).isNotEmpty());
    }
}
