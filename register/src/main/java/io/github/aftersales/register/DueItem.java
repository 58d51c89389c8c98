package io.github.aftersales.register;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * An evaluation a certificate needs by a date.
 *
 * @param certificate the certificate
 * @param what        surveillance, re-evaluation or an extra evaluation after an incident
 * @param due         the last day it may take place
 * @param overdue     whether that day is already past
 * @param basis       why it is due, with the standard's clause
 */
public record DueItem(CertificateSummary certificate, What what, LocalDate due, boolean overdue, String basis) {
    public DueItem {
        requireNonNull(certificate, "certificate is null");
        requireNonNull(what, "what is null");
        requireNonNull(due, "due is null");
        requireNonNull(basis, "basis is null");
    }

    /** The kind of evaluation due. */
    public enum What {
        SURVEILLANCE("surveillance"), REEVALUATION("re-evaluation"), EXTRA_EVALUATION("extra evaluation");

        private final String key;

        What(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
