package org.discretion.rules.scenario;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One scenario file: a named suite of scenarios that need the same catalogs.
 *
 * @param file           the file as given to the loader (used in every message)
 * @param name           the suite's title ({@code suite:})
 * @param catalogs       catalogs the suite needs ({@code catalogs:}); they must be loaded, and a case that does not
 *                       name its own {@code catalogs} is restricted to them. Empty: the statute layer alone, and no
 *                       restriction.
 * @param evaluationDate "today" for cases without a {@code decisionDate}, unless a scenario fixes its own;
 *                       {@code null} = the real date of the run
 * @param scenarios      the scenarios, in file order; never empty
 */
public record ScenarioSuite(String file, String name, List<String> catalogs, LocalDate evaluationDate,
                            List<Scenario> scenarios) {
    public ScenarioSuite {
        catalogs = List.copyOf(catalogs);
        scenarios = List.copyOf(scenarios);
    }

    /**
     * The scenario's case as the runner evaluates it: a case that names no {@code catalogs} of its own is restricted
     * to the suite's catalogs. A fresh copy each call.
     */
    public ObjectNode caseOf(Scenario scenario) {
        ObjectNode json = scenario.caseJson();
        if (!json.has("catalogs") && !catalogs.isEmpty()) {
            ArrayNode a = json.putArray("catalogs");
            catalogs.forEach(a::add);
        }
        return json;
    }

    /** The date "today" is for a scenario: its own evaluation date, else the suite's, else {@code null}. */
    public LocalDate evaluationDateOf(Scenario scenario) {
        return scenario.evaluationDate() != null ? scenario.evaluationDate() : evaluationDate;
    }
}
