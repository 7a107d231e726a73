/**
 * Not API: may change in any release. Where to start: {@link org.discretion.rules.internal.Sources} (what an engine
 * is built from) → {@link org.discretion.rules.internal.RuleBaseBuilder} (parse, check, compile) →
 * {@link org.discretion.rules.internal.RuleBase} (one immutable compiled version) →
 * {@link org.discretion.rules.internal.Evaluator} (one case) → {@link org.discretion.rules.internal.Precedence}
 * (the only place outcomes are ranked) → {@code DecisionAssembler} and {@code Explainer}.
 */
package org.discretion.rules.internal;
