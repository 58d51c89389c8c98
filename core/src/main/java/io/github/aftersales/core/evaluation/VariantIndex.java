package io.github.aftersales.core.evaluation;

import io.github.aftersales.spi.CatalogVisitor;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Variant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine looks up in a variant's catalog for every assessment, worked out once per variant
 * (profiling showed the catalog walked again for every clause of every assessment).
 */
final class VariantIndex {

    /**
     * Indexes by variant instance. Read without a lock on every evaluation (by every evaluating
     * thread); replaced whole, under the lock, when a variant is first indexed (there are few).
     */
    private static volatile Map<Variant, VariantIndex> cache = new IdentityHashMap<>();

    /** Scored units (clauses with points, categories scored as a whole) by id, in catalog order. */
    final Map<String, ScoredUnit> scoredUnits;
    /** Checklist item (clause or checklist group) id → the category that owns it. */
    final Map<String, Category> checklistOwner;
    final Map<String, Clause> clauses;
    final Map<String, Category> categories;
    /** The clauses that ask whether they apply. */
    final List<String> askingApplicability;
    /** The facts the variant takes, by name, in declared order. */
    final Map<String, io.github.aftersales.spi.Inputs.FactSpec> factSpecs;
    /** The events the variant takes, by type, in declared order. */
    final Map<String, io.github.aftersales.spi.Inputs.EventSpec> eventSpecs;
    /** The event types some level counts. */
    final java.util.Set<String> countedEventTypes;
    /**
     * Every unit a finding may be about, by ordinal: the scored units first, in catalog order, then
     * the checklist items. The engine keeps a run's findings and scaled scores in arrays by ordinal
     * (profiling showed per-run maps keyed by id as the largest cost of evaluating).
     */
    final List<String> ids;
    /** Id → ordinal in {@link #ids}. */
    final Map<String, Integer> ordinals;
    /** How many of {@link #ids} are scored units (the rest are checklist items). */
    final int scoredCount;
    /** The scored units (a clause or a category scored as a whole), by ordinal. */
    final List<ScoredUnit> scoredUnitList;
    /** The owner of each checklist item, by its ordinal minus {@link #scoredCount}. */
    final List<Category> checklistOwnerList;
    /** A checklist item's owner's ordinal (by the item's ordinal minus {@link #scoredCount}), or -1 when the owner is not scored. */
    final int[] checklistOwnerOrdinals;
    /** Per category: the ordinal of each of its clauses (-1 for one that is neither scored nor a checklist item). */
    final Map<Category, int[]> clauseOrdinals = new IdentityHashMap<>();
    /**
     * Per category with points: its applicable points when nothing is excluded, summed as
     * {@code Evaluator}'s sum does (its clauses' points, and its sub-categories' when it has points).
     */
    final Map<Category, java.math.BigDecimal> fullApplicable = new IdentityHashMap<>();
    /** Each checklist item's title, English title and "checklist of OWNER", by its ordinal minus {@link #scoredCount}. */
    final String[] checklistTitles;
    final String[] checklistTitlesEn;
    final String[] checklistHows;

    private VariantIndex(Variant variant) {
        Map<String, ScoredUnit> scored = new LinkedHashMap<>();
        Map<String, Category> owners = new LinkedHashMap<>();
        index(variant, scored, owners);
        Map<String, Clause> byId = new LinkedHashMap<>();
        List<String> asking = new ArrayList<>();
        for (Clause cl : variant.catalog().clauses()) {
            byId.put(cl.id(), cl);
            if (cl.asksApplicability()) {
                asking.add(cl.id());
            }
        }
        Map<String, Category> cats = new LinkedHashMap<>();
        variant.catalog().allCategories().forEach(c -> cats.put(c.id(), c));
        this.scoredUnits = Collections.unmodifiableMap(scored);
        this.checklistOwner = Collections.unmodifiableMap(owners);
        this.clauses = Collections.unmodifiableMap(byId);
        this.categories = Collections.unmodifiableMap(cats);
        this.askingApplicability = List.copyOf(asking);
        Map<String, io.github.aftersales.spi.Inputs.FactSpec> facts = new LinkedHashMap<>();
        variant.inputs().facts().forEach(f -> facts.put(f.name(), f));
        this.factSpecs = Collections.unmodifiableMap(facts);
        Map<String, io.github.aftersales.spi.Inputs.EventSpec> events = new LinkedHashMap<>();
        variant.inputs().events().forEach(e -> events.put(e.type(), e));
        this.eventSpecs = Collections.unmodifiableMap(events);
        java.util.Set<String> counted = new java.util.HashSet<>();
        variant.grading().levels().forEach(l -> l.conditions().forEach(c -> {
            if (c instanceof io.github.aftersales.spi.Condition.OnEventCount e) {
                counted.add(e.eventType());
            }
        }));
        this.countedEventTypes = java.util.Set.copyOf(counted);
        List<String> all = new ArrayList<>(scored.keySet());
        all.addAll(owners.keySet());
        this.ids = List.copyOf(all);
        this.scoredCount = scored.size();
        this.scoredUnitList = List.copyOf(scored.values());
        this.checklistOwnerList = List.copyOf(owners.values());
        Map<String, Integer> ord = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            ord.put(all.get(i), i);
        }
        this.ordinals = Collections.unmodifiableMap(ord);
        this.checklistOwnerOrdinals = new int[owners.size()];
        int i = 0;
        for (Category owner : owners.values()) {
            checklistOwnerOrdinals[i++] = ord.getOrDefault(owner.id(), -1);
        }
        this.checklistTitles = new String[owners.size()];
        this.checklistTitlesEn = new String[owners.size()];
        this.checklistHows = new String[owners.size()];
        int item = 0;
        for (Map.Entry<String, Category> owned : owners.entrySet()) {
            Clause clause = byId.get(owned.getKey());
            Category group = cats.get(owned.getKey());
            checklistTitles[item] = clause != null ? clause.title() : group.title();
            checklistTitlesEn[item] = clause != null ? clause.titleEn() : group.titleEn();
            checklistHows[item++] = "checklist of " + owned.getValue().id();
        }
        for (Category c : variant.catalog().categories()) {
            applicableWhenNothingExcluded(c, ord);
        }
        for (Category c : variant.catalog().allCategories()) {
            clauseOrdinals.put(c, c.clauses().stream().mapToInt(cl -> ord.getOrDefault(cl.id(), -1)).toArray());
        }
    }

    private java.math.BigDecimal applicableWhenNothingExcluded(Category c, Map<String, Integer> ord) {
        java.math.BigDecimal applicable = java.math.BigDecimal.ZERO;
        if (c.scoredAsWhole()) {
            applicable = c.points();
        } else {
            for (Clause cl : c.clauses()) {
                Integer o = ord.get(cl.id());
                if (o != null && o < scoredCount && cl.points() != null) {
                    applicable = applicable.add(cl.points());
                }
            }
        }
        for (Category sub : c.categories()) {
            java.math.BigDecimal s = applicableWhenNothingExcluded(sub, ord);
            if (!c.scoredAsWhole() && c.points() != null) {
                applicable = applicable.add(s);
            }
        }
        if (c.points() == null) {
            return null;
        }
        fullApplicable.put(c, applicable);
        return applicable;
    }

    /** The index of a variant (the same instance is indexed once). */
    static VariantIndex of(Variant variant) {
        VariantIndex index = cache.get(variant);
        if (index != null) {
            return index;
        }
        synchronized (VariantIndex.class) {
            index = cache.get(variant);
            if (index == null) {
                index = new VariantIndex(variant);
                Map<Variant, VariantIndex> grown = new IdentityHashMap<>(cache);
                grown.put(variant, index);
                cache = grown;
            }
            return index;
        }
    }

    /**
     * The scored units and the checklist items (with the category whose checklist each belongs to),
     * in the standard's order.
     */
    private static void index(Variant variant, Map<String, ScoredUnit> scored, Map<String, Category> owners) {
        variant.catalog().walk(new CatalogVisitor() {
            @Override
            public boolean enter(Category c, List<Category> parents) {
                Category owner = CatalogVisitor.checklistOwner(parents);
                if (owner != null) {
                    owners.put(c.id(), owner); // a checklist group takes a result and a note too
                }
                if (c.scoredAsWhole()) {
                    scored.put(c.id(), ScoredUnit.of(c));
                }
                return true;
            }

            @Override
            public void clause(Clause cl, List<Category> parents) {
                Category owner = CatalogVisitor.checklistOwner(parents);
                if (owner != null) {
                    owners.put(cl.id(), owner);
                } else {
                    scored.put(cl.id(), ScoredUnit.of(cl));
                }
            }
        });
    }
}
