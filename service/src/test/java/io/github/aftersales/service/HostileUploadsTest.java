package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checked-in hostile files (app/src/test/resources/hostile: aliases, tags, nesting, NaN, non-UTF-8, a workbook
 * in a compression the reader refuses) and every kept fuzz input of the readers, sent to the API as a client
 * would: to the stateless evaluation and as a save of a stored assessment. Each is answered in the one error shape,
 * never 5xx, never a stack trace, and a refused save writes nothing.
 */
class HostileUploadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestService service;
    private static long stored;

    @BeforeAll
    static void start() throws Exception {
        service = new TestService();
        HttpResponse<String> r = service.send(service.request("/api/v1/assessments", "manager-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"scheme\": \"gbt27922\", \"organisation\": \"Co.\", \"assignedTo\": \"zhang\"}")).build());
        stored = JSON.readTree(r.body()).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Stream<Path> corpus() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("../app/src/test/resources/hostile",
                "../core/src/test/resources/io/github/aftersales/core/fuzz/ReaderFuzzTestInputs/json",
                "../core/src/test/resources/io/github/aftersales/core/fuzz/ReaderFuzzTestInputs/yaml",
                "../forms/src/test/resources/io/github/aftersales/forms/xlsx/XlsxFuzzTestInputs/xlsx")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.sorted().forEach(all::add);
            }
        }
        assertThat(all).hasSizeGreaterThan(25); // a moved folder must not pass
        return all.stream();
    }

    private static String type(Path file) {
        String name = file.toString();
        String parent = file.getParent().getFileName().toString();
        if (name.endsWith(".xlsx") || parent.equals("xlsx")) {
            return GradingRoutes.XLSX;
        }
        return name.endsWith(".yaml") || parent.equals("yaml") ? GradingRoutes.YAML : GradingRoutes.JSON;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachIsAnsweredInTheOneShapeAndNothingIsSaved(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        HttpResponse<String> graded = service.send(service.request("/api/v1/evaluations", "auditor-token")
                .header("Content-Type", type(file)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        assertAnswered(graded);

        HttpResponse<String> saved = service.send(service.request("/api/v1/assessments/" + stored, "auditor-token")
                .header("Content-Type", type(file)).header("If-Match", "*").PUT(HttpRequest.BodyPublishers
                        .ofByteArray(bytes)).build());
        assertAnswered(saved);
        if (file.getParent().getFileName().toString().equals("hostile")) {
            assertThat(saved.statusCode()).as(saved.body()).isBetween(400, 499);
            JsonNode now = JSON.readTree(service.send(service.request("/api/v1/assessments/" + stored, "auditor-token")
                    .build()).body());
            assertThat(now.get("revision").asInt()).as("nothing saved").isEqualTo(1);
        }
    }

    private static void assertAnswered(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isLessThan(500);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        if (r.statusCode() >= 400) {
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.get("status").asInt()).isEqualTo(r.statusCode());
            assertThat(error.get("code").asText()).matches("[a-z0-9-]+");
            assertThat(error.get("message").asText()).isNotBlank();
            if (error.has("place")) {
                assertThat(error.at("/place/source").asText()).isEqualTo("request body");
            }
        }
    }
}
