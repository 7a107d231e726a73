package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published 附件2 tables of every shipped catalog are committed (src/test/resources/golden/published) and
 * compared, so a catalog change shows up as a reviewed diff of the official tables. Regenerate with
 * {@code mvn -pl rules-cli test -Dtest=PublishedListsGoldenTest -Dgolden.update=true}.
 */
class PublishedListsGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/published");

    @Test
    void theShippedListsPublishAsCommitted(@TempDir Path out) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"publish", "--format", "md", "--out", out.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<Path> produced;
        try (Stream<Path> s = Files.list(out)) {
            produced = s.sorted().toList();
        }
        assertThat(produced).hasSizeGreaterThanOrEqualTo(13);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            for (Path p : produced) Files.copy(p, GOLDEN.resolve(p.getFileName().toString()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        for (Path p : produced) {
            Path golden = GOLDEN.resolve(p.getFileName().toString());
            assertThat(golden).as("golden file for " + p.getFileName() + " (run with -Dgolden.update=true)").exists();
            assertThat(Files.readString(p)).as(p.getFileName().toString()).isEqualTo(Files.readString(golden));
        }
        assertThat(Files.readString(GOLDEN.resolve("tax_first_2021.md")))
                .contains("| 序号 | 事项名称 | 设定依据 | 适用情形 | 不予处罚依据 | 配套监管措施 | 备注 |").contains("纳税人未按照税收征收管理法及实施细则等有关规定将其全部银行账号向税务机关报送");
    }
}
