package org.discretion.rules.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoodFixtureTest {
    @Test
    void shippedStyleCatalogsHaveNoErrors() {
        CheckReport r = Fixtures.check("good");
        r.diagnostics().forEach(System.out::println);
        System.out.println("check: " + r.millis() + " ms, " + r.casesEvaluated() + " cases, " + r.items() + " items");
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.items()).isEqualTo(4);
    }
}
