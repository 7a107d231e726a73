package org.discretion.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.discretion.rules.Engines;
import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Evaluation;
import org.discretion.rules.api.EvaluationListener;

/** Whatever the engine throws for one case of a batch, that case gets its own error and the others are decided. */
class BatchIsolationTest {
    @Test
    void aCaseOnWhichTheEngineFailsGetsItsOwnErrorOnEveryThreadCount() {
        DiscretionEngine engine = DiscretionEngine.builder().classpathCatalogs().clock(Engines.FIXED)
                .listener(new EvaluationListener() {
                    @Override
                    public void beforeEvaluation(CaseInput input) {
                        if (input.id().startsWith("boom")) throw new IllegalStateException("a bug in a rule");
                    }
                }).build();
        List<CaseInput> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) batch.add(Engines.plain(i % 50 == 7 ? "boom-" + i : "ok-" + i).build());
        for (int threads : new int[] {1, 2, 3}) {
            List<Evaluation> out = engine.evaluateAll(batch, threads);
            assertThat(out).hasSize(200);
            for (int i = 0; i < 200; i++) {
                Evaluation e = out.get(i);
                assertThat(e.caseId()).isEqualTo(batch.get(i).id());
                if (i % 50 == 7) {
                    assertThat(e.ok()).isFalse();
                    assertThat(e.error().getMessage()).isEqualTo("case \"boom-" + i + "\": the engine could not decide this case "
                            + "(IllegalStateException); the other cases are not affected — please report this case");
                } else {
                    assertThat(e.ok()).as("case %d", i).isTrue();
                }
            }
        }
    }
}
