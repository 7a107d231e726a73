package org.discretion.rules.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.KieBase;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Settings;
import org.discretion.rules.facts.Candidate;
import org.discretion.rules.facts.CaseView;
import org.discretion.rules.facts.FactSpec;
import org.discretion.rules.facts.Finding;
import org.discretion.rules.internal.EngineImpl;
import org.discretion.rules.internal.RuleBase;

/**
 * What a team wiring Drools itself would get on the same rules: the engine's own KieBase, one {@code KieSession}
 * per case, insert the case and the named item, fire, collect the {@link Finding}s, dispose. No precedence, no
 * citations, no explanation: the findings are the raw answer such a team would then have to turn into a decision.
 */
public final class RawDrools {
    private final KieBase kieBase;
    private final Map<String, Object[]> itemFacts = new HashMap<>();
    private final Set<Correction> timely;

    public RawDrools(DiscretionEngine engine) {
        RuleBase rb = ((EngineImpl) engine).ruleBase();
        this.kieBase = rb.kieBase();
        this.timely = Settings.defaults().timelyCorrections();
        for (RuleBase.ItemRef r : rb.items().values()) {
            Map<String, FactSpec> specs = new LinkedHashMap<>();
            r.item().facts().forEach(f -> specs.put(f.name(), f));
            String provision = r.item().violationBasis().isEmpty() ? null : r.item().violationBasis().get(0);
            itemFacts.put(r.item().id(), new Object[] {r.catalog().id(), provision, Map.copyOf(specs)});
        }
    }

    /**
     * Fires the rules for several cases in one session (what the engine's batches do) and returns all findings; a team
     * would still have to tell them apart by case.
     */
    @SuppressWarnings("unchecked")
    public List<Finding> fireMany(List<CaseInput> cases) {
        KieSession session = kieBase.newKieSession();
        try {
            for (CaseInput in : cases) {
                CaseView view = new CaseView(in, in.decisionDate(), null, timely, null);
                session.insert(view);
                Object[] item = in.item() == null ? null : itemFacts.get(in.item());
                if (item != null) {
                    session.insert(new Candidate(view, (String) item[0], in.item(), (String) item[1], null, timely,
                            (Map<String, FactSpec>) item[2]));
                }
            }
            session.fireAllRules();
            Collection<?> objects = session.getObjects(new ClassObjectFilter(Finding.class));
            List<Finding> out = new ArrayList<>(objects.size());
            for (Object o : objects) out.add((Finding) o);
            return out;
        } finally {
            session.dispose();
        }
    }

    /** Fires the rules for one case (a session of its own) and returns the findings. */
    public List<Finding> fire(CaseInput in) {
        return fireMany(List.of(in));
    }
}
