package org.discretion.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.discretion.rules.api.Citation;
import org.discretion.rules.internal.model.LawFile;

/** Authoring traps of issue 10 that are not a whole catalog: citations of items without 款, 序号, the vocabulary. */
class AuthoringTrapsTest {

    private static LawRegistry registry() throws IOException {
        try (InputStream in = AuthoringTrapsTest.class.getResourceAsStream("/law/xzcf.yaml")) {
            return LawRegistry.of(List.of(Yaml.YAML.readValue(in, LawFile.class)));
        }
    }

    @Test
    void anItemOfAOneParagraphArticleQuotesThatItemNotTheWholeArticle() throws IOException {
        LawRegistry r = registry();
        assertThat(r.problem("行政处罚法 第32条第3项")).isNull();
        Citation c = r.resolve("行政处罚法 第32条第3项", "HANDLING", LocalDate.of(2024, 1, 1)).orElseThrow();
        assertThat(c.text()).isEqualTo("主动供述行政机关尚未掌握的违法行为的；");
        assertThat(c.paragraph()).isEqualTo(1);
        assertThat(c.item()).isEqualTo(3);
    }

    @Test
    void anItemWithoutParagraphOfAnArticleWithSeveralParagraphsIsAnError() throws IOException {
        assertThat(registry().problem("行政处罚法 第33条第2项")).isEqualTo("citation \"行政处罚法 第33条第2项\": 第33条 of "
                + "行政处罚法（2021年修订） has more than one paragraph; cite the paragraph: 第33条第K款第2项");
    }

    @Test
    void anItemWhoseTextIsNowhereIsAnError() throws IOException {
        LawRegistry r = registry();
        // 第9条 lists its items in its text: （二） is there, so the article is quoted
        assertThat(r.problem("行政处罚法 第9条第2项")).isNull();
        // 第37条 (one paragraph in the registry's versions) has no items at all
        assertThat(r.problem("行政处罚法 第37条第2项")).isEqualTo("citation \"行政处罚法 第37条第2项\": 行政处罚法 has no "
                + "text for item 2 of 第37条 (key \"37.1.2\", nor （二） in the article's text) in the law registry");
    }

    @Test
    void aNumberThatIsAlreadyALocatorIsNotWrappedAgain() {
        assertThat(ItemNumbers.cited("3")).isEqualTo("第3项");
        assertThat(ItemNumbers.cited("（五）")).isEqualTo("第（五）项");
        assertThat(ItemNumbers.cited("第一条（三）")).isEqualTo("第一条（三）");
        assertThat(ItemNumbers.cited("第12项")).isEqualTo("第12项");
    }

    @Test
    void theVocabularyIsReadFromConditionsWithLiteralParameterTypes() {
        assertThat(CatalogRuleValidator.vocabularySignatures()).contains("firstOffense()", "harmAtMost(Harm)",
                "corrected(Correction...)", "all(Condition...)", "noneEstablished(String, Circumstance...)",
                "illegalGainsAtMost(long)", "fact(String).atMost(Number)", "fact(String).in(String...)");
        // Status-valued helpers and non-conditions are not part of the language
        assertThat(CatalogRuleValidator.VOCABULARY).doesNotContainKeys("and", "or", "negate", "leaves", "circumstanceZh");
    }

    @Test
    void everyConditionShapeOfTheShippedCatalogsIsAccepted() {
        String drl = """
                package catalogs.x;
                import org.discretion.rules.api.*;
                import org.discretion.rules.facts.*;
                import static org.discretion.rules.facts.Conditions.*;
                // a comment
                rule "X-1"
                when
                    $c : Candidate( item == "X-1" )
                then
                    /* a block comment */
                    insert($c.finding(
                        any(established(Circumstance.ELIMINATED_HARM), harmAtMost(Harm.MINOR).as("较小")).as("之一"),
                        not(someHarm()), corrected(Correction.ON_THE_SPOT, Correction.WITHIN_DEADLINE),
                        noneEstablished("未造成较大社会影响", Circumstance.LARGE_SOCIAL_IMPACT),
                        fact("tons").atMost(0.5), fact("n").lessThan(3), fact("kind").in("柴油", "汽油"),
                        fact("b").isTrue(), ageAtLeast(14), partyIs(PartyType.INDIVIDUAL_BUSINESS),
                        illegalGainsAtMost(500), all(firstOffense(), timelyCorrected())));
                end
                rule "X-2" when $c : Candidate( item == "X-2" ) then insert($c.finding()); end
                """;
        CatalogRuleValidator.Result r = CatalogRuleValidator.validate("x.drl", drl, "catalogs.x");
        assertThat(r.problems()).isEmpty();
        assertThat(r.rules()).extracting(CatalogRuleValidator.Rule::name).containsExactly("X-1", "X-2");
    }
}
