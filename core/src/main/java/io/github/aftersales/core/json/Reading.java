package io.github.aftersales.core.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to a {@link Located} tree read from one source; every failure is a
 * {@link LocatedException} naming the source, the line and column, and the path.
 */
public final class Reading {

    private final String source;

    public Reading(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** A problem at a value. */
    public LocatedException problem(Located at, String message) {
        String path = at.path().isEmpty() ? "" : at.path() + ": ";
        return new LocatedException(source, at.position(), path + message);
    }

    public Located.Obj object(Located v, String what) {
        if (v instanceof Located.Obj o) {
            return o;
        }
        throw problem(v, what + " must be an object, not " + v.kind());
    }

    public List<Located> list(Located v, String what) {
        if (v instanceof Located.Arr a) {
            return a.items();
        }
        throw problem(v, what + " must be a list, not " + v.kind());
    }

    /** Fails on a key that is not allowed, suggesting the nearest allowed one. */
    public void onlyKeys(Located.Obj o, Set<String> allowed) {
        for (String key : o.members().keySet()) {
            if (!allowed.contains(key)) {
                Located.Position at = o.keyPositions().get(key);
                String path = o.path().isEmpty() ? "" : o.path() + ": ";
                throw new LocatedException(source, at, path + "unknown key '" + key + "'"
                        + Suggestions.didYouMean(key, allowed) + "; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    public Located required(Located.Obj o, String key) {
        if (!o.has(key)) {
            throw problem(o, "'" + key + "' is missing");
        }
        return o.get(key);
    }

    public Optional<Located> optional(Located.Obj o, String key) {
        return o.has(key) ? Optional.of(o.get(key)) : Optional.empty();
    }

    public String string(Located v, String what) {
        if (v instanceof Located.Scalar s && s.value() instanceof String str) {
            if (str.isBlank()) {
                throw problem(v, what + " is empty");
            }
            return str;
        }
        throw problem(v, what + " must be text, not " + v.kind());
    }

    public String requiredString(Located.Obj o, String key) {
        return string(required(o, key), "'" + key + "'");
    }

    public Optional<String> optionalString(Located.Obj o, String key) {
        return optional(o, key).map(v -> string(v, "'" + key + "'"));
    }

    public BigDecimal number(Located v, String what) {
        if (v instanceof Located.Scalar s && s.value() instanceof BigDecimal n) {
            return n;
        }
        String got = v instanceof Located.Scalar s && s.value() instanceof String str
                ? "\"" + str + "\"" : v.kind();
        throw problem(v, what + " must be a number, not " + got);
    }

    public BigDecimal requiredNumber(Located.Obj o, String key) {
        return number(required(o, key), "'" + key + "'");
    }

    public Optional<BigDecimal> optionalNumber(Located.Obj o, String key) {
        return optional(o, key).map(v -> number(v, "'" + key + "'"));
    }

    public boolean optionalBoolean(Located.Obj o, String key, boolean dflt) {
        Optional<Located> v = optional(o, key);
        if (v.isEmpty()) {
            return dflt;
        }
        if (v.get() instanceof Located.Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        throw problem(v.get(), "'" + key + "' must be true or false, not " + v.get().kind());
    }

    public int integer(Located v, String what) {
        BigDecimal n = number(v, what);
        if (n.stripTrailingZeros().scale() > 0) {
            throw problem(v, what + " must be a whole number, not " + n.toPlainString());
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw problem(v, what + " is too large: " + n.toPlainString());
        }
    }

    public List<String> stringList(Located v, String what) {
        return list(v, what).stream().map(item -> string(item, what + " entry")).toList();
    }

    /** A number, a word or true/false as text (numbers in plain notation). */
    public String scalarText(Located v, String what) {
        if (v instanceof Located.Scalar s && s.value() != null) {
            return s.value() instanceof BigDecimal n ? n.toPlainString() : s.value().toString();
        }
        throw problem(v, what + " must be a number, a word or true/false, not " + v.kind());
    }
}
