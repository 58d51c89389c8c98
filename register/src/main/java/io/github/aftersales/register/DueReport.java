package io.github.aftersales.register;

import java.time.LocalDate;
import java.util.List;

/**
 * What is due by a date, and the certificates no schedule applies to.
 *
 * @param on          the date asked about
 * @param today       the date "overdue" is measured against
 * @param items       evaluations due on or before {@code on}, earliest first
 * @param unscheduled certificates whose standard gives no interval, or whose scheme is not installed, with why
 */
public record DueReport(LocalDate on, LocalDate today, List<DueItem> items, List<Unscheduled> unscheduled) {
    public DueReport {
        items = List.copyOf(items);
        unscheduled = List.copyOf(unscheduled);
    }

    /**
     * A live certificate that no schedule applies to.
     *
     * @param certificate the certificate
     * @param why         why not
     */
    public record Unscheduled(CertificateSummary certificate, String why) {
    }
}
