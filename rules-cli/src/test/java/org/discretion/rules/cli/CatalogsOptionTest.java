package org.discretion.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authoring traps of issue 10 at the command line: a catalog folder or a folder of catalogs, never "0 items
 * checked", repeatable --catalogs, the same validation for evaluate --catalogs as for check, and item ids shared
 * with the shipped catalogs.
 */
class CatalogsOptionTest {
    private static final Path SECURITY = Path.of("../rules-core/src/test/resources/security").toAbsolutePath().normalize();
    private static final Path FIXTURES = Path.of("../rules-core/src/test/resources/fixtures").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The security suite's base catalog under {@code root/<folder>} with id {@code folder} and ids prefixed. */
    private Path catalog(Path root, String folder, String idPrefix) throws IOException {
        Path cat = root.resolve(folder);
        Files.createDirectories(cat);
        // its law (税收征收管理法) comes with the shipped catalogs
        Files.writeString(cat.resolve("catalog.yaml"), Files.readString(SECURITY.resolve("base/sec_list/catalog.yaml"))
                .replace("id: sec_list", "id: " + folder).replace("SEC-", idPrefix + "-"));
        Files.writeString(cat.resolve("rules.drl"), Files.readString(SECURITY.resolve("base/sec_list/rules.drl"))
                .replace("catalogs.sec_list", "catalogs." + folder).replace("SEC-", idPrefix + "-"));
        return cat;
    }

    private static String theCase(String item) {
        return "{\"id\":\"c1\",\"item\":\"" + item + "\",\"party\":{\"type\":\"ORGANIZATION\"},\"actDate\":\"2025-01-01\","
                + "\"discoveryDate\":\"2025-01-02\",\"decisionDate\":\"2025-01-03\",\"firstOffense\":true,"
                + "\"harm\":\"MINOR\",\"correction\":\"WITHIN_DEADLINE\"}";
    }

    @Test
    void checkAcceptsACatalogFolderItselfAndRefusesAFolderWithNone() throws IOException {
        Path cat = catalog(tmp.resolve("lists"), "a_list", "AAA");
        Run one = run("", "check", cat.toString(), "--no-analysis", "--no-exec-model");
        assertThat(one.out()).contains("2 item(s)").contains("0 error(s)");
        assertThat(one.exit()).isZero();

        Files.createDirectories(tmp.resolve("nothing"));
        Run none = run("", "check", tmp.resolve("nothing").toString(), "--no-analysis");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).contains("no catalog in " + tmp.resolve("nothing")).contains("[NO_CATALOG]")
                .contains("1 error(s)");
    }

    @Test
    void catalogsIsRepeatableAndEveryFolderIsLoaded() throws IOException {
        catalog(tmp.resolve("one"), "one_list", "ONE");
        catalog(tmp.resolve("two"), "two_list", "TWO");
        Run r = run(theCase("ONE-1") + "\n" + theCase("TWO-2").replace("c1", "c2"), "evaluate", "--catalogs",
                tmp.resolve("one").toString(), "--catalogs", tmp.resolve("two").toString());
        // nothing on stderr but the batch summary: both cases decided, none rejected
        assertThat(r.err().strip()).startsWith("discretion evaluate: 2 cases: 2 decided, 0 rejected");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out()).contains("one_list").contains("two_list");

        Run missing = run(theCase("ONE-1"), "evaluate", "--catalogs", tmp.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--catalogs " + tmp.resolve("nope") + ": no such folder");
    }

    @Test
    void evaluateCatalogsRejectsWhatCheckRejects() {
        // an item for 哄抬物价, which 滑法政办〔2022〕17号 三(七) keeps off every list
        Run r = run(theCase("EX-1"), "evaluate", "--catalogs", FIXTURES.resolve("excluded").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("[EXCLUDED_ITEM]");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anItemIdAShippedCatalogUsesIsFlaggedByCheckAndRefusedWithTheShippedCatalogs() throws IOException {
        Path cat = catalog(tmp, "dup_list", "TAX");
        Run r = run("", "check", tmp.toString(), "--no-analysis", "--no-exec-model");
        assertThat(r.out()).contains(cat.resolve("catalog.yaml") + ":16:0: warning: item id \"TAX-1\" (and so its rule "
                + "name) is already used by the shipped catalog tax_first_2021: loaded together with the shipped "
                + "catalogs (evaluate --catalogs, the service) this folder is refused").contains("[DUPLICATE_ID]");
        Run e = run(theCase("TAX-1"), "evaluate", "--catalogs", tmp.toString());
        assertThat(e.exit()).isEqualTo(1);
        assertThat(e.err()).contains("item id \"TAX-1\" is also used in").contains("[DUPLICATE_ID]");
    }
}
