package io.github.aftersales.core.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.spi.CatalogVisitor;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * Blank assessments: exactly the format {@link io.github.aftersales.core.assessment.AssessmentReader}
 * reads, with every clause's id, title, points and required evidence, and empty {@code result},
 * {@code score}, {@code note} and {@code evidence} to fill in.
 */
public final class Templates {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Templates() {
    }

    /**
     * A blank assessment for one variant of one scheme. For a variant that combines others, the
     * blank parts of those come first, then the combining part.
     *
     * @param others looks up the schemes a combining variant names
     * @throws IllegalArgumentException when a combined scheme or variant is not installed
     */
    public static ObjectNode blank(Scheme scheme, Variant variant, Function<String, Optional<Scheme>> others) {
        ObjectNode root = NODES.objectNode();
        root.putNull("organisation");
        root.putNull("date");
        root.putNull("assessor");
        ArrayNode schemes = root.putArray("schemes");
        for (Variant.PartRef ref : variant.combines()) {
            Scheme other = others.apply(ref.scheme()).orElseThrow(() -> new IllegalArgumentException(
                    scheme.id() + " " + variant.id() + " combines " + ref + ", but scheme " + ref.scheme()
                            + " is not installed"));
            Variant otherVariant = other.variant(ref.variant()).orElseThrow(() -> new IllegalArgumentException(
                    scheme.id() + " " + variant.id() + " combines " + ref + ", but the installed " + ref.scheme()
                            + " has no variant " + ref.variant()));
            schemes.add(part(other, otherVariant));
        }
        ObjectNode own = part(scheme, variant);
        if (variant.combining()) {
            own.remove("options");
            own.remove("findings");
            ArrayNode combines = own.putArray("combines");
            variant.combines().forEach(ref -> combines.add(ref.toString()));
        }
        schemes.add(own);
        return root;
    }

    private static ObjectNode part(Scheme scheme, Variant variant) {
        ObjectNode part = NODES.objectNode();
        part.put("scheme", scheme.id());
        part.put("variant", variant.id());
        part.put("schemeVersion", scheme.version());
        part.put("title", variant.title());
        ObjectNode options = part.putObject("options");
        options.put("notApplicable", variant.notApplicable().key());
        options.put("missing", "error");
        if (!variant.catalog().scoringGuide().isEmpty()) {
            ArrayNode guide = part.putArray("scoringGuide");
            variant.catalog().scoringGuide().forEach(guide::add);
        }
        ArrayNode findings = part.putArray("findings");
        add(findings, variant);
        Inputs inputs = variant.inputs();
        if (!inputs.facts().isEmpty()) {
            ArrayNode guide = part.putArray("factsGuide");
            ObjectNode facts = part.putObject("facts");
            for (Inputs.FactSpec f : inputs.facts()) {
                guide.add(f.name() + ": " + f.title() + " / " + f.titleEn() + " ("
                        + (f.values().isEmpty() ? f.type().key() : String.join(" | ", f.values()))
                        + (f.optional() ? "; optional, leave null when not known" : "") + ")");
                facts.putNull(f.name());
            }
        }
        if (!inputs.events().isEmpty()) {
            ArrayNode guide = part.putArray("eventTypes");
            for (Inputs.EventSpec e : inputs.events()) {
                guide.add(e.type() + ": " + e.title() + " / " + e.titleEn() + "; each with date"
                        + e.attributes().stream().map(a -> ", " + a + " (true/false)").collect(Collectors.joining()));
            }
            part.putArray("events");
        }
        return part;
    }

    /** A blank finding for every scored unit and checklist item, in the standard's order. */
    private static void add(ArrayNode findings, Variant variant) {
        variant.catalog().walk(new CatalogVisitor() {
            @Override
            public boolean enter(Category c, List<Category> parents) {
                if (c.scoredAsWhole()) {
                    ObjectNode f = findings.addObject();
                    f.put("id", c.id());
                    f.put("title", c.title());
                    f.put("titleEn", c.titleEn());
                    f.put("points", c.points());
                    blanks(f, true);
                }
                return true;
            }

            @Override
            public void clause(Clause cl, List<Category> parents) {
                Category owner = CatalogVisitor.checklistOwner(parents);
                ObjectNode f = findings.addObject();
                f.put("id", cl.id());
                if (cl.row() != null) {
                    f.put("row", cl.row());
                }
                f.put("title", cl.title());
                f.put("titleEn", cl.titleEn());
                if (owner != null) {
                    f.put("checklistOf", owner.id());
                } else {
                    f.put("points", cl.points());
                }
                ArrayNode evidence = f.putArray("requiredEvidence");
                cl.requiredEvidence().forEach(evidence::add);
                if (cl.asksApplicability()) {
                    f.put("asksApplicability", true);
                }
                blanks(f, owner == null);
            }
        });
    }

    private static void blanks(ObjectNode f, boolean scored) {
        f.putNull("result");
        if (scored) {
            f.putNull("score");
        }
        f.putNull("note");
        f.putArray("evidence");
    }
}
