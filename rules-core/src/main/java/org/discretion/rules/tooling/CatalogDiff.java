package org.discretion.rules.tooling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.discretion.rules.api.DiscretionException;
import org.discretion.rules.internal.Sources;
import org.discretion.rules.internal.Yaml;
import org.discretion.rules.internal.model.CatalogMeta;
import org.discretion.rules.internal.model.ItemMeta;

/**
 * {@code ./discretion publish --diff OLD NEW}: what changed between two versions of a catalog directory, for the
 * 动态管理 the guidance requires — catalogs and items added and removed, and for each item kept, every published
 * column (附件2), its list and its effective dates that changed, old and new value side by side. Items are matched
 * by their permanent id. Only metadata is read (no compilation), so an old version is compared as it was.
 */
public final class CatalogDiff {

    /** One changed column of an item: old and new text. */
    public record Change(String column, String before, String after) {
    }

    /** An item present in both versions with at least one changed column. */
    public record Changed(String catalog, String item, String name, List<Change> changes) {
        public Changed {
            changes = List.copyOf(changes);
        }
    }

    /** An item (or, with {@code item} null, a whole catalog) present in one version only. */
    public record Entry(String catalog, String item, String name) {
    }

    /** The whole difference. */
    public record Result(List<Entry> added, List<Entry> removed, List<Changed> changed, List<Change> catalogChanges) {
        public Result {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
            catalogChanges = List.copyOf(catalogChanges);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && catalogChanges.isEmpty();
        }

        /** A readable report in Markdown: 新增 / 删除 / 修改, column by column. */
        public String markdown(String oldLabel, String newLabel) {
            StringBuilder b = new StringBuilder("# 清单动态调整：" + oldLabel + " → " + newLabel + "\n\n");
            if (isEmpty()) return b.append("无变化。\n").toString();
            if (!catalogChanges.isEmpty()) {
                b.append("## 清单信息变更\n\n");
                catalogChanges.forEach(c -> b.append("- ").append(c.column()).append("：").append(q(c.before()))
                        .append(" → ").append(q(c.after())).append('\n'));
                b.append('\n');
            }
            if (!added.isEmpty()) {
                b.append("## 新增\n\n");
                added.forEach(e -> b.append("- ").append(label(e)).append('\n'));
                b.append('\n');
            }
            if (!removed.isEmpty()) {
                b.append("## 删除\n\n");
                removed.forEach(e -> b.append("- ").append(label(e)).append('\n'));
                b.append('\n');
            }
            if (!changed.isEmpty()) {
                b.append("## 修改\n\n");
                for (Changed c : changed) {
                    b.append("- ").append(c.catalog()).append(' ').append(c.item()).append(' ').append(c.name()).append('\n');
                    c.changes().forEach(x -> b.append("  - ").append(x.column()).append("：").append(q(x.before()))
                            .append(" → ").append(q(x.after())).append('\n'));
                }
            }
            return b.toString();
        }

        private static String label(Entry e) {
            return e.item() == null ? "清单 " + e.catalog() + "（" + e.name() + "）" : e.catalog() + " " + e.item() + " " + e.name();
        }

        private static String q(String s) {
            return s == null || s.isEmpty() ? "（空）" : "「" + s + "」";
        }
    }

    private CatalogDiff() {
    }

    /** Compares the catalog folders of two directories. */
    public static Result diff(Path oldDir, Path newDir) {
        Map<String, CatalogMeta> before = read(oldDir);
        Map<String, CatalogMeta> after = read(newDir);
        List<Entry> added = new ArrayList<>();
        List<Entry> removed = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        List<Change> catalogChanges = new ArrayList<>();
        for (String id : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            CatalogMeta a = before.get(id);
            CatalogMeta b = after.get(id);
            if (a == null) {
                added.add(new Entry(id, null, b.title()));
                b.items().forEach(it -> added.add(new Entry(id, it.id(), it.name())));
                continue;
            }
            if (b == null) {
                removed.add(new Entry(id, null, a.title()));
                a.items().forEach(it -> removed.add(new Entry(id, it.id(), it.name())));
                continue;
            }
            compare(catalogChanges, id + " 版本", a.version(), b.version());
            compare(catalogChanges, id + " 标题", a.title(), b.title());
            compare(catalogChanges, id + " 单位名称", a.issuingBody(), b.issuingBody());
            compare(catalogChanges, id + " 文号", a.documentNumber(), b.documentNumber());
            compare(catalogChanges, id + " 状态", a.status(), b.status());
            compare(catalogChanges, id + " 施行日期", str(a.effectiveFrom()), str(b.effectiveFrom()));
            compare(catalogChanges, id + " 失效日期", str(a.effectiveTo()), str(b.effectiveTo()));
            Map<String, ItemMeta> ia = items(a);
            Map<String, ItemMeta> ib = items(b);
            for (ItemMeta it : b.items()) {
                if (!ia.containsKey(it.id())) added.add(new Entry(id, it.id(), it.name()));
            }
            for (ItemMeta it : a.items()) {
                ItemMeta n = ib.get(it.id());
                if (n == null) {
                    removed.add(new Entry(id, it.id(), it.name()));
                    continue;
                }
                List<Change> ch = new ArrayList<>();
                compare(ch, "清单", it.list() == null ? null : it.list().title(), n.list() == null ? null : n.list().title());
                Map<String, String> ca = Publisher.columns(it.list(), it);
                Map<String, String> cb = Publisher.columns(n.list(), n);
                for (String col : union(ca.keySet(), cb.keySet())) {
                    compare(ch, col, ca.get(col), cb.get(col));
                }
                compare(ch, "施行日期", str(it.effectiveFrom()), str(n.effectiveFrom()));
                compare(ch, "失效日期", str(it.effectiveTo()), str(n.effectiveTo()));
                if (!ch.isEmpty()) changed.add(new Changed(id, it.id(), n.name(), ch));
            }
        }
        return new Result(added, removed, changed, catalogChanges);
    }

    private static void compare(List<Change> out, String column, String a, String b) {
        String x = a == null ? "" : a;
        String y = b == null ? "" : b;
        if (!x.equals(y)) out.add(new Change(column, x, y));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static List<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> u = new ArrayList<>(a);
        b.stream().filter(x -> !a.contains(x)).forEach(u::add);
        return u;
    }

    private static Map<String, ItemMeta> items(CatalogMeta c) {
        Map<String, ItemMeta> m = new LinkedHashMap<>();
        c.items().forEach(i -> m.put(i.id(), i));
        return m;
    }

    private static Map<String, CatalogMeta> read(Path dir) {
        Map<String, CatalogMeta> out = new LinkedHashMap<>();
        for (Sources.Bundle b : Sources.fromDirectory(dir).bundles()) {
            if (b.statute()) continue;
            try {
                CatalogMeta cm = Yaml.YAML.readValue(b.meta().text(), CatalogMeta.class);
                out.put(cm.id() == null ? b.folder() : cm.id(), cm);
            } catch (JsonProcessingException e) {
                throw new DiscretionException(b.meta().origin() + ": cannot read: " + e.getOriginalMessage());
            }
        }
        return out;
    }
}
