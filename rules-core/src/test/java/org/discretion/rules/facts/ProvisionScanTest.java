package org.discretion.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;


/**
 * The provision parser reads in one pass: a 2,000-character provision used to take minutes (the regular expression
 * backtracked roughly with the cube of the length). The old expression is kept here as the oracle: the scanner must
 * read every provision exactly as it did.
 */
class ProvisionScanTest {
    private static final Pattern OLD = Pattern.compile(
            "^\\s*《?\\s*(?:中华人民共和国)?([^《》()（）\\s第]+?)\\s*》?\\s*(?:[(（]\\s*([^)）]+?)\\s*[)）])?\\s*"
                    + "第\\s*(\\d+)\\s*条(?:\\s*第\\s*(\\d+)\\s*款)?(?:\\s*第\\s*[(（]?\\s*(\\d+)\\s*[)）]?\\s*项)?"
                    + "(?:\\s*第\\s*(\\d+)\\s*句)?\\s*$");

    private static Optional<Provisions.Ref> old(String digitsText) {
        Matcher m = OLD.matcher(digitsText.trim());
        if (!m.matches()) return Optional.empty();
        for (int g = 3; g <= 6; g++) if (m.group(g) != null && m.group(g).length() > 6) return Optional.empty();
        return Optional.of(new Provisions.Ref(m.group(1), m.group(2), Integer.parseInt(m.group(3)),
                m.group(4) == null ? null : Integer.valueOf(m.group(4)), m.group(5) == null ? null : Integer.valueOf(m.group(5)),
                m.group(6) == null ? null : Integer.valueOf(m.group(6))));
    }

    @Test
    void readsEveryFormExactlyAsTheOldExpressionDid() {
        List<String> samples = new ArrayList<>(List.of(
                "《税收征收管理法》第60条第1款第4项", "税收征收管理法 第60条第1款第4项", "会计法(2017) 第43条",
                "《中华人民共和国行政处罚法》（2021年修订）第33条第1款第1句", "中华人民共和国 第3条", "中华人民共和国税法第3条",
                "行政处罚法 第 33 条 第 1 款 第 （ 2 ） 项 第 1 句", "行政处罚法第33条第(2)项", "行政处罚法第33条第2句",
                "行政处罚法 第33条第1款 ", "  行政处罚法《第33条", "行政处罚法》》第33条", "行政处罚法（）第33条",
                "行政处罚法（2021 第33条", "行政处罚法 (a(b) 第33条", "行政处罚法 第1234567条", "行政处罚法 第33款",
                "行政处罚法 第33条第1项第2款", "第33条", "行政处罚法 第33条 x", "行政处罚法\t第33条\r\n第2款",
                "《食品安全法》第一百二十六条第一款第（三）项", "法 第1条第2款第3项第4句", "法(v)第1条第( 2 )项",
                "法 第1条第2", "法 第1条第", "法 第条", "《》第1条", "法  （ 2019年 ） 第1条"));
        for (String s : samples) {
            String t = s.trim();
            Optional<Provisions.Ref> expected = old(Provisions.digits(t));
            assertThat(Provisions.parse(s)).as(s).isEqualTo(expected);
        }
        assertThat(Provisions.parse("《税收征收管理法》第60条第1款第4项")).get()
                .isEqualTo(new Provisions.Ref("税收征收管理法", null, 60, 1, 4, null));
    }

    @Test
    void aLongProvisionIsReadInLinearTime() {
        String[] hostile = {
            "行政处罚法" + " ".repeat(2_000) + "x",
            "行政处罚法（" + " ".repeat(2_000) + "x",
            "行政处罚法 第1条" + " 第1".repeat(700) + "x",
            "法（" + "（".repeat(2_000),
            "第" + "一".repeat(2_000) + "x",
            "第 ".repeat(1_000) + "条",
            "法" + "a".repeat(100_000) + " 第1条",
        };
        for (String h : hostile) {
            long t0 = System.nanoTime();
            Provisions.parse(h);
            Provisions.sameProvision(h, "行政处罚法 第1条");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("%.30s", h).isLessThan(Duration.ofMillis(500));
        }
        assertThat(Provisions.parse("法" + "a".repeat(100_000) + " 第1条")).get()
                .extracting(Provisions.Ref::article).isEqualTo(1);
    }
}
