package org.discretion.rules.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.discretion.rules.api.Circumstance;
import org.discretion.rules.api.Correction;
import org.discretion.rules.api.Harm;
import org.discretion.rules.api.ListType;
import org.discretion.rules.api.Severity;

/**
 * Writes synthetic catalogs in the real catalog format ({@code docs/catalog-format.md}): folders of
 * {@code catalog.yaml} + {@code rules.drl}, and a law file {@code law/bench.yaml} for a fictitious instrument
 * 基准测试法 whose article {@code i} is the violated provision of item {@code i}, with a fine range.
 *
 * <p>Items cycle through four templates modelled on the published lists, so that every list and the statute layer
 * take part: {@link Template#NO_PENALTY} (首违不罚 with a numeric item fact), {@link Template#LENIENT},
 * {@link Template#MITIGATED} and {@link Template#NO_COERCION}. {@link PlainJavaFloor} hand-codes the same templates.
 * Generation is deterministic: the same arguments give the same bytes (and so the same content hash).
 */
public final class GeneratedCatalogs {

    /** Items per catalog folder: real lists hold tens to a few hundred items. */
    public static final int ITEMS_PER_CATALOG = 100;
    /** Fine range of every article of 基准测试法 (yuan). */
    public static final int FINE_MIN = 1000;
    public static final int FINE_MAX = 10000;

    /** The four item templates, by {@code index % 4}. */
    public enum Template {
        /** 首违不罚: first offense, harm at most minor, corrected before discovery or within the deadline, amount ≤ bound. */
        NO_PENALTY(ListType.NO_PENALTY),
        /** 从轻: timely corrected and no illegal gains. */
        LENIENT(ListType.LENIENT),
        /** 减轻: harm eliminated, severity at most general. */
        MITIGATED(ListType.MITIGATED),
        /** 不予实施行政强制: severity at most minor and no harm. */
        NO_COERCION(ListType.NO_COERCION);

        public final ListType list;

        Template(ListType list) {
            this.list = list;
        }

        public static Template of(int index) {
            return values()[index % 4];
        }
    }

    /** One generated item: its global index (1-based, = its article of 基准测试法), id and catalog. */
    public record Item(int index, String id, String catalog, Template template, int amountBound) {
    }

    private GeneratedCatalogs() {
    }

    /** The items {@link #write} generates for {@code count} items, without writing anything. */
    public static List<Item> items(int count) {
        List<Item> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            int c = (i - 1) / ITEMS_PER_CATALOG;
            out.add(new Item(i, "B" + String.format("%03d", c) + "-" + ((i - 1) % ITEMS_PER_CATALOG + 1),
                    catalogId(c), Template.of(i), amountBound(i)));
        }
        return out;
    }

    static String catalogId(int c) {
        return "bench_" + String.format("%03d", c);
    }

    /** The bound of the numeric fact of a NO_PENALTY item: 1,000–1,900 yuan. */
    static int amountBound(int i) {
        return 1000 + (i % 10) * 100;
    }

    /**
     * Writes {@code count} items into {@code dir} (created if needed): {@code dir/law/bench.yaml} and one folder per
     * {@value #ITEMS_PER_CATALOG} items. {@code version} goes into every catalog's {@code version:} (a reload test
     * writes a second version).
     *
     * @return the items written
     */
    public static List<Item> write(Path dir, int count, String version) {
        List<Item> items = items(count);
        try {
            Files.createDirectories(dir.resolve("law"));
            Files.writeString(dir.resolve("law/bench.yaml"), law(count));
            for (int c = 0; c * ITEMS_PER_CATALOG < count; c++) {
                List<Item> mine = items.subList(c * ITEMS_PER_CATALOG, Math.min(count, (c + 1) * ITEMS_PER_CATALOG));
                Path folder = dir.resolve(catalogId(c));
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("catalog.yaml"), catalogYaml(catalogId(c), version, mine));
                Files.writeString(folder.resolve("rules.drl"), drl(catalogId(c), mine));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    static String law(int count) {
        StringBuilder b = new StringBuilder(64 * count + 512);
        b.append("# A fictitious instrument for benchmarks: article i is the provision item i violates.\n")
                .append("instrument: 基准测试法（虚构，仅用于性能测试）\n")
                .append("short: 基准测试法\n")
                .append("versions:\n")
                .append("  - version: 2020年版\n")
                .append("    effectiveFrom: 2020-01-01\n")
                .append("    fidelity: OFFICIAL\n")
                .append("    source: generated by rules-bench\n")
                .append("    provisions:\n");
        for (int i = 1; i <= count; i++) {
            b.append("      \"").append(i).append("\": {text: 违反基准测试规定第").append(i)
                    .append("项的，处").append(FINE_MIN).append("元以上").append(FINE_MAX).append("元以下的罚款。, fine: {min: ")
                    .append(FINE_MIN).append(", max: ").append(FINE_MAX).append("}}\n");
        }
        return b.toString();
    }

    static String catalogYaml(String id, String version, List<Item> items) {
        StringBuilder b = new StringBuilder(600 * items.size() + 1024);
        b.append("id: ").append(id).append('\n')
                .append("version: \"").append(version).append("\"\n")
                .append("title: 基准测试事项清单").append(id.substring(id.indexOf('_') + 1)).append('\n')
                .append("issuingBody: 基准测试局\n")
                .append("documentNumber: 基测〔2020〕1号\n")
                .append("level: COUNTY\n")
                .append("region: 基准县\n")
                .append("area: 基准测试\n")
                .append("lists: [NO_PENALTY, LENIENT, MITIGATED, NO_COERCION]\n")
                .append("effectiveFrom: 2020-01-01\n")
                .append("status: IN_FORCE\n")
                .append("fidelity: OFFICIAL\n")
                .append("items:\n");
        for (Item it : items) {
            String handlingBasis = switch (it.template()) {
                case NO_PENALTY -> "行政处罚法 第33条第1款第2句";
                case LENIENT -> "行政处罚法 第32条第1款第5项";
                case MITIGATED -> "行政处罚法 第32条第1款第1项";
                case NO_COERCION -> "行政强制法 第16条第2款";
            };
            b.append("  - id: ").append(it.id()).append('\n')
                    .append("    number: \"").append((it.index() - 1) % ITEMS_PER_CATALOG + 1).append("\"\n")
                    .append("    list: ").append(it.template().list.name()).append('\n')
                    .append("    name: 违反基准测试规定第").append(it.index()).append("项\n")
                    .append("    violationBasis: [\"基准测试法 第").append(it.index()).append("条\"]\n")
                    .append("    penaltyBasis: [\"基准测试法 第").append(it.index()).append("条\"]\n")
                    .append("    applicability: ").append(applicability(it)).append('\n')
                    .append("    handlingBasis: [\"").append(handlingBasis).append("\"]\n")
                    .append("    measures: 加强教育引导\n");
            if (it.template() == Template.NO_PENALTY) {
                b.append("    facts:\n      - {name: amount, type: NUMBER, unit: 元, label: 涉案金额}\n");
            }
        }
        return b.toString();
    }

    static String applicability(Item it) {
        return switch (it.template()) {
            case NO_PENALTY -> "首次发生；危害后果轻微；发现前主动改正或者限期内改正；涉案金额" + it.amountBound() + "元以下";
            case LENIENT -> "及时改正且没有违法所得";
            case MITIGATED -> "主动消除危害后果且情节一般以下";
            case NO_COERCION -> "情节轻微且没有危害后果";
        };
    }

    static String drl(String catalog, List<Item> items) {
        StringBuilder b = new StringBuilder(400 * items.size() + 256);
        b.append("package catalogs.").append(catalog).append(";\n\n")
                .append("import org.discretion.rules.api.*;\n")
                .append("import org.discretion.rules.facts.*;\n")
                .append("import static org.discretion.rules.facts.Conditions.*;\n\n");
        for (Item it : items) {
            b.append("// 基准测试事项清单 第").append((it.index() - 1) % ITEMS_PER_CATALOG + 1).append("项：")
                    .append(applicability(it)).append('\n')
                    .append("rule \"").append(it.id()).append("\"\nwhen\n    $c : Candidate( item == \"")
                    .append(it.id()).append("\" )\nthen\n    insert($c.finding(");
            b.append(switch (it.template()) {
                case NO_PENALTY -> "firstOffense(), harmAtMost(Harm." + Harm.MINOR + "), corrected(Correction."
                        + Correction.BEFORE_DISCOVERY + ", Correction." + Correction.WITHIN_DEADLINE
                        + "), fact(\"amount\").atMost(" + it.amountBound() + ")";
                case LENIENT -> "timelyCorrected(), noIllegalGains()";
                case MITIGATED -> "established(Circumstance." + Circumstance.ELIMINATED_HARM
                        + "), severityAtMost(Severity." + Severity.GENERAL + ")";
                case NO_COERCION -> "severityAtMost(Severity." + Severity.MINOR + "), harmAtMost(Harm." + Harm.NONE + ")";
            });
            b.append("));\nend\n\n");
        }
        return b.toString();
    }
}
