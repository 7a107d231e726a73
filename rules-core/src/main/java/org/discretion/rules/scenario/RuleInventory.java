package org.discretion.rules.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.internal.EngineImpl;
import org.discretion.rules.internal.RuleBase;

/**
 * Every statute ground, exclusion and list item an engine evaluates with: the universe that coverage is measured
 * against. Read from the engine's rule base (same module), so that no Drools or internal type leaks into the
 * public scenario API.
 */
final class RuleInventory {
    /** One ground or item. {@code catalog} is "statute" for the statute layer. */
    record Rule(String id, String kind, String catalog, String title) {
    }

    private RuleInventory() {
    }

    static List<Rule> of(DiscretionEngine engine) {
        if (!(engine instanceof EngineImpl impl)) {
            throw new IllegalArgumentException("coverage needs an engine built by DiscretionEngine.builder()");
        }
        RuleBase rb = impl.ruleBase();
        List<Rule> out = new ArrayList<>();
        rb.grounds().values().forEach(g -> out.add(new Rule(g.id(),
                "EXCLUDE_LISTS".equals(g.effect()) ? "EXCLUSION" : "STATUTE", "statute", g.title())));
        rb.items().values().forEach(r -> out.add(new Rule(r.item().id(), "ITEM", r.catalog().id(), r.item().name())));
        out.sort(Comparator.comparing((Rule r) -> r.catalog().equals("statute") ? "" : r.catalog())
                .thenComparing(r -> order(r.id())));
        return List.copyOf(out);
    }

    /** Natural order of ids: TAX-2 before TAX-10. */
    private static String order(String id) {
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+|\\D+").matcher(id);
        while (m.find()) {
            String g = m.group();
            b.append(Character.isDigit(g.charAt(0)) ? String.format("%08d", Long.parseLong(g.length() > 15 ? g.substring(0, 15) : g)) : g);
        }
        return b.toString();
    }
}
