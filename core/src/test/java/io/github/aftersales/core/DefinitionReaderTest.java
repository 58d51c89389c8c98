package io.github.aftersales.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.core.definition.DefinitionReader;
import io.github.aftersales.core.json.LocatedException;
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

/** A broken catalog or grading table fails on load with a message naming the resource and the clause. */
class DefinitionReaderTest {

    @TempDir
    Path root;

    private static String resource(String name) throws IOException {
        try (InputStream in = DefinitionReaderTest.class.getResourceAsStream("/schemes/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Loads the demo scheme with one of its files changed. */
    private DefinitionReader.SchemeDefinition load(String file, UnaryOperator<String> change) throws IOException {
        Path dir = root.resolve("schemes/demo");
        Files.createDirectories(dir);
        for (String name : new String[] {"scheme.json", "demo.catalog.json", "demo.grading.json"}) {
            String text = resource(name);
            Files.writeString(dir.resolve(name), name.equals(file) ? change.apply(text) : text);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            return DefinitionReader.read(loader, "schemes/demo");
        }
    }

    private LocatedException broken(String file, UnaryOperator<String> change) {
        try {
            load(file, change);
        } catch (LocatedException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error");
    }

    private static UnaryOperator<String> replace(String from, String to) {
        return s -> {
            if (!s.contains(from)) {
                throw new AssertionError("fixture has no " + from);
            }
            return s.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        };
    }

    @Test
    void theUnchangedDemoLoads() throws IOException {
        var d = load("none", s -> s);
        assertThat(d.id()).isEqualTo("demo");
        assertThat(d.variants()).hasSize(2);
        assertThat(d.variants().get(0).catalog().clauses()).hasSize(7);
    }

    @Test
    void theCatalogFormatOfThisPlatformAndTheAbsentOneAreRead() throws IOException {
        assertThat(load("scheme.json", replace("\"id\": \"demo\"", "\"format\": \"0.1\", \"id\": \"demo\"")).id())
                .isEqualTo("demo");
    }

    @Test
    void aCatalogOfANewerFormatIsRefusedNamingThePlatformThatReadsIt() {
        // refused before its unknown keys are looked at: a newer format may add keys
        assertThat(broken("scheme.json", replace("\"id\": \"demo\"",
                "\"format\": \"0.12\", \"rules\": [], \"id\": \"demo\"")).getMessage())
                .isEqualTo("schemes/demo/scheme.json:2:13: format: 0.12 is a newer catalog format, read by aftersales"
                        + " 0.12 and later; this aftersales reads 0.2: install aftersales 0.12 or later to use this"
                        + " scheme");
        assertThat(broken("scheme.json", replace("\"id\": \"demo\"", "\"format\": \"1.0\", \"id\": \"demo\""))
                .getMessage()).contains("format: 1.0 is a newer catalog format, read by aftersales 1.0 and later");
    }

    @Test
    void aFormatThatIsNoVersionIsRefused() {
        assertThat(broken("scheme.json", replace("\"id\": \"demo\"", "\"format\": \"v2\", \"id\": \"demo\""))
                .getMessage()).isEqualTo("schemes/demo/scheme.json:2:13: format: 'v2' is not a catalog format: it"
                        + " names the platform version the files were written for, like \"0.2\"");
        assertThat(broken("scheme.json", replace("\"id\": \"demo\"", "\"format\": \"0.0\", \"id\": \"demo\""))
                .getMessage()).endsWith("format: 0.0 is not a catalog format (the formats are 0.1, 0.2)");
    }

    // ---- grading tables that read but cannot be right (issue 16) --------------------------------

    @Test
    void aThresholdBeyondWhatItsFigureCanBeIsRefused() {
        assertThat(broken("demo.grading.json", replace("{ \"figure\": \"total\", \"atLeast\": 9 }",
                "{ \"figure\": \"total\", \"atLeast\": 11 }")).getMessage())
                .isEqualTo("schemes/demo/demo.grading.json: level gold (三星) needs total ≥ 11 (levels[2].conditions[0]),"
                        + " but the total is at most the catalog's 10 points and at least 0: no assessment can reach gold");
        assertThat(broken("demo.grading.json", replace("\"category\": \"A\", \"above\": 90",
                "\"category\": \"A\", \"above\": 100")).getMessage())
                .isEqualTo("schemes/demo/demo.grading.json: level gold (三星) needs category A > 100 %"
                        + " (levels[2].conditions[2]), but a percentage is from 0 to 100: no assessment can reach gold");
        assertThat(broken("demo.grading.json", replace("\"where\": { \"rectified\": false }, \"atMost\": 0",
                "\"where\": { \"rectified\": false }, \"below\": 0")).getMessage())
                .endsWith("needs majorComplaint (rectified=false) in the 24 months before onSiteDate < 0"
                        + " (levels[2].conditions[5]), but a count of events is 0 or more: no assessment can reach gold");
    }

    @Test
    void conditionsOfOneLevelThatNoFigureMeetsAtOnceAreRefused() {
        // a total of 9 of 10 is 90 %: below 85 % it cannot be
        assertThat(broken("demo.grading.json", replace("{ \"fact\": \"S\", \"atLeast\": 90 },",
                "{ \"fact\": \"S\", \"atLeast\": 90 }, { \"figure\": \"percent\", \"below\": 85 },"))
                .getMessage()).isEqualTo("schemes/demo/demo.grading.json: level gold (三星) needs both total ≥ 9"
                        + " (levels[2].conditions[0]) and percentage < 85 % (levels[2].conditions[5]), which no figure"
                        + " meets at once: no assessment can reach gold");
        assertThat(broken("demo.grading.json", replace("{ \"fact\": \"S\", \"atLeast\": 90 },",
                "{ \"fact\": \"S\", \"atLeast\": 90 }, { \"fact\": \"S\", \"below\": 90 },")).getMessage())
                .contains("needs both S ≥ 90 (levels[2].conditions[4]) and S < 90 (levels[2].conditions[5])");
        assertThat(broken("demo.grading.json", replace("{ \"fact\": \"S\", \"atLeast\": 90 },",
                "{ \"fact\": \"S\", \"atLeast\": 90 }, { \"fact\": \"audit\", \"equals\": \"failed\" },"))
                .getMessage()).contains("needs both audit = passed (levels[2].conditions[3]) and audit = failed");
    }

    @Test
    void aLevelEasierThanTheOneBelowItIsRefused() {
        // silver at 95 %, gold at a total of 9 of 10 (90 %): gold can be reached without silver
        assertThat(broken("demo.grading.json", replace("{ \"figure\": \"percent\", \"atLeast\": 80 }",
                "{ \"figure\": \"percent\", \"atLeast\": 95 }")).getMessage())
                .isEqualTo("schemes/demo/demo.grading.json: levels are listed from the lowest to the highest, but level"
                        + " gold (三星) does not require percentage ≥ 95 % (levels[1].conditions[0]), which level silver"
                        + " (二星) below it does, so an assessment reaching gold need not reach silver. Require it, at"
                        + " least as strictly, in gold");
        // a band (a level with a ceiling) is refused with what to do: with silver also needing S ≥ 85, a
        // total of 9 and S 50 would reach neither gold (below its 90) nor silver (above its ceiling)
        assertThat(broken("demo.grading.json", replace("{ \"figure\": \"percent\", \"atLeast\": 80 }",
                "{ \"figure\": \"percent\", \"atLeast\": 80 }, { \"figure\": \"percent\", \"below\": 90 }"))
                .getMessage()).endsWith("does not require percentage < 90 % (levels[1].conditions[1]), which level"
                        + " silver (二星) below it does, so an assessment reaching gold need not reach silver. Drop that"
                        + " bound from silver: the grade is the highest level whose conditions all hold, so a level"
                        + " needs no ceiling (with one, an assessment above it that misses gold reaches no level)");
        // a total of 9 of 10 is 90 %: it requires silver's 80 %, so the unchanged table loads (theUnchangedDemoLoads)
        assertThat(broken("demo.grading.json", replace("{ \"fact\": \"S\", \"atLeast\": 90 }",
                "{ \"fact\": \"S\", \"atLeast\": 84.9 }")).getMessage())
                .contains("gold (三星) does not require S ≥ 85 (levels[1].conditions[3])");
    }

    @Test
    void everyCategoryIsRequiredByEachCategoryAboveIt() throws IOException {
        // gold's every-category 50 % is met by A > 90 and B ≥ 60 together (C carries no points)
        assertThat(load("demo.grading.json", replace("\"atLeast\": 9 }, { \"figure\": \"categoryPercent\","
                + " \"category\": \"*\", \"atLeast\": 50 }", "\"atLeast\": 9 }, { \"figure\": \"categoryPercent\","
                + " \"category\": \"B\", \"atLeast\": 60 }"))
                .variants().get(0).grading().levels()).hasSize(3);
    }

    @Test
    void aConditionOnAChecklistCategoryWouldAlwaysHoldAndIsRefused() {
        assertThat(broken("demo.grading.json", replace("\"category\": \"A\", \"above\": 90",
                "\"category\": \"C\", \"above\": 90")).getMessage())
                .isEqualTo("schemes/demo/demo.grading.json: level gold (三星) needs category C > 90 %"
                        + " (levels[2].conditions[2]), but category C carries no points (a checklist): its share is not"
                        + " measured, so the condition would always hold. Put it on a category with points, or on the"
                        + " items' results");
    }

    @Test
    void aStrayKeyBesidePartOrMonthsBetweenIsRefused() {
        assertThat(broken("demo.grading.json", replace("{ \"fact\": \"S\", \"atLeast\": 85 }",
                "{ \"monthsBetween\": [\"onSiteDate\", \"onSiteDate\"], \"fact\": \"S\", \"atLeast\": 0 }"))
                .getMessage()).endsWith("a condition names exactly one of 'figure', 'fact', 'count', 'monthsBetween',"
                        + " 'part' and 'expression'");
    }

    @Test
    void aChecklistNestedInAScoredCategory() {
        LocatedException e = broken("demo.catalog.json", replace("\"id\": \"A\", \"title\": \"甲\", \"titleEn\": \"Alpha\","
                + " \"points\": 6,", "\"id\": \"A\", \"title\": \"甲\", \"titleEn\": \"Alpha\", \"points\": 6,"
                + " \"categories\": [ { \"id\": \"A.9\", \"title\": \"核查\", \"titleEn\": \"Checks\", \"checklist\": true,"
                + " \"clauses\": [ { \"id\": \"A.9.1\", \"title\": \"核一\", \"titleEn\": \"Check one\" } ] } ],"));
        // it named no file before (a NullPointerException while the points were summed)
        assertThat(e.getMessage()).isEqualTo("schemes/demo/demo.catalog.json: category A.9 carries no points (a"
                + " checklist) but is inside category A, which is scored by its clauses: put the checklist at the top"
                + " level, or make A scored as a whole");
    }

    @Test
    void childrenMustAddUpToTheirCategory() {
        assertThat(broken("demo.catalog.json", replace("\"points\": 3,", "\"points\": 2.5,")).getMessage())
                .isEqualTo("schemes/demo/demo.catalog.json: category A declares 6 points but its clauses and"
                        + " sub-categories add up to 5.5");
    }

    @Test
    void categoriesMustAddUpToTheDeclaredTotal() {
        assertThat(broken("demo.catalog.json", replace("\"totalPoints\": 10", "\"totalPoints\": 11")).getMessage())
                .isEqualTo("schemes/demo/demo.catalog.json:1:1: the top-level categories add up to 10 points, but"
                        + " totalPoints is 11");
    }

    @Test
    void idsMustBeUnique() {
        assertThat(broken("demo.catalog.json", replace("\"id\": \"A.4\"", "\"id\": \"A.3\"")).getMessage())
                .isEqualTo("schemes/demo/demo.catalog.json: id A.3 appears more than once");
    }

    @Test
    void unknownKeysAreNamedWithTheirPlace() {
        LocatedException e = broken("demo.catalog.json", replace("\"points\": 2,", "\"pionts\": 2,"));
        assertThat(e.getMessage()).startsWith("schemes/demo/demo.catalog.json:9:")
                .contains("categories[0].clauses[0]: unknown key 'pionts' (did you mean 'points'?)");
    }

    @Test
    void pointsAreNeverNegative() {
        assertThat(broken("demo.catalog.json", replace("\"points\": 0.5 },", "\"points\": -0.5 },")).problem())
                .isEqualTo("categories[0].clauses[2].points: 'points' must not be negative: -0.5");
    }

    @Test
    void checklistItemsCarryNoPoints() {
        assertThat(broken("demo.catalog.json", replace("\"title\": \"检查二\",", "\"title\": \"检查二\", \"points\": 1,"))
                .problem()).isEqualTo("categories[1].clauses[0].points: clause B.2 is a checklist item, so it carries no"
                        + " points of its own (the standard gives points only per category, or none)");
    }

    @Test
    void aFigureIsComparedWithANumber() {
        assertThat(broken("demo.grading.json", replace("{ \"figure\": \"total\", \"atLeast\": 9 }",
                "{ \"figure\": \"total\", \"equals\": \"high\" }")).getMessage())
                .isEqualTo("schemes/demo/demo.grading.json: level gold compares a number (total) with the word 'high';"
                        + " give a number");
        assertThat(broken("demo.grading.json", replace("\"where\": { \"rectified\": false }, \"atMost\": 0",
                "\"where\": { \"rectified\": false }, \"equals\": \"none\"")).getMessage())
                .isEqualTo("schemes/demo/demo.grading.json: level gold compares a number (count) with the word"
                        + " 'none'; give a number");
    }

    @Test
    void gradingMayOnlyNameCategoriesTheCatalogHas() {
        assertThat(broken("demo.grading.json", replace("\"category\": \"A\"", "\"category\": \"Z\"")).getMessage())
                .isEqualTo("schemes/demo/demo.grading.json: level gold names category Z, which the catalog does not have");
    }

    @Test
    void factConditionsMustFitTheDeclaredFacts() {
        assertThat(broken("demo.grading.json", replace("\"equals\": \"passed\"", "\"equals\": \"pass\"")).problem())
                .isEqualTo("level bronze expects fact 'audit' to be 'pass', which is not one of its values (passed, failed):"
                        + " the level could never be reached");
        assertThat(broken("demo.grading.json", replace("{ \"fact\": \"S\", \"atLeast\": 85 }",
                "{ \"fact\": \"audit\", \"atLeast\": 85 }")).problem())
                .isEqualTo("level silver compares fact 'audit' with a number, but it is a choice");
        assertThat(broken("demo.grading.json", replace("\"before\": \"onSiteDate\"", "\"before\": \"S\"")).problem())
                .isEqualTo("level gold counts from fact 'S', which is not a date");
        assertThat(broken("demo.grading.json", replace("\"fact\": \"audit\", \"equals\": \"passed\" } ] },",
                "\"fact\": \"audits\", \"equals\": \"passed\" } ] },")).problem())
                .isEqualTo("level bronze uses fact 'audits', which its variant does not declare");
    }

    @Test
    void aCycleIsReadAndChecked() throws IOException {
        String cycle = "\"evaluationDate\": \"onSiteDate\",\n      \"cycle\": { \"surveillanceMonths\": 12,"
                + " \"reevaluationMonths\": 36, \"extraEvaluationAfter\": [\"majorComplaint\"], \"regrading\":"
                + " \"new-grade\", \"source\": \"DEMO 4.4\" }";
        var read = load("scheme.json", replace("\"evaluationDate\": \"onSiteDate\"", cycle)).variants().get(0).cycle();
        assertThat(read).isEqualTo(new io.github.aftersales.spi.CertificationCycle(12, 36, List.of("majorComplaint"),
                io.github.aftersales.spi.CertificationCycle.Regrading.NEW_GRADE, "DEMO 4.4"));
        assertThat(load("none", x -> x).variants().get(0).cycle()).isNull();
        assertThat(broken("scheme.json", replace("\"evaluationDate\": \"onSiteDate\"", cycle.replace("\"new-grade\"",
                "\"raise\""))).problem()).isEqualTo("variants[0].cycle.regrading: regrading is keep-or-downgrade or new-grade, not 'raise'");
        assertThat(broken("scheme.json", replace("\"evaluationDate\": \"onSiteDate\"", cycle.replace("[\"majorComplaint\"]",
                "[\"flood\"]"))).problem()).isEqualTo("variants[0].cycle.extraEvaluationAfter: 'flood' is not a declared event type");
        assertThat(broken("scheme.json", replace("\"evaluationDate\": \"onSiteDate\"", cycle.replace(
                "\"surveillanceMonths\": 12", "\"surveillanceMonths\": 0"))).problem())
                .isEqualTo("variants[0].cycle.surveillanceMonths: surveillanceMonths must be 1 to 120, not 0");
    }

    @Test
    void aStartDateIsADeclaredDateFactOtherThanTheEvaluationDate() throws IOException {
        String start = "\"evaluationDate\": \"onSiteDate\", \"startDate\": \"%s\"";
        assertThat(broken("scheme.json", replace("\"evaluationDate\": \"onSiteDate\"", start.formatted("S"))).problem())
                .isEqualTo("variants[0].startDate: startDate 'S' must be a declared date fact other than evaluationDate");
        assertThat(broken("scheme.json", replace("\"evaluationDate\": \"onSiteDate\"", start.formatted("onSiteDate")))
                .problem()).startsWith("variants[0].startDate: startDate 'onSiteDate' must be");
        assertThat(load("none", x -> x).variants().get(0).inputs().startDate()).isNull();
    }

    @Test
    void levelsGoFromLowestToHighest() {
        assertThat(broken("demo.grading.json", replace("\"stars\": 3", "\"stars\": 1")).problem())
                .isEqualTo("levels are listed from the lowest to the highest, but gold has 1 stars after a level with 2");
    }

    @Test
    void aConditionNeedsAComparison() {
        assertThat(broken("demo.grading.json", replace("\"atLeast\": 60", "\"least\": 60")).problem())
                .startsWith("levels[0].conditions[0]: unknown key 'least' (did you mean 'atLeast'?)");
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThat(broken("scheme.json", replace("\"demo.catalog.json\"", "\"nothere.json\"")).getMessage())
                .isEqualTo("schemes/demo/nothere.json: resource not found on the scheme's class path");
    }

    @Test
    void malformedJsonInACatalogNamesTheLine() {
        LocatedException e = broken("demo.catalog.json", replace("\"totalPoints\": 10,", "\"totalPoints\": 10,,"));
        assertThat(e.getMessage()).startsWith("schemes/demo/demo.catalog.json:4:").contains("malformed JSON");
    }

    @Test
    void theSchemeRecordsRejectNullsToo() {
        assertThatThrownBy(() -> new io.github.aftersales.spi.Clause(null, "t", "t", null, java.util.List.of(), false,
                null, null)).isInstanceOf(NullPointerException.class).hasMessage("id is null");
    }
}
