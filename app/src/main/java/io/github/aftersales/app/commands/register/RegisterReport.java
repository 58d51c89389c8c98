package io.github.aftersales.app.commands.register;

import io.github.aftersales.app.output.Sink;
import io.github.aftersales.register.Certificate;
import io.github.aftersales.register.CertificateEvent;
import io.github.aftersales.register.CertificateView;
import io.github.aftersales.register.DueItem;
import io.github.aftersales.register.DueReport;
import io.github.aftersales.reports.Printable;
import java.util.function.Consumer;

/**
 * The register for people (text). Text shows every field through {@link Printable#of}: a name holding a line
 * break or an escape sequence cannot add a row or reach the terminal as a command. A listing of any length is
 * written a certificate at a time. JSON and CSV are the register's own ({@link
 * io.github.aftersales.register.RegisterFormats}), which the service's routes write too.
 */
final class RegisterReport {

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

    private static String stars(int n) {
        return io.github.aftersales.register.Stars.count(n);
    }

    /** A stored text as one printable line: what users typed never lays out the page. */
    private static String p(String text) {
        return Printable.of(text);
    }
}
