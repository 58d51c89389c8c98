package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What a scheme says about surveillance of a certificate (CQM 6.4): the events that suspend or
 * revoke it whatever the grade, and the window they are looked for in. The rest of the rule is the
 * same for every scheme and lives in core: the surveillance assessment is graded like any other;
 * its grade then keeps, downgrades or (where the {@link CertificationCycle} says the new grade
 * stands) upgrades the certificate, and no grade revokes it.
 *
 * @param seriousEvents  the events that suspend or revoke the certificate
 * @param withinMonths   how far back before the evaluation date the events are looked for
 * @param onSeriousEvent what a serious event leads to unless the surveillance says otherwise
 * @param onSeriousEventReading the key of the {@link Reading} (values {@code suspend}, {@code revoke}) that
 *                       chooses it, its default {@code onSeriousEvent}, or {@code null} (since 0.2)
 *
 * @since 0.1
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record SurveillanceRules(List<SeriousEvent> seriousEvents, int withinMonths, Action onSeriousEvent,
        String onSeriousEventReading) {

    /** Rules whose action on a serious event is fixed. */
    public SurveillanceRules(List<SeriousEvent> seriousEvents, int withinMonths, Action onSeriousEvent) {
        this(seriousEvents, withinMonths, onSeriousEvent, null);
    }

    public SurveillanceRules {
        seriousEvents = List.copyOf(seriousEvents);
        requireNonNull(onSeriousEvent, "onSeriousEvent is null");
        if (withinMonths <= 0) {
            throw new IllegalArgumentException("withinMonths must be positive");
        }
        if (onSeriousEvent != Action.SUSPEND && onSeriousEvent != Action.REVOKE) {
            throw new IllegalArgumentException("a serious event suspends or revokes");
        }
    }

    /**
     * An event type, filtered on its attributes, that suspends or revokes a certificate.
     *
     * @param type    the event type
     * @param where   attribute values it must have (e.g. {@code rectified=false})
     * @param title   the standard's words
     * @param titleEn our English
     * @param reading the key of the {@link Reading} (in months) that gives this event's own window, or
     *                {@code null} for the rules' {@code withinMonths} (since 0.2)
     * @param whereReading the key of the {@link Reading} (in words) whose value chooses the attributes the
     *                event must have, or {@code null} when {@code where} is fixed (since 0.2)
     * @param whereByValue with {@code whereReading}: the attributes for each of its values; {@code where} is
     *                then the default value's. Empty otherwise
     */
    public record SeriousEvent(String type, Map<String, String> where, String title, String titleEn, String reading,
            String whereReading, Map<String, Map<String, String>> whereByValue) {

        /** A serious event looked for in the rules' window. */
        public SeriousEvent(String type, Map<String, String> where, String title, String titleEn) {
            this(type, where, title, titleEn, null);
        }

        /** A serious event whose attributes are fixed. */
        public SeriousEvent(String type, Map<String, String> where, String title, String titleEn, String reading) {
            this(type, where, title, titleEn, reading, null, Map.of());
        }

        public SeriousEvent {
            requireNonNull(type, "type is null");
            where = Map.copyOf(where);
            requireNonNull(title, "title is null");
            requireNonNull(titleEn, "titleEn is null");
            java.util.Map<String, Map<String, String>> copy = new java.util.LinkedHashMap<>();
            whereByValue.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            whereByValue = java.util.Collections.unmodifiableMap(copy);
            if ((whereReading == null) != whereByValue.isEmpty()) {
                throw new IllegalArgumentException("serious event " + type + ": attributes by value need the reading"
                        + " that chooses them, and a reading needs the attributes of each value");
            }
        }

        /** The attributes the event must have when {@code whereReading} has {@code value} (or is not taken). */
        public Map<String, String> where(String value) {
            return whereReading == null || value == null ? where : whereByValue.getOrDefault(value, where);
        }
    }

    /** What surveillance decides. */
    public enum Action {
        KEEP("keep"), DOWNGRADE("downgrade"), UPGRADE("upgrade"), SUSPEND("suspend"), REVOKE("revoke");

        private final String key;

        Action(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
