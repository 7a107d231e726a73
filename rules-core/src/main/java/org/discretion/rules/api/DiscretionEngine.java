package org.discretion.rules.api;

import java.util.List;

/**
 * The discretion engine: give it the facts of one violation, get back the recommended handling with every legal
 * basis it relies on. Build one with {@link #builder()}; it is immutable and thread-safe, so one instance serves
 * every thread of a case-handling system.
 *
 * <pre>{@code
 * DiscretionEngine engine = DiscretionEngine.builder().classpathCatalogs().build();
 * Decision d = engine.evaluate(CaseInput.builder("case-1").item("TAX-1") ... .build());
 * }</pre>
 */
public interface DiscretionEngine {

    /** Version of the engine, recorded in every decision. */
    String VERSION = "0.1.0";

    /**
     * Evaluates one case.
     *
     * @throws InvalidCaseException when the case names an unknown item or catalog, or an item fact is undeclared or
     *                              of the wrong type; the message names the case, the field and the problem
     */
    Decision evaluate(CaseInput input);

    /**
     * Evaluates many cases; a bad case yields an {@link Evaluation} with its error and never spoils the others.
     * Results are in the order of the input.
     */
    List<Evaluation> evaluateAll(List<CaseInput> inputs);

    /** The catalogs (and statute layer) this engine evaluates with, with their content hashes. */
    List<CatalogVersion> catalogVersions();

    /** A builder: catalogs from the class path and/or a directory, settings, listeners. */
    static DiscretionEngineBuilder builder() {
        return new DiscretionEngineBuilder();
    }
}
