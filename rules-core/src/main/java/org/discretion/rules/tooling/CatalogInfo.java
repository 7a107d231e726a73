package org.discretion.rules.tooling;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.discretion.rules.api.CatalogVersion;
import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.api.ListType;
import org.discretion.rules.facts.FactSpec;
import org.discretion.rules.internal.Sources;
import org.discretion.rules.internal.Yaml;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;

/**
 * What a client needs to know about the catalogs an engine serves — each catalog's status and dates, its items with
 * the facts they declare (name, type, unit, label), and its 附件2 tables — read from the same catalog files, without
 * compiling the rules again (a form generator or the service's catalog endpoints call this; the engine has already
 * built and checked these files). Pair the result with {@link org.discretion.rules.api.DiscretionEngine#catalogVersions()}:
 * {@link Catalog#contentHash()} is the same hash, so a caller can tell whether it describes the version serving.
 */
public final class CatalogInfo {

    /**
     * One catalog (one published list, or several lists of one document).
     *
     * @param contentHash the hash of its files, as in {@link CatalogVersion#contentHash()}
     * @param tables      its lists as the tables of 附件2 ({@link Publisher})
     */
    public record Catalog(String id, String version, String contentHash, String title, String issuingBody,
                          String documentTitle, String documentNumber, String level, String region, List<ListType> lists,
                          LocalDate publishedOn, LocalDate effectiveFrom, LocalDate effectiveTo, String status,
                          String statusNote, String fidelity, List<String> sourceUrls, List<Item> items,
                          List<Publisher.Table> tables) {
        public Catalog {
            lists = List.copyOf(lists);
            sourceUrls = List.copyOf(sourceUrls);
            items = List.copyOf(items);
            tables = List.copyOf(tables);
        }
    }

    /**
     * One list item: its permanent id, the provisions it names (violation and penalty basis, as the list cites
     * them) and the item-specific facts it declares under {@code facts} of a case.
     */
    public record Item(String id, String number, ListType list, String name, List<String> violationBasis,
                       List<String> penaltyBasis, String applicability, String discretionRange, List<FactSpec> facts,
                       LocalDate effectiveFrom, LocalDate effectiveTo, String fidelity) {
        public Item {
            violationBasis = List.copyOf(violationBasis);
            penaltyBasis = List.copyOf(penaltyBasis);
            facts = List.copyOf(facts);
        }
    }

    private CatalogInfo() {
    }

    /**
     * The catalogs an engine built with the same class path and directories would serve, in load order.
     *
     * @param cl                where the shipped catalogs are listed ({@code META-INF/discretion-rules.index})
     * @param classpathCatalogs whether the shipped catalogs are loaded (as {@code classpathCatalogs()} on the builder)
     * @param directories       the catalog directories (as {@code catalogDirectory(dir)})
     * @throws DiscretionException when a catalog.yaml cannot be read (an engine would not have built either)
     */
    public static List<Catalog> read(ClassLoader cl, boolean classpathCatalogs, List<Path> directories) {
        Sources s = Sources.fromClasspath(cl, classpathCatalogs);
        for (Path d : directories) s = s.plus(Sources.fromDirectory(d));
        List<Catalog> out = new ArrayList<>();
        for (Sources.Bundle b : s.bundles()) {
            if (b.statute()) continue;
            CatalogMeta cm;
            try {
                cm = Yaml.YAML.readValue(b.meta().text(), CatalogMeta.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new DiscretionException(b.meta().origin() + ": cannot be read: " + e.getMessage(), e);
            }
            List<Item> items = new ArrayList<>();
            for (ItemMeta it : cm.items()) {
                items.add(new Item(it.id(), it.number(), it.list(), it.name(), it.violationBasis(), it.penaltyBasis(),
                        it.applicability(), it.discretionRange(), it.facts(), it.effectiveFrom(), it.effectiveTo(),
                        it.fidelity()));
            }
            out.add(new Catalog(cm.id(), cm.version(), b.contentHash(), cm.title(), cm.issuingBody(), cm.documentTitle(),
                    cm.documentNumber(), cm.level(), cm.region(), cm.lists(), cm.publishedOn(), cm.effectiveFrom(),
                    cm.effectiveTo(), cm.status(), cm.statusNote(), cm.fidelity(),
                    cm.sourceUrls() == null ? List.of() : cm.sourceUrls(), items, Publisher.tables(cm)));
        }
        return out;
    }
}
