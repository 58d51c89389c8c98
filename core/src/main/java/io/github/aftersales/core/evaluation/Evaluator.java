package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.registry.Messages;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one scoring engine's entrance: finds each part's scheme and variant, evaluates the parts
 * ({@link PartRun}) and then the parts that combine them ({@link Combination}), each inside a guard
 * that tells a scheme's failure from the user's mistake. It knows no scheme; everything
 * scheme-specific is in the catalog and the grading table.
 */
public final class Evaluator {

    private final Function<String, Optional<Scheme>> schemes;
    private final Set<String> knownSchemeIds;
    private final String lookedIn;

    /**
     * @param schemes        looks a scheme up by id
     * @param knownSchemeIds the installed ids, for "did you mean"
     */
    public Evaluator(Function<String, Optional<Scheme>> schemes, Set<String> knownSchemeIds) {
        this(schemes, knownSchemeIds, null);
    }

    /**
     * @param schemes        looks a scheme up by id
     * @param knownSchemeIds the installed ids, for "did you mean"
     * @param lookedIn       where plugins were looked for, said when a part names a scheme not installed
     *                       ({@link Messages#pluginsLookedIn}), or {@code null}
     */
    public Evaluator(Function<String, Optional<Scheme>> schemes, Set<String> knownSchemeIds, String lookedIn) {
        this.schemes = schemes;
        this.knownSchemeIds = Set.copyOf(knownSchemeIds);
        this.lookedIn = lookedIn;
    }

    /**
     * Evaluates every scheme part of an assessment. Parts that combine others (ZG025 6.3) are
     * evaluated after the parts they combine; results come in the file's order.
     */
    public EvaluationResult evaluate(Assessment assessment, EvaluationOptions options) {
        Map<String, Resolved> parts = new LinkedHashMap<>();
        for (SchemeAssessment part : assessment.parts()) {
            Resolved earlier = parts.put(part.scheme(), guarded(part.scheme(), () -> resolve(part, assessment.source())));
            if (earlier != null) {
                throw new LocatedException(assessment.source(), part.position(),
                        part.path() + ": scheme " + part.scheme() + " appears twice in this assessment (first at line "
                                + earlier.part().position().line() + ")");
            }
        }
        for (Resolved r : parts.values()) {
            if (r.variant().combining()) {
                Combination.check(r, parts, assessment.source());
            }
        }
        Map<String, SchemeResult> results = new LinkedHashMap<>();
        for (Resolved r : parts.values()) {
            if (!r.variant().combining()) {
                results.put(r.scheme().id(), guarded(r.scheme().id(),
                        () -> evaluate(r.scheme(), r.variant(), r.part(), assessment.source(), options)));
            }
        }
        for (Resolved r : parts.values()) {
            if (r.variant().combining()) {
                results.put(r.scheme().id(), guarded(r.scheme().id(), () -> Combination.grade(r, parts, results, assessment.source())));
            }
        }
        List<SchemeResult> ordered = parts.keySet().stream().map(results::get).toList();
        List<Provenance.Part> provenance = new java.util.ArrayList<>(parts.size());
        for (Resolved r : parts.values()) {
            provenance.add(guarded(r.scheme().id(), () -> provenance(r, options, assessment.source())));
        }
        return new EvaluationResult(assessment.source(), assessment.organisation(), assessment.date(),
                assessment.assessor(), ordered, assessment.line(), assessment.parts(),
                new Provenance(null, Provenance.PROGRAM, Provenance.Options.of(options), provenance));
    }

    /** A part's provenance: its scheme's data digest and every reading in force, as the part was graded. */
    private static Provenance.Part provenance(Resolved r, EvaluationOptions options, String source) {
        List<Provenance.InForce> readings = r.variant().readings().isEmpty() ? List.of()
                : ReadingChoices.of(r.scheme().id(), r.variant(), r.part(), options, source).all().stream()
                        .map(u -> new Provenance.InForce(u.key(), u.value(), u.source().key())).toList();
        return new Provenance.Part(r.scheme().id(), r.variant().id(), r.scheme().version(),
                r.scheme().catalogDigest(), readings);
    }

    /** A part with its scheme and variant found. */
    record Resolved(Scheme scheme, Variant variant, SchemeAssessment part) {
    }

    /**
     * Runs work that calls into a scheme: a problem with the input stays the user's, anything else
     * the scheme throws is the scheme's failure, named as such (a plugin's own code has said so
     * already, with what it was asked).
     */
    private static <T> T guarded(String scheme, Supplier<T> work) {
        try {
            return work.get();
        } catch (LocatedException | SchemeFailureException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new SchemeFailureException(scheme, e);
        }
    }

    private Resolved resolve(SchemeAssessment part, String source) {
        Scheme scheme = schemes.apply(part.scheme()).orElseThrow(() -> new LocatedException(source,
                part.position(), part.path() + ": " + Messages.unknownScheme(part.scheme(), knownSchemeIds, lookedIn)));
        Variant variant = part.variant() == null ? scheme.defaultVariant()
                : scheme.variant(part.variant()).orElseThrow(() -> new LocatedException(source,
                        part.position(), part.path() + ": " + Messages.unknownVariant(scheme, part.variant())));
        if (part.schemeVersion() != null && !part.schemeVersion().equals(scheme.version())) {
            throw new LocatedException(source, part.position(), part.path() + ": this part was made for "
                    + scheme.id() + " version '" + part.schemeVersion() + "', but the installed scheme is '"
                    + scheme.version() + "'; make a new template or correct schemeVersion");
        }
        return new Resolved(scheme, variant, part);
    }

    /** Evaluates one part against one variant. */
    public static SchemeResult evaluate(
            Scheme scheme, Variant variant, SchemeAssessment part, String source, EvaluationOptions options) {
        return new PartRun(scheme, variant, part, source, options).run();
    }
}
