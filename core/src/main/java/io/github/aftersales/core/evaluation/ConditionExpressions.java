package io.github.aftersales.core.evaluation;

import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.FunctionIfc;
import com.ezylang.evalex.functions.FunctionParameterDefinition;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.ParseException;
import com.ezylang.evalex.parser.Token;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.DerivedFigure;
import io.github.aftersales.spi.GradingTable;
import io.github.aftersales.spi.Inputs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expressions that give true or false: the {@code expression} conditions of levels and the
 * {@code conformsWhen} of items a grading table decides. EvalEx reads the text into a tree; the tree is
 * then type-checked here against what the variant has (numbers, true/false, a choice fact's words) and
 * worked out here, on exact decimals, naming each value it read so a result explains itself.
 *
 * <p>The language: numbers, {@code 'text'} (only as a function's argument or compared with a choice
 * fact), {@code + - * / %}, {@code ^} with a whole exponent 0 to 99 written as a number, comparisons
 * {@code < <= > >= == !=}, {@code && || !}, {@code true false}, the functions {@code IF MIN MAX ABS
 * ROUND FLOOR CEILING}, and the names and reference functions {@link Scope} lists. No loops, no
 * assignments, no text operations, no clock, no randomness: an expression is worked out in one pass
 * over its tree, in time bounded by its length.
 */
public final class ConditionExpressions {

    /** What a part of an expression gives. */
    public enum Type {
        NUMBER("a number"), BOOLEAN("true or false"), WORD("a word");

        private final String words;

        Type(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /** The functions that read the assessment, each with its arguments (written as text or numbers). */
    public static final Map<String, String> REFERENCES = Map.of(
            "CATEGORYPERCENT", "CATEGORYPERCENT('B.6'): a category's score / its applicable points × 100",
            "CATEGORYSCORE", "CATEGORYSCORE('B.6'): a category's score",
            "CONFORMS", "CONFORMS('B.6.3.2'): whether a clause or checklist item is stated (or decided) conform",
            "NOTCONFORMING", "NOTCONFORMING('B.6'): the number of clauses and checklist items under a category that"
                    + " do not conform",
            "EVENTS", "EVENTS('majorComplaint', 24, 'onSiteDate'): the events of a type dated in the 24 months"
                    + " ending on a date fact, both ends included");

    /** The functions that work on values. */
    public static final Set<String> FUNCTIONS = Set.of("IF", "MIN", "MAX", "ABS", "ROUND", "FLOOR", "CEILING");

    private static final FunctionIfc ANY_ARGUMENTS = new FunctionIfc() {
        private final List<FunctionParameterDefinition> parameters = List.of(
                FunctionParameterDefinition.builder().name("argument").isVarArg(true).build());

        @Override
        public List<FunctionParameterDefinition> getFunctionParameterDefinitions() {
            return parameters;
        }

        @Override
        public EvaluationValue evaluate(Expression expression, Token functionToken, EvaluationValue... parameterValues) {
            throw new UnsupportedOperationException("worked out by ConditionExpressions, not EvalEx");
        }

        @Override
        public void validatePreEvaluation(Token token, EvaluationValue... parameterValues) {
        }

        @Override
        public boolean hasVarArgs() {
            return true;
        }
    };

    private static final ExpressionConfiguration CONFIGURATION;

    static {
        MapBasedFunctionDictionary functions = new MapBasedFunctionDictionary();
        FUNCTIONS.forEach(f -> functions.addFunction(f, ANY_ARGUMENTS));
        REFERENCES.keySet().forEach(f -> functions.addFunction(f, ANY_ARGUMENTS));
        CONFIGURATION = ExpressionConfiguration.builder()
                .functionDictionary(functions)
                .defaultConstants(Map.of())
                .arraysAllowed(false)
                .structuresAllowed(false)
                .implicitMultiplicationAllowed(false)
                .singleQuoteStringLiteralsAllowed(true)
                .build();
    }

    private ConditionExpressions() {
    }

    /**
     * What the expressions of one variant's grading table may name: the figures {@code score},
     * {@code applicable}, {@code total}, {@code percent}; the variant's number facts (numbers) and
     * choice facts (words); the table's derived figures (numbers); and, through the reference
     * functions, its catalog's categories and items and its event types.
     */
    public static final class Scope {
        final Map<String, Type> names = new LinkedHashMap<>();
        final Map<String, List<String>> words = new java.util.HashMap<>();
        final Set<String> dates = new java.util.HashSet<>();
        final Map<String, DerivedFigure> derived = new java.util.HashMap<>();
        final Set<String> scored = new java.util.HashSet<>();
        final Set<String> categories = new java.util.HashSet<>();
        final Set<String> items = new java.util.HashSet<>();
        final Set<String> events = new java.util.HashSet<>();

        /** The scope of a variant's table. */
        public static Scope of(Catalog catalog, Inputs inputs, GradingTable table) {
            Scope s = new Scope();
            for (String f : FigureExpressions.FIGURES) {
                s.names.put(f, Type.NUMBER);
            }
            for (Inputs.FactSpec f : inputs.facts()) {
                switch (f.type()) {
                    case CHOICE -> {
                        s.names.put(f.name(), Type.WORD);
                        s.words.put(f.name(), f.values());
                    }
                    case DATE -> s.dates.add(f.name());
                    default -> s.names.put(f.name(), Type.NUMBER);
                }
            }
            for (DerivedFigure d : table.figures()) {
                s.names.put(d.id(), Type.NUMBER);
                s.derived.put(d.id(), d);
            }
            for (Category c : catalog.allCategories()) {
                s.categories.add(c.id());
                if (c.points() != null) {
                    s.scored.add(c.id());
                }
            }
            catalog.clauses().forEach(c -> s.items.add(c.id()));
            // a category scored as a whole takes a result too, and a checklist group under one is an item
            catalog.allCategories().forEach(c -> s.items.add(c.id()));
            inputs.events().forEach(e -> s.events.add(e.type()));
            return s;
        }
    }

    /** Why an expression cannot be used or worked out, in words that name the place in it. */
    public static final class Problem extends Exception {
        public Problem(String message) {
            super(message, null, false, false);
        }
    }

    /** An expression read into its tree. */
    record Parsed(String text, ASTNode root) {
    }

    /**
     * How deeply an expression may nest (docs/catalog-format.md, "Expression conditions"): brackets inside
     * brackets, and operators or functions inside one another ({@code a + b + c} is two deep). The checks and
     * the evaluation walk the tree by recursion, so a deeper one is refused when its scheme loads rather than
     * let a thread's stack decide.
     */
    public static final int MAX_DEPTH = 32;

    /** Refuses brackets nested deeper than {@link #MAX_DEPTH}, counted on the text before it is parsed. */
    static void checkBrackets(String text) throws Problem {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' && ++depth > MAX_DEPTH) {
                throw new Problem("brackets are nested more than " + MAX_DEPTH + " deep (at character " + (i + 1)
                        + "); at most " + MAX_DEPTH + ": give a long sum or comparison as derived figures");
            } else if (c == ')') {
                depth--;
            }
        }
    }

    /** Refuses a tree deeper than {@link #MAX_DEPTH} operators and functions, measured without recursion. */
    static void checkDepth(ASTNode root) throws Problem {
        java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
        stack.push(new Object[] {root, 1});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            ASTNode n = (ASTNode) top[0];
            int depth = (Integer) top[1];
            if (n.getParameters().isEmpty()) {
                continue;
            }
            if (depth > MAX_DEPTH) {
                throw new Problem("it nests more than " + MAX_DEPTH + " operators and functions inside one another"
                        + " (at character " + n.getToken().getStartPosition() + "); at most " + MAX_DEPTH
                        + ": give a long sum or comparison as derived figures");
            }
            for (ASTNode p : n.getParameters()) {
                stack.push(new Object[] {p, depth + 1});
            }
        }
    }

    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    static Parsed parse(String text) throws Problem {
        Parsed p = PARSED.get(text);
        if (p != null) {
            return p;
        }
        checkBrackets(text);
        try {
            p = new Parsed(text, new Expression(text, CONFIGURATION).getAbstractSyntaxTree());
            checkDepth(p.root());
        } catch (ParseException e) {
            String where = e.getStartPosition() > 0 ? " at character " + e.getStartPosition() : "";
            throw new Problem((e.getMessage() == null ? "it cannot be read" : e.getMessage()) + where);
        }
        PARSED.putIfAbsent(text, p);
        return p;
    }

    /**
     * Checks an expression when its scheme loads: it reads, names only what {@code scope} has, and
     * each operator and function gets the types it takes; the whole gives true or false.
     *
     * @return the names of facts and derived figures it reads, sorted
     */
    public static Set<String> check(String text, Scope scope) throws Problem {
        ASTNode root = parse(text).root();
        Set<String> names = new TreeSet<>();
        Type t = new Checker(scope, names).type(root);
        if (t != Type.BOOLEAN) {
            throw new Problem("it gives " + t + ", not true or false: compare it with a threshold"
                    + (t == Type.NUMBER ? " (" + render(root) + " >= …)" : ""));
        }
        return names;
    }

    private record Checker(Scope scope, Set<String> names) {

        Type type(ASTNode n) throws Problem {
            Token t = n.getToken();
            String v = t.getValue();
            List<ASTNode> args = n.getParameters();
            switch (t.getType()) {
                case NUMBER_LITERAL -> {
                    number(t);
                    return Type.NUMBER;
                }
                case STRING_LITERAL -> {
                    return Type.WORD;
                }
                case VARIABLE_OR_CONSTANT -> {
                    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                        return Type.BOOLEAN;
                    }
                    Type type = scope.names.get(v);
                    if (type == null) {
                        throw new Problem(unknownName(v));
                    }
                    if (!FigureExpressions.FIGURES.contains(v)) {
                        names.add(v);
                    }
                    return type;
                }
                case PREFIX_OPERATOR -> {
                    Type a = type(args.get(0));
                    Type wanted = v.equals("!") ? Type.BOOLEAN : Type.NUMBER;
                    if (a != wanted) {
                        throw new Problem("'" + v + "' at character " + t.getStartPosition() + " takes " + wanted
                                + ", but " + render(args.get(0)) + " is " + a);
                    }
                    return a;
                }
                case INFIX_OPERATOR -> {
                    return infix(n, t, v, args);
                }
                case FUNCTION -> {
                    return function(t, v.toUpperCase(Locale.ROOT), args);
                }
                default -> throw new Problem("'" + v + "' at character " + t.getStartPosition()
                        + " is not part of the language");
            }
        }

        private Type infix(ASTNode n, Token t, String op, List<ASTNode> args) throws Problem {
            ASTNode left = args.get(0);
            ASTNode right = args.get(1);
            switch (op) {
                case "+", "-", "*", "/", "%" -> {
                    operands(t, op, Type.NUMBER, left, right);
                    return Type.NUMBER;
                }
                case "^" -> {
                    operands(t, op, Type.NUMBER, left, right);
                    if (!wholeExponent(right)) {
                        throw new Problem("'^' at character " + t.getStartPosition() + " needs a whole number from 0 to "
                                + FigureExpressions.MAX_EXPONENT + " as its exponent, written as a number: a power is"
                                + " exact only then");
                    }
                    return Type.NUMBER;
                }
                case "<", "<=", ">", ">=" -> {
                    operands(t, op, Type.NUMBER, left, right);
                    return Type.BOOLEAN;
                }
                case "&&", "||" -> {
                    operands(t, op, Type.BOOLEAN, left, right);
                    return Type.BOOLEAN;
                }
                case "==", "=", "!=", "<>" -> {
                    Type a = type(left);
                    Type b = type(right);
                    if (a != b) {
                        throw new Problem("'" + op + "' at character " + t.getStartPosition() + " compares "
                                + render(left) + ", " + a + ", with " + render(right) + ", " + b + ": they are never equal");
                    }
                    if (a == Type.WORD) {
                        word(left, right, t);
                        word(right, left, t);
                    }
                    return Type.BOOLEAN;
                }
                default -> throw new Problem("'" + op + "' at character " + t.getStartPosition()
                        + " is not an operator expressions may use");
            }
        }

        /** A word compared with a choice fact is one of its values; two words written as text are refused. */
        private void word(ASTNode literal, ASTNode other, Token at) throws Problem {
            if (literal.getToken().getType() != Token.TokenType.STRING_LITERAL) {
                return;
            }
            if (other.getToken().getType() != Token.TokenType.VARIABLE_OR_CONSTANT) {
                throw new Problem("'" + at.getValue() + "' at character " + at.getStartPosition()
                        + " compares two words written in the expression");
            }
            List<String> values = scope.words.get(other.getToken().getValue());
            if (!values.contains(literal.getToken().getValue())) {
                throw new Problem("'" + literal.getToken().getValue() + "' is not one of the values of fact "
                        + other.getToken().getValue() + " (" + String.join(", ", values) + ")");
            }
        }

        private void operands(Token t, String op, Type wanted, ASTNode... operands) throws Problem {
            for (ASTNode o : operands) {
                Type a = type(o);
                if (a != wanted) {
                    throw new Problem("'" + op + "' at character " + t.getStartPosition() + " takes " + wanted
                            + ", but " + render(o) + " is " + a);
                }
            }
        }

        private Type function(Token t, String f, List<ASTNode> args) throws Problem {
            String at = f + " at character " + t.getStartPosition();
            switch (f) {
                case "IF" -> {
                    count(at, args, 3);
                    Type c = type(args.get(0));
                    if (c != Type.BOOLEAN) {
                        throw new Problem(at + " takes true or false first, but " + render(args.get(0)) + " is " + c);
                    }
                    Type a = type(args.get(1));
                    Type b = type(args.get(2));
                    if (a != b || a == Type.WORD) {
                        throw new Problem(at + " gives " + a + " in one case and " + b + " in the other");
                    }
                    return a;
                }
                case "MIN", "MAX" -> {
                    if (args.isEmpty()) {
                        throw new Problem(at + " needs at least one number");
                    }
                    for (ASTNode a : args) {
                        numberArgument(at, a);
                    }
                    return Type.NUMBER;
                }
                case "ABS", "FLOOR", "CEILING" -> {
                    count(at, args, 1);
                    numberArgument(at, args.get(0));
                    return Type.NUMBER;
                }
                case "ROUND" -> {
                    count(at, args, 2);
                    numberArgument(at, args.get(0));
                    whole(at, args.get(1), 0, 34, "its decimals");
                    return Type.NUMBER;
                }
                case "CATEGORYPERCENT", "CATEGORYSCORE" -> {
                    count(at, args, 1);
                    String id = text(at, args.get(0), "a category's id");
                    if (!scope.scored.contains(id)) {
                        throw new Problem(at + " names category '" + id + "', which "
                                + (scope.categories.contains(id) ? "carries no points (a checklist): its "
                                        + (f.equals("CATEGORYSCORE") ? "score" : "share") + " is not measured"
                                        : "the catalog does not have"));
                    }
                    return Type.NUMBER;
                }
                case "NOTCONFORMING" -> {
                    count(at, args, 1);
                    String id = text(at, args.get(0), "a category's id");
                    if (!scope.categories.contains(id)) {
                        throw new Problem(at + " names category '" + id + "', which the catalog does not have");
                    }
                    return Type.NUMBER;
                }
                case "CONFORMS" -> {
                    count(at, args, 1);
                    String id = text(at, args.get(0), "a clause's id");
                    if (!scope.items.contains(id)) {
                        throw new Problem(at + " names '" + id + "', which is not a clause or item of the catalog");
                    }
                    return Type.BOOLEAN;
                }
                case "EVENTS" -> {
                    count(at, args, 3);
                    String type = text(at, args.get(0), "an event type");
                    if (!scope.events.contains(type)) {
                        throw new Problem(at + " counts events '" + type + "', a type its variant does not declare"
                                + (scope.events.isEmpty() ? "" : " (" + String.join(", ", new TreeSet<>(scope.events))
                                        + ")"));
                    }
                    whole(at, args.get(1), 1, 1200, "its window in months");
                    String date = text(at, args.get(2), "a date fact");
                    if (!scope.dates.contains(date)) {
                        throw new Problem(at + " counts back from '" + date + "', which is not a date fact its variant"
                                + " declares");
                    }
                    return Type.NUMBER;
                }
                default -> throw new Problem(at + " is not a function expressions may call ("
                        + String.join(", ", new TreeSet<>(FUNCTIONS)) + ", " + String.join(", ",
                                new TreeSet<>(REFERENCES.keySet())) + ")");
            }
        }

        private void numberArgument(String at, ASTNode a) throws Problem {
            Type t = type(a);
            if (t != Type.NUMBER) {
                throw new Problem(at + " takes numbers, but " + render(a) + " is " + t);
            }
        }

        private static void count(String at, List<ASTNode> args, int n) throws Problem {
            if (args.size() != n) {
                throw new Problem(at + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", not " + args.size());
            }
        }

        private static String text(String at, ASTNode a, String what) throws Problem {
            if (a.getToken().getType() != Token.TokenType.STRING_LITERAL) {
                throw new Problem(at + " takes " + what + " written as text ('…'), not " + render(a));
            }
            return a.getToken().getValue();
        }

        private static void whole(String at, ASTNode a, int low, int high, String what) throws Problem {
            if (a.getToken().getType() == Token.TokenType.NUMBER_LITERAL) {
                BigDecimal n = number(a.getToken());
                if (n.stripTrailingZeros().scale() <= 0 && n.compareTo(BigDecimal.valueOf(low)) >= 0
                        && n.compareTo(BigDecimal.valueOf(high)) <= 0) {
                    return;
                }
            }
            throw new Problem(at + " takes " + what + " as a whole number from " + low + " to " + high
                    + ", written as a number, not " + render(a));
        }

        private String unknownName(String v) {
            if (scope.dates.contains(v)) {
                return v + " is a date: count events back from it with EVENTS, or compare months with a monthsBetween"
                        + " condition";
            }
            for (String known : scope.names.keySet()) {
                if (known.equalsIgnoreCase(v)) {
                    return "it names " + v + ", which is not a name here; did you mean " + known + "?";
                }
            }
            return "it names " + v + ", which is neither a figure (" + String.join(", ", new TreeSet<>(FigureExpressions.FIGURES))
                    + "), a fact its variant declares, nor a figure its table derives"
                    + (scope.derived.isEmpty() ? "" : " (" + String.join(", ", new TreeSet<>(scope.derived.keySet())) + ")");
        }
    }

    private static BigDecimal number(Token t) throws Problem {
        try {
            return new BigDecimal(t.getValue());
        } catch (NumberFormatException e) {
            throw new Problem("'" + t.getValue() + "' at character " + t.getStartPosition() + " is not a decimal number");
        }
    }

    private static boolean wholeExponent(ASTNode node) {
        if (node.getToken().getType() != Token.TokenType.NUMBER_LITERAL) {
            return false;
        }
        try {
            BigDecimal n = new BigDecimal(node.getToken().getValue());
            return n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0
                    && n.compareTo(BigDecimal.valueOf(FigureExpressions.MAX_EXPONENT)) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A part of an expression written again, every inner operation in brackets: what a message quotes. */
    static String render(ASTNode n) {
        Token t = n.getToken();
        List<ASTNode> args = n.getParameters();
        return switch (t.getType()) {
            case STRING_LITERAL -> "'" + t.getValue() + "'";
            case PREFIX_OPERATOR -> t.getValue() + inner(args.get(0));
            case INFIX_OPERATOR -> inner(args.get(0)) + " " + t.getValue() + " " + inner(args.get(1));
            case FUNCTION -> t.getValue() + "(" + String.join(", ", args.stream().map(ConditionExpressions::render)
                    .toList()) + ")";
            default -> t.getValue();
        };
    }

    private static String inner(ASTNode n) {
        return n.getToken().getType() == Token.TokenType.INFIX_OPERATOR ? "(" + render(n) + ")" : render(n);
    }

    /**
     * An expression over facts alone, checked against their types: what the benchmarks measure (the
     * language's own cost, without an assessment around it) and what a test can work out by hand.
     */
    public static Checked checked(String text, Map<String, Type> facts) throws Problem {
        Scope scope = new Scope();
        scope.names.putAll(facts);
        check(text, scope);
        return new Checked(parse(text).root());
    }

    /** An expression {@link #checked} accepted. */
    public record Checked(ASTNode root) {
        /** Its value for these facts (numbers as {@link BigDecimal}, words as text): true or false. */
        public Object evaluate(Map<String, ?> facts) throws Problem {
            return value(root, new Values() {
                @Override
                public BigDecimal figure(String name) {
                    return null;
                }

                @Override
                public Object fact(String name) {
                    return facts.get(name);
                }

                @Override
                public BigDecimal derived(String id) {
                    throw new UnsupportedOperationException(id);
                }

                @Override
                public BigDecimal categoryPercent(String id) {
                    throw new UnsupportedOperationException(id);
                }

                @Override
                public BigDecimal categoryScore(String id) {
                    throw new UnsupportedOperationException(id);
                }

                @Override
                public boolean conforms(String id) {
                    throw new UnsupportedOperationException(id);
                }

                @Override
                public int notConforming(String id) {
                    throw new UnsupportedOperationException(id);
                }

                @Override
                public int events(String type, int months, String before) {
                    throw new UnsupportedOperationException(type);
                }
            }, new java.util.HashMap<>(4));
        }
    }

    /** What an evaluation reads from the assessment; each method is asked only what the expression names. */
    interface Values {
        BigDecimal figure(String name);

        /** A stated fact: a number or a word. */
        Object fact(String name);

        /** A derived figure's value. */
        BigDecimal derived(String id) throws Problem;

        BigDecimal categoryPercent(String id);

        BigDecimal categoryScore(String id);

        boolean conforms(String id);

        int notConforming(String id);

        int events(String type, int months, String before);
    }

    /**
     * Works out an expression that {@link #check} accepted, and writes down each value it read
     * ({@code read}: what it reads as, e.g. {@code CONFORMS('B.6.3.2')} → its value), in order.
     *
     * @throws Problem when it cannot be worked out for these values (a division by zero)
     */
    static Object value(ASTNode n, Values values, Map<String, Object> read) throws Problem {
        Token t = n.getToken();
        String v = t.getValue();
        List<ASTNode> args = n.getParameters();
        switch (t.getType()) {
            case NUMBER_LITERAL:
                return new BigDecimal(v);
            case STRING_LITERAL:
                return v;
            case VARIABLE_OR_CONSTANT: {
                if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(v.equalsIgnoreCase("true"));
                }
                Object value = FigureExpressions.FIGURES.contains(v) ? values.figure(v) : null;
                if (value == null) {
                    Object fact = values.fact(v);
                    value = fact != null ? fact : values.derived(v);
                }
                read.putIfAbsent(v, value);
                return value;
            }
            case PREFIX_OPERATOR: {
                Object a = value(args.get(0), values, read);
                return switch (v) {
                    case "!" -> !(Boolean) a;
                    case "-" -> ((BigDecimal) a).negate();
                    default -> a;
                };
            }
            case INFIX_OPERATOR:
                return infix(t, v, args, values, read);
            case FUNCTION:
                return function(t, v.toUpperCase(Locale.ROOT), args, values, read);
            default:
                throw new IllegalStateException("checked when its scheme loaded: " + v);
        }
    }

    private static Object infix(Token t, String op, List<ASTNode> args, Values values, Map<String, Object> read)
            throws Problem {
        if (op.equals("&&") || op.equals("||")) {
            boolean a = (Boolean) value(args.get(0), values, read);
            if (op.equals("&&") ? !a : a) {
                return a;
            }
            return value(args.get(1), values, read);
        }
        Object a = value(args.get(0), values, read);
        Object b = value(args.get(1), values, read);
        switch (op) {
            case "==", "=":
                return equal(a, b);
            case "!=", "<>":
                return !equal(a, b);
            default:
                break;
        }
        BigDecimal x = (BigDecimal) a;
        BigDecimal y = (BigDecimal) b;
        try {
            return switch (op) {
                case "+" -> x.add(y, FigureExpressions.PRECISION);
                case "-" -> x.subtract(y, FigureExpressions.PRECISION);
                case "*" -> x.multiply(y, FigureExpressions.PRECISION);
                case "/", "%" -> {
                    if (y.signum() == 0) {
                        throw new Problem("division by zero at character " + t.getStartPosition());
                    }
                    yield op.equals("/") ? x.divide(y, FigureExpressions.PRECISION)
                            : x.remainder(y, FigureExpressions.PRECISION);
                }
                case "^" -> {
                    if (x.signum() == 0 && y.signum() == 0) {
                        yield BigDecimal.ONE;
                    }
                    yield x.pow(y.intValueExact(), FigureExpressions.PRECISION);
                }
                case "<" -> x.compareTo(y) < 0;
                case "<=" -> x.compareTo(y) <= 0;
                case ">" -> x.compareTo(y) > 0;
                case ">=" -> x.compareTo(y) >= 0;
                default -> throw new IllegalStateException("checked when its scheme loaded: " + op);
            };
        } catch (ArithmeticException e) {
            throw new Problem(e.getMessage() == null ? "cannot be worked out" : e.getMessage());
        }
    }

    private static boolean equal(Object a, Object b) {
        return a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : a.equals(b);
    }

    private static Object function(Token t, String f, List<ASTNode> args, Values values, Map<String, Object> read)
            throws Problem {
        switch (f) {
            case "IF":
                return (Boolean) value(args.get(0), values, read) ? value(args.get(1), values, read)
                        : value(args.get(2), values, read);
            case "MIN", "MAX": {
                BigDecimal best = null;
                for (ASTNode a : args) {
                    BigDecimal x = (BigDecimal) value(a, values, read);
                    best = best == null || (f.equals("MIN") ? x.compareTo(best) < 0 : x.compareTo(best) > 0) ? x : best;
                }
                return best;
            }
            case "ABS":
                return ((BigDecimal) value(args.get(0), values, read)).abs();
            case "FLOOR":
                return ((BigDecimal) value(args.get(0), values, read)).setScale(0, RoundingMode.FLOOR);
            case "CEILING":
                return ((BigDecimal) value(args.get(0), values, read)).setScale(0, RoundingMode.CEILING);
            case "ROUND":
                return ((BigDecimal) value(args.get(0), values, read)).setScale(
                        new BigDecimal(args.get(1).getToken().getValue()).intValueExact(), RoundingMode.HALF_UP);
            default:
                break;
        }
        String first = args.get(0).getToken().getValue();
        Object value = switch (f) {
            case "CATEGORYPERCENT" -> values.categoryPercent(first);
            case "CATEGORYSCORE" -> values.categoryScore(first);
            case "CONFORMS" -> values.conforms(first);
            case "NOTCONFORMING" -> BigDecimal.valueOf(values.notConforming(first));
            case "EVENTS" -> BigDecimal.valueOf(values.events(first,
                    new BigDecimal(args.get(1).getToken().getValue()).intValueExact(), args.get(2).getToken().getValue()));
            default -> throw new IllegalStateException("checked when its scheme loaded: " + f);
        };
        read.putIfAbsent(render(new ASTNode(t, args.toArray(ASTNode[]::new))), value);
        return value;
    }

    /** The tree of an expression its scheme's loading checked. */
    static ASTNode root(String text) {
        try {
            return parse(text).root();
        } catch (Problem e) {
            throw new IllegalStateException("expression " + text + " was checked when its scheme loaded", e);
        }
    }

    /**
     * For {@code x >= 97} (a comparison with a number written on its right): the comparison as a
     * built-in condition states it, to explain it in the same words; {@code null} for any other node.
     */
    static io.github.aftersales.spi.Comparison threshold(ASTNode n) {
        Token t = n.getToken();
        if (t.getType() != Token.TokenType.INFIX_OPERATOR
                || n.getParameters().get(1).getToken().getType() != Token.TokenType.NUMBER_LITERAL) {
            return null;
        }
        io.github.aftersales.spi.Comparison.Operator op = switch (t.getValue()) {
            case ">=" -> io.github.aftersales.spi.Comparison.Operator.AT_LEAST;
            case ">" -> io.github.aftersales.spi.Comparison.Operator.ABOVE;
            case "<=" -> io.github.aftersales.spi.Comparison.Operator.AT_MOST;
            case "<" -> io.github.aftersales.spi.Comparison.Operator.BELOW;
            case "==", "=" -> io.github.aftersales.spi.Comparison.Operator.EQUALS;
            default -> null;
        };
        return op == null ? null : io.github.aftersales.spi.Comparison.of(op,
                new BigDecimal(n.getParameters().get(1).getToken().getValue()));
    }

    /**
     * The facts an expression its scheme's loading checked reads, directly or through the derived
     * figures it names, sorted.
     */
    static Set<String> facts(String text, GradingTable table) {
        Set<String> facts = new TreeSet<>();
        collect(root(text), table, facts);
        return facts;
    }

    private static void collect(ASTNode n, GradingTable table, Set<String> facts) {
        Token t = n.getToken();
        if (t.getType() == Token.TokenType.VARIABLE_OR_CONSTANT && !t.getValue().equalsIgnoreCase("true")
                && !t.getValue().equalsIgnoreCase("false") && !FigureExpressions.FIGURES.contains(t.getValue())) {
            var derived = table.figure(t.getValue());
            if (derived.isPresent()) {
                try {
                    for (String name : FigureExpressions.names(derived.get().expression())) {
                        if (!FigureExpressions.FIGURES.contains(name)) {
                            facts.add(name);
                        }
                    }
                } catch (FigureExpressions.Problem e) {
                    throw new IllegalStateException("figure " + t.getValue() + " was checked when its scheme loaded", e);
                }
            } else {
                facts.add(t.getValue());
            }
        }
        for (ASTNode p : n.getParameters()) {
            collect(p, table, facts);
        }
    }

    /** The conjuncts of {@code a && b && c}, or the node itself. */
    static List<ASTNode> conjuncts(ASTNode n) {
        List<ASTNode> all = new ArrayList<>();
        if (n.getToken().getType() == Token.TokenType.INFIX_OPERATOR && n.getToken().getValue().equals("&&")) {
            all.addAll(conjuncts(n.getParameters().get(0)));
            all.addAll(conjuncts(n.getParameters().get(1)));
        } else {
            all.add(n);
        }
        return all;
    }
}
