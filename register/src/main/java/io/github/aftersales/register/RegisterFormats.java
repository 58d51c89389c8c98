package io.github.aftersales.register;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The register for programs (JSON) and spreadsheets (CSV): one rendering that {@code aftersales register}
 * (list, show, due, export) and the service's {@code /api/v1/certificates} routes both write, so both give the
 * same answers. The JSON writer is the caller's ({@code reports}' {@code Json.prettyWriter()}): the bytes of a
 * listing written a certificate at a time are those of the whole tree written at once.
 */
public final class RegisterFormats {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RegisterFormats() {
    }

    /**
     * A certificate with its history, as {@code register show --format json} writes it.
     *
     * @param results whether each entry's evaluation result is included (read with the certificate)
     */
    public static ObjectNode certificateJson(CertificateView c, boolean results) {
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

    /**
     * What is due as JSON ({@code register due --format json}), written to {@code out} an item at a time through
     * {@code writer}'s generator (no tree of a hundred thousand items, no string of all of it), ended with the line
     * separator and flushed, not closed. A failure of {@code out} is thrown as it was, unchecked.
     */
    public static void dueJson(DueReport report, ObjectWriter writer, Writer out) {
        try {
            JsonGenerator g = writer.createGenerator(out);
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
            g.flush(); // not closed: the output is the caller's to close
        } catch (IOException e) {
            // the output's own unchecked failure (a closed pipe, a full disk), which Jackson wraps
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RuntimeException r) {
                    throw r;
                }
            }
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV header of a row per certificate ({@code register export}). */
    public static String certificatesCsvHeader() {
        StringBuilder b = new StringBuilder();
        row(b, "number", "reference", "organisation", "scheme", "variant", "scheme_version", "issued_on", "state",
                "stars", "grade", "cycle_start", "last_evaluation", "entries");
        return b.toString();
    }

    /** A certificate's CSV row, where it stands now. */
    public static String certificateCsv(CertificateView c) {
        StringBuilder b = new StringBuilder();
        Certificate cert = c.certificate();
        row(b, Long.toString(cert.number()), cert.reference(), cert.organisation(), cert.scheme(), cert.variant(),
                cert.schemeVersion(), cert.issuedOn().toString(), c.state().key(), Integer.toString(c.stars()),
                c.grade(), c.current().cycleStart().toString(), c.lastEvaluation().toString(),
                Integer.toString(c.history().size()));
        return b.toString();
    }

    /** The CSV header of a row per history entry ({@code register export --events}). */
    public static String eventsCsvHeader() {
        StringBuilder b = new StringBuilder();
        row(b, "number", "reference", "seq", "kind", "date", "decision", "state", "stars", "grade", "cycle_start",
                "reason", "incident_type", "assessment", "recorded_at", "recorded_by");
        return b.toString();
    }

    /** A certificate's history entries, a CSV row each. */
    public static String eventsCsv(CertificateView c) {
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

    /** One CSV cell: quoted where RFC 4180 needs it, and never a formula a spreadsheet would run. */
    public static String csv(String cell) {
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
}
