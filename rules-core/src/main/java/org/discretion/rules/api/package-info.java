/**
 * The public API: start with {@link org.discretion.rules.api.DiscretionEngine#builder()}, give
 * {@link org.discretion.rules.api.CaseInput}s (or JSON through {@link org.discretion.rules.api.CaseJson}) and read
 * {@link org.discretion.rules.api.Decision}s. Immutable records, one engine interface, unchecked exceptions with
 * structured fields ({@link org.discretion.rules.api.InvalidCaseException},
 * {@link org.discretion.rules.api.CatalogBuildException}). No Drools type appears here; this package stays
 * backwards compatible.
 */
package org.discretion.rules.api;
