package io.github.aftersales.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.GradingRoutes;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.SessionCookie;
import io.github.aftersales.service.accounts.SignIns;
import io.github.aftersales.service.assessments.AssessmentStore;
import io.github.aftersales.service.assessments.Assessments;
import io.github.aftersales.service.assessments.Evidence;
import io.github.aftersales.service.assessments.EvidenceStore;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.CatalogVisitor;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of {@code aftersales serve} for people in a browser: sign in, the assessments one may see, and the
 * checklist an auditor fills with its grade updating on every change. Rendered on the server from compiled
 * templates (jte); htmx (served from here: no CDN) sends each change and swaps the score panel.
 *
 * <p>Each page is a {@link Route} with its {@link Access} rule, like the API's. A form that changes anything
 * carries the session's CSRF token ({@code _csrf}); htmx sends it as the header.
 */
public final class Pages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Access FILLERS_AND_REVIEWERS = Access.roles(Role.MANAGER, Role.AUDITOR);
    private static final Access FILLERS = Access.roles(Role.AUDITOR);
    private static final Access REVIEWERS = Access.roles(Role.MANAGER);
    /** htmx as the webjar from Maven Central holds it. */
    static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.8/dist/htmx.min.js";
    private static final String CSS = "/io/github/aftersales/web/assets/app.css";

    private final Assessments assessments;
    private final SignIns signIns;
    private final Evidence evidence;
    private final byte[] htmx;
    private final byte[] css;

    /** @param evidence the assessments' evidence files, listed under their clauses and uploaded from the checklist */
    public Pages(Assessments assessments, SignIns signIns, Evidence evidence) {
        this.assessments = assessments;
        this.signIns = signIns;
        this.evidence = evidence;
        this.htmx = resource(HTMX);
        this.css = resource(CSS);
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/", Access.anyone(), "Open the pages: the assessments, or signing in",
                        (ctx, caller) -> ctx.redirect(caller.map(Pages::home).orElse("/sign-in"),
                                io.javalin.http.HttpStatus.SEE_OTHER)),
                Route.get("/sign-in", Access.anyone(), "Show the sign-in page", (ctx, caller) ->
                        Html.page(ctx, 200, "signIn.jte", new Views.SignIn(Texts.of(ctx), "", ""))),
                Route.post("/sign-in", Access.anyone(), "Sign in from the sign-in page", this::signIn),
                Route.post("/sign-out", Access.signedIn(), "Sign out from a page", this::signOut),
                Route.get("/assessments", FILLERS_AND_REVIEWERS, "Show the assessments page", this::list),
                Route.post("/assessments", FILLERS_AND_REVIEWERS, "Make an assessment from the assessments page",
                        this::create),
                Route.get("/assessments/{id}", FILLERS_AND_REVIEWERS, "Show an assessment's checklist page",
                        this::checklist),
                Route.post("/assessments/{id}/save", FILLERS, "Save the checklist page and show its grade", this::save),
                Route.post("/assessments/{id}/upload", FILLERS,
                        "Fill an assessment from a file: a filled xlsx form, or the assessment as JSON or YAML",
                        this::upload),
                Route.post("/assessments/{id}/evidence", FILLERS, "Attach an evidence file to a clause from the checklist",
                        this::attach),
                Route.get("/assessments/{id}/evidence/{file}", FILLERS_AND_REVIEWERS, "Download an evidence file",
                        (ctx, caller) -> Evidence.send(ctx, evidence.find(caller.orElseThrow(), ctx.pathParam("id"),
                                ctx.pathParam("file")))),
                Route.post("/assessments/{id}/evidence/{file}/remove", FILLERS,
                        "Remove an evidence file from the checklist", this::detach),
                Route.get("/assessments/{id}/report", FILLERS_AND_REVIEWERS,
                        "Show an assessment's report, to read or print", this::report),
                Route.get("/assessments/{id}/assessment.json", FILLERS_AND_REVIEWERS,
                        "Download an assessment as filled, as JSON (the command line grades it)", this::download),
                Route.get("/assessments/{id}/form.xlsx", FILLERS_AND_REVIEWERS,
                        "Download the blank xlsx form of an assessment's scheme and variant",
                        (ctx, caller) -> form(ctx, caller, false)),
                Route.get("/assessments/{id}/filled.xlsx", FILLERS_AND_REVIEWERS,
                        "Download an assessment as filled, as its xlsx form", (ctx, caller) -> form(ctx, caller, true)),
                Route.post("/assessments/{id}/submit", FILLERS, "Submit an assessment from its page", this::submit),
                Route.post("/assessments/{id}/approve", REVIEWERS, "Approve an assessment from its page",
                        this::approve),
                Route.post("/assessments/{id}/return", REVIEWERS, "Return an assessment to its auditor from its page",
                        this::sendBack),
                Route.get("/assets/htmx.min.js", Access.anyone(), "Serve htmx",
                        (ctx, caller) -> asset(ctx, "text/javascript; charset=utf-8", htmx)),
                Route.get("/assets/app.css", Access.anyone(), "Serve the pages' style sheet",
                        (ctx, caller) -> asset(ctx, "text/css; charset=utf-8", css)));
    }

    private void signIn(Context ctx, Optional<Caller> caller) {
        Texts t = Texts.of(ctx);
        sameOrigin(ctx);
        String account = ctx.formParam("account");
        String password = ctx.formParam("password");
        SignIns.Outcome outcome = signIns.signIn(account, password, "http " + ctx.ip(), ctx.cookie(SessionCookie.NAME));
        if (outcome instanceof SignIns.SignedIn in) {
            ctx.header("Set-Cookie", SessionCookie.set(in.secret(), SignIns.SESSION_LIFETIME.toSeconds(),
                    io.github.aftersales.service.accounts.SessionRoutes.secure(ctx)));
            ctx.redirect(home(in.caller()), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        String shown = account == null ? "" : account;
        if (outcome instanceof SignIns.SlowDown slow) {
            long seconds = Math.max(1, (slow.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", String.valueOf(seconds));
            Html.page(ctx, 429, "signIn.jte", new Views.SignIn(t, shown, t.t("signIn.slow", seconds)));
        } else if (outcome instanceof SignIns.Busy) {
            Html.page(ctx, 503, "signIn.jte", new Views.SignIn(t, shown, t.t("signIn.busy")));
        } else {
            Html.page(ctx, 401, "signIn.jte", new Views.SignIn(t, shown, t.t("signIn.wrong")));
        }
    }

    /** Where a role starts: an admin keeps accounts, the others fill and review assessments. */
    static String home(Caller who) {
        return who.role() == Role.ADMIN ? "/admin" : "/assessments";
    }

    /**
     * A sign-in posted by a page of another site is refused: the session it would open would be the attacker's
     * (login CSRF). Browsers send {@code Origin} with every POST.
     */
    private static void sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = ctx.header("Host");
        try {
            URI o = URI.create(origin);
            String authority = o.getPort() == -1 ? o.getHost() : o.getHost() + ":" + o.getPort();
            if (host != null && host.equalsIgnoreCase(authority)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // not a URI: refused below
        }
        throw new ApiError(403, "csrf", "a sign-in from another site's page is refused");
    }

    private void signOut(Context ctx, Optional<Caller> caller) {
        String secret = ctx.cookie(SessionCookie.NAME);
        if (secret != null) {
            signIns.signOut(secret, "http " + ctx.ip());
        }
        ctx.header("Set-Cookie", SessionCookie.clear(io.github.aftersales.service.accounts.SessionRoutes.secure(ctx)));
        ctx.redirect("/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void list(Context ctx, Optional<Caller> caller) {
        Caller who = caller.orElseThrow();
        Texts t = Texts.of(ctx);
        // a manager's queue is the submitted ones: ?state=submitted
        Optional<AssessmentStore.State> state = Optional.ofNullable(ctx.queryParam("state")).flatMap(k ->
                java.util.Arrays.stream(AssessmentStore.State.values()).filter(v -> v.key().equals(k)).findFirst());
        List<Views.Row> rows = new ArrayList<>();
        for (AssessmentStore.Stored s : assessments.list(who, state)) {
            rows.add(new Views.Row(s.id(), s.organisation(), s.scheme() + " / " + s.variant(), t.state(s.state().key()),
                    s.assignedTo(), s.revision(), s.savedAt().toLocalDateTime().withNano(0).toString().replace('T', ' '),
                    grade(t, s.grade()), s.grade() == null || s.grade().total() == null ? "—" : s.grade().total()));
        }
        List<Views.Choice> choices = new ArrayList<>();
        for (Scheme scheme : assessments.schemes().values()) {
            scheme.variants().forEach(v -> choices.add(new Views.Choice(scheme.id() + "/" + v.id(),
                    scheme.title() + " — " + v.title())));
        }
        Html.page(ctx, 200, "assessments.jte", new Views.AssessmentList(t, Html.session(ctx, who), rows, choices,
                who.role() == Role.MANAGER, state.map(AssessmentStore.State::key).orElse("")));
    }

    /**
     * A revision's grade as the list shows it: the score panel's when it was saved (each part's, as the standard names
     * it, with the English beside it on the English pages); "—" when it did not grade or was saved before grades were
     * kept.
     */
    static String grade(Texts t, AssessmentStore.Grade grade) {
        if (grade == null || grade.grade() == null) {
            return "—";
        }
        String join = AssessmentStore.Grade.JOIN;
        String[] names = grade.grade().split(java.util.regex.Pattern.quote(join), -1);
        String[] english = grade.gradeEn() == null ? names : grade.gradeEn().split(java.util.regex.Pattern.quote(join), -1);
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            shown.add(names[i].equals("—") || i >= english.length ? names[i] : t.labels().grade(names[i], english[i]));
        }
        return String.join(join, shown);
    }

    private void create(Context ctx, Optional<Caller> caller) {
        String choice = String.valueOf(ctx.formParam("scheme"));
        int slash = choice.indexOf('/');
        String scheme = slash < 0 ? choice : choice.substring(0, slash);
        String variant = slash < 0 ? null : choice.substring(slash + 1);
        String assignedTo = ctx.formParam("assignedTo");
        AssessmentStore.Stored made = assessments.create(caller.orElseThrow(), scheme, variant,
                String.valueOf(ctx.formParam("organisation")).strip(),
                assignedTo == null || assignedTo.isBlank() ? null : assignedTo.strip(), "http " + ctx.ip());
        ctx.redirect("/assessments/" + made.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void checklist(Context ctx, Optional<Caller> caller) throws IOException {
        Caller who = caller.orElseThrow();
        checklist(ctx, who, assessments.visible(who, ctx.pathParam("id")), 200, "");
    }

    private void checklist(Context ctx, Caller who, AssessmentStore.Stored s, int status, String message)
            throws IOException {
        Texts t = Texts.of(ctx);
        JsonNode content = MAPPER.readTree(s.content());
        String certificate = s.certificate() == null ? null : t.t("certificate", s.certificate().reference() == null
                ? "#" + s.certificate().id() : s.certificate().reference() + " (#" + s.certificate().id() + ")");
        Html.page(ctx, status, "checklist.jte", new Views.Checklist(t, Html.session(ctx, who), s.id(), s.organisation(),
                s.scheme() + " / " + s.variant(), t.state(s.state().key()),
                s.state().editable() && who.role() == Role.AUDITOR,
                s.state() == AssessmentStore.State.SUBMITTED && who.role() == Role.MANAGER, s.comments(), certificate,
                content.path("date").asText(""), content.path("assessor").asText(""), parts(s, t), panel(t, s, "", false),
                message, t.t("evidence.limits", Evidence.size(evidence.limits().perFile()),
                        Evidence.size(evidence.limits().perAssessment()))));
    }

    /**
     * A file chosen on the checklist is attached to the clause chosen beside it ({@code clause} is {@code PART:ID}),
     * kept as {@link Evidence#add} keeps it: within its limits (413), only while the assessment is editable. A refusal
     * is said on the page.
     */
    private void attach(Context ctx, Optional<Caller> caller) throws IOException {
        Caller who = caller.orElseThrow();
        Texts t = Texts.of(ctx);
        AssessmentStore.Stored current = assessments.visible(who, ctx.pathParam("id"));
        String clause = String.valueOf(ctx.formParam("clause"));
        EvidenceStore.File added;
        try {
            evidence.writable(who, ctx.pathParam("id"));
            int colon = clause.indexOf(':');
            if (colon < 0) {
                throw new ApiError(400, "bad-input", t.t("evidence.noClause"));
            }
            int part = number(clause.substring(0, colon), "the clause's part");
            io.javalin.http.UploadedFile file = ctx.uploadedFile("file");
            if (file == null || file.filename() == null || file.filename().isEmpty()) {
                throw new ApiError(400, "bad-input", t.t("evidence.noFile"));
            }
            if (file.size() > evidence.limits().perFile()) {
                throw new ApiError(413, "too-large", t.t("evidence.tooLarge", Evidence.fileName(file.filename()),
                        Evidence.size(evidence.limits().perFile())));
            }
            byte[] bytes = evidence.read(file.content());
            added = evidence.add(who, ctx.pathParam("id"), part, clause.substring(colon + 1), file.filename(),
                    file.contentType(), bytes, "http " + ctx.ip());
        } catch (ApiError e) {
            if (e.status() == 401 || e.status() == 403 || e.status() >= 500) {
                throw e;
            }
            checklist(ctx, who, current, e.status(), e.getMessage());
            return;
        }
        // to the clause's row, named as the assessment lists it (not as the form sent it)
        ctx.redirect("/assessments/" + current.id() + "#" + fragment("row-" + added.part() + ":" + added.clause()),
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** An element's id as a URL's fragment: a clause's id may hold a space or a bracket ({@code 5.1.1 b)}). */
    static String fragment(String id) {
        StringBuilder out = new StringBuilder();
        for (byte b : id.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ":._~-".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private void detach(Context ctx, Optional<Caller> caller) throws IOException {
        Caller who = caller.orElseThrow();
        AssessmentStore.Stored current = assessments.visible(who, ctx.pathParam("id"));
        EvidenceStore.File removed;
        try {
            removed = evidence.remove(who, ctx.pathParam("id"), ctx.pathParam("file"), "http " + ctx.ip());
        } catch (ApiError e) {
            if (e.status() == 401 || e.status() == 403 || e.status() >= 500) {
                throw e;
            }
            checklist(ctx, who, current, e.status(), e.getMessage());
            return;
        }
        ctx.redirect("/assessments/" + current.id() + "#" + fragment("row-" + removed.part() + ":" + removed.clause()),
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** A manager's decision from the page: done, the page again; refused (the register's rules), the page saying why. */
    private void decide(Context ctx, Caller who, java.util.function.Function<AssessmentStore.Stored,
            AssessmentStore.Stored> decision) throws IOException {
        AssessmentStore.Stored current = assessments.visible(who, ctx.pathParam("id"));
        try {
            decision.apply(current);
        } catch (ApiError e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e;
            }
            checklist(ctx, who, assessments.visible(who, ctx.pathParam("id")), e.status(), e.getMessage());
            return;
        }
        ctx.redirect("/assessments/" + current.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void approve(Context ctx, Optional<Caller> caller) throws IOException {
        Caller who = caller.orElseThrow();
        String reference = ctx.formParam("reference");
        decide(ctx, who, current -> assessments.approve(who, current, revision(ctx),
                reference == null || reference.isBlank() ? null : reference.strip(), "http " + ctx.ip()));
    }

    private void sendBack(Context ctx, Optional<Caller> caller) throws IOException {
        Caller who = caller.orElseThrow();
        String comments = String.valueOf(ctx.formParam("comments")).strip();
        decide(ctx, who, current -> {
            if (comments.isEmpty() || comments.equals("null")) {
                throw new ApiError(400, "bad-input", Texts.of(ctx).t("comments.missing"));
            }
            return assessments.sendBack(who, current, revision(ctx), comments, "http " + ctx.ip());
        });
    }

    /** The checklist's fields saved: each change from htmx, or the whole form from the Save button. */
    private void save(Context ctx, Optional<Caller> caller) throws IOException {
        Caller who = caller.orElseThrow();
        Texts t = Texts.of(ctx);
        AssessmentStore.Stored current = assessments.visible(who, ctx.pathParam("id"));
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        int onRevision = revision(ctx);
        String message;
        AssessmentStore.Stored shown = current;
        try {
            if (onRevision != current.revision()) {
                throw Assessments.stale(current.revision());
            }
            ObjectNode body = (ObjectNode) MAPPER.readTree(current.content());
            filled(body, ctx.formParamMap());
            shown = assessments.save(who, current, onRevision, body, "http " + ctx.ip());
            message = t.t("saved", shown.revision());
        } catch (ApiError e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e;
            }
            if (!htmx) {
                // the page again, saying why (without JavaScript the browser has the form it posted: Back keeps it)
                checklist(ctx, who, assessments.visible(who, ctx.pathParam("id")), e.status(),
                        e.code().equals("stale") ? t.t("stale.page", current.revision()) : e.getMessage());
                return;
            }
            // the page keeps what the auditor typed: nothing is lost, the panel says why it was not saved
            message = e.code().equals("stale") ? t.t("stale", current.revision()) : e.getMessage();
            ctx.status(200);
            Html.page(ctx, 200, "panel.jte", panel(t, current, message, true).withRevision(onRevision));
            return;
        }
        if (!htmx) {
            ctx.redirect("/assessments/" + shown.id(), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        if (ctx.formParam("action") != null) {
            ctx.header("HX-Refresh", "true"); // an event added or removed: its rows change, so the whole page
        }
        Html.page(ctx, 200, "panel.jte", panel(t, shown, message, true));
    }

    /**
     * A file chosen on the page fills the assessment, as {@code PUT /api/v1/assessments/{id}} would: a filled xlsx
     * form's statements go in (the template's titles and points stay), a JSON or YAML assessment replaces it. Its kind
     * is told by its name's ending. A problem in it is said on the page with the file's name and the place.
     */
    private void upload(Context ctx, Optional<Caller> caller) throws IOException {
        Caller who = caller.orElseThrow();
        Texts t = Texts.of(ctx);
        AssessmentStore.Stored current = assessments.visible(who, ctx.pathParam("id"));
        String name = "";
        try {
            int onRevision = revision(ctx);
            if (onRevision != current.revision()) {
                throw Assessments.stale(current.revision());
            }
            UploadedAssessment file = UploadedAssessment.from(ctx, "file", t, t.t("upload.noFile"));
            name = file.name();
            assessments.save(who, current, onRevision, assessments.fromFile(current, file.type(), file.bytes()),
                    "http " + ctx.ip());
        } catch (ApiError e) {
            if (e.status() == 401 || e.status() == 403 || e.status() >= 500) {
                throw e;
            }
            checklist(ctx, who, assessments.visible(who, ctx.pathParam("id")), e.status(),
                    UploadedAssessment.problem(e, name, t));
            return;
        }
        ctx.redirect("/assessments/" + current.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The assessment's HTML report (the command line's {@code --format html}), in the page's language. */
    private void report(Context ctx, Optional<Caller> caller) throws IOException {
        Caller who = caller.orElseThrow();
        AssessmentStore.Stored s = assessments.visible(who, ctx.pathParam("id"));
        Assessments.Graded graded = assessments.grade(s);
        if (graded.problem() != null) {
            checklist(ctx, who, s, 409, Texts.of(ctx).t("report.notGradable", graded.problem().getMessage()));
            return;
        }
        ctx.contentType("text/html; charset=utf-8").result(io.github.aftersales.reports.HtmlReport.of(
                List.of(graded.evaluation()), Texts.of(ctx).labels(), r -> Optional.ofNullable(assessments.schemes()
                        .get(r.scheme())).flatMap(sc -> sc.variant(r.variant()))));
    }

    private void download(Context ctx, Optional<Caller> caller) {
        AssessmentStore.Stored s = assessments.visible(caller.orElseThrow(), ctx.pathParam("id"));
        ctx.header("Content-Disposition", "attachment; filename=\"assessment-" + s.id() + "-r" + s.revision()
                + ".json\"");
        ctx.contentType("application/json; charset=utf-8").result(s.content());
    }

    /**
     * The xlsx form of an assessment's scheme and variant: blank, or filled with what the assessment states as saved
     * (the forms module writes it; reading it back gives the same statements).
     */
    private void form(Context ctx, Optional<Caller> caller, boolean filled) throws IOException {
        Caller who = caller.orElseThrow();
        AssessmentStore.Stored s = assessments.visible(who, ctx.pathParam("id"));
        Scheme scheme = assessments.schemes().get(s.scheme());
        Variant variant = scheme == null ? null : scheme.variant(s.variant()).orElse(null);
        if (variant == null) {
            throw new ApiError(409, "scheme-missing", "the scheme " + s.scheme() + " / " + s.variant()
                    + " of this assessment is not installed");
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        io.github.aftersales.core.assessment.AssessmentFormat xlsx = io.github.aftersales.core.assessment
                .AssessmentFormats.find("xlsx").orElseThrow(() -> new IllegalStateException(
                        io.github.aftersales.core.assessment.AssessmentFormats.missing("xlsx")));
        java.util.function.Function<String, Optional<Scheme>> others = id -> Optional.ofNullable(assessments.schemes()
                .get(id));
        if (filled) {
            try {
                xlsx.writeFilled(scheme, variant, others, io.github.aftersales.core.assessment.AssessmentReader.read(
                        new java.io.ByteArrayInputStream(s.content()), "assessment " + s.id(),
                        io.github.aftersales.core.json.LocatedReader.Syntax.JSON), bytes);
            } catch (io.github.aftersales.core.json.LocatedException | IllegalArgumentException e) {
                checklist(ctx, who, s, 409, Texts.of(ctx).t("files.filled.cannot", e.getMessage()));
                return;
            }
        } else {
            xlsx.writeTemplate(scheme, variant, others, bytes);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + (filled ? "assessment-" + s.id() + "-r"
                + s.revision() : scheme.id() + "-" + variant.id()) + ".xlsx\"");
        ctx.contentType(GradingRoutes.XLSX).result(bytes.toByteArray());
    }

    private void submit(Context ctx, Optional<Caller> caller) {
        Caller who = caller.orElseThrow();
        AssessmentStore.Stored current = assessments.visible(who, ctx.pathParam("id"));
        assessments.submit(who, current, revision(ctx), "http " + ctx.ip());
        ctx.redirect("/assessments/" + current.id(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static int revision(Context ctx) {
        try {
            return Integer.parseInt(String.valueOf(ctx.formParam("revision")));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad-input", "revision: the page's form lacks its revision; reload the page");
        }
    }

    /**
     * Puts the form's fields into the stored assessment: the assessment's date and assessor; for each clause of each
     * part ({@code result:PART:ID} and so on), its result, note, and its score as points, samples or a percentage;
     * each fact ({@code fact:PART:NAME}); each listed event's date, attributes and note ({@code event:PART:N:date}).
     * A blank field clears what was there. {@code action} adds an event ({@code add-event:PART}, from the
     * {@code newEvent:PART:…} fields) or removes one ({@code remove-event:PART:N}).
     */
    void filled(ObjectNode assessment, Map<String, List<String>> form) {
        for (String field : List.of("date", "assessor")) {
            first(form, field).ifPresent(v -> setText(assessment, field, v.strip()));
        }
        JsonNode parts = assessment.path("schemes");
        for (int p = 0; p < parts.size(); p++) {
            if (!(parts.get(p) instanceof ObjectNode part)) {
                continue;
            }
            for (JsonNode f : part.path("findings")) {
                if (f instanceof ObjectNode finding) {
                    finding(finding, p + ":" + finding.path("id").asText(), form);
                }
            }
            Inputs inputs = variantOf(part).map(Variant::inputs).orElse(Inputs.NONE);
            // a file uploaded or saved through the API may leave out facts or events the variant takes: the
            // page shows their fields all the same, so what is typed there is kept
            if (!inputs.facts().isEmpty() && !(part.get("facts") instanceof ObjectNode)) {
                part.putObject("facts");
            }
            if (!inputs.events().isEmpty() && !(part.get("events") instanceof com.fasterxml.jackson.databind.node
                    .ArrayNode)) {
                part.putArray("events");
            }
            if (part.path("facts") instanceof ObjectNode facts) {
                for (Inputs.FactSpec fact : inputs.facts()) {
                    Optional<String> value = first(form, "fact:" + p + ":" + fact.name());
                    if (value.isPresent()) {
                        fact(facts, fact, value.get().strip());
                    }
                }
            }
            if (part.path("events") instanceof com.fasterxml.jackson.databind.node.ArrayNode events) {
                for (int e = 0; e < events.size(); e++) {
                    if (events.get(e) instanceof ObjectNode event) {
                        event(event, "event:" + p + ":" + e + ":", inputs, form);
                    }
                }
                String action = first(form, "action").orElse("");
                if (action.equals("add-event:" + p)) {
                    String type = first(form, "newEvent:" + p + ":type").orElse("").strip();
                    if (inputs.events().stream().noneMatch(e -> e.type().equals(type))) {
                        throw new ApiError(400, "bad-input", "'" + type + "' is not an event type of this scheme");
                    }
                    if (first(form, "newEvent:" + p + ":date").orElse("").isBlank()) {
                        throw new ApiError(400, "bad-input", type + ": the event's date is needed");
                    }
                    ObjectNode event = events.addObject();
                    event.put("type", type);
                    event(event, "newEvent:" + p + ":", inputs, form);
                } else if (action.startsWith("remove-event:" + p + ":")) {
                    int e = number(action.substring(("remove-event:" + p + ":").length()), "the event to remove");
                    if (e < 0 || e >= events.size()) {
                        throw new ApiError(409, "stale", "the event to remove is no longer listed; reload the page");
                    }
                    events.remove(e);
                }
            }
        }
    }

    private static void finding(ObjectNode finding, String field, Map<String, List<String>> form) {
        String id = finding.path("id").asText();
        first(form, "result:" + field).ifPresent(result -> {
            if (!result.isBlank() && !List.of("conform", "not-conform", "not-applicable").contains(result)) {
                throw new ApiError(400, "bad-input", id + ": '" + result + "' is not a result");
            }
            setText(finding, "result", result);
        });
        first(form, "score:" + field).ifPresent(v -> setNumber(finding, "score", v, id + ": the score"));
        first(form, "percent:" + field).ifPresent(v -> {
            if (v.isBlank()) {
                finding.remove("percent"); // not written as null into every finding of a form without percentages
            } else {
                setNumber(finding, "percent", v, id + ": the percentage");
            }
        });
        Optional<String> checked = first(form, "checked:" + field);
        Optional<String> nonConforming = first(form, "nonConforming:" + field);
        if (checked.isPresent() || nonConforming.isPresent()) {
            if (checked.orElse("").isBlank() && nonConforming.orElse("").isBlank()) {
                finding.remove("samples");
            } else {
                // one of the two left blank is kept blank: the grade then says which is missing
                ObjectNode samples = finding.putObject("samples");
                setNumber(samples, "checked", checked.orElse(""), id + ": the samples checked");
                setNumber(samples, "nonConforming", nonConforming.orElse(""), id + ": the samples not conforming");
            }
        }
        first(form, "note:" + field).ifPresent(note -> setText(finding, "note", note));
    }

    /** A fact as its type is written in an assessment: numbers as numbers, dates and words as text. */
    private static void fact(ObjectNode facts, Inputs.FactSpec fact, String value) {
        switch (fact.type()) {
            case PERCENT, COUNT, NUMBER -> setNumber(facts, fact.name(), value, fact.name());
            default -> setText(facts, fact.name(), value);
        }
    }

    private static void event(ObjectNode event, String prefix, Inputs inputs, Map<String, List<String>> form) {
        first(form, prefix + "date").ifPresent(v -> setText(event, "date", v.strip()));
        for (Inputs.EventSpec spec : inputs.events()) {
            if (!spec.type().equals(event.path("type").asText())) {
                continue;
            }
            for (String attribute : spec.allAttributes()) {
                first(form, prefix + attribute).ifPresent(v -> {
                    switch (v) {
                        case "true", "false" -> event.put(attribute, Boolean.parseBoolean(v));
                        case "" -> event.remove(attribute);
                        default -> throw new ApiError(400, "bad-input", attribute + ": '" + v + "' is not true or false");
                    }
                });
            }
        }
        first(form, prefix + "note").ifPresent(v -> {
            if (v.isBlank()) {
                event.remove("note");
            } else {
                event.put("note", v);
            }
        });
    }

    private static void setText(ObjectNode node, String field, String value) {
        if (value.isBlank()) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static void setNumber(ObjectNode node, String field, String value, String what) {
        if (value.isBlank()) {
            node.putNull(field);
            return;
        }
        try {
            node.put(field, new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad-input", what + " '" + value + "' is not a number");
        }
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad-input", what + ": '" + text + "' is not a number");
        }
    }

    private static Optional<String> first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private List<Views.Part> parts(AssessmentStore.Stored s, Texts t) throws IOException {
        JsonNode content = MAPPER.readTree(s.content());
        Map<String, List<Views.File>> files = new java.util.HashMap<>();
        for (EvidenceStore.File f : evidence.list(s)) {
            files.computeIfAbsent(f.part() + ":" + f.clause(), k -> new ArrayList<>()).add(new Views.File(
                    "/assessments/" + s.id() + "/evidence/" + f.id(), f.name(), Evidence.size(f.size()), f.sha256(),
                    t.t("evidence.uploaded", f.uploadedBy(), f.uploadedAt().toLocalDateTime().withNano(0).toString()
                            .replace('T', ' '))));
        }
        List<Views.Part> parts = new ArrayList<>();
        JsonNode schemes = content.path("schemes");
        for (int p = 0; p < schemes.size(); p++) {
            JsonNode part = schemes.get(p);
            Optional<Variant> variant = variantOf(part);
            Map<String, Category> tops = variant.map(v -> topCategories(v.catalog())).orElse(Map.of());
            List<Views.Line> lines = new ArrayList<>();
            Category current = null;
            for (JsonNode f : part.path("findings")) {
                String id = f.path("id").asText();
                Category top = tops.get(id);
                // a heading where a top-level category starts, unless the item is that category (scored as a whole)
                String heading = top == null || top == current || top.id().equals(id) ? "" : top.id() + " " + top.title();
                current = top;
                List<String> evidence = new ArrayList<>();
                f.path("requiredEvidence").forEach(e -> evidence.add(e.asText()));
                JsonNode samples = f.path("samples");
                lines.add(new Views.Line(p + ":" + id, id, f.path("title").asText(""), f.path("points").asText(""),
                        evidence, f.path("result").asText(""), text(f.get("score")), f.path("note").asText(""), heading,
                        text(samples.get("checked")), text(samples.get("nonConforming")), text(f.get("percent")),
                        files.getOrDefault(p + ":" + id, List.of())));
            }
            List<String> guide = new ArrayList<>();
            part.path("scoringGuide").forEach(g -> guide.add(g.asText()));
            Inputs inputs = variant.map(Variant::inputs).orElse(Inputs.NONE);
            List<Views.Fact> facts = new ArrayList<>();
            for (Inputs.FactSpec fact : inputs.facts()) {
                facts.add(new Views.Fact("fact:" + p + ":" + fact.name(), fact.name() + " · " + fact.title(),
                        fact.type().key(), fact.values(),
                        text(part.path("facts").get(fact.name()))));
            }
            List<Views.Choice> eventTypes = new ArrayList<>();
            java.util.Set<String> attributes = new java.util.LinkedHashSet<>();
            for (Inputs.EventSpec type : inputs.events()) {
                eventTypes.add(new Views.Choice(type.type(), type.type() + " · " + type.title()));
                attributes.addAll(type.allAttributes());
            }
            List<Views.Event> events = new ArrayList<>();
            JsonNode listed = part.path("events");
            for (int e = 0; e < listed.size(); e++) {
                JsonNode event = listed.get(e);
                String field = "event:" + p + ":" + e;
                String type = event.path("type").asText("");
                List<Views.Attribute> stated = new ArrayList<>();
                for (Inputs.EventSpec spec : inputs.events()) {
                    if (spec.type().equals(type)) {
                        spec.allAttributes().forEach(a -> stated.add(new Views.Attribute(field + ":" + a, a,
                                text(event.get(a)))));
                    }
                }
                events.add(new Views.Event(field, type, event.path("date").asText(""), stated,
                        event.path("note").asText("")));
            }
            parts.add(new Views.Part(p, part.path("title").asText(part.path("scheme").asText()), lines, guide, facts,
                    eventTypes, List.copyOf(attributes), events));
        }
        return parts;
    }

    /** The variant a part of a stored assessment is of, if it is installed. */
    private Optional<Variant> variantOf(JsonNode part) {
        return Optional.ofNullable(assessments.schemes().get(part.path("scheme").asText()))
                .flatMap(scheme -> scheme.variant(part.path("variant").asText()));
    }

    /**
     * Each item's top-level category, by the item's id, for the checklist's headings. The standard's words stay as
     * written on the English pages too.
     */
    private static Map<String, Category> topCategories(Catalog catalog) {
        Map<String, Category> tops = new java.util.HashMap<>();
        catalog.walk(new CatalogVisitor() {
            @Override
            public boolean enter(Category category, List<Category> parents) {
                tops.put(category.id(), parents.isEmpty() ? category : parents.get(0));
                return true;
            }

            @Override
            public void clause(Clause clause, List<Category> parents) {
                tops.put(clause.id(), parents.get(0));
            }
        });
        return tops;
    }

    /** A stated value as the form shows it: a number in plain digits, a date or word as written, nothing as empty. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }

    /** The changes to the next level the panel lists; more are counted. */
    static final int NEXT_CHANGES = 8;

    private Views.Panel panel(Texts t, AssessmentStore.Stored s, String message, boolean oob) {
        Assessments.Graded graded = assessments.grade(s);
        if (graded.problem() != null) {
            return new Views.Panel(t, "", "", List.of(), List.of(), List.of(), graded.problem().getMessage(), message,
                    s.revision(), oob);
        }
        List<String> grades = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (JsonNode part : graded.result().path("schemes")) {
            String grade = part.path("grade").asText("");
            grades.add(grade.isEmpty() ? "—" : t.labels().grade(grade, part.path("gradeEn").asText(grade)));
            if (part.has("total")) {
                totals.add(part.get("total").asText() + (part.has("declaredMax") ? " / " + part.get("declaredMax")
                        .asText() : ""));
            }
            part.path("reasons").forEach(r -> reasons.add(t.labels().sentence(r.asText())));
            for (JsonNode c : part.path("categories")) {
                if (c.path("depth").asInt() == 0 && c.has("applicablePoints") && c.has("score")) {
                    BigDecimal gap = c.get("applicablePoints").decimalValue().subtract(c.get("score").decimalValue());
                    if (gap.signum() > 0) {
                        lost.add(c.path("id").asText() + " " + c.path(t.english() ? "titleEn" : "title").asText()
                                + ": " + gap.stripTrailingZeros().toPlainString());
                    }
                }
            }
        }
        // the path to the next level, as evaluate --plan finds it: the fewest changes, then the fewest points
        List<io.github.aftersales.reports.PlanReport.NextLevel> next = new ArrayList<>();
        for (io.github.aftersales.core.plan.SchemePlan p : io.github.aftersales.core.plan.Planner.plan(
                graded.evaluation(), r -> Optional.ofNullable(assessments.schemes().get(r.scheme()))
                        .flatMap(sc -> sc.variant(r.variant())), io.github.aftersales.core.plan.Effort.NONE)) {
            io.github.aftersales.reports.PlanReport.NextLevel n = io.github.aftersales.reports.PlanReport.next(p,
                    t.labels(), NEXT_CHANGES);
            if (n != null) {
                next.add(n);
            }
        }
        return new Views.Panel(t, String.join(" + ", grades), String.join(" + ", totals), reasons, lost, next, null,
                message, s.revision(), oob);
    }

    private static void asset(Context ctx, String type, byte[] bytes) {
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType(type).result(bytes);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
