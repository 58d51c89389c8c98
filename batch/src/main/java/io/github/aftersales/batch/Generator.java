package io.github.aftersales.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.spi.CatalogVisitor;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.util.List;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Realistic random assessments of one scheme variant, valid input: most items conform, some lose a
 * part of their points, a few fail, excludable items are now and then excluded, items are now and
 * then scored on samples; facts and events where the variant declares them. Organisations differ in
 * quality, so the grades spread as in a real book. The same seed gives the same assessments.
 */
public final class Generator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final LocalDate EVALUATED = LocalDate.of(2026, 10, 15);

    private final Scheme scheme;
    private final Variant variant;
    private final Function<String, Optional<Scheme>> others;
    private final Random random;
    private long count;

    /**
     * @param others looks up the schemes a combining variant combines
     */
    public Generator(Scheme scheme, Variant variant, Function<String, Optional<Scheme>> others, long seed) {
        this.scheme = scheme;
        this.variant = variant;
        this.others = others;
        this.random = new Random(seed);
    }

    /** The next assessment. */
    public ObjectNode next() {
        count++;
        ObjectNode root = NODES.objectNode();
        root.put("organisation", "generated organisation " + count);
        root.put("date", EVALUATED.toString());
        ArrayNode parts = root.putArray("schemes");
        double quality = 0.45 + 0.55 * Math.sqrt(random.nextDouble()); // most organisations are decent, some are not
        for (Variant.PartRef ref : variant.combines()) {
            Scheme other = others.apply(ref.scheme()).orElseThrow(() -> new IllegalArgumentException(
                    scheme.id() + " combines " + ref + ", which is not installed"));
            parts.add(part(other, other.variant(ref.variant()).orElseThrow(), quality));
        }
        if (variant.combining()) {
            parts.addObject().put("scheme", scheme.id()).put("variant", variant.id());
        } else {
            parts.add(part(scheme, variant, quality));
        }
        return root;
    }

    private ObjectNode part(Scheme s, Variant v, double quality) {
        ObjectNode part = NODES.objectNode();
        part.put("scheme", s.id());
        part.put("variant", v.id());
        ArrayNode findings = part.putArray("findings");
        add(findings, v, quality);
        // an optional fact is left out, as an assessment may leave it out
        List<Inputs.FactSpec> required = v.inputs().facts().stream().filter(f -> !f.optional()).toList();
        if (!required.isEmpty()) {
            ObjectNode facts = part.putObject("facts");
            for (Inputs.FactSpec f : required) {
                switch (f.type()) {
                    case PERCENT -> facts.put(f.name(), Math.min(100, Math.round(100 * quality - 10 + 20 * random.nextDouble())));
                    case COUNT -> facts.put(f.name(), random.nextDouble() < 0.9 ? 0 : 1);
                    case NUMBER -> facts.put(f.name(), random.nextInt(100));
                    case CHOICE -> facts.put(f.name(), random.nextDouble() < 0.95 ? f.values().get(0)
                            : f.values().get(random.nextInt(f.values().size())));
                    case DATE -> facts.put(f.name(), f.name().equals(v.inputs().evaluationDate()) ? EVALUATED.toString()
                            : EVALUATED.minusMonths(3 + random.nextInt(120)).toString());
                }
            }
        }
        if (!v.inputs().events().isEmpty() && v.inputs().evaluationDate() != null) {
            ArrayNode events = part.putArray("events");
            // nothing happens to an organisation before it began (CQM operatingSince): such events are folded into its time
            long since = v.inputs().startDate() == null ? Long.MAX_VALUE : java.time.temporal.ChronoUnit.DAYS.between(
                    java.time.LocalDate.parse(part.get("facts").get(v.inputs().startDate()).asText()), EVALUATED);
            for (Inputs.EventSpec e : v.inputs().events()) {
                if (random.nextDouble() < 0.05) {
                    ObjectNode ev = events.addObject();
                    ev.put("type", e.type());
                    int daysBefore = random.nextInt(900);
                    ev.put("date", EVALUATED.minusDays(daysBefore <= since ? daysBefore : daysBefore % (since + 1)).toString());
                    e.attributes().forEach(a -> ev.put(a, random.nextDouble() < 0.7));
                }
            }
        }
        return part;
    }

    /** A finding for every scored unit, in the standard's order (checklists are left blank). */
    private void add(ArrayNode findings, Variant v, double quality) {
        boolean anyExcluded = v.catalog().anyClauseMayBeExcluded();
        v.catalog().walk(new CatalogVisitor() {
            @Override
            public boolean enter(Category c, List<Category> parents) {
                if (c.scoredAsWhole()) {
                    ObjectNode f = findings.addObject().put("id", c.id());
                    f.put("score", share(c.points(), quality));
                    return false;
                }
                return c.scoring() == Category.Scoring.BY_CLAUSES;
            }

            @Override
            public void clause(Clause cl, List<Category> parents) {
                ObjectNode f = findings.addObject().put("id", cl.id());
                double roll = random.nextDouble();
                if ((anyExcluded || cl.asksApplicability()) && roll < 0.04) {
                    f.put("result", "not-applicable").put("note", "generated: does not apply");
                } else if (roll < quality) {
                    f.put("result", "conform");
                } else if (roll < quality + (1 - quality) * 0.5 && cl.points().signum() > 0) {
                    if (random.nextBoolean()) {
                        int checked = 3 + random.nextInt(8);
                        f.putObject("samples").put("checked", checked).put("nonConforming", 1 + random.nextInt(checked));
                    } else {
                        f.put("score", share(cl.points(), quality));
                    }
                } else {
                    f.put("result", "not-conform").put("note", "generated: not conforming");
                }
            }
        });
    }

    /** A part of the points, in quarters, around the organisation's quality. */
    private BigDecimal share(BigDecimal points, double quality) {
        int quarters = (int) Math.max(0, Math.min(4, Math.round(4 * (quality + 0.25 * random.nextGaussian()))));
        return points.multiply(BigDecimal.valueOf(quarters)).divide(BigDecimal.valueOf(4)).stripTrailingZeros();
    }
}
