package io.github.aftersales.core.definition;

import io.github.aftersales.core.evaluation.ConditionExpressions;
import io.github.aftersales.core.evaluation.FigureExpressions;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.DerivedFigure;
import io.github.aftersales.spi.GradingTable;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.Variant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a grading table's size ({@link Limits}) and that it refers only to what its catalog has. */
public final class GradingValidator {

    private GradingValidator() {
    }

    public static void validate(GradingTable table, Catalog catalog, List<Variant.PartRef> combines, Inputs inputs,
            String source) {
        Limits.grading(table, source);
        checkFigures(table, combines, inputs, source);
        checkExpressions(table, catalog, combines, inputs, source);
        Integer previousStars = null;
        for (Level level : table.levels()) {
            for (Condition c : level.conditions()) {
                checkInputs(c, inputs, level, source);
                if (c instanceof Condition.OnDerivedFigure d && table.figure(d.figure()).isEmpty()) {
                    throw new LocatedException(source, null, "level " + level.id() + " compares figure " + d.figure()
                            + ", which its table does not derive");
                }
                boolean measuresNumber = c instanceof Condition.OnFigure || c instanceof Condition.OnDuration
                        || c instanceof Condition.OnEventCount;
                if (measuresNumber && c.comparison().number() == null) {
                    throw new LocatedException(source, null, "level " + level.id() + " compares a number ("
                            + (c instanceof Condition.OnFigure f ? f.figure().key()
                                    : c instanceof Condition.OnDuration ? "monthsBetween" : "count")
                            + ") with the word '" + c.comparison().thresholdText() + "'; give a number");
                }
                boolean onParts = c instanceof Condition.OnPart
                        || (c instanceof Condition.OnFigure f && f.figure() == Condition.Figure.PART_STARS);
                if (onParts && combines.isEmpty()) {
                    throw new LocatedException(source, null, "level " + level.id()
                            + " has a condition on parts, but its variant combines no other scheme");
                }
                if (!onParts && !combines.isEmpty() && c instanceof Condition.OnFigure) {
                    throw new LocatedException(source, null, "level " + level.id() + " of a combining variant has a"
                            + " condition on its own score; it has no catalog (use partStars or a part's figures)");
                }
                if (c instanceof Condition.OnPart p && !Condition.EVERY_TOP_LEVEL_CATEGORY.equals(p.part())
                        && combines.stream().noneMatch(ref -> ref.scheme().equals(p.part()))) {
                    throw new LocatedException(source, null, "level " + level.id() + " names part " + p.part()
                            + ", which its variant does not combine");
                }
                if (c instanceof Condition.OnFigure f && f.category() != null
                        && !Condition.EVERY_TOP_LEVEL_CATEGORY.equals(f.category())
                        && catalog.category(f.category()).isEmpty()) {
                    throw new LocatedException(source, null, "level " + level.id()
                            + " names category " + f.category() + ", which the catalog does not have");
                }
            }
            if (level.stars() != null) {
                if (level.stars() < 0) {
                    throw new LocatedException(source, null, "level " + level.id() + " has negative stars");
                }
                if (previousStars != null && level.stars() <= previousStars) {
                    throw new LocatedException(source, null, "levels are listed from the lowest to the highest,"
                            + " but " + level.id() + " has " + level.stars() + " stars after a level with "
                            + previousStars);
                }
                previousStars = level.stars();
            }
        }
        LevelChecks.check(table, catalog, !combines.isEmpty(), inputs, source);
    }

    /** Each derived figure's expression parses, names only figures and the variant's number facts, and gives a number. */
    private static void checkFigures(GradingTable table, List<Variant.PartRef> combines, Inputs inputs, String source) {
        if (table.figures().isEmpty()) {
            return;
        }
        if (!combines.isEmpty()) {
            throw new LocatedException(source, null, "a combining variant's grading table derives no figures: it has no"
                    + " catalog of its own (figure " + table.figures().get(0).id() + ")");
        }
        java.util.Set<String> allowed = new java.util.HashSet<>(FigureExpressions.FIGURES);
        // expressions read names without regard to case: two names that differ only in case would be one
        java.util.Map<String, String> byCase = new java.util.HashMap<>();
        FigureExpressions.FIGURES.forEach(n -> byCase.put(n.toLowerCase(java.util.Locale.ROOT), "the figure " + n));
        for (Inputs.FactSpec f : inputs.facts()) {
            if (f.type() != Inputs.FactSpec.Type.CHOICE && f.type() != Inputs.FactSpec.Type.DATE) {
                String other = byCase.putIfAbsent(f.name().toLowerCase(java.util.Locale.ROOT), "the fact " + f.name());
                if (other != null) {
                    throw new LocatedException(source, null, "the fact " + f.name() + " and " + other + " differ only in"
                            + " case, and a derived figure's expression reads names without regard to case: rename the"
                            + " fact");
                }
                allowed.add(f.name());
            }
        }
        for (DerivedFigure f : table.figures()) {
            try {
                FigureExpressions.check(f.expression(), allowed);
            } catch (FigureExpressions.Problem e) {
                throw new LocatedException(source, null, "figure " + f.id() + " (" + f.expression() + "): "
                        + e.getMessage());
            }
        }
    }

    /**
     * Each expression condition and each decided item's expression reads, names only what its variant
     * has, and gets the types its operators and functions take; each decided item is a checklist item.
     * A refusal names the file, the level (and the condition's place) and the expression.
     */
    private static void checkExpressions(GradingTable table, Catalog catalog, List<Variant.PartRef> combines,
            Inputs inputs, String source) {
        boolean any = !table.decided().isEmpty() || table.levels().stream().flatMap(l -> l.conditions().stream())
                .anyMatch(c -> c instanceof Condition.OnExpression);
        if (!any) {
            return;
        }
        if (!combines.isEmpty()) {
            throw new LocatedException(source, null, "a combining variant's grading table has no expressions: it has no"
                    + " catalog of its own (use its parts' figures)");
        }
        for (Inputs.FactSpec f : inputs.facts()) {
            if (table.figure(f.name()).isPresent()) {
                throw new LocatedException(source, null, "figure " + f.name() + " has the name of a fact its variant"
                        + " declares, so an expression could not tell them apart: rename the figure");
            }
        }
        ConditionExpressions.Scope scope = ConditionExpressions.Scope.of(catalog, inputs, table);
        for (int i = 0; i < table.levels().size(); i++) {
            Level level = table.levels().get(i);
            for (int j = 0; j < level.conditions().size(); j++) {
                if (level.conditions().get(j) instanceof Condition.OnExpression e) {
                    try {
                        ConditionExpressions.check(e.expression(), scope);
                    } catch (ConditionExpressions.Problem p) {
                        throw new LocatedException(source, null, "level " + level.id() + " (levels[" + i + "].conditions["
                                + j + "]): expression " + e.expression().strip() + ": " + p.getMessage());
                    }
                }
            }
        }
        Map<String, String> checklistOwners = new java.util.HashMap<>();
        catalog.walk(new io.github.aftersales.spi.CatalogVisitor() {
            @Override
            public void clause(io.github.aftersales.spi.Clause clause, List<io.github.aftersales.spi.Category> parents) {
                io.github.aftersales.spi.Category owner = io.github.aftersales.spi.CatalogVisitor.checklistOwner(parents);
                if (owner != null) {
                    checklistOwners.put(clause.id(), owner.id());
                }
            }
        });
        for (int i = 0; i < table.decided().size(); i++) {
            GradingTable.DecidedItem d = table.decided().get(i);
            String where = "decides[" + i + "] (item " + d.item() + ")";
            if (!checklistOwners.containsKey(d.item())) {
                throw new LocatedException(source, null, where + ": " + (catalog.clause(d.item()).isPresent()
                        ? d.item() + " carries points of its own; only a checklist item's result is decided, so that"
                                + " no score changes"
                        : "the catalog has no item " + d.item()));
            }
            try {
                Set<String> names = ConditionExpressions.check(d.conformsWhen(), scope);
                if (names.isEmpty()) {
                    throw new ConditionExpressions.Problem("it names no fact, so it would decide " + d.item()
                            + " for every assessment: name the facts the standard gives the item by");
                }
            } catch (ConditionExpressions.Problem p) {
                throw new LocatedException(source, null, where + ": expression " + d.conformsWhen().strip() + ": "
                        + p.getMessage());
            }
        }
    }

    /** When a variant declares its facts and events, its conditions may use only those. */
    private static void checkInputs(Condition c, Inputs inputs, Level level, String source) {
        if (inputs.facts().isEmpty() && inputs.events().isEmpty()) {
            return;
        }
        List<String> facts = List.of();
        if (c instanceof Condition.OnFact f) {
            facts = List.of(f.fact());
        } else if (c instanceof Condition.OnEventCount e) {
            facts = List.of(e.before());
        } else if (c instanceof Condition.OnDuration d) {
            facts = List.of(d.from(), d.to());
        }
        for (String fact : facts) {
            if (inputs.facts().stream().noneMatch(f -> f.name().equals(fact))) {
                throw new LocatedException(source, null, "level " + level.id() + " uses fact '" + fact
                        + "', which its variant does not declare");
            }
        }
        java.util.function.Function<String, Inputs.FactSpec> factSpec = name -> inputs.facts().stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        List<String> dates = c instanceof Condition.OnEventCount e ? List.of(e.before())
                : c instanceof Condition.OnDuration d ? List.of(d.from(), d.to()) : List.of();
        for (String date : dates) {
            if (factSpec.apply(date).type() != Inputs.FactSpec.Type.DATE) {
                throw new LocatedException(source, null, "level " + level.id() + " counts from fact '" + date
                        + "', which is not a date");
            }
        }
        if (c instanceof Condition.OnFact f) {
            Inputs.FactSpec s = factSpec.apply(f.fact());
            boolean numeric = s.type() != Inputs.FactSpec.Type.CHOICE && s.type() != Inputs.FactSpec.Type.DATE;
            if (f.comparison().number() != null && !numeric) {
                throw new LocatedException(source, null, "level " + level.id() + " compares fact '" + f.fact()
                        + "' with a number, but it is a " + s.type().key());
            }
            if (f.comparison().word() != null && s.type() == Inputs.FactSpec.Type.CHOICE
                    && !s.values().contains(f.comparison().word())) {
                throw new LocatedException(source, null, "level " + level.id() + " expects fact '" + f.fact() + "' to be '"
                        + f.comparison().word() + "', which is not one of its values (" + String.join(", ", s.values())
                        + "): the level could never be reached");
            }
            if (f.comparison().word() != null && numeric) {
                throw new LocatedException(source, null, "level " + level.id() + " compares fact '" + f.fact()
                        + "', a " + s.type().key() + ", with the word '" + f.comparison().word() + "'");
            }
        }
        if (c instanceof Condition.OnEventCount e) {
            Inputs.EventSpec spec = inputs.events().stream().filter(s -> s.type().equals(e.eventType())).findFirst()
                    .orElseThrow(() -> new LocatedException(source, null, "level " + level.id() + " counts events '"
                            + e.eventType() + "', a type its variant does not declare"));
            for (String attribute : e.where().keySet()) {
                if (!spec.hasAttribute(attribute)) {
                    throw new LocatedException(source, null, "level " + level.id() + " filters " + e.eventType()
                            + " on '" + attribute + "', which that event type does not declare");
                }
            }
        }
    }
}
