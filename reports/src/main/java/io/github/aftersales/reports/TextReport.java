package io.github.aftersales.reports;

import static io.github.aftersales.core.evaluation.Decimals.text;

import io.github.aftersales.core.evaluation.CategoryResult;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.SchemeResult;

/** The result for people: Chinese titles as written with our English beside. */
public final class TextReport {

    private static final int TITLE_WIDTH = 36;

    private TextReport() {
    }

    public static String of(EvaluationResult r) {
        return of(r, Labels.BOTH);
    }

    public static String of(EvaluationResult r, Labels l) {
        StringBuilder b = new StringBuilder();
        b.append(l.t("label.assessment")).append(": ").append(Printable.of(r.source())).append('\n');
        if (r.organisation() != null) {
            b.append(l.t("label.organisation")).append(": ").append(Printable.of(r.organisation())).append('\n');
        }
        if (r.date() != null) {
            b.append(l.t("label.date")).append(": ").append(Printable.of(r.date())).append('\n');
        }
        if (r.assessor() != null) {
            b.append(l.t("label.assessor")).append(": ").append(Printable.of(r.assessor())).append('\n');
        }
        for (SchemeResult s : r.results()) {
            b.append('\n');
            if (s.parts().isEmpty()) {
                scheme(b, s, r, l);
            } else {
                combined(b, s, r, l);
            }
        }
        return b.toString();
    }

    /** The text report with the path to each higher level ({@code evaluate --plan}) after the results. */
    public static String of(EvaluationResult r, Labels l, java.util.List<io.github.aftersales.core.plan.SchemePlan> plans) {
        return of(r, l) + PlanReport.text(plans, l);
    }

    private static void scheme(StringBuilder b, SchemeResult s, EvaluationResult r, Labels l) {
        b.append(s.schemeVersion()).append(" [").append(s.scheme()).append(" / ").append(s.variant()).append("] ")
                .append(s.variantTitle()).append('\n');
        b.append("  ").append(l.t("label.score")).append(":  ").append(text(s.score())).append(" / ").append(text(s.maxScore()));
        if (s.maxScore().compareTo(s.declaredMax()) != 0) {
            b.append(' ').append(l.inline("text.applicableScaled", text(s.total()), text(s.declaredMax())));
        }
        b.append("  = ").append(text(s.percent())).append(" %\n");
        b.append("  ").append(l.t("label.grade")).append(":  ").append(l.grade(s.grade(), s.gradeEn()));
        if (s.stars() > 0) {
            b.append("  ").append("★".repeat(s.stars()));
        }
        b.append(s.passed() ? "" : "  — " + l.inline("label.notPassed")).append('\n');

        b.append("\n  ").append(l.t("label.categories")).append("\n");
        for (CategoryResult c : s.categories()) {
            if (c.points() == null) {
                continue; // a checklist group inside a category scored as a whole
            }
            String indent = "    " + "  ".repeat(c.depth());
            b.append(indent).append(c.id()).append(' ').append(l.title(c.title(), c.titleEn()))
                    .append(": ").append(text(c.score())).append(" / ").append(text(c.applicablePoints()));
            if (c.percent() != null) {
                b.append("  (").append(text(c.percent())).append(" %)");
            }
            if (c.applicablePoints().compareTo(c.points()) != 0) {
                b.append("  ").append(l.inline("text.ofDeclared", text(c.points())));
            }
            b.append('\n');
        }

        b.append("\n  ").append(l.t("label.pointsLost")).append("\n");
        if (s.lostPoints().isEmpty()) {
            b.append("    ").append(l.inline("label.none")).append('\n');
        }
        for (ClauseResult c : s.lostPoints()) {
            b.append("    ").append(c.id()).append("  −").append(text(c.lost())).append("  (")
                    .append(l.inline("text.scoreOf", text(c.score()), text(c.points()))).append(")  ")
                    .append(l.title(shorten(c.title()), c.titleEn())).append('\n');
            b.append("        ").append(Printable.of(l.sentence(c.how())));
            if (c.note() != null) {
                b.append("; ").append(l.inline("text.notePrefix", Printable.of(c.note())));
            }
            b.append('\n');
        }
        var notApplicable = s.clauses().stream()
                .filter(c -> c.result() == io.github.aftersales.core.assessment.Conformity.NOT_APPLICABLE).toList();
        if (!notApplicable.isEmpty()) {
            b.append("\n  ").append(l.t("label.notApplicable")).append(" (").append(s.notApplicable().key()).append(")\n");
            for (ClauseResult c : notApplicable) {
                b.append("    ").append(c.id()).append("  ").append(l.title(shorten(c.title()), c.titleEn()))
                        .append("\n        ").append(Printable.of(l.sentence(c.how()))).append("; ")
                        .append(l.inline("text.notePrefix", Printable.of(c.note()))).append('\n');
            }
        }
        var checklist = s.clauses().stream()
                .filter(c -> c.checklist() && c.result() == io.github.aftersales.core.assessment.Conformity.NOT_CONFORM)
                .toList();
        if (!checklist.isEmpty()) {
            b.append("\n  ").append(l.t("label.checklistNotConforming")).append("\n");
            for (ClauseResult c : checklist) {
                b.append("    ").append(c.id()).append("  ").append(l.title(shorten(c.title()), c.titleEn()))
                        .append("\n        ").append(Printable.of(l.sentence(c.how())));
                if (c.note() != null) {
                    b.append("; ").append(l.inline("text.notePrefix", Printable.of(c.note())));
                }
                b.append('\n');
            }
        }
        stated(b, s, r, l);
        b.append("\n  ").append(l.t("label.why")).append("\n");
        if (s.reasons().isEmpty()) {
            b.append("    ").append(l.t("label.highestReached")).append("\n");
        }
        for (String reason : s.reasons()) {
            b.append("    ").append(Printable.of(l.sentence(reason))).append('\n');
        }
        for (io.github.aftersales.core.evaluation.ReadingUsed u : s.readings()) {
            b.append("    ").append(Printable.of(l.readWith(u))).append('\n');
        }
    }

    /** The facts and events the assessment states for this scheme: what the grade rests on besides the clauses. */
    private static void stated(StringBuilder b, SchemeResult s, EvaluationResult r, Labels l) {
        var facts = r.facts(s.scheme());
        if (!facts.isEmpty()) {
            b.append("\n  ").append(l.t("label.statedFacts")).append('\n');
            facts.forEach(f -> b.append("    ").append(Printable.of(f.name())).append(": ").append(Printable.of(f.text()))
                    .append('\n'));
        }
        var events = r.events(s.scheme());
        if (!events.isEmpty()) {
            b.append("\n  ").append(l.t("label.events")).append('\n');
            for (var e : events) {
                b.append("    ").append(e.date()).append("  ").append(Printable.of(e.type()));
                if (!e.attributes().isEmpty()) {
                    b.append("  ").append(Printable.of(Stated.attributes(e)));
                }
                if (e.note() != null) {
                    b.append("; ").append(l.inline("text.notePrefix", Printable.of(e.note())));
                }
                b.append('\n');
            }
        }
    }

    /** A grade that combines other schemes' results: each part, its stars and its next star, and the sum. */
    private static void combined(StringBuilder b, SchemeResult s, EvaluationResult r, Labels l) {
        b.append(s.schemeVersion()).append(" [").append(s.scheme()).append(" / ").append(s.variant()).append("] ")
                .append(s.variantTitle()).append('\n');
        java.util.List<String> terms = new java.util.ArrayList<>();
        for (var ref : s.parts()) {
            SchemeResult part = r.results().stream().filter(p -> p.scheme().equals(ref.scheme())).findFirst().orElseThrow();
            terms.add(Integer.toString(part.stars()));
            b.append("  ").append(part.scheme()).append(' ').append(part.variant()).append(": ")
                    .append(l.grade(part.grade(), part.gradeEn())).append("  ")
                    .append(l.inline("text.partStars", part.stars())).append("  ")
                    .append(l.inline("text.partTotal", text(part.total()), text(part.declaredMax()), text(part.percent())))
                    .append('\n');
            for (String need : part.nextLevelNeeds()) {
                b.append("      ").append(l.inline("text.next", l.sentence(need))).append('\n');
            }
        }
        b.append("  ").append(l.t("label.grade")).append(":  ").append(l.grade(s.grade(), s.gradeEn()));
        if (s.stars() > 0) {
            b.append("  ").append(String.join(" + ", terms)).append(" = ").append(s.stars()).append("  ")
                    .append("★".repeat(s.stars()));
        }
        b.append(s.passed() ? "" : "  — " + l.inline("label.notPassed")).append('\n');
        stated(b, s, r, l);
        b.append("\n  ").append(l.t("label.why")).append("\n");
        if (s.reasons().isEmpty()) {
            b.append("    ").append(l.t("label.highestReached")).append("\n");
        }
        for (String reason : s.reasons()) {
            b.append("    ").append(Printable.of(l.sentence(reason))).append('\n');
        }
        for (io.github.aftersales.core.evaluation.ReadingUsed u : s.readings()) {
            b.append("    ").append(Printable.of(l.readWith(u))).append('\n');
        }
    }

    private static String shorten(String title) {
        return title.codePointCount(0, title.length()) <= TITLE_WIDTH ? title
                : title.substring(0, title.offsetByCodePoints(0, TITLE_WIDTH)) + "…";
    }
}
