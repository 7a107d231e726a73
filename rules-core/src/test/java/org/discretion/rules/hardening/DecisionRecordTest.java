package org.discretion.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.Engines;
import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DecisionRecord;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.Party;
import org.discretion.rules.api.Severity;

class DecisionRecordTest {
    @TempDir
    Path v1;
    @TempDir
    Path v2;

    static CaseInput fx1(String id, int amount) {
        return CaseInput.builder(id).item("FX-1").party(Party.organization()).actDate(LocalDate.of(2024, 3, 1))
                .discoveryDate(LocalDate.of(2024, 3, 5)).decisionDate(LocalDate.of(2024, 4, 1)).firstOffense(true)
                .correction(Correction.WITHIN_DEADLINE).severity(Severity.GENERAL).harm(Harm.MINOR)
                .fact("amount", new BigDecimal(amount)).build();
    }

    @Test
    void aRecordKeepsUnknownFactsAsExplicitNullsAndReadsBackIdentical() {
        DiscretionEngine e = Fixtures.engine(Fixtures.write(v1, "1", 1000));
        CaseInput c = fx1("r1", 800);
        Decision d = e.evaluate(c);
        DecisionRecord r = DecisionRecord.of(e, LocalDate.of(2026, 11, 28), c, d);
        String line = r.write();
        assertThat(line).doesNotContain("\n").contains("\"illegalGains\":null", "\"actEndDate\":null",
                "\"evaluatedOn\":\"2026-11-28\"", "\"engineVersion\":\"" + DiscretionEngine.VERSION + "\"",
                "\"id\":\"fx_lists\"");
        assertThat(r.toJson().get("case").get("party").has("age")).isTrue();
        DecisionRecord back = DecisionRecord.read(line);
        assertThat(back.input()).isEqualTo(c);
        assertThat(back.catalogVersions()).isEqualTo(e.catalogVersions());
        assertThat(back.differences(d)).isEmpty();
        assertThat(back.catalogChanges(e.catalogVersions())).isEmpty();
        assertThat(back.decision().basis()).isNotEmpty();
    }

    @Test
    void anotherCatalogVersionIsNamedWithBothHashesAndEveryChangedFieldIsReported() {
        DiscretionEngine e1 = Fixtures.engine(Fixtures.write(v1, "1", 1000));
        DiscretionEngine e2 = Fixtures.engine(Fixtures.write(v2, "2", 500));
        CaseInput c = fx1("r2", 800);
        DecisionRecord r = DecisionRecord.read(DecisionRecord.of(e1, LocalDate.of(2026, 11, 28), c, e1.evaluate(c)).write());
        assertThat(r.decision().handling().name()).isEqualTo("NO_PENALTY");

        List<String> changes = r.catalogChanges(e2.catalogVersions());
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0)).startsWith("catalog fx_lists: recorded version 1 sha256:").contains(", now version 2 sha256:");

        Decision now = e2.evaluate(c);
        List<String> diffs = r.differences(now);
        assertThat(diffs).contains("handling: recorded \"NO_PENALTY\", now \"MAY_NO_PENALTY\"");
        assertThat(diffs).anyMatch(l -> l.startsWith("catalogVersions[1].version: recorded \"1\", now \"2\""));
        assertThat(diffs).anyMatch(l -> l.startsWith("items: recorded 1 entries, now 0"));
    }

    @Test
    void unreadableRecordsSayWhatIsWrong() {
        assertThatThrownBy(() -> DecisionRecord.read("{\"id\":1"))
                .isInstanceOf(DiscretionException.class).hasMessageStartingWith("not a decision record: malformed JSON");
        assertThatThrownBy(() -> DecisionRecord.read("{\"id\":\"x\"}"))
                .hasMessage("not a decision record: \"recordVersion\" is missing");
        assertThatThrownBy(() -> DecisionRecord.read("{\"recordVersion\":9}"))
                .hasMessage("decision record format 9 is not supported (this engine reads 1)");
        DiscretionEngine e = Engines.statuteOnly();
        CaseInput c = CaseInput.builder("s").build();
        String ok = DecisionRecord.of(e, LocalDate.of(2026, 1, 1), c, e.evaluate(c)).write();
        assertThatThrownBy(() -> DecisionRecord.read(ok.replace("\"case\":{", "\"case\":{\"colour\":1,")))
                .hasMessageContaining("field \"colour\": unknown field");
    }

    /** One reader of decision logs for the CLI and the service: blank lines skipped, a bad line named by number. */
    @Test
    void aDecisionLogIsReadLineByLineAndABadLineIsNamed() {
        DiscretionEngine engine = Engines.statuteOnly();
        CaseInput c = CaseInput.builder("log-1").party(Party.organization()).actDate(LocalDate.of(2024, 1, 10))
                .discoveryDate(LocalDate.of(2024, 2, 1)).decisionDate(LocalDate.of(2024, 3, 1)).build();
        String line = DecisionRecord.of(engine, LocalDate.of(2024, 3, 1), c, engine.evaluate(c)).write();
        assertThat(DecisionRecord.readAll(line + "\n\n" + line + "\n")).hasSize(2);
        assertThatThrownBy(() -> DecisionRecord.readAll(line + "\n{\"x\":1}"))
                .isInstanceOf(DiscretionException.class).hasMessageStartingWith("line 2: not a decision record");
    }
}
