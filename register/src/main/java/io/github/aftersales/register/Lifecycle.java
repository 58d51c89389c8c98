package io.github.aftersales.register;

import io.github.aftersales.core.evaluation.ReadingUsed;
import io.github.aftersales.core.evaluation.Surveillance;
import io.github.aftersales.core.evaluation.SurveillanceResult;
import io.github.aftersales.spi.CertificationCycle;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.SurveillanceRules.Action;
import io.github.aftersales.spi.Variant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The certificate lifecycle: what an issue, a surveillance, a re-evaluation or an incident does to a
 * certificate. No database here; the rules that grade come from core ({@link Surveillance}) and the
 * schemes' own data ({@link CertificationCycle}, surveillance rules).
 */
final class Lifecycle {

    private Lifecycle() {
    }

    /**
     * What a surveillance grade may do to a certificate of this variant, stored with it so that the
     * database can refuse a raise its scheme forbids: the cycle's regrading, else CQM 6.4's keep or
     * downgrade where the variant has surveillance rules only (as {@link Surveillance#decide}
     * reads them), else none.
     */
    static String surveillanceRegrading(Variant variant) {
        if (variant.cycle() != null) {
            return variant.cycle().regrading().key();
        }
        return variant.surveillance() != null ? CertificationCycle.Regrading.KEEP_OR_DOWNGRADE.key() : "none";
    }

    static NewEvent issue(EvaluatedAssessment e, LocalDate today) {
        notAfterToday("a certificate issued", e.date(), today);
        if (!e.result().passed()) {
            // a sound file that grades too low: the register refuses to issue (exit 6), the file is not bad input
            throw new RegisterException(RegisterException.Kind.REFUSED, e.fileName() + ": " + e.result().scheme() + " "
                    + e.result().variant() + " reaches no level (" + e.result().grade() + "), so no certificate can be"
                    + " issued" + needs(e));
        }
        // a reading chosen (in the file or for the run) is part of what the certificate was graded on
        return new NewEvent(EventKind.ISSUED, e.date(), "issue", State.ACTIVE, e.result().stars(), e.result().grade(),
                e.date(), "issued at " + e.result().grade() + " (" + e.result().gradeEn() + ", "
                        + Stars.count(e.result().stars()) + ") on " + oneLine(e.fileName())
                        + readWith(List.of(), e, false), null, e);
    }

    /**
     * The lines an entry's reason ends with, {@code read with: cqm.majorComplaintWindow = 12 months (chosen on
     * the command line)}, one a reading, in the words of the reports ({@link ReadingUsed#text()}): first
     * {@code decision}'s (a surveillance's or serious events', chosen or binding, as {@code surveil} shows
     * them), then the grade's, every one when {@code gradeDecided} (a downgrade, a revocation for no level),
     * else those chosen in the file or for the run (a certificate's grade, as the issue entry says); a key once.
     */
    private static String readWith(List<ReadingUsed> decision, EvaluatedAssessment e, boolean gradeDecided) {
        java.util.Map<String, ReadingUsed> lines = new java.util.LinkedHashMap<>();
        decision.forEach(u -> lines.putIfAbsent(u.key(), u));
        e.result().readings().stream().filter(u -> gradeDecided || u.source() != ReadingUsed.Source.DEFAULT)
                .forEach(u -> lines.putIfAbsent(u.key(), u));
        StringBuilder b = new StringBuilder();
        lines.values().forEach(u -> b.append("\nread with: ").append(u.text()));
        return b.toString();
    }

    static NewEvent surveil(CertificateView c, EvaluatedAssessment e, Optional<Action> onSerious, LocalDate today) {
        checkLive(c, "a surveillance");
        checkSameScheme(c, e);
        checkEvaluationDate(c, e.date(), today);
        checkIncidentsListed(c, e);
        SurveillanceResult d;
        try {
            d = Surveillance.decide(e.variant(), e.part(), e.result(), c.stars(), onSerious, e.fileName(),
                    e.readings());
        } catch (IllegalArgumentException ex) {
            throw new RegisterException(RegisterException.Kind.REFUSED, "certificate " + c.label() + ": "
                    + ex.getMessage());
        }
        List<String> reasons = new ArrayList<>();
        State state = switch (d.decision()) {
            case KEEP, DOWNGRADE, UPGRADE -> State.ACTIVE;
            case SUSPEND -> State.SUSPENDED;
            case REVOKE -> State.REVOKED;
        };
        if (c.state() == State.SUSPENDED && state == State.ACTIVE) {
            reasons.add("reinstated: the surveillance finds no serious event");
        }
        reasons.addAll(d.reasons());
        int stars = switch (d.decision()) {
            case KEEP, DOWNGRADE, UPGRADE -> d.stars();
            case SUSPEND -> c.stars();
            case REVOKE -> 0;
        };
        String grade = switch (d.decision()) {
            case KEEP -> c.grade();
            case DOWNGRADE, UPGRADE -> e.result().grade();
            case SUSPEND -> c.grade();
            case REVOKE -> "—";
        };
        // the grade decided a downgrade or raise, and a revocation where it reaches no level
        boolean gradeDecided = d.decision() == Action.DOWNGRADE || d.decision() == Action.UPGRADE
                || (d.decision() == Action.REVOKE && !e.result().passed());
        return new NewEvent(EventKind.SURVEILLANCE, e.date(), d.decision().key(), state, stars, grade,
                c.current().cycleStart(), String.join("\n", reasons) + readWith(d.readings(), e, gradeDecided), null, e);
    }

    static NewEvent reevaluate(CertificateView c, EvaluatedAssessment e, Optional<Action> onSerious, LocalDate today) {
        checkLive(c, "a re-evaluation");
        checkSameScheme(c, e);
        checkEvaluationDate(c, e.date(), today);
        checkIncidentsListed(c, e);
        // a serious event in the file acts on a new evaluation as on a surveillance (CQM 6.4)
        Surveillance.Serious found = Surveillance.seriousEvents(e.result().scheme(), e.variant(), e.part(),
                e.fileName(), e.readings());
        List<String> serious = found.reasons();
        if (!serious.isEmpty()) {
            Action action = onSerious.orElse(found.action());
            List<String> reasons = new ArrayList<>(serious);
            reasons.add(action.key() + (onSerious.isPresent() || found.chosen() ? " (chosen for this evaluation)"
                    : " (the default of "
                    + e.result().scheme() + " " + e.result().variant() + " where the standard says suspend or revoke)")
                    + ": serious events act on a new evaluation as on a surveillance");
            String reason = String.join("\n", reasons) + readWith(found.readings(), e, false);
            return action == Action.REVOKE
                    ? new NewEvent(EventKind.REEVALUATION, e.date(), "revoke", State.REVOKED, 0, "—",
                            c.current().cycleStart(), reason, null, e)
                    : new NewEvent(EventKind.REEVALUATION, e.date(), "suspend", State.SUSPENDED, c.stars(), c.grade(),
                            c.current().cycleStart(), reason, null, e);
        }
        if (!e.result().passed()) {
            return new NewEvent(EventKind.REEVALUATION, e.date(), "revoke", State.REVOKED, 0, "—", c.current()
                    .cycleStart(), "the re-evaluation reaches no level (" + e.result().grade() + "): the certificate is"
                            + " revoked" + needs(e) + readWith(List.of(), e, true), null, e);
        }
        int stars = e.result().stars();
        String change = stars == c.stars() ? "kept at" : stars > c.stars() ? "raised to" : "lowered to";
        return new NewEvent(EventKind.REEVALUATION, e.date(), "regrade", State.ACTIVE, stars, e.result().grade(),
                e.date(), (c.state() == State.SUSPENDED ? "reinstated by a new evaluation\n" : "")
                        + "re-evaluated on " + oneLine(e.fileName()) + ": " + change + " " + e.result().grade() + " ("
                        + Stars.count(stars) + "); a new cycle starts" + readWith(List.of(), e, false), null, e);
    }

    static NewEvent incident(CertificateView c, Variant variant, String type, LocalDate date, String note,
            LocalDate today) {
        checkLive(c, "an incident");
        notAfterToday("an incident", date, today);
        if (date.isBefore(c.certificate().issuedOn())) {
            throw new RegisterException(RegisterException.Kind.REFUSED, "certificate " + c.label() + " was issued on "
                    + c.certificate().issuedOn() + "; an incident on " + date + " is before that");
        }
        Inputs.EventSpec spec = variant.inputs().events().stream().filter(s -> s.type().equals(type)).findFirst()
                .orElseThrow(() -> new RegisterException(RegisterException.Kind.INPUT, c.certificate().scheme() + " "
                        + c.certificate().variant() + " has no event type '" + type + "'; it has: " + (variant.inputs()
                                .events().isEmpty() ? "none" : String.join(", ", variant.inputs().events().stream()
                                        .map(Inputs.EventSpec::type).toList()))));
        CertificationCycle cycle = variant.cycle();
        boolean extra = cycle != null && cycle.extraEvaluationAfter().contains(type);
        // noted late: an evaluation dated after it already took place (due counts it the same way)
        java.util.Optional<LocalDate> since = c.history().stream().filter(ev -> ev.kind().evaluation()
                && ev.date().isAfter(date)).map(CertificateEvent::date).findFirst();
        String reason = type + " on " + date + ": " + spec.title() + " (" + spec.titleEn() + ")"
                + (note == null || note.isBlank() ? "" : "; " + oneLine(note))
                + (!extra ? "" : since.isPresent() ? "\ncalls for an extra evaluation (" + cycle.source() + "); the"
                        + " evaluation of " + since.get() + " followed it" : "\ncalls for an extra evaluation ("
                                + cycle.source() + ")");
        return new NewEvent(EventKind.INCIDENT, date, "note", c.state(), c.stars(), c.grade(), c.current().cycleStart(),
                reason, type, null);
    }

    /**
     * What is due by {@code on}, one certificate at a time: the next surveillance (last evaluation +
     * the interval), the re-evaluation (cycle start + its interval) and an extra evaluation for each
     * incident that calls for one since the last evaluation (due from the incident's date). Only what
     * is due is kept, with the certificate's summary, not its history.
     */
    static final class Due {
        private final LocalDate on;
        private final LocalDate today;
        private final BiFunction<String, String, Optional<Variant>> variants;
        private final List<DueItem> items = new ArrayList<>();
        private final List<DueReport.Unscheduled> unscheduled = new ArrayList<>();
        /**
         * Each basis once: certificates evaluated on the same day share it, so a hundred thousand items
         * hold a few thousand texts (kept to the end, they are most of what a due list holds).
         */
        private final java.util.Map<Basis, String> bases = new java.util.HashMap<>();

        /** What a basis says: a cycle's rule (by identity, one per variant) applied to a date. */
        private record Basis(CertificationCycle cycle, DueItem.What what, LocalDate date, String incidentType) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Basis b && b.cycle == cycle && b.what == what && b.date.equals(date)
                        && java.util.Objects.equals(b.incidentType, incidentType);
            }

            @Override
            public int hashCode() {
                return ((System.identityHashCode(cycle) * 31 + what.hashCode()) * 31 + date.hashCode()) * 31
                        + java.util.Objects.hashCode(incidentType);
            }
        }

        private String basis(CertificationCycle cycle, DueItem.What what, LocalDate date, String incidentType) {
            return bases.computeIfAbsent(new Basis(cycle, what, date, incidentType), b -> switch (what) {
                case SURVEILLANCE -> "at most " + cycle.surveillanceMonths() + " months after the last evaluation on "
                        + date + " (" + cycle.source() + ")";
                case REEVALUATION -> "at most " + cycle.reevaluationMonths() + " months after the cycle began on "
                        + date + " (" + cycle.source() + ")";
                case EXTRA_EVALUATION -> incidentType + " on " + date + " calls for an extra evaluation ("
                        + cycle.source() + ")";
            });
        }

        Due(LocalDate on, LocalDate today, BiFunction<String, String, Optional<Variant>> variants) {
            this.on = on;
            this.today = today;
            this.variants = variants;
        }

        void add(Standing c) {
            CertificateSummary summary = c.summary();
            if (summary.state() == State.REVOKED) {
                return;
            }
            Certificate certificate = summary.certificate();
            Optional<Variant> variant = variants.apply(certificate.scheme(), certificate.variant());
            if (variant.isEmpty()) {
                unscheduled.add(new DueReport.Unscheduled(summary, "scheme " + certificate.scheme() + " "
                        + certificate.variant() + " is not installed"));
                return;
            }
            CertificationCycle cycle = variant.get().cycle();
            if (cycle == null) {
                unscheduled.add(new DueReport.Unscheduled(summary, "the standard of " + certificate.scheme() + " "
                        + certificate.variant() + " gives no surveillance interval"));
                return;
            }
            LocalDate last = c.lastEvaluation();
            LocalDate surveillance = last.plusMonths(cycle.surveillanceMonths());
            if (!surveillance.isAfter(on)) {
                items.add(new DueItem(summary, DueItem.What.SURVEILLANCE, surveillance, surveillance.isBefore(today),
                        basis(cycle, DueItem.What.SURVEILLANCE, last, null)));
            }
            if (cycle.reevaluationMonths() > 0) {
                LocalDate start = c.cycleStart();
                LocalDate reevaluation = start.plusMonths(cycle.reevaluationMonths());
                if (!reevaluation.isAfter(on)) {
                    items.add(new DueItem(summary, DueItem.What.REEVALUATION, reevaluation,
                            reevaluation.isBefore(today), basis(cycle, DueItem.What.REEVALUATION, start, null)));
                }
            }
            // done once an evaluation took place after it: a later day, or the same day recorded after it
            for (Standing.Incident incident : c.openIncidents()) {
                if (!incident.date().isAfter(on) && cycle.extraEvaluationAfter().contains(incident.type())) {
                    items.add(new DueItem(summary, DueItem.What.EXTRA_EVALUATION, incident.date(),
                            incident.date().isBefore(today), basis(cycle, DueItem.What.EXTRA_EVALUATION,
                                    incident.date(), incident.type())));
                }
            }
        }

        DueReport report() {
            // by day, then number, then what (as comparing(due).thenComparing(number).thenComparing(what), unboxed)
            items.sort((a, b) -> {
                int c = a.due().compareTo(b.due());
                if (c == 0) {
                    c = Long.compare(a.certificate().number(), b.certificate().number());
                }
                return c != 0 ? c : a.what().compareTo(b.what());
            });
            return new DueReport(on, today, items, unscheduled);
        }
    }

    private static void checkLive(CertificateView c, String what) {
        if (c.state() == State.REVOKED) {
            CertificateEvent revoked = c.current();
            throw new RegisterException(RegisterException.Kind.REFUSED, "certificate " + c.label() + " was revoked on "
                    + revoked.date() + " (" + revoked.reason().lines().findFirst().orElse("") + "); " + what
                    + " cannot be recorded against it: a new certificate takes a new evaluation");
        }
    }

    private static void checkSameScheme(CertificateView c, EvaluatedAssessment e) {
        Certificate cert = c.certificate();
        if (!cert.scheme().equals(e.result().scheme()) || !cert.variant().equals(e.result().variant())) {
            throw new RegisterException(RegisterException.Kind.INPUT, e.fileName() + ": is an assessment for "
                    + e.result().scheme() + " " + e.result().variant() + ", but certificate " + c.label() + " is of "
                    + cert.scheme() + " " + cert.variant());
        }
    }

    /**
     * Refuses an evaluation whose file leaves out an incident the register holds for the certificate
     * (dated on or before the evaluation): its grade would ignore it (CQM five stars: no major
     * complaint in 24 months). The file is not completed from the register: the grade must follow from
     * the stored file alone, and only the file can say what the scheme asks of an event (rectified,
     * injury or death), which a noted incident does not record.
     */
    private static void checkIncidentsListed(CertificateView c, EvaluatedAssessment e) {
        List<String> missing = c.history().stream()
                .filter(ev -> ev.kind() == EventKind.INCIDENT && !ev.date().isAfter(e.date()))
                .filter(ev -> e.part().events().stream().noneMatch(listed -> listed.type().equals(ev.incidentType())
                        && listed.date().equals(ev.date())))
                .map(ev -> ev.incidentType() + " on " + ev.date() + " (entry #" + ev.seq() + ")").toList();
        if (!missing.isEmpty()) {
            throw new RegisterException(RegisterException.Kind.REFUSED, e.fileName() + ": lists no "
                    + String.join(", no ", missing) + ", noted in the register for certificate " + c.label()
                    + "; the grade is decided on the file alone, so add " + (missing.size() == 1 ? "it" : "them")
                    + " to the file's events, with what " + e.result().scheme() + " asks of "
                    + (missing.size() == 1 ? "it" : "them") + " (e.g. rectified), and record the evaluation again");
        }
    }

    private static void notAfterToday(String what, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new RegisterException(RegisterException.Kind.REFUSED, what + " on " + date + " is after today ("
                    + today + "): the register records what has taken place");
        }
    }

    private static void checkEvaluationDate(CertificateView c, LocalDate date, LocalDate today) {
        notAfterToday("an evaluation", date, today);
        if (date.isBefore(c.certificate().issuedOn())) {
            throw new RegisterException(RegisterException.Kind.REFUSED, "certificate " + c.label() + " was issued on "
                    + c.certificate().issuedOn() + "; an evaluation on " + date + " is before that");
        }
        LocalDate last = c.lastEvaluation();
        if (date.isBefore(last)) {
            throw new RegisterException(RegisterException.Kind.REFUSED, "certificate " + c.label()
                    + " was last evaluated on " + last + "; an evaluation on " + date + " is before that, and the"
                    + " history is kept in the order things happened");
        }
    }

    /**
     * Text a user gave (a note, a file name) inside a reason, on one line: an entry's reasons are
     * the lines of its reason, so a line break in a note would split it into reasons of its own. It
     * is kept as the escape every text output shows for it ({@code \n}).
     */
    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String needs(EvaluatedAssessment e) {
        List<String> needs = e.result().nextLevelNeeds();
        return needs.isEmpty() ? "" : ": " + String.join("; ", needs);
    }
}
