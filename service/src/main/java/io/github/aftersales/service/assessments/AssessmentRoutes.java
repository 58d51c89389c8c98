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
import io.github.aftersales.service.Caller;
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

    private final AssessmentStore store;
    private final Map<String, Scheme> schemes;
    private final Evaluator evaluator;
    private final Function<String, Optional<Role>> roleOf;
    private final long maxRequestBytes;

    /**
     * @param roleOf the role of an account by its name (an assessment is assigned to an auditor's account)
     */
    public AssessmentRoutes(AssessmentStore store, Map<String, Scheme> schemes, Evaluator evaluator,
            Function<String, Optional<Role>> roleOf, long maxRequestBytes) {
        this.store = store;
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
                        this::submit));
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
        answer(ctx, 201, made);
    }

    private void list(Context ctx, Optional<Caller> caller) {
        Caller who = caller.orElseThrow();
        Optional<AssessmentStore.State> state = Optional.ofNullable(ctx.queryParam("state")).map(s -> {
            try {
                return AssessmentStore.State.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "bad-parameter", "state: '" + s + "' is not one of draft, submitted");
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
        int onRevision = ifMatch(ctx);
        if (current.state() != AssessmentStore.State.DRAFT) {
            throw new ApiError(409, "not-a-draft", "assessment " + current.id() + " is " + current.state().key()
                    + ": it can no longer be changed");
        }
        JsonNode body = jsonBody(ctx);
        byte[] content = Json.pretty(body).getBytes(StandardCharsets.UTF_8);
        answer(ctx, 200, saved(() -> store.save(current.id(), onRevision, AssessmentStore.State.DRAFT, content,
                caller.get().account())));
    }

    private void submit(Context ctx, Optional<Caller> caller) throws IOException {
        AssessmentStore.Stored current = visible(ctx, caller.orElseThrow());
        int onRevision = ifMatch(ctx);
        if (current.state() != AssessmentStore.State.DRAFT) {
            throw new ApiError(409, "not-a-draft", "assessment " + current.id() + " is " + current.state().key()
                    + " already");
        }
        Graded graded = grade(current);
        if (graded.problem() != null) {
            throw graded.problem();
        }
        answer(ctx, 200, saved(() -> store.save(current.id(), onRevision, AssessmentStore.State.SUBMITTED,
                current.content(), caller.get().account())));
    }

    private static AssessmentStore.Stored saved(java.util.function.Supplier<AssessmentStore.Stored> save) {
        try {
            return save.get();
        } catch (AssessmentStore.Stale stale) {
            throw new ApiError(412, "stale", stale.getMessage() + "; read it again (GET), apply the change to"
                    + " that revision and save with If-Match: \"" + stale.current() + "\"");
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

    private static int ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null) {
            throw new ApiError(428, "if-match-needed", "say which revision the change is made on:"
                    + " If-Match with the ETag the assessment was read with");
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new ApiError(412, "stale", "If-Match " + header + " is no revision of this assessment");
        }
    }

    private JsonNode jsonBody(Context ctx) throws IOException {
        String type = io.github.aftersales.service.Negotiation.mediaType(ctx.header("Content-Type"));
        if (!type.equals("application/json")) {
            throw new ApiError(415, "unsupported-media-type", "send the assessment as application/json");
        }
        byte[] bytes = io.github.aftersales.service.Bodies.read(ctx, maxRequestBytes);
        try {
            // the located reader says where a syntax error is, and bounds depth and size; Jackson then gives the tree
            LocatedReader.read(new ByteArrayInputStream(bytes), LocatedReader.Syntax.JSON);
        } catch (LocatedReader.ParseException e) {
            throw new ApiError(400, "bad-input", e.getMessage(), "request body", e.position());
        }
        JsonNode node = MAPPER.readTree(bytes);
        if (node == null || !node.isObject()) {
            throw new ApiError(400, "bad-input", "the body is not a JSON object", "request body", null);
        }
        return node;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ApiError(400, "bad-input", field + ": missing", "request body", null);
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ApiError(400, "bad-input", field + ": a text is needed", "request body", null);
        }
        return v.asText();
    }

    private record Graded(ObjectNode result, ApiError problem) {
    }

    private Graded grade(AssessmentStore.Stored s) {
        String source = "assessment " + s.id();
        try {
            Assessment a = AssessmentReader.read(new ByteArrayInputStream(s.content()), source, LocatedReader.Syntax.JSON);
            return new Graded(JsonReport.assessment(evaluator.evaluate(a, EvaluationOptions.DEFAULTS)), null);
        } catch (LocatedException e) {
            return new Graded(null, new ApiError(400, "not-gradable", e.problem(), source, e.position()));
        } catch (SchemeFailureException e) {
            return new Graded(null, new ApiError(502, "scheme-failed", e.getMessage()));
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
        ctx.status(status).header("ETag", "\"" + s.revision() + "\"")
                .contentType("application/json; charset=utf-8").result(Json.pretty(o));
    }
}
