package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A condition of a grade {@link Level}: one measured figure compared with a threshold.
 *
 * @since 0.1
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Condition
        permits Condition.OnFigure, Condition.OnFact, Condition.OnEventCount, Condition.OnPart, Condition.OnDuration,
        Condition.OnDerivedFigure, Condition.OnExpression {

    /** How the measured value must compare. */
    Comparison comparison();

    /**
     * Hands this condition to the visitor's method for its kind. Each kind calls its own method, so
     * a kind added here does not compile until {@link Visitor} has a method for it, and then no
     * visitor compiles until it handles the kind: the platform's grading is a visitor.
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * Something done for each kind of condition; the platform implements it (grading, validation).
     *
     * @param <R> what it makes of a condition
     */
    interface Visitor<R> {
        R figure(OnFigure condition);

        R fact(OnFact condition);

        R eventCount(OnEventCount condition);

        R part(OnPart condition);

        R duration(OnDuration condition);

        /** @since 0.2 */
        R derivedFigure(OnDerivedFigure condition);

        /** @since 0.2 */
        R expression(OnExpression condition);
    }

    /** The figures the scoring engine measures. */
    enum Figure {
        /** The score on the catalog's declared scale (prorated when clauses were excluded). */
        TOTAL("total"),
        /** The raw score. */
        SCORE("score"),
        /** Score / applicable points × 100. */
        PERCENT("percent"),
        /** A category's score / its applicable points × 100. */
        CATEGORY_PERCENT("categoryPercent"),
        /** In a combining variant: the sum of its parts' stars. */
        PART_STARS("partStars");

        private final String key;

        Figure(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The category id (or part) that means "every top-level category" (or every part). */
    String EVERY_TOP_LEVEL_CATEGORY = "*";

    /**
     * A condition on a figure the scoring engine measures.
     *
     * @param figure     the figure
     * @param category   for {@link Figure#CATEGORY_PERCENT}: a category id, or {@code *} for every
     *                   top-level category; otherwise {@code null}
     * @param comparison the comparison
     */
    record OnFigure(Figure figure, String category, Comparison comparison) implements Condition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.figure(this);
        }

        public OnFigure {
            requireNonNull(figure, "figure is null");
            requireNonNull(comparison, "comparison is null");
            if ((figure == Figure.CATEGORY_PERCENT) != (category != null)) {
                throw new IllegalArgumentException(
                        "figure " + figure.key() + (category == null ? " needs a category" : " takes no category"));
            }
        }
    }

    /**
     * A condition on a fact the assessment states (an audit outcome, a survey figure).
     *
     * @param fact       the fact's name, e.g. {@code S}
     * @param comparison the comparison
     */
    record OnFact(String fact, Comparison comparison) implements Condition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fact(this);
        }

        public OnFact {
            requireNonNull(fact, "fact is null");
            requireNonNull(comparison, "comparison is null");
        }
    }

    /**
     * A condition on the number of events of one type dated in a window that ends on a date the
     * assessment states (e.g. major complaints in the 24 months before the on-site evaluation).
     *
     * @param eventType    the event type, e.g. {@code majorComplaint}
     * @param withinMonths the length of the window in months
     * @param before       the name of the date fact the window ends on
     * @param where        attribute values an event must have to count (e.g. {@code rectified=false})
     * @param comparison   the comparison of the count
     * @param reading      the key of the {@link Reading} (in months) that gives the window, or {@code null}
     *                     when the window is fixed; {@code withinMonths} is then that reading's default
     *                     (since 0.2)
     */
    record OnEventCount(
            String eventType, int withinMonths, String before, Map<String, String> where,
            Comparison comparison, String reading) implements Condition {

        /** A condition whose window is fixed. */
        public OnEventCount(String eventType, int withinMonths, String before, Map<String, String> where,
                Comparison comparison) {
            this(eventType, withinMonths, before, where, comparison, null);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.eventCount(this);
        }

        public OnEventCount {
            requireNonNull(eventType, "eventType is null");
            requireNonNull(before, "before is null");
            where = Map.copyOf(where);
            requireNonNull(comparison, "comparison is null");
            if (withinMonths <= 0) {
                throw new IllegalArgumentException("withinMonths must be positive");
            }
        }
    }

    /**
     * In a combining variant: a condition on the result of one of its parts, or of every part.
     *
     * @param part       a scheme id among the parts, or {@code *} for every part
     * @param figure     what is compared: {@link PartFigure#PASSED} (a level was reached, compared with
     *                   {@code equals: true}) or {@link PartFigure#STARS}
     * @param comparison the comparison
     */
    record OnPart(String part, PartFigure figure, Comparison comparison) implements Condition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.part(this);
        }

        public OnPart {
            requireNonNull(part, "part is null");
            requireNonNull(figure, "figure is null");
            requireNonNull(comparison, "comparison is null");
        }
    }

    /** What a {@link OnPart} condition compares. */
    enum PartFigure {
        PASSED("passed"),
        STARS("stars");

        private final String key;

        PartFigure(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * A condition on the whole months between two date facts (e.g. the organisation has operated for
     * at least 12 months before the on-site evaluation).
     *
     * @param from       the earlier date fact, e.g. {@code operatingSince}
     * @param to         the later date fact, e.g. {@code onSiteDate}
     * @param comparison the comparison of the months
     */
    record OnDuration(String from, String to, Comparison comparison) implements Condition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.duration(this);
        }

        public OnDuration {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            requireNonNull(comparison, "comparison is null");
        }
    }

    /**
     * A condition on a figure its grading table derives ({@link GradingTable#figures()}).
     *
     * @param figure     the derived figure's id
     * @param comparison the comparison, on a number
     *
     * @since 0.2
     */
    record OnDerivedFigure(String figure, Comparison comparison) implements Condition {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.derivedFigure(this);
        }

        public OnDerivedFigure {
            requireNonNull(figure, "figure is null");
            requireNonNull(comparison, "comparison is null");
            if (comparison.number() == null) {
                throw new IllegalArgumentException("figure " + figure + " is a number; compare it with a number, not '"
                        + comparison.word() + "'");
            }
        }
    }

    /**
     * A condition written as an expression that gives true or false, over the names the platform
     * documents (the figures, the variant's facts, the table's derived figures, categories' scores and
     * shares, clause results, event counts in windows); for a rule no other kind states ("at least 30
     * sampled records and B.6.3.2 conforms"). The language has no loops and no side effects; the
     * platform type-checks the expression when the scheme loads and refuses it, naming the file, the
     * level and the expression, when a name is unknown or a type is wrong.
     *
     * <p>Unlike the other kinds it is not one figure against one threshold: a tool that needs a
     * figure and a threshold (a plan of what would reach a level) should treat it as a rule it cannot
     * act on, and show it. Its {@link #comparison()} is {@code equals: true}, the expression's value.
     *
     * @param expression the expression, e.g. {@code resolutionRate >= 97 && sampled >= 30}
     * @param name       how results name the rule, e.g. {@code 抽样记录足够}; empty to show the expression
     * @param nameEn     the same in English; empty to show the expression
     *
     * @since 0.2
     */
    record OnExpression(String expression, String name, String nameEn) implements Condition {

        /** The value the expression is compared with. */
        private static final Comparison TRUE = Comparison.equalsWord("true");

        /** A rule shown by its expression. */
        public OnExpression(String expression) {
            this(expression, "", "");
        }

        public OnExpression {
            requireNonNull(expression, "expression is null");
            requireNonNull(name, "name is null");
            requireNonNull(nameEn, "nameEn is null");
            if (expression.isBlank()) {
                throw new IllegalArgumentException("an expression condition needs an expression");
            }
        }

        @Override
        public Comparison comparison() {
            return TRUE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.expression(this);
        }
    }
}
