package io.github.aftersales.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One way of assessing against a scheme (for GB/T 27922: the 100-point form, or one of the
 * annexes' category tables), with its own catalog and grading table.
 *
 * <p>A variant either has a catalog of its own, or {@linkplain #combines() combines} the results of
 * other schemes evaluated on the same assessment (ZG025 6.3: GB/T 27922 stars plus ZG025 stars); a
 * combining variant has an empty catalog and its grading table speaks of its parts.
 *
 * @param id                 variant id, unique within the scheme, e.g. {@code form}
 * @param title              title as written in the standard
 * @param titleEn            our English title
 * @param catalog            the criteria (empty for a combining variant)
 * @param grading            the grading table
 * @param notApplicable      default reading of a clause marked not applicable
 * @param notApplicableFixed whether the standard fixes that reading, so an assessment may not choose
 *                           the other (ZG025 6.2 b) says excluded items leave the total)
 * @param combines           the scheme variants whose results this variant combines; empty for an
 *                           ordinary variant
 * @param inputs             the facts and events an assessment states besides its findings
 * @param surveillance       what the standard says about surveillance of a certificate, or
 *                           {@code null} when it says nothing
 * @param cycle              how often a certificate is evaluated again, or {@code null} when the
 *                           standard does not say
 * @param readings           the {@linkplain Reading readings} this variant's parameters take (since 0.2)
 * @param notApplicableReading the key of the reading among {@code readings} whose values are
 *                           {@link NotApplicablePolicy} keys and which gives {@code notApplicable} (its
 *                           default), or {@code null} when no reading does (since 0.2)
 *
 * @since 0.1
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Variant(
        String id, String title, String titleEn, Catalog catalog, GradingTable grading,
        NotApplicablePolicy notApplicable, boolean notApplicableFixed, List<PartRef> combines, Inputs inputs,
        SurveillanceRules surveillance, CertificationCycle cycle, List<Reading> readings, String notApplicableReading) {

    public Variant {
        readings = List.copyOf(readings);
        if (notApplicableReading != null && readings.stream().noneMatch(r -> r.key().equals(notApplicableReading))) {
            throw new IllegalArgumentException("notApplicable takes reading " + notApplicableReading
                    + ", which the variant does not declare");
        }
        requireNonNull(id, "id is null");
        requireNonNull(title, "title is null");
        requireNonNull(titleEn, "titleEn is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(grading, "grading is null");
        requireNonNull(notApplicable, "notApplicable is null");
        combines = List.copyOf(combines);
        requireNonNull(inputs, "inputs is null");
    }

    /** A variant without readings. */
    public Variant(String id, String title, String titleEn, Catalog catalog, GradingTable grading,
            NotApplicablePolicy notApplicable, boolean notApplicableFixed, List<PartRef> combines, Inputs inputs,
            SurveillanceRules surveillance, CertificationCycle cycle) {
        this(id, title, titleEn, catalog, grading, notApplicable, notApplicableFixed, combines, inputs, surveillance,
                cycle, List.of(), null);
    }

    /** The reading with this key, if the variant takes it. */
    public java.util.Optional<Reading> reading(String key) {
        for (Reading r : readings) {
            if (r.key().equals(key)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /** A variant whose standard says nothing about how often it is evaluated again. */
    public Variant(String id, String title, String titleEn, Catalog catalog, GradingTable grading,
            NotApplicablePolicy notApplicable, boolean notApplicableFixed, List<PartRef> combines, Inputs inputs,
            SurveillanceRules surveillance) {
        this(id, title, titleEn, catalog, grading, notApplicable, notApplicableFixed, combines, inputs, surveillance,
                null);
    }

    /** Whether this variant combines other schemes' results instead of scoring clauses. */
    public boolean combining() {
        return !combines.isEmpty();
    }

    /**
     * A scheme variant that a combining variant takes the result of.
     *
     * @param scheme  the scheme id
     * @param variant the variant id
     */
    public record PartRef(String scheme, String variant) {
        public PartRef {
            requireNonNull(scheme, "scheme is null");
            requireNonNull(variant, "variant is null");
        }

        @Override
        public String toString() {
            return scheme + " " + variant;
        }
    }
}
