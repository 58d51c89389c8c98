package io.github.aftersales.core.evaluation;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.FunctionIfc;
import com.ezylang.evalex.functions.basic.AbsFunction;
import com.ezylang.evalex.functions.basic.CeilingFunction;
import com.ezylang.evalex.functions.basic.FloorFunction;
import com.ezylang.evalex.functions.basic.IfFunction;
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.functions.basic.RoundFunction;
import com.ezylang.evalex.parser.ParseException;
import io.github.aftersales.spi.DerivedFigure;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The expressions of derived figures ({@link DerivedFigure}), parsed once and worked out on exact
 * decimals. The language is EvalEx's, cut down to what gives the same figure on every run: arithmetic,
 * comparisons, boolean operators and the functions {@code IF MIN MAX ABS ROUND FLOOR CEILING} (no
 * random numbers, no clock, no strings, no arrays or structures, no implicit multiplication). A
 * quotient that does not end is carried to 34 significant digits (IEEE 754 decimal128), so a
 * comparison with a threshold of a few decimals is decided as the exact value would decide it.
 */
public final class FigureExpressions {

    /** The names every expression may use besides its variant's number facts. */
    public static final Set<String> FIGURES = Set.of("score", "applicable", "total", "percent");

    /** The functions an expression may call. */
    public static final Set<String> FUNCTIONS = Set.of("IF", "MIN", "MAX", "ABS", "ROUND", "FLOOR", "CEILING");

    /** 34 significant digits, as IEEE 754 decimal128, rounding half up (四舍五入, and ROUND's rounding). */
    static final MathContext PRECISION = new MathContext(34, java.math.RoundingMode.HALF_UP);

    /** The largest whole exponent {@code ^} takes: a power is exact only with a whole exponent, and bounded. */
    static final int MAX_EXPONENT = 99;

    @SuppressWarnings("unchecked")
    private static final ExpressionConfiguration CONFIGURATION = ExpressionConfiguration.builder()
            .functionDictionary(MapBasedFunctionDictionary.ofFunctions(
                    Map.<String, FunctionIfc>entry("IF", new IfFunction()),
                    Map.<String, FunctionIfc>entry("MIN", new MinFunction()),
                    Map.<String, FunctionIfc>entry("MAX", new MaxFunction()),
                    Map.<String, FunctionIfc>entry("ABS", new AbsFunction()),
                    Map.<String, FunctionIfc>entry("ROUND", new RoundFunction()),
                    Map.<String, FunctionIfc>entry("FLOOR", new FloorFunction()),
                    Map.<String, FunctionIfc>entry("CEILING", new CeilingFunction())))
            .defaultConstants(Map.of("TRUE", EvaluationValue.booleanValue(true),
                    "FALSE", EvaluationValue.booleanValue(false)))
            .mathContext(PRECISION)
            .arraysAllowed(false)
            .structuresAllowed(false)
            .implicitMultiplicationAllowed(false)
            .singleQuoteStringLiteralsAllowed(false)
            .build();

    /** Parsed expressions by their text; a copy of one is evaluated, so threads never share its values. */
    private static final Map<String, Expression> PARSED = new ConcurrentHashMap<>();

    private FigureExpressions() {
    }

    /** Why an expression cannot be used, in words that name the place in it. */
    public static final class Problem extends Exception {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Checks an expression when its scheme loads: it parses, names only {@code allowed} names and
     * the functions above, and gives a number when every name is 1.
     *
     * @return the names it uses, sorted
     */
    public static Set<String> check(String expression, Set<String> allowed) throws Problem {
        Expression parsed = parsed(expression);
        Set<String> used;
        try {
            used = new TreeSet<>(parsed.getUsedVariables());
            for (var node : parsed.getAllASTNodes()) {
                var token = node.getToken();
                if (token.getType() == com.ezylang.evalex.parser.Token.TokenType.FUNCTION
                        && !FUNCTIONS.contains(token.getValue().toUpperCase(java.util.Locale.ROOT))) {
                    throw new Problem("'" + token.getValue() + "' at character " + token.getStartPosition()
                            + " is not a function expressions may call (" + String.join(", ", new TreeSet<>(FUNCTIONS)) + ")");
                }
                if (token.getType() == com.ezylang.evalex.parser.Token.TokenType.INFIX_OPERATOR
                        && token.getValue().equals("^") && !wholeExponent(node.getParameters().get(1))) {
                    throw new Problem("'^' at character " + token.getStartPosition() + " needs a whole number from 0 to "
                            + MAX_EXPONENT + " as its exponent, written as a number: a power is exact only then");
                }
                if (token.getType() == com.ezylang.evalex.parser.Token.TokenType.STRING_LITERAL) {
                    throw new Problem("\"" + token.getValue() + "\" at character " + token.getStartPosition()
                            + " is text; a figure is worked out from numbers");
                }
            }
        } catch (ParseException e) {
            throw problem(e);
        }
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new Problem("it names " + String.join(", ", unknown) + ", which "
                    + (unknown.size() == 1 ? "is" : "are") + " neither a figure (" + String.join(", ", new TreeSet<>(FIGURES))
                    + ") nor a number fact its variant declares");
        }
        // worked out once with a different prime for each name, to see that it gives a number; one it cannot
        // work out for these values (a divisor that is zero here) is not refused: for an assessment it meets
        // no threshold, and says why
        java.util.Map<String, BigDecimal> primes = new java.util.HashMap<>();
        int[] prime = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97};
        int i = 0;
        for (String n : used) {
            primes.put(n, BigDecimal.valueOf(prime[i++ % prime.length]));
        }
        EvaluationValue v;
        try {
            v = evaluate(parsed, primes);
        } catch (BaseException | ArithmeticException e) {
            return used;
        }
        if (!v.isNumberValue()) {
            throw new Problem("it gives " + (v.isBooleanValue() ? "true or false" : "a " + v.getDataType()
                    .name().toLowerCase(java.util.Locale.ROOT)) + ", not a number");
        }
        return used;
    }

    /**
     * Works out an expression that {@link #check} accepted.
     *
     * @param values a value for each name it uses
     * @throws Problem when it cannot be worked out for these values (a division by zero)
     */
    static BigDecimal value(String expression, Map<String, BigDecimal> values) throws Problem {
        try {
            EvaluationValue v = evaluate(parsed(expression), values);
            if (!v.isNumberValue()) {
                throw new Problem("it gives " + v.getDataType().name().toLowerCase(java.util.Locale.ROOT) + ", not a number");
            }
            return v.getNumberValue();
        } catch (BaseException e) {
            throw problem(e);
        } catch (ArithmeticException e) {
            // BigDecimal's own refusals (a power of zero to a negative exponent, an overflow)
            throw new Problem(e.getMessage() == null ? "cannot be worked out" : e.getMessage());
        }
    }

    /** Whether a node is a whole number from 0 to {@link #MAX_EXPONENT}, written as a number. */
    private static boolean wholeExponent(com.ezylang.evalex.parser.ASTNode node) {
        if (node.getToken().getType() != com.ezylang.evalex.parser.Token.TokenType.NUMBER_LITERAL) {
            return false;
        }
        try {
            BigDecimal n = new BigDecimal(node.getToken().getValue());
            return n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0 && n.compareTo(BigDecimal.valueOf(MAX_EXPONENT)) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The names each parsed expression uses, sorted; worked out once. */
    private static final Map<String, Set<String>> NAMES = new ConcurrentHashMap<>();

    /** The names an expression that {@link #check} accepted uses, sorted. */
    static Set<String> names(String expression) throws Problem {
        Set<String> names = NAMES.get(expression);
        if (names == null) {
            try {
                names = java.util.Collections.unmodifiableSet(new TreeSet<>(parsed(expression).getUsedVariables()));
            } catch (ParseException e) {
                throw problem(e);
            }
            NAMES.putIfAbsent(expression, names);
        }
        return names;
    }

    /**
     * Each thread's own copy of each parsed expression: a copy holds the values it is given, so threads
     * never share one, and a thread reuses its copy (every name the expression uses is given again
     * each time, so no value of an earlier evaluation is left to read).
     */
    private static final ThreadLocal<Map<Expression, Expression>> COPIES =
            ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    private static EvaluationValue evaluate(Expression parsed, Map<String, BigDecimal> values) throws BaseException {
        Map<Expression, Expression> copies = COPIES.get();
        Expression e = copies.get(parsed);
        if (e == null) {
            e = new Expression(parsed);
            copies.put(parsed, e);
        }
        for (Map.Entry<String, BigDecimal> v : values.entrySet()) {
            e.with(v.getKey(), v.getValue());
        }
        return e.evaluate();
    }

    private static Expression parsed(String expression) throws Problem {
        Expression e = PARSED.get(expression);
        if (e != null) {
            return e;
        }
        try {
            ConditionExpressions.checkBrackets(expression);
        } catch (ConditionExpressions.Problem p) {
            throw new Problem(p.getMessage());
        }
        e = new Expression(expression, CONFIGURATION);
        try {
            try {
                ConditionExpressions.checkDepth(e.getAbstractSyntaxTree());
            } catch (ConditionExpressions.Problem p) {
                throw new Problem(p.getMessage());
            }
            e.validate();
        } catch (ParseException x) {
            throw problem(x);
        }
        PARSED.putIfAbsent(expression, e);
        return e;
    }

    private static Problem problem(BaseException e) {
        String message = e.getMessage();
        String where = e.getStartPosition() > 0 ? " at character " + e.getStartPosition() : "";
        if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("division by zero")) {
            return new Problem("division by zero" + where);
        }
        return new Problem((message == null ? "cannot be read" : message) + where);
    }
}
