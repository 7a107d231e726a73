/**
 * The fact model rule authors use in DRL: {@link org.discretion.rules.facts.CaseView} (the statute layer matches
 * it), {@link org.discretion.rules.facts.Candidate} (an item rule matches its candidate), the three-valued
 * condition vocabulary {@link org.discretion.rules.facts.Conditions}, and {@link org.discretion.rules.facts.Finding},
 * the only thing a rule inserts. See docs/catalog-format.md.
 */
package org.discretion.rules.facts;
