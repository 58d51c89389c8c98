package io.github.aftersales.web;

import io.github.aftersales.register.Certificate;
import io.github.aftersales.register.CertificateEvent;
import io.github.aftersales.register.CertificateView;
import io.github.aftersales.register.DueItem;
import io.github.aftersales.register.DueReport;
import io.github.aftersales.register.Listing;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.Stars;
import io.github.aftersales.register.State;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.GradingRoutes;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.register.RegisterRoutes;
import io.github.aftersales.spi.Scheme;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate register for a certification manager in a browser: the certificates with filters, a page at a
 * time; each one with its history; what is due in the next months. The same reads as the service's
 * {@code /api/v1/certificates} routes ({@link RegisterRoutes}) and {@code aftersales register list / show / due}:
 * the filters, the months and the certificate's lookup are theirs.
 *
 * <p>Only a manager opens them, as only a manager reads the register through the API.
 */
public final class RegisterPages {

    private static final Access MANAGERS = Access.roles(Role.MANAGER);
    /** Certificates on one page of the list; "next" shows the following ones. */
    static final int PAGE = 50;
    /** How far ahead the due page looks when not told. */
    static final int DEFAULT_MONTHS = 3;

    private final Register register;
    private final RegisterRoutes decisions;
    private final Map<String, Scheme> schemes;
    private final Clock clock;

    /**
     * @param register  the register, open for the pages' life (its owner closes it)
     * @param decisions the API's register routes, which record a decision as the API does
     * @param clock     today, for what is due and overdue
     */
    public RegisterPages(Register register, RegisterRoutes decisions, Map<String, Scheme> schemes, Clock clock) {
        this.register = register;
        this.decisions = decisions;
        this.schemes = schemes;
        this.clock = clock;
    }

    /** The routes; {@code due} and {@code export} before {@code {number}}, which would take their names. */
    public List<Route> routes() {
        return List.of(
                Route.get("/register", MANAGERS, "Show the register's certificates, filtered, a page at a time",
                        this::list),
                Route.get("/register/due", MANAGERS, "Show what is due in the next months", this::due),
                Route.get("/register/export", MANAGERS,
                        "Download the certificates the register's filters find as CSV", this::export),
                Route.get("/register/{number}", MANAGERS, "Show a certificate with its history", this::show),
                Route.post("/register/{number}/surveillance", MANAGERS,
                        "Record a surveillance on a certificate from an uploaded assessment",
                        (ctx, caller) -> evaluation(ctx, caller, false)),
                Route.post("/register/{number}/reevaluation", MANAGERS,
                        "Record a re-evaluation on a certificate from an uploaded assessment",
                        (ctx, caller) -> evaluation(ctx, caller, true)),
                Route.post("/register/{number}/incident", MANAGERS, "Note an incident against a certificate",
                        this::incident));
    }

    private void list(Context ctx, Optional<Caller> caller) {
        Texts t = Texts.of(ctx);
        Views.Session session = Html.session(ctx, caller.orElseThrow());
        // a form sends an empty field for a filter not chosen: not asked, rather than an empty text
        String q = given(ctx.queryParam("q"));
        String state = given(ctx.queryParam("state"));
        String scheme = given(ctx.queryParam("scheme"));
        List<RegisterViews.Option> states = new ArrayList<>();
        states.add(new RegisterViews.Option("", t.t("register.any"), state == null));
        for (State s : State.values()) {
            states.add(new RegisterViews.Option(s.key(), t.t("register.state." + s.key()), s.key().equals(state)));
        }
        List<RegisterViews.Option> schemeOptions = new ArrayList<>();
        schemeOptions.add(new RegisterViews.Option("", t.t("register.any"), scheme == null));
        schemes.values().forEach(s -> schemeOptions.add(new RegisterViews.Option(s.id(), s.id() + " — "
                + (t.english() ? s.titleEn() : s.title()), s.id().equals(scheme))));
        Listing listing;
        long after;
        try {
            listing = RegisterRoutes.listing(q, state, scheme);
            after = after(ctx.queryParam("after"));
        } catch (ApiError e) {
            Html.page(ctx, 400, "register.jte", new RegisterViews.ListPage(t, session, q == null ? "" : q, states,
                    schemeOptions, List.of(), null, null, null, e.getMessage()));
            return;
        }
        // one more than shown: whether there is a next page
        List<CertificateView> found = register.page(listing, after, PAGE + 1);
        List<RegisterViews.Row> rows = new ArrayList<>();
        for (CertificateView c : found.subList(0, Math.min(PAGE, found.size()))) {
            Certificate cert = c.certificate();
            rows.add(new RegisterViews.Row(cert.number(), cert.reference() == null ? "" : cert.reference(),
                    cert.organisation(), cert.scheme() + " / " + cert.variant(), t.t("register.state." + c.state().key()),
                    grade(t, c.grade(), c.stars()), cert.issuedOn().toString()));
        }
        String filters = query("q", q) + query("state", state) + query("scheme", scheme);
        String export = "/register/export" + (filters.isEmpty() ? "" : "?" + filters.substring(0, filters.length() - 1));
        String next = found.size() > PAGE ? "/register?" + filters + "after=" + rows.get(rows.size() - 1).number()
                : null;
        String first = after > 0 ? "/register" + (filters.isEmpty() ? "" : "?" + filters.substring(0,
                filters.length() - 1)) : null;
        Html.page(ctx, 200, "register.jte", new RegisterViews.ListPage(t, session, q == null ? "" : q, states,
                schemeOptions, rows, next, first, export, null));
    }

    /**
     * The certificates the filters find (all of them, not a page), as {@code register export} writes its CSV: through
     * {@link RegisterRoutes#certificatesCsv}, which {@code GET /api/v1/certificates/export} answers with too. A filter
     * that is not one is the list's 400 page, saying why.
     */
    private void export(Context ctx, Optional<Caller> caller) {
        Listing listing;
        try {
            listing = RegisterRoutes.listing(given(ctx.queryParam("q")), given(ctx.queryParam("state")),
                    given(ctx.queryParam("scheme")));
        } catch (ApiError e) {
            list(ctx, caller);
            return;
        }
        decisions.certificatesCsv(ctx, listing);
    }

    private void show(Context ctx, Optional<Caller> caller) {
        Texts t = Texts.of(ctx);
        Views.Session session = Html.session(ctx, caller.orElseThrow());
        Optional<CertificateView> c = certificate(ctx, t, session);
        if (c.isPresent()) {
            certificatePage(ctx, t, session, c.get(), 200, null);
        }
    }

    /** The certificate the path names; else the 404 page is answered and empty returned. */
    private Optional<CertificateView> certificate(Context ctx, Texts t, Views.Session session) {
        try {
            return Optional.of(RegisterRoutes.find(register, ctx.pathParam("number")));
        } catch (ApiError e) {
            if (e.status() != 404) {
                throw e;
            }
            Html.page(ctx, 404, "notice.jte", new RegisterViews.Notice(t, session, t.t("register.notFound"),
                    t.t("register.notFound.text", ctx.pathParam("number"))));
            return Optional.empty();
        }
    }

    private void certificatePage(Context ctx, Texts t, Views.Session session, CertificateView c, int status,
            RegisterViews.Problem problem) {
        Certificate cert = c.certificate();
        List<RegisterViews.Entry> history = new ArrayList<>();
        for (CertificateEvent e : c.history()) {
            history.add(new RegisterViews.Entry(e.seq(), e.date().toString(), t.t("register.kind." + e.kind().key()),
                    t.orAsIs("register.decision." + e.decision(), e.decision()), t.t("register.state."
                            + e.state().key()), grade(t, e.grade(), e.stars()), e.assessmentName(),
                    e.reason().lines().toList(), t.t("register.recorded", e.recordedAt().toString(), e.recordedBy())));
        }
        // the event types the certificate's scheme declares: what an incident may be
        List<RegisterViews.Option> types = new ArrayList<>();
        String typed = problem == null ? "" : problem.type();
        Optional.ofNullable(schemes.get(cert.scheme())).flatMap(s -> s.variant(cert.variant())).ifPresent(v -> v
                .inputs().events().forEach(e -> types.add(new RegisterViews.Option(e.type(), e.type() + " · "
                        + (t.english() ? e.titleEn() : e.title()), e.type().equals(typed)))));
        Html.page(ctx, status, "certificate.jte", new RegisterViews.CertificatePage(t, session, cert.number(),
                c.label(), cert.organisation(), cert.scheme() + " / " + cert.variant() + " (" + cert.schemeVersion()
                        + ")", cert.issuedOn().toString(), t.t("register.recorded", cert.recordedAt().toString(),
                                cert.recordedBy()), t.t("register.state." + c.state().key()), grade(t, c.grade(),
                                        c.stars()), c.current().cycleStart().toString(), c.lastEvaluation().toString(),
                history, c.state() != State.REVOKED, types, problem == null ? RegisterViews.Problem.NONE : problem));
    }

    /**
     * A surveillance or a re-evaluation from the certificate's page: the assessment file uploaded (JSON, YAML or a
     * filled xlsx form, by its name's ending), applied by the scheme's rules as
     * {@code POST /api/v1/certificates/{number}/surveillance} (or {@code …/reevaluation}) and {@code aftersales register
     * surveil} (or {@code reevaluate}) apply it, with their date, what a serious event leads to and the scoring
     * options; then the certificate's page, the decision its last entry. A refusal is said beside the form.
     */
    private void evaluation(Context ctx, Optional<Caller> caller, boolean reevaluation) throws IOException {
        Caller who = caller.orElseThrow();
        Texts t = Texts.of(ctx);
        Views.Session session = Html.session(ctx, who);
        Optional<CertificateView> found = certificate(ctx, t, session);
        if (found.isEmpty()) {
            return;
        }
        CertificateView c = found.get();
        CertificateView after;
        String name = "";
        try {
            UploadedAssessment file = UploadedAssessment.from(ctx, "assessment", t, t.t("register.surveil.noFile"));
            name = file.name();
            String date = given(ctx.formParam("date"));
            after = decisions.decide(who, "http " + ctx.ip(), c, reevaluation, name, file.type(), file.bytes(),
                    GradingRoutes.options(given(ctx.formParam("notApplicable")), given(ctx.formParam("missingAsZero"))),
                    date == null ? null : RegisterRoutes.date("date", date.strip()),
                    RegisterRoutes.onSerious(given(ctx.formParam("onSerious"))));
        } catch (ApiError e) {
            if (e.status() >= 500) {
                throw e;
            }
            // a problem in the file is said with the file's name and the place in it
            certificatePage(ctx, t, session, c, e.status(), new RegisterViews.Problem(reevaluation ? "reevaluate"
                    : "surveil", UploadedAssessment.problem(e, name, t), "", "", ""));
            return;
        }
        ctx.redirect("/register/" + after.number() + "#entry-" + after.current().seq(),
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /**
     * An incident from the certificate's page, as {@code aftersales register incident N --type T --date D --note TEXT}
     * and {@code POST /api/v1/certificates/{number}/incidents} note it: the type one the scheme declares, the date not
     * after today nor before the issue, a note of at most 10,000 characters. A refusal is said beside the form, which
     * keeps what was typed.
     */
    private void incident(Context ctx, Optional<Caller> caller) {
        Caller who = caller.orElseThrow();
        Texts t = Texts.of(ctx);
        Views.Session session = Html.session(ctx, who);
        Optional<CertificateView> found = certificate(ctx, t, session);
        if (found.isEmpty()) {
            return;
        }
        CertificateView c = found.get();
        String type = Optional.ofNullable(ctx.formParam("type")).orElse("").strip();
        String date = Optional.ofNullable(ctx.formParam("date")).orElse("").strip();
        String note = Optional.ofNullable(ctx.formParam("note")).orElse("");
        CertificateView after;
        try {
            if (type.isEmpty()) {
                throw new ApiError(400, "bad-input", t.t("register.incident.noType"));
            }
            if (date.isEmpty()) {
                throw new ApiError(400, "bad-input", t.t("register.incident.noDate"));
            }
            after = decisions.incident(who, "http " + ctx.ip(), c, type, RegisterRoutes.date("date", date),
                    note.isBlank() ? null : note);
        } catch (ApiError e) {
            if (e.status() >= 500) {
                throw e;
            }
            certificatePage(ctx, t, session, c, e.status(), new RegisterViews.Problem("incident", e.getMessage(), type,
                    date, note));
            return;
        }
        ctx.redirect("/register/" + after.number() + "#entry-" + after.current().seq(),
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void due(Context ctx, Optional<Caller> caller) {
        Texts t = Texts.of(ctx);
        Views.Session session = Html.session(ctx, caller.orElseThrow());
        String asked = given(ctx.queryParam("months"));
        int months;
        try {
            months = asked == null ? DEFAULT_MONTHS : RegisterRoutes.months(asked);
        } catch (ApiError e) {
            Html.page(ctx, 400, "due.jte", new RegisterViews.DuePage(t, session, DEFAULT_MONTHS,
                    RegisterRoutes.MAX_MONTHS, "", "", List.of(), 0, List.of(), 0, e.getMessage()));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        DueReport report = register.due(today.plusMonths(months), today, RegisterRoutes.variants(schemes));
        // each row made as it is written: the report is the only list of what is due held in memory
        Iterable<RegisterViews.Due> items = () -> report.items().stream().map(i -> due(t, i)).iterator();
        List<RegisterViews.Unscheduled> unscheduled = report.unscheduled().stream().map(u -> new RegisterViews
                .Unscheduled(u.certificate().number(), u.certificate().label(), u.certificate().certificate()
                        .organisation(), u.why())).toList();
        Html.streamed(ctx, "due.jte", new RegisterViews.DuePage(t, session, months, RegisterRoutes.MAX_MONTHS,
                report.on().toString(), report.today().toString(), items, report.items().size(), unscheduled,
                report.items().stream().filter(DueItem::overdue).count(), null));
    }

    private static RegisterViews.Due due(Texts t, DueItem i) {
        Certificate cert = i.certificate().certificate();
        return new RegisterViews.Due(i.overdue(), i.due().toString(), t.t("register.what." + i.what().key()
                .replace(' ', '-')), cert.number(), i.certificate().label(), cert.organisation(), cert.scheme() + " / "
                        + cert.variant(), t.t("register.state." + i.certificate().state().key()), grade(t,
                                i.certificate().grade(), i.certificate().stars()), i.basis());
    }

    /** "五星级 (5 stars)", as the command line writes a grade; in Chinese "五星级（5 星）". */
    private static String grade(Texts t, String grade, int stars) {
        return t.t("register.grade", grade, t.english() ? Stars.count(stars) : stars + " 星");
    }

    private static String given(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static long after(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw new ApiError(400, "bad-parameter", "after: '" + value + "' is not a certificate's number",
                    "query parameter after", null);
        }
        return Long.parseLong(value);
    }

    /** {@code name=value&}, escaped for a URL; nothing for a filter not asked. */
    private static String query(String name, String value) {
        return value == null ? "" : name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&";
    }
}
