package io.github.aftersales.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.evaluation.Decimals;
import io.github.aftersales.core.plan.Change;
import io.github.aftersales.core.plan.LevelPlan;
import io.github.aftersales.core.plan.Route;
import io.github.aftersales.core.plan.SchemePlan;
import io.github.aftersales.core.plan.Wait;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The path to each higher level ({@code evaluate --plan}) in each medium: the {@code plan} member of a
 * scheme's JSON result, and a section of the text, Markdown and HTML reports, escaped for each.
 */
public final class PlanReport {

    private PlanReport() {
    }

    /** The {@code plan} member of a scheme's result, as a tree: read back from what {@link #write} writes. */
    public static ObjectNode json(SchemePlan p) {
        return (ObjectNode) Json.tree(g -> write(g, p));
    }

    /** The {@code plan} member of a scheme's result, written to {@code g}. */
    public static void write(JsonGenerator g, SchemePlan p) throws IOException {
        g.writeStartObject();
        g.writeStringField("note", p.note());
        g.writeArrayFieldStart("levels");
        for (LevelPlan l : p.levels()) {
            g.writeStartObject();
            g.writeStringField("id", l.levelId());
            g.writeStringField("name", l.name());
            g.writeStringField("nameEn", l.nameEn());
            g.writeNumberField("stars", l.stars());
            g.writeStringField("status", l.status().key());
            g.writeStringField("from", l.from() == null ? null : l.from().toString());
            g.writeStringField("why", l.why());
            g.writeBooleanField("proven", l.proven());
            g.writeNumberField("changeCount", l.changes().size());
            JsonReport.number(g, "points", l.points());
            JsonReport.number(g, "effort", l.effort());
            g.writeArrayFieldStart("changes");
            for (Change c : l.changes()) {
                g.writeStartObject();
                g.writeStringField("scheme", c.scheme());
                g.writeStringField("kind", c.kind().key());
                g.writeStringField("id", c.id());
                g.writeStringField("title", c.title());
                g.writeStringField("from", c.from());
                g.writeStringField("to", c.to());
                JsonReport.number(g, "gain", c.gain());
                JsonReport.number(g, "effort", c.effort());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("waits");
            for (Wait w : l.waits()) {
                g.writeStartObject();
                g.writeStringField("condition", w.condition());
                g.writeStringField("fact", w.fact());
                g.writeStringField("from", w.from() == null ? null : w.from().toString());
                g.writeStringField("why", w.why());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("routes");
            for (Route r : l.routes()) {
                g.writeStartObject();
                g.writeNumberField("changeCount", r.changes());
                JsonReport.number(g, "points", r.points());
                JsonReport.number(g, "effort", r.effort());
                g.writeArrayFieldStart("parts");
                for (Route.PartTarget t : r.parts()) {
                    g.writeStartObject();
                    g.writeStringField("scheme", t.scheme());
                    g.writeStringField("levelId", t.levelId());
                    g.writeStringField("name", t.name());
                    g.writeStringField("nameEn", t.nameEn());
                    g.writeNumberField("stars", t.stars());
                    g.writeNumberField("changeCount", t.changes());
                    JsonReport.number(g, "points", t.points());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The plan section of the text report. */
    public static String text(List<SchemePlan> plans, Labels l) {
        StringBuilder b = new StringBuilder("\n").append(l.t("plan.heading")).append('\n');
        lines(b, plans, l, Printable::of, "  ", "\n");
        return b.toString();
    }

    /** The plan section of the Markdown report. */
    public static String markdown(List<SchemePlan> plans, Labels l) {
        StringBuilder b = new StringBuilder("\n## ").append(MarkdownReport.esc(l.t("plan.heading"))).append("\n\n");
        lines(b, plans, l, MarkdownReport::esc, "- ", "\n");
        return b.toString();
    }

    /** The plan section of the HTML report. */
    public static String html(List<SchemePlan> plans, Labels l) {
        StringBuilder b = new StringBuilder("<section class=\"plan\">\n<h2>").append(HtmlReport.h(l.t("plan.heading")))
                .append("</h2>\n<ul>\n");
        lines(b, plans, l, HtmlReport::h, "<li>", "</li>\n");
        return b.append("</ul>\n</section>\n").toString();
    }

    /**
     * The plan as lines: a line a scheme, a level, a change, a wait, a route, each indented under its
     * owner (by its prefix repeated), every text escaped by {@code esc}.
     */
    private static void lines(StringBuilder b, List<SchemePlan> plans, Labels l, UnaryOperator<String> esc,
            String prefix, String end) {
        boolean text = prefix.equals("  ");
        boolean md = prefix.equals("- ");
        for (SchemePlan p : plans) {
            line(b, 0, prefix, end, text, md, esc.apply(p.scheme() + " / " + p.variant())
                    + (p.note() != null ? ": " + esc.apply(p.note()) : p.levels().isEmpty() ? ": "
                            + esc.apply(l.inline("plan.none")) : ""));
            for (LevelPlan lp : p.levels()) {
                String head = esc.apply(l.grade(lp.name(), lp.nameEn()) + (lp.stars() > 0 ? " " + "★".repeat(lp.stars())
                        : "") + ": ");
                line(b, 1, prefix, end, text, md, head + esc.apply(what(lp, l)));
                for (Change c : lp.changes()) {
                    line(b, 2, prefix, end, text, md, esc.apply(change(c)));
                }
                for (Wait w : lp.waits()) {
                    line(b, 2, prefix, end, text, md, esc.apply("⏳ " + w.why()));
                }
                if (lp.routes().size() > 1) {
                    line(b, 2, prefix, end, text, md, esc.apply(l.inline("plan.routes") + ":"));
                    for (Route r : lp.routes()) {
                        StringBuilder rt = new StringBuilder();
                        for (Route.PartTarget t : r.parts()) {
                            rt.append(rt.length() == 0 ? "" : " + ").append(t.scheme()).append(' ')
                                    .append(t.levelId() == null ? l.inline("plan.keep") + " " : "→ ")
                                    .append(l.grade(t.name(), t.nameEn())).append(t.levelId() == null ? ""
                                            : " (" + t.changes() + ", " + Decimals.text(t.points()) + ")");
                        }
                        rt.append(": ").append(l.inline("plan.now", r.changes(), Decimals.text(r.points())));
                        line(b, 3, prefix, end, text, md, esc.apply(rt.toString()));
                    }
                }
            }
        }
    }

    /** What a level takes, as every report says it: the changes and their points, from when, or why not. */
    private static String what(LevelPlan lp, Labels l) {
        return switch (lp.status()) {
            case NEVER -> l.inline("plan.never") + " (" + lp.why() + ")";
            case UNPLANNED -> l.inline("plan.unplanned") + " (" + lp.why() + ")";
            case NOW, FROM -> (lp.status() == LevelPlan.Status.FROM ? l.inline("plan.from", lp.from()) + ", " : "")
                    + l.inline("plan.now", lp.changes().size(), Decimals.text(lp.points()))
                    + (lp.effort() != null ? l.inline("plan.effort", lp.effort().stripTrailingZeros()
                            .toPlainString()) : "") + (lp.proven() ? "" : " " + l.inline("plan.unproven"));
        };
    }

    /** One change, as every report says it: the clause, from what to what, the points it gains. */
    private static String change(Change c) {
        return c.scheme() + " " + c.id() + (c.title() == null ? "" : " " + shorten(c.title())) + ": " + c.from()
                + " → " + c.to() + (c.gain() == null ? "" : " (+" + Decimals.text(c.gain()) + ")")
                + (c.effort() == null ? "" : " [" + c.effort().toPlainString() + " d]");
    }

    /**
     * The path to the next level above a part's grade, as the reports write it, in plain text for a page to escape
     * (the score panel beside a checklist): the level and what it takes, then its changes, at most {@code most} (then
     * how many more, {@code …}), and what it waits for; {@code null} when no level is above.
     */
    public static NextLevel next(SchemePlan p, Labels l, int most) {
        if (p.levels().isEmpty()) {
            return null;
        }
        LevelPlan lp = p.levels().get(0);
        List<String> changes = new java.util.ArrayList<>();
        for (Change c : lp.changes().subList(0, Math.min(most, lp.changes().size()))) {
            changes.add(change(c));
        }
        if (lp.changes().size() > most) {
            changes.add("… +" + (lp.changes().size() - most));
        }
        for (Wait w : lp.waits()) {
            changes.add("⏳ " + w.why());
        }
        return new NextLevel(p.scheme(), l.grade(lp.name(), lp.nameEn()) + (lp.stars() > 0 ? " " + "★".repeat(
                lp.stars()) : ""), what(lp, l), changes);
    }

    /** The next level of a part: its scheme, the level's name, what it takes, and the changes (as text). */
    public record NextLevel(String scheme, String level, String what, List<String> changes) {
    }

    private static String shorten(String s) {
        return s.codePointCount(0, s.length()) <= 40 ? s : s.substring(0, s.offsetByCodePoints(0, 40)) + "…";
    }

    private static void line(StringBuilder b, int depth, String prefix, String end, boolean text, boolean md,
            String content) {
        if (text) {
            b.append("  ".repeat(depth + 1)).append(content).append(end);
        } else if (md) {
            b.append("  ".repeat(depth)).append("- ").append(content).append(end);
        } else {
            // HTML: a flat list, depth as a class the style sheet may indent
            b.append("<li class=\"plan-").append(depth).append("\" style=\"margin-left:").append(depth * 1.5)
                    .append("em\">").append(content).append("</li>\n");
        }
    }
}
