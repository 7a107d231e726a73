package org.discretion.rules.scenario;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.discretion.rules.api.Coercion;
import org.discretion.rules.api.Handling;
import org.discretion.rules.api.Status;

/**
 * What a scenario expects of the decision. <b>Only what is stated is checked</b>: a {@code null} component was not
 * stated. Where "absent" is itself an outcome a tester may expect, the component is an {@link Optional}: {@code
 * null} = not stated, {@code Optional.empty()} = the decision must have none (YAML {@code coercion: null}).
 *
 * @param handling     the decision's handling
 * @param mandatory    应当 (true) or 可以 (false)
 * @param coercion     the coercion outcome; empty = undecided (the decision's {@code coercion} is null)
 * @param items        the exact set of applied list item ids ({@code []} = no item applies)
 * @param status       ground or item id &rarr; HELD / FAILED / UNKNOWN, as {@code whyNot} reports it
 * @param citations    citations that must each appear among the decision's {@code basis}, written like the
 *                     catalogs write them: {@code 行政处罚法 第33条}, {@code 行政处罚法 第33条第1款},
 *                     {@code 会计法(2017) 第42条}, {@code 滑法政办〔2022〕17号 三(七)}
 * @param missingFacts case fields that must each be among the decision's {@code missingFacts}; an empty list:
 *                     the decision asks for nothing
 * @param fineRange    the fine range, or {@code Optional.empty()} for "no fine range"
 * @param duties       duty kinds that must each appear (EDUCATION, ORDER_CORRECTION, GUARDIAN_DISCIPLINE …)
 * @param explanation  phrases that must each appear in the explanation
 * @param warnings     phrases that must each appear in some warning
 * @param error        the case must be rejected as invalid input; excludes every other expectation
 */
public record Expectation(Handling handling, Boolean mandatory, Optional<Coercion> coercion, List<String> items,
                          Map<String, Status> status, List<String> citations, List<String> missingFacts,
                          Optional<FineRangeExpectation> fineRange, List<String> duties, List<String> explanation,
                          List<String> warnings, ErrorExpectation error) {

    public Expectation {
        items = items == null ? null : List.copyOf(items);
        status = status == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(status));
        citations = citations == null ? null : List.copyOf(citations);
        missingFacts = missingFacts == null ? null : List.copyOf(missingFacts);
        duties = duties == null ? null : List.copyOf(duties);
        explanation = explanation == null ? null : List.copyOf(explanation);
        warnings = warnings == null ? null : List.copyOf(warnings);
    }

    /**
     * The expected fine range; a {@code null} bound was not stated, an empty one must be absent (no bound).
     *
     * @param min lowest fine in yuan
     * @param max highest fine in yuan
     */
    public record FineRangeExpectation(Optional<BigDecimal> min, Optional<BigDecimal> max) {
    }

    /**
     * The case must be rejected as invalid input.
     *
     * @param field   the offending field as the error names it, e.g. {@code party.age}; {@code null} = any
     * @param message a phrase the error message must contain; {@code null} = any
     */
    public record ErrorExpectation(String field, String message) {
    }
}
