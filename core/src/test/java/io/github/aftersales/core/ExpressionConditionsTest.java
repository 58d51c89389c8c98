package io.github.aftersales.core;

import static io.github.aftersales.core.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.core.definition.DefinitionReader;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.ResourceScheme;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditions written as expressions and items a table decides with one (catalog format 0.2), on the
 * rules scheme (src/test/resources/schemes/rules): 合格 needs a complaint resolution rate ≥ 97 % and
 * at least 30 sampled records; 优秀 also needs, in one expression, a weighted score (percent × 0.7 +
 * survey × 0.3) ≥ 85, C.1 conforming, no clause of A not conforming, category B ≥ 75 %, no major
 * complaint in the 12 months before the on-site date and a passed audit. C.1 is decided by the records
 * in order ≥ 95 % when the two optional counts are stated.
 */
class ExpressionConditionsTest {

    static final class RulesScheme extends ResourceScheme {
        RulesScheme() {
            super("schemes/rules");
        }
    }

    private static final SchemeRegistry REGISTRY = SchemeRegistry.of(List.of(new RulesScheme()));

    @TempDir
    Path root;

    /** Every clause of A conforms unless said; B scored 3 of 4 (75 %): percent 90, weighted 63 + survey × 0.3. */
    private static SchemeResult evaluate(String a3, String c1, String facts, String events) {
        String text = """
                {"organisation": "测试", "schemes": [{"scheme": "rules", "findings": [
                  {"id": "A.1", "result": "conform"}, {"id": "A.2", "result": "conform"},
                  {"id": "A.3", "result": "%s"}, {"id": "A.4", "result": "conform"},
                  {"id": "B", "score": 3}%s],
                  "facts": {%s}, "events": [%s]}]}""".formatted(a3, c1.isEmpty() ? "" : ", {\"id\": \"C.1\", \"result\": \""
                + c1 + "\"}", facts, events);
        return new Evaluator(REGISTRY::find, REGISTRY.ids()).evaluate(json(text), EvaluationOptions.DEFAULTS).results()
                .get(0);
    }

    private static String facts(long received, long resolved, long sampled, String survey, String audit) {
        return "\"complaintsReceived\": " + received + ", \"complaintsResolved\": " + resolved + ", \"sampled\": " + sampled
                + ", \"survey\": " + survey + ", \"audit\": \"" + audit + "\", \"onSiteDate\": \"2026-06-30\"";
    }

    private static final String GOOD = facts(100, 97, 30, "80", "passed");

    private static String grade(SchemeResult r) {
        return r.gradeId() == null ? "none" : r.gradeId();
    }

    @ParameterizedTest(name = "{1} of {0} complaints resolved, {2} sampled: {3}")
    @CsvSource({
        "100,   97,   30, distinction", // 97 % exactly, 30 exactly: every threshold holds
        "10000, 9699, 30, none",        // 96.99 %
        "33,    32,   30, none",        // 96.9696… %: a quotient that does not end, below 97
        "34,    33,   30, distinction", // 97.0588… %
        "100,   97,   29, none",        // one record short
    })
    void eachConditionIsWorkedOutExactly(long received, long resolved, long sampled, String level) {
        assertThat(grade(evaluate("conform", "conform", facts(received, resolved, sampled, "80", "passed"), "")))
                .isEqualTo(level);
    }

    @Test
    void aFailingComparisonOnADerivedFigureSaysItLikeABuiltInCondition() {
        SchemeResult r = evaluate("conform", "conform", facts(33, 32, 30, "80", "passed"), "");
        assertThat(r.reasons()).contains("complaint resolution rate (顾客投诉解决率) 96.96 % (complaintsReceived = 33,"
                + " complaintsResolved = 32) < 97 % needed for 合格 (passed)");
    }

    @Test
    void aNamedRuleSaysItsNameTheExpressionAndTheValuesItRead() {
        SchemeResult r = evaluate("conform", "conform", facts(100, 97, 29, "80", "passed"), "");
        assertThat(r.reasons()).contains("enough sampled records (抽样记录足够) does not hold (sampled >= 30; sampled = 29)"
                + " needed for 合格 (passed)");
        assertThat(r.levels().get(0).conditions().get(1).measured()).isEqualTo("sampled = 29");
    }

    @Test
    void eachFailingPartOfAConjunctionIsNamedWithItsValue() {
        // survey 70: 63 + 21 = 84 < 85; A.3 not conforming: percent (6 - 0.5 + 3) / 10 = 85, weighted 59.5 + 21 = 80.5;
        // C.1 not conforming; a major complaint exactly 12 months before 2026-06-30 (both ends count); audit failed
        SchemeResult r = evaluate("not-conform", "not-conform", facts(100, 97, 30, "70", "failed"),
                "{\"type\": \"majorComplaint\", \"date\": \"2025-06-30\", \"rectified\": true}");
        assertThat(grade(r)).isEqualTo("pass");
        assertThat(r.reasons()).contains(
                "weighted score (加权得分) 80.5 (survey = 70) < 85 needed for 优秀 (distinction)",
                "CONFORMS('C.1') does not hold (CONFORMS('C.1') = false) needed for 优秀 (distinction)",
                "NOTCONFORMING('A') 1 ≠ 0 needed for 优秀 (distinction)",
                "EVENTS('majorComplaint', 12, 'onSiteDate') 1 ≠ 0 needed for 优秀 (distinction)",
                "audit == 'passed' does not hold (audit = failed) needed for 优秀 (distinction)");
        // category B at 75 % holds, so it is not named
        assertThat(r.reasons()).noneMatch(s -> s.contains("CATEGORYPERCENT"));
    }

    @Test
    void aComplaintOneDayOutsideTheWindowIsNotCounted() {
        SchemeResult r = evaluate("conform", "conform", GOOD,
                "{\"type\": \"majorComplaint\", \"date\": \"2025-06-29\", \"rectified\": false}");
        assertThat(grade(r)).isEqualTo("distinction");
    }

    @Test
    void aCategoryShareBelowItsThresholdIsNamed() {
        // B 2.5 of 4 = 62.5 %: percent 85, weighted 59.5 + 30 = 89.5 holds; CATEGORYPERCENT('B') 62.5 < 75
        String text = """
                {"organisation": "测试", "schemes": [{"scheme": "rules", "findings": [
                  {"id": "A.1", "result": "conform"}, {"id": "A.2", "result": "conform"},
                  {"id": "A.3", "result": "conform"}, {"id": "A.4", "result": "conform"},
                  {"id": "B", "score": 2.5}, {"id": "C.1", "result": "conform"}],
                  "facts": {%s}, "events": []}]}""".formatted(facts(100, 97, 30, "100", "passed"));
        SchemeResult r = new Evaluator(REGISTRY::find, REGISTRY.ids()).evaluate(json(text), EvaluationOptions.DEFAULTS)
                .results().get(0);
        assertThat(grade(r)).isEqualTo("pass");
        assertThat(r.reasons()).containsExactly("CATEGORYPERCENT('B') 62.5 < 75 needed for 优秀 (distinction)");
    }

    @Test
    void aRateThatCannotBeWorkedOutDoesNotHoldAndSaysWhy() {
        SchemeResult r = evaluate("conform", "conform", facts(0, 0, 30, "80", "passed"), "");
        assertThat(grade(r)).isEqualTo("none");
        assertThat(r.reasons()).anyMatch(s -> s.startsWith("resolutionRate >= 97 cannot be worked out (resolutionRate:"
                + " division by zero") && s.contains("complaintsReceived = 0, complaintsResolved = 0")
                && s.endsWith("so it does not hold needed for 合格 (passed)"));
    }

    // ---- an item the table decides --------------------------------------------------------------

    private static String withRecords(long audited, long inOrder) {
        return GOOD + ", \"auditedRecords\": " + audited + ", \"recordsInOrder\": " + inOrder;
    }

    private static ClauseResult clause(SchemeResult r, String id) {
        return r.clauses().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void withoutTheOptionalCountsTheItemIsTheAuditors() {
        SchemeResult r = evaluate("conform", "not-conform", GOOD, "");
        assertThat(clause(r, "C.1").result().key()).isEqualTo("not-conform");
        assertThat(r.reasons()).noneMatch(s -> s.contains("decided"));
    }

    @ParameterizedTest(name = "{1} of {0} records in order: {2}")
    @CsvSource({
        "20, 19, conform",      // 95 % exactly
        "21, 19, not-conform",  // 90.47… %
        "40, 38, conform",      // 95 %
    })
    void theStatedCountsDecideTheItem(long audited, long inOrder, String result) {
        SchemeResult r = evaluate("conform", "", withRecords(audited, inOrder), "");
        assertThat(clause(r, "C.1").result().key()).isEqualTo(result);
        // the decided result is what CONFORMS('C.1') reads
        assertThat(grade(r)).isEqualTo(result.equals("conform") ? "distinction" : "pass");
    }

    @Test
    void aDecisionSaysWhy() {
        SchemeResult r = evaluate("conform", "", withRecords(21, 19), "");
        assertThat(r.reasons()).contains("C.1 does not conform, decided by the grading table: records in order (记录合格率)"
                + " 90.47 % (auditedRecords = 21, recordsInOrder = 19) < 95 %");
        r = evaluate("conform", "conform", withRecords(20, 19), "");
        assertThat(r.reasons()).contains("C.1 conforms, decided by the grading table: records in order (记录合格率)"
                + " 95 % (auditedRecords = 20, recordsInOrder = 19) ≥ 95 %");
    }

    @Test
    void aStatedResultTheCountsContradictIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> evaluate("conform", "conform", withRecords(21, 19), ""))
                .isInstanceOf(LocatedException.class)
                .hasMessageEndingWith("schemes[0].findings[5]: C.1 is stated conform, but the grading table decides it"
                        + " from the stated facts: records in order (记录合格率) 90.47 % (auditedRecords = 21,"
                        + " recordsInOrder = 19) < 95 %, so it does not conform; correct the result or the facts, or"
                        + " leave the result out");
    }

    @Test
    void oneCountWithoutTheOtherIsRefused() {
        assertThatThrownBy(() -> evaluate("conform", "", GOOD + ", \"auditedRecords\": 20", ""))
                .isInstanceOf(LocatedException.class)
                .hasMessageEndingWith("schemes[0]: facts auditedRecords without recordsInOrder: C.1 is decided from"
                        + " auditedRecords and recordsInOrder together; state it too, or none of them");
    }

    @Test
    void noRecordsAuditedLeavesTheItemToTheAuditorAndSaysSo() {
        SchemeResult r = evaluate("conform", "not-conform", withRecords(0, 0), "");
        assertThat(clause(r, "C.1").result().key()).isEqualTo("not-conform");
        assertThat(r.reasons()).anyMatch(s -> s.startsWith("C.1 is not decided by the grading table: recordRate >= 95"
                + " cannot be worked out (recordRate: division by zero")
                && s.endsWith("; its result is the one stated"));
    }

    @Test
    void anExpressionConditionHasItsOwnTypeForToolsThatReadLevels() {
        Condition c = REGISTRY.find("rules").orElseThrow().variant("main").orElseThrow().grading().levels().get(0)
                .conditions().get(0);
        assertThat(c).isEqualTo(new Condition.OnExpression("resolutionRate >= 97"));
        assertThat(c.comparison().word()).isEqualTo("true");
    }

    // ---- checked when the scheme loads ----------------------------------------------------------

    private static String resource(String name) throws IOException {
        try (InputStream in = ExpressionConditionsTest.class.getResourceAsStream("/schemes/rules/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String broken(String file, String from, String to) throws IOException {
        Path dir = root.resolve("schemes/rules");
        Files.createDirectories(dir);
        for (String name : new String[] {"scheme.json", "rules.catalog.json", "rules.grading.json"}) {
            String text = resource(name);
            if (name.equals(file)) {
                assertThat(text).contains(from);
                text = text.replace(from, to);
            }
            Files.writeString(dir.resolve(name), text);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            DefinitionReader.read(loader, "schemes/rules");
        } catch (LocatedException e) {
            return e.getMessage();
        }
        throw new AssertionError("loaded");
    }

    private static final String GRADING = "rules.grading.json";
    private static final String FILE = "schemes/rules/rules.grading.json: ";

    @Test
    void anUnknownNameIsRefusedWithTheFileTheLevelAndTheExpression() throws IOException {
        assertThat(broken(GRADING, "\"resolutionRate >= 97\" },\n        { \"expression\": \"sampled >= 30\", \"name\": \"抽样记录足够\", \"nameEn\": \"enough sampled records\" }\n      ] },\n    { \"id\": \"distinction\"",
                "\"resolutonRate >= 97\" },\n        { \"expression\": \"sampled >= 30\", \"name\": \"抽样记录足够\", \"nameEn\": \"enough sampled records\" }\n      ] },\n    { \"id\": \"distinction\""))
                .isEqualTo(FILE + "level pass (levels[0].conditions[0]): expression resolutonRate >= 97: it names"
                        + " resolutonRate, which is neither a figure (applicable, percent, score, total), a fact its"
                        + " variant declares, nor a figure its table derives (recordRate, resolutionRate, weighted)");
        assertThat(broken(GRADING, "CONFORMS('C.1')", "CONFORMS('C.9')"))
                .startsWith(FILE + "level distinction (levels[1].conditions[2]): expression weighted >= 85 && CONFORMS('C.9')")
                .endsWith(": CONFORMS at character 19 names 'C.9', which is not a clause or item of the catalog");
        assertThat(broken(GRADING, "EVENTS('majorComplaint'", "EVENTS('minorComplaint'"))
                .endsWith("EVENTS at character 95 counts events 'minorComplaint', a type its variant does not declare"
                        + " (majorComplaint)");
    }

    @Test
    void aTypeErrorIsRefusedWithWhatEachSideIs() throws IOException {
        assertThat(broken(GRADING, "\"sampled >= 30\", \"name\": \"抽样记录足够\", \"nameEn\": \"enough sampled records\" }\n      ] },\n    { \"id\": \"distinction\"",
                "\"sampled + CONFORMS('C.1') >= 30\", \"name\": \"抽样记录足够\", \"nameEn\": \"enough sampled records\" }\n      ] },\n    { \"id\": \"distinction\""))
                .isEqualTo(FILE + "level pass (levels[0].conditions[1]): expression sampled + CONFORMS('C.1') >= 30: '+'"
                        + " at character 9 takes a number, but CONFORMS('C.1') is true or false");
        assertThat(broken(GRADING, "{ \"expression\": \"resolutionRate >= 97\" },\n        { \"expression\": \"sampled >= 30\", \"name\": \"抽样记录足够\", \"nameEn\": \"enough sampled records\" }\n      ] },\n    { \"id\": \"distinction\"",
                "{ \"expression\": \"resolutionRate * 2\" },\n        { \"expression\": \"sampled >= 30\", \"name\": \"抽样记录足够\", \"nameEn\": \"enough sampled records\" }\n      ] },\n    { \"id\": \"distinction\""))
                .isEqualTo(FILE + "level pass (levels[0].conditions[0]): expression resolutionRate * 2: it gives a"
                        + " number, not true or false: compare it with a threshold (resolutionRate * 2 >= …)");
    }

    @Test
    void anExpressionNestedDeeperThan32IsRefusedAtLoadAndOneAtTheLimitLoads() throws IOException {
        // "recordRate + 0 + … >= 95": '>=' is one deep, each '+' one more (a + b + c is ((a + b) + c))
        assertThatThrownBy(() -> broken(GRADING, "recordRate >= 95", "recordRate" + " + 0".repeat(31) + " >= 95"))
                .isInstanceOf(AssertionError.class).hasMessage("loaded");
        assertThat(broken(GRADING, "recordRate >= 95", "recordRate" + " + 0".repeat(32) + " >= 95"))
                .startsWith(FILE + "decides[0] (item C.1): expression recordRate + 0")
                .endsWith(": it nests more than 32 operators and functions inside one another (at character 12);"
                        + " at most 32: give a long sum or comparison as derived figures");
        // brackets: 32 inside one another load, 33 do not (the 33rd opens at character 33)
        assertThatThrownBy(() -> broken(GRADING, "recordRate >= 95", "(".repeat(32) + "recordRate" + ")".repeat(32)
                + " >= 95")).isInstanceOf(AssertionError.class).hasMessage("loaded");
        assertThat(broken(GRADING, "recordRate >= 95", "(".repeat(33) + "recordRate" + ")".repeat(33) + " >= 95"))
                .endsWith(": brackets are nested more than 32 deep (at character 33); at most 32: give a long sum or"
                        + " comparison as derived figures");
    }

    @Test
    void aGeneratedExpressionTenThousandDeepIsRefusedWithTheFileAndLevelNeverAStackOverflow() throws IOException {
        for (String deep : List.of("(".repeat(10_000) + "weighted" + ")".repeat(10_000) + " >= 0",
                "weighted" + " + 1".repeat(10_000) + " >= 0", "-".repeat(10_000) + "weighted >= 0",
                "MAX(".repeat(10_000) + "weighted" + ", 1)".repeat(10_000) + " >= 0")) {
            String message = broken(GRADING, "weighted >= 85 &&", deep + " && weighted >= 85 &&");
            assertThat(message).startsWith(FILE + "level distinction (levels[1].conditions[2]): expression ")
                    .containsAnyOf("brackets are nested more than 32 deep", "it nests more than 32 operators");
        }
        // a derived figure is read by the same parser: refused with its id
        assertThat(broken(GRADING, "\"percent * 0.7 + survey * 0.3\"", "\"percent" + " + 1".repeat(10_000) + "\""))
                .startsWith(FILE + "figure weighted (percent + 1 + 1").contains("it nests more than 32 operators");
    }

    @Test
    void aWrongTypedComparisonIsRefused() throws IOException {
        assertThat(broken(GRADING, "audit == 'passed'", "audit == 1"))
                .endsWith("expression weighted >= 85 && CONFORMS('C.1') && NOTCONFORMING('A') == 0 && CATEGORYPERCENT('B')"
                        + " >= 75 && EVENTS('majorComplaint', 12, 'onSiteDate') == 0 && audit == 1: '==' at character"
                        + " 152 compares audit, a word, with 1, a number: they are never equal");
        assertThat(broken(GRADING, "audit == 'passed'", "audit == 'pased'"))
                .endsWith(": 'pased' is not one of the values of fact audit (passed, failed)");
        assertThat(broken(GRADING, "CATEGORYPERCENT('B')", "CATEGORYPERCENT('C')"))
                .endsWith(": CATEGORYPERCENT at character 65 names category 'C', which carries no points (a"
                        + " checklist): its share is not measured");
        assertThat(broken(GRADING, "sampled >= 30\", \"name\": \"抽样记录足够\", \"nameEn\": \"enough sampled records\" }\n      ] },\n    { \"id\": \"distinction\"",
                "onSiteDate >= 30\", \"name\": \"抽样记录足够\", \"nameEn\": \"enough sampled records\" }\n      ] },\n    { \"id\": \"distinction\""))
                .endsWith("expression onSiteDate >= 30: onSiteDate is a date: count events back from it with EVENTS,"
                        + " or compare months with a monthsBetween condition");
    }

    @Test
    void aDecidedItemMustBeAChecklistItemAndReadAFact() throws IOException {
        assertThat(broken(GRADING, "\"item\": \"C.1\"", "\"item\": \"A.1\""))
                .isEqualTo(FILE + "decides[0] (item A.1): A.1 carries points of its own; only a checklist item's result"
                        + " is decided, so that no score changes");
        assertThat(broken(GRADING, "\"conformsWhen\": \"recordRate >= 95\"", "\"conformsWhen\": \"percent >= 95\""))
                .isEqualTo(FILE + "decides[0] (item C.1): expression percent >= 95: it names no fact, so it would"
                        + " decide C.1 for every assessment: name the facts the standard gives the item by");
        assertThat(broken(GRADING, "\"conformsWhen\": \"recordRate >= 95\"", "\"conformsWhen\": \"recordRate\""))
                .isEqualTo(FILE + "decides[0] (item C.1): expression recordRate: it gives a number, not true or false:"
                        + " compare it with a threshold (recordRate >= …)");
    }

    @Test
    void aLevelAboveMustStateTheSameExpression() throws IOException {
        assertThat(broken(GRADING, "{ \"expression\": \"resolutionRate >= 97\" },\n        { \"expression\": \"sampled >= 30\", \"name\": \"抽样记录足够\", \"nameEn\": \"enough sampled records\" },\n        { \"expression\": \"weighted",
                "{ \"expression\": \"resolutionRate >= 90\" },\n        { \"expression\": \"sampled >= 30\", \"name\": \"抽样记录足够\", \"nameEn\": \"enough sampled records\" },\n        { \"expression\": \"weighted"))
                .contains("distinction (优秀) does not require resolutionRate >= 97 (levels[0].conditions[0])");
    }

    @Test
    void aDateOrAConclusionCannotBeOptionalAndAFigureMayNotTakeAFactsName() throws IOException {
        assertThat(broken("scheme.json", "\"type\": \"date\" }", "\"type\": \"date\", \"optional\": true }"))
                .endsWith("fact 'onSiteDate' is a date the evaluation's dates are checked against: it cannot be optional");
        assertThat(broken(GRADING, "{ \"id\": \"weighted\"", "{ \"id\": \"sampled\""))
                .isEqualTo(FILE + "figure sampled has the name of a fact its variant declares, so an expression could"
                        + " not tell them apart: rename the figure");
    }

    @Test
    void anExpressionIsRefusedInAFormatZeroOneScheme() throws IOException {
        assertThat(broken("scheme.json", "\"format\": \"0.2\"", "\"format\": \"0.1\"")).contains("came with catalog"
                + " format 0.2");
    }
}
