package io.github.aftersales.records;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The summary as one HTML page: the headline figures, a table a breakdown, and charts drawn as inline
 * SVG. Nothing outside the page is loaded (its Content-Security-Policy forbids it); every text from
 * the export is escaped.
 */
public final class SummaryHtml {

    private SummaryHtml() {
    }

    private static String h(String s) {
        return Text.html(s);
    }

    public static String render(RecordsSummary s) {
        StringBuilder b = new StringBuilder(32_768);
        b.append("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>服务记录 Service records: ").append(h(s.source())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #bbb;padding:.2em .5em;text-align:right}th:first-child,td:first-child{text-align:left}")
                .append("caption{text-align:left;font-weight:bold}.bar{fill:#3b6ea5}.late{fill:#c0504d}svg text{font-size:11px}")
                .append("\n</style>\n</head>\n<body>\n<h1>服务记录 Service records</h1>\n<p><code>").append(h(s.source()))
                .append("</code> · SHA-256 <code>").append(s.sha256()).append("</code></p>\n<p>").append(s.rows())
                .append(" rows: ").append(s.records()).append(" records read, ").append(s.skipped()).append(" skipped");
        if (s.records() > 0) {
            b.append("; opened ").append(s.firstDay()).append(" to ").append(s.lastDay());
        }
        b.append(".</p>\n");
        Figures o = s.overall();
        b.append("<table>\n<caption>Indicators</caption>\n");
        row(b, "顾客投诉解决率 complaint resolution rate (GB/T 27922 B.6.3.2: at least 97 %)",
                pct(o.complaintResolutionRate()) + " (" + o.complaintsResolved() + " / " + o.complaints() + ")");
        row(b, "首次解决率 first-contact resolution", pct(o.firstContactResolutionRate()) + " (" + o.firstContact + " / "
                + o.contactsKnown + ")");
        row(b, "顾客满意度指数 satisfaction index (0–100)", num(o.satisfactionIndex(s.mapping())));
        row(b, "resolved within the promised time", pct(o.withinPromiseShare()) + " (" + o.withinPromise() + " / "
                + o.promised() + ")");
        row(b, "响应时间 response time, minutes", SummaryText.durations(o.response));
        row(b, "解决时间 resolution time, minutes", SummaryText.durations(o.resolution));
        row(b, "major complaints (rectified)", o.majorComplaints + " (" + o.majorRectified + ")");
        b.append("</table>\n");

        b.append("<h2>Response time 响应时间</h2>\n").append(distribution(o.response));
        b.append("<h2>Resolution time 解决时间</h2>\n").append(distribution(o.resolution));
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        s.byMonth().forEach((k, v) -> {
            labels.add(k);
            values.add(v.requests);
        });
        b.append("<h2>Requests by month opened</h2>\n").append(bars(labels, values, "requests", null));
        List<String> typeLabels = new ArrayList<>();
        List<Long> within = new ArrayList<>();
        List<Long> late = new ArrayList<>();
        s.byType().forEach((k, v) -> {
            typeLabels.add(k.word());
            within.add(v.withinPromise);
            late.add(v.promised - v.withinPromise);
        });
        b.append("<h2>Resolved within (blue) and after (red) the promised time, by type</h2>\n")
                .append(bars(typeLabels, within, "within", late));

        Map<String, Figures> types = new java.util.LinkedHashMap<>();
        s.byType().forEach((k, v) -> types.put(k.word(), v));
        table(b, "By type", types, s);
        table(b, "By channel", s.byChannel(), s);
        table(b, "By month opened", s.byMonth(), s);
        if (!s.majorComplaints().isEmpty()) {
            b.append("<table>\n<caption>Major complaints</caption>\n<tr><th>line</th><th>id</th><th>opened</th>")
                    .append("<th>rectified on</th></tr>\n");
            for (RecordsSummary.MajorComplaint c : s.majorComplaints()) {
                b.append("<tr><td>").append(c.line()).append("</td><td>").append(h(c.id())).append("</td><td>")
                        .append(c.opened()).append("</td><td>").append(c.rectified() == null ? "—" : c.rectified())
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (s.skipped() > 0) {
            b.append("<h2>Skipped rows</h2>\n<ul>\n");
            for (RowProblem p : s.problems()) {
                b.append("<li>").append(h(p.describe(s.source()))).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<p>Median and p90 are nearest-rank, exact to the minute up to 7 days; a figure marked + lies in the"
                + " hour grid beyond (docs/records.md).</p>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String what, String value) {
        b.append("<tr><th>").append(h(what)).append("</th><td>").append(h(value)).append("</td></tr>\n");
    }

    private static String pct(BigDecimal v) {
        return v == null ? "n/a" : v.toPlainString() + " %";
    }

    private static String num(BigDecimal v) {
        return v == null ? "n/a" : v.toPlainString();
    }

    /** Edges of the distribution's bars, in minutes. */
    private static final long[] EDGES = {0, 15, 30, 60, 120, 240, 480, 1440, 2880, 4320, 10080};
    private static final String[] EDGE_LABELS = {"<15m", "15-30m", "30-60m", "1-2h", "2-4h", "4-8h", "8-24h", "1-2d",
        "2-3d", "3-7d", "≥7d"};

    private static String distribution(Histogram hist) {
        if (hist.count() == 0) {
            return "<p>none</p>\n";
        }
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < EDGES.length; i++) {
            long below = i + 1 < EDGES.length ? hist.countBelow(EDGES[i + 1]) : hist.count();
            labels.add(EDGE_LABELS[i]);
            values.add(below - hist.countBelow(EDGES[i]));
        }
        return bars(labels, values, "records", null);
    }

    /** A vertical bar chart; with {@code stacked}, a second (red) part on each bar. */
    static String bars(List<String> labels, List<Long> values, String unit, List<Long> stacked) {
        if (labels.isEmpty()) {
            return "<p>none</p>\n";
        }
        long max = 1;
        for (int i = 0; i < values.size(); i++) {
            max = Math.max(max, values.get(i) + (stacked == null ? 0 : stacked.get(i)));
        }
        int bar = Math.max(14, Math.min(48, 720 / labels.size()));
        int width = 80 + labels.size() * (bar + 6);
        int height = 180;
        StringBuilder b = new StringBuilder();
        b.append("<svg role=\"img\" width=\"").append(width).append("\" height=\"")
                .append(height + 90).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height + 90)
                .append("\">\n");
        b.append("<text x=\"2\" y=\"12\">").append(max).append("</text>\n");
        for (int i = 0; i < labels.size(); i++) {
            long v = values.get(i);
            long extra = stacked == null ? 0 : stacked.get(i);
            int x = 40 + i * (bar + 6);
            long hv = v * height / max;
            long he = extra * height / max;
            b.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(20 + height - hv)
                    .append("\" width=\"").append(bar).append("\" height=\"").append(hv).append("\"><title>")
                    .append(h(labels.get(i))).append(": ").append(v).append(' ').append(h(unit)).append("</title></rect>\n");
            if (stacked != null) {
                b.append("<rect class=\"late\" x=\"").append(x).append("\" y=\"").append(20 + height - he - hv - 0)
                        .append("\" width=\"").append(bar).append("\" height=\"").append(he).append("\"><title>")
                        .append(h(labels.get(i))).append(": ").append(extra).append(" late</title></rect>\n");
            }
            b.append("<text transform=\"translate(").append(x + bar / 2).append(',').append(height + 26)
                    .append(") rotate(45)\">").append(h(labels.get(i))).append("</text>\n");
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, String title, Map<String, Figures> groups, RecordsSummary s) {
        if (groups.isEmpty()) {
            return;
        }
        b.append("<table>\n<caption>").append(h(title)).append("</caption>\n<tr><th></th><th>requests</th><th>open</th>")
                .append("<th>response median / p90 (min)</th><th>resolution median / p90 (min)</th>")
                .append("<th>within promise %</th><th>first-contact %</th><th>CSI</th><th>complaints resolved %</th></tr>\n");
        for (Map.Entry<String, Figures> e : groups.entrySet()) {
            Figures f = e.getValue();
            b.append("<tr><td>").append(h(e.getKey())).append("</td><td>").append(f.requests).append("</td><td>")
                    .append(f.open).append("</td><td>").append(pair(f.response)).append("</td><td>")
                    .append(pair(f.resolution)).append("</td><td>").append(dash(f.withinPromiseShare())).append("</td><td>")
                    .append(dash(f.firstContactResolutionRate())).append("</td><td>")
                    .append(dash(f.satisfactionIndex(s.mapping()))).append("</td><td>")
                    .append(dash(f.complaintResolutionRate())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String pair(Histogram hist) {
        if (hist.count() == 0) {
            return "—";
        }
        return hist.quantileMinutes(50) + (hist.exact(50) ? "" : "+") + " / " + hist.quantileMinutes(90)
                + (hist.exact(90) ? "" : "+");
    }

    private static String dash(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }
}
