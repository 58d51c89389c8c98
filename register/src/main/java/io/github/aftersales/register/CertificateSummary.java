package io.github.aftersales.register;

import static java.util.Objects.requireNonNull;

/**
 * A certificate and where it stands now, without its history: what a due list keeps of each of
 * perhaps a hundred thousand certificates.
 *
 * @param certificate what was issued
 * @param state       its state now
 * @param stars       its stars now
 * @param grade       its grade now
 */
public record CertificateSummary(Certificate certificate, State state, int stars, String grade) {
    public CertificateSummary {
        requireNonNull(certificate, "certificate is null");
        requireNonNull(state, "state is null");
        requireNonNull(grade, "grade is null");
    }

    public long number() {
        return certificate.number();
    }

    /** "42" or "42 (CQM-2026-001)", for messages. */
    public String label() {
        return certificate.number() + (certificate.reference() == null ? "" : " (" + certificate.reference() + ")");
    }
}
