package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

/**
 * A figure a grading table works out from the assessment's own figures and stated number facts,
 * with an expression, for conditions that compare it like any other figure ("complaint resolution
 * rate ≥ 97 %": {@code complaintsResolved / complaintsReceived * 100}).
 *
 * <p>The expression is arithmetic on exact decimals ({@code + - * / ^}, parentheses, comparisons,
 * {@code && || !}, and the functions {@code IF MIN MAX ABS ROUND FLOOR CEILING}); it names
 * {@code score}, {@code applicable}, {@code total}, {@code percent} and the number facts its variant
 * declares. It has no loops, no side effects and nothing that varies between runs, so a figure is the
 * same wherever and whenever it is worked out. The platform checks it when the scheme loads.
 *
 * @param id         what conditions name it by ({@code "figure": "resolutionRate"}); not a built-in figure's key
 * @param name       how results name it, e.g. {@code 顾客投诉解决率}
 * @param nameEn     the same in English, e.g. {@code complaint resolution rate}
 * @param expression how it is worked out
 * @param unit       what is printed after it ({@code %}), or empty
 *
 * @since 0.2
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public record DerivedFigure(String id, String name, String nameEn, String expression, String unit) {

    public DerivedFigure {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(nameEn, "nameEn is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(unit, "unit is null");
        for (Condition.Figure builtIn : Condition.Figure.values()) {
            if (builtIn.key().equals(id)) {
                throw new IllegalArgumentException("'" + id + "' is a built-in figure; give the derived figure another id");
            }
        }
    }
}
