package org.discretion.rules.api;

import java.util.List;

/**
 * A fact the decision needs but the case did not give: some value of it would change the answer to a question the
 * decision has left open.
 *
 * @param field   the case field (JSON path), e.g. {@code party.age} or {@code facts.tonsPerHour}
 * @param label   the Chinese label
 * @param why     which grounds or items depend on it
 * @param affects which open questions it decides: {@code HANDLING} (the handling, when INSUFFICIENT_FACTS),
 *                {@code COERCION} (行政强制, when {@code coercion} is null), {@code FINE_RANGE} (the fine range of
 *                a penalty already decided)
 */
public record MissingFact(String field, String label, String why, List<String> affects) {

    public static final String HANDLING = "HANDLING";
    public static final String COERCION = "COERCION";
    public static final String FINE_RANGE = "FINE_RANGE";

    public MissingFact {
        affects = affects == null ? List.of() : List.copyOf(affects);
    }

    /** A fact that decides the handling. */
    public MissingFact(String field, String label, String why) {
        this(field, label, why, List.of(HANDLING));
    }
}
