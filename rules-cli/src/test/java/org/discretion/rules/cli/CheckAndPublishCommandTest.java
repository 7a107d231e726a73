package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckAndPublishCommandTest {
    private static final Path FIXTURES = Path.of("../rules-core/src/test/resources/fixtures").toAbsolutePath().normalize();

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkFailsWithTheLocatedErrorAndJsonForCi() {
        Run r = run("check", FIXTURES.resolve("unsafe").toString(), "--no-exec-model");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(FIXTURES.resolve("unsafe/unsafe_list/rules.drl") + ":13:4: rule \"US-1\": \"System\" found: the consequence (then) must be exactly insert(")
                .contains("2 error(s)");
        Run j = run("check", FIXTURES.resolve("non-monotonic").toString(), "--format", "json", "--no-exec-model");
        assertThat(j.exit()).isEqualTo(1);
        assertThat(j.out()).contains("\"code\" : \"NON_MONOTONIC\"", "\"milderCase\" : {");
    }

    @Test
    void checkPassesOnGoodCatalogsAndRejectsBadOptions() {
        Run r = run("check", FIXTURES.resolve("good").toString(), "--expiring-within", "P30D", "--no-exec-model");
        assertThat(r.exit()).as(r.out()).isEqualTo(0);
        assertThat(r.out()).contains("0 error(s)");
        assertThat(run("check", "--expiring-within", "90 days").exit()).isEqualTo(2);
    }

    @Test
    void publishWritesXlsxWithTheAttachment2Columns(@TempDir Path out) throws Exception {
        Run r = run("publish", "--catalogs", FIXTURES.resolve("good").toString(), "--catalog", "taikang_mitigated_2023",
                "--format", "xlsx", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("taikang_mitigated_2023.xlsx")))) {
            Sheet s = wb.getSheet("减轻处罚事项清单");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("太康县行政处罚减轻处罚事项清单");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("单位名称（盖章）：太康县财政局");
            assertThat(s.getRow(2).getCell(4).getStringCellValue()).isEqualTo("减轻处罚依据");
            assertThat(s.getRow(3).getCell(5).getStringCellValue()).isEqualTo("按照《河南省财政行政处罚裁量基准》执行");
        }
    }

    @Test
    void publishDiff() {
        Run r = run("publish", "--diff", FIXTURES.resolve("good").toString(), FIXTURES.resolve("excluded").toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("## 新增", "excluded_list EX-1 利用突发公共卫生事件哄抬物价", "## 删除", "tax_first_2021 TAX-1");
    }
}
