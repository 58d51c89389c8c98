package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Reading;
import io.github.aftersales.spi.Variant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of each reading a variant takes, for one part: the command line's choice, else the
 * part's {@code options.readings}, else the reading's default. The older options
 * {@code --not-applicable} and {@code options.notApplicable} are aliases of the variant's
 * not-applicable reading.
 */
final class ReadingChoices {

    /** Every reading of the variant, by key, in its order. */
    private final Map<String, ReadingUsed> chosen = new LinkedHashMap<>();
    /** The values that are not the default, by key (what the grader looks up). */
    private final Map<String, String> changed = new LinkedHashMap<>();

    private ReadingChoices() {
    }

    /** No reading: a variant that takes none. */
    static final ReadingChoices NONE = new ReadingChoices();

    /**
     * @throws LocatedException when the part chooses a reading its variant does not take, or a value outside
     *                          the reading's alternatives
     */
    static ReadingChoices of(String schemeId, Variant variant, SchemeAssessment part, EvaluationOptions options,
            String source) {
        Map<String, String> fileValues = new LinkedHashMap<>(part.readings());
        String naKey = variant.notApplicableReading();
        for (Map.Entry<String, String> e : part.readings().entrySet()) {
            Located.Position at = part.readingPositions().getOrDefault(e.getKey(), part.position());
            String place = part.path() + ".options.readings." + e.getKey();
            Reading reading = variant.reading(e.getKey()).orElseThrow(() -> new LocatedException(source, at, place
                    + ": " + schemeId + " " + variant.id() + " has no reading '" + e.getKey() + "'; "
                    + (variant.readings().isEmpty() ? "it has none"
                            : "its readings: " + String.join(", ", variant.readings().stream().map(Reading::key).toList()))
                    + " (aftersales schemes --readings lists them)"));
            String value = reading.allowed(e.getValue()).orElseThrow(() -> new LocatedException(source, at, place
                    + ": '" + e.getValue() + "' is not a value of this reading; allowed: "
                    + String.join(", ", reading.values())));
            fileValues.put(e.getKey(), value);
        }
        if (naKey != null && part.notApplicable() != null) {
            String alias = part.notApplicable().key();
            String given = fileValues.putIfAbsent(naKey, alias);
            if (given != null && !given.equals(alias)) {
                throw new LocatedException(source, part.readingPositions().getOrDefault(naKey, part.position()),
                        part.path() + ".options: notApplicable '" + alias + "' and readings." + naKey + " '" + given
                                + "' disagree; notApplicable is another name for that reading: give one");
            }
        }
        Map<String, String> commandLine = new LinkedHashMap<>(options.readings());
        if (naKey != null && options.notApplicable() != null) {
            commandLine.putIfAbsent(naKey, options.notApplicable().key());
        }
        ReadingChoices c = new ReadingChoices();
        for (Reading reading : variant.readings()) {
            String cli = commandLine.get(reading.key());
            String value;
            ReadingUsed.Source from;
            if (cli != null) {
                // checked before the run by ReadingValues; a caller that did not check is told here, as its mistake
                value = reading.allowed(cli).orElseThrow(() -> new LocatedException(source, part.position(),
                        part.path() + ": reading " + reading.key() + "=" + cli + ", chosen for the run, is not a value"
                                + " of this reading; allowed: " + String.join(", ", reading.values())));
                from = ReadingUsed.Source.COMMAND_LINE;
            } else if (fileValues.containsKey(reading.key())) {
                value = fileValues.get(reading.key());
                from = ReadingUsed.Source.ASSESSMENT;
            } else {
                value = reading.defaultValue();
                from = ReadingUsed.Source.DEFAULT;
            }
            ReadingUsed used = new ReadingUsed(reading, value, from);
            c.chosen.put(reading.key(), used);
            if (!used.isDefault()) {
                c.changed.put(reading.key(), value);
            }
        }
        return c;
    }

    /** The reading with this key as chosen; {@code null} when the variant does not take it. */
    ReadingUsed get(String key) {
        return chosen.get(key);
    }

    /** The values that differ from their reading's default, by key. */
    Map<String, String> changed() {
        return changed;
    }

    /** Every reading of the variant with its value. */
    java.util.Collection<ReadingUsed> all() {
        return chosen.values();
    }
}
