package io.github.aftersales.register;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a certificate's history, never changed once written.
 *
 * @param certificate    the certificate's number
 * @param seq            1 for the issue, then 2, 3, … in the order recorded
 * @param kind           what happened
 * @param date           when it happened (the evaluation or incident date)
 * @param decision       what it decided: issue, keep, downgrade, upgrade, suspend, revoke, regrade, note
 * @param state          the certificate's state after it
 * @param stars          the certificate's stars after it (kept while suspended, 0 when revoked)
 * @param grade          the grade's name after it
 * @param cycleStart     the start of the certificate's current cycle after it (issue or last re-evaluation)
 * @param reason         why, in sentences, one a line
 * @param incidentType   the event type of an incident, else {@code null}
 * @param assessmentName the file the evaluation was read from, or {@code null}
 * @param resultJson     the evaluation's result as JSON, or {@code null} (none, or not read: a listing reads none)
 * @param recordedAt     when it was recorded
 * @param recordedBy     who recorded it
 */
public record CertificateEvent(long certificate, int seq, EventKind kind, LocalDate date, String decision, State state,
        int stars, String grade, LocalDate cycleStart, String reason, String incidentType, String assessmentName,
        String resultJson, Instant recordedAt, String recordedBy) {
    public CertificateEvent {
        requireNonNull(kind, "kind is null");
        requireNonNull(date, "date is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(state, "state is null");
        requireNonNull(grade, "grade is null");
        requireNonNull(cycleStart, "cycleStart is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(recordedAt, "recordedAt is null");
        requireNonNull(recordedBy, "recordedBy is null");
    }
}
