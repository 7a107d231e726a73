package org.discretion.rules.bench;

import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.internal.EngineImpl;

/**
 * JVM start to first decision: builds an engine from the shipped catalogs, evaluates one case and prints the
 * handling and the milliseconds since JVM start. {@link BenchMain} times the whole process from outside.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) {
        DiscretionEngine engine = DiscretionEngine.builder().classpathCatalogs().build();
        CaseInput c = BenchCases.forRuleBase(((EngineImpl) engine).ruleBase(), 1, Catalogs.SEED).get(0);
        Decision d = engine.evaluate(c);
        long sinceStart = System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(d.handling() + " " + sinceStart);
    }
}
