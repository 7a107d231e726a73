package org.discretion.rules.facts;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Correction;

/**
 * A list item that may apply to the case: the case named it, or named the provision it concerns, and its catalog
 * is in force at {@link #asOf()}. The item's rule matches {@code Candidate(item == "TAX-1")} and inserts
 * {@link #finding(Condition...)} with the item's own conditions.
 */
public final class Candidate implements Subject {
    private final CaseView view;
    private final String catalog;
    private final String item;
    private final String provision;
    private final Period lookBack;
    private final Set<Correction> timely;
    private final Map<String, FactSpec> facts;

    public Candidate(CaseView view, String catalog, String item, String provision, Period lookBack,
                     Set<Correction> timely, Map<String, FactSpec> facts) {
        this.view = view;
        this.catalog = catalog;
        this.item = item;
        this.provision = provision;
        this.lookBack = lookBack;
        this.timely = Set.copyOf(timely);
        this.facts = Map.copyOf(facts);
    }

    public String getCatalog() { return catalog; }
    public String getItem() { return item; }
    public CaseView getView() { return view; }

    @Override public CaseInput input() { return view.input(); }
    @Override public LocalDate asOf() { return view.asOf(); }
    @Override public Period firstOffenseLookBack() { return lookBack; }
    @Override public Set<Correction> timelyCorrections() { return timely; }
    @Override public Map<String, FactSpec> factSpecs() { return facts; }
    @Override public String itemId() { return item; }
    @Override public String provision() { return provision; }

    /** This candidate over a variant of the case (same item, date and settings), see {@link Finding#retest}. */
    public Candidate withInput(CaseInput variant) {
        return new Candidate(view.withInput(variant), catalog, item, provision, lookBack, timely, facts);
    }

    /** Asserts this item with its own conditions, evaluated against the case. */
    public Finding finding(Condition... conditions) {
        return new Finding("ITEM", item, catalog, this, conditions);
    }
}
