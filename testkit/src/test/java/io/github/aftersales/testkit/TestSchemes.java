package io.github.aftersales.testkit;

import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.GradingTable;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.util.List;

/**
 * Schemes written directly against the SPI (no resources), one good and one for each contract rule
 * a scheme can break. The good one: category A (6 points: A.1 = 2, A.2 = 4, A.2 may be excluded),
 * levels one star at 50 %, two stars at 80 %.
 */
final class TestSchemes {

    private TestSchemes() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Clause clause(String id, String points, boolean asksApplicability) {
        return new Clause(id, "条款 " + id, "clause " + id, d(points), List.of(), asksApplicability, null, null);
    }

    static Catalog catalog(String categoryPoints, Clause... clauses) {
        return new Catalog("目录", "catalog", d(categoryPoints), List.of(new Category("A", "甲", "Alpha", d(categoryPoints),
                Category.Scoring.BY_CLAUSES, List.of(), List.of(clauses))), false, List.of());
    }

    static Condition percentAtLeast(String p) {
        return new Condition.OnFigure(Condition.Figure.PERCENT, null, Comparison.of(Comparison.Operator.AT_LEAST, d(p)));
    }

    static GradingTable grading(Level... levels) {
        return new GradingTable(List.of(levels), new GradingTable.LevelName("无", "none"));
    }

    static Level level(String id, int stars, Condition... conditions) {
        return new Level(id, id, id, stars, List.of(conditions));
    }

    static GradingTable goodGrading() {
        return grading(level("one", 1, percentAtLeast("50")), level("two", 2, percentAtLeast("80")));
    }

    static Variant mainVariant(Catalog catalog, GradingTable grading) {
        return new Variant("main", "主表", "main", catalog, grading, NotApplicablePolicy.PRORATE, false, List.of(),
                Inputs.NONE, null);
    }

    /** A scheme from a variant; the subclasses below are the good one and the broken ones. */
    abstract static class Simple implements Scheme {
        @Override
        public String id() {
            return getClass().getSimpleName().toLowerCase();
        }

        @Override
        public String version() {
            return "TEST-1";
        }

        @Override
        public String title() {
            return "测试";
        }

        @Override
        public String titleEn() {
            return "test";
        }
    }

    /** Keeps its contract; registered in this module's test META-INF/services. */
    public static final class Good extends Simple {
        @Override
        public List<Variant> variants() {
            return List.of(mainVariant(catalog("6", clause("A.1", "2", false), clause("A.2", "4", true)), goodGrading()));
        }
    }

    /** Keeps its contract but is not listed in META-INF/services. */
    public static final class Unregistered extends Simple {
        @Override
        public List<Variant> variants() {
            return new Good().variants();
        }
    }

    /** A.1 + A.2 = 5, but the category declares 6. */
    public static final class BadSums extends Simple {
        @Override
        public List<Variant> variants() {
            Catalog c = new Catalog("目录", "catalog", d("6"), List.of(new Category("A", "甲", "Alpha", d("6"),
                    Category.Scoring.BY_CLAUSES, List.of(), List.of(clause("A.1", "2", false), clause("A.2", "3", false)))),
                    false, List.of());
            return List.of(mainVariant(c, goodGrading()));
        }
    }

    /** A.1 twice. */
    public static final class DuplicateIds extends Simple {
        @Override
        public List<Variant> variants() {
            return List.of(mainVariant(catalog("6", clause("A.1", "2", false), clause("A.1", "4", false)), goodGrading()));
        }
    }

    /** Its two-star threshold changes on every call. */
    public static final class Moody extends Simple {
        private int calls;

        @Override
        public List<Variant> variants() {
            calls++;
            return List.of(mainVariant(catalog("6", clause("A.1", "2", false), clause("A.2", "4", true)),
                    grading(level("one", 1, percentAtLeast("0")), level("two", 2, percentAtLeast(calls % 2 == 0 ? "0" : "100")))));
        }
    }

    /** Two stars below 50 %, one star from 50 %: more points, fewer stars. */
    public static final class Upside extends Simple {
        @Override
        public List<Variant> variants() {
            Condition atMostHalf = new Condition.OnFigure(Condition.Figure.PERCENT, null,
                    Comparison.of(Comparison.Operator.AT_MOST, d("50")));
            return List.of(mainVariant(catalog("6", clause("A.1", "2", false), clause("A.2", "4", true)),
                    grading(level("one", 1, percentAtLeast("0")), level("two", 2, atMostHalf))));
        }
    }

    /** Grades on the raw score, so excluding a clause costs a level even at 100 %. */
    public static final class RawScore extends Simple {
        @Override
        public List<Variant> variants() {
            Condition six = new Condition.OnFigure(Condition.Figure.SCORE, null, Comparison.of(Comparison.Operator.AT_LEAST, d("6")));
            return List.of(mainVariant(catalog("6", clause("A.1", "2", false), clause("A.2", "4", true)),
                    grading(level("one", 1, percentAtLeast("0")), level("two", 2, six))));
        }
    }

    /** Points with 13 decimals: the catalog adds up, but no assessment file can carry them. */
    public static final class Unwritable extends Simple {
        @Override
        public List<Variant> variants() {
            return List.of(mainVariant(catalog("1", clause("A.1", "0.3333333333333", false),
                    clause("A.2", "0.6666666666667", false)), goodGrading()));
        }
    }

    /**
     * Its not-applicable reading's default is full-points while the variant scores prorate, and it declares a
     * reading no parameter takes.
     */
    public static final class BadReadings extends Simple {
        @Override
        public List<Variant> variants() {
            io.github.aftersales.spi.Reading na = new io.github.aftersales.spi.Reading("badreadings.notApplicable",
                    "what an inapplicable clause is worth", "TEST 1", "", "", "", "full-points", List.of(
                            new io.github.aftersales.spi.Reading.Alternative("prorate", "left out"),
                            new io.github.aftersales.spi.Reading.Alternative("full-points", "its points")));
            io.github.aftersales.spi.Reading unused = new io.github.aftersales.spi.Reading("badreadings.unused",
                    "nothing", "TEST 2", "", "", "months", "12", List.of(
                            new io.github.aftersales.spi.Reading.Alternative("12", "a year"),
                            new io.github.aftersales.spi.Reading.Alternative("none", "no window")));
            return List.of(new Variant("main", "主表", "main", catalog("6", clause("A.1", "2", false),
                    clause("A.2", "4", true)), goodGrading(), NotApplicablePolicy.PRORATE, false, List.of(), Inputs.NONE,
                    null, null, List.of(na, unused), na.key()));
        }
    }
}
