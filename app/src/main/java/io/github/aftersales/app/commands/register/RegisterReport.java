package io.github.aftersales.app.commands.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.app.output.Sink;
import io.github.aftersales.register.Certificate;
import io.github.aftersales.register.CertificateEvent;
import io.github.aftersales.register.CertificateView;
import io.github.aftersales.register.DueItem;
import io.github.aftersales.register.DueReport;
import io.github.aftersales.reports.Printable;
import java.util.function.Consumer;

/**
 * The register for people (text), programs (JSON) and spreadsheets (CSV). Text shows every field
 * through {@link Printable#of}: a name holding a line break or an escape sequence cannot add a
 * row or reach the terminal as a command. A listing of any length is written a certificate at a time.
 */
final class RegisterReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RegisterReport() {
    }

    /** The text listing, written a certificate at a time. */
    static final class TextList implements Consumer<CertificateView> {
        private final Sink sink;
        private long count;

        TextList(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void accept(CertificateView c) {
            if (count++ == 0) {
                sink.all(String.format("%-5s %-16s %-10s %-26s %-14s %-11s %s%n", "No.", "Reference", "State", "Scheme",
                        "Grade", "Issued", "Organisation"));
            }
            Certificate cert = c.certificate();
            sink.all(String.format("%-5d %-16s %-10s %-26s %-14s %-11s %s%n", cert.number(),
                    cert.reference() == null ? "-" : p(cert.reference()), c.state().key(),
                    p(cert.scheme() + " " + cert.variant()), stars(c.stars()), cert.issuedOn(), p(cert.organisation())));
        }

        /** The count, or what was looked for and not found ({@code narrowed}: what --state and --scheme asked). */
        void end(String search, String narrowed) {
            if (count > 0) {
                sink.all(count + (count == 1 ? " certificate\n" : " certificates\n"));
            } else if (narrowed != null) {
                sink.all(p("no certificate" + (search == null ? "" : " containing '" + search + "'") + " is"
                        + narrowed) + "\n");
            } else {
                sink.all(search == null ? "the register holds no certificates yet\n"
                        : "no certificate's organisation or reference contains '" + p(search) + "'\n");
            }
        }
    }

    static String show(CertificateView c) {
        Certificate cert = c.certificate();
        StringBuilder b = new StringBuilder();
        b.append("证书 Certificate ").append(p(c.label())).append('\n');
        b.append("  组织 Organisation: ").append(p(cert.organisation())).append('\n');
        b.append("  标准 Scheme:       ").append(p(cert.scheme() + " " + cert.variant() + " (" + cert.schemeVersion()))
                .append(")\n");
        b.append("  颁发 Issued:       ").append(cert.issuedOn()).append("  (recorded ").append(cert.recordedAt())
                .append(" by ").append(p(cert.recordedBy())).append(")\n");
        b.append("  现状 Now:          ").append(c.state().key()).append(", ").append(p(c.grade())).append(" (")
                .append(stars(c.stars())).append("); cycle since ").append(c.current().cycleStart())
                .append("; last evaluated ").append(c.lastEvaluation()).append('\n');
        b.append("\n  历史 History\n");
        for (CertificateEvent e : c.history()) {
            b.append("    #").append(e.seq()).append("  ").append(e.date()).append("  ").append(e.kind().key())
                    .append(": ").append(p(e.decision())).append(" → ").append(e.state().key()).append(", ")
                    .append(p(e.grade())).append(" (").append(stars(e.stars())).append(")");
            if (e.assessmentName() != null) {
                b.append("  [").append(p(e.assessmentName())).append("]");
            }
            b.append('\n');
            e.reason().lines().forEach(line -> b.append("         ").append(p(line)).append('\n'));
            b.append("         recorded ").append(e.recordedAt()).append(" by ").append(p(e.recordedBy())).append('\n');
        }
        return b.toString();
    }

    /** One line on what the certificate's last entry did (from the entry before it), then its reasons. */
    static String change(CertificateView after) {
        CertificateEvent e = after.current();
        CertificateEvent before = after.history().get(after.history().size() - 2);
        StringBuilder b = new StringBuilder();
        b.append("certificate ").append(p(after.label())).append(", ").append(e.kind().key()).append(" of ")
                .append(e.date()).append(": ").append(p(e.decision())).append(" — ").append(before.state().key())
                .append(", ").append(p(before.grade())).append(" (").append(stars(before.stars())).append(") → ")
                .append(after.state().key()).append(", ").append(p(after.grade())).append(" (")
                .append(stars(after.stars())).append(")\n");
        e.reason().lines().forEach(line -> b.append("  ").append(p(line)).append('\n'));
        return b.toString();
    }

    /** What is due, written to {@code out} some 60 kB at a time. */
    static void due(DueReport report, Consumer<String> out) {
        StringBuilder b = new StringBuilder();
        b.append("到期 Due on or before ").append(report.on()).append(" (overdue: before ").append(report.today())
                .append(")\n");
        if (report.items().isEmpty()) {
            b.append("  nothing\n");
        }
        for (DueItem item : report.items()) {
            if (b.length() > 60_000) {
                out.accept(b.toString());
                b.setLength(0);
            }
            Certificate cert = item.certificate().certificate();
            // as String.format("  %-8s %s  %-17s certificate %s, %s, %s %s, %s (%s)%n", …), without parsing the
            // format a hundred thousand times
            b.append("  ");
            padded(b, item.overdue() ? "OVERDUE" : "", 8).append(' ').append(item.due()).append("  ");
            padded(b, item.what().key(), 17).append(" certificate ").append(p(item.certificate().label()))
                    .append(", ").append(p(cert.organisation())).append(", ").append(p(cert.scheme())).append(' ')
                    .append(p(cert.variant())).append(", ").append(item.certificate().state().key()).append(" (")
                    .append(stars(item.certificate().stars())).append(')').append(System.lineSeparator());
            b.append("           ").append(p(item.basis())).append('\n');
        }
        if (!report.unscheduled().isEmpty()) {
            b.append("\n未排期 Not scheduled\n");
            for (DueReport.Unscheduled u : report.unscheduled()) {
                b.append("  certificate ").append(p(u.certificate().label())).append(", ")
                        .append(p(u.certificate().certificate().organisation())).append(": ").append(p(u.why()))
                        .append('\n');
            }
        }
        long overdue = report.items().stream().filter(DueItem::overdue).count();
        b.append('\n').append(report.items().size()).append(" due, ").append(overdue).append(" overdue\n");
        out.accept(b.toString());
    }

    /** {@code text} left-justified in {@code width} characters, as {@code %-WIDTHs} does. */
    private static StringBuilder padded(StringBuilder b, String text, int width) {
        b.append(text);
        for (int i = text.length(); i < width; i++) {
            b.append(' ');
        }
        return b;
    }

    /**
     * What is due as JSON, written to {@code out} an item at a time through a generator (no tree of a
     * hundred thousand items, no string of all of it): byte for byte what {@code Json.pretty} wrote of the whole tree
     * before, as {@link io.github.aftersales.reports.StreamedJson} is for the listings.
     */
    static void dueJson(DueReport report, java.io.Writer out) {
        try {
            com.fasterxml.jackson.core.JsonGenerator g = io.github.aftersales.reports.Json.prettyWriter()
                    .createGenerator(out);
            g.writeStartObject();
            g.writeStringField("on", report.on().toString());
            g.writeStringField("today", report.today().toString());
            g.writeArrayFieldStart("due");
            for (DueItem item : report.items()) {
                Certificate cert = item.certificate().certificate();
                g.writeStartObject();
                g.writeNumberField("certificate", item.certificate().number());
                g.writeStringField("reference", cert.reference());
                g.writeStringField("organisation", cert.organisation());
                g.writeStringField("scheme", cert.scheme());
                g.writeStringField("variant", cert.variant());
                g.writeStringField("state", item.certificate().state().key());
                g.writeStringField("what", item.what().key());
                g.writeStringField("due", item.due().toString());
                g.writeBooleanField("overdue", item.overdue());
                g.writeStringField("basis", item.basis());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("unscheduled");
            for (DueReport.Unscheduled u : report.unscheduled()) {
                g.writeStartObject();
                g.writeNumberField("certificate", u.certificate().number());
                g.writeStringField("why", u.why());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw(System.lineSeparator());
            g.flush(); // not closed: the sink is the command's to close
        } catch (java.io.IOException e) {
            // the sink's own unchecked failure (a closed pipe, a full disk), which Jackson wraps
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RuntimeException r) {
                    throw r;
                }
            }
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ObjectNode certificateJson(CertificateView c, boolean results) {
        Certificate cert = c.certificate();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("number", cert.number());
        o.put("reference", cert.reference());
        o.put("organisation", cert.organisation());
        o.put("scheme", cert.scheme());
        o.put("variant", cert.variant());
        o.put("schemeVersion", cert.schemeVersion());
        o.put("issuedOn", cert.issuedOn().toString());
        o.put("state", c.state().key());
        o.put("stars", c.stars());
        o.put("grade", c.grade());
        o.put("cycleStart", c.current().cycleStart().toString());
        o.put("lastEvaluation", c.lastEvaluation().toString());
        o.put("recordedAt", cert.recordedAt().toString());
        o.put("recordedBy", cert.recordedBy());
        ArrayNode history = o.putArray("history");
        for (CertificateEvent e : c.history()) {
            ObjectNode h = history.addObject();
            h.put("seq", e.seq());
            h.put("kind", e.kind().key());
            h.put("date", e.date().toString());
            h.put("decision", e.decision());
            h.put("state", e.state().key());
            h.put("stars", e.stars());
            h.put("grade", e.grade());
            h.put("cycleStart", e.cycleStart().toString());
            ArrayNode reasons = h.putArray("reasons");
            e.reason().lines().forEach(reasons::add);
            h.put("incidentType", e.incidentType());
            h.put("assessment", e.assessmentName());
            if (results && e.resultJson() != null) {
                try {
                    h.set("result", MAPPER.readTree(e.resultJson()));
                } catch (JsonProcessingException ex) {
                    h.put("result", e.resultJson()); // stored as it was, even if not JSON
                }
            }
            h.put("recordedAt", e.recordedAt().toString());
            h.put("recordedBy", e.recordedBy());
        }
        return o;
    }

    /** The CSV header of a row per certificate. */
    static String certificatesCsvHeader() {
        StringBuilder b = new StringBuilder();
        row(b, "number", "reference", "organisation", "scheme", "variant", "scheme_version", "issued_on", "state",
                "stars", "grade", "cycle_start", "last_evaluation", "entries");
        return b.toString();
    }

    static String certificateCsv(CertificateView c) {
        StringBuilder b = new StringBuilder();
        Certificate cert = c.certificate();
        row(b, Long.toString(cert.number()), cert.reference(), cert.organisation(), cert.scheme(), cert.variant(),
                cert.schemeVersion(), cert.issuedOn().toString(), c.state().key(), Integer.toString(c.stars()),
                c.grade(), c.current().cycleStart().toString(), c.lastEvaluation().toString(),
                Integer.toString(c.history().size()));
        return b.toString();
    }

    /** The CSV header of a row per history entry. */
    static String eventsCsvHeader() {
        StringBuilder b = new StringBuilder();
        row(b, "number", "reference", "seq", "kind", "date", "decision", "state", "stars", "grade", "cycle_start",
                "reason", "incident_type", "assessment", "recorded_at", "recorded_by");
        return b.toString();
    }

    static String eventsCsv(CertificateView c) {
        StringBuilder b = new StringBuilder();
        for (CertificateEvent e : c.history()) {
            row(b, Long.toString(c.number()), c.certificate().reference(), Integer.toString(e.seq()), e.kind().key(),
                    e.date().toString(), e.decision(), e.state().key(), Integer.toString(e.stars()), e.grade(),
                    e.cycleStart().toString(), e.reason(), e.incidentType(), e.assessmentName(),
                    e.recordedAt().toString(), e.recordedBy());
        }
        return b.toString();
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF between rows. */
    private static void row(StringBuilder b, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(csv(cells[i]));
        }
        b.append("\r\n");
    }

    static String csv(String cell) {
        if (cell == null) {
            return "";
        }
        String v = cell;
        // a spreadsheet runs a cell starting with = + - @ as a formula: an organisation name must not
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String stars(int n) {
        return io.github.aftersales.register.Stars.count(n);
    }

    /** A stored text as one printable line: what users typed never lays out the page. */
    private static String p(String text) {
        return Printable.of(text);
    }
}
