package io.github.aftersales.core.evaluation;

import static io.github.aftersales.core.evaluation.Decimals.text;

import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One part of an assessment evaluated against one variant: its findings put in catalog order and
 * checked ({@link FindingCheck}), each unit scored ({@link Scores}), categories and totals summed,
 * the grade given ({@link Grader}) and the part's own reasons written. Used once.
 */
final class PartRun {

    private final Scheme scheme;
    private final Variant variant;
    private final Catalog catalog;
    private final SchemeAssessment part;
    private final String source;
    private final NotApplicablePolicy policy;
    private final String policySource;
    private final boolean missingAsZero;
    private final VariantIndex index;
    private final FindingCheck checks;
    /** The finding of each unit and checklist item, by ordinal ({@link VariantIndex#ids}); null for none. */
    private Finding[] byOrdinal;
    /** Whether the scored unit at an ordinal is excluded from the applicable total. */
    private final boolean[] excluded;
    /** Every score times {@link #scale} ({@link Scores}), by ordinal. */
    private final BigDecimal[] scaled;
    private BigDecimal scale = BigDecimal.ONE;
    /** Whether any unit is excluded from the applicable total; if not, categories' are the catalog's. */
    private boolean anyExcluded;
    private final List<String> reasons = new ArrayList<>();
    private final ReadingChoices readings;
    /** The readings of a checklist's outcome under which the graded value would be another. */
    private final java.util.Set<String> boundByConclusions = new java.util.HashSet<>(0);

    PartRun(Scheme scheme, Variant variant, SchemeAssessment part, String source, EvaluationOptions options) {
        this.scheme = scheme;
        this.variant = variant;
        this.catalog = variant.catalog();
        this.part = part;
        this.source = source;
        this.readings = variant.readings().isEmpty() && part.readings().isEmpty() ? ReadingChoices.NONE
                : ReadingChoices.of(scheme.id(), variant, part, options, source);
        ReadingUsed naReading = variant.notApplicableReading() == null ? null
                : readings.get(variant.notApplicableReading());
        if (naReading != null) {
            policy = NotApplicablePolicy.fromKey(naReading.value()).orElseThrow();
            policySource = switch (naReading.source()) {
                case COMMAND_LINE -> "chosen on the command line";
                case ASSESSMENT -> "chosen in the assessment's options";
                case DEFAULT -> "the default of " + scheme.id() + " " + variant.id();
            };
        } else if (variant.notApplicableFixed()) {
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
        this.checks = new FindingCheck(scheme, variant, index, source);
        this.excluded = new boolean[index.scoredCount];
        this.scaled = new BigDecimal[index.scoredCount];
    }

    SchemeResult run() {
        InputChecks.check(scheme, variant, index, part, source);
        // the same ONE when no samples are given (most assessments): times() then multiplies nothing
        scale = Scores.sampleScale(part.findings());
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
                    throw checks.twice(f, earlier);
                }
                byOrdinal[ordinal] = f;
            }
            BigDecimal given = checks.check(f, ordinal == null ? -1 : ordinal, scale);
            if (given != null) {
                scaled[ordinal] = given; // kept for scoring: null when the result alone gives the score
            }
        }
        checks.requireEveryUnitScored(byOrdinal, part, missingAsZero);
        for (int o = 0; o < index.scoredCount; o++) {
            score(index.scoredUnitList.get(o), byOrdinal[o], o);
        }
        return figures();
    }

    /**
     * Scores a unit: its scaled score, and whether it is excluded. Its {@link ClauseResult} is made
     * only when someone reads the clauses ({@link ClauseTable}).
     */
    private void score(ScoredUnit unit, Finding f, int ordinal) {
        if (f == null || f.isBlank()) {
            reasons.add(index.ids.get(ordinal) + " has no finding: counted as 0 (missing = zero)");
            scaled[ordinal] = BigDecimal.ZERO;
        } else if (f.result() == Conformity.NOT_APPLICABLE) {
            boolean full = policy == NotApplicablePolicy.FULL_POINTS;
            excluded[ordinal] = !full;
            anyExcluded |= !full;
            scaled[ordinal] = full ? Decimals.times(unit.points(), scale) : BigDecimal.ZERO;
        } else if (scaled[ordinal] == null) { // else worked out when the finding was checked
            scaled[ordinal] = f.result() == Conformity.CONFORM ? Decimals.times(unit.points(), scale) : BigDecimal.ZERO;
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
        ClauseTable table = new ClauseTable(index, byOrdinal, scaled, scale, excluded, policy, policySource);
        List<ClauseResult> clauses = LazyList.ofOwn(scheme.id(), table::all);
        for (int o = 0; o < index.scoredCount; o++) {
            if (isNotApplicable(byOrdinal[o]) && !excluded[o]) {
                reasons.add(index.ids.get(o) + " " + table.notApplicableHow(false));
            }
        }
        Measurements m = new Measurements(score, applicable, declared, total, percent, categories, Map.of(),
                new Measurements.Exact(scale, scaledScore), new Measurements.Items(this::resultOf, catalog));
        Measurements.Stated stated = readings.changed().isEmpty() ? Measurements.Stated.of(part, source)
                : Measurements.Stated.of(part, source, readings.changed());
        if (!variant.grading().decided().isEmpty()) {
            decideItems(m, stated);
        }
        for (int item = 0; item < index.checklistOwnerOrdinals.length; item++) {
            Finding check = byOrdinal[index.scoredCount + item];
            int ownerOrdinal = index.checklistOwnerOrdinals[item];
            if (check != null && check.result() == Conformity.NOT_CONFORM && ownerOrdinal >= 0
                    && lostNothing(ownerOrdinal)) {
                reasons.add(index.checklistOwnerList.get(item).id() + " has its full "
                        + text(index.scoredUnitList.get(ownerOrdinal).points()) + " points though its"
                        + " checklist item " + index.ids.get(index.scoredCount + item) + " does not conform");
            }
        }
        Map<String, Object> derived = concludedChecklists();
        if (!derived.isEmpty()) {
            Map<String, Object> facts = new java.util.LinkedHashMap<>(part.facts());
            facts.putAll(derived);
            stated = new Measurements.Stated(java.util.Collections.unmodifiableMap(facts), part.events(), source, part,
                    readings.changed());
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
        Grader.Grade grade = Grader.grade(variant.grading(), m, stated);
        for (Event e : part.events()) {
            if (!index.countedEventTypes.contains(e.type())) {
                boolean surveilled = variant.surveillance() != null && variant.surveillance().seriousEvents().stream()
                        .anyMatch(s -> s.type().equals(e.type()));
                reasons.add(e.type() + " on " + e.date() + " is not a condition of any level of " + scheme.id() + " "
                        + variant.id() + (surveilled ? "; surveillance acts on it (surveil)" : ""));
            }
        }
        List<String> ownReasons = reasons; // a local, so the sentences do not keep the whole run
        List<String> allReasons = LazyList.of(scheme.id(), () -> {
            List<String> all = new ArrayList<>(grade.reasons());
            all.addAll(ownReasons);
            return all;
        });
        return new SchemeResult(scheme.id(), scheme.version(), variant.id(), variant.title(), score, applicable,
                declared, total, percent, grade.name(), grade.nameEn(), grade.levelId(), grade.stars(),
                grade.passed(), policy, categories, clauses, grade.levels(), allReasons, List.of(), readingsUsed(grade));
    }

    /** The stated (or decided) result of a clause or item, by its id; {@code null} for none. */
    private Conformity resultOf(String id) {
        Integer o = index.ordinals.get(id);
        Finding f = o == null ? null : byOrdinal[o];
        return f == null ? null : f.result();
    }

    /**
     * The checklist items the grading table decides with an expression (GB/T 27922 B.6.3.2 from the
     * stated counts of complaints): when the assessment states every fact the expression reads, the
     * item's result is the expression's, and a reason says why; a result stated otherwise is refused.
     * Without those facts the item is the auditor's, as before. Only checklist items are decided
     * (loading checks it), so no score changes.
     */
    private void decideItems(Measurements m, Measurements.Stated stated) {
        for (io.github.aftersales.spi.GradingTable.DecidedItem d : variant.grading().decided()) {
            java.util.Set<String> facts = ConditionExpressions.facts(d.conformsWhen(), variant.grading());
            List<String> stated0 = facts.stream().filter(part.facts()::containsKey).toList();
            if (stated0.isEmpty()) {
                continue;
            }
            if (stated0.size() < facts.size()) {
                List<String> missing = facts.stream().filter(f -> !part.facts().containsKey(f)).toList();
                throw new LocatedException(source, part.position(), part.path() + ": facts " + String.join(", ",
                        stated0) + " without " + String.join(", ", missing) + ": " + d.item() + " is decided from "
                        + String.join(" and ", facts) + " together; state " + (missing.size() == 1 ? "it" : "them")
                        + " too, or none of them");
            }
            Grader.Worked w = Grader.work(d.conformsWhen(), variant.grading(), m, stated);
            String sentence = Grader.decision(d.conformsWhen(), variant.grading(), m, stated, w);
            int o = index.ordinals.get(d.item());
            Finding f = byOrdinal[o];
            if (w.holds() == null) {
                reasons.add(d.item() + " is not decided by the grading table: " + sentence + "; its result is the one"
                        + " stated");
                continue;
            }
            Conformity decided = w.holds() ? Conformity.CONFORM : Conformity.NOT_CONFORM;
            String outcome = decided == Conformity.CONFORM ? "conforms" : "does not conform";
            if (f != null && f.result() != null && f.result() != decided) {
                throw new LocatedException(source, f.position(), f.path() + ": " + d.item() + " is stated "
                        + f.result().key() + ", but the grading table decides it from the stated facts: " + sentence
                        + ", so it " + outcome + "; correct the result or the facts, or leave the result out");
            }
            if (f == null) {
                byOrdinal[o] = new Finding(d.item(), decided, null, null, null, null, List.of(), null, part.position(),
                        part.where());
            } else if (f.result() == null) {
                byOrdinal[o] = new Finding(f.id(), decided, f.score(), f.samples(), f.percent(), f.note(), f.evidence(),
                        f.declaredPoints(), f.position(), f.where());
            }
            reasons.add(d.item() + " " + outcome + ", decided by the grading table: " + sentence);
        }
    }

    /**
     * The readings this result depended on: each one chosen, and each default that bound the grade (a
     * condition taking its parameter from it failed at a level above the grade; a clause marked not
     * applicable was scored by it).
     */
    private List<ReadingUsed> readingsUsed(Grader.Grade grade) {
        if (readings == ReadingChoices.NONE) {
            return List.of();
        }
        java.util.Set<String> bound = new java.util.HashSet<>(boundByConclusions);
        if (variant.notApplicableReading() != null) {
            for (Finding f : byOrdinal) {
                if (isNotApplicable(f)) {
                    bound.add(variant.notApplicableReading());
                    break;
                }
            }
        }
        List<io.github.aftersales.spi.Level> levels = variant.grading().levels();
        for (int i = 0; i < levels.size(); i++) {
            LevelCheck check = grade.levels().get(i);
            if (check.reached()) {
                continue;
            }
            List<io.github.aftersales.spi.Condition> conditions = levels.get(i).conditions();
            for (int c = 0; c < conditions.size(); c++) {
                if (conditions.get(c) instanceof io.github.aftersales.spi.Condition.OnEventCount e && e.reading() != null
                        && !check.conditions().get(c).holds()) {
                    bound.add(e.reading());
                }
            }
        }
        return readings.all().stream()
                .filter(u -> u.source() != ReadingUsed.Source.DEFAULT || bound.contains(u.key())).toList();
    }

    /**
     * A stated conclusion of a checklist (CQM 4.2's management audit) is graded as stated; when the
     * checklist's own results say otherwise, a reason says so, for the auditor to check. Where the
     * conclusion is derived (its outcome reading), an item not conforming gives the value that says it
     * does not conform, every item conforming the one that says it does, and a reason says when that
     * differs from the stated value; a checklist with an item left blank and none not conforming decides
     * nothing, and the stated value is graded.
     *
     * @return the facts whose graded value is the derived one, by name
     */
    private Map<String, Object> concludedChecklists() {
        Map<String, Object> derivedFacts = new java.util.LinkedHashMap<>(0);
        for (io.github.aftersales.spi.Inputs.FactSpec fact : variant.inputs().facts()) {
            io.github.aftersales.spi.Inputs.FactSpec.Concludes concludes = fact.concludes();
            Object stated = part.facts().get(fact.name());
            if (concludes == null || stated == null) {
                continue;
            }
            List<String> notConforming = new ArrayList<>();
            boolean everyItemHasAResult = true;
            int items = 0;
            for (int item = 0; item < index.checklistOwnerList.size(); item++) {
                if (!index.checklistOwnerList.get(item).id().equals(concludes.checklist())) {
                    continue;
                }
                Finding f = byOrdinal[index.scoredCount + item];
                boolean group = index.categories.containsKey(index.ids.get(index.scoredCount + item));
                items += group ? 0 : 1;
                if (f == null || f.result() == null) {
                    everyItemHasAResult &= group; // a group's own result is optional
                } else if (f.result() == Conformity.NOT_CONFORM) {
                    notConforming.add(index.ids.get(index.scoredCount + item));
                }
            }
            boolean saysConforming = concludes.conforming().equalsIgnoreCase(stated.toString());
            String derivable = !notConforming.isEmpty() ? concludes.notConforming()
                    : items > 0 && everyItemHasAResult ? concludes.conforming() : null;
            String outcome = concludes.outcome();
            if (concludes.outcomeReading() != null) {
                ReadingUsed used = readings.get(concludes.outcomeReading());
                outcome = used == null ? outcome : used.value();
                if (derivable != null && !derivable.equalsIgnoreCase(stated.toString())) {
                    boundByConclusions.add(concludes.outcomeReading()); // the other reading grades another value
                }
            }
            if (outcome.equals(io.github.aftersales.spi.Inputs.FactSpec.Concludes.DERIVED)) {
                String how = " (" + (concludes.outcomeReading() == null ? "outcome" : concludes.outcomeReading())
                        + " = " + outcome + ")";
                if (derivable == null) {
                    if (items > 0) {
                        reasons.add(fact.name() + " is not derived from the " + concludes.checklist() + " checklist"
                                + how + ": an item has no result and none does not conform; the stated '" + stated
                                + "' is graded");
                    }
                } else if (!derivable.equalsIgnoreCase(stated.toString())) {
                    derivedFacts.put(fact.name(), derivable);
                    reasons.add(fact.name() + " is '" + derivable + "', derived from the " + concludes.checklist()
                            + " checklist" + how + ": " + (notConforming.isEmpty() ? "every item conforms"
                                    : String.join(", ", notConforming) + (notConforming.size() == 1 ? " does" : " do")
                                            + " not conform") + "; the stated '" + stated + "' is not graded");
                }
                continue;
            }
            if (saysConforming && !notConforming.isEmpty()) {
                reasons.add(fact.name() + " is '" + stated + "', though " + String.join(", ", notConforming) + " of the "
                        + concludes.checklist() + " checklist " + (notConforming.size() == 1 ? "does" : "do")
                        + " not conform: the stated " + fact.name() + " is graded; check that it is the audit's"
                        + " conclusion");
            } else if (!saysConforming && items > 0 && everyItemHasAResult && notConforming.isEmpty()) {
                reasons.add(fact.name() + " is '" + stated + "', though every item of the " + concludes.checklist()
                        + " checklist conforms: the stated " + fact.name() + " is graded; check that it is the"
                        + " audit's conclusion");
            }
        }
        return derivedFacts;
    }

    /** Whether a scored unit kept all its points (or does not count), from its exact scaled score. */
    private boolean lostNothing(int ordinal) {
        BigDecimal points = index.scoredUnitList.get(ordinal).points();
        return points == null || excluded[ordinal] || scaled[ordinal].compareTo(Decimals.times(points, scale)) == 0;
    }

    /** Whether a scored unit counts in its category's applicable total. */
    private boolean counts(int ordinal) {
        return ordinal >= 0 && ordinal < index.scoredCount && !excluded[ordinal]
                && index.scoredUnitList.get(ordinal).points() != null;
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
                        applicable = applicable.add(index.scoredUnitList.get(ordinal).points());
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
}
