package io.github.aftersales.core.evaluation;

import static io.github.aftersales.core.evaluation.Decimals.text;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.Suggestions;
import io.github.aftersales.core.registry.Messages;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one scoring engine: turns findings into clause scores, category and total figures, and hands
 * them to the {@link Grader}. It knows no scheme; everything scheme-specific is in the catalog and
 * the grading table.
 */
public final class Evaluator {

    private final Function<String, Optional<Scheme>> schemes;
    private final Set<String> knownSchemeIds;

    /**
     * @param schemes        looks a scheme up by id
     * @param knownSchemeIds the installed ids, for "did you mean"
     */
    public Evaluator(Function<String, Optional<Scheme>> schemes, Set<String> knownSchemeIds) {
        this.schemes = schemes;
        this.knownSchemeIds = Set.copyOf(knownSchemeIds);
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
                checkCombination(r, parts, assessment.source());
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
                results.put(r.scheme().id(), guarded(r.scheme().id(), () -> combine(r, parts, results, assessment.source())));
            }
        }
        List<SchemeResult> ordered = parts.keySet().stream().map(results::get).toList();
        return new EvaluationResult(assessment.source(), assessment.organisation(), assessment.date(), ordered,
                assessment.line());
    }

    private record Resolved(Scheme scheme, Variant variant, SchemeAssessment part) {
    }

    /**
     * Runs work that calls into a scheme: a problem with the input stays the user's, anything else
     * the scheme throws is the scheme's failure, named as such (a plugin's own code has said so
     * already, with what it was asked).
     */
    private static <T> T guarded(String scheme, java.util.function.Supplier<T> work) {
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
                part.position(), part.path() + ": " + Messages.unknownScheme(part.scheme(), knownSchemeIds)));
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

    /** A combining part names parts that this assessment has, with the variants it combines. */
    private static void checkCombination(Resolved r, Map<String, Resolved> parts, String source) {
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
    private static SchemeResult combine(Resolved r, Map<String, Resolved> parts, Map<String, SchemeResult> results,
            String source) {
        SchemeAssessment part = r.part();
        Map<String, SchemeResult> combined = new LinkedHashMap<>();
        for (Variant.PartRef ref : r.variant().combines()) {
            combined.put(ref.scheme(), results.get(ref.scheme()));
        }
        BigDecimal stars = BigDecimal.valueOf(combined.values().stream().mapToInt(SchemeResult::stars).sum());
        BigDecimal most = BigDecimal.valueOf(r.variant().combines().stream()
                .mapToInt(ref -> parts.get(ref.scheme()).variant().grading().levels().stream()
                        .mapToInt(io.github.aftersales.spi.Level::starCount).max().orElse(0))
                .sum());
        Measurements m = new Measurements(stars, most, most, stars,
                most.signum() == 0 ? BigDecimal.ZERO : Decimals.percent(stars, most), List.of(), combined,
                Measurements.Exact.of(stars));
        Grader.Grade grade = Grader.grade(r.variant().grading(), m, Measurements.Stated.of(part, source));
        Map<String, NotApplicablePolicy> defaults = new LinkedHashMap<>();
        for (SchemeResult p : combined.values()) {
            defaults.put(p.scheme(), parts.get(p.scheme()).variant().notApplicable());
        }
        List<String> reasons = LazyList.of(() -> {
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

    /** Evaluates one part against one variant. */
    public static SchemeResult evaluate(
            Scheme scheme, Variant variant, SchemeAssessment part, String source, EvaluationOptions options) {
        return new Run(scheme, variant, part, source, options).run();
    }

    /** The state of one evaluation. */
    private static final class Run {
        private final Scheme scheme;
        private final Variant variant;
        private final Catalog catalog;
        private final SchemeAssessment part;
        private final String source;
        private final NotApplicablePolicy policy;
        private final String policySource;
        private final boolean missingAsZero;
        private final VariantIndex index;
        /** Scored units (clauses with points, categories scored as a whole) by id, catalog order. */
        private final Map<String, Object> scoredUnits;
        /** Checklist item id → the category that owns it. */
        private final Map<String, Category> checklistOwner;
        /** The finding of each unit and checklist item, by ordinal ({@link VariantIndex#ids}); null for none. */
        private Finding[] byOrdinal;
        /** Whether the scored unit at an ordinal is excluded from the applicable total. */
        private final boolean[] excluded;
        /**
         * Every score times {@link #scale}, the least common multiple of the sample counts: a share of
         * samples such as 2/3 has no exact decimal, but 2/3 × 3 has, so sums and comparisons stay exact.
         */
        private final BigDecimal[] scaled;
        private BigDecimal scale = BigDecimal.ONE;
        /** Whether any unit is excluded from the applicable total; if not, categories' are the catalog's. */
        private boolean anyExcluded;
        private final List<String> reasons = new ArrayList<>();

        Run(Scheme scheme, Variant variant, SchemeAssessment part, String source, EvaluationOptions options) {
            this.scheme = scheme;
            this.variant = variant;
            this.catalog = variant.catalog();
            this.part = part;
            this.source = source;
            if (variant.notApplicableFixed()) {
                if (part.notApplicable() != null && part.notApplicable() != variant.notApplicable()) {
                    throw new LocatedException(source, part.position(), part.path() + ": " + scheme.id() + " "
                            + variant.id() + " fixes the reading of excluded items as " + variant.notApplicable().key()
                            + "; options.notApplicable cannot change it");
                }
                policy = variant.notApplicable();
                policySource = "fixed by " + scheme.id() + " " + variant.id()
                        + (options.notApplicable() != null && options.notApplicable() != policy
                                ? "; the command line's choice does not apply to it" : "");
            } else if (options.notApplicable() != null) {
                policy = options.notApplicable();
                policySource = "chosen on the command line";
            } else if (part.notApplicable() != null) {
                policy = part.notApplicable();
                policySource = "chosen in the assessment's options";
            } else {
                policy = variant.notApplicable();
                policySource = "the default of " + scheme.id() + " " + variant.id();
            }
            this.missingAsZero = options.missingAsZero() || part.missingAsZero();
            this.index = VariantIndex.of(variant);
            this.scoredUnits = index.scoredUnits;
            this.checklistOwner = index.checklistOwner;
            this.excluded = new boolean[index.scoredCount];
            this.scaled = new BigDecimal[index.scoredCount];
        }

        SchemeResult run() {
            InputChecks.check(scheme, variant, index, part, source);
            // the same ONE when no samples are given (most assessments): times() then multiplies nothing
            scale = sampleScale(part.findings());
            // one lookup a finding; everything after it is by ordinal
            byOrdinal = new Finding[index.ids.size()];
            int next = 0;
            for (Finding f : part.findings()) {
                // findings mostly follow the template's order: try the next ordinal before hashing the id
                Integer ordinal = next < index.ids.size() && index.ids.get(next).equals(f.id()) ? Integer.valueOf(next)
                        : index.ordinals.get(f.id()); // null: not a unit of this variant, which check() explains
                next = ordinal == null ? next : ordinal + 1;
                if (ordinal != null) {
                    Finding earlier = byOrdinal[ordinal];
                    if (earlier != null) {
                        throw problem(f, f.id() + " is scored twice (first at line " + earlier.position().line() + ")");
                    }
                    byOrdinal[ordinal] = f;
                }
                check(f, ordinal == null ? -1 : ordinal);
            }
            List<String> missing = new ArrayList<>();
            for (int o = 0; o < index.scoredCount; o++) {
                Finding f = byOrdinal[o];
                if (f == null || f.isBlank()) {
                    missing.add(index.ids.get(o));
                }
            }
            if (!missing.isEmpty() && !missingAsZero) {
                String list = missing.size() <= 12 ? String.join(", ", missing)
                        : String.join(", ", missing.subList(0, 12)) + " and " + (missing.size() - 12) + " more";
                // point at the first blank finding when there is one (a template's row, a form's cell)
                Finding firstBlank = missing.stream().map(id -> byOrdinal[index.ordinals.get(id)])
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                throw new LocatedException(source, firstBlank == null ? part.position() : firstBlank.position(),
                        (firstBlank == null ? part.path() : firstBlank.path()) + ": " + missing.size() + " of "
                        + scoredUnits.size() + " " + scheme.id() + " " + variant.id() + " items have no score or result: "
                        + list + " (give each a result or score, or pass --missing-as-zero to count them as 0)");
            }
            for (int o = 0; o < index.scoredCount; o++) {
                score(index.scoredUnitList.get(o), byOrdinal[o], o);
            }
            return figures();
        }


        /** Checks one finding (of the unit at {@code ordinal}, or -1 for none) against the catalog; scoring comes later. */
        private void check(Finding f, int ordinal) {
            Object unit = ordinal >= 0 && ordinal < index.scoredCount ? index.scoredUnitList.get(ordinal) : null;
            if (unit == null) {
                Category owner = ordinal >= index.scoredCount ? index.checklistOwnerList.get(ordinal - index.scoredCount)
                        : null;
                if (owner != null) {
                    if (f.scoreForms() > 0 || f.result() == Conformity.NOT_APPLICABLE) {
                        throw problem(f, f.id() + " is a checklist item of " + owner.id() + " " + owner.title()
                                + (owner.scoredAsWhole()
                                        ? ", which the standard scores only as a whole: give the score to " + owner.id()
                                        : ", which carries no points: give it a result and a note only"));
                    }
                    return;
                }
                Category category = index.categories.get(f.id());
                if (category != null) {
                    throw problem(f, f.id() + " is a category; score its clauses ("
                            + String.join(", ", idsUnder(category)) + ")");
                }
                Set<String> ids = new HashSet<>(scoredUnits.keySet());
                ids.addAll(checklistOwner.keySet());
                throw problem(f, "unknown clause id '" + f.id() + "' in " + scheme.id() + " " + variant.id()
                        + Suggestions.didYouMean(f.id(), ids));
            }
            BigDecimal points = pointsOf(unit);
            if (f.declaredPoints() != null && f.declaredPoints().compareTo(points) != 0) {
                throw problem(f, f.id() + " says it carries " + text(f.declaredPoints()) + " points but "
                        + scheme.id() + " " + variant.id() + " gives it " + text(points)
                        + ": was this file made from a template of another version?");
            }
            if (f.result() == Conformity.NOT_APPLICABLE) {
                if (!mayBeExcluded(unit)) {
                    List<String> asking = askingApplicability();
                    throw problem(f, f.id() + " cannot be marked not applicable: " + scheme.id() + " " + variant.id()
                            + (asking.isEmpty() ? " has no clause that may be marked not applicable"
                                    : " asks about applicability only for " + String.join(", ", asking)));
                }
                if (f.scoreForms() > 0) {
                    throw problem(f, f.id() + " is marked not applicable and also given a score; give one or the other");
                }
                if (f.note() == null) {
                    throw problem(f, f.id() + " is marked not applicable without a note: say why it does not apply");
                }
                if (Notes.saysNothing(f.note())) {
                    // a zero-width or ideographic space looks like a note and says nothing
                    throw problem(f, f.id() + " is marked not applicable with a note of invisible characters only ("
                            + Notes.codes(f.note()) + "): say why it does not apply");
                }
                return;
            }
            if (f.scoreForms() > 1) {
                throw problem(f, f.id() + " is given more than one of score, samples and percent; give one");
            }
            if (unit instanceof Category whole && f.scoreForms() == 0 && !f.isBlank()) {
                throw problem(f, whole.id() + " " + whole.title() + " is scored as a whole: give it a score of its "
                        + text(points) + " points (a result alone does not say how many)");
            }
            if (f.score() != null) {
                if (f.score().signum() < 0) {
                    throw problem(f, "score of " + f.id() + " is negative: " + f.score().toPlainString());
                }
                if (f.score().compareTo(points) > 0) {
                    throw problem(f, "score of " + f.id() + " is " + f.score().toPlainString() + ", above its "
                            + text(points) + " points");
                }
            }
            BigDecimal derived = deriveScaled(f, points, scale);
            scaled[ordinal] = derived; // kept for scoring: null when the result alone gives the score
            if (derived != null && f.result() == Conformity.NOT_CONFORM && points.signum() > 0
                    && derived.compareTo(Decimals.times(points, scale)) == 0) {
                throw problem(f, f.id() + " is marked not conform but given its full " + text(points)
                        + " points; lower the score or mark it conform");
            }
            if (derived != null && f.result() == Conformity.CONFORM && points.signum() > 0
                    && derived.signum() == 0) {
                throw problem(f, f.id() + " is marked conform but given 0 of its " + text(points)
                        + " points; raise the score or mark it not conform");
            }
        }

        /**
         * Scores a unit: its scaled score, and whether it is excluded. Its {@link ClauseResult} is made
         * only when someone reads the clauses ({@link Clauses}).
         */
        private void score(Object unit, Finding f, int ordinal) {
            if (f == null || f.isBlank()) {
                reasons.add(index.ids.get(ordinal) + " has no finding: counted as 0 (missing = zero)");
                scaled[ordinal] = BigDecimal.ZERO;
            } else if (f.result() == Conformity.NOT_APPLICABLE) {
                boolean full = policy == NotApplicablePolicy.FULL_POINTS;
                excluded[ordinal] = !full;
                anyExcluded |= !full;
                scaled[ordinal] = full ? Decimals.times(pointsOf(unit), scale) : BigDecimal.ZERO;
            } else if (scaled[ordinal] == null) { // else worked out when the finding was checked
                scaled[ordinal] = f.result() == Conformity.CONFORM ? Decimals.times(pointsOf(unit), scale)
                        : BigDecimal.ZERO;
            }
        }

        private SchemeResult figures() {
            List<CategoryResult> categories = new ArrayList<>();
            for (Category c : catalog.categories()) {
                sum(c, 0, categories);
            }
            BigDecimal scaledScore = BigDecimal.ZERO;
            BigDecimal applicable = BigDecimal.ZERO;
            for (CategoryResult c : categories) {
                if (c.depth() == 0 && c.points() != null) {
                    scaledScore = scaledScore.add(c.scaledScore());
                    applicable = applicable.add(c.applicablePoints());
                }
            }
            BigDecimal score = Decimals.unscale(scaledScore, scale);
            if (applicable.signum() == 0) {
                throw new LocatedException(source, part.position(), part.path() + ": every item of " + scheme.id() + " "
                        + variant.id() + " is excluded or worth 0 points: there is nothing to grade");
            }
            BigDecimal declared = catalog.totalPoints();
            BigDecimal percent = Decimals.percent(scaledScore, Decimals.times(applicable, scale));
            BigDecimal total = applicable.compareTo(declared) == 0 ? score
                    : Decimals.scale(scaledScore, declared, Decimals.times(applicable, scale));
            Clauses table = new Clauses(index, byOrdinal, scaled, scale, excluded, policy, policySource);
            List<ClauseResult> clauses = LazyList.of(table::all);
            for (int o = 0; o < index.scoredCount; o++) {
                if (isNotApplicable(byOrdinal[o]) && !excluded[o]) {
                    reasons.add(index.ids.get(o) + " " + table.notApplicableHow(false));
                }
            }
            for (int item = 0; item < index.checklistOwnerOrdinals.length; item++) {
                Finding check = byOrdinal[index.scoredCount + item];
                int ownerOrdinal = index.checklistOwnerOrdinals[item];
                if (check != null && check.result() == Conformity.NOT_CONFORM && ownerOrdinal >= 0
                        && lostNothing(ownerOrdinal)) {
                    reasons.add(index.checklistOwnerList.get(item).id() + " has its full "
                            + text(pointsOf(index.scoredUnitList.get(ownerOrdinal))) + " points though its"
                            + " checklist item " + index.ids.get(index.scoredCount + item) + " does not conform");
                }
            }
            List<String> excludedIds = new ArrayList<>(0);
            for (int o = 0; anyExcluded && o < index.scoredCount; o++) {
                if (excluded[o]) {
                    excludedIds.add(index.ids.get(o));
                }
            }
            if (!excludedIds.isEmpty()) {
                reasons.add(String.join(", ", excludedIds)
                        + " not applicable: excluded (" + policy.key() + ", " + policySource + "); score " + text(score)
                        + " of " + text(applicable) + " applicable points, scaled to " + text(total) + " of "
                        + text(declared));
            }
            Measurements m = new Measurements(score, applicable, declared, total, percent, categories, Map.of(),
                    new Measurements.Exact(scale, scaledScore));
            Grader.Grade grade = Grader.grade(variant.grading(), m, Measurements.Stated.of(part, source));
            for (io.github.aftersales.core.assessment.Event e : part.events()) {
                if (!index.countedEventTypes.contains(e.type())) {
                    boolean surveilled = variant.surveillance() != null && variant.surveillance().seriousEvents().stream()
                            .anyMatch(s -> s.type().equals(e.type()));
                    reasons.add(e.type() + " on " + e.date() + " is not a condition of any level of " + scheme.id() + " "
                            + variant.id() + (surveilled ? "; surveillance acts on it (surveil)" : ""));
                }
            }
            List<String> ownReasons = reasons; // a local, so the sentences do not keep the whole run
            List<String> allReasons = LazyList.of(() -> {
                List<String> all = new ArrayList<>(grade.reasons());
                all.addAll(ownReasons);
                return all;
            });
            return new SchemeResult(scheme.id(), scheme.version(), variant.id(), variant.title(), score, applicable,
                    declared, total, percent, grade.name(), grade.nameEn(), grade.levelId(), grade.stars(),
                    grade.passed(), policy, categories, clauses, grade.levels(), allReasons, List.of());
        }

        /** The least common multiple of the findings' sample counts (in a long while it fits). */
        private static BigDecimal sampleScale(List<Finding> findings) {
            long lcm = 1;
            try {
                for (Finding f : findings) {
                    if (f.samples() != null) {
                        long c = f.samples().checked();
                        lcm = Math.multiplyExact(lcm / gcd(lcm, c), c);
                    }
                }
                return lcm == 1 ? BigDecimal.ONE : BigDecimal.valueOf(lcm);
            } catch (ArithmeticException overflow) {
                java.math.BigInteger big = java.math.BigInteger.ONE;
                for (Finding f : findings) {
                    if (f.samples() != null) {
                        java.math.BigInteger c = java.math.BigInteger.valueOf(f.samples().checked());
                        big = big.divide(big.gcd(c)).multiply(c);
                    }
                }
                return new BigDecimal(big);
            }
        }

        private static long gcd(long a, long b) {
            while (b != 0) {
                long t = a % b;
                a = b;
                b = t;
            }
            return a;
        }

        /** Whether a scored unit kept all its points (or does not count), from its exact scaled score. */
        private boolean lostNothing(int ordinal) {
            BigDecimal points = pointsOf(index.scoredUnitList.get(ordinal));
            return points == null || excluded[ordinal] || scaled[ordinal].compareTo(Decimals.times(points, scale)) == 0;
        }

        /** Whether a scored unit counts in its category's applicable total. */
        private boolean counts(int ordinal) {
            return ordinal >= 0 && ordinal < index.scoredCount && !excluded[ordinal]
                    && pointsOf(index.scoredUnitList.get(ordinal)) != null;
        }

        private static boolean isNotApplicable(Finding f) {
            return f != null && !f.isBlank() && f.result() == Conformity.NOT_APPLICABLE;
        }

        /** Adds a category's figures (and its sub-categories') to {@code out}; returns its own. */
        private CategoryResult sum(Category c, int depth, List<CategoryResult> out) {
            int at = out.size();
            out.add(null);
            BigDecimal score = BigDecimal.ZERO; // scaled
            BigDecimal applicable = BigDecimal.ZERO;
            if (c.scoredAsWhole()) {
                int ordinal = index.ordinals.get(c.id());
                if (!excluded[ordinal]) {
                    score = scaled[ordinal];
                    applicable = c.points();
                }
            } else {
                for (int ordinal : index.clauseOrdinals.get(c)) {
                    if (counts(ordinal)) {
                        score = score.add(scaled[ordinal]);
                        if (anyExcluded) {
                            applicable = applicable.add(pointsOf(index.scoredUnitList.get(ordinal)));
                        }
                    }
                }
            }
            for (Category sub : c.categories()) {
                CategoryResult s = sum(sub, depth + 1, out);
                if (!c.scoredAsWhole() && c.points() != null) {
                    score = score.add(s.scaledScore());
                    if (anyExcluded) {
                        applicable = applicable.add(s.applicablePoints());
                    }
                }
            }
            if (!anyExcluded && c.points() != null) {
                applicable = index.fullApplicable.get(c); // the same sum, made once per variant
            }
            CategoryResult result;
            if (c.points() == null) {
                // a checklist group, or a checklist without points: no figures of its own
                result = new CategoryResult(c.id(), c.title(), c.titleEn(), depth, null, null, null, null);
            } else {
                result = CategoryResult.scaled(c.id(), c.title(), c.titleEn(), depth, c.points(), applicable, score, scale);
            }
            out.set(at, result);
            return result;
        }

        /**
         * The score from a score given, samples (the share of samples not conforming is deducted:
         * ZG025 6.2 c)) or a percentage (ZG025 Table 1), times {@code scale}; {@code null} when none is
         * given. {@code scale} is a multiple of every sample count, so the result is exact. Checks and
         * sums need only this figure; {@link #how} writes the sentence.
         */
        private static BigDecimal deriveScaled(Finding f, BigDecimal points, BigDecimal scale) {
            if (f.score() != null) {
                return Decimals.times(f.score(), scale);
            }
            if (f.samples() != null) {
                int checked = f.samples().checked();
                BigDecimal perSample = scale.divide(BigDecimal.valueOf(checked)); // exact: scale is a multiple
                return points.multiply(BigDecimal.valueOf(checked - f.samples().nonConforming())).multiply(perSample);
            }
            if (f.percent() != null) {
                return Decimals.times(percentScore(points, f.percent()), scale);
            }
            return null;
        }

        private static BigDecimal percentScore(BigDecimal points, BigDecimal percent) {
            return points.multiply(percent).movePointLeft(2).stripTrailingZeros();
        }

        private boolean mayBeExcluded(Object unit) {
            return catalog.anyClauseMayBeExcluded() || (unit instanceof Clause c && c.asksApplicability());
        }

        private List<String> askingApplicability() {
            return index.askingApplicability;
        }

        private static BigDecimal pointsOf(Object unit) {
            return unit instanceof Clause c ? c.points() : ((Category) unit).points();
        }

        private static List<String> idsUnder(Category c) {
            List<String> ids = new ArrayList<>();
            c.clauses().forEach(cl -> ids.add(cl.id()));
            c.categories().forEach(sub -> ids.addAll(idsUnder(sub)));
            return ids;
        }

        private LocatedException problem(Finding f, String message) {
            return new LocatedException(source, f.position(), f.path() + ": " + message);
        }
    }

    /**
     * What a run found for each unit and checklist item, from which their {@link ClauseResult}s are
     * made when first read: a batch that only grades never makes them.
     */
    private record Clauses(VariantIndex index, Finding[] findings, BigDecimal[] scaled, BigDecimal scale,
                           boolean[] excluded, NotApplicablePolicy policy, String policySource) {

        List<ClauseResult> all() {
            List<ClauseResult> all = new ArrayList<>(findings.length);
            for (int o = 0; o < findings.length; o++) {
                all.add(o < index.scoredCount ? scored(o) : checklistItem(o - index.scoredCount));
            }
            return all;
        }

        String notApplicableHow(boolean isExcluded) {
            return isExcluded ? "not applicable: excluded from the applicable total (" + policy.key() + ", " + policySource + ")"
                    : "not applicable: full points (" + policy.key() + ", " + policySource + ")";
        }

        private ClauseResult scored(int o) {
            Object unit = index.scoredUnitList.get(o);
            String id = index.ids.get(o);
            String title = unit instanceof Clause c ? c.title() : ((Category) unit).title();
            String titleEn = unit instanceof Clause c ? c.titleEn() : ((Category) unit).titleEn();
            BigDecimal points = Run.pointsOf(unit);
            Finding f = findings[o];
            if (f == null || f.isBlank()) {
                return new ClauseResult(id, title, titleEn, points, BigDecimal.ZERO, null, true,
                        f == null ? null : f.note(), f == null ? List.of() : f.evidence(), "no finding: counted as 0");
            }
            if (f.result() == Conformity.NOT_APPLICABLE) {
                return new ClauseResult(id, title, titleEn, points, excluded[o] ? null : points, f.result(), !excluded[o],
                        f.note(), f.evidence(), notApplicableHow(excluded[o]));
            }
            if (f.scoreForms() > 0) {
                return ClauseResult.derived(id, title, titleEn, points, scaled[o], scale, f);
            }
            boolean conform = f.result() == Conformity.CONFORM;
            return new ClauseResult(id, title, titleEn, points, conform ? points : BigDecimal.ZERO, f.result(), true,
                    f.note(), f.evidence(), conform ? "conform: full points" : "not conform: no points");
        }

        private ClauseResult checklistItem(int item) {
            Finding f = findings[index.scoredCount + item];
            return new ClauseResult(index.ids.get(index.scoredCount + item), index.checklistTitles[item],
                    index.checklistTitlesEn[item], null, null, f == null ? null : f.result(), true,
                    f == null ? null : f.note(), f == null ? List.of() : f.evidence(), index.checklistHows[item]);
        }
    }

    /** The sentence saying how {@code Run.deriveScaled} worked a score out (for {@link ClauseResult#how}). */
    static String how(Finding f, BigDecimal points) {
        if (f.score() != null) {
            return "score given";
        }
        if (f.samples() != null) {
            int checked = f.samples().checked();
            int bad = f.samples().nonConforming();
            BigDecimal shown = points.multiply(BigDecimal.valueOf(checked - bad))
                    .divide(BigDecimal.valueOf(checked), Decimals.QUOTIENT);
            return bad + " of " + checked + " samples not conforming: " + text(points) + " × " + (checked - bad)
                    + "/" + checked + " = " + text(shown);
        }
        return "scored " + text(f.percent()) + " %: " + text(points) + " × " + text(f.percent()) + " % = "
                + text(Run.percentScore(points, f.percent()));
    }
}
