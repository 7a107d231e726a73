package org.discretion.rules.api;

import java.util.List;

/**
 * How one condition of a ground or item came out for the case.
 *
 * @param label  the condition in words, as the law or list states it
 * @param status held, failed or unknown
 * @param fields the case fields it read
 * @param detail the values it saw, e.g. "correction=AFTER_DEADLINE"
 */
public record ConditionReport(String label, Status status, List<String> fields, String detail) {
    public ConditionReport {
        fields = List.copyOf(fields);
    }
}
