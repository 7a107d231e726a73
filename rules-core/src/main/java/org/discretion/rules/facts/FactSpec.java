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
public record FactSpec(String name, String type, String unit, String label, Derive derive) {

    /**
     * A rule the catalog declares for deriving the fact from a field of the case when the case does not give it:
     * {@code derive: {field: harm, in: [NONE], value: false, reason: …}} reads "没有造成危害后果 ⇒ 没有实际影响使用".
     *
     * @param field  a case field: {@code harm}, {@code severity} or {@code correction}
     * @param in     the values of that field for which the fact is derived
     * @param value  the derived value
     * @param reason why, in Chinese, for the decision
     */
    public record Derive(String field, java.util.List<String> in, Object value, String reason) {
        public Derive {
            if (!java.util.Set.of("harm", "severity", "correction").contains(field)) {
                throw new IllegalArgumentException("derive.field must be harm, severity or correction, was " + field);
            }
            in = in == null ? java.util.List.of() : java.util.List.copyOf(in);
        }
    }

    public FactSpec(String name, String type, String unit, String label) {
        this(name, type, unit, label, null);
    }

    public FactSpec {
        if (!(type.equals("NUMBER") || type.equals("BOOLEAN") || type.equals("TEXT") || type.equals("DATE"))) {
            throw new IllegalArgumentException("fact " + name + ": type must be NUMBER, BOOLEAN, TEXT or DATE, was " + type);
        }
        unit = unit == null ? "" : unit;
    }
}
