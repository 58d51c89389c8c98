package io.github.aftersales.service.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeFailureException;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.Messages;
import io.github.aftersales.core.template.Templates;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Bodies;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.GradingRoutes;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assessments filled through the service: made from a variant's blank template and assigned to an auditor,
 * read, saved with optimistic concurrency ({@code ETag} / {@code If-Match}: a stale save is 412 and writes
 * nothing), listed, and submitted for review. Each save is graded and answered with its result.
 *
 * <p>Who: a manager makes, reads and lists every assessment; an auditor makes assessments for themself and
 * reads, saves and submits only those assigned to them (another's is "no such assessment", not "forbidden":
 * an auditor learns nothing of what is not theirs). An admin keeps accounts, not assessments.
 */
public final class AssessmentRoutes {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Access FILLERS_AND_REVIEWERS = Access.roles(Role.MANAGER, Role.AUDITOR);
    private static final Access FILLERS = Access.roles(Role.AUDITOR);
    // a manager decides: returns with comments, or approves and the register records the certificate
    private static final Access REVIEWERS = Access.roles(Role.MANAGER);

    private final AssessmentStore store;
    private final Certifier certifier;
    private final Map<String, Scheme> schemes;
    private final Evaluator evaluator;
    private final Function<String, Optional<Role>> roleOf;
    private final long maxRequestBytes;
    private final io.github.aftersales.service.accounts.ChangeLog changes;

    /**
     * @param roleOf  the role of an account by its name (an assessment is assigned to an auditor's account)
     * @param changes where each change is recorded with who made it and from which address
     */
    public AssessmentRoutes(AssessmentStore store, Certifier certifier, Map<String, Scheme> schemes, Evaluator evaluator,
            Function<String, Optional<Role>> roleOf, io.github.aftersales.service.accounts.ChangeLog changes,
            long maxRequestBytes) {
        this.changes = changes;
        this.store = store;
        this.certifier = certifier;
        this.schemes = schemes;
        this.evaluator = evaluator;
        this.roleOf = roleOf;
        this.maxRequestBytes = maxRequestBytes;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/api/v1/assessments", FILLERS_AND_REVIEWERS,
                        "Make an assessment from a variant's blank template", this::create),
                Route.get("/api/v1/assessments", FILLERS_AND_REVIEWERS, "List the assessments the caller may see",
                        this::list),
                Route.get("/api/v1/assessments/{id}", FILLERS_AND_REVIEWERS, "Get an assessment with its result",
                        (ctx, caller) -> answer(ctx, 200, visible(ctx, caller.orElseThrow()))),
                Route.put("/api/v1/assessments/{id}", FILLERS, "Save an assessment and grade it", this::save),
                Route.post("/api/v1/assessments/{id}/submit", FILLERS, "Submit an assessment for review",
                        this::submit),
                Route.post("/api/v1/assessments/{id}/return", REVIEWERS,
                        "Return a submitted assessment to its auditor with comments", this::sendBack),
                Route.post("/api/v1/assessments/{id}/approve", REVIEWERS,
                        "Approve a submitted assessment and record its certificate", this::approve));
    }

    private void create(Context ctx, Optional<Caller> caller) throws IOException {
        Caller who = caller.orElseThrow();
        JsonNode body = jsonBody(ctx);
        String schemeId = text(body, "scheme", true);
        Scheme scheme = schemes.get(schemeId);
        if (scheme == null) {
            throw new ApiError(400, "bad-input", Messages.unknownScheme(schemeId, schemes.keySet()), "request body", null);
        }
        String variantId = text(body, "variant", false);
        Variant variant = variantId == null ? scheme.defaultVariant() : scheme.variant(variantId).orElseThrow(() ->
                new ApiError(400, "bad-input", Messages.unknownVariant(scheme, variantId), "request body", null));
        String organisation = text(body, "organisation", true);
        if (organisation.length() > 1000) {
            throw new ApiError(400, "bad-input", "organisation: at most 1000 characters", "request body", null);
        }
        String assignedTo = text(body, "assignedTo", false);
        if (who.role() == Role.AUDITOR) {
            if (assignedTo != null && !assignedTo.equals(who.account())) {
                throw new ApiError(403, "forbidden", "an auditor makes assessments for themself; a manager assigns"
                        + " them to others");
            }
            assignedTo = who.account();
        } else if (assignedTo == null) {
            throw new ApiError(400, "bad-input", "assignedTo: name the auditor who fills it", "request body", null);
        }
        String auditor = assignedTo;
        if (roleOf.apply(auditor).filter(r -> r == Role.AUDITOR).isEmpty()) {
            throw new ApiError(400, "bad-input", "assignedTo: " + auditor + " is not an auditor's account",
                    "request body", null);
        }
        ObjectNode blank;
        try {
            blank = Templates.blank(scheme, variant, id -> Optional.ofNullable(schemes.get(id)));
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, "scheme-missing", e.getMessage());
        }
        blank.put("organisation", organisation);
        AssessmentStore.Stored made = store.create(scheme.id(), variant.id(), organisation, auditor,
                Json.pretty(blank).getBytes(StandardCharsets.UTF_8), who.account());
        ctx.header("Location", "/api/v1/assessments/" + made.id());
        log(ctx, who, "made assessment " + made.id() + " (" + scheme.id() + "/" + variant.id() + ", " + organisation
                + ") for " + auditor);
        answer(ctx, 201, made);
    }

    private void list(Context ctx, Optional<Caller> caller) {
        Caller who = caller.orElseThrow();
        Optional<AssessmentStore.State> state = Optional.ofNullable(ctx.queryParam("state")).map(s -> {
            try {
                return AssessmentStore.State.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "bad-parameter", "state: '" + s + "' is not one of draft, submitted, returned,"
                        + " approving, approved");
            }
        });
        Optional<String> mine = who.role() == Role.AUDITOR ? Optional.of(who.account()) : Optional.empty();
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (AssessmentStore.Stored s : store.list(mine, state)) {
            all.add(summary(s));
        }
        ctx.contentType("application/json; charset=utf-8").result(Json.pretty(all));
    }

    private void save(Context ctx, Optional<Caller> caller) throws IOException {
        AssessmentStore.Stored current = visible(ctx, caller.orElseThrow());
        int onRevision = ifMatch(ctx, current);
        if (!current.state().editable()) {
            throw new ApiError(409, "not-a-draft", "assessment " + current.id() + " is " + current.state().key()
                    + ": it can no longer be changed");
        }
        JsonNode body = filled(ctx, current);
        sameSubject(current, body);
        byte[] content = Json.pretty(body).getBytes(StandardCharsets.UTF_8);
        AssessmentStore.Stored kept = saved(() -> store.save(current.id(), onRevision, AssessmentStore.State.DRAFT,
                content, caller.get().account()));
        log(ctx, caller.get(), "saved assessment " + kept.id() + " revision " + kept.revision());
        answer(ctx, 200, kept);
    }

    /**
     * What a save stores: the assessment as JSON or YAML, whole; or a filled xlsx form, whose statements go into the
     * stored assessment (the template's titles, points and options stay).
     */
    private JsonNode filled(Context ctx, AssessmentStore.Stored current) throws IOException {
        byte[] raw = Bodies.read(ctx, maxRequestBytes);
        String type = io.github.aftersales.service.Negotiation.mediaType(ctx.header("Content-Type"));
        return switch (type) {
            case GradingRoutes.YAML, "application/x-yaml", "text/yaml" -> Bodies.yamlObject(raw);
            case GradingRoutes.XLSX -> FilledForm.into((ObjectNode) MAPPER.readTree(current.content()),
                    GradingRoutes.read(type, raw));
            case GradingRoutes.JSON -> jsonBody(ctx, raw);
            default -> throw new ApiError(415, "unsupported-media-type", "an assessment is saved as "
                    + GradingRoutes.JSON + ", " + GradingRoutes.YAML + " or a filled form, " + GradingRoutes.XLSX);
        };
    }

    private void submit(Context ctx, Optional<Caller> caller) throws IOException {
        AssessmentStore.Stored current = visible(ctx, caller.orElseThrow());
        int onRevision = ifMatch(ctx, current);
        if (!current.state().editable()) {
            throw new ApiError(409, "not-a-draft", "assessment " + current.id() + " is " + current.state().key()
                    + " already");
        }
        Graded graded = grade(current);
        if (graded.problem() != null) {
            throw graded.problem();
        }
        AssessmentStore.Stored kept = saved(() -> store.save(current.id(), onRevision, AssessmentStore.State.SUBMITTED,
                current.content(), caller.get().account()));
        log(ctx, caller.get(), "submitted assessment " + kept.id() + " revision " + kept.revision());
        answer(ctx, 200, kept);
    }

    /**
     * What an assessment is of was set when it was made (the manager's list shows it, an approval certifies it):
     * a save keeps its organisation and its parts (scheme and variant, in the template's order).
     */
    private void sameSubject(AssessmentStore.Stored row, JsonNode body) {
        JsonNode organisation = body.get("organisation");
        if (organisation == null || !organisation.isTextual() || !organisation.asText().equals(row.organisation())) {
            throw new ApiError(400, "bad-input", "organisation: this assessment is of " + row.organisation()
                    + "; a save keeps it (a manager makes an assessment for another organisation)", "request body", null);
        }
        Scheme scheme = schemes.get(row.scheme());
        if (scheme == null) {
            throw new ApiError(409, "scheme-missing", Messages.unknownScheme(row.scheme(), schemes.keySet()));
        }
        Variant variant = scheme.variant(row.variant()).orElseThrow(() -> new ApiError(409, "scheme-missing",
                Messages.unknownVariant(scheme, row.variant())));
        List<String> expected = new java.util.ArrayList<>();
        Templates.blank(scheme, variant, id -> Optional.ofNullable(schemes.get(id))).withArray("schemes")
                .forEach(p -> expected.add(p.path("scheme").asText() + "/" + p.path("variant").asText()));
        List<String> given = new java.util.ArrayList<>();
        JsonNode parts = body.get("schemes");
        if (parts != null && parts.isArray()) {
            for (JsonNode p : parts) {
                String partScheme = p.path("scheme").asText();
                String partVariant = p.path("variant").asText(null);
                if (partVariant == null) {
                    // the reader's default: the scheme's first variant
                    partVariant = Optional.ofNullable(schemes.get(partScheme)).map(sc -> sc.defaultVariant().id())
                            .orElse("");
                }
                given.add(partScheme + "/" + partVariant);
            }
        }
        if (!given.equals(expected)) {
            throw new ApiError(400, "bad-input", "schemes: this assessment is of " + String.join(" and ", expected)
                    + "; the body has " + (given.isEmpty() ? "none" : String.join(" and ", given)), "request body",
                    null);
        }
    }

    private void log(Context ctx, Caller who, String what) {
        changes.record(new io.github.aftersales.service.accounts.Accounts.Actor(who.account(), "http " + ctx.ip()), what);
    }

    /** A manager sends a submitted assessment back to its auditor, with what to change. */
    private void sendBack(Context ctx, Optional<Caller> caller) throws IOException {
        AssessmentStore.Stored current = visible(ctx, caller.orElseThrow());
        int onRevision = ifMatch(ctx, current);
        submittedOrRefuse(current);
        String comments = text(jsonBody(ctx), "comments", true);
        if (comments.length() > 4000) {
            throw new ApiError(400, "bad-input", "comments: at most 4000 characters", "request body", null);
        }
        AssessmentStore.Stored kept = saved(() -> store.save(current.id(), onRevision, AssessmentStore.State.RETURNED,
                current.content(), caller.get().account(), new AssessmentStore.Decision(comments, null)));
        log(ctx, caller.get(), "returned assessment " + kept.id() + " revision " + kept.revision());
        answer(ctx, 200, kept);
    }

    /**
     * A manager approves a submitted assessment: the decision is claimed first (a revision in state approving,
     * so a second manager approving at once gets 412 and no second certificate), then the register records
     * the certificate by its own rules; a refusal there puts the assessment back to submitted, with the
     * register's reason as the comment.
     */
    private void approve(Context ctx, Optional<Caller> caller) throws IOException {
        Caller who = caller.orElseThrow();
        AssessmentStore.Stored current = visible(ctx, who);
        int onRevision = ifMatch(ctx, current);
        submittedOrRefuse(current);
        byte[] raw = Bodies.read(ctx, maxRequestBytes);
        String reference = raw.length == 0 ? null : text(jsonBody(ctx, raw), "reference", false);
        if (reference != null && reference.length() > 200) {
            throw new ApiError(400, "bad-input", "reference: at most 200 characters", "request body", null);
        }
        Graded graded = grade(current);
        if (graded.problem() != null) {
            throw graded.problem();
        }
        AssessmentStore.Stored claimed = saved(() -> store.save(current.id(), onRevision,
                AssessmentStore.State.APPROVING, current.content(), who.account()));
        AssessmentStore.Certificate certificate;
        try {
            certificate = certifier.record(who.account(), current.organisation(), reference, "assessment "
                    + current.id() + " revision " + current.revision(), current.content(), graded.assessment(),
                    graded.evaluation());
        } catch (io.github.aftersales.register.RegisterException e) {
            store.save(current.id(), claimed.revision(), AssessmentStore.State.SUBMITTED, current.content(),
                    who.account(), new AssessmentStore.Decision("not approved: the register refused: " + e.getMessage(),
                            null));
            log(ctx, who, "approval of assessment " + current.id() + " refused by the register: " + e.getMessage());
            throw switch (e.kind()) {
                case DATABASE -> new ApiError(503, "register-unavailable", e.getMessage());
                default -> new ApiError(409, "register-refused", e.getMessage());
            };
        } catch (RuntimeException e) {
            // a defect, or the database failing under the register: nothing was recorded (the register writes a
            // certificate in one transaction), so the assessment goes back to submitted; the defect is answered 500
            try {
                store.save(current.id(), claimed.revision(), AssessmentStore.State.SUBMITTED, current.content(),
                        who.account(), new AssessmentStore.Decision("not approved: the approval failed; try again", null));
            } catch (RuntimeException second) {
                e.addSuppressed(second); // then it stays approving, as after a crash (docs/service.md)
            }
            throw e;
        }
        AssessmentStore.Stored approved;
        try {
            approved = store.save(current.id(), claimed.revision(), AssessmentStore.State.APPROVED, current.content(),
                    who.account(), new AssessmentStore.Decision(null, certificate));
        } catch (AssessmentStore.Stale e) {
            // no route writes on an approving revision: a defect, said with the certificate that was recorded
            throw new IllegalStateException("assessment " + current.id() + " changed while certificate "
                    + certificate.id() + " was recorded for it", e);
        }
        log(ctx, who, "approved assessment " + approved.id() + " revision " + approved.revision() + ": certificate "
                + certificate.id());
        answer(ctx, 200, approved);
    }

    private static void submittedOrRefuse(AssessmentStore.Stored current) {
        if (current.state() != AssessmentStore.State.SUBMITTED) {
            throw new ApiError(409, "not-submitted", "assessment " + current.id() + " is " + current.state().key()
                    + ": only a submitted assessment is returned or approved");
        }
    }

    private static AssessmentStore.Stored saved(java.util.function.Supplier<AssessmentStore.Stored> save) {
        try {
            return save.get();
        } catch (AssessmentStore.Stale stale) {
            throw stale(stale.current());
        }
    }

    /** The assessment of the path, if the caller may see it; another auditor's is as absent as one that is not. */
    private AssessmentStore.Stored visible(Context ctx, Caller who) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(404, "no-such-assessment", "no assessment " + ctx.pathParam("id"));
        }
        return store.find(id).filter(s -> who.role() != Role.AUDITOR || s.assignedTo().equals(who.account()))
                .orElseThrow(() -> new ApiError(404, "no-such-assessment", "no assessment " + id));
    }

    /**
     * The revision of the request's If-Match, which must be the one just read: every check a handler makes is on
     * that revision's state, and the store then writes only on top of it (a newer one is 412 there too).
     */
    private static int ifMatch(Context ctx, AssessmentStore.Stored current) {
        int asked = ifMatch(ctx);
        if (asked == -1) {
            return current.revision();
        }
        if (asked != current.revision()) {
            throw stale(current.revision());
        }
        return asked;
    }

    private static ApiError stale(int current) {
        return new ApiError(412, "stale", "the assessment has been saved since: its revision is now " + current
                + "; read it again (GET), apply the change to that revision and send it with If-Match: \"" + current
                + "\"");
    }

    private static int ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null) {
            throw new ApiError(428, "if-match-needed", "say which revision the change is made on:"
                    + " If-Match with the ETag the assessment was read with");
        }
        String tag = header.strip();
        if (tag.equals("*")) {
            return -1; // any revision: the one just read
        }
        // one strong tag, as the ETag was sent (RFC 9110 compares If-Match strongly: a weak tag never matches)
        if (!tag.matches("\"[0-9]{1,9}\"")) {
            throw new ApiError(412, "stale", "If-Match " + header + " is no revision of this assessment: send the"
                    + " ETag as it was given, one quoted number");
        }
        return Integer.parseInt(tag.substring(1, tag.length() - 1));
    }

    private JsonNode jsonBody(Context ctx) throws IOException {
        return jsonBody(ctx, Bodies.read(ctx, maxRequestBytes));
    }

    private JsonNode jsonBody(Context ctx, byte[] bytes) throws IOException {
        return Bodies.jsonObject(ctx, bytes);
    }

    private static String text(JsonNode body, String field, boolean required) {
        String v = Bodies.text(body, field, required);
        if (v != null && v.isBlank()) {
            throw new ApiError(400, "bad-input", field + ": a text is needed", "request body", null);
        }
        return v;
    }

    private record Graded(ObjectNode result, ApiError problem, Assessment assessment,
            io.github.aftersales.core.evaluation.EvaluationResult evaluation) {
    }

    private Graded grade(AssessmentStore.Stored s) {
        String source = "assessment " + s.id();
        try {
            Assessment a = AssessmentReader.read(new ByteArrayInputStream(s.content()), source, LocatedReader.Syntax.JSON);
            var evaluation = evaluator.evaluate(a, EvaluationOptions.DEFAULTS);
            return new Graded(JsonReport.assessment(evaluation), null, a, evaluation);
        } catch (LocatedException e) {
            return new Graded(null, new ApiError(400, "not-gradable", e.problem(), source, e.position()), null, null);
        } catch (SchemeFailureException e) {
            return new Graded(null, new ApiError(502, "scheme-failed", e.getMessage()), null, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode summary(AssessmentStore.Stored s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", s.id());
        o.put("scheme", s.scheme());
        o.put("variant", s.variant());
        o.put("organisation", s.organisation());
        o.put("assignedTo", s.assignedTo());
        o.put("state", s.state().key());
        o.put("revision", s.revision());
        o.put("savedAt", s.savedAt().toInstant().toString());
        o.put("savedBy", s.savedBy());
        return o;
    }

    private void answer(Context ctx, int status, AssessmentStore.Stored s) throws IOException {
        ObjectNode o = summary(s);
        o.set("assessment", MAPPER.readTree(s.content()));
        Graded graded = grade(s);
        o.set("result", graded.result());
        if (graded.problem() == null) {
            o.putNull("problem");
        } else {
            o.set("problem", io.github.aftersales.service.ErrorBody.of(graded.problem()));
        }
        if (s.comments() == null) {
            o.putNull("comments");
        } else {
            o.put("comments", s.comments());
        }
        if (s.certificate() == null) {
            o.putNull("certificate");
        } else {
            ObjectNode c = o.putObject("certificate");
            c.put("number", s.certificate().id());
            if (s.certificate().reference() == null) {
                c.putNull("reference");
            } else {
                c.put("reference", s.certificate().reference());
            }
        }
        ctx.status(status).header("ETag", "\"" + s.revision() + "\"")
                .contentType("application/json; charset=utf-8").result(Json.pretty(o));
    }
}
