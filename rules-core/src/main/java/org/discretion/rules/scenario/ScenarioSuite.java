package org.discretion.rules.scenario;

import java.time.LocalDate;
import java.util.List;

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
}
