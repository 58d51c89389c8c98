package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A reading of a standard as a switch: where the text is silent or open, the scheme picked a
 * reading and names it, so that a certification body that defends another can choose it per
 * assessment ({@code options.readings}) or on the command line ({@code --reading KEY=VALUE}).
 *
 * <p>A reading is data, declared in {@code scheme.json} (docs/catalog-format.md, "Readings"). The
 * parameters that depend on it name it instead of a value ({@code "withinMonths": {"reading":
 * "cqm.majorComplaintWindow"}}); its {@link #defaultValue} is what the scheme does when nobody
 * chooses, so declaring a reading changes no grade.
 *
 * @param key          the switch's name, {@code scheme.camelCase}, e.g. {@code cqm.majorComplaintWindow}
 * @param title        one line saying what is read (English)
 * @param clause       the clause read, e.g. {@code CQM/F-RZ-ZY-06-001 6.2}
 * @param quote        the clause's words as written (Chinese), or {@code ""}
 * @param why          why the default was chosen, or {@code ""}
 * @param unit         {@code months} when the values are windows in whole months (a value is then a
 *                     positive whole number or {@code none}, no window), or {@code ""} for words
 * @param defaultValue the value used when nobody chooses; one of the alternatives
 * @param alternatives every value allowed, the default among them, at least two
 *
 * @since 0.2
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public record Reading(String key, String title, String clause, String quote, String why, String unit,
        String defaultValue, List<Alternative> alternatives) {

    /** The unit of a reading whose values are windows in months. */
    public static final String MONTHS = "months";
    /** The value of a months reading that means "no window": every event up to the date counts. */
    public static final String NO_WINDOW = "none";

    public Reading {
        requireNonNull(key, "key is null");
        requireNonNull(title, "title is null");
        requireNonNull(clause, "clause is null");
        quote = quote == null ? "" : quote;
        why = why == null ? "" : why;
        unit = unit == null ? "" : unit;
        requireNonNull(defaultValue, "defaultValue is null");
        alternatives = List.copyOf(alternatives);
        if (!key.matches("[a-z0-9][a-z0-9-]*\\.[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("reading key '" + key + "' must be the scheme id, a dot and a camelCase"
                    + " name, e.g. cqm.majorComplaintWindow");
        }
        if (!unit.isEmpty() && !unit.equals(MONTHS)) {
            throw new IllegalArgumentException("reading " + key + ": unit is 'months' or absent, not '" + unit + "'");
        }
        if (alternatives.size() < 2) {
            throw new IllegalArgumentException("reading " + key + " needs at least two alternatives, the default among"
                    + " them: a reading nobody can change is not a switch");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Alternative a : alternatives) {
            if (!seen.add(a.value())) {
                throw new IllegalArgumentException("reading " + key + ": alternative '" + a.value() + "' is given twice");
            }
            if (unit.equals(MONTHS) && !a.value().equals(NO_WINDOW) && !a.value().matches("[1-9][0-9]{0,3}")) {
                throw new IllegalArgumentException("reading " + key + " is in months: '" + a.value()
                        + "' is neither a whole number of months (1 to 9999) nor 'none'");
            }
        }
        if (!seen.contains(defaultValue)) {
            throw new IllegalArgumentException("reading " + key + ": the default '" + defaultValue
                    + "' is not among its alternatives " + alternatives.stream().map(Alternative::value).toList());
        }
    }

    /** One allowed value and what it means. */
    public record Alternative(String value, String means) {
        public Alternative {
            requireNonNull(value, "value is null");
            requireNonNull(means, "means is null");
            if (value.isBlank()) {
                throw new IllegalArgumentException("an alternative's value is blank");
            }
        }
    }

    /** Whether the values are windows in months. */
    public boolean months() {
        return unit.equals(MONTHS);
    }

    /** The allowed values, in the declared order. */
    public List<String> values() {
        return alternatives.stream().map(Alternative::value).toList();
    }

    /**
     * The allowed value a user wrote ({@code 12}, {@code "12"}, {@code " Full-Points "}), as declared; empty
     * when it is not allowed. Case and surrounding spaces are ignored.
     */
    public Optional<String> allowed(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String w = written.trim();
        return values().stream().filter(v -> v.equalsIgnoreCase(w)).findFirst();
    }

    /** For a months reading: the window a value means, or empty for {@link #NO_WINDOW}. */
    public Optional<Integer> window(String value) {
        return value.equals(NO_WINDOW) ? Optional.empty() : Optional.of(Integer.valueOf(value));
    }

    /** A value as a user reads it: {@code 24 months}, {@code no window}, {@code prorate}. */
    public String shown(String value) {
        if (!months()) {
            return value;
        }
        return value.equals(NO_WINDOW) ? "no window" : value + " months";
    }

    /** What one value means, as declared. */
    public String means(String value) {
        return alternatives.stream().filter(a -> a.value().equals(value)).map(Alternative::means).findFirst()
                .orElse("");
    }
}
