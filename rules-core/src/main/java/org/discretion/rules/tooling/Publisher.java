package org.discretion.rules.tooling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.discretion.rules.api.CatalogBuildException;
import org.discretion.rules.api.ListType;
import org.discretion.rules.internal.RuleBase;
import org.discretion.rules.internal.RuleBaseBuilder;
import org.discretion.rules.internal.Sources;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;

/**
 * Renders the lists of each catalog as the tables of 附件2 of 滑法政办〔2022〕17号 (“四张清单”表格（样式）), from the same
 * catalog files the engine evaluates, so the published lists and the running rules cannot drift apart.
 *
 * <p>Columns: 从轻 / 减轻 / 从轻或者减轻 lists: 序号, 事项名称, 设定依据, 适用情形, 从轻(减轻…)处罚依据, 裁量幅度, 配套监管措施,
 * 备注; the 不予实施行政强制 list has no 裁量幅度 (附件2 prints its column as “不予实行政强制依据”, an evident slip for
 * 不予实施行政强制依据, which is used here); the 不予处罚 list follows the same pattern without 裁量幅度. Above each
 * table: the list's title and 单位名称（盖章）： the issuing body. Cells: 设定依据 is the published {@code basisText}, or
 * else the violation and penalty citations; the 依据 column is {@code handlingBasisText}, or else the citations.
 * Markdown, CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read the Chinese text) and HTML are
 * rendered here; XLSX is written by the command line module (Apache POI stays out of the core).
 */
public final class Publisher {

    /**
     * One published list of one catalog.
     *
     * @param catalog  catalog id
     * @param version  catalog version label
     * @param list     which list
     * @param title    the list's title as printed above the table (the catalog's title when it holds one list)
     * @param unit     单位名称: the issuing body
     * @param document 《document title》（文号） or empty
     * @param headers  column headers
     * @param rows     one row per item, cells in header order, with the item id last (not printed)
     */
    public record Table(String catalog, String version, ListType list, String title, String unit, String document,
                        List<String> headers, List<Row> rows) {
        public Table {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
        }
    }

    /** One item's row: its permanent id (not a column of 附件2) and its cells. */
    public record Row(String itemId, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    private Publisher() {
    }

    /**
     * The tables of every catalog under {@code dir}, after building them exactly as an engine would.
     *
     * @throws CatalogBuildException when the catalogs do not build: a broken catalog is never published
     */
    public static List<Table> tables(Path dir) {
        return tables(Sources.fromClasspath(Publisher.class.getClassLoader(), false).plus(Sources.fromDirectory(dir)));
    }

    /** The tables of the shipped catalogs (class path). */
    public static List<Table> tables(ClassLoader cl) {
        return tables(Sources.fromClasspath(cl, true));
    }

    private static List<Table> tables(Sources sources) {
        RuleBaseBuilder.Result r = RuleBaseBuilder.build(sources);
        if (!r.ok()) throw new CatalogBuildException(r.problems());
        RuleBase rb = r.ruleBase();
        List<Table> out = new ArrayList<>();
        for (Sources.Bundle b : sources.bundles()) {
            if (b.statute()) continue;
            CatalogMeta cm = rb.catalogs().get(b.folder());
            if (cm != null) out.addAll(tables(cm));
        }
        return out;
    }

    /** The tables of one catalog, one per list it declares (in the declared order). */
    static List<Table> tables(CatalogMeta cm) {
        List<Table> out = new ArrayList<>();
        for (ListType list : cm.lists()) {
            List<Row> rows = new ArrayList<>();
            int n = 0;
            for (ItemMeta it : cm.items()) {
                if (it.list() != list) continue;
                n++;
                rows.add(new Row(it.id(), cells(list, it, n)));
            }
            String title = cm.lists().size() == 1 ? cm.title() : list.title();
            // the issuing document under the title, unless it only repeats the title
            String docTitle = cm.documentTitle() == null || cm.documentTitle().equals(title) ? "" : cm.documentTitle();
            String document = docTitle + (cm.documentNumber() == null ? "" : "（" + cm.documentNumber() + "）");
            out.add(new Table(cm.id(), cm.version(), list, title, cm.issuingBody(), document, headers(list), rows));
        }
        return out;
    }

    /** The column headers of a list (附件2). */
    public static List<String> headers(ListType list) {
        return switch (list) {
            case LENIENT -> List.of("序号", "事项名称", "设定依据", "适用情形", "从轻处罚依据", "裁量幅度", "配套监管措施", "备注");
            case MITIGATED -> List.of("序号", "事项名称", "设定依据", "适用情形", "减轻处罚依据", "裁量幅度", "配套监管措施", "备注");
            case LENIENT_OR_MITIGATED -> List.of("序号", "事项名称", "设定依据", "适用情形", "从轻或者减轻处罚依据", "裁量幅度",
                    "配套监管措施", "备注");
            case NO_COERCION -> List.of("序号", "事项名称", "设定依据", "适用情形", "不予实施行政强制依据", "配套监管措施", "备注");
            case NO_PENALTY -> List.of("序号", "事项名称", "设定依据", "适用情形", "不予处罚依据", "配套监管措施", "备注");
        };
    }

    private static List<String> cells(ListType list, ItemMeta it, int position) {
        List<String> c = new ArrayList<>();
        c.add(blank(it.number()) ? String.valueOf(position) : it.number());
        c.add(nz(it.name()));
        c.add(basis(it));
        c.add(nz(it.applicability()));
        c.add(!blank(it.handlingBasisText()) ? it.handlingBasisText() : String.join("；", it.handlingBasis()));
        if (list != ListType.NO_COERCION && list != ListType.NO_PENALTY) c.add(nz(it.discretionRange()));
        c.add(nz(it.measures()));
        c.add(nz(it.remarks()));
        return c;
    }

    private static String basis(ItemMeta it) {
        if (!blank(it.basisText())) return it.basisText();
        StringBuilder b = new StringBuilder();
        if (!it.violationBasis().isEmpty()) b.append("违法行为依据：").append(String.join("；", it.violationBasis()));
        if (!it.penaltyBasis().isEmpty()) {
            if (b.length() > 0) b.append("；");
            b.append("处罚依据：").append(String.join("；", it.penaltyBasis()));
        }
        return b.toString();
    }

    /** The named fields of an item as published, for {@link CatalogDiff}: header → cell. */
    static Map<String, String> columns(ListType list, ItemMeta it) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> h = headers(list);
        List<String> c = cells(list, it, 0);
        for (int i = 0; i < h.size(); i++) m.put(h.get(i), c.get(i));
        return m;
    }

    // ---- rendering ---------------------------------------------------------------------------------------

    /** All tables as Markdown, one section per table. */
    public static String markdown(List<Table> tables) {
        StringBuilder b = new StringBuilder();
        for (Table t : tables) {
            if (b.length() > 0) b.append('\n');
            b.append("## ").append(t.title()).append("\n\n");
            if (!t.document().isEmpty()) b.append(t.document()).append("\n\n");
            b.append("单位名称（盖章）：").append(nz(t.unit())).append("\n\n");
            b.append('|');
            t.headers().forEach(h -> b.append(' ').append(h).append(" |"));
            b.append("\n|");
            t.headers().forEach(h -> b.append("---|"));
            b.append('\n');
            for (Row r : t.rows()) {
                b.append('|');
                r.cells().forEach(c -> b.append(' ').append(c.replace("|", "\\|").replace("\r", "").replace("\n", "<br>")).append(" |"));
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** One table as CSV (RFC 4180, CRLF), starting with a byte-order mark, the title and 单位名称 lines. */
    public static String csv(Table t) {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append(csvLine(List.of(t.title()))).append(csvLine(List.of("单位名称（盖章）：" + nz(t.unit()))));
        b.append(csvLine(t.headers()));
        for (Row r : t.rows()) b.append(csvLine(r.cells()));
        return b.toString();
    }

    private static String csvLine(List<String> cells) {
        List<String> q = new ArrayList<>();
        for (String c : cells) {
            q.add(c.matches("(?s).*[\",\r\n].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", q) + "\r\n";
    }

    /** All tables as one HTML document (printable; each table with its title and 单位名称). */
    public static String html(List<Table> tables) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>四张清单</title>\n")
                .append("<style>table{border-collapse:collapse}th,td{border:1px solid #000;padding:4px;vertical-align:top}</style>\n")
                .append("</head>\n<body>\n");
        for (Table t : tables) {
            b.append("<h2>").append(esc(t.title())).append("</h2>\n");
            if (!t.document().isEmpty()) b.append("<p>").append(esc(t.document())).append("</p>\n");
            b.append("<p>单位名称（盖章）：").append(esc(nz(t.unit()))).append("</p>\n<table>\n<tr>");
            t.headers().forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
            b.append("</tr>\n");
            for (Row r : t.rows()) {
                b.append("<tr id=\"").append(esc(r.itemId())).append("\">");
                r.cells().forEach(c -> b.append("<td>").append(esc(c).replace("\n", "<br>")).append("</td>"));
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** A file name for a table: {@code <catalog>-<list>} (list in lower case). */
    public static String fileName(Table t) {
        return t.catalog() + "-" + t.list().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
