package io.github.aftersales.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentFormat;
import io.github.aftersales.core.assessment.AssessmentFormats;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Evaluator;
import io.github.aftersales.core.evaluation.SchemeFailureException;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.Messages;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.core.template.Templates;
import io.github.aftersales.reports.HtmlReport;
import io.github.aftersales.reports.Json;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.reports.Labels;
import io.github.aftersales.reports.MarkdownReport;
import io.github.aftersales.spi.NotApplicablePolicy;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stateless routes: the installed schemes, blank templates, and grading an assessment sent in the
 * request (JSON, YAML or a filled xlsx form in; the result contract, or an HTML or Markdown report, out).
 */
public final class GradingRoutes {

    public static final String JSON = "application/json";
    public static final String YAML = "application/yaml";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String HTML = "text/html";
    static final String MARKDOWN = "text/markdown";

    private final SchemeRegistry registry;
    private final Map<String, Scheme> schemes;
    private final Evaluator evaluator;
    private final long maxRequestBytes;

    public GradingRoutes(SchemeRegistry registry, Map<String, Scheme> schemes, Evaluator evaluator, long maxRequestBytes) {
        this.registry = registry;
        this.schemes = schemes;
        this.evaluator = evaluator;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** The routes, each with its rule: any signed-in account may read the schemes and grade. */
    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/schemes", Access.signedIn(), "List the installed schemes and their variants",
                        (ctx, caller) -> json(ctx, schemes())),
                Route.get("/api/v1/schemes/{scheme}/variants/{variant}/template", Access.signedIn(),
                        "Get a blank assessment for a variant", (ctx, caller) -> template(ctx)),
                Route.post("/api/v1/evaluations", Access.signedIn(), "Grade an assessment sent in the request",
                        (ctx, caller) -> evaluate(ctx)));
    }

    private ArrayNode schemes() {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (SchemeRegistry.Installed installed : registry.installed()) {
            Scheme s = installed.scheme();
            ObjectNode one = all.addObject();
            one.put("id", s.id());
            one.put("version", s.version());
            one.put("title", s.title());
            one.put("titleEn", s.titleEn());
            ArrayNode variants = one.putArray("variants");
            List<Variant> list = variantsOf(s);
            for (int n = 0; n < list.size(); n++) {
                Variant v = list.get(n);
                ObjectNode variant = variants.addObject();
                variant.put("id", v.id());
                variant.put("title", v.title());
                variant.put("titleEn", v.titleEn());
                variant.put("default", n == 0);
                if (v.combining()) {
                    ArrayNode parts = variant.putArray("combines");
                    v.combines().forEach(p -> parts.add(p.toString()));
                }
            }
        }
        return all;
    }

    private void template(Context ctx) throws IOException {
        Scheme scheme = schemes.get(ctx.pathParam("scheme"));
        if (scheme == null) {
            throw new ApiError(404, "no-such-scheme", Messages.unknownScheme(ctx.pathParam("scheme"), schemes.keySet()));
        }
        Variant variant = variantsOf(scheme).stream().filter(v -> v.id().equals(ctx.pathParam("variant"))).findFirst()
                .orElseThrow(() -> new ApiError(404, "no-such-variant", Messages.unknownVariant(scheme,
                        ctx.pathParam("variant"))));
        String type = Negotiation.choose(ctx.header("Accept"), JSON, YAML, XLSX);
        try {
            if (type.equals(XLSX)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                xlsx().writeTemplate(scheme, variant, id -> Optional.ofNullable(schemes.get(id)), bytes);
                ctx.header("Content-Disposition", "attachment; filename=\"" + scheme.id() + "-" + variant.id() + ".xlsx\"");
                ctx.contentType(XLSX).result(bytes.toByteArray());
                return;
            }
            ObjectNode blank = Templates.blank(scheme, variant, id -> Optional.ofNullable(schemes.get(id)));
            if (type.equals(YAML)) {
                ctx.contentType(YAML + "; charset=utf-8").result(Json.yaml(blank));
            } else {
                json(ctx, blank);
            }
        } catch (IllegalArgumentException e) {
            // a combining variant whose parts are not all installed
            throw new ApiError(409, "scheme-missing", e.getMessage());
        } catch (SchemeFailureException e) {
            throw new ApiError(502, "scheme-failed", registry.describe(e));
        }
    }

    private void evaluate(Context ctx) throws IOException {
        String answer = Negotiation.choose(ctx.header("Accept"), JSON, HTML, MARKDOWN);
        Labels labels = labels(ctx.queryParam("lang"));
        EvaluationOptions options = options(ctx);
        List<String> readings = ctx.queryParams("reading");
        if (!readings.isEmpty()) {
            try {
                options = new EvaluationOptions(options.notApplicable(), options.missingAsZero(),
                        io.github.aftersales.core.evaluation.ReadingValues.parse(readings, schemes.values(),
                                options.notApplicable(), "reading", "notApplicable"));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "bad-parameter", e.getMessage());
            }
        }
        byte[] body = Bodies.read(ctx, maxRequestBytes);
        Assessment assessment = read(Negotiation.mediaType(ctx.header("Content-Type")), body);
        EvaluationResult result;
        try {
            result = evaluator.evaluate(assessment, options).withInput(body); // the body's bytes are the input graded
        } catch (LocatedException e) {
            throw badInput(e);
        } catch (SchemeFailureException e) {
            throw new ApiError(502, "scheme-failed", registry.describe(e));
        }
        switch (answer) {
            case HTML -> ctx.contentType(HTML + "; charset=utf-8").result(HtmlReport.of(List.of(result), labels,
                    s -> Optional.ofNullable(schemes.get(s.scheme())).flatMap(sc -> sc.variant(s.variant()))));
            case MARKDOWN -> ctx.contentType(MARKDOWN + "; charset=utf-8").result(MarkdownReport.of(result, labels));
            default -> json(ctx, JsonReport.assessment(result));
        }
    }

    private static final String BODY = "request body";

    /**
     * The assessment in a request body of {@code contentType} (JSON, YAML or a filled xlsx form), named
     * {@code request body} in messages and places; 400, 413 or 415 when it cannot be read.
     */
    public static Assessment read(String contentType, byte[] body) throws IOException {
        try {
            return switch (contentType) {
                case JSON -> AssessmentReader.read(body, BODY, LocatedReader.Syntax.JSON, 0);
                case YAML, "application/x-yaml", "text/yaml" ->
                        AssessmentReader.read(new ByteArrayInputStream(body), BODY, LocatedReader.Syntax.YAML);
                case XLSX -> readXlsx(body);
                case "" -> throw new ApiError(415, "unsupported-media-type", "say what the request body is with"
                        + " Content-Type: " + JSON + ", " + YAML + " or " + XLSX);
                default -> throw new ApiError(415, "unsupported-media-type", "a request body of type " + contentType
                        + " is not read; send " + JSON + ", " + YAML + " or " + XLSX);
            };
        } catch (LocatedException e) {
            throw badInput(e);
        }
    }

    /**
     * What a workbook may unpack to: a form is well under 1 MiB unpacked. The reader's own defences (POI's
     * inflation ratio and entry size limits) still let 16 MiB of upload grow to gigabytes.
     */
    static final long MAX_XLSX_UNPACKED = 64L << 20;
    /** Workbooks read at once: each can take a few hundred MiB of heap while POI holds it. */
    private static final java.util.concurrent.Semaphore XLSX_READS = new java.util.concurrent.Semaphore(2);

    /** The form reader reads files: the upload goes to a file only this process may read, removed after. */
    private static Assessment readXlsx(byte[] body) throws IOException {
        Path file = Files.createTempFile("upload-", ".xlsx",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        boolean acquired = false;
        try {
            refuseLargeUnpacked(body);
            Files.write(file, body);
            try {
                acquired = XLSX_READS.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!acquired) {
                throw new ApiError(503, "busy", "other workbooks are being read; send it again in a moment");
            }
            try {
                // named as the upload: the temporary file's name would show in messages and in the result
                return xlsx().read(file).withSource(BODY);
            } catch (LocatedException e) {
                // the message names the temporary file: name the request body instead, keeping the place
                throw new LocatedException(BODY, e.position(), e.problem());
            }
        } finally {
            if (acquired) {
                XLSX_READS.release();
            }
            Files.deleteIfExists(file);
        }
    }

    /**
     * Refuses a workbook that unpacks to more than {@link #MAX_XLSX_UNPACKED}, counting the bytes it really
     * inflates to (what its zip declares can lie), before the form reader holds any of it.
     */
    private static void refuseLargeUnpacked(byte[] body) {
        long total = 0;
        byte[] buffer = new byte[64 << 10];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(body))) {
            while (zip.getNextEntry() != null) {
                for (int n; (n = zip.read(buffer)) > 0;) {
                    total += n;
                    if (total > MAX_XLSX_UNPACKED) {
                        throw new ApiError(413, "too-large", "the workbook unpacks to more than " + (MAX_XLSX_UNPACKED >> 20)
                                + " MiB; a filled form is well under 1 MiB", BODY, null);
                    }
                }
            }
        } catch (IOException e) {
            // not a zip the JDK reads whole: the form reader says what it is, with its own message
        }
    }

    /** A problem in the input, with its place. */
    public static ApiError badInput(LocatedException e) {
        return new ApiError(400, "bad-input", e.problem(), e.source(), e.position());
    }

    private static AssessmentFormat xlsx() {
        // the forms module, found by ServiceLoader: the application is built with it, so its absence is a defect
        return AssessmentFormats.find("xlsx").orElseThrow(() -> new IllegalStateException(AssessmentFormats.missing("xlsx")));
    }

    private List<Variant> variantsOf(Scheme scheme) {
        try {
            return scheme.variants();
        } catch (SchemeFailureException e) {
            throw new ApiError(502, "scheme-failed", registry.describe(e));
        }
    }

    private static Labels labels(String lang) {
        try {
            return Labels.parse(lang == null ? "both" : lang);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "bad-parameter", "lang: " + e.getMessage());
        }
    }

    /** The scoring options of the query, {@code notApplicable} and {@code missingAsZero}, as on the command line. */
    public static EvaluationOptions options(Context ctx) {
        return options(ctx.queryParam("notApplicable"), ctx.queryParam("missingAsZero"));
    }

    /**
     * The scoring options {@code --not-applicable} and {@code --missing-as-zero} as given ({@code null}: not given);
     * 400 {@code bad-parameter} for a value that is not one.
     */
    public static EvaluationOptions options(String reading, String zero) {
        NotApplicablePolicy policy = null;
        if (reading != null) {
            policy = NotApplicablePolicy.fromKey(reading).orElseThrow(() -> new ApiError(400, "bad-parameter",
                    "notApplicable: '" + reading + "' is not one of prorate, full-points"));
        }
        if (zero != null && !zero.equals("true") && !zero.equals("false")) {
            throw new ApiError(400, "bad-parameter", "missingAsZero: '" + zero + "' is not true or false");
        }
        return new EvaluationOptions(policy, "true".equals(zero));
    }

    private static void json(Context ctx, com.fasterxml.jackson.databind.JsonNode node) {
        ctx.contentType(JSON + "; charset=utf-8").result(Json.prettyBytes(node));
    }
}
