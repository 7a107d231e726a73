package org.discretion.rules.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.api.ListType;

/**
 * Golden published tables of the "good" fixture (three real lists: 税务首违不罚, 太康县减轻, 宁波不予行政强制).
 * Review changes in the diff; regenerate with {@code mvn -pl rules-core test -Dtest=PublisherGoldenTest -Dgolden.update=true}.
 */
class PublisherGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/publish");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static void golden(String name, String actual) throws IOException {
        Path f = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(f, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).as("golden file " + f + " (regenerate with -Dgolden.update=true)")
                .isEqualTo(actual);
    }

    @Test
    void publishedTablesMatchTheGoldenFiles() throws IOException {
        List<Publisher.Table> tables = Publisher.tables(Fixtures.dir("good"));
        assertThat(tables).extracting(Publisher.Table::list)
                .containsExactly(ListType.NO_COERCION, ListType.MITIGATED, ListType.NO_PENALTY);
        golden("good.md", Publisher.markdown(tables));
        golden("good.html", Publisher.html(tables));
        for (Publisher.Table t : tables) {
            golden(Publisher.fileName(t) + ".csv", Publisher.csv(t));
        }
    }

    @Test
    void columnsFollowAttachment2() {
        assertThat(Publisher.headers(ListType.MITIGATED)).containsExactly("序号", "事项名称", "设定依据", "适用情形",
                "减轻处罚依据", "裁量幅度", "配套监管措施", "备注");
        assertThat(Publisher.headers(ListType.NO_COERCION)).doesNotContain("裁量幅度").contains("不予实施行政强制依据");
        Publisher.Table tax = Publisher.tables(Fixtures.dir("good")).stream()
                .filter(t -> t.catalog().equals("tax_first_2021")).findFirst().orElseThrow();
        assertThat(tax.unit()).isEqualTo("国家税务总局");
        assertThat(tax.rows().get(0).cells()).containsExactly("1",
                "纳税人未按照税收征收管理法及实施细则等有关规定将其全部银行账号向税务机关报送",
                "《税收征收管理法》第六十条第一款第（四）项",
                "首次发生；危害后果轻微；在税务机关发现前主动改正或者在税务机关责令限期改正的期限内改正",
                "《行政处罚法》第三十三条；《税收征收管理法》及其实施细则；国家税务总局公告2021年第6号",
                "税务机关应当对当事人加强税法宣传和辅导", "");
    }

    @Test
    void diffShowsAddedRemovedAndChangedColumns(@TempDir Path tmp) throws IOException {
        Path old = Fixtures.dir("good");
        Path neu = tmp.resolve("new");
        copy(old, neu);
        Path tax = neu.resolve("tax_first_2021/catalog.yaml");
        String y = Files.readString(tax);
        y = y.replace("version: \"2021-04-01\"", "version: \"2021-05-01\"")
                .replace("measures: 税务机关应当对当事人加强税法宣传和辅导\n    remarks: \"\"\n  - id: TAX-2",
                        "measures: 税务机关应当对当事人加强税法宣传和辅导，并签订承诺书\n    remarks: \"\"\n  - id: TAX-2");
        Files.writeString(tax, y);
        deleteTree(neu.resolve("ningbo_no_coercion_2023"));
        CatalogDiff.Result r = CatalogDiff.diff(old, neu);
        assertThat(r.removed()).extracting(CatalogDiff.Entry::item).containsExactly(null, "NINGBO-1");
        assertThat(r.added()).isEmpty();
        assertThat(r.changed()).hasSize(1);
        assertThat(r.changed().get(0).item()).isEqualTo("TAX-1");
        assertThat(r.changed().get(0).changes()).containsExactly(new CatalogDiff.Change("配套监管措施",
                "税务机关应当对当事人加强税法宣传和辅导", "税务机关应当对当事人加强税法宣传和辅导，并签订承诺书"));
        assertThat(r.catalogChanges()).containsExactly(new CatalogDiff.Change("tax_first_2021 版本", "2021-04-01", "2021-05-01"));
        assertThat(r.markdown("old", "new")).contains("## 删除\n\n- 清单 ningbo_no_coercion_2023（宁波市市场监管领域轻微违法行为不予行政强制清单）\n"
                + "- ningbo_no_coercion_2023 NINGBO-1 未依法取得营业执照从事经营活动\n",
                "  - 配套监管措施：「税务机关应当对当事人加强税法宣传和辅导」 → 「税务机关应当对当事人加强税法宣传和辅导，并签订承诺书」\n");
    }

    static void copy(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
