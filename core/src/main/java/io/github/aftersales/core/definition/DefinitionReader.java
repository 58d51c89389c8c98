package io.github.aftersales.core.definition;

import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.json.Reading;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.CatalogItem;
import io.github.aftersales.spi.CertificationCycle;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.DerivedFigure;
import io.github.aftersales.spi.GradingTable;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.SurveillanceRules;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scheme's resources ({@code scheme.json}, catalogs, grading tables) and validates them.
 * See {@code docs/catalog-format.md}. Every problem is a {@link LocatedException} naming the
 * resource and the place.
 */
public final class DefinitionReader {

    /** What {@code scheme.json} declares: a scheme, as data. */
    public record SchemeDefinition(String id, String version, String title, String titleEn, List<Variant> variants,
            String catalogDigest) implements io.github.aftersales.spi.Scheme {
        public SchemeDefinition {
            variants = List.copyOf(variants);
        }
    }

    private final ClassLoader loader;
    private final String directory;
    private final Map<String, Object> cache = new HashMap<>();
    /** Every resource read, by its name inside the directory, as read: what the catalog digest covers. */
    private final java.util.SortedMap<String, byte[]> read = new java.util.TreeMap<>();
    /** The catalog format scheme.json states; what its files may contain depends on it. */
    private String format = CatalogFormat.FIRST;
    /** The readings scheme.json declares, by key. */
    private Map<String, io.github.aftersales.spi.Reading> declaredReadings = Map.of();
    /** The readings the variant being read takes, in the order met. */
    private Set<String> variantReadings = new java.util.LinkedHashSet<>();

    private DefinitionReader(ClassLoader loader, String directory) {
        this.loader = loader;
        this.directory = directory.endsWith("/") ? directory : directory + "/";
    }

    /**
     * Reads the scheme whose {@code scheme.json} is in {@code directory} (e.g. {@code schemes/gbt27922})
     * of the given class loader.
     */
    public static SchemeDefinition read(ClassLoader loader, String directory) {
        return new DefinitionReader(loader, directory).readScheme();
    }

    private SchemeDefinition readScheme() {
        String name = directory + "scheme.json";
        Reading r = new Reading(name);
        Located.Obj root = r.object(load(name), "scheme.json");
        format = CatalogFormat.check(r, root); // first: a newer format may have keys this reader does not know
        r.onlyKeys(root, Set.of("format", "id", "version", "title", "titleEn", "variants", "readings"));
        String id = r.requiredString(root, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw r.problem(root.get("id"), "scheme id '" + id + "' must be lower-case letters, digits and '-'");
        }
        declaredReadings = readings(r, root, id);
        Set<String> usedReadings = new java.util.HashSet<>();
        List<Variant> variants = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        List<Located> items = r.list(r.required(root, "variants"), "'variants'");
        if (items.isEmpty()) {
            throw r.problem(root.get("variants"), "a scheme needs at least one variant");
        }
        Limits.variants(items.size(), name); // before any is read: each reads its grading table
        for (Located item : items) {
            Located.Obj v = r.object(item, "a variant");
            r.onlyKeys(v, Set.of("id", "title", "titleEn", "catalog", "grading", "notApplicable", "notApplicableFixed",
                    "combines", "facts", "events", "evaluationDate", "startDate", "surveillance", "cycle"));
            String vid = r.requiredString(v, "id");
            if (!seen.add(vid)) {
                throw r.problem(v.get("id"), "variant id '" + vid + "' is declared twice");
            }
            variantReadings = new java.util.LinkedHashSet<>();
            String notApplicableReading = null;
            String policyKey;
            io.github.aftersales.spi.Reading naReading = v.has("notApplicable")
                    ? readingRef(r, v.get("notApplicable"), "notApplicable", false) : null;
            if (naReading != null) {
                notApplicableReading = naReading.key();
                for (String value : naReading.values()) {
                    if (NotApplicablePolicy.fromKey(value).filter(p -> p.key().equals(value)).isEmpty()) {
                        throw r.problem(v.get("notApplicable"), "reading " + naReading.key() + " gives notApplicable,"
                                + " so its values are 'prorate' and 'full-points', not '" + value + "'");
                    }
                }
                policyKey = naReading.defaultValue();
            } else {
                policyKey = r.optionalString(v, "notApplicable").orElse(NotApplicablePolicy.PRORATE.key());
            }
            NotApplicablePolicy policy = NotApplicablePolicy.fromKey(policyKey).orElseThrow(() -> r.problem(
                    v.get("notApplicable"), "notApplicable must be 'prorate' or 'full-points', not '" + policyKey + "'"));
            List<Variant.PartRef> combines = new ArrayList<>();
            for (Located part : r.optional(v, "combines").map(p -> r.list(p, "'combines'")).orElse(List.of())) {
                Located.Obj po = r.object(part, "a part");
                r.onlyKeys(po, Set.of("scheme", "variant"));
                Variant.PartRef ref = new Variant.PartRef(r.requiredString(po, "scheme"), r.requiredString(po, "variant"));
                if (combines.stream().anyMatch(c -> c.scheme().equals(ref.scheme()))) {
                    throw r.problem(po, "scheme " + ref.scheme() + " is combined twice");
                }
                combines.add(ref);
            }
            Catalog catalog;
            if (combines.isEmpty()) {
                catalog = catalog(r.requiredString(v, "catalog"));
            } else {
                if (v.has("catalog")) {
                    throw r.problem(v.get("catalog"), "a variant that combines other schemes has no catalog of its own");
                }
                catalog = new Catalog(r.requiredString(v, "title"), r.requiredString(v, "titleEn"), java.math.BigDecimal.ZERO,
                        List.of(), false, List.of());
            }
            Inputs inputs = inputs(r, v);
            for (Inputs.FactSpec fact : inputs.facts()) {
                if (fact.concludes() != null && catalog.category(fact.concludes().checklist())
                        .filter(c -> c.points() == null).isEmpty()) {
                    throw r.problem(v, "fact '" + fact.name() + "' concludes checklist " + fact.concludes().checklist()
                            + ", which the catalog does not have as a category without points");
                }
            }
            GradingTable grading = grading(r.requiredString(v, "grading"), catalog, combines, inputs);
            SurveillanceRules surveillance = r.optional(v, "surveillance").map(x -> surveillance(r, x, inputs))
                    .orElse(null);
            CertificationCycle cycle = r.optional(v, "cycle").map(x -> cycle(r, x, inputs)).orElse(null);
            boolean fixed = r.optionalBoolean(v, "notApplicableFixed", false);
            if (fixed && notApplicableReading != null) {
                throw r.problem(v.get("notApplicableFixed"), "notApplicable is fixed, so it cannot take reading "
                        + notApplicableReading);
            }
            // in scheme.json's order, whatever part of the variant takes each
            List<io.github.aftersales.spi.Reading> taken = declaredReadings.values().stream()
                    .filter(x -> variantReadings.contains(x.key())).toList();
            usedReadings.addAll(variantReadings);
            variants.add(new Variant(vid, r.requiredString(v, "title"), r.requiredString(v, "titleEn"),
                    catalog, grading, policy, fixed, combines, inputs, surveillance, cycle, taken,
                    notApplicableReading));
        }
        for (String key : declaredReadings.keySet()) {
            if (!usedReadings.contains(key)) {
                throw r.problem(root.get("readings"), "reading " + key + " is declared but no parameter of any variant"
                        + " takes it (write {\"reading\": \"" + key + "\"} where it applies, or remove it)");
            }
        }
        return new SchemeDefinition(id, r.requiredString(root, "version"), r.requiredString(root, "title"),
                r.requiredString(root, "titleEn"), variants, CatalogDigest.of(read));
    }

    /** The readings scheme.json declares, by key, in its order. */
    private Map<String, io.github.aftersales.spi.Reading> readings(Reading r, Located.Obj root, String schemeId) {
        Map<String, io.github.aftersales.spi.Reading> out = new LinkedHashMap<>();
        if (!root.has("readings")) {
            return out;
        }
        if (CatalogFormat.FIRST.equals(format)) {
            throw r.problem(root.get("readings"), "readings came with catalog format 0.2: write \"format\": \"0.2\""
                    + " in scheme.json (aftersales 0.1 cannot read them)");
        }
        for (Located item : r.list(root.get("readings"), "'readings'")) {
            Located.Obj o = r.object(item, "a reading");
            r.onlyKeys(o, Set.of("key", "title", "clause", "quote", "why", "unit", "default", "alternatives"));
            String key = r.requiredString(o, "key");
            if (!key.startsWith(schemeId + ".")) {
                throw r.problem(o.get("key"), "reading '" + key + "' must start with the scheme id: " + schemeId + ".…");
            }
            if (out.containsKey(key)) {
                throw r.problem(o.get("key"), "reading " + key + " is declared twice");
            }
            List<io.github.aftersales.spi.Reading.Alternative> alternatives = new ArrayList<>();
            for (Located a : r.list(r.required(o, "alternatives"), "'alternatives'")) {
                Located.Obj ao = r.object(a, "an alternative");
                r.onlyKeys(ao, Set.of("value", "means"));
                alternatives.add(new io.github.aftersales.spi.Reading.Alternative(
                        r.scalarText(r.required(ao, "value"), "'value'"), r.requiredString(ao, "means")));
            }
            try {
                out.put(key, new io.github.aftersales.spi.Reading(key, r.requiredString(o, "title"),
                        r.requiredString(o, "clause"), r.optionalString(o, "quote").orElse(""),
                        r.optionalString(o, "why").orElse(""), r.optionalString(o, "unit").orElse(""),
                        r.scalarText(r.required(o, "default"), "'default'"), alternatives));
            } catch (IllegalArgumentException e) {
                throw r.problem(o, e.getMessage());
            }
        }
        return out;
    }

    /**
     * A parameter written as {@code {"reading": KEY}}: the declared reading, noted as taken by the variant
     * being read; {@code null} when the parameter is a plain value.
     */
    private io.github.aftersales.spi.Reading readingRef(Reading r, Located node, String what, boolean months) {
        if (!(node instanceof Located.Obj o)) {
            return null;
        }
        r.onlyKeys(o, Set.of("reading"));
        String key = r.requiredString(o, "reading");
        io.github.aftersales.spi.Reading reading = declaredReadings.get(key);
        if (reading == null) {
            throw r.problem(o.get("reading"), what + " takes reading '" + key + "', which scheme.json does not declare"
                    + (declaredReadings.isEmpty() ? "" : "; declared: " + String.join(", ", declaredReadings.keySet())));
        }
        if (months != reading.months()) {
            throw r.problem(o.get("reading"), what + (months ? " is a window in months, but reading " + key
                    + " is not (give it \"unit\": \"months\")" : " is a word, but reading " + key + " is in months"));
        }
        variantReadings.add(key);
        return reading;
    }

    private Inputs inputs(Reading r, Located.Obj v) {
        List<Inputs.FactSpec> facts = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Located item : r.optional(v, "facts").map(x -> r.list(x, "'facts'")).orElse(List.of())) {
            Located.Obj f = r.object(item, "a fact");
            r.onlyKeys(f, Set.of("name", "title", "titleEn", "type", "values", "concludes", "optional", "notAbove"));
            String name = r.requiredString(f, "name");
            if (!names.add(name)) {
                throw r.problem(f, "fact '" + name + "' is declared twice");
            }
            String typeKey = r.requiredString(f, "type");
            Inputs.FactSpec.Type type = java.util.Arrays.stream(Inputs.FactSpec.Type.values())
                    .filter(t -> t.key().equals(typeKey)).findFirst()
                    .orElseThrow(() -> r.problem(f.get("type"), "a fact's type is percent, count, date, choice or"
                            + " number, not '" + typeKey + "'"));
            List<String> values = r.optional(f, "values").map(x -> r.stringList(x, "'values'")).orElse(List.of());
            if ((type == Inputs.FactSpec.Type.CHOICE) == values.isEmpty()) {
                throw r.problem(f, "fact '" + name + "': " + (values.isEmpty() ? "a choice needs its values"
                        : "only a choice has values"));
            }
            Inputs.FactSpec.Concludes concludes = null;
            if (f.has("concludes")) {
                Located.Obj c = r.object(f.get("concludes"), "'concludes'");
                r.onlyKeys(c, Set.of("checklist", "conforming", "notConforming", "outcome"));
                String conforming = r.requiredString(c, "conforming");
                if (type != Inputs.FactSpec.Type.CHOICE || !values.contains(conforming)) {
                    throw r.problem(c, "fact '" + name + "' concludes a checklist, so it is a choice whose values"
                            + " include '" + conforming + "'");
                }
                String notConforming = r.optionalString(c, "notConforming").orElse(null);
                if (notConforming != null && (!values.contains(notConforming) || notConforming.equals(conforming))) {
                    throw r.problem(c.get("notConforming"), "notConforming is another of fact '" + name + "''s values "
                            + values + ", not '" + notConforming + "'");
                }
                String outcome = Inputs.FactSpec.Concludes.STATED;
                io.github.aftersales.spi.Reading outcomeReading = null;
                if (c.get("outcome") instanceof Located.Obj o) {
                    r.onlyKeys(o, Set.of("reading"));
                    outcomeReading = wordReading(r, r.required(o, "reading"), "a checklist's outcome");
                    for (String value : outcomeReading.values()) {
                        if (!value.equals(Inputs.FactSpec.Concludes.STATED)
                                && !value.equals(Inputs.FactSpec.Concludes.DERIVED)) {
                            throw r.problem(o.get("reading"), "reading " + outcomeReading.key() + " gives a checklist's"
                                    + " outcome, so its values are 'stated' and 'derived', not '" + value + "'");
                        }
                    }
                    outcome = outcomeReading.defaultValue();
                } else if (c.has("outcome")) {
                    outcome = r.requiredString(c, "outcome");
                    if (!outcome.equals(Inputs.FactSpec.Concludes.STATED)
                            && !outcome.equals(Inputs.FactSpec.Concludes.DERIVED)) {
                        throw r.problem(c.get("outcome"), "a checklist's outcome is stated or derived, not '" + outcome
                                + "'");
                    }
                }
                if ((outcomeReading != null || outcome.equals(Inputs.FactSpec.Concludes.DERIVED))
                        && notConforming == null) {
                    throw r.problem(c, "fact '" + name + "' may be derived from checklist " + r.requiredString(c,
                            "checklist") + ": give notConforming, the value it takes when an item does not conform");
                }
                concludes = new Inputs.FactSpec.Concludes(r.requiredString(c, "checklist"), conforming, notConforming,
                        outcome, outcomeReading == null ? null : outcomeReading.key());
            }
            boolean optional = r.optionalBoolean(f, "optional", false);
            if (optional && (type == Inputs.FactSpec.Type.DATE || concludes != null)) {
                throw r.problem(f.get("optional"), "fact '" + name + "' is " + (concludes != null
                        ? "an audit's conclusion" : "a date the evaluation's dates are checked against")
                        + ": it cannot be optional");
            }
            String notAbove = r.optionalString(f, "notAbove").orElse(null);
            if (notAbove != null && (type == Inputs.FactSpec.Type.CHOICE || type == Inputs.FactSpec.Type.DATE)) {
                throw r.problem(f.get("notAbove"), "fact '" + name + "' is a " + type.key() + ": only a count, percent"
                        + " or number can be bounded by another fact");
            }
            if (name.equals(notAbove)) {
                throw r.problem(f.get("notAbove"), "fact '" + name + "' is bounded by '" + notAbove + "', which must be"
                        + " another count, percent or number");
            }
            facts.add(new Inputs.FactSpec(name, r.requiredString(f, "title"), r.requiredString(f, "titleEn"), type,
                    values, concludes, optional, notAbove));
        }
        for (int i = 0; i < facts.size(); i++) {
            Inputs.FactSpec fact = facts.get(i);
            if (fact.notAbove() == null) {
                continue;
            }
            Located at = r.object(r.list(v.get("facts"), "'facts'").get(i), "a fact").get("notAbove");
            Inputs.FactSpec bound = facts.stream().filter(x -> x.name().equals(fact.notAbove())).findFirst()
                    .orElseThrow(() -> r.problem(at, "fact '" + fact.name() + "' is bounded by '" + fact.notAbove()
                            + "', which is not a declared fact"));
            if (bound == fact || bound.type() == Inputs.FactSpec.Type.CHOICE
                    || bound.type() == Inputs.FactSpec.Type.DATE) {
                throw r.problem(at, "fact '" + fact.name() + "' is bounded by '" + fact.notAbove() + "', which must be"
                        + " another count, percent or number");
            }
        }
        List<Inputs.EventSpec> events = new ArrayList<>();
        for (Located item : r.optional(v, "events").map(x -> r.list(x, "'events'")).orElse(List.of())) {
            Located.Obj e = r.object(item, "an event type");
            r.onlyKeys(e, Set.of("type", "title", "titleEn", "attributes", "optionalAttributes", "exclusive"));
            List<String> attributes = r.optional(e, "attributes").map(x -> r.stringList(x, "'attributes'"))
                    .orElse(List.of());
            List<String> optionalAttributes = r.optional(e, "optionalAttributes")
                    .map(x -> r.stringList(x, "'optionalAttributes'")).orElse(List.of());
            for (String a : optionalAttributes) {
                if (attributes.contains(a)) {
                    throw r.problem(e.get("optionalAttributes"), "attribute '" + a + "' is both in attributes and in"
                            + " optionalAttributes: give it once");
                }
            }
            // attributes that contradict each other when true together (CQM: rectified, cannotBeRectified)
            List<List<String>> exclusive = new ArrayList<>();
            for (Located group : r.optional(e, "exclusive").map(x -> r.list(x, "'exclusive'")).orElse(List.of())) {
                List<String> inGroup = r.stringList(group, "a group of 'exclusive'");
                for (String a : inGroup) {
                    if (!attributes.contains(a) && !optionalAttributes.contains(a)) {
                        throw r.problem(group, "exclusive names '" + a + "', which is not an attribute of this event"
                                + " type; its attributes: " + String.join(", ", attributes) + (optionalAttributes
                                        .isEmpty() ? "" : ", " + String.join(", ", optionalAttributes)));
                    }
                }
                if (inGroup.size() < 2 || inGroup.stream().distinct().count() < inGroup.size()) {
                    throw r.problem(group, "a group of exclusive attributes names two or more different attributes,"
                            + " of which an event may state at most one true");
                }
                exclusive.add(inGroup);
            }
            events.add(new Inputs.EventSpec(r.requiredString(e, "type"), r.requiredString(e, "title"),
                    r.requiredString(e, "titleEn"), attributes, optionalAttributes, exclusive));
        }
        String evaluationDate = r.optionalString(v, "evaluationDate").orElse(null);
        if (evaluationDate != null && facts.stream().noneMatch(f -> f.name().equals(evaluationDate)
                && f.type() == Inputs.FactSpec.Type.DATE)) {
            throw r.problem(v.get("evaluationDate"), "evaluationDate '" + evaluationDate + "' must be a declared date fact");
        }
        String startDate = r.optionalString(v, "startDate").orElse(null);
        if (startDate != null && (startDate.equals(evaluationDate) || facts.stream().noneMatch(f -> f.name().equals(startDate)
                && f.type() == Inputs.FactSpec.Type.DATE))) {
            throw r.problem(v.get("startDate"), "startDate '" + startDate + "' must be a declared date fact other than"
                    + " evaluationDate");
        }
        return new Inputs(facts, events, evaluationDate, startDate);
    }

    private CertificationCycle cycle(Reading r, Located node, Inputs inputs) {
        Located.Obj o = r.object(node, "'cycle'");
        r.onlyKeys(o, Set.of("surveillanceMonths", "reevaluationMonths", "extraEvaluationAfter", "regrading", "source"));
        int surveillanceMonths = r.integer(r.required(o, "surveillanceMonths"), "'surveillanceMonths'");
        if (surveillanceMonths < 1 || surveillanceMonths > 120) {
            throw r.problem(o.get("surveillanceMonths"), "surveillanceMonths must be 1 to 120, not " + surveillanceMonths);
        }
        int reevaluationMonths = r.optional(o, "reevaluationMonths")
                .map(x -> r.integer(x, "'reevaluationMonths'")).orElse(0);
        if (reevaluationMonths < 0 || reevaluationMonths > 240) {
            throw r.problem(o.get("reevaluationMonths"), "reevaluationMonths must be 0 (none) to 240, not "
                    + reevaluationMonths);
        }
        List<String> extra = r.optional(o, "extraEvaluationAfter").map(x -> r.stringList(x, "'extraEvaluationAfter'"))
                .orElse(List.of());
        for (String type : extra) {
            if (inputs.events().stream().noneMatch(e -> e.type().equals(type))) {
                throw r.problem(o.get("extraEvaluationAfter"), "'" + type + "' is not a declared event type");
            }
        }
        io.github.aftersales.spi.Reading regradingReading = readingRef(r, r.required(o, "regrading"), "regrading",
                false);
        if (regradingReading != null) {
            for (String value : regradingReading.values()) {
                if (CertificationCycle.Regrading.fromKey(value).isEmpty()) {
                    throw r.problem(o.get("regrading"), "reading " + regradingReading.key() + " gives regrading, so its"
                            + " values are keep-or-downgrade and new-grade, not '" + value + "'");
                }
            }
        }
        String key = regradingReading != null ? regradingReading.defaultValue() : r.requiredString(o, "regrading");
        CertificationCycle.Regrading regrading = CertificationCycle.Regrading.fromKey(key)
                .orElseThrow(() -> r.problem(o.get("regrading"),
                        "regrading is keep-or-downgrade or new-grade, not '" + key + "'"));
        return new CertificationCycle(surveillanceMonths, reevaluationMonths, extra, regrading,
                r.requiredString(o, "source"), regradingReading == null ? null : regradingReading.key());
    }

    private SurveillanceRules surveillance(Reading r, Located node, Inputs inputs) {
        Located.Obj o = r.object(node, "'surveillance'");
        r.onlyKeys(o, Set.of("seriousEvents", "withinMonths", "onSeriousEvent"));
        if (inputs.evaluationDate() == null) {
            throw r.problem(o, "surveillance looks for events before the evaluation date: declare evaluationDate");
        }
        List<SurveillanceRules.SeriousEvent> events = new ArrayList<>();
        for (Located item : r.list(r.required(o, "seriousEvents"), "'seriousEvents'")) {
            Located.Obj e = r.object(item, "a serious event");
            r.onlyKeys(e, Set.of("type", "where", "title", "titleEn", "withinMonths"));
            io.github.aftersales.spi.Reading window = null;
            if (e.has("withinMonths")) {
                window = readingRef(r, e.get("withinMonths"), "a serious event's withinMonths", true);
                if (window == null) {
                    throw r.problem(e.get("withinMonths"), "a serious event's own withinMonths takes a reading,"
                            + " {\"reading\": KEY}; a fixed window is the surveillance's withinMonths");
                }
            }
            String type = r.requiredString(e, "type");
            Inputs.EventSpec spec = inputs.events().stream().filter(x -> x.type().equals(type)).findFirst()
                    .orElseThrow(() -> r.problem(e.get("type"), "serious event '" + type + "' is not a declared event type"));
            Map<String, String> where = new LinkedHashMap<>();
            io.github.aftersales.spi.Reading whereReading = null;
            Map<String, Map<String, String>> whereByValue = new LinkedHashMap<>();
            Located whereNode = e.has("where") ? e.get("where") : null;
            if (whereNode instanceof Located.Obj wo && wo.has("reading")) {
                // {"reading": KEY, "values": {VALUE: {attribute: value, ...}, ...}}
                r.onlyKeys(wo, Set.of("reading", "values"));
                whereReading = wordReading(r, wo.get("reading"), "a serious event's where");
                Located.Obj values = r.object(r.required(wo, "values"), "'values'");
                for (Map.Entry<String, Located> value : values.members().entrySet()) {
                    if (!whereReading.values().contains(value.getKey())) {
                        throw r.problem(value.getValue(), "'" + value.getKey() + "' is not a value of reading "
                                + whereReading.key() + "; its values: " + String.join(", ", whereReading.values()));
                    }
                    whereByValue.put(value.getKey(), where(r, value.getValue(), spec, type));
                }
                for (String value : whereReading.values()) {
                    if (!whereByValue.containsKey(value)) {
                        throw r.problem(wo.get("values"), "the attributes for value '" + value + "' of reading "
                                + whereReading.key() + " are not given: give each value's");
                    }
                }
                where.putAll(whereByValue.get(whereReading.defaultValue()));
            } else if (whereNode != null) {
                where.putAll(where(r, whereNode, spec, type));
            }
            events.add(new SurveillanceRules.SeriousEvent(type, where, r.requiredString(e, "title"),
                    r.requiredString(e, "titleEn"), window == null ? null : window.key(),
                    whereReading == null ? null : whereReading.key(), whereByValue));
        }
        Located actionNode = r.required(o, "onSeriousEvent");
        io.github.aftersales.spi.Reading actionReading = null;
        if (actionNode instanceof Located.Obj ao) {
            r.onlyKeys(ao, Set.of("reading"));
            actionReading = wordReading(r, r.required(ao, "reading"), "onSeriousEvent");
            for (String value : actionReading.values()) {
                if (!value.equals("suspend") && !value.equals("revoke")) {
                    throw r.problem(ao.get("reading"), "reading " + actionReading.key() + " gives onSeriousEvent,"
                            + " so its values are 'suspend' and 'revoke', not '" + value + "'");
                }
            }
        }
        String action = actionReading != null ? actionReading.defaultValue() : r.requiredString(o, "onSeriousEvent");
        SurveillanceRules.Action onSerious = action.equals("suspend") ? SurveillanceRules.Action.SUSPEND
                : action.equals("revoke") ? SurveillanceRules.Action.REVOKE : null;
        if (onSerious == null) {
            throw r.problem(o.get("onSeriousEvent"), "onSeriousEvent is suspend or revoke, not '" + action + "'");
        }
        return new SurveillanceRules(events, r.integer(r.required(o, "withinMonths"), "'withinMonths'"), onSerious,
                actionReading == null ? null : actionReading.key());
    }

    /** A serious event's attributes, {@code {"rectified": false}}: each one its event type declares. */
    private static Map<String, String> where(Reading r, Located node, Inputs.EventSpec spec, String type) {
        Map<String, String> where = new LinkedHashMap<>();
        r.object(node, "'where'").members().forEach((k, v) -> {
            if (!spec.hasAttribute(k)) {
                throw r.problem(v, "event type " + type + " has no attribute '" + k + "'");
            }
            where.put(k, r.scalarText(v, "the value"));
        });
        return where;
    }

    /** The reading a word parameter names ({@code "reading": KEY}), declared and not in months. */
    private io.github.aftersales.spi.Reading wordReading(Reading r, Located keyNode, String what) {
        String key = r.scalarText(keyNode, "the reading");
        io.github.aftersales.spi.Reading reading = declaredReadings.get(key);
        if (reading == null) {
            throw r.problem(keyNode, what + " takes reading '" + key + "', which scheme.json does not declare"
                    + (declaredReadings.isEmpty() ? "" : "; declared: " + String.join(", ", declaredReadings.keySet())));
        }
        if (reading.months()) {
            throw r.problem(keyNode, what + " is a word, but reading " + key + " is in months");
        }
        variantReadings.add(key);
        return reading;
    }

    private Located load(String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new LocatedException(name, null, "resource not found on the scheme's class path");
            }
            // bounded before it is parsed: a plugin's resource may be a zip bomb
            byte[] bytes = Limits.readResource(in, name);
            read.put(name.startsWith(directory) ? name.substring(directory.length()) : name, bytes);
            return LocatedReader.read(new java.io.ByteArrayInputStream(bytes),
                    name.endsWith(".yaml") || name.endsWith(".yml") ? LocatedReader.Syntax.YAML
                            : LocatedReader.Syntax.JSON);
        } catch (IOException e) {
            throw new LocatedException(name, null, "cannot be read: " + e.getMessage());
        } catch (LocatedReader.ParseException e) {
            throw new LocatedException(name, e.position(), e.getMessage());
        }
    }

    // ---- catalogs ---------------------------------------------------------------------------

    private Catalog catalog(String file) {
        return (Catalog) cache.computeIfAbsent("catalog:" + file, k -> readCatalog(directory + file));
    }

    private Catalog readCatalog(String name) {
        Reading r = new Reading(name);
        Located.Obj root = r.object(load(name), "a catalog");
        r.onlyKeys(root, Set.of("title", "titleEn", "totalPoints", "categories", "anyClauseMayBeExcluded", "scoringGuide",
                "source"));
        List<Category> categories = new ArrayList<>();
        for (Located c : r.list(r.required(root, "categories"), "'categories'")) {
            categories.add(category(r, c, false));
        }
        if (categories.isEmpty()) {
            throw r.problem(root, "a catalog needs at least one category");
        }
        Catalog catalog = new Catalog(r.requiredString(root, "title"), r.requiredString(root, "titleEn"),
                nonNegative(r, root, "totalPoints"), categories,
                r.optionalBoolean(root, "anyClauseMayBeExcluded", false),
                r.optional(root, "scoringGuide").map(v -> r.stringList(v, "'scoringGuide'")).orElse(List.of()));
        CatalogValidator.validate(catalog, name, root);
        return catalog;
    }

    private Category category(Reading r, Located node, boolean insideChecklist) {
        Located.Obj o = r.object(node, "a category");
        r.onlyKeys(o, Set.of("id", "title", "titleEn", "points", "scoredAsWhole", "checklist", "categories", "clauses",
                "order"));
        String id = r.requiredString(o, "id");
        boolean whole = r.optionalBoolean(o, "scoredAsWhole", false);
        boolean checklistOnly = r.optionalBoolean(o, "checklist", false);
        if (whole && checklistOnly) {
            throw r.problem(o, "category " + id + " is both scoredAsWhole and checklist; a checklist carries no points");
        }
        if ((whole || checklistOnly) && insideChecklist) {
            throw r.problem(o, "category " + id + " is " + (whole ? "scoredAsWhole" : "a checklist")
                    + " inside a category whose items are already a checklist");
        }
        Category.Scoring scoring = whole ? Category.Scoring.AS_WHOLE
                : insideChecklist || checklistOnly ? Category.Scoring.NOT_SCORED : Category.Scoring.BY_CLAUSES;
        boolean childrenChecklist = scoring != Category.Scoring.BY_CLAUSES;
        BigDecimal points = scoring == Category.Scoring.NOT_SCORED
                ? noPoints(r, o, "category " + id, insideChecklist)
                : nonNegative(r, o, "points");
        List<Category> subs = new ArrayList<>();
        for (Located c : r.optional(o, "categories").map(v -> r.list(v, "'categories'")).orElse(List.of())) {
            subs.add(category(r, c, childrenChecklist));
        }
        List<Clause> clauses = new ArrayList<>();
        for (Located c : r.optional(o, "clauses").map(v -> r.list(v, "'clauses'")).orElse(List.of())) {
            clauses.add(clause(r, c, childrenChecklist));
        }
        if (subs.isEmpty() && clauses.isEmpty() && !whole) {
            throw r.problem(o, "category " + id + " has neither clauses nor categories");
        }
        String title = r.requiredString(o, "title");
        String titleEn = r.requiredString(o, "titleEn");
        if (!o.has("order")) {
            return new Category(id, title, titleEn, points, scoring, subs, clauses); // clauses first, as format 0.1
        }
        return new Category(id, title, titleEn, points, scoring, subs, clauses, order(r, o, id, subs, clauses));
    }

    /**
     * A category's {@code order}: the ids of its clauses and sub-categories in the standard's order,
     * each once, so that a clause the standard prints between two sub-categories is listed there.
     */
    private List<CatalogItem> order(Reading r, Located.Obj o, String id, List<Category> subs, List<Clause> clauses) {
        Located at = o.get("order");
        if (CatalogFormat.FIRST.equals(format)) {
            throw r.problem(at, "a category's order came with catalog format 0.2: write \"format\": \"0.2\" in"
                    + " scheme.json");
        }
        Map<String, CatalogItem> held = new LinkedHashMap<>();
        List<CatalogItem> all = new ArrayList<>(clauses);
        all.addAll(subs);
        for (CatalogItem item : all) {
            if (held.putIfAbsent(item.id(), item) != null) {
                throw r.problem(o, "category " + id + " holds two items with the id " + item.id());
            }
        }
        List<CatalogItem> ordered = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Located entry : r.list(at, "'order'")) {
            String child = r.string(entry, "an id in 'order'");
            CatalogItem item = held.get(child);
            if (item == null) {
                throw r.problem(entry, child + " is neither a clause nor a sub-category of category " + id
                        + " (they are " + String.join(", ", held.keySet()) + ")");
            }
            if (!listed.add(child)) {
                throw r.problem(entry, child + " is listed twice in the order of category " + id);
            }
            ordered.add(item);
        }
        List<String> left = held.keySet().stream().filter(k -> !listed.contains(k)).toList();
        if (!left.isEmpty()) {
            throw r.problem(at, "the order of category " + id + " leaves out " + String.join(", ", left)
                    + ": list each of its clauses and sub-categories once, in the standard's order");
        }
        return ordered;
    }

    private Clause clause(Reading r, Located node, boolean checklist) {
        Located.Obj o = r.object(node, "a clause");
        r.onlyKeys(o, Set.of("id", "title", "titleEn", "points", "requiredEvidence", "asksApplicability", "row", "note"));
        String id = r.requiredString(o, "id");
        BigDecimal points = checklist ? noPoints(r, o, "clause " + id, true) : nonNegative(r, o, "points");
        Integer row = r.optional(o, "row").map(v -> r.integer(v, "'row'")).orElse(null);
        List<String> evidence = r.optional(o, "requiredEvidence")
                .map(v -> r.stringList(v, "'requiredEvidence'")).orElse(List.of());
        return new Clause(id, r.requiredString(o, "title"), r.requiredString(o, "titleEn"), points, evidence,
                r.optionalBoolean(o, "asksApplicability", false), row, r.optionalString(o, "note").orElse(null));
    }

    private static BigDecimal noPoints(Reading r, Located.Obj o, String what, boolean insideChecklist) {
        if (o.has("points")) {
            throw r.problem(o.get("points"), what + (insideChecklist
                    ? " is a checklist item, so it carries no points of its own (the standard gives points only"
                            + " per category, or none)"
                    : " is a checklist, so it carries no points"));
        }
        return null;
    }

    private static BigDecimal nonNegative(Reading r, Located.Obj o, String key) {
        BigDecimal v = r.requiredNumber(o, key);
        if (v.signum() < 0) {
            throw r.problem(o.get(key), "'" + key + "' must not be negative: " + v.toPlainString());
        }
        return v;
    }

    // ---- grading tables -----------------------------------------------------------------------

    private GradingTable grading(String file, Catalog catalog, List<Variant.PartRef> combines, Inputs inputs) {
        String name = directory + file;
        GradingTable table = readGrading(name);
        GradingValidator.validate(table, catalog, combines, inputs, name);
        return table;
    }

    private GradingTable readGrading(String name) {
        Reading r = new Reading(name);
        Located.Obj root = r.object(load(name), "a grading table");
        r.onlyKeys(root, Set.of("levels", "none", "source", "figures", "decides"));
        List<DerivedFigure> figures = new ArrayList<>();
        Set<String> figureIds = new java.util.HashSet<>();
        if (root.has("figures") && CatalogFormat.FIRST.equals(format)) {
            throw r.problem(root.get("figures"), "derived figures came with catalog format 0.2: write \"format\": \"0.2\""
                    + " in scheme.json (aftersales 0.1 cannot read this table)");
        }
        for (Located item : r.optional(root, "figures").map(f -> r.list(f, "'figures'")).orElse(List.of())) {
            Located.Obj f = r.object(item, "a derived figure");
            r.onlyKeys(f, Set.of("id", "name", "nameEn", "expression", "unit"));
            String id = r.requiredString(f, "id");
            if (!figureIds.add(id)) {
                throw r.problem(f.get("id"), "figure '" + id + "' is declared twice");
            }
            try {
                figures.add(new DerivedFigure(id, r.requiredString(f, "name"), r.requiredString(f, "nameEn"),
                        r.requiredString(f, "expression"), r.optionalString(f, "unit").orElse("")));
            } catch (IllegalArgumentException e) {
                throw r.problem(f.get("id"), e.getMessage());
            }
        }
        List<GradingTable.DecidedItem> decided = new ArrayList<>();
        if (root.has("decides") && CatalogFormat.FIRST.equals(format)) {
            throw r.problem(root.get("decides"), "items decided by an expression came with catalog format 0.2: write"
                    + " \"format\": \"0.2\" in scheme.json (aftersales 0.1 cannot read this table)");
        }
        Set<String> decidedIds = new java.util.HashSet<>();
        for (Located item : r.optional(root, "decides").map(d -> r.list(d, "'decides'")).orElse(List.of())) {
            Located.Obj d = r.object(item, "an item decided by an expression");
            r.onlyKeys(d, Set.of("item", "conformsWhen"));
            String id = r.requiredString(d, "item");
            if (!decidedIds.add(id)) {
                throw r.problem(d.get("item"), "item '" + id + "' is decided twice");
            }
            decided.add(new GradingTable.DecidedItem(id, r.requiredString(d, "conformsWhen")));
        }
        List<Level> levels = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Located item : r.list(r.required(root, "levels"), "'levels'")) {
            Located.Obj l = r.object(item, "a level");
            r.onlyKeys(l, Set.of("id", "name", "nameEn", "stars", "conditions"));
            String id = r.requiredString(l, "id");
            if (!ids.add(id)) {
                throw r.problem(l.get("id"), "level id '" + id + "' is declared twice");
            }
            Integer stars = r.optional(l, "stars").map(v -> r.integer(v, "'stars'")).orElse(null);
            List<Condition> conditions = new ArrayList<>();
            for (Located c : r.list(r.required(l, "conditions"), "'conditions'")) {
                conditions.add(condition(r, c, figureIds));
            }
            if (conditions.isEmpty()) {
                throw r.problem(l, "level " + id + " has no conditions");
            }
            levels.add(new Level(id, r.requiredString(l, "name"), r.requiredString(l, "nameEn"), stars, conditions));
        }
        if (levels.isEmpty()) {
            throw r.problem(root, "a grading table needs at least one level");
        }
        Located.Obj none = r.object(r.required(root, "none"), "'none'");
        r.onlyKeys(none, Set.of("name", "nameEn"));
        return new GradingTable(levels,
                new GradingTable.LevelName(r.requiredString(none, "name"), r.requiredString(none, "nameEn")), figures,
                decided);
    }

    private static final Map<String, Comparison.Operator> OPERATORS = new LinkedHashMap<>();

    static {
        for (Comparison.Operator op : Comparison.Operator.values()) {
            OPERATORS.put(op.key(), op);
        }
    }

    private Condition condition(Reading r, Located node, Set<String> derived) {
        Located.Obj o = r.object(node, "a condition");
        Set<String> allowed = new java.util.HashSet<>(OPERATORS.keySet());
        allowed.addAll(Set.of("figure", "category", "fact", "count", "withinMonths", "before", "where", "part",
                "monthsBetween"));
        if (o.has("expression")) {
            // a rule written as an expression: true or false, compared with nothing
            r.onlyKeys(o, Set.of("expression", "name", "nameEn"));
            if (CatalogFormat.FIRST.equals(format)) {
                throw r.problem(o.get("expression"), "expression conditions came with catalog format 0.2: write"
                        + " \"format\": \"0.2\" in scheme.json (aftersales 0.1 cannot read this table)");
            }
            if (o.has("name") != o.has("nameEn")) {
                throw r.problem(o, "an expression condition has both 'name' and 'nameEn', or neither");
            }
            try {
                return new Condition.OnExpression(r.requiredString(o, "expression"),
                        r.optionalString(o, "name").orElse(""), r.optionalString(o, "nameEn").orElse(""));
            } catch (IllegalArgumentException e) {
                throw r.problem(o, e.getMessage());
            }
        }
        r.onlyKeys(o, allowed);
        Comparison comparison = comparison(r, o);
        int kinds = 0;
        for (String kind : List.of("figure", "fact", "count", "monthsBetween", "part")) {
            kinds += o.has(kind) ? 1 : 0;
        }
        // a part's condition names its figure ('passed' or 'stars') with the key 'figure' too
        if (kinds - (o.has("part") && o.has("figure") ? 1 : 0) != 1) {
            throw r.problem(o, "a condition names exactly one of 'figure', 'fact', 'count', 'monthsBetween', 'part' and"
                    + " 'expression'");
        }
        try {
            if (o.has("part")) {
                String part = r.requiredString(o, "part");
                String key = r.requiredString(o, "figure");
                Condition.PartFigure figure = java.util.Arrays.stream(Condition.PartFigure.values())
                        .filter(f -> f.key().equals(key)).findFirst()
                        .orElseThrow(() -> r.problem(o.get("figure"), "a part's figure is 'passed' or 'stars', not '"
                                + key + "'"));
                return new Condition.OnPart(part, figure, comparison);
            }
            if (o.has("monthsBetween")) {
                List<String> dates = r.stringList(o.get("monthsBetween"), "'monthsBetween'");
                if (dates.size() != 2) {
                    throw r.problem(o.get("monthsBetween"), "'monthsBetween' names two date facts, the earlier first");
                }
                return new Condition.OnDuration(dates.get(0), dates.get(1), comparison);
            }
            if (o.has("figure")) {
                String key = r.requiredString(o, "figure");
                if (derived.contains(key)) {
                    if (o.has("category")) {
                        throw r.problem(o.get("category"), "figure " + key + " is derived by its expression; it takes no"
                                + " category");
                    }
                    return new Condition.OnDerivedFigure(key, comparison);
                }
                Condition.Figure figure = java.util.Arrays.stream(Condition.Figure.values())
                        .filter(f -> f.key().equals(key)).findFirst()
                        .orElseThrow(() -> r.problem(o.get("figure"), "unknown figure '" + key + "'; known: total,"
                                + " score, percent, categoryPercent, partStars"
                                + (derived.isEmpty() ? "" : ", and the table's own " + String.join(", ",
                                        new java.util.TreeSet<>(derived)))));
                return new Condition.OnFigure(figure, r.optionalString(o, "category").orElse(null), comparison);
            }
            if (o.has("fact")) {
                return new Condition.OnFact(r.requiredString(o, "fact"), comparison);
            }
            Map<String, String> where = new LinkedHashMap<>();
            r.optional(o, "where").ifPresent(w -> {
                Located.Obj wo = r.object(w, "'where'");
                wo.members().forEach((k, v) -> where.put(k, r.scalarText(v, "the value")));
            });
            Located windowNode = r.required(o, "withinMonths");
            io.github.aftersales.spi.Reading window = readingRef(r, windowNode, "withinMonths", true);
            if (window != null && window.window(window.defaultValue()).isEmpty()) {
                throw r.problem(windowNode, "reading " + window.key() + " gives a count's window, so its default must be"
                        + " a number of months, not 'none'");
            }
            int months = window == null ? r.integer(windowNode, "'withinMonths'")
                    : window.window(window.defaultValue()).orElseThrow();
            return new Condition.OnEventCount(r.requiredString(o, "count"), months, r.requiredString(o, "before"), where,
                    comparison, window == null ? null : window.key());
        } catch (IllegalArgumentException e) {
            throw r.problem(o, e.getMessage());
        }
    }

    private static Comparison comparison(Reading r, Located.Obj o) {
        Comparison found = null;
        for (Map.Entry<String, Comparison.Operator> op : OPERATORS.entrySet()) {
            if (!o.has(op.getKey())) {
                continue;
            }
            if (found != null) {
                throw r.problem(o, "a condition has exactly one comparison (" + String.join(", ", OPERATORS.keySet()) + ")");
            }
            Located v = o.get(op.getKey());
            if (v instanceof Located.Scalar s && s.value() instanceof BigDecimal n) {
                found = Comparison.of(op.getValue(), n);
            } else if (op.getValue() == Comparison.Operator.EQUALS) {
                found = Comparison.equalsWord(r.scalarText(v, "the value"));
            } else {
                throw r.problem(v, "'" + op.getKey() + "' needs a number, not " + v.kind());
            }
        }
        if (found == null) {
            throw r.problem(o, "a condition needs a comparison: one of " + String.join(", ", OPERATORS.keySet()));
        }
        return found;
    }
}
