package org.discretion.rules.examples.spring;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.api.Evaluation;

/**
 * The application's own service: takes cases as the JSON contract v1 (one case, an array, or JSON lines), returns
 * the decisions — and, in place of a case that could not be read or evaluated, its error — as a JSON array in input
 * order. The engine is the one the starter configured.
 */
@Service
public class DecisionService {
    private final DiscretionEngine engine;

    public DecisionService(DiscretionEngine engine) {
        this.engine = engine;
    }

    public String decide(String casesJson) {
        List<Evaluation> out = new ArrayList<>();
        List<CaseJson.Parsed> parsed = CaseJson.parse(casesJson);
        List<org.discretion.rules.api.CaseInput> good = new ArrayList<>();
        for (CaseJson.Parsed p : parsed) if (p.ok()) good.add(p.input());
        var evaluated = engine.evaluateAll(good).iterator();
        for (CaseJson.Parsed p : parsed) out.add(p.ok() ? evaluated.next() : Evaluation.failed(p.error()));
        return CaseJson.write(CaseJson.toJson(out), false);
    }
}
