package io.github.aftersales.register;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate as issued: what never changes. Its state is in its {@linkplain CertificateEvent events}.
 *
 * @param number        the register's number for it
 * @param reference     the certification body's own certificate number, or {@code null}
 * @param organisation  the certified organisation
 * @param scheme        scheme id
 * @param variant       variant id
 * @param schemeVersion the standard's version it was issued under
 * @param issuedOn      the issue date
 * @param recordedAt    when it was recorded (on PostgreSQL by the database's clock)
 * @param recordedBy    who recorded it (on H2 the operating-system user, on PostgreSQL the database login)
 */
public record Certificate(long number, String reference, String organisation, String scheme, String variant,
        String schemeVersion, LocalDate issuedOn, Instant recordedAt, String recordedBy) {
    public Certificate {
        requireNonNull(organisation, "organisation is null");
        requireNonNull(scheme, "scheme is null");
        requireNonNull(variant, "variant is null");
        requireNonNull(schemeVersion, "schemeVersion is null");
        requireNonNull(issuedOn, "issuedOn is null");
        requireNonNull(recordedAt, "recordedAt is null");
        requireNonNull(recordedBy, "recordedBy is null");
    }
}
