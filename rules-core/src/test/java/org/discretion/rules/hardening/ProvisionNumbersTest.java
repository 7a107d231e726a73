package org.discretion.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.discretion.rules.Engines;
import org.discretion.rules.api.CaseInput;
import org.discretion.rules.api.Decision;
import org.discretion.rules.api.DiscretionEngine;
import org.discretion.rules.facts.Provisions;

/**
 * Found by the 1,000-item benchmark catalog: citing article 1000 or higher (民法典 has 1,260) threw
 * StringIndexOutOfBoundsException out of the catalog build, and a case provision with an 11-digit article number
 * threw NumberFormatException out of evaluate.
 */
class ProvisionNumbersTest {
    @Test
    void articlesFromOneThousandOnAreWrittenAndReadInChinese() {
        assertThat(Provisions.chinese(1000)).isEqualTo("一千");
        assertThat(Provisions.chinese(1005)).isEqualTo("一千零五");
        assertThat(Provisions.chinese(1010)).isEqualTo("一千零一十");
        assertThat(Provisions.chinese(1165)).isEqualTo("一千一百六十五");
        assertThat(Provisions.chinese(2100)).isEqualTo("二千一百");
        assertThat(Provisions.chinese(12345)).isEqualTo("12345");
        assertThat(Provisions.parse("民法典 第一千一百六十五条第一款")).get()
                .satisfies(r -> {
                    assertThat(r.article()).isEqualTo(1165);
                    assertThat(r.paragraph()).isEqualTo(1);
                    assertThat(r.human()).isEqualTo("第一千一百六十五条第一款");
                });
        for (int n : new int[] {1000, 1001, 1019, 1099, 1100, 1260, 9999}) {
            assertThat(Provisions.parse("民法典 第" + Provisions.chinese(n) + "条")).get()
                    .extracting(Provisions.Ref::article).isEqualTo(n);
        }
    }

    @Test
    void anImplausiblyLongArticleNumberIsNotAProvisionRatherThanACrash() {
        assertThat(Provisions.parse("行政处罚法 第99999999999条")).isEmpty();
        CaseInput c = CaseInput.builder("huge").provision("行政处罚法 第99999999999条").build();
        Decision d = Engines.statuteOnly().evaluate(c);
        assertThat(d.id()).isEqualTo("huge");
    }

    @Test
    void aCatalogCitingArticleOneThousandBuilds(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("law"));
        Files.writeString(dir.resolve("law/big.yaml"), """
                instrument: 大法典（测试）
                short: 大法典
                versions:
                  - version: 2020年版
                    effectiveFrom: 2020-01-01
                    fidelity: OFFICIAL
                    provisions:
                      "1165": 第一千一百六十五条的文字。
                """);
        Fixtures.write(dir, "1", 1000);
        Path yaml = dir.resolve("fx_lists/catalog.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceFirst("行政处罚法 第28条第1款", "大法典 第1165条"));
        DiscretionEngine e = DiscretionEngine.builder().clock(Engines.FIXED).catalogDirectory(dir).build();
        assertThat(e.catalogVersions()).extracting(v -> v.id()).contains("fx_lists");
    }
}
