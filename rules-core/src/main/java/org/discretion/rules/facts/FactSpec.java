package org.discretion.rules.facts;

/**
 * An item-specific fact a catalog item declares (a count, a ratio, tons per hour …), so that callers and
 * {@code missingFacts} can name it.
 *
 * @param name  key under {@code facts} in the case
 * @param type  NUMBER, BOOLEAN, TEXT or DATE
 * @param unit  unit of a number, e.g. 吨/小时, %, 日; may be empty
 * @param label Chinese label
 */
public record FactSpec(String name, String type, String unit, String label) {
    public FactSpec {
        if (!(type.equals("NUMBER") || type.equals("BOOLEAN") || type.equals("TEXT") || type.equals("DATE"))) {
            throw new IllegalArgumentException("fact " + name + ": type must be NUMBER, BOOLEAN, TEXT or DATE, was " + type);
        }
        unit = unit == null ? "" : unit;
    }
}
