package org.discretion.rules.scenario;

/**
 * One stated expectation the decision did not meet.
 *
 * @param what     the expectation, as written in the file: {@code handling}, {@code status.XZCF-30-UNDER14},
 *                 {@code citations[1]}, {@code error}
 * @param expected what the scenario states
 * @param actual   what the engine decided, with the detail that explains it (a ground's conditions, say)
 */
public record Mismatch(String what, String expected, String actual) {
}
