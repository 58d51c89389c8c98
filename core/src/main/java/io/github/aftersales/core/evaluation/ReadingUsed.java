package io.github.aftersales.core.evaluation;

import static java.util.Objects.requireNonNull;

import io.github.aftersales.spi.Reading;

/**
 * A reading of the standard that a result depended on: the value used and who chose it. A result
 * lists a reading when it was chosen (in the assessment or on the command line), and when its default
 * bound the result (a condition that takes its parameter from it failed, or a not-applicable clause
 * was scored by it).
 *
 * @param reading the reading, as the scheme declares it
 * @param value   the value used, one of its alternatives
 * @param source  who chose it
 */
public record ReadingUsed(Reading reading, String value, Source source) {

    public ReadingUsed {
        requireNonNull(reading, "reading is null");
        requireNonNull(value, "value is null");
        requireNonNull(source, "source is null");
    }

    /** Who chose a reading's value. */
    public enum Source {
        DEFAULT("default"), ASSESSMENT("assessment"), COMMAND_LINE("command line");

        private final String key;

        Source(String key) {
            this.key = key;
        }

        /** As the JSON result writes it. */
        public String key() {
            return key;
        }
    }

    /** The reading's key. */
    public String key() {
        return reading.key();
    }

    /** Whether the value is the reading's default. */
    public boolean isDefault() {
        return value.equals(reading.defaultValue());
    }

    /** {@code cqm.majorComplaintWindow = 24 months (default)}, as reports say after "read with:". */
    public String text() {
        return reading.key() + " = " + reading.shown(value) + " ("
                + (source == Source.DEFAULT ? "default" : "chosen " + (source == Source.ASSESSMENT ? "in the assessment"
                        : "on the command line")) + ")";
    }
}
