package io.github.aftersales.testkit;

import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.definition.CatalogValidator;
import io.github.aftersales.core.definition.GradingValidator;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.template.Templates;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import io.github.aftersales.testkit.AssessmentBuilder.ScoredItem;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/** A scheme under test: its contract, and assessments to evaluate against it. */
public final class SchemeUnderTest {

    /** Generated assessments per variant for the rules that need them; seeded, so failures reproduce. */
    private static final int SAMPLES = 25;
    private static final long SEED = 27922L;

    private final Scheme scheme;
    private final boolean foundByServiceLoader;

    SchemeUnderTest(Scheme scheme, boolean foundByServiceLoader) {
        this.scheme = scheme;
        this.foundByServiceLoader = foundByServiceLoader;
    }

    /** The scheme. */
    public Scheme scheme() {
        return scheme;
    }

    /** An assessment of the default variant. */
    public AssessmentBuilder assessment() {
        return new AssessmentBuilder(scheme, scheme.defaultVariant());
    }

    /** An assessment of a variant. */
    public AssessmentBuilder assessment(String variantId) {
        return new AssessmentBuilder(scheme, scheme.variant(variantId)
                .orElseThrow(() -> new AssertionError("scheme " + scheme.id() + " has no variant " + variantId)));
    }

    /**
     * Checks every {@link ContractRule} and fails with one line for each rule broken.
     *
     * @throws AssertionError listing the violations
     */
    public void verifyContract() {
        List<ContractViolation> violations = contract();
        if (!violations.isEmpty()) {
            throw new AssertionError("scheme " + scheme.getClass().getName() + " breaks its contract:\n  "
                    + violations.stream().map(ContractViolation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** The rules the scheme breaks; empty when it keeps its contract. */
    public List<ContractViolation> contract() {
        List<ContractViolation> out = new ArrayList<>();
        if (!foundByServiceLoader) {
            registered(out);
        }
        if (scheme.id() == null || scheme.id().isBlank() || scheme.variants() == null || scheme.variants().isEmpty()) {
            out.add(new ContractViolation(ContractRule.VALID_DEFINITION, null, "the scheme needs an id and a variant"));
            return out;
        }
        Set<String> variantIds = new HashSet<>();
        for (Variant v : scheme.variants()) {
            if (!variantIds.add(v.id())) {
                out.add(new ContractViolation(ContractRule.VALID_DEFINITION, v.id(), "variant id declared twice"));
            }
            int before = out.size();
            definition(v, out);
            if (out.size() > before || v.combining()) {
                continue; // the behavioural rules need a valid catalog of the variant's own
            }
            behaviour(v, out);
        }
        return out;
    }

    private void registered(List<ContractViolation> out) {
        ClassLoader loader = scheme.getClass().getClassLoader();
        boolean listed = ServiceLoader.load(Scheme.class, loader).stream()
                .anyMatch(p -> p.type().equals(scheme.getClass()));
        if (!listed) {
            out.add(new ContractViolation(ContractRule.REGISTERED, null, scheme.getClass().getName()
                    + " is not listed in META-INF/services/" + Scheme.class.getName()));
        }
    }

    private void definition(Variant v, List<ContractViolation> out) {
        Set<String> ids = new HashSet<>();
        List<String> twice = new ArrayList<>();
        v.catalog().walk(new io.github.aftersales.spi.CatalogVisitor() {
            @Override
            public boolean enter(Category c, List<Category> parents) {
                if (!ids.add(c.id())) {
                    twice.add(c.id());
                }
                return true;
            }

            @Override
            public void clause(Clause cl, List<Category> parents) {
                if (!ids.add(cl.id())) {
                    twice.add(cl.id());
                }
            }
        });
        if (!twice.isEmpty()) {
            out.add(new ContractViolation(ContractRule.UNIQUE_IDS, v.id(), "ids appear twice: " + String.join(", ", twice)));
            return;
        }
        try {
            if (!v.combining()) {
                CatalogValidator.validate(v.catalog(), scheme.id() + " " + v.id() + " catalog", null);
            }
            GradingValidator.validate(v.grading(), v.catalog(), v.combines(), v.inputs(), scheme.id() + " " + v.id()
                    + " grading");
        } catch (RuntimeException e) {
            out.add(new ContractViolation(ContractRule.VALID_DEFINITION, v.id(), e.getMessage()));
        }
        for (String problem : io.github.aftersales.core.definition.ReadingChecks.problems(scheme.id(), v)) {
            out.add(new ContractViolation(ContractRule.READINGS, v.id(), problem));
        }
    }

    private void behaviour(Variant v, List<ContractViolation> out) {
        List<ScoredItem> items = AssessmentBuilder.scoredItems(v);
        int before = out.size();
        roundTrip(v, items, out);
        if (out.size() > before) {
            return; // the other rules write assessments as users do; they cannot run if that fails
        }
        try {
            samples(v, items, out);
            exclusion(v, items, out);
            new LevelSearch(scheme, v, items).check(out);
        } catch (RuntimeException e) {
            out.add(new ContractViolation(ContractRule.DETERMINISTIC, v.id(), "a generated assessment could not be"
                    + " evaluated: " + e.getMessage()));
        }
    }

    private void samples(Variant v, List<ScoredItem> items, List<ContractViolation> out) {
        Random random = new Random(SEED);
        boolean deterministic = true;
        boolean explained = true;
        boolean monotone = true;
        for (int n = 0; n < SAMPLES && (deterministic || explained || monotone); n++) {
            List<BigDecimal> scores = new ArrayList<>();
            for (ScoredItem i : items) {
                scores.add(quarter(i.points(), random.nextInt(5)));
            }
            SchemeResult first = evaluate(v, items, scores, -1);
            if (first == null) {
                out.add(new ContractViolation(ContractRule.DETERMINISTIC, v.id(), "a generated assessment could not be"
                        + " evaluated"));
                return;
            }
            if (deterministic && !first.equals(evaluate(v, items, scores, -1))) {
                deterministic = false;
                out.add(new ContractViolation(ContractRule.DETERMINISTIC, v.id(), "the same assessment gave two results"
                        + " (generated assessment " + n + ", seed " + SEED + ")"));
            }
            if (explained) {
                String why = unexplained(first);
                if (why != null) {
                    explained = false;
                    out.add(new ContractViolation(ContractRule.LOST_POINTS_EXPLAINED, v.id(), why));
                }
            }
            for (int i = 0; monotone && i < items.size(); i++) {
                List<BigDecimal> raised = new ArrayList<>(scores);
                raised.set(i, items.get(i).points());
                SchemeResult higher = evaluate(v, items, raised, -1);
                if (rank(v, higher) < rank(v, first)) {
                    monotone = false;
                    out.add(new ContractViolation(ContractRule.MONOTONE, v.id(), "raising " + items.get(i).id() + " from "
                            + scores.get(i).toPlainString() + " to " + items.get(i).points().toPlainString()
                            + " lowers the grade from " + first.grade() + " to " + higher.grade()));
                }
            }
        }
    }

    private void exclusion(Variant v, List<ScoredItem> items, List<ContractViolation> out) {
        List<BigDecimal> full = items.stream().map(ScoredItem::points).toList();
        SchemeResult all = evaluate(v, items, full, -1);
        for (int i = 0; i < items.size(); i++) {
            ScoredItem item = items.get(i);
            if (!item.excludable() || item.points().signum() == 0) {
                continue;
            }
            SchemeResult without = evaluate(v, items, full, i);
            String problem = null;
            if (without.score().compareTo(all.score().subtract(item.points())) != 0
                    || without.maxScore().compareTo(all.maxScore().subtract(item.points())) != 0) {
                problem = "excluding " + item.id() + " gives " + without.score().toPlainString() + " of "
                        + without.maxScore().toPlainString() + " instead of " + all.score().subtract(item.points())
                                .toPlainString() + " of " + all.maxScore().subtract(item.points()).toPlainString();
            } else if (rank(v, without) != rank(v, all)) {
                problem = "with every other item at full points, excluding " + item.id() + " changes the grade from "
                        + all.grade() + " to " + without.grade() + " (the percentage stays 100 %)";
            } else {
                for (int j = 0; j < all.clauses().size(); j++) {
                    ClauseResult a = all.clauses().get(j);
                    ClauseResult b = without.clauses().get(j);
                    if (!a.id().equals(item.id()) && !a.equals(b)) {
                        problem = "excluding " + item.id() + " changes " + a.id();
                        break;
                    }
                }
            }
            if (problem != null) {
                out.add(new ContractViolation(ContractRule.EXCLUSION_ONLY_DENOMINATOR, v.id(), problem));
                return;
            }
        }
    }

    private void roundTrip(Variant v, List<ScoredItem> items, List<ContractViolation> out) {
        try {
            String template = Templates.blank(scheme, v, id -> Optional.empty()).toString();
            AssessmentReader.read(new ByteArrayInputStream(template.getBytes(StandardCharsets.UTF_8)), "template",
                    LocatedReader.Syntax.JSON);
            SchemeResult r = new AssessmentBuilder(scheme, v).allConform().engineResult();
            if (r.score().compareTo(r.maxScore()) != 0 || !r.lostPoints().isEmpty()) {
                out.add(new ContractViolation(ContractRule.TEMPLATE_ROUND_TRIP, v.id(), "every item conforming scores "
                        + r.score().toPlainString() + " of " + r.maxScore().toPlainString()));
            }
        } catch (RuntimeException | java.io.IOException e) {
            out.add(new ContractViolation(ContractRule.TEMPLATE_ROUND_TRIP, v.id(), "the template does not read back: "
                    + e.getMessage()));
        }
    }

    /** Why a result does not explain its lost points, or {@code null}. */
    private static String unexplained(SchemeResult r) {
        BigDecimal lost = BigDecimal.ZERO;
        for (ClauseResult c : r.clauses()) {
            if (c.points() == null || !c.applicable()) {
                continue;
            }
            if (c.score().compareTo(c.points()) < 0) {
                if (!r.lostPoints().contains(c) || c.how() == null || c.how().isBlank()) {
                    return c.id() + " lost points but is not listed among the lost points with how it was scored";
                }
                lost = lost.add(c.lost());
            }
        }
        if (lost.compareTo(r.maxScore().subtract(r.score())) != 0) {
            return "the lost points add up to " + lost.toPlainString() + ", not " + r.maxScore().subtract(r.score())
                    .toPlainString();
        }
        boolean top = r.levels().get(r.levels().size() - 1).reached();
        if (!top && r.reasons().isEmpty()) {
            return "the grade " + r.grade() + " is not the highest, but the result does not say why";
        }
        return null;
    }

    private static int rank(Variant v, SchemeResult r) {
        for (int i = v.grading().levels().size() - 1; i >= 0; i--) {
            if (v.grading().levels().get(i).id().equals(r.gradeId())) {
                return i;
            }
        }
        return -1;
    }

    private static BigDecimal quarter(BigDecimal points, int quarters) {
        return points.multiply(BigDecimal.valueOf(quarters)).divide(BigDecimal.valueOf(4)).stripTrailingZeros();
    }

    /** Evaluates the variant with these scores; {@code excluded} names an item index marked not applicable, or -1. */
    private SchemeResult evaluate(Variant v, List<ScoredItem> items, List<BigDecimal> scores, int excluded) {
        AssessmentBuilder b = new AssessmentBuilder(scheme, v);
        for (int i = 0; i < items.size(); i++) {
            if (i == excluded) {
                b.notApplicable(items.get(i).id(), "test kit: excluded");
            } else {
                b.score(items.get(i).id(), scores.get(i).toPlainString());
            }
        }
        if (excluded >= 0 && !v.notApplicableFixed()) {
            b.notApplicableReading("prorate");
        }
        return b.engineResult();
    }
}
