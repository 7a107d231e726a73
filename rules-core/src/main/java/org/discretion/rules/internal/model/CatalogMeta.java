package org.discretion.rules.internal.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.discretion.rules.api.ListType;

/**
 * catalog.yaml of one published list (see docs/catalog-format.md). {@code jurisdiction} says where it applies;
 * {@code exclusions} names the statute-layer exclusion rules that govern its items (e.g. {@code HX-2022-17-3-7},
 * 滑法政办〔2022〕17号 三(七), for 滑县 agencies' lists only).
 */
public record CatalogMeta(String id, String version, String title, String issuingBody, String documentTitle,
                          String documentNumber, String level, String region, String area, List<ListType> lists,
                          LocalDate publishedOn, LocalDate effectiveFrom, LocalDate effectiveTo, String status, String statusNote,
                          String sourceTitle, List<String> sourceUrls, String fidelity, String fidelityNote, String preamble,
                          CatalogSettings settings, List<ItemMeta> items, YearMonth publishedMonth, String encoderNote,
                          Jurisdiction jurisdiction, List<String> exclusions) {
    public CatalogMeta {
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
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

    /**
     * Whether the list applies to an agency serving the division {@code agencyCode} (its level's part of the code
     * matches; a NATIONAL list everywhere). A list without a declared division code cannot be ruled out: it applies
     * (the build warns).
     */
    public boolean covers(String agencyCode) {
        return Jurisdiction.covers(level, jurisdiction == null ? null : jurisdiction.divisionCode(), agencyCode);
    }

    /** Whether this list and {@code other} can both apply to one agency. */
    public boolean overlaps(CatalogMeta other) {
        return Jurisdiction.overlap(level, jurisdiction == null ? null : jurisdiction.divisionCode(), other.level,
                other.jurisdiction == null ? null : other.jurisdiction.divisionCode());
    }

    /** Human reference of the list: 《title》（文号）. */
    public String reference() {
        return "《" + title + "》" + (documentNumber == null ? "" : "（" + documentNumber + "）");
    }
}
