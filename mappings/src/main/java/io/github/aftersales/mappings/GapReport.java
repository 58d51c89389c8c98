package io.github.aftersales.mappings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.mappings.Carry.Bearing;
import io.github.aftersales.mappings.Carry.Carried;
import io.github.aftersales.mappings.Carry.Coverage;
import io.github.aftersales.mappings.Carry.TargetClause;
import java.math.BigDecimal;
import java.util.List;

/**
 * Which clauses of the target scheme an organisation's findings under another scheme cover, partly
 * cover or do not cover, with their points: as text and as JSON.
 */
public final class GapReport {

    private GapReport() {
    }

    /** The report as JSON. */
    public static ObjectNode json(Carried c) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ObjectNode root = n.objectNode();
        root.put("source", c.source());
        if (c.organisation() == null) {
            root.putNull("organisation");
        } else {
            root.put("organisation", c.organisation());
        }
        root.put("target", c.target());
        ArrayNode mappings = root.putArray("mappings");
        for (MappingSet m : c.mappings()) {
            ObjectNode o = mappings.addObject();
            o.put("id", m.id());
            o.put("from", m.source().toString());
            o.put("to", m.target().toString());
            o.put("status", m.status());
        }
        ArrayNode copied = root.putArray("copied");
        c.copied().forEach(copied::add);
        ObjectNode totals = root.putObject("totals");
        for (Coverage coverage : Coverage.values()) {
            ObjectNode t = totals.putObject(coverage.key());
            t.put("clauses", count(c.clauses(), coverage));
            t.put("points", points(c.clauses(), coverage));
        }
        ObjectNode all = totals.putObject("all");
        all.put("clauses", c.clauses().size());
        all.put("points", points(c.clauses(), null));
        ArrayNode clauses = root.putArray("clauses");
        for (TargetClause t : c.clauses()) {
            ObjectNode o = clauses.addObject();
            o.put("part", t.part());
            o.put("id", t.id());
            o.put("title", t.title());
            if (t.points() == null) {
                o.putNull("points");
            } else {
                o.put("points", t.points());
            }
            o.put("coverage", t.coverage().key());
            if (t.carried() == null) {
                o.putNull("carried");
            } else {
                o.put("carried", t.carried().key());
            }
            if (t.why() != null) {
                o.put("why", t.why());
            }
            String unmapped = unmapped(c, t);
            if (unmapped != null) {
                o.put("unmapped", unmapped);
            }
            ArrayNode from = o.putArray("from");
            for (Bearing b : t.bearings()) {
                ObjectNode f = from.addObject();
                f.put("part", b.from());
                f.put("id", b.pair().source());
                f.put("relation", b.pair().relation().key());
                f.put("finding", Carry.summary(b));
                f.put("carries", b.implies() != null && b.implies() == t.carried());
                if (b.notCarried() != null) {
                    f.put("notCarried", b.notCarried());
                }
                f.put("rationale", b.pair().rationale());
            }
        }
        return root;
    }

    /** The report as text, for a terminal or a file. */
    public static String text(Carried c) {
        StringBuilder s = new StringBuilder();
        s.append("Gap report 差距报告: ").append(clean(c.organisation() == null ? c.source() : c.organisation()))
                .append('\n');
        s.append("from ").append(clean(c.source())).append(" to ").append(c.target()).append('\n');
        for (MappingSet m : c.mappings()) {
            s.append("mapping ").append(m.id()).append(" (").append(m.source()).append(" → ").append(m.target())
                    .append("): ").append(m.status()).append('\n');
        }
        for (String p : c.copied()) {
            s.append(p).append(": copied from the file as it is\n");
        }
        s.append('\n');
        s.append(String.format("%-24s %8s %8s%n", "", "clauses", "points"));
        for (Coverage coverage : Coverage.values()) {
            s.append(String.format("%-24s %8d %8s%n", coverage.words(), count(c.clauses(), coverage),
                    plain(points(c.clauses(), coverage))));
        }
        s.append(String.format("%-24s %8d %8s%n", "all", c.clauses().size(), plain(points(c.clauses(), null))));
        if (c.clauses().stream().anyMatch(t -> t.points() == null)) {
            s.append("(a checklist item has no points of its own: they are its category's, scored as a whole)\n");
        }
        section(s, c, Coverage.COVERED, "Covered 已覆盖: a finding carried");
        section(s, c, Coverage.PARTLY, "Partly covered 部分覆盖: the auditor decides; what bears on it");
        section(s, c, Coverage.NOT_COVERED, "Not covered 未覆盖: nothing in the source bears on it");
        return s.toString();
    }

    private static void section(StringBuilder s, Carried c, Coverage coverage, String heading) {
        List<TargetClause> these = c.clauses().stream().filter(t -> t.coverage() == coverage).toList();
        s.append('\n').append(heading).append(" (").append(these.size()).append(")\n");
        boolean parts = c.clauses().stream().map(TargetClause::part).distinct().count() > 1;
        int width = c.clauses().stream().mapToInt(t -> t.id().length()).max().orElse(0);
        for (TargetClause t : these) {
            s.append("  ").append(parts ? t.part() + " " : "").append(String.format("%-" + width + "s", t.id()))
                    .append("  ")
                    .append(t.points() == null ? "-" : plain(t.points())).append(" pt  ")
                    .append(t.carried() == null ? "" : t.carried().key() + "  ").append(clean(t.title())).append('\n');
            if (t.why() != null) {
                s.append("      (").append(t.why()).append(")\n");
            }
            String unmapped = unmapped(c, t);
            if (unmapped != null) {
                s.append("      (").append(clean(unmapped)).append(")\n");
            }
            for (Bearing b : t.bearings()) {
                s.append("      ").append(b.implies() != null && b.implies() == t.carried() ? "← " : "~ ")
                        .append(b.from()).append(' ').append(b.pair().source()).append(" (")
                        .append(b.pair().relation().key()).append("): ").append(clean(Carry.summary(b)))
                        .append(b.notCarried() == null ? "" : " [not carried: " + b.notCarried() + "]").append('\n');
            }
        }
    }

    /** Why a target clause that nothing maps to was left out, as its mapping set says, or {@code null}. */
    private static String unmapped(Carried c, TargetClause t) {
        if (t.coverage() != Coverage.NOT_COVERED) {
            return null;
        }
        for (MappingSet m : c.mappings()) {
            if (m.target().toString().equals(t.part())) {
                for (MappingSet.Unmapped u : m.unmapped()) {
                    if (u.side().equals("target") && u.id().equals(t.id())) {
                        return u.why();
                    }
                }
            }
        }
        return null;
    }

    private static int count(List<TargetClause> clauses, Coverage coverage) {
        return (int) clauses.stream().filter(t -> t.coverage() == coverage).count();
    }

    private static BigDecimal points(List<TargetClause> clauses, Coverage coverage) {
        return clauses.stream().filter(t -> coverage == null || t.coverage() == coverage)
                .map(t -> t.points() == null ? BigDecimal.ZERO : t.points()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** Text as one line: controls, line breaks and format characters become spaces. */
    static String clean(String text) {
        return text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ");
    }
}
