package org.discretion.rules.scenario;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One scenario: a sentence stating the situation and the outcome, the case facts and what must come out.
 *
 * @param name           a full sentence stating the situation and the outcome; unique within its suite
 * @param line           line of the scenario's {@code name} in its file (1-based)
 * @param caseJson       the case, in the case JSON contract v1 (read with
 *                       {@link org.discretion.rules.api.CaseJson#toCase}); a copy is handed out
 * @param evaluationDate "today" for this scenario when the case has no {@code decisionDate}; {@code null} = the
 *                       suite's
 * @param expect         what is checked; only what is stated
 * @param caseLines      line of each case field in the file, keyed by the field's path as an
 *                       {@link org.discretion.rules.api.InvalidCaseException} names it ({@code party.age},
 *                       {@code circumstances[0]}); used to point a rejected case at its line
 */
public record Scenario(String name, int line, ObjectNode caseJson, LocalDate evaluationDate, Expectation expect,
                       Map<String, Integer> caseLines) {
    public Scenario {
        caseJson = caseJson.deepCopy();
        caseLines = Map.copyOf(caseLines);
    }

    @Override
    public ObjectNode caseJson() {
        return caseJson.deepCopy();
    }

    /** The case id, or {@code null} when the case has none. */
    public String caseId() {
        return caseJson.hasNonNull("id") ? caseJson.get("id").asText() : null;
    }

    /** The line of a case field, falling back to its parent field and then to the scenario's own line. */
    public int lineOf(String field) {
        String f = field == null ? "" : field;
        while (!f.isEmpty()) {
            Integer l = caseLines.get(f);
            if (l != null) return l;
            int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
            f = cut < 0 ? "" : f.substring(0, cut);
        }
        return caseLines.getOrDefault("", line);
    }
}
