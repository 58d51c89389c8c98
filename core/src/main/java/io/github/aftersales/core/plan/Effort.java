package io.github.aftersales.core.plan;

import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each change costs, in days, from an effort file (JSON, or YAML for .yaml/.yml):
 * <pre>
 * { "default": 1,
 *   "categories": { "B.4": 2, "zg025/5": 3 },
 *   "clauses": { "B.4.2": 5, "gbt27922/4.2": 0.5 },
 *   "facts": { "S": 30, "managementAudit": 10 } }
 * </pre>
 * A clause's effort is its own entry, else its nearest enclosing category's, else {@code default} (1 when
 * not given); a fact's is its entry, else {@code default}. A key may be prefixed with a scheme id and a
 * slash, which wins over the same key without it. Efforts are numbers of days, 0 or more, with at most
 * three decimals.
 */
public final class Effort {

    /** No effort file: every plan is the fewest changes, then the fewest points. */
    public static final Effort NONE = new Effort(Map.of(), Map.of(), Map.of(), BigDecimal.ONE, false);

    private final Map<String, BigDecimal> clauses;
    private final Map<String, BigDecimal> categories;
    private final Map<String, BigDecimal> facts;
    private final BigDecimal fallback;
    private final boolean given;

    private Effort(Map<String, BigDecimal> clauses, Map<String, BigDecimal> categories, Map<String, BigDecimal> facts,
            BigDecimal fallback, boolean given) {
        this.clauses = Map.copyOf(clauses);
        this.categories = Map.copyOf(categories);
        this.facts = Map.copyOf(facts);
        this.fallback = fallback;
        this.given = given;
    }

    /** Whether an effort file was given (then plans are the least effort). */
    public boolean given() {
        return given;
    }

    /** The effort of changing clause {@code id} of {@code scheme}, under {@code categories} (outermost first). */
    BigDecimal clause(String scheme, String id, List<String> enclosing) {
        BigDecimal e = find(clauses, scheme, id);
        for (int i = enclosing.size() - 1; e == null && i >= 0; i--) {
            e = find(categories, scheme, enclosing.get(i));
        }
        return e == null ? fallback : e;
    }

    /** The effort of changing fact {@code name} of {@code scheme}. */
    BigDecimal fact(String scheme, String name) {
        BigDecimal e = find(facts, scheme, name);
        return e == null ? fallback : e;
    }

    private static BigDecimal find(Map<String, BigDecimal> map, String scheme, String key) {
        BigDecimal e = map.get(scheme + "/" + key);
        return e != null ? e : map.get(key);
    }

    /**
     * Reads an effort file.
     *
     * @param source the file's name, for messages
     * @throws LocatedException naming the file and the place of what is wrong
     */
    public static Effort read(InputStream in, String source, boolean yaml) throws IOException {
        Located root;
        try {
            root = LocatedReader.read(in, yaml ? LocatedReader.Syntax.YAML : LocatedReader.Syntax.JSON);
        } catch (LocatedReader.ParseException e) {
            throw new LocatedException(source, e.position(), e.getMessage());
        }
        if (!(root instanceof Located.Obj obj)) {
            throw new LocatedException(source, position(root), "an effort file is an object with default, categories,"
                    + " clauses and facts, not " + root.kind());
        }
        BigDecimal fallback = BigDecimal.ONE;
        Map<String, BigDecimal> clauses = new HashMap<>();
        Map<String, BigDecimal> categories = new HashMap<>();
        Map<String, BigDecimal> facts = new HashMap<>();
        for (Map.Entry<String, Located> m : obj.members().entrySet()) {
            switch (m.getKey()) {
                case "default" -> fallback = days(source, m.getValue(), "default");
                case "clauses" -> entries(source, m.getValue(), "clauses", clauses);
                case "categories" -> entries(source, m.getValue(), "categories", categories);
                case "facts" -> entries(source, m.getValue(), "facts", facts);
                default -> throw new LocatedException(source, obj.keyPositions().get(m.getKey()), "unknown key '"
                        + m.getKey() + "' in an effort file (expected default, categories, clauses, facts)");
            }
        }
        return new Effort(clauses, categories, facts, fallback, true);
    }

    private static void entries(String source, Located value, String what, Map<String, BigDecimal> into) {
        if (!(value instanceof Located.Obj o)) {
            throw new LocatedException(source, position(value), what + " must be an object of id: days, not "
                    + value.kind());
        }
        for (Map.Entry<String, Located> e : o.members().entrySet()) {
            into.put(e.getKey(), days(source, e.getValue(), what + "." + e.getKey()));
        }
    }

    private static BigDecimal days(String source, Located value, String what) {
        if (!(value instanceof Located.Scalar s && s.value() instanceof BigDecimal n)) {
            throw new LocatedException(source, position(value), what + " must be a number of days, not "
                    + value.kind());
        }
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 3 || n.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            throw new LocatedException(source, position(value), what + " must be from 0 to 1000000 days with at most"
                    + " three decimals, not " + n.toPlainString());
        }
        return n.stripTrailingZeros();
    }

    private static Located.Position position(Located value) {
        if (value instanceof Located.Obj o) {
            return o.position();
        }
        if (value instanceof Located.Arr a) {
            return a.position();
        }
        return ((Located.Scalar) value).position();
    }
}
