package org.discretion.rules.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.Severity;

/**
 * The smallest embedding: build one engine for the life of the application (it compiles every catalog, which
 * takes seconds), then evaluate cases with it from any thread.
 * Run it from an IDE; {@code EmbeddingExampleTest} runs it in {@code mvn verify} and checks what it prints.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /** Builds the engine, evaluates one case and prints the outcome to {@code out}. */
    public static Decision run(PrintStream out) {
        DiscretionEngine engine = DiscretionEngine.builder().classpathCatalogs().build();

        // 纳税人首次未按规定将全部银行账号报送税务机关，危害后果轻微，在责令限期改正的期限内改正。
        CaseInput c = CaseInput.builder("2024-税-0001")
                .item("TAX-1")
                .party(Party.organization())
                .actDate(LocalDate.of(2024, 1, 10))
                .discoveryDate(LocalDate.of(2024, 2, 1))
                .decisionDate(LocalDate.of(2024, 3, 1))
                .firstOffense(true)
                .correction(Correction.WITHIN_DEADLINE)
                .severity(Severity.MINOR)
                .harm(Harm.MINOR)
                .build();

        Decision d = engine.evaluate(c);
        out.println("案件 " + d.id() + "：" + d.handling() + (d.mandatory() ? "（应当）" : "（可以）"));
        d.items().forEach(i -> out.println("适用清单事项：" + i.item() + " " + i.name()));
        out.println("裁量理由：" + d.explanation());
        return d;
    }
}
