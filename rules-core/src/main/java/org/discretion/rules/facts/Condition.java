package org.discretion.rules.facts;

import java.util.List;
import java.util.function.Function;

import org.discretion.rules.api.Status;

/**
 * One condition of a statutory ground or a list item, evaluated in three-valued logic: a fact the case does not
 * give makes the condition {@link Status#UNKNOWN}, never {@link Status#FAILED}. Build conditions with
 * {@link Conditions}; relabel them with the published words using {@link #as(String)}.
 */
public interface Condition {
    /** The condition in words (Chinese), as the law or list states it. */
    String label();

    /** Case fields read, as JSON paths (e.g. {@code correction}, {@code facts.tonsPerHour}). */
    List<String> fields();

    Status test(Subject s);

    /** The values seen, for the explanation, e.g. {@code correction=ON_THE_SPOT}. */
    String detail(Subject s);

    /** The same condition under the published wording. */
    default Condition as(String label) {
        Condition self = this;
        return new Condition() {
            @Override public String label() { return label; }
            @Override public List<String> fields() { return self.fields(); }
            @Override public Status test(Subject s) { return self.test(s); }
            @Override public String detail(Subject s) { return self.detail(s); }
            @Override public List<Condition> parts() { return self.parts(); }
        };
    }

    /** Sub-conditions of a composite condition; empty for a simple one. */
    default List<Condition> parts() {
        return List.of();
    }

    /** A simple condition from a label, fields, a test and a detail function. */
    static Condition of(String label, List<String> fields, Function<Subject, Status> test,
                        Function<Subject, String> detail) {
        return new Cond(label, fields, test, detail, List.of());
    }
}
