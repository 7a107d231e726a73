package org.discretion.rules.facts;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.discretion.rules.api.Status;

/**
 * The conditions {@link Conditions} builds: immutable and stateless, so one instance serves every firing of every
 * rule that uses it, on every thread. {@link #as(String)} returns the same relabelled instance for the same label
 * (labels come from DRL text; beyond a cap a new instance is built, as {@link Condition#as} always did).
 */
final class Cond implements Condition {
    private static final int AS_LIMIT = 1_000;

    private final String label;
    private final List<String> fields;
    private final Function<Subject, Status> test;
    private final Function<Subject, String> detail;
    private final List<Condition> parts;
    private final ConcurrentHashMap<String, Cond> relabelled = new ConcurrentHashMap<>(2);

    Cond(String label, List<String> fields, Function<Subject, Status> test, Function<Subject, String> detail,
         List<Condition> parts) {
        this.label = label;
        this.fields = fields;
        this.test = test;
        this.detail = detail;
        this.parts = parts;
    }

    @Override public String label() { return label; }
    @Override public List<String> fields() { return fields; }
    @Override public Status test(Subject s) { return test.apply(s); }
    @Override public String detail(Subject s) { return detail.apply(s); }
    @Override public List<Condition> parts() { return parts; }

    /** The same condition under the published wording: same fields, test, detail and parts. */
    @Override
    public Condition as(String newLabel) {
        Cond c = relabelled.get(newLabel);
        if (c != null) return c;
        c = new Cond(newLabel, fields, test, detail, parts);
        if (relabelled.size() >= AS_LIMIT) return c;
        Cond prev = relabelled.putIfAbsent(newLabel, c);
        return prev != null ? prev : c;
    }
}
