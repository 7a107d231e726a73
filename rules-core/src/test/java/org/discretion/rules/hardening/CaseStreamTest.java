package org.discretion.rules.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.CaseJson;
import org.discretion.rules.api.CaseStream;

/** Hostile and batch input read case by case: every case is read or gets its own error naming field and problem. */
class CaseStreamTest {
    static final String A = "{\"id\":\"a\",\"harm\":\"NONE\"}";
    static final String B = "{\"id\":\"b\",\"harm\":\"MINOR\"}";

    static List<CaseJson.Parsed> read(byte[] bytes, CaseStream.Limits limits) {
        List<CaseJson.Parsed> out = new ArrayList<>();
        try (CaseStream s = CaseStream.of(new ByteArrayInputStream(bytes), limits, null)) {
            s.forEachRemaining(e -> out.add(e.parse()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    static List<CaseJson.Parsed> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8), CaseStream.Limits.DEFAULT);
    }

    static String msg(CaseJson.Parsed p) {
        return p.error() == null ? "ok " + p.input().id() : p.error().getMessage();
    }

    @Test
    void jsonLinesAreReadOneCasePerLineSkippingBlankLines() {
        List<CaseJson.Parsed> p = read(A + "\r\n\n  \n" + B + "\n");
        assertThat(p).extracting(CaseStreamTest::msg).containsExactly("ok a", "ok b");
        assertThat(p).extracting(CaseJson.Parsed::index).containsExactly(0, 1);
    }

    @Test
    void invalidUtf8IsAnErrorOfThatLineOnly() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((A + "\n{\"id\":\"x").getBytes(StandardCharsets.UTF_8));
        b.write(0xC3); // a lead byte without its continuation
        b.write('"');
        b.writeBytes(("}\n" + B + "\n").getBytes(StandardCharsets.UTF_8));
        List<CaseJson.Parsed> p = read(b.toByteArray(), CaseStream.Limits.DEFAULT);
        assertThat(p).extracting(CaseStreamTest::msg).containsExactly("ok a",
                "case <no id>: line 2 is not valid UTF-8 (byte 9 of the line)", "ok b");
    }

    @Test
    void aPrettyPrintedCaseWithADuplicateKeyIsOneCaseAndTheKeyIsNamed() {
        String pretty = "{\n  \"id\": \"dup\",\n  \"party\": {\n    \"type\": \"ORGANIZATION\",\n    \"type\": \"INDIVIDUAL\"\n  },\n"
                + "  \"harm\": \"NONE\",\n  \"harm\": \"MINOR\"\n}\n";
        List<CaseJson.Parsed> p = read(pretty);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).error().field()).isEqualTo("party.type");
        assertThat(msg(p.get(0))).isEqualTo("case <no id>, field \"party.type\": the key appears twice in the same object "
                + "(duplicate key); give it once");
        // and two pretty-printed cases one after the other are two cases
        assertThat(read(pretty.replace("\"type\": \"INDIVIDUAL\"", "\"age\": 3") + "\n" + A.replace(",", ",\n")))
                .extracting(CaseStreamTest::msg).hasSize(2).last().isEqualTo("ok a");
    }

    @Test
    void oneMalformedElementOfAnArrayDoesNotRejectTheOthers() {
        List<CaseJson.Parsed> p = read("[" + A + ",\n{\"id\":\"d\",\"harm\":\"NONE\",\"harm\":\"NONE\"},\n7,\n{\"id\":\"n\",\"party\":{\"age\":-1}},\n" + B + "]");
        assertThat(p).extracting(CaseStreamTest::msg).containsExactly("ok a",
                "case \"d\", field \"harm\": the key appears twice in the same object (duplicate key); give it once",
                "case <no id>: a case must be a JSON object, was the number 7",
                "case \"n\", field \"party.age\": must not be negative (was -1)", "ok b");
        // a syntax error ends the array: the parser cannot find the next element; said so, nothing silently lost
        List<CaseJson.Parsed> broken = read("[" + A + ", {\"id\": }, " + B + "]");
        assertThat(broken).hasSize(2);
        assertThat(msg(broken.get(1))).startsWith("case <no id>: malformed JSON at line 1").endsWith("; the rest of the array cannot be read");
    }

    @Test
    void hugeAndImpossibleNumbersGetFieldMessages() {
        List<CaseJson.Parsed> p = read("{\"id\":\"big\",\"illegalGains\":1e400}\n{\"id\":\"tiny\",\"illegalGains\":1e-400}\n"
                + "{\"id\":\"age\",\"party\":{\"age\":1e400}}\n{\"id\":\"f\",\"facts\":{\"x\":-1E+99999}}\n");
        assertThat(p).extracting(CaseStreamTest::msg).containsExactly(
                "case \"big\", field \"illegalGains\": is too large (1E+400): at most 20 digits before the decimal point",
                "case \"tiny\", field \"illegalGains\": has too many decimal places (1E-400): at most 10",
                "case \"age\", field \"party.age\": must be a whole number, was the number 1E+400",
                "case \"f\", field \"facts.x\": is too large (-1E+99999): at most 20 digits before the decimal point");
    }

    @Test
    void nullInsideArraysGetsFieldMessages() {
        List<CaseJson.Parsed> p = read("{\"id\":\"c\",\"circumstances\":[null]}\n{\"id\":\"k\",\"catalogs\":[null]}\n"
                + "{\"id\":\"e\",\"evidence\":[\"a\",null]}\n[null]\n");
        assertThat(p).extracting(CaseStreamTest::msg).containsExactly(
                "case \"c\", field \"circumstances[0]\": must be one of the circumstance names, was null",
                "case \"k\", field \"catalogs[0]\": must be a string, was null",
                "case \"e\", field \"evidence[1]\": must be a string, was null",
                "case <no id>: a case must be a JSON object, was an array");
        assertThat(read("[null]")).extracting(CaseStreamTest::msg)
                .containsExactly("case <no id>: a case must be a JSON object, was null");
    }

    @Test
    void moneyStaysExact() {
        List<CaseJson.Parsed> p = read("{\"id\":\"m\",\"illegalGains\":12345678901234567.89,"
                + "\"penaltyRange\":{\"fineMin\":0.1,\"fineMax\":99999999999999999999.99}}");
        assertThat(p.get(0).input().illegalGains()).isEqualByComparingTo(new BigDecimal("12345678901234567.89"));
        assertThat(p.get(0).input().illegalGains().toPlainString()).isEqualTo("12345678901234567.89");
        assertThat(p.get(0).input().penaltyRange().fineMax().toPlainString()).isEqualTo("99999999999999999999.99");
        assertThat(CaseJson.write(CaseJson.toJson(p.get(0).input()), false)).contains("\"illegalGains\":12345678901234567.89");
    }

    @Test
    void anActDateOutsideYyyyMmDdIsAFieldErrorNotAnEngineFailure() {
        assertThat(read("{\"id\":\"y\",\"actDate\":\"+999999999-01-01\"}")).extracting(CaseStreamTest::msg).containsExactly(
                "case \"y\", field \"actDate\": is not a valid date: \"+999999999-01-01\" (expected YYYY-MM-DD)");
    }

    @Test
    void eachCaseHasItsOwnSizeAndDepthLimit() {
        String big = "{\"id\":\"big\",\"factsFound\":\"" + "x".repeat(500) + "\"}";
        String deep = "{\"id\":\"deep\",\"facts\":{\"x\":" + "[".repeat(30) + "]".repeat(30) + "}}";
        String deeper = "[".repeat(100_000) + "]".repeat(100_000);
        List<CaseJson.Parsed> p = read((A + "\n" + big + "\n" + deep + "\n" + deeper + "\n" + B).getBytes(StandardCharsets.UTF_8),
                new CaseStream.Limits(400, 20));
        assertThat(p).extracting(CaseStreamTest::msg).containsExactly("ok a",
                "case <no id>: the case starting on line 2 is 528 characters, more than the limit of 400",
                "case \"deep\": nesting deeper than the limit of 20",
                "case <no id>: the case starting on line 4 is 200000 characters, more than the limit of 400", "ok b");
        List<CaseJson.Parsed> p2 = read(("[" + A + "," + big + "," + B + "]").getBytes(StandardCharsets.UTF_8),
                new CaseStream.Limits(400, 20));
        assertThat(p2).extracting(CaseStreamTest::msg).containsExactly("ok a",
                "case <no id>: case #2 of the array is more than the limit of 400 bytes", "ok b");
        List<CaseJson.Parsed> p3 = read(deeper.getBytes(StandardCharsets.UTF_8), new CaseStream.Limits(1_000_000, 20));
        assertThat(p3).extracting(CaseStreamTest::msg).containsExactly(
                "case <no id>: malformed JSON: nested more than 1000 levels deep; the rest of the array cannot be read");
    }

    @Test
    void emptyInputAndAnUnclosedArrayAreSaidSo() {
        assertThat(read(" \n\n")).extracting(CaseStreamTest::msg)
                .containsExactly("case <no id>: input is empty: expected a case object, an array or JSON lines");
        assertThat(read("[" + A)).extracting(CaseStreamTest::msg).hasSize(2).last().asString()
                .contains("the rest of the array cannot be read");
        assertThat(read("[]")).extracting(CaseStreamTest::msg).containsExactly("case <no id>: the array of cases is empty");
    }

    @Test
    void aMillionCharacterLineIsNotKeptWhenOverTheLimit() {
        InputStream endless = new InputStream() {
            long n;

            @Override
            public int read() {
                n++;
                return n > 50_000_000 ? -1 : n == 1 ? '{' : 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (n > 50_000_000) return -1;
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                if (n == 0) b[off] = '{';
                n += len;
                return len;
            }
        };
        List<CaseJson.Parsed> out = new ArrayList<>();
        CaseStream.of(endless, new CaseStream.Limits(1_000, 20), null).forEachRemaining(e -> out.add(e.parse()));
        assertThat(out).hasSize(1);
        assertThat(msg(out.get(0))).startsWith("case <no id>: the case starting on line 1 is ").endsWith("more than the limit of 1000");
    }
}
