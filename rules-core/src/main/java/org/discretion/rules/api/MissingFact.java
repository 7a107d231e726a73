package org.discretion.rules.api;

/**
 * A fact the decision needs but the case did not give.
 *
 * @param field the case field (JSON path), e.g. {@code party.age} or {@code facts.tonsPerHour}
 * @param label the Chinese label
 * @param why   which grounds or items depend on it
 */
public record MissingFact(String field, String label, String why) {
}
