package org.discretion.rules.facts;

import java.util.ArrayList;
import java.util.List;

import org.discretion.rules.api.ConditionReport;
import org.discretion.rules.api.Status;

/**
 * What a rule asserts: a ground or list item, and how each of its conditions came out for the case. Rules insert
 * findings; they never modify facts. Java ({@code Precedence}) decides which finding wins.
 */
public final class Finding {
    /** STATUTE, EXCLUSION or ITEM. */
    private final String kind;
    private final String id;
    private final String catalog;
    private final Status status;
    private final List<ConditionReport> conditions;

    public Finding(String kind, String id, String catalog, Subject subject, Condition... conditions) {
        this.kind = kind;
        this.id = id;
        this.catalog = catalog;
        List<ConditionReport> reports = new ArrayList<>(conditions.length);
        Status all = Status.HELD;
        for (Condition c : conditions) {
            Status s = c.test(subject);
            reports.add(new ConditionReport(c.label(), s, c.fields(), c.detail(subject)));
            all = Conditions.and(all, s);
        }
        this.conditions = List.copyOf(reports);
        this.status = all;
    }

    public String getKind() { return kind; }
    public String getId() { return id; }
    public String getCatalog() { return catalog; }
    public Status getStatus() { return status; }
    public List<ConditionReport> getConditions() { return conditions; }
    public boolean isHeld() { return status == Status.HELD; }

    @Override
    public String toString() {
        return kind + " " + id + " " + status + " " + conditions;
    }
}
