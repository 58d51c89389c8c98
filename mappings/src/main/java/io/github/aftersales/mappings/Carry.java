package io.github.aftersales.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.template.Templates;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Carries an assessment's findings to another scheme through the mapping sets: a new assessment
 * of the target scheme, in the format {@code evaluate} reads, and what bears on each of its
 * clauses (the gap report's matter).
 *
 * <p>A finding is carried only through an {@link Relation#EQUAL equal} pair (a conforming, a
 * wholly non-conforming or a not-applicable finding, the last only where the target clause may be
 * excluded) or a {@link Relation#SUPERSET superset} pair whose source conforms with its full points.
 * Nothing else is carried: a partly conforming source, a subset, an intersection, findings that
 * disagree. Such a clause is left blank, its note listing the source findings that bear on it.
 */
public final class Carry {

    private Carry() {
    }

    /** How much of its clause a source finding gives. */
    public enum Standing {
        /** Conforming with all its points. */
        FULL,
        /** Not conforming, none of its points. */
        NONE,
        /** Some of its points, not all. */
        PARTIAL,
        NOT_APPLICABLE,
        /** No finding, or one that scores nothing. */
        BLANK
    }

    /** How far a target clause is covered by the source. */
    public enum Coverage {
        /** A finding was carried. */
        COVERED("covered", "covered"),
        /** Source findings bear on it, none carries. */
        PARTLY("partly-covered", "partly covered"),
        /** No source clause is mapped to it. */
        NOT_COVERED("not-covered", "not covered");

        private final String key;
        private final String words;

        Coverage(String key, String words) {
            this.key = key;
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** The word in the JSON report. */
        public String key() {
            return key;
        }
    }

    /**
     * A source clause mapped to a target clause, with the source's finding.
     *
     * @param from     the source part's scheme and variant, {@code gbt27922/form}
     * @param pair     the pair, read source to target
     * @param title    the source clause's text
     * @param points   its points, or {@code null}
     * @param finding  the source's finding, or {@code null}
     * @param standing how much of the clause the finding gives
     * @param implies  what it carries to the target, or {@code null}
     * @param notCarried why an equal or superset pair carries nothing, or {@code null}
     */
    public record Bearing(String from, MappingSet.Pair pair, String title, BigDecimal points, Finding finding,
            Standing standing, Conformity implies, String notCarried) {
    }

    /**
     * One clause (or category scored as a whole) of the target.
     *
     * @param part     the target part's scheme and variant
     * @param id       its id
     * @param title    its text
     * @param points   its points, or {@code null} for a checklist item
     * @param coverage how far the source covers it
     * @param carried  the result carried, or {@code null}
     * @param bearings the source clauses mapped to it
     * @param why      why nothing was carried although a pair would carry, or {@code null}
     */
    public record TargetClause(String part, String id, String title, BigDecimal points, Coverage coverage,
            Conformity carried, List<Bearing> bearings, String why) {
    }

    /**
     * What a carry made.
     *
     * @param source     the source file, for messages
     * @param organisation the organisation, or {@code null}
     * @param target     the target, {@code zg025/items}
     * @param assessment the new assessment
     * @param clauses    every clause of every carried part, in the standard's order
     * @param mappings   the mapping sets used
     * @param copied     target parts the source already had, copied as they are
     */
    public record Carried(String source, String organisation, String target, ObjectNode assessment,
            List<TargetClause> clauses, List<MappingSet> mappings, List<String> copied) {
    }

    /**
     * Carries {@code source} to {@code targetVariant} of {@code targetScheme}.
     *
     * @param schemes the installed schemes by id
     * @throws IllegalArgumentException when no part of the source is mapped to the target, or a
     *                                  mapping was written for another version of a scheme
     */
    public static Carried carry(Assessment source, Scheme targetScheme, Variant targetVariant,
            Function<String, Optional<Scheme>> schemes, Mappings mappings) {
        ObjectNode out = Templates.blank(targetScheme, targetVariant, schemes);
        if (source.organisation() != null) {
            out.put("organisation", source.organisation());
        }
        List<TargetClause> clauses = new ArrayList<>();
        Set<MappingSet> used = new LinkedHashSet<>();
        List<String> copied = new ArrayList<>();
        String target = targetScheme.id() + "/" + targetVariant.id();
        boolean carriedAny = false;
        for (JsonNode node : out.withArray("schemes")) {
            ObjectNode part = (ObjectNode) node;
            if (!part.has("findings")) {
                continue; // the combining part: no findings of its own
            }
            String scheme = part.get("scheme").asText();
            Scheme partScheme = schemes.apply(scheme).orElseThrow();
            Variant variant = partScheme.variant(part.get("variant").asText()).orElseThrow();
            Optional<SchemeAssessment> same = source.parts().stream()
                    .filter(p -> p.scheme().equals(scheme) && variantOf(p, schemes).id().equals(variant.id()))
                    .findFirst();
            if (same.isPresent()) {
                copy(same.get(), part);
                copied.add(scheme + "/" + variant.id());
                continue;
            }
            List<Source> sources = new ArrayList<>();
            for (SchemeAssessment p : source.parts()) {
                Scheme s = schemes.apply(p.scheme()).orElseThrow();
                Variant v = variantOf(p, schemes);
                if (v.combining()) {
                    continue;
                }
                Optional<MappingSet> m = mappings.between(p.scheme(), v.id(), scheme, variant.id());
                if (m.isPresent()) {
                    checkVersion(m.get().source(), s);
                    checkVersion(m.get().target(), partScheme);
                    sources.add(new Source(p, v, m.get(), Index.of(v.catalog())));
                    used.add(m.get());
                }
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no mapping from " + String.join(", ", source.parts().stream()
                        .map(p -> p.scheme() + "/" + variantOf(p, schemes).id()).distinct().toList()) + " to "
                        + scheme + "/" + variant.id() + "; the mappings are " + mappings.describe());
            }
            carriedAny = true;
            fill(part, variant, scheme + "/" + variant.id(), sources, clauses);
        }
        if (!carriedAny) {
            throw new IllegalArgumentException("the file already holds " + target + ": there is nothing to carry");
        }
        return new Carried(source.source(), source.organisation(), target, out, List.copyOf(clauses),
                List.copyOf(used), List.copyOf(copied));
    }

    /** A catalog's clauses and categories by id (Catalog's own look-ups walk it every time). */
    private record Index(Map<String, Clause> clauses, Map<String, Category> categories) {
        static Index of(Catalog catalog) {
            Map<String, Clause> clauses = new java.util.HashMap<>();
            catalog.clauses().forEach(c -> clauses.putIfAbsent(c.id(), c));
            Map<String, Category> categories = new java.util.HashMap<>();
            catalog.allCategories().forEach(c -> categories.putIfAbsent(c.id(), c));
            return new Index(clauses, categories);
        }

        Optional<Clause> clause(String id) {
            return Optional.ofNullable(clauses.get(id));
        }

        Optional<Category> category(String id) {
            return Optional.ofNullable(categories.get(id));
        }

        BigDecimal points(String id) {
            return clause(id).map(Clause::points).or(() -> category(id).map(Category::points)).orElse(null);
        }

        String title(String id) {
            return clause(id).map(Clause::title).or(() -> category(id).map(Category::title)).orElse(id);
        }
    }

    private record Source(SchemeAssessment part, Variant variant, MappingSet mapping, Index index) {
        String name() {
            return part.scheme() + "/" + variant.id();
        }
    }

    private static Variant variantOf(SchemeAssessment p, Function<String, Optional<Scheme>> schemes) {
        Scheme s = schemes.apply(p.scheme()).orElseThrow(() -> new IllegalArgumentException(
                "scheme " + p.scheme() + " is not installed"));
        return p.variant() == null ? s.defaultVariant() : s.variant(p.variant()).orElseThrow(() ->
                new IllegalArgumentException("scheme " + p.scheme() + " has no variant " + p.variant()));
    }

    private static void checkVersion(MappingSet.Ref ref, Scheme installed) {
        if (!ref.version().equals(installed.version())) {
            throw new IllegalArgumentException("the mapping of " + ref + " was written for " + ref.version()
                    + ", but the installed " + installed.id() + " is " + installed.version()
                    + ": it is not used for another version's clauses");
        }
    }

    private static void fill(ObjectNode part, Variant variant, String name, List<Source> sources,
            List<TargetClause> clauses) {
        Catalog catalog = variant.catalog();
        Index index = Index.of(catalog);
        int first = clauses.size();
        Map<String, ObjectNode> wholes = new LinkedHashMap<>();
        for (JsonNode node : part.withArray("findings")) {
            ObjectNode f = (ObjectNode) node;
            String id = f.get("id").asText();
            Optional<Clause> clause = index.clause(id);
            boolean mayExclude = catalog.anyClauseMayBeExcluded()
                    || clause.map(Clause::asksApplicability).orElse(false);
            boolean checklist = f.has("checklistOf");
            List<Bearing> bearings = new ArrayList<>();
            for (Source s : sources) {
                for (MappingSet.Pair pair : s.mapping().toTarget(id)) {
                    bearings.add(bearing(s, pair, mayExclude && !checklist));
                }
            }
            Set<Conformity> implied = new LinkedHashSet<>();
            bearings.stream().filter(b -> b.implies() != null).forEach(b -> implied.add(b.implies()));
            Conformity carried = implied.size() == 1 ? implied.iterator().next() : null;
            String why = implied.size() > 1 ? "the findings that would carry disagree" : null;
            Coverage coverage = carried != null ? Coverage.COVERED
                    : bearings.isEmpty() ? Coverage.NOT_COVERED : Coverage.PARTLY;
            BigDecimal points = index.points(id);
            String title = index.title(id);
            clauses.add(new TargetClause(name, id, title, points, coverage, carried, List.copyOf(bearings), why));
            if (index.category(id).isPresent() && clause.isEmpty()) {
                wholes.put(id, f);
            }
            if (carried != null) {
                f.put("result", carried.key());
                List<String> from = new ArrayList<>();
                Set<String> evidence = new LinkedHashSet<>();
                for (Bearing b : bearings) {
                    if (b.implies() == carried) {
                        from.add(b.from() + " " + b.pair().source() + " (" + b.pair().relation().key() + "): "
                                + summary(b) );
                        if (b.finding() != null) {
                            evidence.addAll(b.finding().evidence());
                        }
                    }
                }
                f.put("note", "转自 carried from " + String.join("; ", from));
                ArrayNode e = f.putArray("evidence");
                evidence.forEach(e::add);
            } else if (!bearings.isEmpty()) {
                List<String> hints = new ArrayList<>();
                for (Bearing b : bearings) {
                    hints.add(b.from() + " " + b.pair().source() + " (" + b.pair().relation().key() + "): " + summary(b)
                            + (b.notCarried() == null ? "" : " [not carried: " + b.notCarried() + "]"));
                }
                f.put("note", "待评估 to assess" + (why == null ? "" : " (" + why + ")") + "; bearing on it: "
                        + String.join("; ", hints));
            }
        }
        wholes(part, wholes, clauses, first);
    }

    /**
     * A category scored as a whole (GB/T 27922 Annex B's B.1–B.8) takes a score no pair carries: it
     * is partly covered when something bears on one of its checklist items, and its note says how many
     * of them were carried.
     */
    private static void wholes(ObjectNode part, Map<String, ObjectNode> wholes, List<TargetClause> clauses, int first) {
        for (int i = first; i < clauses.size(); i++) {
            TargetClause t = clauses.get(i);
            ObjectNode f = wholes.get(t.id());
            if (f == null) {
                continue;
            }
            int items = 0;
            int carried = 0;
            int bearing = 0;
            for (JsonNode node : part.withArray("findings")) {
                if (node.path("checklistOf").asText().equals(t.id())) {
                    items++;
                    TargetClause item = find(clauses, first, node.get("id").asText());
                    carried += item.carried() != null ? 1 : 0;
                    bearing += item.bearings().isEmpty() ? 0 : 1;
                }
            }
            if (bearing > 0) {
                clauses.set(i, new TargetClause(t.part(), t.id(), t.title(), t.points(), Coverage.PARTLY, null,
                        t.bearings(), t.why()));
                f.put("note", "待评估 to assess: scored as a whole; of its " + items + " checklist items " + carried
                        + " carried, " + (bearing - carried) + " with hints");
            }
        }
    }

    private static TargetClause find(List<TargetClause> clauses, int first, String id) {
        for (int i = first; i < clauses.size(); i++) {
            if (clauses.get(i).id().equals(id)) {
                return clauses.get(i);
            }
        }
        throw new IllegalStateException(id);
    }

    private static Bearing bearing(Source s, MappingSet.Pair pair, boolean mayExclude) {
        String sourceId = pair.source();
        BigDecimal points = s.index().points(sourceId);
        String title = s.index().title(sourceId);
        Finding finding = s.part().findings().stream().filter(f -> f.id().equals(sourceId)).findFirst().orElse(null);
        Standing standing = standing(finding, points);
        Conformity implies = null;
        String notCarried = null;
        switch (pair.relation()) {
            case EQUAL -> {
                switch (standing) {
                    case FULL -> implies = Conformity.CONFORM;
                    case NONE -> implies = Conformity.NOT_CONFORM;
                    case NOT_APPLICABLE -> {
                        if (mayExclude) {
                            implies = Conformity.NOT_APPLICABLE;
                        } else {
                            notCarried = "this clause may not be marked not applicable";
                        }
                    }
                    case PARTIAL -> notCarried = "partly conforming";
                    case BLANK -> notCarried = "no finding";
                }
            }
            case SUPERSET -> {
                if (standing == Standing.FULL) {
                    implies = Conformity.CONFORM;
                } else {
                    notCarried = "a superset carries only a conforming finding";
                }
            }
            default -> {
            }
        }
        return new Bearing(s.name(), pair, title, points, finding, standing, implies, notCarried);
    }

    /** How much of a clause worth {@code points} a finding gives. */
    public static Standing standing(Finding f, BigDecimal points) {
        if (f == null || f.isBlank()) {
            return Standing.BLANK;
        }
        if (f.result() == Conformity.NOT_APPLICABLE) {
            return Standing.NOT_APPLICABLE;
        }
        BigDecimal share;
        if (f.score() != null && points != null && points.signum() > 0) {
            share = f.score().divide(points, 12, RoundingMode.DOWN);
        } else if (f.samples() != null) {
            share = BigDecimal.valueOf(f.samples().checked() - f.samples().nonConforming())
                    .divide(BigDecimal.valueOf(f.samples().checked()), 12, RoundingMode.DOWN);
        } else if (f.percent() != null) {
            share = f.percent().divide(BigDecimal.valueOf(100), 12, RoundingMode.DOWN);
        } else if (f.result() == Conformity.CONFORM) {
            share = BigDecimal.ONE;
        } else if (f.result() == Conformity.NOT_CONFORM) {
            share = BigDecimal.ZERO;
        } else {
            return Standing.BLANK; // a score of a clause worth nothing, with no result: says nothing
        }
        return share.signum() == 0 ? Standing.NONE : share.compareTo(BigDecimal.ONE) >= 0 ? Standing.FULL
                : Standing.PARTIAL;
    }

    /** A source finding in a few words: {@code not-conform, 3 of 5 (售后服务管理师仅占…)}. */
    static String summary(Bearing b) {
        Finding f = b.finding();
        if (f == null || f.isBlank()) {
            return "no finding";
        }
        StringBuilder s = new StringBuilder(f.result() == null ? "scored" : f.result().key());
        if (f.score() != null) {
            s.append(", ").append(f.score().stripTrailingZeros().toPlainString()).append(" of ")
                    .append(b.points() == null ? "?" : b.points().stripTrailingZeros().toPlainString());
        } else if (f.samples() != null) {
            s.append(", ").append(f.samples().nonConforming()).append(" of ").append(f.samples().checked())
                    .append(" samples not conforming");
        } else if (f.percent() != null) {
            s.append(", ").append(f.percent().stripTrailingZeros().toPlainString()).append(" %");
        }
        if (f.note() != null) {
            String note = f.note().strip();
            s.append(" (").append(note.codePointCount(0, note.length()) > 60
                    ? note.substring(0, note.offsetByCodePoints(0, 60)) + "…" : note).append(")");
        }
        return s.toString();
    }

    /** The part the source already has for this scheme and variant, copied into the template's. */
    private static void copy(SchemeAssessment from, ObjectNode part) {
        if (!from.events().isEmpty() || !from.facts().isEmpty() || !from.readings().isEmpty()) {
            throw new IllegalArgumentException(from.path() + " (" + from.scheme() + ") states facts, events or"
                    + " readings, which are not copied: carry to a scheme the file does not hold");
        }
        if (from.notApplicable() != null) {
            part.withObject("options").put("notApplicable", from.notApplicable().key());
        }
        Map<String, Finding> byId = new LinkedHashMap<>();
        from.findings().forEach(f -> byId.put(f.id(), f));
        for (JsonNode node : part.withArray("findings")) {
            ObjectNode f = (ObjectNode) node;
            Finding s = byId.get(f.get("id").asText());
            if (s == null) {
                continue;
            }
            if (s.result() != null) {
                f.put("result", s.result().key());
            }
            if (s.score() != null) {
                f.put("score", s.score());
            }
            if (s.samples() != null) {
                ObjectNode samples = f.putObject("samples");
                samples.put("checked", s.samples().checked());
                samples.put("nonConforming", s.samples().nonConforming());
            }
            if (s.percent() != null) {
                f.put("percent", s.percent());
            }
            if (s.note() != null) {
                f.put("note", s.note());
            }
            ArrayNode e = f.putArray("evidence");
            s.evidence().forEach(e::add);
        }
    }
}
