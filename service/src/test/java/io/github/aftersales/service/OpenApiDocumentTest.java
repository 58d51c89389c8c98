package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.json against the service: every route documented with its summary and access rule, nothing
 * documented that is not served, every example valid against its schema, and real answers valid against the
 * schemas the document names (the CLI's published ones included).
 */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiSchemas SCHEMAS = new OpenApiSchemas();
    private static JsonNode document;
    private static TestService service;

    @BeforeAll
    static void start() throws Exception {
        document = SCHEMAS.document();
        service = new TestService();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theServedDocumentIsTheOneInDocs() throws Exception {
        HttpResponse<String> r = service.send(service.request("/api/v1/openapi.json", null).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body())).isEqualTo(document);
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void everyRouteIsDocumentedWithItsSummaryAndRuleAndNothingElseIs() {
        List<String> documented = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        List<String> served = service.routes.stream().map(Route::toString).toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
        for (Route route : service.routes) {
            JsonNode op = document.at("/paths/" + route.path().replace("/", "~1") + "/"
                    + route.method().name().toLowerCase(Locale.ROOT));
            assertThat(op.get("summary").asText()).as(route.toString()).isEqualTo(route.summary());
            assertThat(op.get("x-access").asText()).as(route.toString()).isEqualTo(route.access().toString());
            // a route anyone may call says so to OpenAPI tools too; the others need the token
            assertThat(op.has("security") && op.get("security").isEmpty()).as(route.toString())
                    .isEqualTo(route.access() instanceof Access.Anyone);
        }
    }

    @Test
    void everyExampleIsValidAgainstItsSchema() throws Exception {
        List<JsonNode[]> examples = new ArrayList<>();
        collect(document, examples);
        assertThat(examples).isNotEmpty();
        for (JsonNode[] pair : examples) {
            assertThat(schema(pair[0]).validate(pair[1])).as(pair[1].toString()).isEmpty();
        }
    }

    @Test
    void realAnswersAreValidAgainstTheSchemasTheDocumentNames() throws Exception {
        byte[] form = Files.readAllBytes(Path.of("..", "examples", "gbt27922-form.json"));
        HttpResponse<String> result = service.send(service.request("/api/v1/evaluations", "auditor-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(form)).build());
        assertValid(result, "/paths/~1api~1v1~1evaluations/post/responses/200/content/application~1json/schema");
        HttpResponse<String> bad = service.send(service.request("/api/v1/evaluations", "auditor-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"x\": 1}")).build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertValid(bad, "/paths/~1api~1v1~1evaluations/post/responses/400/content/application~1json/schema");
        HttpResponse<String> schemes = service.send(service.request("/api/v1/schemes", "auditor-token").build());
        assertValid(schemes, "/paths/~1api~1v1~1schemes/get/responses/200/content/application~1json/schema");
        assertThat(JSON.readTree(schemes.body()).findValuesAsText("id")).contains("gbt27922", "cqm", "form", "star");
        HttpResponse<String> template = service.send(service.request("/api/v1/schemes/cqm/variants/star/template",
                "auditor-token").build());
        assertValid(template, "/paths/~1api~1v1~1schemes~1{scheme}~1variants~1{variant}~1template/get/responses/200"
                + "/content/application~1json/schema");
        HttpResponse<String> made = service.send(service.request("/api/v1/assessments", "auditor-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"scheme\": \"zg025-combined\", \"organisation\": \"示例电器有限公司 (Example Appliances Co., Ltd. —"
                                + " fictitious)\"}")).build());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertValid(made, "/components/schemas/StoredAssessment");
        long id = JSON.readTree(made.body()).get("id").asLong();
        HttpResponse<String> saved = service.send(service.request("/api/v1/assessments/" + id, "auditor-token")
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Path.of("..", "examples",
                        "zg025-combined.json")))).build());
        assertThat(JSON.readTree(saved.body()).get("result").isObject()).as(saved.body()).isTrue();
        assertValid(saved, "/components/schemas/StoredAssessment");
        assertValid(service.send(service.request("/api/v1/assessments", "auditor-token").build()),
                "/paths/~1api~1v1~1assessments/get/responses/200/content/application~1json/schema");
        HttpResponse<String> anonymous = service.send(service.request("/api/v1/schemes", null).build());
        assertValid(anonymous, "/components/responses/NotSignedIn/content/application~1json/schema");

        HttpResponse<String> signedIn = service.send(service.request("/api/v1/session", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"account\": \"zhang\", \"password\": \"" + TestService.password("zhang") + "\"}")).build());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(201);
        assertValid(signedIn, "/components/schemas/SignedIn");
        assertValid(service.send(service.request("/api/v1/session", "manager-token").build()),
                "/components/schemas/SignedIn");
        HttpResponse<String> wrong = service.send(service.request("/api/v1/session", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"account\": \"zhang\", \"password\": \"not it\"}")).build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertValid(wrong, "/paths/~1api~1v1~1session/post/responses/401/content/application~1json/schema");
    }

    private static void assertValid(HttpResponse<String> r, String schemaPointer) throws Exception {
        JsonNode schema = document.at(schemaPointer);
        assertThat(schema.isMissingNode()).as(schemaPointer).isFalse();
        assertThat(schema(schema).validate(JSON.readTree(r.body()))).as(r.body()).isEmpty();
    }

    /** Every (schema, example) of a media type in the document. */
    private static void collect(JsonNode node, List<JsonNode[]> into) {
        if (node.isObject()) {
            if (node.has("schema") && node.has("examples")) {
                node.get("examples").forEach(e -> into.add(new JsonNode[] {node.get("schema"), e.get("value")}));
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), into);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        }
    }

    private static JsonSchema schema(JsonNode schema) {
        return SCHEMAS.schema(schema);
    }
}
