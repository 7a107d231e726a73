package org.discretion.rules.api;

/**
 * A list item whose conditions all held for the case.
 *
 * @param catalog        catalog id
 * @param item           the item's permanent id, e.g. TAX-1
 * @param list           the list the item belongs to
 * @param name           事项名称, as published
 * @param documentNumber 文号 of the list
 * @param itemNumber     序号 in the published list
 * @param level          national / provincial / municipal / county
 * @param fidelity       how faithfully the catalog reproduces the published text
 */
public record MatchedItem(String catalog, String item, ListType list, String name, String documentNumber,
                          String itemNumber, String level, String fidelity) {
}
