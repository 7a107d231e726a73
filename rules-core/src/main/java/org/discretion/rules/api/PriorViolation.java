package org.discretion.rules.api;

import java.time.LocalDate;

/**
 * An earlier violation of the same party, used to judge "first offense" against a look-back window.
 *
 * @param date      date the earlier violation was committed (or found, as the catalog's definition says)
 * @param item      catalog item id of the earlier violation, if known
 * @param provision violated provision, if known
 */
public record PriorViolation(LocalDate date, String item, String provision) {
}
