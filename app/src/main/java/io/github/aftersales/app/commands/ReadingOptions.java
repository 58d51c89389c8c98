package io.github.aftersales.app.commands;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Reading;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --reading KEY=VALUE}: a reading of a standard chosen for the whole run (evaluate, surveil). */
public final class ReadingOptions {

    @Option(names = "--reading", paramLabel = "KEY=VALUE",
            description = "Read the standard another way where the scheme offers a choice, e.g. --reading"
                    + " cqm.majorComplaintWindow=12. Repeatable; overrides the file's options.readings."
                    + " 'aftersales schemes --readings' lists every reading with its default and alternatives."
                    + " --not-applicable X is another name for --reading gbt27922.notApplicable=X.")
    List<String> readings = new ArrayList<>();

    /**
     * The readings chosen, by key, each checked against the installed schemes: a key no installed scheme
     * declares, a value outside its alternatives, a key given twice or disagreeing with
     * {@code --not-applicable} is a usage error naming the option.
     */
    public Map<String, String> chosen(Map<String, Scheme> installed, NotApplicablePolicy notApplicable) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String given : readings) {
            int eq = given.indexOf('=');
            if (eq <= 0) {
                throw new UserException(ExitCode.USAGE, "--reading " + given + ": write KEY=VALUE, e.g."
                        + " cqm.majorComplaintWindow=12");
            }
            String key = given.substring(0, eq).trim();
            String value = given.substring(eq + 1);
            Reading reading = find(installed, key).orElseThrow(() -> new UserException(ExitCode.USAGE, "--reading "
                    + given + ": no installed scheme has a reading '" + key + "'; readings: "
                    + String.join(", ", keys(installed)) + " (aftersales schemes --readings describes them)"));
            String allowed = reading.allowed(value).orElseThrow(() -> new UserException(ExitCode.USAGE, "--reading "
                    + given + ": '" + value.trim() + "' is not a value of " + key + "; allowed: "
                    + String.join(", ", reading.values())));
            if (out.put(key, allowed) != null) {
                throw new UserException(ExitCode.USAGE, "--reading " + key + " is given twice");
            }
        }
        if (notApplicable != null) {
            for (Scheme s : installed.values()) {
                for (Variant v : s.variants()) {
                    String key = v.notApplicableReading();
                    if (key != null && out.containsKey(key) && !out.get(key).equals(notApplicable.key())) {
                        throw new UserException(ExitCode.USAGE, "--not-applicable " + notApplicable.key()
                                + " and --reading " + key + "=" + out.get(key) + " disagree; --not-applicable is"
                                + " another name for that reading: give one");
                    }
                }
            }
        }
        return out;
    }

    private static Optional<Reading> find(Map<String, Scheme> installed, String key) {
        for (Scheme s : installed.values()) {
            for (Variant v : s.variants()) {
                Optional<Reading> r = v.reading(key);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> keys(Map<String, Scheme> installed) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        installed.values().forEach(s -> s.variants().forEach(v -> v.readings().forEach(r -> keys.add(r.key()))));
        return keys.isEmpty() ? List.of("none") : List.copyOf(keys);
    }
}
