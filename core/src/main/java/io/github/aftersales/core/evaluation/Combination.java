package io.github.aftersales.core.evaluation;

import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.evaluation.Evaluator.Resolved;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A part that combines the results of other parts of the same assessment (ZG025 6.3: GB/T 27922
 * stars plus ZG025 stars): what it may combine, and its grade from their results.
 */
final class Combination {

    private Combination() {
    }

    /** A combining part names parts that this assessment has, with the variants it combines. */
    static void check(Resolved r, Map<String, Resolved> parts, String source) {
        SchemeAssessment part = r.part();
        if (part.notApplicable() != null || part.missingAsZero()) {
            throw new LocatedException(source, part.position(), part.path() + ": " + r.scheme().id() + " "
                    + r.variant().id() + " combines other parts and scores no clause; options belong in those parts");
        }
        InputChecks.check(r.scheme(), r.variant(), VariantIndex.of(r.variant()), part, source);
        if (!part.findings().isEmpty()) {
            throw new LocatedException(source, part.position(), part.path() + ": " + r.scheme().id() + " "
                    + r.variant().id() + " combines " + r.variant().combines().stream().map(Variant.PartRef::toString)
                            .collect(Collectors.joining(" and ")) + "; it has no findings of its own"
                    + " (put them in those parts)");
        }
        for (Variant.PartRef ref : r.variant().combines()) {
            Resolved p = parts.get(ref.scheme());
            if (p == null) {
                throw new LocatedException(source, part.position(), part.path() + ": " + r.scheme().id() + " combines "
                        + r.variant().combines().stream().map(Variant.PartRef::toString).collect(Collectors.joining(" and "))
                        + ", but this assessment has no " + ref.scheme() + " part");
            }
            if (!p.variant().id().equals(ref.variant())) {
                throw new LocatedException(source, p.part().position(), p.part().path() + ": " + r.scheme().id()
                        + " combines " + ref + ", but this part is " + ref.scheme() + " " + p.variant().id());
            }
            if (p.variant().combining()) {
                throw new LocatedException(source, part.position(), part.path() + ": " + ref.scheme()
                        + " combines other schemes itself; combinations do not nest");
            }
        }
    }

    /** A combining part: its grade from the results of the parts it names (checked before). */
    static SchemeResult grade(Resolved r, Map<String, Resolved> parts, Map<String, SchemeResult> results,
            String source) {
        SchemeAssessment part = r.part();
        Map<String, SchemeResult> combined = new LinkedHashMap<>();
        for (Variant.PartRef ref : r.variant().combines()) {
            combined.put(ref.scheme(), results.get(ref.scheme()));
        }
        BigDecimal stars = BigDecimal.valueOf(combined.values().stream().mapToInt(SchemeResult::stars).sum());
        BigDecimal most = BigDecimal.valueOf(r.variant().combines().stream()
                .mapToInt(ref -> parts.get(ref.scheme()).variant().grading().levels().stream()
                        .mapToInt(Level::starCount).max().orElse(0))
                .sum());
        Measurements m = new Measurements(stars, most, most, stars,
                most.signum() == 0 ? BigDecimal.ZERO : Decimals.percent(stars, most), List.of(), combined,
                Measurements.Exact.of(stars));
        Grader.Grade grade = Grader.grade(r.variant().grading(), m, Measurements.Stated.of(part, source));
        Map<String, NotApplicablePolicy> defaults = new LinkedHashMap<>();
        for (SchemeResult p : combined.values()) {
            defaults.put(p.scheme(), parts.get(p.scheme()).variant().notApplicable());
        }
        List<String> reasons = LazyList.of(r.scheme().id(), () -> {
            List<String> all = new ArrayList<>(grade.reasons());
            if (combined.values().stream().anyMatch(p -> !p.passed())) {
                // when a part fails, sums of stars are beside the point: say only which part fails and why
                all.removeIf(reason -> reason.startsWith("stars of the parts"));
            }
            for (SchemeResult p : combined.values()) {
                boolean excludedAny = p.clauses().stream().anyMatch(c -> c.result() == Conformity.NOT_APPLICABLE);
                if (excludedAny && p.notApplicable() != defaults.get(p.scheme())) {
                    all.add(p.scheme() + " " + p.variant() + " counted its not-applicable clauses as "
                            + p.notApplicable().key() + ", not its default " + defaults.get(p.scheme()).key());
                }
            }
            return all;
        });
        return new SchemeResult(r.scheme().id(), r.scheme().version(), r.variant().id(), r.variant().title(),
                stars, most, most, stars, m.percent(), grade.name(), grade.nameEn(), grade.levelId(), grade.stars(),
                grade.passed(), r.variant().notApplicable(), List.of(), List.of(), grade.levels(), reasons,
                r.variant().combines());
    }
}
