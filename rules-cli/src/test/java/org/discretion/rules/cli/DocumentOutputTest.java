package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --format document}, {@code --docx DIR} and {@code --templates DIR}, end to end through Main. */
class DocumentOutputTest {
    static final String CASE = "{\"id\":\"c1\",\"caseNumber\":\"滑市监不罚字〔2024〕1号\",\"agency\":{\"name\":\"滑县市场监督管理局\","
            + "\"divisionCode\":\"410526\"},\"party\":{\"type\":\"ORGANIZATION\",\"name\":\"某某商贸有限公司\"},"
            + "\"actDate\":\"2024-03-05\",\"discoveryDate\":\"2024-03-20\",\"decisionDate\":\"2024-04-02\",\"firstOffense\":true,"
            + "\"correction\":\"ON_THE_SPOT\",\"severity\":\"MINOR\",\"harm\":\"NONE\",\"evidence\":[\"现场检查笔录\"]}";

    @Test
    void documentFormatPrintsTheDraftDecisionAsMarkdown() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(CASE, "evaluate", "--format", "document");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("# 滑县市场监督管理局\n## 不予行政处罚决定书\n\n滑市监不罚字〔2024〕1号")
                .contains("当事人：某某商贸有限公司").contains("统一社会信用代码：【统一社会信用代码】")
                .contains("有现场检查笔录等证据证实").contains("第五十七条第一款第（二）项")
                .contains("本机关决定：对当事人不予行政处罚。").contains("二〇二四年四月二日")
                .doesNotContain("NO_PENALTY").doesNotContain("2024-03-05");
    }

    @Test
    void docxIsWrittenPerCaseAndOpensInWord(@TempDir Path dir) throws Exception {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(CASE, "evaluate", "--docx", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"handling\":\"NO_PENALTY\"");
        try (InputStream s = Files.newInputStream(dir.resolve("c1.docx")); XWPFDocument doc = new XWPFDocument(s)) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("不予行政处罚决定书").contains("某某商贸有限公司").contains("本机关认为，");
        }
    }

    @Test
    void templatesCanBeEditedInADirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("no-penalty.md"), "# {{行政机关}}\n## 不予行政处罚决定书（本局格式）\n\n{{本机关认为}}\n");
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(CASE, "evaluate", "--format", "document", "--templates", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("不予行政处罚决定书（本局格式）").contains("本机关认为，").doesNotContain("经查，");
    }

    @Test
    void aMissingTemplateDirectoryIsAUsageError(@TempDir Path dir) {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(CASE, "evaluate", "--format", "document", "--templates",
                dir.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--templates").contains("is not a directory");
        assertThat(r.out()).isEmpty();
    }
}
