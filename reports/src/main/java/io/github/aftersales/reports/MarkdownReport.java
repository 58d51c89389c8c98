package io.github.aftersales.reports;

import static io.github.aftersales.core.evaluation.Decimals.text;

import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.evaluation.CategoryResult;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.SchemeResult;
import java.util.List;

/**
 * The result as Markdown: headings, tables of categories, lost points, clauses not applicable and
 * checklist items not conforming (the findings the text report lists), and the reasons.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The Markdown report with the path to each higher level ({@code evaluate --plan}) after the results. */
    public static String of(EvaluationResult r, Labels l, List<io.github.aftersales.core.plan.SchemePlan> plans) {
        return of(r, l) + PlanReport.markdown(plans, l);
    }

    public static String of(EvaluationResult r, Labels l) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(l.t("label.evaluation")).append("\n\n");
        if (r.organisation() != null) {
            b.append("- ").append(l.t("label.organisation")).append(": ").append(esc(r.organisation())).append('\n');
        }
        if (r.date() != null) {
            b.append("- ").append(l.t("label.date")).append(": ").append(esc(r.date())).append('\n');
        }
        if (r.assessor() != null) {
            b.append("- ").append(l.t("label.assessor")).append(": ").append(esc(r.assessor())).append('\n');
        }
        b.append("- ").append(l.t("label.file")).append(": `").append(r.source()).append("`\n");
        for (SchemeResult s : r.results()) {
            b.append("\n## ").append(esc(s.schemeVersion())).append(" — ").append(esc(s.variantTitle())).append(" (`")
                    .append(s.scheme()).append(" / ").append(s.variant()).append("`)\n\n");
            b.append("**").append(l.t("label.grade")).append(": ").append(esc(l.grade(s.grade(), s.gradeEn())))
                    .append(s.stars() > 0 ? " " + "★".repeat(s.stars()) : "").append("**");
            if (s.parts().isEmpty()) {
                b.append(" — ").append(l.t("label.score")).append(' ').append(text(s.score())).append(" / ")
                        .append(text(s.maxScore())).append(" (").append(text(s.percent())).append(" %)");
            } else if (s.passed()) { // a failing part leaves no combined grade: a sum of stars would read as one
                b.append(" — ").append(l.t("label.partsStarsSumLower")).append(' ')
                        .append(text(s.score()));
            }
            b.append("\n");
            if (!s.categories().isEmpty()) {
                b.append("\n### ").append(l.t("label.categories")).append("\n\n| ").append(l.t("label.id")).append(" | ")
                        .append(l.t("label.category")).append(" | ").append(l.t("label.score")).append(" | ")
                        .append(l.t("label.applicable")).append(" | % |\n|---|---|---:|---:|---:|\n");
                for (CategoryResult c : s.categories()) {
                    if (c.points() == null) {
                        continue;
                    }
                    b.append("| ").append("&nbsp;&nbsp;".repeat(c.depth())).append(c.id()).append(" | ")
                            .append(esc(l.title(c.title(), c.titleEn()))).append(" | ").append(text(c.score())).append(" | ")
                            .append(text(c.applicablePoints())).append(" | ")
                            .append(c.percent() == null ? "—" : text(c.percent())).append(" |\n");
                }
            }
            if (!s.lostPoints().isEmpty()) {
                b.append("\n### ").append(l.t("label.pointsLost2")).append("\n\n| ").append(l.t("label.clause"))
                        .append(" | ").append(l.t("label.lost")).append(" | ").append(l.t("label.score")).append(" | ")
                        .append(l.t("label.how")).append(" | ").append(l.t("label.auditorNote"))
                        .append(" |\n|---|---:|---:|---|---|\n");
                for (ClauseResult c : s.lostPoints()) {
                    b.append("| ").append(c.id()).append(' ').append(esc(l.title(c.title(), c.titleEn()))).append(" | ")
                            .append(text(c.lost())).append(" | ").append(text(c.score())).append(" / ")
                            .append(text(c.points())).append(" | ").append(esc(l.sentence(c.how()))).append(" | ")
                            .append(c.note() == null ? "" : esc(c.note())).append(" |\n");
                }
            }
            findings(b, s, l);
            stated(b, s, r, l);
            b.append("\n### ").append(l.t("label.whyThisGrade")).append("\n\n");
            if (s.reasons().isEmpty()) {
                b.append("- ").append(l.t("label.highestReached")).append('\n');
            }
            s.reasons().forEach(reason -> b.append("- ").append(esc(l.sentence(reason))).append('\n'));
            s.readings().forEach(u -> b.append("- ").append(esc(l.readWith(u))).append('\n'));
        }
        return b.toString();
    }

    /** The clauses left out as not applicable and the checklist items not conforming, as the text report lists them. */
    private static void findings(StringBuilder b, SchemeResult s, Labels l) {
        List<ClauseResult> notApplicable = s.clauses().stream().filter(c -> c.result() == Conformity.NOT_APPLICABLE).toList();
        if (!notApplicable.isEmpty()) {
            b.append("\n### ").append(l.t("label.notApplicable")).append(" (").append(s.notApplicable().key()).append(")\n\n");
            table(b, notApplicable, l);
        }
        List<ClauseResult> checklist = s.clauses().stream()
                .filter(c -> c.checklist() && c.result() == Conformity.NOT_CONFORM).toList();
        if (!checklist.isEmpty()) {
            b.append("\n### ").append(l.t("label.checklistNotConforming")).append("\n\n");
            table(b, checklist, l);
        }
    }

    /** The facts and events the assessment states for this scheme. */
    private static void stated(StringBuilder b, SchemeResult s, EvaluationResult r, Labels l) {
        var facts = r.facts(s.scheme());
        if (!facts.isEmpty()) {
            b.append("\n### ").append(l.t("label.statedFacts")).append("\n\n| ").append(l.t("label.fact")).append(" | ")
                    .append(l.t("label.value")).append(" |\n|---|---|\n");
            facts.forEach(f -> b.append("| ").append(esc(f.name())).append(" | ").append(esc(f.text())).append(" |\n"));
        }
        var events = r.events(s.scheme());
        if (!events.isEmpty()) {
            b.append("\n### ").append(l.t("label.events")).append("\n\n| ").append(l.t("label.eventDate")).append(" | ")
                    .append(l.t("label.eventType")).append(" | ").append(l.t("label.eventAttributes")).append(" | ")
                    .append(l.t("label.note")).append(" |\n|---|---|---|---|\n");
            events.forEach(e -> b.append("| ").append(e.date()).append(" | ").append(esc(e.type())).append(" | ")
                    .append(esc(Stated.attributes(e))).append(" | ").append(e.note() == null ? "" : esc(e.note()))
                    .append(" |\n"));
        }
    }

    private static void table(StringBuilder b, List<ClauseResult> clauses, Labels l) {
        b.append("| ").append(l.t("label.clause")).append(" | ").append(l.t("label.how")).append(" | ")
                .append(l.t("label.auditorNote")).append(" |\n|---|---|---|\n");
        for (ClauseResult c : clauses) {
            b.append("| ").append(c.id()).append(' ').append(esc(l.title(c.title(), c.titleEn()))).append(" | ")
                    .append(esc(l.sentence(c.how()))).append(" | ").append(c.note() == null ? "" : esc(c.note()))
                    .append(" |\n");
        }
    }

    /**
     * Text as Markdown that shows it as written and makes no markup of it: no raw HTML, no link, no
     * emphasis, one line (a table cell or a list item).
     */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                // what could start emphasis, a link, code, strikethrough or end a table cell
                case '\\', '|', '*', '_', '`', '[', ']', '~' -> b.append('\\').append(c);
                // a tag, an autolink or a comment ("<script>", "<javascript:…>"); "80 < 90" stays as it is
                case '<' -> b.append(i + 1 < s.length() && startsMarkup(s.charAt(i + 1)) ? "\\<" : "<");
                default -> b.append(c < 0x20 || (c >= 0x7f && c < 0xa0) ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static boolean startsMarkup(char next) {
        return (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' || next == '!' || next == '?';
    }

    /** The rejections, for a Markdown report: it must not look complete when it is not. */
    public static String notEvaluated(BatchSummary summary, Labels l) {
        if (summary.rejected() == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n## ").append(l.t("label.notEvaluated")).append(" (")
                .append(summary.rejected()).append(")\n\n");
        summary.firstRejections().forEach(m -> b.append("- ").append(esc(m)).append('\n'));
        if (summary.rejected() > summary.firstRejections().size()) {
            b.append("- … ").append(l.inline("text.moreCount",
                    Long.toString(summary.rejected() - summary.firstRejections().size()))).append('\n');
        }
        return b.toString();
    }
}
