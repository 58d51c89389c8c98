package io.github.aftersales.service.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.reports.Json;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Bodies;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.GradingRoutes;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.spi.Scheme;
import io.javalin.http.Context;
import java.io.IOException;
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

    private final Assessments assessments;
    private final long maxRequestBytes;

    /**
     * @param roleOf          the role of an account, to check whom an assessment is assigned to
     * @param maxRequestBytes the largest body read
     */
    public AssessmentRoutes(AssessmentStore store, Certifier certifier, Map<String, Scheme> schemes, Evaluator evaluator,
            Function<String, Optional<Role>> roleOf, io.github.aftersales.service.accounts.ChangeLog changes,
            long maxRequestBytes) {
        this(new Assessments(store, certifier, schemes, evaluator, roleOf, changes), maxRequestBytes);
    }

    public AssessmentRoutes(Assessments assessments, long maxRequestBytes) {
        this.assessments = assessments;
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
        JsonNode body = jsonBody(ctx);
        AssessmentStore.Stored made = assessments.create(caller.orElseThrow(), text(body, "scheme", true),
                text(body, "variant", false), text(body, "organisation", true), text(body, "assignedTo", false),
                origin(ctx));
        ctx.header("Location", "/api/v1/assessments/" + made.id());
        answer(ctx, 201, made);
    }

    private void list(Context ctx, Optional<Caller> caller) {
        Optional<AssessmentStore.State> state = Optional.ofNullable(ctx.queryParam("state")).map(s -> {
            try {
                return AssessmentStore.State.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "bad-parameter", "state: '" + s + "' is not one of draft, submitted, returned,"
                        + " approving, approved");
            }
        });
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (AssessmentStore.Stored s : assessments.list(caller.orElseThrow(), state)) {
            all.add(summary(s));
        }
        ctx.contentType("application/json; charset=utf-8").result(Json.prettyBytes(all));
    }

    private void save(Context ctx, Optional<Caller> caller) throws IOException {
        AssessmentStore.Stored current = visible(ctx, caller.orElseThrow());
        int onRevision = ifMatch(ctx, current);
        if (!current.state().editable()) {
            // said before the body is read: a workbook is not unpacked for an assessment that cannot change
            throw new ApiError(409, "not-a-draft", "assessment " + current.id() + " is " + current.state().key()
                    + ": it can no longer be changed");
        }
        answer(ctx, 200, assessments.save(caller.get(), current, onRevision, filled(ctx, current), origin(ctx)));
    }

    /**
     * What a save stores: the assessment as JSON or YAML, whole; or a filled xlsx form, whose statements go into the
     * stored assessment (the template's titles, points and options stay).
     */
    private JsonNode filled(Context ctx, AssessmentStore.Stored current) throws IOException {
        byte[] raw = Bodies.read(ctx, maxRequestBytes);
        String type = io.github.aftersales.service.Negotiation.mediaType(ctx.header("Content-Type"));
        if (type.equals(GradingRoutes.JSON)) {
            return jsonBody(ctx, raw);
        }
        return assessments.fromFile(current, type, raw);
    }

    private void submit(Context ctx, Optional<Caller> caller) throws IOException {
        AssessmentStore.Stored current = visible(ctx, caller.orElseThrow());
        answer(ctx, 200, assessments.submit(caller.get(), current, ifMatch(ctx, current), origin(ctx)));
    }

    /** A manager sends a submitted assessment back to its auditor, with what to change. */
    private void sendBack(Context ctx, Optional<Caller> caller) throws IOException {
        AssessmentStore.Stored current = visible(ctx, caller.orElseThrow());
        int onRevision = ifMatch(ctx, current);
        String comments = current.state() == AssessmentStore.State.SUBMITTED ? text(jsonBody(ctx), "comments", true) : "";
        answer(ctx, 200, assessments.sendBack(caller.get(), current, onRevision, comments, origin(ctx)));
    }

    /** A manager approves a submitted assessment, or finishes an approval left unfinished ({@link Assessments#approve}). */
    private void approve(Context ctx, Optional<Caller> caller) throws IOException {
        AssessmentStore.Stored current = visible(ctx, caller.orElseThrow());
        int onRevision = ifMatch(ctx, current);
        byte[] raw = Bodies.read(ctx, maxRequestBytes);
        String reference = raw.length == 0 ? null : text(jsonBody(ctx, raw), "reference", false);
        answer(ctx, 200, assessments.approve(caller.get(), current, onRevision, reference, origin(ctx)));
    }

    private static String origin(Context ctx) {
        return "http " + ctx.ip();
    }

    /** The assessment of the path, if the caller may see it; another auditor's is as absent as one that is not. */
    private AssessmentStore.Stored visible(Context ctx, Caller who) {
        return assessments.visible(who, ctx.pathParam("id"));
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
            throw Assessments.stale(current.revision());
        }
        return asked;
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
        AssessmentStore.Grade g = s.grade();
        if (g == null || g.grade() == null) {
            o.putNull("grade");
        } else {
            ObjectNode grade = o.putObject("grade");
            grade.put("grade", g.grade());
            grade.put("gradeEn", g.gradeEn());
            grade.put("total", g.total());
            grade.put("percent", g.percent());
        }
        return o;
    }

    private void answer(Context ctx, int status, AssessmentStore.Stored s) throws IOException {
        ObjectNode o = summary(s);
        o.set("assessment", MAPPER.readTree(s.content()));
        Assessments.Graded graded = assessments.grade(s);
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
                .contentType("application/json; charset=utf-8").result(Json.prettyBytes(o));
    }
}
