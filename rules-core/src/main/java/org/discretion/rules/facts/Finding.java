package org.discretion.rules.facts;

import org.discretion.rules.api.CaseInput;

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
    private final Subject subject;
    private final Condition[] tested;
    private final Status[] statuses;
    /**
     * The reports, built on first use: ranking needs only the statuses, and the reports (with their detail texts)
     * of a run that is not reported (the other date under 第37条, raw Drools) are never read. Subject and conditions
     * are immutable, so building later gives what building now would; a race builds equal lists.
     */
    private List<ConditionReport> conditions;

    public Finding(String kind, String id, String catalog, Subject subject, Condition... conditions) {
        this.kind = kind;
        this.id = id;
        this.catalog = catalog;
        this.subject = subject;
        this.tested = conditions.clone();
        this.statuses = new Status[tested.length];
        Status all = Status.HELD;
        for (int i = 0; i < tested.length; i++) {
            Status s = tested[i].test(subject);
            statuses[i] = s;
            all = Conditions.and(all, s);
        }
        this.status = all;
    }

    /**
     * The same ground or item with the same conditions, tested against a variant of the case (one fact changed), for
     * deciding which unknown facts can change the answer. Rules match only {@code CaseView()} and
     * {@code Candidate(item == …)} and test the case in their conditions (docs/rule-authoring.md), so this gives what a
     * new session over the variant would, without one.
     */
    public Finding retest(CaseInput variant) {
        Subject s = subject instanceof CaseView v ? v.withInput(variant)
                : subject instanceof Candidate c ? c.withInput(variant) : subject;
        return new Finding(kind, id, catalog, s, tested);
    }

    /** The case this finding belongs to (its view), for telling apart the cases of a shared session. */
    public CaseView caseView() {
        return subject instanceof CaseView v ? v : subject instanceof Candidate c ? c.getView() : null;
    }

    public String getKind() { return kind; }
    public String getId() { return id; }
    public String getCatalog() { return catalog; }
    public Status getStatus() { return status; }
    public boolean isHeld() { return status == Status.HELD; }

    public List<ConditionReport> getConditions() {
        List<ConditionReport> r = conditions;
        if (r == null) {
            ConditionReport[] reports = new ConditionReport[tested.length];
            for (int i = 0; i < tested.length; i++) {
                Condition c = tested[i];
                reports[i] = new ConditionReport(c.label(), statuses[i], c.fields(), c.detail(subject));
            }
            r = List.of(reports);
            conditions = r;
        }
        return r;
    }

    @Override
    public String toString() {
        return kind + " " + id + " " + status + " " + getConditions();
    }
}
