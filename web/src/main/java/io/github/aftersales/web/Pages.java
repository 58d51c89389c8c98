package io.github.aftersales.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.SessionCookie;
import io.github.aftersales.service.accounts.SignIns;
import io.github.aftersales.service.assessments.AssessmentStore;
import io.github.aftersales.service.assessments.Assessments;
import io.github.aftersales.spi.Scheme;
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
    private final byte[] htmx;
    private final byte[] css;

    public Pages(Assessments assessments, SignIns signIns) {
        this.assessments = assessments;
        this.signIns = signIns;
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
                    s.assignedTo(), s.revision(), s.savedAt().toLocalDateTime().withNano(0).toString().replace('T', ' ')));
        }
        List<Views.Choice> choices = new ArrayList<>();
        for (Scheme scheme : assessments.schemes().values()) {
            scheme.variants().forEach(v -> choices.add(new Views.Choice(scheme.id() + "/" + v.id(),
                    scheme.title() + " — " + v.title())));
        }
        Html.page(ctx, 200, "assessments.jte", new Views.AssessmentList(t, Html.session(ctx, who), rows, choices,
                who.role() == Role.MANAGER, state.map(AssessmentStore.State::key).orElse("")));
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
                content.path("date").asText(""), content.path("assessor").asText(""), parts(s), panel(t, s, "", false),
                message));
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
            if (!htmx) {
                throw e;
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
        Html.page(ctx, 200, "panel.jte", panel(t, shown, message, true));
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
     * part, its result, score and note ({@code result:PART:ID} and so on). A blank field clears what was there.
     */
    static void filled(ObjectNode assessment, Map<String, List<String>> form) {
        for (String field : List.of("date", "assessor")) {
            first(form, field).ifPresent(v -> {
                if (v.isBlank()) {
                    assessment.putNull(field);
                } else {
                    assessment.put(field, v.strip());
                }
            });
        }
        JsonNode parts = assessment.path("schemes");
        for (int p = 0; p < parts.size(); p++) {
            for (JsonNode f : parts.get(p).path("findings")) {
                if (!(f instanceof ObjectNode finding)) {
                    continue;
                }
                String id = finding.path("id").asText();
                String field = p + ":" + id;
                Optional<String> result = first(form, "result:" + field);
                if (result.isPresent()) {
                    if (result.get().isBlank()) {
                        finding.putNull("result");
                    } else if (List.of("conform", "not-conform", "not-applicable").contains(result.get())) {
                        finding.put("result", result.get());
                    } else {
                        throw new ApiError(400, "bad-input", id + ": '" + result.get() + "' is not a result");
                    }
                }
                Optional<String> score = first(form, "score:" + field);
                if (score.isPresent()) {
                    if (score.get().isBlank()) {
                        finding.putNull("score");
                    } else {
                        try {
                            finding.put("score", new BigDecimal(score.get().strip()));
                        } catch (NumberFormatException e) {
                            throw new ApiError(400, "bad-input", id + ": the score '" + score.get() + "' is not a number");
                        }
                    }
                }
                Optional<String> note = first(form, "note:" + field);
                if (note.isPresent()) {
                    if (note.get().isBlank()) {
                        finding.putNull("note");
                    } else {
                        finding.put("note", note.get());
                    }
                }
            }
        }
    }

    private static Optional<String> first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private List<Views.Part> parts(AssessmentStore.Stored s) throws IOException {
        JsonNode content = MAPPER.readTree(s.content());
        List<Views.Part> parts = new ArrayList<>();
        JsonNode schemes = content.path("schemes");
        for (int p = 0; p < schemes.size(); p++) {
            JsonNode part = schemes.get(p);
            List<Views.Line> lines = new ArrayList<>();
            for (JsonNode f : part.path("findings")) {
                List<String> evidence = new ArrayList<>();
                f.path("requiredEvidence").forEach(e -> evidence.add(e.asText()));
                lines.add(new Views.Line(p + ":" + f.path("id").asText(), f.path("id").asText(),
                        f.path("title").asText(""), f.path("points").asText(""), evidence, f.path("result").asText(""),
                        f.hasNonNull("score") ? f.get("score").asText() : "", f.path("note").asText("")));
            }
            parts.add(new Views.Part(part.path("title").asText(part.path("scheme").asText()), lines));
        }
        return parts;
    }

    private Views.Panel panel(Texts t, AssessmentStore.Stored s, String message, boolean oob) {
        Assessments.Graded graded = assessments.grade(s);
        if (graded.problem() != null) {
            return new Views.Panel(t, "", "", List.of(), List.of(), graded.problem().getMessage(), message, s.revision(),
                    oob);
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
        return new Views.Panel(t, String.join(" + ", grades), String.join(" + ", totals), reasons, lost, null, message,
                s.revision(), oob);
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
