package io.github.aftersales.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.Decimals;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.spi.CatalogVisitor;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Scheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The DMN model of the GB/T 27922 form ({@code dmn/gbt27922-form.dmn}, run by KIE's DMN engine, and its inline
 * encoding {@code dmn/gbt27922-form-inline.dmn}) gives the grade the platform gives, and the same total: the same figure as printed (cut to 2 decimals) and the same to the
 * platform's 16 significant digits. On generated forms (2,000 here, 100,000 in {@link DmnPeerThoroughTest}) and on
 * forms at the band boundaries worked out by hand from form.catalog.json and form.grading.json.
 */
class DmnPeerTest {

    static final DmnGrading DMN = new DmnGrading(DmnGrading.Model.TABLE);
    static final DmnGrading INLINE = new DmnGrading(DmnGrading.Model.INLINE);
    static final Evaluator PLATFORM = new Evaluator(Book.REGISTRY::find, Book.REGISTRY.ids());

    // generated forms, both ways: DmnPeerThoroughTest (100,000; KIE takes about 7 ms a form with its decision table,
    // so even a few hundred are more than the quick loop's few seconds)

    /** Grades {@code count} generated forms both ways; returns how many forms each grade got (for the record). */
    static Map<String, Integer> assertSameOnGenerated(int count, long seed) {
        Map<String, Integer> grades = new TreeMap<>();
        int prorated = 0;
        int sampled = 0;
        for (Assessment a : DmnBenchmark.forms(count, seed)) {
            SchemeResult platform = PLATFORM.evaluate(a, EvaluationOptions.DEFAULTS).results().get(0);
            DmnGrading.Input input = DmnGrading.input(a.parts().get(0));
            assertSame(a.source(), platform, DMN.grade(input));
            assertSame(a.source() + " (inline)", platform, INLINE.grade(input));
            grades.merge(String.valueOf(platform.gradeId()), 1, Integer::sum);
            prorated += platform.excluded().isEmpty() ? 0 : 1;
            sampled += input.findings().stream().anyMatch(f -> f.get("checked") != null) ? 1 : 0;
        }
        // the book has every grade, forms with a clause prorated and forms scored on samples
        assertThat(grades).containsKeys("null", "qualified", "three-star", "four-star", "five-star");
        assertThat(prorated).isGreaterThan(count / 100);
        assertThat(sampled).isGreaterThan(count / 10);
        return grades;
    }

    static void assertSame(String form, SchemeResult platform, DmnGrading.Grade dmn) {
        assertThat(dmn.level()).as(form + " grade").isEqualTo(platform.gradeId());
        assertThat(dmn.stars()).as(form + " stars").isEqualTo(platform.stars());
        assertThat(dmn.shownTotal()).as(form + " total as printed").isEqualByComparingTo(Decimals.shown(platform.total()));
        // the platform's total is its exact quotient to 16 significant digits, cut towards zero
        assertThat(dmn.total().round(new MathContext(16, RoundingMode.DOWN))).as(form + " total")
                .isEqualByComparingTo(platform.total());
    }

    // ---- forms at the boundaries, worked out by hand from form.catalog.json (points) and form.grading.json (bands)

    @Test
    void everyClauseConforming() {
        // 50 rows, 100 points
        assertBoth(form(Map.of()), "five-star", "100");
    }

    @Test
    void exactly95() {
        // 5.3.1.4 (5 points) does not conform: 100 - 5 = 95 >= 95
        assertBoth(form(Map.of("5.3.1.4", "{\"result\": \"not-conform\"}")), "five-star", "95");
    }

    @Test
    void aThousandthBelow95() {
        // and 5.1.1.1 (1 point) scored 0.999: 100 - 5 - 0.001 = 94.999, printed 94.99 (cut), four stars
        assertBoth(form(Map.of("5.3.1.4", "{\"result\": \"not-conform\"}", "5.1.1.1", "{\"score\": 0.999}")),
                "four-star", "94.99");
    }

    @Test
    void exactly95ProratedFromThirds() {
        // 5.2.1.4 (1 point) not applicable: 99 applicable points. 5.3.2.2 (7) on samples, 1 of 3 not conforming:
        // 7 x 2/3 = 14/3, loses 7/3; 5.3.1.4 (5), the same: loses 5/3; 5.3.1.3 (3) scored 2.05: loses 0.95.
        // Score 99 - 7/3 - 5/3 - 0.95 = 99 - 4 - 0.95 = 94.05 of 99; total 94.05 x 100 / 99 = 95 exactly.
        // Both engines hold 7/3 and 5/3 exactly (times the sample scale, 3 and 9 in the DMN model's product of counts).
        assertBoth(form(Map.of(
                "5.2.1.4", "{\"result\": \"not-applicable\", \"note\": \"no marking required\"}",
                "5.3.2.2", "{\"samples\": {\"checked\": 3, \"nonConforming\": 1}}",
                "5.3.1.4", "{\"samples\": {\"checked\": 3, \"nonConforming\": 1}}",
                "5.3.1.3", "{\"score\": 2.05}")), "five-star", "95");
    }

    @Test
    void aHairBelow95Prorated() {
        // as above, and 5.1.1.1 (1 point) scored 0.999999999999: score 94.049999999999 of 99,
        // total 94.049999999999 x 100 / 99 = 95 - 0.0000000001 / 99 = 94.99999999999898989…, printed 94.99
        assertBoth(form(Map.of(
                "5.2.1.4", "{\"result\": \"not-applicable\", \"note\": \"no marking required\"}",
                "5.3.2.2", "{\"samples\": {\"checked\": 3, \"nonConforming\": 1}}",
                "5.3.1.4", "{\"samples\": {\"checked\": 3, \"nonConforming\": 1}}",
                "5.3.1.3", "{\"score\": 2.05}",
                "5.1.1.1", "{\"score\": 0.999999999999}")), "four-star", "94.99");
    }

    @Test
    void theFormExampleProratedAndAtFullPoints() {
        // examples/gbt27922-form.json: 5.2.5.5 (2 points) not applicable, 7 points lost of the other 98;
        // prorate: 91 x 100 / 98 = 92.857142…, printed 92.85; full points: 91 + 2 = 93 of 100
        Assessment example = read(readExample(), "gbt27922-form.json");
        assertBoth(example, "four-star", "92.85");
        SchemeResult atFullPoints = PLATFORM.evaluate(example, new EvaluationOptions(
                io.github.aftersales.spi.NotApplicablePolicy.FULL_POINTS, false)).results().get(0);
        DmnGrading.Grade dmn = DMN.grade(new DmnGrading.Input(DmnGrading.input(example.parts().get(0)).findings(),
                "full-points"));
        assertSame("full points", atFullPoints, dmn);
        assertThat(dmn.shownTotal()).isEqualByComparingTo("93");
        assertSame("full points (inline)", atFullPoints, INLINE.grade(new DmnGrading.Input(
                DmnGrading.input(example.parts().get(0)).findings(), "full-points")));
    }

    @Test
    void theLowestBand() {
        // 5.3.1 (15), 5.3.2 (10) and 5.1.2.2 (5) do not conform: 100 - 30 = 70, qualified (two stars)
        Map<String, String> thirtyLost = new java.util.HashMap<>();
        for (String id : List.of("5.3.1.1", "5.3.1.2", "5.3.1.3", "5.3.1.4", "5.3.1.5", "5.3.2.1", "5.3.2.2",
                "5.3.2.3", "5.1.2.2")) {
            thirtyLost.put(id, "{\"result\": \"not-conform\"}");
        }
        assertBoth(form(thirtyLost), "qualified", "70");
        // and 5.1.1.1 scored 0.99: 69.99, not rated
        thirtyLost.put("5.1.1.1", "{\"score\": 0.99}");
        assertBoth(form(thirtyLost), null, "69.99");
    }

    /** Both engines give the grade and the printed total worked out by hand. */
    private static void assertBoth(Assessment form, String grade, String shownTotal) {
        SchemeResult platform = PLATFORM.evaluate(form, EvaluationOptions.DEFAULTS).results().get(0);
        DmnGrading.Grade dmn = DMN.grade(DmnGrading.input(form.parts().get(0)));
        assertThat(platform.gradeId()).as("platform").isEqualTo(grade);
        assertThat(Decimals.shown(platform.total())).as("platform").isEqualByComparingTo(shownTotal);
        assertSame(form.source(), platform, dmn);
        assertSame(form.source() + " (inline)", platform, INLINE.grade(DmnGrading.input(form.parts().get(0))));
    }

    /** A form whose clauses all conform, except those given (clause id to the finding's other fields, as JSON). */
    private static Assessment form(Map<String, String> findings) {
        Scheme gbt = Book.REGISTRY.find("gbt27922").orElseThrow();
        List<String> parts = new ArrayList<>();
        gbt.variant("form").orElseThrow().catalog().walk(new CatalogVisitor() {
            @Override
            public void clause(Clause clause, List<Category> parents) {
                String other = findings.getOrDefault(clause.id(), "{\"result\": \"conform\"}");
                parts.add("{\"id\": \"" + clause.id() + "\", " + other.substring(1));
            }
        });
        assertThat(parts).hasSize(51).containsAll(findings.keySet().stream().map(id -> "{\"id\": \"" + id + "\", "
                + findings.get(id).substring(1)).toList());
        return read("{\"organisation\": \"边界\", \"schemes\": [{\"scheme\": \"gbt27922\", \"variant\": \"form\","
                + " \"findings\": [" + String.join(", ", parts) + "]}]}", "boundary.json");
    }

    private static String readExample() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("..", "examples", "gbt27922-form.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Assessment read(String json, String name) {
        try {
            return AssessmentReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name,
                    LocatedReader.Syntax.JSON);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
