package io.github.aftersales.records;

import java.math.BigDecimal;
import java.util.Map;

/** The summary as a terminal shows it: one table a breakdown, the problems after it. */
public final class SummaryText {

    private SummaryText() {
    }

    public static String render(RecordsSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(Text.printable(s.source())).append("  sha256 ").append(s.sha256()).append('\n');
        b.append(s.rows()).append(" rows: ").append(s.records()).append(" records read, ").append(s.skipped())
                .append(" skipped");
        if (s.records() > 0) {
            b.append("; opened ").append(s.firstDay()).append(" to ").append(s.lastDay());
        }
        b.append('\n');
        Figures o = s.overall();
        b.append('\n');
        line(b, "complaint resolution rate (GB/T 27922 B.6.3.2, at least 97 %)", o.complaintResolutionRate(), " %",
                " (" + o.complaintsResolved() + " of " + o.complaints() + ")");
        line(b, "首次解决率 first-contact resolution", o.firstContactResolutionRate(), " %",
                " (" + o.firstContact + " of " + o.contactsKnown + ")");
        line(b, "顾客满意度指数 satisfaction index (0-100)", o.satisfactionIndex(s.mapping()), "",
                o.scored == 0 ? "" : " (mean " + o.meanScore().toPlainString() + " on " + s.mapping().scaleMin()
                        .toPlainString() + "-" + s.mapping().scaleMax().toPlainString() + ", " + o.scored + " scored)");
        line(b, "resolved within the promised time", o.withinPromiseShare(), " %",
                " (" + o.withinPromise() + " of " + o.promised() + "; " + (o.promised() - o.withinPromise()) + " late)");
        b.append("major complaints: ").append(o.majorComplaints).append(", rectified ").append(o.majorRectified)
                .append('\n');
        b.append("响应时间 response time (opened to first response), minutes: ").append(durations(o.response)).append('\n');
        b.append("解决时间 resolution time (first response to resolved), minutes: ").append(durations(o.resolution))
                .append('\n');
        Map<String, Figures> types = new java.util.LinkedHashMap<>();
        s.byType().forEach((k, v) -> types.put(k.word(), v));
        table(b, "by type", types, s);
        table(b, "by channel", s.byChannel(), s);
        table(b, "by month opened", s.byMonth(), s);
        if (!s.majorComplaints().isEmpty()) {
            b.append("\nmajor complaints\n");
            for (RecordsSummary.MajorComplaint c : s.majorComplaints()) {
                b.append("  line ").append(c.line()).append("  ").append(Text.printable(c.id())).append("  opened ")
                        .append(c.opened()).append("  ").append(c.rectified() == null ? "not rectified"
                                : "rectified " + c.rectified()).append('\n');
            }
        }
        if (s.skipped() > 0) {
            b.append("\nskipped rows\n");
            for (RowProblem p : s.problems()) {
                b.append("  ").append(Text.printable(p.describe(s.source()))).append('\n');
            }
            if (s.skipped() > s.problems().size()) {
                b.append("  … and ").append(s.skipped() - s.problems().size()).append(" more\n");
            }
        }
        b.append("\nmedian and p90 are nearest-rank, exact to the minute up to 7 days (docs/records.md)\n");
        return b.toString();
    }

    private static void line(StringBuilder b, String what, BigDecimal value, String unit, String detail) {
        b.append(what).append(": ").append(value == null ? "n/a" : value.toPlainString() + unit)
                .append(value == null ? "" : detail).append('\n');
    }

    static String durations(Histogram h) {
        if (h.count() == 0) {
            return "none";
        }
        return "median " + h.quantileMinutes(50) + (h.exact(50) ? "" : "+") + ", p90 " + h.quantileMinutes(90)
                + (h.exact(90) ? "" : "+") + ", mean " + Figures.meanMinutes(h).toPlainString() + " (" + h.count() + ")";
    }

    private static String cell(BigDecimal v) {
        return v == null ? "-" : v.toPlainString();
    }

    private static String minutes(Histogram h, int p) {
        return h.count() == 0 ? "-" : h.quantileMinutes(p) + (h.exact(p) ? "" : "+");
    }

    private static void table(StringBuilder b, String title, Map<String, Figures> groups, RecordsSummary s) {
        if (groups.isEmpty()) {
            return;
        }
        int width = title.length();
        for (String k : groups.keySet()) {
            width = Math.max(width, displayWidth(Text.printable(k)));
        }
        width = Math.min(width, 40);
        b.append('\n').append(pad(title, width)).append(String.format(
                "  %8s %6s %9s %9s %9s %9s %8s %8s %7s %10s%n", "requests", "open", "resp.med", "resp.p90", "resol.med",
                "resol.p90", "in time%", "1st.c.%", "CSI", "compl.res%"));
        for (Map.Entry<String, Figures> e : groups.entrySet()) {
            Figures f = e.getValue();
            b.append(pad(Text.printable(e.getKey()), width)).append(String.format(
                    "  %8d %6d %9s %9s %9s %9s %8s %8s %7s %10s%n", f.requests, f.open, minutes(f.response, 50),
                    minutes(f.response, 90), minutes(f.resolution, 50), minutes(f.resolution, 90),
                    cell(f.withinPromiseShare()), cell(f.firstContactResolutionRate()), cell(f.satisfactionIndex(s.mapping())),
                    cell(f.complaintResolutionRate())));
        }
    }

    /** Columns a terminal gives the text: a CJK character two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
                    || (c >= 0xffe0 && c <= 0xffe6)) ? 2 : 1;
        }
        return w;
    }

    private static String pad(String s, int width) {
        String t = s;
        while (displayWidth(t) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + " ".repeat(Math.max(0, width - displayWidth(t)));
    }
}
