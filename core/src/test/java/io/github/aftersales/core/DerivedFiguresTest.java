package io.github.aftersales.core;

import static io.github.aftersales.core.Fixtures.allConform;
import static io.github.aftersales.core.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.core.definition.DefinitionReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.ResourceScheme;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Figures a grading table derives with an expression (catalog format 0.2): worked out on exact
 * decimals, compared like built-in figures, explained with the facts they used, and checked when the
 * scheme loads. The rates scheme (src/test/resources/schemes/rates): 合格 needs percent ≥ 60 and a
 * complaint resolution rate (resolved / received × 100) ≥ 97 %; 优秀 also needs percent × 0.7 +
 * survey × 0.3 ≥ 85.
 */
class DerivedFiguresTest {

    static final class RatesScheme extends ResourceScheme {
        RatesScheme() {
            super("schemes/rates");
        }
    }

    private static final SchemeRegistry REGISTRY = SchemeRegistry.of(List.of(new RatesScheme()));

    @TempDir
    Path root;

    private static SchemeResult evaluate(String b, String facts) {
        String text = "{\"organisation\": \"测试\", \"schemes\": [{\"scheme\": \"rates\", \"findings\": [" + allConform(b)
                + "], \"facts\": {" + facts + "}}]}";
        return new Evaluator(REGISTRY::find, REGISTRY.ids()).evaluate(json(text), EvaluationOptions.DEFAULTS).results().get(0);
    }

    private static String facts(long received, long resolved, String survey) {
        return "\"complaintsReceived\": " + received + ", \"complaintsResolved\": " + resolved + ", \"survey\": " + survey;
    }

    @ParameterizedTest(name = "{1} of {0} complaints resolved: {2}")
    @CsvSource({
        "100,   97,   pass", // 97 % exactly: the threshold holds
        "10000, 9699, none", // 96.99 %
        "33,    32,   none", // 96.9696… %: a quotient that does not end, below 97
        "34,    33,   pass", // 97.0588… %
    })
    void theResolutionRateIsComparedExactly(long received, long resolved, String level) {
        // every clause conforms but B has 0 of 4: 60 %, enough for 合格, and the weighted score 42 + 0.3 × survey < 85
        SchemeResult r = evaluate("0", facts(received, resolved, "90"));
        assertThat(r.gradeId() == null ? "none" : r.gradeId()).isEqualTo(level);
    }

    @Test
    void moreComplaintsResolvedThanReceivedIsRefusedWithThePlaceAndEqualIsNot() {
        assertThatThrownBy(() -> evaluate("4", facts(120, 121, "90")))
                .isInstanceOf(LocatedException.class)
                .hasMessageEndingWith("schemes[0].facts.complaintsResolved: complaintsResolved 121 is more than"
                        + " complaintsReceived 120: complaints resolved cannot exceed complaints received");
        assertThat(evaluate("4", facts(120, 120, "90")).gradeId()).isEqualTo("distinction"); // 100 %, weighted 97
        assertThatThrownBy(() -> evaluate("4", facts(0, 1, "90"))).hasMessageContaining("complaintsResolved 1 is more"
                + " than complaintsReceived 0");
    }

    @Test
    void aBoundThatIsNotAnotherNumberFactIsRefusedAtLoad() throws IOException {
        assertThat(broken("scheme.json", "\"notAbove\": \"complaintsReceived\"", "\"notAbove\": \"complaints\""))
                .startsWith("schemes/rates/scheme.json:").endsWith("variants[0].facts[1].notAbove: fact"
                        + " 'complaintsResolved' is bounded by 'complaints', which is not a declared fact");
        assertThat(broken("scheme.json", "\"notAbove\": \"complaintsReceived\"", "\"notAbove\": \"complaintsResolved\""))
                .endsWith("fact 'complaintsResolved' is bounded by 'complaintsResolved', which must be another count,"
                        + " percent or number");
    }

    @Test
    void aFailingRateSaysItsValueTheFactsItUsedAndTheThreshold() {
        SchemeResult r = evaluate("4", facts(33, 32, "90"));
        assertThat(r.gradeId()).isNull();
        assertThat(r.reasons()).contains("complaint resolution rate (顾客投诉解决率) 96.96 % (complaintsReceived = 33,"
                + " complaintsResolved = 32) < 97 % needed for 合格 (passed)");
    }

    @ParameterizedTest(name = "survey {0}: {1}")
    @CsvSource({
        "50,    distinction", // 100 × 0.7 + 50 × 0.3 = 85 exactly
        "49.99, pass",        // 84.997
    })
    void aWeightedAverageOfTwoFiguresIsExact(String survey, String level) {
        SchemeResult r = evaluate("4", facts(100, 100, survey));
        assertThat(r.gradeId()).isEqualTo(level);
        if (level.equals("pass")) {
            assertThat(r.reasons()).contains("weighted score (加权得分) 84.99 (survey = 49.99) < 85 needed for 优秀 (distinction)");
        }
    }

    @Test
    void aRateThatCannotBeWorkedOutMeetsNoThresholdAndSaysWhy() {
        SchemeResult r = evaluate("4", facts(0, 0, "90"));
        assertThat(r.gradeId()).isNull();
        assertThat(r.reasons()).anyMatch(s -> s.startsWith("complaint resolution rate (顾客投诉解决率) cannot be worked out"
                + " (division by zero") && s.contains("complaintsReceived = 0, complaintsResolved = 0")
                && s.endsWith("so it is not ≥ 97 % needed for 合格 (passed)"));
    }

    @Test
    void aFactTheFigureNeedsAndTheAssessmentLacksIsNamed() {
        assertThatThrownBy(() -> evaluate("4", "\"complaintsReceived\": 10, \"survey\": 90"))
                .isInstanceOf(LocatedException.class)
                .hasMessage("test.json:1:40: schemes[0].facts: missing complaintsResolved (complaints resolved, count)");
    }

    // ---- checked when the scheme loads ----------------------------------------------------------

    private static String resource(String name) throws IOException {
        try (InputStream in = DerivedFiguresTest.class.getResourceAsStream("/schemes/rates/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String broken(String file, String from, String to) throws IOException {
        Path dir = root.resolve("schemes/rates");
        Files.createDirectories(dir);
        for (String name : new String[] {"scheme.json", "rates.catalog.json", "rates.grading.json"}) {
            String text = resource(name);
            if (name.equals(file)) {
                assertThat(text).contains(from);
                text = text.replace(from, to);
            }
            Files.writeString(dir.resolve(name), text);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            DefinitionReader.read(loader, "schemes/rates");
        } catch (LocatedException e) {
            return e.getMessage();
        }
        throw new AssertionError("loaded");
    }

    private static final String RATE = "complaintsResolved / complaintsReceived * 100";

    @Test
    void anUnknownNameIsNamedWithTheFileTheFigureAndTheExpression() throws IOException {
        assertThat(broken("rates.grading.json", RATE, "complaintsSolved / complaintsReceived * 100"))
                .isEqualTo("schemes/rates/rates.grading.json: figure resolutionRate (complaintsSolved /"
                        + " complaintsReceived * 100): it names complaintsSolved, which is neither a figure (applicable,"
                        + " percent, score, total) nor a number fact its variant declares");
    }

    @Test
    void whatCouldVaryBetweenRunsOrIsNotANumberIsRefused() throws IOException {
        assertThat(broken("rates.grading.json", RATE, "RANDOM() * 100"))
                .contains("figure resolutionRate (RANDOM() * 100): ").contains("RANDOM");
        assertThat(broken("rates.grading.json", RATE, "complaintsResolved >= complaintsReceived"))
                .endsWith("figure resolutionRate (complaintsResolved >= complaintsReceived): it gives true or false,"
                        + " not a number");
        assertThat(broken("rates.grading.json", RATE, "complaintsResolved / * 100"))
                .startsWith("schemes/rates/rates.grading.json: figure resolutionRate (complaintsResolved / * 100): ");
    }

    @Test
    void aDerivedFigureTakesNoBuiltInNameAndNeedsFormatZeroTwo() throws IOException {
        assertThat(broken("rates.grading.json", "\"id\": \"weighted\"", "\"id\": \"total\""))
                .contains("'total' is a built-in figure; give the derived figure another id");
        assertThat(broken("scheme.json", "\"format\": \"0.2\"", "\"format\": \"0.1\""))
                .contains("derived figures came with catalog format 0.2: write \"format\": \"0.2\" in scheme.json");
    }

    @Test
    void aConditionOnAnUndeclaredFigureListsTheTablesOwn() throws IOException {
        assertThat(broken("rates.grading.json", "{ \"figure\": \"weighted\", \"atLeast\": 85 }",
                "{ \"figure\": \"weightd\", \"atLeast\": 85 }"))
                .contains("unknown figure 'weightd'; known: total, score, percent, categoryPercent, partStars, and the"
                        + " table's own resolutionRate, weighted");
    }

    @Test
    void aFactNamedLikeAFigureButForCaseIsRefusedForExpressionsReadNamesWithoutCase() throws IOException {
        assertThat(broken("scheme.json", "\"name\": \"survey\"", "\"name\": \"Percent\""))
                .endsWith("the fact Percent and the figure percent differ only in case, and a derived figure's"
                        + " expression reads names without regard to case: rename the fact");
    }
}
