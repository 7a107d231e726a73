/**
 * Tools for rule authors, on top of the engine: {@link org.discretion.rules.tooling.CatalogChecker} (everything
 * {@code ./discretion check} reports, including the discretion analysis over generated cases) and
 * {@link org.discretion.rules.tooling.Publisher} (the lists in the official 附件2 table format, and the diff
 * between two versions of a catalog folder). Start with {@code CatalogChecker.forDirectory(dir).check()}.
 *
 * <p>Both read catalogs exactly as the engine does ({@code Sources} → {@code RuleBaseBuilder}), so what is checked
 * and published is what is evaluated. No Drools type appears in a public signature.
 */
package org.discretion.rules.tooling;
