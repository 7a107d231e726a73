package org.discretion.rules.internal.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.discretion.rules.api.ListType;

/** catalog.yaml of one published list (see docs/catalog-format.md). */
public record CatalogMeta(String id, String version, String title, String issuingBody, String documentTitle,
                          String documentNumber, String level, String region, String area, List<ListType> lists,
                          LocalDate publishedOn, LocalDate effectiveFrom, LocalDate effectiveTo, String status, String statusNote,
                          String sourceTitle, List<String> sourceUrls, String fidelity, String fidelityNote, String preamble,
                          CatalogSettings settings, List<ItemMeta> items, YearMonth publishedMonth, String encoderNote) {
    public CatalogMeta {
        lists = lists == null ? List.of() : List.copyOf(lists);
        sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
        items = items == null ? List.of() : List.copyOf(items);
        settings = settings == null ? CatalogSettings.NONE : settings;
    }

    /** By id only (consistent with equals): the derived hash walked every item of the catalog. */
    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }

    /** Human reference of the list: 《title》（文号）. */
    public String reference() {
        return "《" + title + "》" + (documentNumber == null ? "" : "（" + documentNumber + "）");
    }
}
