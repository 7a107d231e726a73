package org.discretion.rules.internal;

import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;

import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.Problem;
import org.discretion.rules.facts.Provisions;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;
import org.discretion.rules.internal.model.StatuteMeta;

/**
 * One compiled, checked version of everything an engine evaluates with: the KieBase, the metadata of every
 * catalog, item and ground, and the law registry. Immutable; an engine swaps whole RuleBases on reload, so an
 * evaluation always sees one consistent version. {@code prebuilt} is true when the KieBase was compiled at Maven
 * build time ({@link Prebuilt}) rather than by this process.
 */
public record RuleBase(KieBase kieBase, Sources sources, Map<String, CatalogMeta> catalogs,
                       Map<String, ItemRef> items, List<ProvisionIndex> provisionIndex,
                       Map<String, StatuteMeta.GroundMeta> grounds, LawRegistry registry,
                       Map<String, CatalogVersion> versions, List<Problem> warnings, boolean prebuilt) {

    /** An item with its catalog. */
    public record ItemRef(CatalogMeta catalog, ItemMeta item) {
        /**
         * By item id only: consistent with the record's equals, and cheap. The derived hash walked the whole catalog
         * (every item of it) each time an evaluation put the requested item in a set.
         */
        @Override
        public int hashCode() {
            return item == null || item.id() == null ? 0 : item.id().hashCode();
        }
    }

    /** A parsed violation provision of an item, for lookup by provision. */
    public record ProvisionIndex(Provisions.Ref ref, String raw, ItemRef item) {
    }

    public RuleBase {
        catalogs = Map.copyOf(catalogs);
        items = Map.copyOf(items);
        provisionIndex = List.copyOf(provisionIndex);
        grounds = Map.copyOf(grounds);
        versions = Map.copyOf(versions);
        warnings = List.copyOf(warnings);
    }

    /** Short title of a finding: the item's 事项名称, or the ground's title; the id when neither is known. */
    public String titleOf(org.discretion.rules.facts.Finding f) {
        if (f.getKind().equals("ITEM")) {
            ItemRef r = items.get(f.getId());
            return r == null ? f.getId() : r.item().name();
        }
        StatuteMeta.GroundMeta g = grounds.get(f.getId());
        return g == null ? f.getId() : g.title();
    }
}
