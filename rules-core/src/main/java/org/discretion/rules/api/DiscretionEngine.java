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
     * Screens one case: the same decision as {@link #evaluate} — handling, 应当/可以, coercion, items, basis,
     * duties, fine range, missing facts, warnings — without the why-not report ({@code whyNot} is empty) and without
     * the prose ({@code explanation} is {@code null}), which are most of the work of a decision. For batches that
     * sort cases; call {@link #evaluate} for the case that needs a decision document.
     *
     * @throws InvalidCaseException as {@link #evaluate}
     */
    default Decision screen(CaseInput input) {
        Decision d = evaluate(input);
        return new Decision(d.id(), d.handling(), d.mandatory(), d.coercion(), d.items(), d.basis(), d.duties(),
                d.measures(), d.fineRange(), d.penaltyKinds(), d.missingFacts(), List.of(), d.catalogVersions(), d.warnings(), null,
                d.engineVersion());
    }

    /**
     * Evaluates many cases on all available processors; a bad case yields an {@link Evaluation} with its error and
     * never spoils the others, and so does a case on which the engine itself fails. Results are in the order of the
     * input. {@link EvaluationListener}s are then called on the worker threads, concurrently.
     */
    List<Evaluation> evaluateAll(List<CaseInput> inputs);

    /**
     * As {@link #evaluateAll(List)}, on at most {@code threads} threads (1: on the calling thread only).
     *
     * @throws IllegalArgumentException when {@code threads} is not positive
     */
    default List<Evaluation> evaluateAll(List<CaseInput> inputs, int threads) {
        if (threads <= 0) throw new IllegalArgumentException("threads must be positive, was " + threads);
        return evaluateAll(inputs);
    }

    /**
     * Screens many cases ({@link #screen} for each) on at most {@code threads} threads, with the guarantees of
     * {@link #evaluateAll(List)}: input order, one bad case never spoils the others, listeners on the worker threads.
     * The fastest way through a large batch when no decision document is needed.
     *
     * @throws IllegalArgumentException when {@code threads} is not positive
     */
    default List<Evaluation> screenAll(List<CaseInput> inputs, int threads) {
        if (threads <= 0) throw new IllegalArgumentException("threads must be positive, was " + threads);
        List<Evaluation> out = new java.util.ArrayList<>(inputs.size());
        for (CaseInput in : inputs) {
            try {
                out.add(Evaluation.of(screen(in)));
            } catch (InvalidCaseException e) {
                out.add(Evaluation.failed(e));
            }
        }
        return List.copyOf(out);
    }

    /** The catalogs (and statute layer) this engine evaluates with, with their content hashes. */
    List<CatalogVersion> catalogVersions();

    /** A builder: catalogs from the class path and/or a directory, settings, listeners. */
    static DiscretionEngineBuilder builder() {
        return new DiscretionEngineBuilder();
    }
}
