package io.github.aftersales.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code due} needs of a certificate, and no more: where it stands, when it was last evaluated,
 * when its cycle began and the incidents no evaluation has followed yet. Read from a few columns of
 * its entries ({@link CertificateStore#forEachStanding}) instead of its whole history.
 *
 * @param summary        where it stands now
 * @param lastEvaluation the date of its last evaluation (issue, surveillance or re-evaluation) by entry
 * @param cycleStart     the start of its current cycle
 * @param openIncidents  its incidents, oldest entry first, with no evaluation after them (a later day, or
 *                       the same day recorded after them)
 */
record Standing(CertificateSummary summary, LocalDate lastEvaluation, LocalDate cycleStart,
        List<Incident> openIncidents) {

    /** An incident entry: its type and date. */
    record Incident(String type, LocalDate date, int seq) {
    }

    /** Builds a certificate's standing from its entries, given oldest first. */
    static final class Builder {
        private final Certificate certificate;
        private final List<Incident> incidents = new ArrayList<>();
        private LocalDate lastEvaluation;
        private LocalDate latestEvaluationDate;
        private int latestEvaluationSeq;
        private State state;
        private int stars;
        private String grade;
        private LocalDate cycleStart;

        Builder(Certificate certificate) {
            this.certificate = certificate;
        }

        Certificate certificate() {
            return certificate;
        }

        boolean empty() {
            return state == null;
        }

        void add(int seq, EventKind kind, LocalDate date, State state, int stars, String grade, LocalDate cycleStart,
                String incidentType) {
            if (kind.evaluation()) {
                lastEvaluation = date;
                // the evaluation latest by (day, entry): an incident before it is followed by an evaluation
                if (latestEvaluationDate == null || date.isAfter(latestEvaluationDate)
                        || (date.equals(latestEvaluationDate) && seq > latestEvaluationSeq)) {
                    latestEvaluationDate = date;
                    latestEvaluationSeq = seq;
                }
            } else if (kind == EventKind.INCIDENT) {
                incidents.add(new Incident(incidentType, date, seq));
            }
            this.state = state;
            this.stars = stars;
            this.grade = grade;
            this.cycleStart = cycleStart;
        }

        Standing build() {
            if (state == null) {
                throw new IllegalArgumentException("certificate " + certificate.number() + " has no history");
            }
            List<Incident> open = latestEvaluationDate == null ? List.copyOf(incidents) : incidents.stream()
                    .filter(i -> !(latestEvaluationDate.isAfter(i.date()) || (latestEvaluationDate.equals(i.date())
                            && latestEvaluationSeq > i.seq()))).toList();
            return new Standing(new CertificateSummary(certificate, state, stars, grade),
                    lastEvaluation == null ? certificate.issuedOn() : lastEvaluation, cycleStart, open);
        }
    }
}
