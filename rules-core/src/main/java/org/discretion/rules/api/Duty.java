package org.discretion.rules.api;

/**
 * Something the agency must (or may) do as a consequence of the decision.
 *
 * @param kind  EDUCATION, ORDER_CORRECTION, GUARDIAN_DISCIPLINE, GUARDIAN_CUSTODY, COLLECTIVE_DISCUSSION,
 *              CONFISCATE_GAINS, PAYMENT_ADVICE, REFER
 * @param text  what to do, in Chinese
 * @param basis the provision it rests on, in its human form
 */
public record Duty(String kind, String text, String basis) {
}
