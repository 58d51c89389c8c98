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
 *
 * @since 0.1
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record SurveillanceRules(List<SeriousEvent> seriousEvents, int withinMonths, Action onSeriousEvent) {

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
     */
    public record SeriousEvent(String type, Map<String, String> where, String title, String titleEn, String reading) {

        /** A serious event looked for in the rules' window. */
        public SeriousEvent(String type, Map<String, String> where, String title, String titleEn) {
            this(type, where, title, titleEn, null);
        }

        public SeriousEvent {
            requireNonNull(type, "type is null");
            where = Map.copyOf(where);
            requireNonNull(title, "title is null");
            requireNonNull(titleEn, "titleEn is null");
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
