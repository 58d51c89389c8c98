package io.github.aftersales.reports;

import static io.github.aftersales.core.evaluation.Decimals.text;

import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.evaluation.CategoryResult;
import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.LevelCheck;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One self-contained HTML file (no network, no script): the organisation, each scheme's grade as
 * stars, an inline SVG chart of each category's share against the thresholds of the grade above,
 * the lost points with the auditor's notes, the clauses not applicable, the checklist items not conforming
 * (the findings the text report lists), and the conditions that bind. Prints on A4.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * @param variantOf the variant a result was graded with (for the thresholds the chart draws)
     */
    public static String of(List<EvaluationResult> results, Labels l,
            Function<SchemeResult, Optional<Variant>> variantOf) {
        return of(results, l, variantOf, List.of(), 0);
    }

    /**
     * @param rejections the first messages of the assessments that could not be evaluated
     * @param rejected   how many could not be evaluated; a report must not look complete when it is not
     */
    public static String of(List<EvaluationResult> results, Labels l,
            Function<SchemeResult, Optional<Variant>> variantOf, List<String> rejections, long rejected) {
        StringBuilder b = new StringBuilder(head(results.isEmpty() ? null : results.get(0), l));
        for (EvaluationResult one : results) {
            b.append(assessment(one, l, variantOf));
        }
        return b.append(tail(l, rejections, rejected)).toString();
    }

    /**
     * The start of the document, up to the first assessment; a batch is written as the head, each
     * assessment as it comes ({@link #assessment}), then the {@link #tail}, so it is never held whole.
     *
     * @param first the first assessment, whose organisation names the document, or {@code null}
     */
    public static String head(EvaluationResult first, Labels l) {
        StringBuilder b = new StringBuilder();
        EvaluationResult r = first == null ? new EvaluationResult("", null, null, List.of()) : first;
        b.append("<!DOCTYPE html>\n<html lang=\"").append(l == Labels.EN ? "en" : "zh").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(h(l.t("label.evaluation")))
                .append(r.organisation() == null ? "" : " — " + h(r.organisation())).append("</title>\n<style>\n")
                .append("@page { size: A4; margin: 15mm; }\n")
                .append("body { font-family: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; font-size: 10.5pt;"
                        + " color: #222; max-width: 180mm; margin: 0 auto; }\n")
                .append("h1 { font-size: 16pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 1.5em; }\n")
                .append("h3 { font-size: 11pt; } table { border-collapse: collapse; width: 100%; margin: .5em 0; }\n")
                .append("th, td { border: 1px solid #bbb; padding: 2px 5px; vertical-align: top; text-align: left; }\n")
                .append("td.n { text-align: right; white-space: nowrap; } .grade { font-size: 13pt; font-weight: bold; }\n")
                .append(".stars { color: #c80; letter-spacing: 2px; } .failed { color: #b00; }\n")
                .append("section { page-break-inside: auto; } tr, svg { page-break-inside: avoid; }\n")
                .append("h2, h3 { break-after: avoid; page-break-after: avoid; }\n")
                .append("</style>\n</head>\n<body>\n");
        return b.toString();
    }

    /** One assessment's article. */
    public static String assessment(EvaluationResult r, Labels l, Function<SchemeResult, Optional<Variant>> variantOf) {
        StringBuilder b = new StringBuilder();
        assessment(b, r, l, variantOf);
        return b.toString();
    }

    /** One assessment's article with the path to each higher level ({@code evaluate --plan}) at its end. */
    public static String assessment(EvaluationResult r, Labels l, Function<SchemeResult, Optional<Variant>> variantOf,
            List<io.github.aftersales.core.plan.SchemePlan> plans) {
        String article = assessment(r, l, variantOf);
        int end = article.lastIndexOf("</article>");
        return article.substring(0, end) + PlanReport.html(plans, l) + article.substring(end);
    }

    /** The end of the document: what could not be evaluated, so the report does not look complete when it is not. */
    public static String tail(Labels l, List<String> rejections, long rejected) {
        return tail(l, rejections, rejected, null);
    }

    /**
     * The end of a batch's document: what could not be evaluated and, when more than one assessment
     * was evaluated, the batch's overview (grade distribution, pass rate and the clauses that lost
     * the most points, per scheme, as charts). The overview can only be known once every assessment
     * has been written, so it is written here, last, and its style sheet places it first on screen
     * and in print (the body a flex column, the overview's {@code order} −1), each assessment on a
     * new page after it. A single assessment's report is as it was: no overview, no added style.
     *
     * @param summary the counts kept while the assessments were written (they grow with the schemes
     *                and clauses, not with the assessments)
     */
    public static String tail(Labels l, BatchSummary summary) {
        return tail(l, summary.firstRejections(), summary.rejected(), summary.evaluated() > 1 ? summary : null);
    }

    private static String tail(Labels l, List<String> rejections, long rejected, BatchSummary overview) {
        StringBuilder b = new StringBuilder();
        if (overview != null) {
            overview(b, overview, l);
        }
        if (rejected > 0) {
            b.append("<section class=\"rejected\">\n<h2 class=\"failed\">").append(h(l.t("label.notEvaluated")))
                    .append(" (").append(rejected).append(")</h2>\n<ul>\n");
            rejections.forEach(m -> b.append("<li>").append(h(m)).append("</li>\n"));
            if (rejected > rejections.size()) {
                b.append("<li>… ").append(rejected - rejections.size()).append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** The clauses that lost the most points, per scheme, in the overview. */
    static final int OVERVIEW_CLAUSES = 10;

    /** Applies to a batch only: the overview first, each organisation on its own page, headers repeated. */
    private static final String BATCH_STYLE = "<style>\n"
            + "body { display: flex; flex-direction: column; }\n"
            + "section.overview { order: -1; }\n"
            + "article.assessment { break-before: page; page-break-before: always; }\n"
            + "thead { display: table-header-group; }\n"
            + "h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }\n"
            + ".overview svg { max-width: 100%; height: auto; break-inside: avoid; page-break-inside: avoid; }\n"
            + ".overview h2 { margin-top: 1em; } .overview h3 { margin: .6em 0 .2em; }\n"
            + "</style>\n";

    private static void overview(StringBuilder b, BatchSummary summary, Labels l) {
        b.append("<section class=\"overview\">\n").append(BATCH_STYLE).append("<h1>").append(h(l.t("label.batchOverview")))
                .append("</h1>\n<p class=\"counts\">").append(h(l.t("summary.read"))).append(": <span class=\"read\">")
                .append(summary.evaluated() + summary.rejected()).append("</span> · ").append(h(l.t("summary.evaluated")))
                .append(": <span class=\"evaluated\">").append(summary.evaluated()).append("</span> · ")
                .append(h(l.t("summary.rejectedCount"))).append(": <span class=\"rejected\">").append(summary.rejected())
                .append("</span></p>\n");
        for (BatchSummary.SchemeCounts s : summary.schemeCounts(OVERVIEW_CLAUSES)) {
            b.append("<section class=\"overview-scheme\" data-scheme=\"").append(h(s.scheme())).append("\" data-variant=\"")
                    .append(h(s.variant())).append("\">\n<h2>").append(h(nonNull(s.schemeVersion()))).append(" — ")
                    .append(h(nonNull(s.variantTitle()))).append(" <small>(").append(h(s.scheme())).append(" / ")
                    .append(h(s.variant())).append(")</small></h2>\n<p>")
                    .append(h(l.t("label.assessmentsCount", Long.toString(s.count())))).append("</p>\n");
            String rate = percent(s.passed(), s.count());
            b.append("<h3>").append(h(l.t("label.passRate"))).append("</h3>\n");
            passChart(b, s, rate, l);
            b.append("<h3>").append(h(l.t("label.gradeDistribution"))).append("</h3>\n");
            List<Bar> grades = new ArrayList<>();
            long most = s.grades().stream().mapToLong(BatchSummary.GradeCount::count).max().orElse(1);
            for (BatchSummary.GradeCount g : s.grades()) {
                String name = (g.stars() > 0 ? g.stars() + "★ " : "") + l.grade(g.grade(), g.gradeEn());
                grades.add(new Bar("grade-count", new String[] {"data-grade", g.grade(), "data-count", Long.toString(g.count())},
                        name, (double) g.count() / most, g.count() + " (" + percent(g.count(), s.count()) + " %)",
                        g.passed() ? "#4a7" : "#c66"));
            }
            bars(b, "grades", l.t("label.gradeDistribution"), grades);
            if (!s.clauses().isEmpty()) {
                b.append("<h3>").append(h(l.t("label.clausesLosingMost", Integer.toString(s.clauses().size()))))
                        .append("</h3>\n");
                BigDecimal top = s.clauses().get(0).points();
                List<Bar> clauses = new ArrayList<>();
                for (BatchSummary.ClauseLoss c : s.clauses()) {
                    clauses.add(new Bar("clause-loss", new String[] {"data-id", c.id(), "data-lost", text(c.points()),
                            "data-assessments", Long.toString(c.assessments())},
                            c.id() + " " + l.title(c.title(), c.titleEn()),
                            top.signum() > 0 ? c.points().doubleValue() / top.doubleValue() : 0,
                            l.inline("label.lostInAssessments", "−" + text(c.points()), Long.toString(c.assessments())), "#d83"));
                }
                bars(b, "clauses", l.t("label.clausesLosingMost", Integer.toString(s.clauses().size())), clauses);
            }
            b.append("</section>\n");
        }
        b.append("</section>\n");
    }

    /** A bar of a chart: its group's class and data attributes, its label, its length (0–1), its figure, its colour. */
    private record Bar(String cls, String[] data, String label, double share, String figure, String colour) {
    }

    private static final int LABEL_WIDTH = 250;
    private static final int BAR_WIDTH = 270;
    private static final int FIGURE_WIDTH = 160;

    private static void bars(StringBuilder b, String cls, String aria, List<Bar> bars) {
        int rowHeight = 22;
        b.append("<svg class=\"chart ").append(cls).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(LABEL_WIDTH + BAR_WIDTH + FIGURE_WIDTH).append("\" height=\"").append(bars.size() * rowHeight + 4)
                .append("\" viewBox=\"0 0 ").append(LABEL_WIDTH + BAR_WIDTH + FIGURE_WIDTH).append(' ')
                .append(bars.size() * rowHeight + 4).append("\" role=\"img\" aria-label=\"").append(h(aria)).append("\">\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * rowHeight;
            b.append("<g class=\"").append(bar.cls()).append('"');
            for (int k = 0; k < bar.data().length; k += 2) {
                b.append(' ').append(bar.data()[k]).append("=\"").append(h(bar.data()[k + 1])).append('"');
            }
            b.append(">\n<title>").append(h(bar.label())).append("</title>\n<text x=\"0\" y=\"").append(y + 15)
                    .append("\" font-size=\"11\">").append(h(shorten(bar.label(), 22))).append("</text>\n");
            b.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"").append(BAR_WIDTH)
                    .append("\" height=\"16\" fill=\"#eee\"/>\n");
            b.append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", BAR_WIDTH * Math.max(0, Math.min(1, bar.share()))))
                    .append("\" height=\"16\" fill=\"").append(bar.colour()).append("\"/>\n");
            b.append("<text class=\"figure\" x=\"").append(LABEL_WIDTH + BAR_WIDTH + 6).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"11\">").append(h(bar.figure())).append("</text>\n</g>\n");
        }
        b.append("</svg>\n");
    }

    /** One bar: the passed share in green, the rest in red, and the figures beside it. */
    private static void passChart(StringBuilder b, BatchSummary.SchemeCounts s, String rate, Labels l) {
        double share = s.count() == 0 ? 0 : (double) s.passed() / s.count();
        String passedWidth = String.format(java.util.Locale.ROOT, "%.1f", (LABEL_WIDTH + BAR_WIDTH) * share);
        String words = l.t("label.passedOf", Long.toString(s.passed()), Long.toString(s.count()), rate);
        b.append("<svg class=\"chart pass-rate\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(LABEL_WIDTH + BAR_WIDTH + FIGURE_WIDTH).append("\" height=\"26\" viewBox=\"0 0 ")
                .append(LABEL_WIDTH + BAR_WIDTH + FIGURE_WIDTH).append(" 26\" role=\"img\" aria-label=\"").append(h(words))
                .append("\" data-passed=\"").append(s.passed()).append("\" data-count=\"").append(s.count())
                .append("\" data-rate=\"").append(rate).append("\">\n<title>").append(h(words)).append("</title>\n")
                .append("<rect x=\"0\" y=\"3\" width=\"").append(LABEL_WIDTH + BAR_WIDTH)
                .append("\" height=\"18\" fill=\"#c66\"/>\n<rect class=\"bar\" x=\"0\" y=\"3\" width=\"").append(passedWidth)
                .append("\" height=\"18\" fill=\"#4a7\"/>\n<text class=\"figure\" x=\"").append(LABEL_WIDTH + BAR_WIDTH + 6)
                .append("\" y=\"17\" font-size=\"11\">").append(h(rate)).append(" %</text>\n</svg>\n<p class=\"pass-rate\">")
                .append(h(words)).append("</p>\n");
    }

    /** {@code part} of {@code whole} in per cent, one decimal, half up. */
    private static String percent(long part, long whole) {
        return whole == 0 ? "0.0" : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1,
                java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static void assessment(StringBuilder b, EvaluationResult r, Labels l,
            Function<SchemeResult, Optional<Variant>> variantOf) {
        b.append("<article class=\"assessment\">\n<h1>").append(h(l.t("label.evaluation")))
                .append("</h1>\n<p>");
        if (r.organisation() != null) {
            b.append(h(l.t("label.organisation"))).append(": <strong>").append(h(r.organisation())).append("</strong><br>");
        }
        if (r.date() != null) {
            b.append(h(l.t("label.date"))).append(": ").append(h(r.date())).append("<br>");
        }
        if (r.assessor() != null) {
            b.append(h(l.t("label.assessor"))).append(": ").append(h(r.assessor())).append("<br>");
        }
        b.append(h(l.t("label.file"))).append(": <code>").append(h(r.source())).append("</code></p>\n");
        for (SchemeResult s : r.results()) {
            scheme(b, s, r, l, variantOf.apply(s));
        }
        b.append("</article>\n");
    }

    private static void scheme(StringBuilder b, SchemeResult s, EvaluationResult r, Labels l, Optional<Variant> variant) {
        b.append("<section class=\"scheme\" id=\"").append(h(s.scheme())).append("\">\n<h2>").append(h(s.schemeVersion()))
                .append(" — ").append(h(s.variantTitle())).append(" <small>(").append(h(s.scheme())).append(" / ")
                .append(h(s.variant())).append(")</small></h2>\n");
        b.append("<p class=\"grade").append(s.passed() ? "" : " failed").append("\">").append(h(l.t("label.grade")))
                .append(": ").append(h(l.grade(s.grade(), s.gradeEn())));
        if (s.stars() > 0) {
            b.append(" <span class=\"stars\" title=\"").append(s.stars()).append("\">").append("★".repeat(s.stars()))
                    .append("</span>");
        }
        if (s.parts().isEmpty()) {
            b.append("<br>").append(h(l.t("label.score"))).append(": ").append(text(s.score())).append(" / ")
                    .append(text(s.maxScore())).append(" (").append(text(s.percent())).append(" %)");
        } else if (s.passed()) { // a failing part leaves no combined grade: a sum of stars would read as one
            b.append("<br>").append(h(l.t("label.partsStarsSum"))).append(": ").append(text(s.score()));
        }
        b.append("</p>\n");
        b.append(chart(s, l, variant));
        if (!s.lostPoints().isEmpty()) {
            b.append("<h3>").append(h(l.t("label.pointsLost2"))).append("</h3>\n<table class=\"lost\">\n<thead><tr><th>")
                    .append(h(l.t("label.clause"))).append("</th><th>").append(h(l.t("label.lost"))).append("</th><th>")
                    .append(h(l.t("label.how"))).append("</th><th>").append(h(l.t("label.auditorNote")))
                    .append("</th></tr></thead>\n");
            for (ClauseResult c : s.lostPoints()) {
                b.append("<tr class=\"lost-clause\" data-id=\"").append(h(c.id())).append("\"><td><strong>").append(h(c.id()))
                        .append("</strong> ").append(h(l.title(c.title(), c.titleEn()))).append("</td><td class=\"n\">−")
                        .append(text(c.lost())).append(" (").append(text(c.score())).append(" / ").append(text(c.points()))
                        .append(")</td><td>").append(h(l.sentence(c.how()))).append("</td><td>").append(c.note() == null ? "" : h(c.note()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        findings(b, s, l);
        stated(b, s, r, l);
        b.append("<h3>").append(h(l.t("label.whyThisGrade"))).append("</h3>\n<ul class=\"reasons\">\n");
        if (s.reasons().isEmpty()) {
            b.append("<li>").append(h(l.t("label.highestReached"))).append("</li>\n");
        }
        s.reasons().forEach(reason -> b.append("<li>").append(h(l.sentence(reason))).append("</li>\n"));
        s.readings().forEach(u -> b.append("<li class=\"read-with\">").append(h(l.readWith(u))).append("</li>\n"));
        b.append("</ul>\n</section>\n");
    }

    /** The clauses left out as not applicable and the checklist items not conforming, as the text report lists them. */
    private static void findings(StringBuilder b, SchemeResult s, Labels l) {
        List<ClauseResult> notApplicable = s.clauses().stream().filter(c -> c.result() == Conformity.NOT_APPLICABLE).toList();
        if (!notApplicable.isEmpty()) {
            b.append("<h3>").append(h(l.t("label.notApplicable"))).append(" (").append(h(s.notApplicable().key()))
                    .append(")</h3>\n");
            table(b, notApplicable, "not-applicable", "excluded-clause", l);
        }
        List<ClauseResult> checklist = s.clauses().stream()
                .filter(c -> c.checklist() && c.result() == Conformity.NOT_CONFORM).toList();
        if (!checklist.isEmpty()) {
            b.append("<h3>").append(h(l.t("label.checklistNotConforming"))).append("</h3>\n");
            table(b, checklist, "checklist", "checklist-item", l);
        }
    }

    /** The facts and events the assessment states for this scheme. */
    private static void stated(StringBuilder b, SchemeResult s, EvaluationResult r, Labels l) {
        var facts = r.facts(s.scheme());
        if (!facts.isEmpty()) {
            b.append("<h3>").append(h(l.t("label.statedFacts"))).append("</h3>\n<table class=\"facts\">\n<thead><tr><th>")
                    .append(h(l.t("label.fact"))).append("</th><th>").append(h(l.t("label.value"))).append("</th></tr></thead>\n");
            facts.forEach(f -> b.append("<tr class=\"fact\"><td>").append(h(f.name())).append("</td><td>").append(h(f.text()))
                    .append("</td></tr>\n"));
            b.append("</table>\n");
        }
        var events = r.events(s.scheme());
        if (!events.isEmpty()) {
            b.append("<h3>").append(h(l.t("label.events"))).append("</h3>\n<table class=\"events\">\n<thead><tr><th>")
                    .append(h(l.t("label.eventDate"))).append("</th><th>").append(h(l.t("label.eventType"))).append("</th><th>")
                    .append(h(l.t("label.eventAttributes"))).append("</th><th>").append(h(l.t("label.note")))
                    .append("</th></tr></thead>\n");
            events.forEach(e -> b.append("<tr class=\"event\"><td class=\"n\">").append(e.date()).append("</td><td>")
                    .append(h(e.type())).append("</td><td>").append(h(Stated.attributes(e))).append("</td><td>")
                    .append(e.note() == null ? "" : h(e.note())).append("</td></tr>\n"));
            b.append("</table>\n");
        }
    }

    private static void table(StringBuilder b, List<ClauseResult> clauses, String tableClass, String rowClass, Labels l) {
        b.append("<table class=\"").append(tableClass).append("\">\n<thead><tr><th>").append(h(l.t("label.clause")))
                .append("</th><th>").append(h(l.t("label.how"))).append("</th><th>").append(h(l.t("label.auditorNote")))
                .append("</th></tr></thead>\n");
        for (ClauseResult c : clauses) {
            b.append("<tr class=\"").append(rowClass).append("\" data-id=\"").append(h(c.id())).append("\"><td><strong>")
                    .append(h(c.id())).append("</strong> ").append(h(l.title(c.title(), c.titleEn()))).append("</td><td>")
                    .append(h(l.sentence(c.how()))).append("</td><td>").append(c.note() == null ? "" : h(c.note()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    /** A bar a top-level category (and one for the whole), with the threshold of the grade above as a line. */
    static String chart(SchemeResult s, Labels l, Optional<Variant> variant) {
        List<String[]> rows = new ArrayList<>(); // label, percent, threshold or "", the figure shown
        Optional<Level> next = s.nextLevel().flatMap(n -> variant.flatMap(v -> v.grading().levels().stream()
                .filter(x -> x.id().equals(n.id())).findFirst()));
        boolean stars = !s.parts().isEmpty();
        if (!stars) {
            rows.add(new String[] {l.t("label.overall"), s.percent().toPlainString(), overallThreshold(s, next),
                    text(s.percent()) + " %"});
            for (CategoryResult c : s.topCategories()) {
                if (c.percent() != null) {
                    rows.add(new String[] {c.id() + " " + c.title(), c.percent().toPlainString(), categoryThreshold(c, next),
                            text(c.percent()) + " %"});
                }
            }
        } else if (s.passed()) {
            // the sum of the parts' stars out of the most they can sum to, shown as stars, not as a share
            rows.add(new String[] {l.t("label.stars"), s.percent().toPlainString(), starsThreshold(s, next),
                    text(s.score()) + " / " + text(s.maxScore()) + " ★"});
        } else {
            return ""; // a part fails: there is no combined grade, and no sum of stars to draw
        }
        int labelWidth = 230;
        int barWidth = 360;
        int rowHeight = 24;
        int height = rows.size() * rowHeight + 30;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + barWidth + 70)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"")
                .append(h(l.t(stars ? "label.partsStarsSum" : "label.shareOfEachCategory"))).append("\">\n");
        String nextName = s.nextLevel().map(LevelCheck::name).orElse("");
        boolean line = rows.stream().anyMatch(row -> !row[2].isEmpty()); // say a red line shows only when one is drawn
        svg.append("<text x=\"0\" y=\"14\" font-size=\"11\">")
                .append(h(l.t((stars ? "label.chartCaptionStars" : "label.chartCaption") + (line ? "" : "NoLine"))))
                .append(line && !nextName.isEmpty() ? " (" + h(nextName) + ")" : "").append("</text>\n");
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            int y = 24 + i * rowHeight;
            double pct = Math.max(0, Math.min(100, Double.parseDouble(row[1])));
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"11\">").append(h(shorten(row[0])))
                    .append("</text>\n");
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(barWidth)
                    .append("\" height=\"16\" fill=\"#eee\"/>\n");
            svg.append("<rect class=\"bar\" x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", barWidth * pct / 100)).append("\" height=\"16\" fill=\"#4a7\"/>\n");
            if (!row[2].isEmpty()) {
                double t = Math.max(0, Math.min(100, Double.parseDouble(row[2])));
                double x = labelWidth + barWidth * t / 100;
                svg.append("<line class=\"threshold\" x1=\"").append(String.format(java.util.Locale.ROOT, "%.1f", x))
                        .append("\" x2=\"").append(String.format(java.util.Locale.ROOT, "%.1f", x)).append("\" y1=\"")
                        .append(y).append("\" y2=\"").append(y + 22).append("\" stroke=\"#c00\" stroke-width=\"2\"/>\n");
            }
            svg.append("<text x=\"").append(labelWidth + barWidth + 6).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"11\">").append(h(row[3])).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String overallThreshold(SchemeResult s, Optional<Level> next) {
        if (next.isEmpty()) {
            return "";
        }
        for (Condition c : next.get().conditions()) {
            if (c instanceof Condition.OnFigure f && f.comparison().number() != null) {
                if (f.figure() == Condition.Figure.PERCENT) {
                    return f.comparison().number().toPlainString();
                }
                if (f.figure() == Condition.Figure.TOTAL && s.declaredMax().signum() > 0) {
                    return f.comparison().number().multiply(BigDecimal.valueOf(100))
                            .divide(s.declaredMax(), MathContext.DECIMAL64).toPlainString();
                }
            }
        }
        return "";
    }

    /** Where the next level's sum of stars lies on the bar (as a share of the most the parts can sum to), or "". */
    private static String starsThreshold(SchemeResult s, Optional<Level> next) {
        if (next.isEmpty() || s.maxScore().signum() <= 0) {
            return "";
        }
        for (Condition c : next.get().conditions()) {
            if (c instanceof Condition.OnFigure f && f.figure() == Condition.Figure.PART_STARS && f.comparison().number() != null) {
                return f.comparison().number().multiply(BigDecimal.valueOf(100))
                        .divide(s.maxScore(), MathContext.DECIMAL64).toPlainString();
            }
        }
        return "";
    }

    private static String categoryThreshold(CategoryResult c, Optional<Level> next) {
        if (next.isEmpty()) {
            return "";
        }
        for (Condition cond : next.get().conditions()) {
            if (cond instanceof Condition.OnFigure f && f.figure() == Condition.Figure.CATEGORY_PERCENT
                    && f.comparison().number() != null
                    && (Condition.EVERY_TOP_LEVEL_CATEGORY.equals(f.category()) || c.id().equals(f.category()))) {
                return f.comparison().number().toPlainString();
            }
        }
        return "";
    }

    private static String shorten(String s) {
        return shorten(s, 18);
    }

    private static String shorten(String s, int codePoints) {
        return s.codePointCount(0, s.length()) <= codePoints ? s
                : s.substring(0, s.offsetByCodePoints(0, codePoints)) + "…";
    }

    /**
     * HTML-escapes text. A control character other than tab and newline (ESC, NUL, DEL, C1), which no
     * page shows and a terminal that prints the page would obey, becomes U+FFFD.
     */
    static String h(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append((ch < 0x20 && ch != '\t' && ch != '\n') || (ch >= 0x7f && ch < 0xa0) ? '\uFFFD' : ch);
            }
        }
        return b.toString();
    }
}
