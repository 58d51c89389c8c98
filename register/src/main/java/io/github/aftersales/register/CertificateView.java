package io.github.aftersales.register;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * A certificate with its history; its current state is its last event's.
 *
 * @param certificate what was issued
 * @param history     every event, oldest first; the first is the issue
 */
public record CertificateView(Certificate certificate, List<CertificateEvent> history) {
    public CertificateView {
        requireNonNull(certificate, "certificate is null");
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("certificate " + certificate.number() + " has no history");
        }
    }

    public long number() {
        return certificate.number();
    }

    /** The last event, which holds the current state. */
    public CertificateEvent current() {
        return history.get(history.size() - 1);
    }

    public State state() {
        return current().state();
    }

    public int stars() {
        return current().stars();
    }

    public String grade() {
        return current().grade();
    }

    /** The date of the last evaluation (issue, surveillance or re-evaluation). */
    public LocalDate lastEvaluation() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).kind().evaluation()) {
                return history.get(i).date();
            }
        }
        return certificate.issuedOn();
    }

    /** Where it stands now, without the history. */
    public CertificateSummary summary() {
        return new CertificateSummary(certificate, state(), stars(), grade());
    }

    /** "42" or "42 (CQM-2026-001)", for messages. */
    public String label() {
        return summary().label();
    }
}
