package io.github.aftersales.service.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeFailureException;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.Messages;
import io.github.aftersales.core.template.Templates;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Bodies;
import io.github.aftersales.service.GradingRoutes;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ChangeLog;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What can be done with the assessments filled through the service, whoever asks (the JSON API, the pages): make
 * one from a variant's blank template and assign it, read, list, save on a revision (a stale save writes nothing),
 * submit, return with comments, approve into the register. Each refusal is an {@link ApiError}; each change is in
 * the change log with who made it and from where.
 *
 * <p>Who: a manager makes, reads and lists every assessment; an auditor makes assessments for themself and reads,
 * saves and submits only those assigned to them (another's is "no such assessment", not "forbidden": an auditor
 * learns nothing of what is not theirs). The routes' access rules say which role calls what.
 */
public final class Assessments {

    /**
     * How long an approval may take before another manager may finish it: recording a certificate takes well under
     * a second, so an assessment approving for longer was left so by a process that stopped.
     */
    public static final Duration STALLED = Duration.ofMinutes(2);

    private final AssessmentStore store;
    private final Certifier certifier;
    private final Map<String, Scheme> schemes;
    private final Evaluator evaluator;
    private final Function<String, Optional<Role>> roleOf;
    private final ChangeLog changes;

    /**
     * @param roleOf  the role of an account, to check whom an assessment is assigned to
     * @param changes where every change is recorded
     */
    public Assessments(AssessmentStore store, Certifier certifier, Map<String, Scheme> schemes, Evaluator evaluator,
            Function<String, Optional<Role>> roleOf, ChangeLog changes) {
        this.store = store;
        this.certifier = certifier;
        this.schemes = schemes;
        this.evaluator = evaluator;
        this.roleOf = roleOf;
        this.changes = changes;
    }

    /** An assessment graded: its result (the contract of docs/result.schema.json), or why it cannot be graded yet. */
    public record Graded(ObjectNode result, ApiError problem, Assessment assessment, EvaluationResult evaluation) {
    }

    /**
     * Makes an assessment of {@code organisation} from a variant's blank template (the scheme's default variant when
     * {@code variantId} is {@code null}), assigned to an auditor: the caller, when an auditor; the one named, when a
     * manager.
     */
    public AssessmentStore.Stored create(Caller who, String schemeId, String variantId, String organisation,
            String assignedTo, String origin) {
        Scheme scheme = schemes.get(schemeId);
        if (scheme == null) {
            throw new ApiError(400, "bad-input", Messages.unknownScheme(schemeId, schemes.keySet()), "request body", null);
        }
        Variant variant = variantId == null ? scheme.defaultVariant() : scheme.variant(variantId).orElseThrow(() ->
                new ApiError(400, "bad-input", Messages.unknownVariant(scheme, variantId), "request body", null));
        // as the register keeps it: a name it stores stripped is found again by the name given here
        organisation = organisation.strip();
        if (organisation.isEmpty() || organisation.length() > 1000) {
            throw new ApiError(400, "bad-input", "organisation: 1 to 1000 characters", "request body", null);
        }
        String auditor = assignedTo;
        if (who.role() == Role.AUDITOR) {
            if (auditor != null && !auditor.equals(who.account())) {
                throw new ApiError(403, "forbidden", "an auditor makes assessments for themself; a manager assigns"
                        + " them to others");
            }
            auditor = who.account();
        } else if (auditor == null) {
            throw new ApiError(400, "bad-input", "assignedTo: name the auditor who fills it", "request body", null);
        }
        String filler = auditor;
        if (roleOf.apply(filler).filter(r -> r == Role.AUDITOR).isEmpty()) {
            throw new ApiError(400, "bad-input", "assignedTo: " + filler + " is not an auditor's account",
                    "request body", null);
        }
        ObjectNode blank;
        try {
            blank = Templates.blank(scheme, variant, id -> Optional.ofNullable(schemes.get(id)));
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, "scheme-missing", e.getMessage());
        }
        blank.put("organisation", organisation);
        byte[] content = Json.prettyBytes(blank);
        AssessmentStore.Stored made = store.create(scheme.id(), variant.id(), organisation, filler, content,
                who.account(), gradeOf(0, content));
        log(who, origin, "made assessment " + made.id() + " (" + scheme.id() + "/" + variant.id() + ", " + organisation
                + ") for " + filler);
        return made;
    }

    /** The assessments the caller may see (a manager all, an auditor theirs), in a state or in any. */
    public List<AssessmentStore.Stored> list(Caller who, Optional<AssessmentStore.State> state) {
        Optional<String> mine = who.role() == Role.AUDITOR ? Optional.of(who.account()) : Optional.empty();
        return store.list(mine, state);
    }

    /** The assessment {@code id} (as the path gave it), if the caller may see it; another auditor's is as absent. */
    public AssessmentStore.Stored visible(Caller who, String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ApiError(404, "no-such-assessment", "no assessment " + id);
        }
        return store.find(number).filter(s -> who.role() != Role.AUDITOR || s.assignedTo().equals(who.account()))
                .orElseThrow(() -> new ApiError(404, "no-such-assessment", "no assessment " + number));
    }

    /** Saves {@code body} as the assessment's next revision, on {@code onRevision}: a draft still, graded or not. */
    public AssessmentStore.Stored save(Caller who, AssessmentStore.Stored current, int onRevision, JsonNode body,
            String origin) {
        if (!current.state().editable()) {
            throw new ApiError(409, "not-a-draft", "assessment " + current.id() + " is " + current.state().key()
                    + ": it can no longer be changed");
        }
        sameSubject(current, body);
        byte[] content = Json.prettyBytes(body);
        AssessmentStore.Stored kept = saved(() -> keep(current.id(), onRevision, AssessmentStore.State.DRAFT,
                content, who.account()));
        log(who, origin, "saved assessment " + kept.id() + " revision " + kept.revision());
        return kept;
    }

    /** Submits a draft that grades for review: its auditor can no longer change it. */
    public AssessmentStore.Stored submit(Caller who, AssessmentStore.Stored current, int onRevision, String origin) {
        if (!current.state().editable()) {
            throw new ApiError(409, "not-a-draft", "assessment " + current.id() + " is " + current.state().key()
                    + " already");
        }
        graded(current);
        AssessmentStore.Stored kept = saved(() -> keep(current.id(), onRevision, AssessmentStore.State.SUBMITTED,
                current.content(), who.account()));
        log(who, origin, "submitted assessment " + kept.id() + " revision " + kept.revision());
        return kept;
    }

    /** A manager sends a submitted assessment back to its auditor, with what to change. */
    public AssessmentStore.Stored sendBack(Caller who, AssessmentStore.Stored current, int onRevision, String comments,
            String origin) {
        submittedOrRefuse(current);
        if (comments.length() > 4000) {
            throw new ApiError(400, "bad-input", "comments: at most 4000 characters", "request body", null);
        }
        AssessmentStore.Stored kept = saved(() -> keep(current.id(), onRevision, AssessmentStore.State.RETURNED,
                current.content(), who.account(), new AssessmentStore.Decision(comments, null)));
        log(who, origin, "returned assessment " + kept.id() + " revision " + kept.revision());
        return kept;
    }

    /**
     * A manager approves a submitted assessment: the decision is claimed first (a revision in state approving,
     * so a second manager approving at once gets 412 and no second certificate), then the register records
     * the certificate by its own rules; a refusal there puts the assessment back to submitted, with the
     * register's reason as the comment. An approval left unfinished ({@link #STALLED}) is finished the same way.
     *
     * @param reference the certificate's reference, or {@code null}
     */
    public AssessmentStore.Stored approve(Caller who, AssessmentStore.Stored current, int onRevision, String reference,
            String origin) {
        if (reference != null && reference.length() > 200) {
            throw new ApiError(400, "bad-input", "reference: at most 200 characters", "request body", null);
        }
        if (current.state() == AssessmentStore.State.APPROVING) {
            return finish(who, current, onRevision, reference, origin);
        }
        submittedOrRefuse(current);
        Graded graded = graded(current);
        AssessmentStore.Stored claimed = saved(() -> keep(current.id(), onRevision,
                AssessmentStore.State.APPROVING, current.content(), who.account()));
        return record(who, current, claimed, evidenceName(current.id(), current.revision()), reference, graded, origin);
    }

    /**
     * Finishes an approval its process left unfinished: when the register has the certificate (recorded before the
     * stop) the assessment is approved with it; when not, it is recorded now. The approval is claimed again first,
     * so two managers finishing at once make one certificate.
     */
    private AssessmentStore.Stored finish(Caller who, AssessmentStore.Stored current, int onRevision, String reference,
            String origin) {
        OffsetDateTime from = current.savedAt().plus(STALLED);
        if (OffsetDateTime.now().isBefore(from)) {
            throw new ApiError(409, "approval-in-progress", "assessment " + current.id() + " is being approved by "
                    + current.savedBy() + " since " + current.savedAt().toInstant() + "; if that approval stopped,"
                    + " approve again from " + from.toInstant());
        }
        Graded graded = graded(current);
        // the name the register's history gives the assessment is that of its latest submitted revision, whatever
        // claims were left on top of it
        int submitted = store.latestIn(current.id(), AssessmentStore.State.SUBMITTED).orElseThrow(() ->
                new IllegalStateException("assessment " + current.id() + " is approving but was never submitted"));
        String name = evidenceName(current.id(), submitted);
        AssessmentStore.Stored claimed = saved(() -> keep(current.id(), onRevision,
                AssessmentStore.State.APPROVING, current.content(), who.account()));
        Optional<AssessmentStore.Certificate> recorded = recorded(name, current.organisation());
        if (recorded.isPresent()) {
            return approved(who, current, claimed, recorded.get(), "finished the approval of", origin);
        }
        return record(who, current, claimed, name, reference, graded, origin);
    }

    /** The certificate the register holds for the assessment, if any; 503 when the register cannot be read. */
    private Optional<AssessmentStore.Certificate> recorded(String name, String organisation) {
        try {
            return certifier.recorded(name, organisation);
        } catch (io.github.aftersales.register.RegisterException e) {
            throw new ApiError(503, "register-unavailable", e.getMessage());
        }
    }

    /** The name the register's history gives an assessment approved at a revision. */
    private static String evidenceName(long id, int revision) {
        return "assessment " + id + " revision " + revision;
    }

    /** Records the certificate of a claimed approval, then approves; a refusal or a failure puts it back to submitted. */
    private AssessmentStore.Stored record(Caller who, AssessmentStore.Stored current, AssessmentStore.Stored claimed,
            String name, String reference, Graded graded, String origin) {
        AssessmentStore.Certificate certificate;
        try {
            certificate = certifier.record(who.account(), current.organisation(), reference, name, current.content(),
                    graded.assessment(), graded.evaluation());
        } catch (io.github.aftersales.register.RegisterException e) {
            keep(current.id(), claimed.revision(), AssessmentStore.State.SUBMITTED, current.content(),
                    who.account(), new AssessmentStore.Decision("not approved: the register refused: " + e.getMessage(),
                            null));
            log(who, origin, "approval of assessment " + current.id() + " refused by the register: " + e.getMessage());
            throw switch (e.kind()) {
                case DATABASE -> new ApiError(503, "register-unavailable", e.getMessage());
                default -> new ApiError(409, "register-refused", e.getMessage());
            };
        } catch (RuntimeException e) {
            // a defect, or the database failing under the register. The register writes a certificate in one
            // transaction, but its commit may have happened with its answer lost: only when the register holds no
            // certificate for the assessment does it go back to submitted; else it stays approving, and approving
            // again finds that certificate. The defect is answered 500
            try {
                if (certifier.recorded(name, current.organisation()).isEmpty()) {
                    keep(current.id(), claimed.revision(), AssessmentStore.State.SUBMITTED, current.content(),
                            who.account(), new AssessmentStore.Decision("not approved: the approval failed; try again",
                                    null));
                }
            } catch (RuntimeException second) {
                e.addSuppressed(second); // then it stays approving, as after a crash: finished by approving again
            }
            throw e;
        }
        return approved(who, current, claimed, certificate, "approved", origin);
    }

    private AssessmentStore.Stored approved(Caller who, AssessmentStore.Stored current, AssessmentStore.Stored claimed,
            AssessmentStore.Certificate certificate, String what, String origin) {
        AssessmentStore.Stored approved;
        try {
            approved = keep(current.id(), claimed.revision(), AssessmentStore.State.APPROVED, current.content(),
                    who.account(), new AssessmentStore.Decision(null, certificate));
        } catch (AssessmentStore.Stale e) {
            // no route writes on an approving revision: a defect, said with the certificate that was recorded
            throw new IllegalStateException("assessment " + current.id() + " changed while certificate "
                    + certificate.id() + " was recorded for it", e);
        }
        log(who, origin, what + " assessment " + approved.id() + " revision " + approved.revision() + ": certificate "
                + certificate.id());
        return approved;
    }

    /** The assessment graded, or why it cannot be yet (a draft may be incomplete). */
    public Graded grade(AssessmentStore.Stored s) {
        return grade(s.id(), s.content());
    }

    /**
     * The grade of a revision's content, from the last one worked out when it is the same (a save grades what it
     * stores for the list, then its answer and the score panel show the same result): graded once.
     */
    private Graded grade(long id, byte[] content) {
        LastGraded kept = last.get();
        if (kept != null && kept.id() == id && java.util.Arrays.equals(kept.content(), content)) {
            return kept.graded();
        }
        Graded graded = gradeNow(id, content);
        last.set(new LastGraded(id, content, graded));
        return graded;
    }

    /** The last content graded (read only by those who get it: its result is never changed). */
    private record LastGraded(long id, byte[] content, Graded graded) {
    }

    private final java.util.concurrent.atomic.AtomicReference<LastGraded> last =
            new java.util.concurrent.atomic.AtomicReference<>();

    private Graded gradeNow(long id, byte[] content) {
        String source = "assessment " + id;
        try {
            Assessment a = AssessmentReader.read(content, source, LocatedReader.Syntax.JSON, 0);
            EvaluationResult evaluation = evaluator.evaluate(a, EvaluationOptions.DEFAULTS).withInput(content);
            return new Graded(JsonReport.assessment(evaluation), null, a, evaluation);
        } catch (LocatedException e) {
            return new Graded(null, new ApiError(400, "not-gradable", e.problem(), source, e.position()), null, null);
        } catch (SchemeFailureException e) {
            return new Graded(null, new ApiError(502, "scheme-failed", e.getMessage()), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A revision's grade as the checklist's score panel shows it: each part's grade as the standard names it ("—" for
     * a part that reaches none), in English, its total (of the points declared) and percent; {@link
     * AssessmentStore.Grade#NONE} when it does not grade.
     */
    public static AssessmentStore.Grade gradeOf(Graded graded) {
        if (graded.problem() != null) {
            return AssessmentStore.Grade.NONE;
        }
        List<String> grades = new ArrayList<>();
        List<String> gradesEn = new ArrayList<>();
        List<String> totals = new ArrayList<>();
        List<String> percents = new ArrayList<>();
        for (JsonNode part : graded.result().path("schemes")) {
            String grade = part.path("grade").asText("");
            grades.add(grade.isEmpty() ? "—" : grade);
            gradesEn.add(grade.isEmpty() ? "—" : part.path("gradeEn").asText(grade));
            if (part.hasNonNull("total")) {
                totals.add(part.get("total").asText() + (part.hasNonNull("declaredMax") ? " / "
                        + part.get("declaredMax").asText() : ""));
            }
            if (part.hasNonNull("percent")) {
                percents.add(part.get("percent").asText());
            }
        }
        String join = AssessmentStore.Grade.JOIN;
        return new AssessmentStore.Grade(String.join(join, grades), String.join(join, gradesEn),
                totals.isEmpty() ? null : String.join(join, totals), percents.isEmpty() ? null : String.join(join, percents));
    }

    private AssessmentStore.Grade gradeOf(long id, byte[] content) {
        return gradeOf(grade(id, content));
    }

    /** A new revision, with the grade of its content as the score panel shows it. */
    private AssessmentStore.Stored keep(long id, int onRevision, AssessmentStore.State state, byte[] content, String by) {
        return keep(id, onRevision, state, content, by, AssessmentStore.Decision.NONE);
    }

    private AssessmentStore.Stored keep(long id, int onRevision, AssessmentStore.State state, byte[] content, String by,
            AssessmentStore.Decision decision) {
        return store.save(id, onRevision, state, content, by, decision, gradeOf(id, content));
    }

    /** The installed schemes, by id. */
    public Map<String, Scheme> schemes() {
        return schemes;
    }

    private Graded graded(AssessmentStore.Stored current) {
        Graded graded = grade(current);
        if (graded.problem() != null) {
            throw graded.problem();
        }
        return graded;
    }

    /**
     * What an assessment is of was set when it was made (the manager's list shows it, an approval certifies it):
     * a save keeps its organisation and its parts (scheme and variant, in the template's order).
     */
    /**
     * Whether part {@code part} of an assessment of this scheme and variant has the clause {@code clause}, as the
     * installed scheme's catalog lists it (its blank form), whatever a draft's content holds.
     *
     * @throws ApiError 409 {@code scheme-missing} when the scheme or a part of it is no longer installed
     */
    boolean catalogLists(AssessmentStore.Stored row, int part, String clause) {
        Scheme scheme = schemes.get(row.scheme());
        if (scheme == null) {
            throw new ApiError(409, "scheme-missing", Messages.unknownScheme(row.scheme(), schemes.keySet()));
        }
        Variant variant = scheme.variant(row.variant()).orElseThrow(() -> new ApiError(409, "scheme-missing",
                Messages.unknownVariant(scheme, row.variant())));
        ObjectNode blank;
        try {
            blank = Templates.blank(scheme, variant, id -> Optional.ofNullable(schemes.get(id)));
        } catch (IllegalArgumentException e) {
            throw new ApiError(409, "scheme-missing", e.getMessage());
        }
        for (JsonNode f : blank.path("schemes").path(part).path("findings")) {
            if (clause.equals(f.path("id").asText(null))) {
                return true;
            }
        }
        return false;
    }

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
        List<String> expected = new ArrayList<>();
        Templates.blank(scheme, variant, id -> Optional.ofNullable(schemes.get(id))).withArray("schemes")
                .forEach(p -> expected.add(p.path("scheme").asText() + "/" + p.path("variant").asText()));
        List<String> given = new ArrayList<>();
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

    private static void submittedOrRefuse(AssessmentStore.Stored current) {
        if (current.state() != AssessmentStore.State.SUBMITTED) {
            throw new ApiError(409, "not-submitted", "assessment " + current.id() + " is " + current.state().key()
                    + ": only a submitted assessment is returned or approved");
        }
    }

    private static AssessmentStore.Stored saved(Supplier<AssessmentStore.Stored> save) {
        try {
            return save.get();
        } catch (AssessmentStore.Stale stale) {
            throw stale(stale.current());
        }
    }

    /**
     * What a file states, as the content a save of {@code current} stores: an assessment in JSON or YAML, whole; or a
     * filled xlsx form, whose statements go into the stored assessment (the template's titles, points and options
     * stay). 400 with the place of a problem, 415 for another type.
     */
    public JsonNode fromFile(AssessmentStore.Stored current, String type, byte[] bytes) throws IOException {
        return switch (type) {
            case GradingRoutes.JSON -> Bodies.jsonObject(bytes);
            case GradingRoutes.YAML, "application/x-yaml", "text/yaml" -> Bodies.yamlObject(bytes);
            case GradingRoutes.XLSX -> FilledForm.into((ObjectNode) new ObjectMapper().readTree(current.content()),
                    GradingRoutes.read(type, bytes));
            default -> throw new ApiError(415, "unsupported-media-type", "an assessment is saved as "
                    + GradingRoutes.JSON + ", " + GradingRoutes.YAML + " or a filled form, " + GradingRoutes.XLSX);
        };
    }

    /** The answer to a change made on a revision that is not the latest. */
    public static ApiError stale(int current) {
        return new ApiError(412, "stale", "the assessment has been saved since: its revision is now " + current
                + "; read it again (GET), apply the change to that revision and send it with If-Match: \"" + current
                + "\"");
    }

    private void log(Caller who, String origin, String what) {
        changes.record(new Accounts.Actor(who.account(), origin), what);
    }
}
