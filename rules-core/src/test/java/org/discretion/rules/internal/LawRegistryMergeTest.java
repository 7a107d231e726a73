package org.discretion.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.discretion.rules.internal.model.LawFile;

/**
 * Two law files declaring the same version of an instrument (a shipped registry and an agency folder repeating
 * the provisions it cites) add to one version: the shipped provisions, fines and dates stay, the folder's provisions
 * are found, a text one file has not obtained is taken from the other, each provision keeps its own file's fidelity.
 */
class LawRegistryMergeTest {
    private static final String SHIPPED = """
            instrument: 中华人民共和国会计法
            short: 会计法
            versions:
              - version: 2017年修正
                effectiveFrom: null
                fidelity: SECOND_HAND
                provisions:
                  "42": {text: 违反本法规定，有下列行为之一的，由县级以上人民政府财政部门责令限期改正，可以对单位并处三千元以上五万元以下的罚款。, fine: {min: 3000, max: 50000}}
                  "43": （条文未取得：伪造、变造会计凭证的罚则）
            """;
    private static final String FOLDER = """
            instrument: 中华人民共和国会计法
            short: 会计法
            versions:
              - version: 2017年修正
                effectiveFrom: 2017-11-05
                fidelity: OFFICIAL
                provisions:
                  "42.1": 不依法设置会计帐簿的；
                  "43": 伪造、变造会计凭证、会计帐簿，编制虚假财务会计报告的，由县级以上人民政府财政部门予以通报。
            """;

    private static LawRegistry registry(String... yaml) throws Exception {
        List<LawFile> files = new java.util.ArrayList<>();
        for (String y : yaml) files.add(Yaml.YAML.readValue(y, LawFile.class));
        return LawRegistry.of(files);
    }

    @Test
    void aFolderRepeatingAShippedVersionAddsToItInsteadOfReplacingIt() throws Exception {
        LawRegistry r = registry(SHIPPED, FOLDER);
        LocalDate d = LocalDate.of(2023, 6, 1);
        assertThat(r.versions("会计法")).hasSize(1);
        assertThat(r.versions("会计法").get(0).from()).isEqualTo(LocalDate.of(2017, 11, 5)); // the date one file left open
        assertThat(r.resolve("会计法 第42条第1款第1项", "", d)).isPresent();               // the folder's provision
        assertThat(r.fineFor("会计法 第42条第1款第1项", "单位", d)).isPresent();           // the shipped fine still applies
        assertThat(r.resolve("会计法 第43条", "", d).orElseThrow().text()).startsWith("伪造、变造会计凭证"); // text supplied
        assertThat(r.resolve("会计法 第43条", "", d).orElseThrow().fidelity()).isEqualTo("OFFICIAL");
        assertThat(r.resolve("会计法 第42条", "", d).orElseThrow().fidelity()).isEqualTo("SECOND_HAND");
    }

    @Test
    void nearMissOneFileAloneKeepsWhatItHas() throws Exception {
        LawRegistry r = registry(SHIPPED);
        LocalDate d = LocalDate.of(2023, 6, 1);
        assertThat(r.resolve("会计法 第43条", "", d).orElseThrow().text()).startsWith("（条文未取得");
        assertThat(r.fineFor("会计法 第42条", "单位", d)).isPresent();
    }
}
