package io.github.aftersales.core;

import static io.github.aftersales.core.Fixtures.allConform;
import static io.github.aftersales.core.Fixtures.demo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gives one message naming the file, the place and what is wrong. */
class InputErrorsTest {

    private static LocatedException failure(String json) {
        try {
            Fixtures.evaluate(json);
        } catch (LocatedException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + json);
    }

    private static LocatedException yamlFailure(String yaml) {
        try {
            Fixtures.evaluator().evaluate(Fixtures.yaml(yaml), EvaluationOptions.DEFAULTS);
        } catch (LocatedException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    private static String withFinding(String clauseA1) {
        return demo(allConform("4").replace("{\"id\": \"A.1\", \"result\": \"conform\"}", clauseA1));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        LocatedException e = failure("{\n  \"schemes\": [\n    {\"scheme\": \"demo\",,}\n  ]\n}");
        assertThat(e.source()).isEqualTo("test.json");
        assertThat(e.position().line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("test.json:3:").contains("malformed JSON");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        LocatedException e = yamlFailure("schemes:\n  - scheme: demo\n    findings: [\n      {id: A.1\n");
        assertThat(e.getMessage()).startsWith("test.yaml:").contains("malformed YAML");
        assertThat(e.position().line()).isGreaterThan(0);
    }

    @Test
    void emptyFile() {
        assertThat(failure("").getMessage()).isEqualTo("test.json:1:1: the file is empty");
        assertThat(yamlFailure("").getMessage()).isEqualTo("test.yaml:1:1: the file is empty");
    }

    @Test
    void duplicateKeyIsRejectedNotSilentlyOverwritten() {
        LocatedException e = failure(withFinding("{\"id\": \"A.1\", \"score\": 2, \"score\": 0}"));
        assertThat(e.problem()).contains("duplicate key 'score'").contains("findings[0]");
    }

    @Test
    void unknownClauseIdIsNamedWithTheNearestOne() {
        LocatedException e = failure(withFinding("{\"id\": \"A.11\", \"result\": \"conform\"}"));
        assertThat(e.problem()).isEqualTo(
                "schemes[0].findings[0]: unknown clause id 'A.11' in demo main (did you mean 'A.1'?)");
        assertThat(e.position().line()).isEqualTo(6);
    }

    @Test
    void scoreAboveThePoints() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"score\": 2.5}")).problem())
                .isEqualTo("schemes[0].findings[0]: score of A.1 is 2.5, above its 2 points");
    }

    @Test
    void negativeScore() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"score\": -1}")).problem())
                .isEqualTo("schemes[0].findings[0]: score of A.1 is negative: -1");
    }

    @Test
    void nonNumericScore() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"score\": \"two\"}")).problem())
                .isEqualTo("schemes[0].findings[0].score: 'score' must be a number, not \"two\"");
    }

    @Test
    void nanIsNotANumber() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"score\": NaN}")).getMessage()).contains("malformed JSON");
    }

    @Test
    void clauseScoredTwice() {
        LocatedException e = failure(demo(allConform("4") + ",\n{\"id\": \"A.1\", \"score\": 1}"));
        assertThat(e.problem()).isEqualTo("schemes[0].findings[5]: A.1 is scored twice (first at line 6)");
    }

    @Test
    void missingClausesAreListed() {
        LocatedException e = failure(demo("{\"id\": \"A.1\", \"result\": \"conform\"}"));
        assertThat(e.problem()).isEqualTo("schemes[0]: 4 of 5 demo main items have no score or result: A.2, A.3,"
                + " A.4, B (give each a result or score, or pass --missing-as-zero to count them as 0)");
    }

    @Test
    void unknownResultWord() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"result\": \"yes\"}")).problem()).isEqualTo(
                "schemes[0].findings[0].result: result must be conform (符合), not-conform (不符合) or not-applicable"
                        + " (不适用), not 'yes'");
    }

    @Test
    void mistypedKeyIsNamedWithTheNearestOne() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"scor\": 1}")).problem())
                .startsWith("schemes[0].findings[0]: unknown key 'scor' (did you mean 'score'?)");
    }

    @Test
    void notApplicableOnlyWhereTheStandardAsks() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"result\": \"not-applicable\", \"note\": \"x\"}")).problem())
                .isEqualTo("schemes[0].findings[0]: A.1 cannot be marked not applicable: demo main asks about"
                        + " applicability only for A.2");
    }

    @Test
    void notApplicableNeedsAReasonAndNoScore() {
        String noNote = demo(allConform("4").replace("{\"id\": \"A.2\", \"result\": \"conform\"}",
                "{\"id\": \"A.2\", \"result\": \"not-applicable\"}"));
        assertThat(failure(noNote).problem()).endsWith("A.2 is marked not applicable without a note: say why it does not apply");
        String withScore = demo(allConform("4").replace("{\"id\": \"A.2\", \"result\": \"conform\"}",
                "{\"id\": \"A.2\", \"result\": \"not-applicable\", \"note\": \"n\", \"score\": 1}"));
        assertThat(failure(withScore).problem()).endsWith("A.2 is marked not applicable and also given a score; give one or the other");
    }

    @Test
    void aNoteOfInvisibleCharactersIsNoReason() {
        // issue 18: each looks like an empty note on screen and on paper, so it says nothing
        String[][] notes = {{"\\u200B", "U+200B"}, {"\\uFEFF", "U+FEFF"}, {"\\u00A0\\u200B", "U+00A0, U+200B"},
            {"\\u2060\\u200D ", "U+2060, U+200D, U+0020"}, {"\\u3164", "U+3164"}};
        for (String[] n : notes) {
            String json = demo(allConform("4").replace("{\"id\": \"A.2\", \"result\": \"conform\"}",
                    "{\"id\": \"A.2\", \"result\": \"not-applicable\", \"note\": \"" + n[0] + "\"}"));
            LocatedException e = failure(json);
            assertThat(e.position().line()).as(n[1]).isGreaterThan(0);
            assertThat(e.problem()).as(n[1]).isEqualTo("schemes[0].findings[1]: A.2 is marked not applicable with a note"
                    + " of invisible characters only (" + n[1] + "): say why it does not apply");
        }
        // an ideographic space alone is blank text, refused where it is read, as an empty note is
        assertThat(failure(demo(allConform("4").replace("{\"id\": \"A.2\", \"result\": \"conform\"}",
                "{\"id\": \"A.2\", \"result\": \"not-applicable\", \"note\": \"\\u3000\"}"))).problem())
                .isEqualTo("schemes[0].findings[1].note: 'note' is empty");
        // a visible character among invisible ones is a note
        SchemeResult r = Fixtures.evaluate(demo(allConform("4").replace("{\"id\": \"A.2\", \"result\": \"conform\"}",
                "{\"id\": \"A.2\", \"result\": \"not-applicable\", \"note\": \"\\u200B无\\u3000\"}")));
        assertThat(r.excluded()).isNotEmpty();
    }

    @Test
    void notConformWithFullPointsContradictsItself() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"result\": \"not-conform\", \"score\": 2}")).problem())
                .endsWith("A.1 is marked not conform but given its full 2 points; lower the score or mark it conform");
    }

    @Test
    void checklistItemsTakeNoScore() {
        assertThat(failure(demo(allConform("4") + ",\n{\"id\": \"B.1.1\", \"score\": 1}")).problem())
                .endsWith("B.1.1 is a checklist item of B 乙, which the standard scores only as a whole: give the score to B");
    }

    @Test
    void aCategoryThatIsNotScoredAsAWholeCannotBeScored() {
        assertThat(failure(demo(allConform("4") + ",\n{\"id\": \"A\", \"score\": 6}")).problem())
                .endsWith("A is a category; score its clauses (A.1, A.2, A.3, A.4)");
    }

    @Test
    void unknownSchemeAndVariant() {
        assertThat(failure(demo(allConform("4")).replace("\"demo\"", "\"dem\"")).problem())
                .isEqualTo("schemes[0]: unknown scheme 'dem' (did you mean 'demo'?); installed: demo");
        assertThat(failure(demo(allConform("4")).replace("\"scheme\": \"demo\",", "\"scheme\": \"demo\", \"variant\": \"x\","))
                .problem()).isEqualTo("schemes[0]: scheme demo has no variant 'x'; its variants: main, generous");
    }

    @Test
    void aFileMadeForAnotherVersionSaysSo() {
        String other = demo(allConform("4")).replace("\"scheme\": \"demo\",", "\"scheme\": \"demo\", \"schemeVersion\": \"DEMO-0\",");
        assertThat(failure(other).problem()).isEqualTo("schemes[0]: this part was made for demo version 'DEMO-0', but"
                + " the installed scheme is 'DEMO-1'; make a new template or correct schemeVersion");
        String pointsDiffer = withFinding("{\"id\": \"A.1\", \"points\": 3, \"result\": \"conform\"}");
        assertThat(failure(pointsDiffer).problem()).endsWith("A.1 says it carries 3 points but demo main gives it 2:"
                + " was this file made from a template of another version?");
    }

    @Test
    void aFactTheGradingTableNeedsMustBeStated() {
        assertThat(failure(demo(allConform("4"), "\"audit\": \"passed\"", "")).problem())
                .isEqualTo("schemes[0].facts: missing S, onSiteDate (survey figure, percent; on-site evaluation date, date)");
    }

    @Test
    void badEventDate() {
        assertThat(failure(demo(allConform("4"), "\"audit\": \"passed\", \"S\": 95, \"onSiteDate\": \"2026-06-01\"",
                "{\"type\": \"majorComplaint\", \"date\": \"2025-13-01\"}")).problem())
                .isEqualTo("schemes[0].events[0].date: '2025-13-01' is not a date as YYYY-MM-DD");
    }

    @Test
    void anEmptySchemeListAndAWrongShape() {
        assertThat(failure("{\"schemes\": []}").problem()).isEqualTo(
                "schemes: 'schemes' is empty: name at least one scheme to evaluate");
        assertThat(failure("[1, 2]").problem()).isEqualTo("an assessment must be an object, not a list");
        assertThat(failure("{\"organisation\": \"x\"}").problem()).isEqualTo("'schemes' is missing");
    }

    @Test
    void unquotedNumericIdInYamlIsCaught() {
        LocatedException e = yamlFailure("schemes:\n  - scheme: demo\n    findings:\n      - {id: 5.10, score: 1}\n");
        assertThat(e.getMessage()).startsWith("test.yaml:4:").contains("write the id in quotes (\"5.10\")");
    }

    @Test
    void anEmptyYamlValueIsNullLikeAnUnfilledTemplate() {
        String yaml = "schemes:\n  - scheme: demo\n    findings:\n      - id: A.1\n        score:\n        note:\n"
                + "      - {id: A.2, result: conform}\n      - {id: A.3, result: conform}\n      - {id: A.4, result: conform}\n"
                + "      - {id: B, score: 4}\n    facts: {audit: passed, S: 95, onSiteDate: 2026-06-01}\n";
        assertThat(yamlFailure(yaml).problem()).startsWith("schemes[0].findings[0]: 1 of 5 demo main items have no score or result: A.1 ");
    }

    @Test
    void yamlAliasesAreRefusedSoNoAliasBombCanExpand() {
        StringBuilder y = new StringBuilder("organisation: &a x\nassessor: *a\nschemes:\n");
        y.append("  - {scheme: demo, findings: [{id: A.1, result: conform}]}\n");
        LocatedException e = yamlFailure(y.toString());
        assertThat(e.getMessage()).isEqualTo(
                "test.yaml:2:11: YAML aliases (*a) are not supported here: write the value out");
    }

    @Test
    void missingFileAndDirectory(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> AssessmentReader.read(missing)).isInstanceOf(LocatedException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> AssessmentReader.read(dir)).isInstanceOf(LocatedException.class)
                .hasMessage(dir + ": is a directory, not an assessment file");
    }

    @Test
    void aFormWhoseFormatsModuleIsMissingSaysWhichModuleReadsIt(@TempDir Path dir) throws Exception {
        // core's tests have no forms module on the class path, as a program that embeds only core
        Path form = dir.resolve("form.xlsx");
        Files.write(form, new byte[] {'P', 'K', 3, 4});
        assertThat(AssessmentReader.readable("form.xlsx")).isTrue();
        assertThatThrownBy(() -> AssessmentReader.read(form)).isInstanceOf(LocatedException.class)
                .hasMessage(form + ": .xlsx needs the forms module (aftersales-forms) on the class path");
    }

    @Test
    void inputFilesAreOnlyRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.json");
        String text = demo(allConform("4"));
        Files.writeString(file, text);
        var before = Files.getLastModifiedTime(file);
        Fixtures.evaluator().evaluate(AssessmentReader.read(file), EvaluationOptions.DEFAULTS);
        assertThat(Files.readString(file)).isEqualTo(text);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
    }

    @Test
    void moreNonConformingSamplesThanSamples() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"samples\": {\"checked\": 3, \"nonConforming\": 4}}"))
                .problem()).isEqualTo("schemes[0].findings[0].samples.nonConforming: 4 samples not conforming out of 3"
                        + " checked: there cannot be more non-conforming samples than samples");
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"samples\": {\"checked\": 0, \"nonConforming\": 0}}"))
                .problem()).endsWith("'checked' must be at least 1, not 0");
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"samples\": {\"checked\": 2.5, \"nonConforming\": 0}}"))
                .problem()).endsWith("'checked' must be a whole number, not 2.5");
    }

    @Test
    void percentWithinZeroToHundredAndOnlyOneWayToScore() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"percent\": 101}")).problem())
                .isEqualTo("schemes[0].findings[0].percent: 'percent' must be between 0 and 100, not 101");
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"percent\": 50, \"score\": 1}")).problem())
                .endsWith("A.1 is given more than one of score, samples and percent; give one");
        String excludedAndScored = demo(allConform("4").replace("{\"id\": \"A.2\", \"result\": \"conform\"}",
                "{\"id\": \"A.2\", \"result\": \"not-applicable\", \"note\": \"n\", \"percent\": 20}"));
        assertThat(failure(excludedAndScored).problem())
                .endsWith("A.2 is marked not applicable and also given a score; give one or the other");
    }

    @Test
    void aChecklistWithoutPointsTakesResultsButNoScores() {
        assertThat(failure(demo(allConform("4") + ",\n{\"id\": \"C.1\", \"score\": 1}")).problem())
                .endsWith("C.1 is a checklist item of C 丙, which carries no points: give it a result and a note only");
        SchemeResult r = Fixtures.evaluate(demo(allConform("4") + ",\n{\"id\": \"C.1\", \"result\": \"not-conform\", \"note\": \"x\"}"));
        assertThat(r.score()).isEqualByComparingTo("10");
        assertThat(r.maxScore()).isEqualByComparingTo("10");
    }

    @Test
    void factsAndEventsAreCheckedAgainstWhatTheVariantDeclares() {
        String facts = "\"audit\": \"passed\", \"S\": 95, \"onSiteDate\": \"2026-06-01\"";
        assertThat(failure(demo(allConform("4"), facts.replace("95", "101"), "")).problem())
                .isEqualTo("schemes[0].facts.S: S must be a percentage from 0 to 100, not 101");
        assertThat(failure(demo(allConform("4"), facts.replace("passed", "ok"), "")).problem())
                .isEqualTo("schemes[0].facts.audit: audit must be one of passed, failed, not 'ok'");
        assertThat(failure(demo(allConform("4"), facts + ", \"s\": 90", "")).problem())
                .startsWith("schemes[0].facts.s: unknown fact 's' (did you mean 'S'?)");
        assertThat(failure(demo(allConform("4"), facts, "{\"type\": \"majorComplaint\", \"date\": \"2026-06-02\","
                + " \"rectified\": false}")).problem())
                .isEqualTo("schemes[0].events[0]: a majorComplaint event dated 2026-06-02 is after onSiteDate 2026-06-01,"
                        + " the day of the evaluation");
        assertThat(failure(demo(allConform("4"), facts, "{\"type\": \"majorComplaint\", \"date\": \"2026-01-02\","
                + " \"rectified\": \"no\"}")).problem())
                .isEqualTo("schemes[0].events[0]: a majorComplaint event must say rectified: true or false, not 'no'");
        assertThat(failure(demo(allConform("4"), facts, "{\"type\": \"majorComplain\", \"date\": \"2026-01-02\"}"))
                .problem()).startsWith("schemes[0].events[0]: unknown event type 'majorComplain' (did you mean"
                        + " 'majorComplaint'?)");
    }

    @Test
    void yamlNumbersThatAreNotPlainDecimalsAreRefusedNotReread() {
        for (String n : new String[] {"016", "0x10", "0b11", "1_0"}) {
            String yaml = "schemes:\n  - scheme: demo\n    findings: [{id: A.1, score: " + n + "}]\n";
            assertThat(yamlFailure(yaml).getMessage()).as(n).startsWith("test.yaml:3:")
                    .contains("write the number " + n + " in plain decimals");
        }
    }

    @Test
    void numbersOutOfRangeAreRefusedQuickly() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"score\": 1e-99999999}")).problem())
                .isEqualTo("the number 1e-99999999 is out of range: at most 12 digits before the point and 12 after it");
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"score\": 1e999999}")).problem())
                .startsWith("the number 1e999999 is out of range");
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"score\": 1.0000000000001}")).problem())
                .startsWith("the number 1.0000000000001 is out of range");
    }

    @Test
    void conformWithNoPointsContradictsItself() {
        assertThat(failure(withFinding("{\"id\": \"A.1\", \"result\": \"conform\", \"score\": 0}")).problem())
                .endsWith("A.1 is marked conform but given 0 of its 2 points; raise the score or mark it not conform");
    }

    @Test
    void bytesThatAreNotUtf8() throws Exception {
        byte[] gbk = "organisation: 示例\nschemes: []\n".getBytes("GBK");
        try {
            AssessmentReader.read(new java.io.ByteArrayInputStream(gbk), "gbk.yaml",
                    io.github.aftersales.core.json.LocatedReader.Syntax.YAML);
            throw new AssertionError("no error");
        } catch (LocatedException e) {
            assertThat(e.getMessage()).startsWith("gbk.yaml").endsWith("the file is not UTF-8 text; save it as UTF-8");
        }
    }

    @Test
    void ideographicSpaceAroundAResultIsIgnored() {
        SchemeResult r = Fixtures.evaluate(withFinding("{\"id\": \"A.1\", \"result\": \"符合\u3000\"}"));
        assertThat(r.score()).isEqualByComparingTo("10");
    }
}
