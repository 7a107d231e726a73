/**
 * Runnable embedding examples, each run by a test: {@link org.discretion.rules.examples.EmbeddingExample} (a plain
 * Java program: build the engine, evaluate one case, print the handling and the explanation) and
 * {@link org.discretion.rules.examples.CaseHandlingService} (a small HTTP service: POST a case as JSON to
 * {@code /decisions}, get the decision as JSON). The scenario suites live in {@code src/test/resources/scenarios}.
 */
package org.discretion.rules.examples;
