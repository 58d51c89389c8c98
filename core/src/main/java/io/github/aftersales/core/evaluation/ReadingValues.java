package io.github.aftersales.core.evaluation;

import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Reading;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Readings chosen for a whole run as {@code KEY=VALUE} (the command line's {@code --reading}, the
 * service's {@code reading} query parameter), checked against the installed schemes before anything
 * is evaluated.
 */
public final class ReadingValues {

    private ReadingValues() {
    }

    /**
     * The readings chosen, by key, each value as its reading declares it.
     *
     * @param given         {@code KEY=VALUE} each, as written
     * @param installed     the installed schemes
     * @param notApplicable the older option's choice, another name for a variant's not-applicable reading, or null
     * @param option        how the option is named in messages ({@code --reading}, {@code reading})
     * @param alias         how the older option is named ({@code --not-applicable}, {@code notApplicable})
     * @throws IllegalArgumentException with one sentence that starts with the option: a key no installed scheme
     *                                  declares, a value outside the alternatives, a key twice, a disagreement
     *                                  with the older option
     */
    public static Map<String, String> parse(List<String> given, Collection<Scheme> installed,
            NotApplicablePolicy notApplicable, String option, String alias) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String g : given) {
            int eq = g.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(option + " " + g + ": write KEY=VALUE, e.g. cqm.majorComplaintWindow=12");
            }
            String key = g.substring(0, eq).trim();
            String value = g.substring(eq + 1);
            Reading reading = find(installed, key).orElseThrow(() -> new IllegalArgumentException(option + " " + g
                    + ": no installed scheme has a reading '" + key + "'; readings: " + String.join(", ", keys(installed))
                    + " (aftersales schemes --readings describes them)"));
            String allowed = reading.allowed(value).orElseThrow(() -> new IllegalArgumentException(option + " " + g
                    + ": '" + value.trim() + "' is not a value of " + key + "; allowed: "
                    + String.join(", ", reading.values())));
            if (out.put(key, allowed) != null) {
                throw new IllegalArgumentException(option + " " + key + " is given twice");
            }
        }
        if (notApplicable != null) {
            for (Scheme s : installed) {
                for (Variant v : s.variants()) {
                    String key = v.notApplicableReading();
                    if (key != null && out.containsKey(key) && !out.get(key).equals(notApplicable.key())) {
                        throw new IllegalArgumentException(alias + " " + notApplicable.key() + " and " + option + " "
                                + key + "=" + out.get(key) + " disagree; " + alias + " is another name for that reading:"
                                + " give one");
                    }
                }
            }
        }
        return out;
    }

    private static Optional<Reading> find(Collection<Scheme> installed, String key) {
        for (Scheme s : installed) {
            for (Variant v : s.variants()) {
                Optional<Reading> r = v.reading(key);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> keys(Collection<Scheme> installed) {
        Set<String> keys = new LinkedHashSet<>();
        installed.forEach(s -> s.variants().forEach(v -> v.readings().forEach(r -> keys.add(r.key()))));
        return keys.isEmpty() ? List.of("none") : List.copyOf(keys);
    }
}
