package io.github.aftersales.service.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeFailureException;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.register.CertificateView;
import io.github.aftersales.register.DueReport;
import io.github.aftersales.register.EvaluatedAssessment;
import io.github.aftersales.register.Evaluations;
import io.github.aftersales.register.Listing;
import io.github.aftersales.register.Register;
import io.github.aftersales.register.RegisterException;
import io.github.aftersales.register.RegisterFormats;
import io.github.aftersales.register.State;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.reports.StreamedJson;
import io.github.aftersales.service.Access;
import io.github.aftersales.service.ApiError;
import io.github.aftersales.service.Bodies;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.GradingRoutes;
import io.github.aftersales.service.Negotiation;
import io.github.aftersales.service.Role;
import io.github.aftersales.service.Route;
import io.github.aftersales.service.accounts.Accounts;
import io.github.aftersales.service.accounts.ChangeLog;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.SurveillanceRules;
import io.github.aftersales.spi.Variant;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate register over HTTP, the same answers as {@code aftersales register}: the certificates (list,
 * show), what is due, the export (JSON or CSV), and the decisions a certification manager records against a
 * certificate (a surveillance, a re-evaluation, an incident). The JSON and CSV are the register's own
 * ({@link RegisterFormats}), byte for byte what the command line writes.
 *
 * <p>Who: the register is the certification manager's. A manager reads it and decides; an auditor fills
 * assessments and an admin keeps accounts, and neither reads certificates (403): least privilege, as nothing an
 * auditor or admin does needs them.
 *
 * <p>A listing or an export is streamed a certificate at a time as the register reads them (a page of
 * certificates in memory at once, whatever the register's size): a client reads it as it comes, and narrows it
 * with the filters; there are no pages to ask for.
 */
public final class RegisterRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterRoutes.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Access MANAGERS = Access.roles(Role.MANAGER);
    static final String JSON = "application/json";
    static final String CSV = "text/csv";
    /** The most months ahead {@code due} looks: ten years, beyond any scheme's cycle. */
    public static final int MAX_MONTHS = 120;
    /** A certificate's number or reference in a path: a reference is at most 200 characters. */
    private static final int MAX_KEY = 200;
    private static final String BODY = "request body";

    private final Register register;
    private final Map<String, Scheme> schemes;
    private final Evaluator evaluator;
    private final ChangeLog changes;
    private final Clock clock;
    private final long maxRequestBytes;

    /**
     * @param register        the register, open for the routes' life (its owner closes it); each decision is
     *                        recorded as by the manager who made it ({@link Register#recordingAs})
     * @param clock           today, for what is due and overdue; the register's own clock decides "after today"
     * @param changes         where each decision is logged with who made it and from which address
     */
    public RegisterRoutes(Register register, Map<String, Scheme> schemes, Evaluator evaluator, ChangeLog changes,
            Clock clock, long maxRequestBytes) {
        this.register = register;
        this.schemes = schemes;
        this.evaluator = evaluator;
        this.changes = changes;
        this.clock = clock;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** The routes; {@code due} and {@code export} before {@code {number}}, which would take their names. */
    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/certificates", MANAGERS, "List the certificates with their current state",
                        (ctx, caller) -> list(ctx)),
                Route.get("/api/v1/certificates/due", MANAGERS,
                        "List the evaluations due by a date, and which are overdue", (ctx, caller) -> due(ctx)),
                Route.get("/api/v1/certificates/export", MANAGERS, "Export the register as JSON or CSV",
                        (ctx, caller) -> export(ctx)),
                Route.get("/api/v1/certificates/{number}", MANAGERS, "Get a certificate with its whole history",
                        (ctx, caller) -> show(ctx)),
                Route.post("/api/v1/certificates/{number}/surveillance", MANAGERS,
                        "Apply a surveillance assessment to a certificate", (ctx, caller) -> decide(ctx,
                                caller.orElseThrow(), Decision.SURVEILLANCE)),
                Route.post("/api/v1/certificates/{number}/reevaluation", MANAGERS,
                        "Apply a full re-evaluation to a certificate", (ctx, caller) -> decide(ctx,
                                caller.orElseThrow(), Decision.REEVALUATION)),
                Route.post("/api/v1/certificates/{number}/incidents", MANAGERS,
                        "Note an incident against a certificate", (ctx, caller) -> incident(ctx, caller.orElseThrow())));
    }

    /** {@code register list --format json}, filtered as {@code register search TEXT --state S --scheme ID}. */
    private void list(Context ctx) {
        Negotiation.choose(ctx.header("Accept"), JSON);
        Listing listing = listing(ctx.queryParam("q"), ctx.queryParam("state"), ctx.queryParam("scheme"));
        stream(ctx, JSON + "; charset=utf-8", null, out -> {
            StreamedJson json = StreamedJson.array(out);
            register.forEach(listing, false, c -> json.add(RegisterFormats.certificateJson(c, false)));
            json.end();
        });
    }

    /**
     * The listing the filters ask for, as {@code register search TEXT --state S --scheme ID}: each {@code null}
     * when not asked; 400 {@code bad-parameter} (its place the query parameter) for one that is not a filter.
     */
    public static Listing listing(String text, String stateKey, String scheme) {
        if (text != null && (text.isEmpty() || text.length() > 1000 || text.indexOf('\0') >= 0)) {
            // no text holds a NUL (PostgreSQL refuses one in a query)
            throw parameter("q", "q: the text looked for in organisations and references, 1 to 1000 characters"
                    + " without NUL");
        }
        Set<State> states = Set.of();
        if (stateKey != null) {
            State state = Arrays.stream(State.values()).filter(s -> s.key().equals(stateKey)).findFirst().orElseThrow(
                    () -> parameter("state", "state: '" + stateKey + "' is not one of active, suspended, revoked"));
            states = Set.of(state);
        }
        if (scheme != null && (scheme.isEmpty() || scheme.length() > 100 || scheme.indexOf('\0') >= 0)) {
            throw parameter("scheme", "scheme: a scheme's id, 1 to 100 characters without NUL");
        }
        return new Listing(text, states, scheme);
    }

    /** {@code register show N --format json}: the certificate, its history and each evaluation's result. */
    private void show(Context ctx) {
        Negotiation.choose(ctx.header("Accept"), JSON);
        CertificateView c = find(ctx);
        json(ctx, RegisterFormats.certificateJson(c, true));
    }

    /** {@code register due --on DATE --format json}, DATE given as months from today or as a date. */
    private void due(Context ctx) {
        Negotiation.choose(ctx.header("Accept"), JSON);
        LocalDate today = LocalDate.now(clock);
        String months = ctx.queryParam("months");
        String onDate = ctx.queryParam("on");
        if ((months == null) == (onDate == null)) {
            throw parameter(months == null ? "months" : "on", "say how far ahead to look: months=N (0 to " + MAX_MONTHS
                    + ") or on=yyyy-mm-dd, one of them");
        }
        LocalDate on;
        if (months != null) {
            on = today.plusMonths(months(months));
        } else {
            on = date("on", onDate);
        }
        DueReport report = register.due(on, today, variants(schemes));
        stream(ctx, JSON + "; charset=utf-8", null, out -> RegisterFormats.dueJson(report, Json.prettyWriter(), out));
    }

    /** A number of months ahead to look, 0 to {@value #MAX_MONTHS}; 400 {@code bad-parameter} for anything else. */
    public static int months(String months) {
        int n;
        try {
            n = months != null && months.matches("[0-9]{1,4}") ? Integer.parseInt(months) : -1;
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > MAX_MONTHS) {
            throw parameter("months", "months: '" + months + "' is not a number of months from 0 to " + MAX_MONTHS);
        }
        return n;
    }

    /** How {@code due} finds a certificate's scheme variant (its cycle) among the installed schemes. */
    public static java.util.function.BiFunction<String, String, Optional<Variant>> variants(Map<String, Scheme> schemes) {
        return (scheme, variant) -> Optional.ofNullable(schemes.get(scheme)).flatMap(s -> s.variant(variant));
    }

    /** {@code register export}: JSON (every certificate, its history and results) or CSV by Accept. */
    private void export(Context ctx) {
        String events = ctx.queryParam("events");
        if (events != null && !events.equals("true") && !events.equals("false")) {
            throw parameter("events", "events: '" + events + "' is not true or false");
        }
        boolean perEntry = "true".equals(events);
        // a row per history entry is CSV's: the JSON export holds every entry anyway
        String type = perEntry ? Negotiation.choose(ctx.header("Accept"), CSV)
                : Negotiation.choose(ctx.header("Accept"), JSON, CSV);
        Listing all = Listing.all();
        if (type.equals(JSON)) {
            stream(ctx, JSON + "; charset=utf-8", "register.json", out -> {
                StreamedJson json = StreamedJson.object(out, "certificates", "format", "aftersales-register-export-1",
                        "exportedAt", clock.instant().toString());
                register.forEach(all, true, c -> json.add(RegisterFormats.certificateJson(c, true)));
                json.end();
            });
        } else if (perEntry) {
            csv(ctx, "register-events.csv", all, RegisterFormats.eventsCsvHeader(), RegisterFormats::eventsCsv);
        } else {
            certificatesCsv(ctx, all);
        }
    }

    /**
     * The certificates {@code listing} finds, as {@code register export --format csv} writes them (its header, a row
     * per certificate, by number), streamed as the download {@code register.csv}: the whole register's export, and
     * the register page's export of what its filters find.
     */
    public void certificatesCsv(Context ctx, Listing listing) {
        csv(ctx, "register.csv", listing, RegisterFormats.certificatesCsvHeader(), RegisterFormats::certificateCsv);
    }

    /** A CSV download {@code file}: its header, then the rows {@code rows} writes for each certificate found. */
    private void csv(Context ctx, String file, Listing listing, String header,
            java.util.function.Function<CertificateView, String> rows) {
        stream(ctx, CSV + "; charset=utf-8; header=present", file, out -> {
            out.write(header);
            register.forEach(listing, false, c -> {
                try {
                    out.write(rows.apply(c));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }

    /** The two decisions taken on an assessment, as {@code register surveil} and {@code register reevaluate}. */
    private enum Decision { SURVEILLANCE, REEVALUATION }

    /**
     * Applies the assessment in the body (JSON, YAML or a filled xlsx form) to the certificate by its scheme's
     * rules, recorded as by the caller; answers the certificate with its history, the decision last.
     */
    private void decide(Context ctx, Caller who, Decision decision) throws IOException {
        Negotiation.choose(ctx.header("Accept"), JSON);
        EvaluationOptions options = GradingRoutes.options(ctx);
        LocalDate date = ctx.queryParam("date") == null ? null : date("date", ctx.queryParam("date"));
        Optional<SurveillanceRules.Action> onSerious = onSerious(ctx.queryParam("onSerious"));
        String name = ctx.queryParam("name") == null ? BODY : ctx.queryParam("name");
        checkName(name);
        CertificateView certificate = find(ctx);
        if (!schemes.containsKey(certificate.certificate().scheme())) {
            throw missing(certificate);
        }
        byte[] bytes = Bodies.read(ctx, maxRequestBytes);
        CertificateView after = decide(who, "http " + ctx.ip(), certificate, decision == Decision.REEVALUATION, name,
                Negotiation.mediaType(ctx.header("Content-Type")), bytes, options, date, onSerious);
        json(ctx, RegisterFormats.certificateJson(after, true));
    }

    /**
     * Applies an assessment (JSON, YAML or a filled xlsx form, as {@code mediaType} says) to {@code certificate} by
     * its scheme's rules, a surveillance or a full re-evaluation, recorded as by {@code who} and logged with
     * {@code origin}; the certificate after it. Refusals are the API's errors (400, 409, 415, 502).
     *
     * @param name      the file's name the history shows
     * @param date      the evaluation's date where the file states none, or {@code null}
     * @param onSerious what a serious event leads to where the standard says "suspend or revoke"
     */
    public CertificateView decide(Caller who, String origin, CertificateView certificate, boolean reevaluation,
            String name, String mediaType, byte[] bytes, EvaluationOptions options, LocalDate date,
            Optional<SurveillanceRules.Action> onSerious) throws IOException {
        checkName(name);
        String scheme = certificate.certificate().scheme();
        if (!schemes.containsKey(scheme)) {
            throw missing(certificate);
        }
        Assessment assessment = GradingRoutes.read(mediaType, bytes);
        EvaluationResult result;
        try {
            result = evaluator.evaluate(assessment, options);
        } catch (LocatedException e) {
            throw GradingRoutes.badInput(e);
        } catch (SchemeFailureException e) {
            throw new ApiError(502, "scheme-failed", e.getMessage());
        }
        CertificateView after = registered(BODY, () -> {
            EvaluatedAssessment evaluated = Evaluations.pick(name, bytes, assessment, result,
                    id -> Optional.ofNullable(schemes.get(id)), scheme, date, r -> Json.compact(JsonReport.scheme(r)))
                    .withReadings(options.readings()); // decided with the readings it was graded with, as the CLI does
            Register by = register.recordingAs(who.account());
            return reevaluation ? by.reevaluate(Long.toString(certificate.number()), evaluated, onSerious)
                    : by.surveil(Long.toString(certificate.number()), evaluated, onSerious);
        });
        log(origin, who, after);
        return after;
    }

    private static void checkName(String name) {
        if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw parameter("name", "name: the file's name for the history, 1 to 200 characters on one line");
        }
    }

    private static ApiError missing(CertificateView certificate) {
        return new ApiError(409, "scheme-missing", "certificate " + certificate.label() + " is of scheme "
                + certificate.certificate().scheme() + ", which is not installed in this service");
    }

    /** {@code suspend}, {@code revoke} or not given ({@code null}); 400 {@code bad-parameter} for anything else. */
    public static Optional<SurveillanceRules.Action> onSerious(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value) {
            case "suspend" -> Optional.of(SurveillanceRules.Action.SUSPEND);
            case "revoke" -> Optional.of(SurveillanceRules.Action.REVOKE);
            default -> throw parameter("onSerious", "onSerious: '" + value + "' is not suspend or revoke");
        };
    }

    /** {@code register incident N --type T --date D --note TEXT}, from {@code {type, date, note}}. */
    private void incident(Context ctx, Caller who) throws IOException {
        Negotiation.choose(ctx.header("Accept"), JSON);
        JsonNode body = jsonBody(ctx);
        String type = text(body, "type", true, 100);
        String dateText = text(body, "date", true, 10);
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "bad-input", "date: '" + dateText + "' is not a date like 2026-11-20", BODY, null);
        }
        String note = text(body, "note", false, 10_000);
        json(ctx, RegisterFormats.certificateJson(incident(who, "http " + ctx.ip(), find(ctx), type, date, note),
                true));
    }

    /**
     * Notes an incident against {@code certificate} as {@code register incident} does, recorded as by {@code who} and
     * logged with {@code origin}; the certificate after it. The register's refusals are the API's errors: a type the
     * scheme does not declare (400, naming the ones it does), a date after today or before the issue, a revoked
     * certificate (409), a note over 10,000 characters (400).
     */
    public CertificateView incident(Caller who, String origin, CertificateView certificate, String type,
            LocalDate date, String note) {
        String scheme = certificate.certificate().scheme();
        CertificateView after = registered(BODY, () -> register.recordingAs(who.account()).incident(
                Long.toString(certificate.number()), c -> variant(c).orElseThrow(() -> new ApiError(409,
                        "scheme-missing", "certificate " + c.label() + " is of " + scheme + ", which is not installed"
                                + " in this service")), type, date, note));
        log(origin, who, after);
        return after;
    }

    private Optional<Variant> variant(CertificateView c) {
        return Optional.ofNullable(schemes.get(c.certificate().scheme())).flatMap(s -> s.variant(c.certificate()
                .variant()));
    }

    private void log(String origin, Caller who, CertificateView after) {
        var e = after.current();
        changes.record(new Accounts.Actor(who.account(), origin), e.kind().key() + " of certificate "
                + after.label() + " recorded as entry #" + e.seq() + ": " + e.decision() + ", now " + e.state().key()
                + " " + e.grade());
    }

    /** The certificate the path names, by number or reference; 404 {@code no-such-certificate} when none. */
    private CertificateView find(Context ctx) {
        return find(register, ctx.pathParam("number"));
    }

    /**
     * The certificate {@code key} names, by number or reference, with its history; 404 {@code no-such-certificate}
     * when none, the register's refusals answered in the API's words.
     */
    public static CertificateView find(Register register, String key) {
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw new ApiError(404, "no-such-certificate", "no certificate '" + shortened(key) + "' in the register");
        }
        return registered("path", () -> register.find(key));
    }

    private static String shortened(String key) {
        return key.length() > 60 ? key.substring(0, 60) + "…" : key;
    }

    /** What the register does, its refusals answered in the API's words. */
    private static <T> T registered(String source, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (RegisterException e) {
            throw refusal(e, source);
        }
    }

    private static ApiError refusal(RegisterException e, String source) {
        return switch (e.kind()) {
            case NOT_FOUND -> new ApiError(404, "no-such-certificate", e.getMessage()
                    .replace(" ('register list' shows them)", "; GET /api/v1/certificates lists them"));
            // a lifecycle rule: revoked, a date before the last evaluation, an incident the file leaves out
            case REFUSED -> new ApiError(409, "register-refused", e.getMessage());
            // the file cannot be applied to the certificate: another scheme, no date, a part not found
            case INPUT -> new ApiError(400, "bad-input", e.getMessage(), source, null);
            case DATABASE -> new ApiError(503, "register-unavailable", e.getMessage());
        };
    }

    /** A date like 2026-11-20; 400 {@code bad-parameter} naming {@code parameter} for anything else. */
    public static LocalDate date(String parameter, String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw parameter(parameter, parameter + ": '" + value + "' is not a date like 2026-11-20");
    }

    /** 400 {@code bad-parameter}, its place the query parameter. */
    private static ApiError parameter(String name, String message) {
        return new ApiError(400, "bad-parameter", message, "query parameter " + name, null);
    }

    private JsonNode jsonBody(Context ctx) throws IOException {
        byte[] bytes = Bodies.read(ctx, maxRequestBytes);
        if (!Negotiation.mediaType(ctx.header("Content-Type")).equals(JSON)) {
            throw new ApiError(415, "unsupported-media-type", "send the body as application/json");
        }
        try {
            // the located reader says where a syntax error is, and bounds depth and size; Jackson then gives the tree
            LocatedReader.read(new ByteArrayInputStream(bytes), LocatedReader.Syntax.JSON);
        } catch (LocatedReader.ParseException e) {
            throw new ApiError(400, "bad-input", e.getMessage(), BODY, e.position());
        }
        JsonNode node = MAPPER.readTree(bytes);
        if (node == null || !node.isObject()) {
            throw new ApiError(400, "bad-input", "the body is not a JSON object", BODY, null);
        }
        return node;
    }

    private static String text(JsonNode body, String field, boolean required, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ApiError(400, "bad-input", field + ": missing", BODY, null);
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > max || v.asText().indexOf('\0') >= 0) {
            throw new ApiError(400, "bad-input", field + ": a text of 1 to " + max + " characters without NUL is needed",
                    BODY, null);
        }
        return v.asText();
    }

    private static void json(Context ctx, JsonNode node) {
        ctx.contentType(JSON + "; charset=utf-8").result(Json.prettyBytes(node));
    }

    /** What writes an answer a piece at a time. */
    @FunctionalInterface
    private interface Body {
        void write(Writer out) throws IOException;
    }

    /**
     * Writes the answer as it is made, a certificate at a time. A failure before anything is sent is answered as
     * any error; after, the connection is cut (no last chunk), so that a client never takes a part for the whole.
     */
    private static void stream(Context ctx, String contentType, String fileName, Body body) {
        ctx.contentType(contentType);
        if (fileName != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        try {
            body.write(out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                // nothing sent yet: answered as any error
                ctx.res().setHeader("Content-Disposition", null);
                if (e instanceof RegisterException r) {
                    throw refusal(r, "register");
                }
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            LOG.warn("{} {} cut short after its answer began: {}", ctx.method(), ctx.path(), e.toString());
            org.eclipse.jetty.server.Request.getBaseRequest(ctx.req()).getHttpChannel().abort(e);
        }
    }
}
