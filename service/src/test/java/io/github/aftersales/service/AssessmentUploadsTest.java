package io.github.aftersales.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aftersales.reports.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stored assessment saved as an auditor would from the field: as YAML, or as the xlsx form they filled offline.
 * The form's statements go into the stored assessment, whose template guidance stays, and grade as the same
 * assessment sent as JSON.
 */
class AssessmentUploadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("..", "examples", "gbt27922-form.json");
    private static final int RESULT = 4;
    private static final int SCORE = 5;
    private static final int EVIDENCE = 6;
    private static final int NOTE = 7;
    private static final int ID = 9;
    private static TestService service;

    @BeforeAll
    static void start() {
        service = new TestService();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static long newAssessment(String organisation) throws Exception {
        HttpResponse<String> r = service.send(service.request("/api/v1/assessments", "manager-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        JSON.createObjectNode().put("scheme", "gbt27922").put("variant", "form")
                                .put("organisation", organisation).put("assignedTo", "zhang").toString())).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asLong();
    }

    private static HttpResponse<String> save(long id, int revision, String type, byte[] body) throws Exception {
        return service.send(service.request("/api/v1/assessments/" + id, "auditor-token").header("Content-Type", type)
                .header("If-Match", "\"" + revision + "\"").PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** The blank form from the API, filled with the example's findings as an auditor would in a spreadsheet. */
    private static byte[] filledForm(String organisation) throws Exception {
        HttpResponse<byte[]> blank = service.sendForBytes(service.request(
                "/api/v1/schemes/gbt27922/variants/form/template", "auditor-token").header("Accept", GradingRoutes.XLSX)
                .build());
        assertThat(blank.statusCode()).isEqualTo(200);
        JsonNode example = JSON.readTree(EXAMPLE.toFile());
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(blank.body()))) {
            Sheet sheet = wb.getSheet("gbt27922");
            sheet.getRow(1).getCell(2).setCellValue(organisation);
            sheet.getRow(2).getCell(2).setCellValue(example.get("date").asText());
            for (JsonNode f : example.at("/schemes/0/findings")) {
                Row row = rowOf(sheet, f.get("id").asText());
                row.getCell(RESULT).setCellValue(switch (f.path("result").asText("")) {
                    case "conform" -> "符合";
                    case "not-conform" -> "不符合";
                    case "not-applicable" -> "不适用";
                    default -> "";
                });
                if (f.hasNonNull("score")) {
                    row.getCell(SCORE).setCellValue(f.get("score").asDouble());
                }
                if (f.hasNonNull("note")) {
                    row.getCell(NOTE).setCellValue(f.get("note").asText());
                }
                if (f.has("evidence") && f.get("evidence").size() > 0) {
                    row.getCell(EVIDENCE).setCellValue(f.get("evidence").get(0).asText());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static Row rowOf(Sheet sheet, String id) {
        for (Row row : sheet) {
            if (row.getCell(ID) != null && id.equals(row.getCell(ID).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id);
    }

    @Test
    void aFilledFormGoesIntoTheAssessmentAndGradesAsTheSameAssessmentInJson() throws Exception {
        JsonNode example = JSON.readTree(EXAMPLE.toFile());
        String organisation = example.get("organisation").asText();
        long id = newAssessment(organisation);
        HttpResponse<String> saved = save(id, 1, GradingRoutes.XLSX, filledForm(organisation));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode stored = JSON.readTree(saved.body());
        assertThat(stored.get("revision").asInt()).isEqualTo(2);

        HttpResponse<String> direct = service.send(service.request("/api/v1/evaluations", "auditor-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofFile(EXAMPLE)).build());
        JsonNode expected = JSON.readTree(direct.body()).at("/schemes/0");
        JsonNode got = stored.at("/result/schemes/0");
        assertThat(got.get("grade").asText()).isEqualTo(expected.get("grade").asText());
        assertThat(got.get("total").decimalValue()).isEqualByComparingTo(expected.get("total").decimalValue());
        assertThat(got.get("grade").asText()).isNotBlank();

        // what the auditor stated is stored; what the template gave stays
        JsonNode first = stored.at("/assessment/schemes/0/findings/0");
        assertThat(first.get("id").asText()).isEqualTo("5.1.1.1");
        assertThat(first.get("title").asText()).startsWith("设立或指定专门从事售后服务工作的部门");
        assertThat(first.get("points").asInt()).isEqualTo(1);
        assertThat(first.get("result").asText()).isEqualTo("conform");
        assertThat(first.get("evidence").get(0).asText()).isEqualTo("见证明材料清单 see evidence list");
        assertThat(stored.at("/assessment/date").asText()).isEqualTo("2026-11-20");
        assertThat(stored.at("/assessment/schemes/0/options/notApplicable").asText()).isEqualTo("prorate");
    }

    @Test
    void aFormThatLeavesTheOrganisationBlankKeepsTheAssessmentsOwn() throws Exception {
        long id = newAssessment("甲公司 (Company A)");
        HttpResponse<String> saved = save(id, 1, GradingRoutes.XLSX, filledForm(""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(JSON.readTree(saved.body()).at("/assessment/organisation").asText()).isEqualTo("甲公司 (Company A)");
        assertThat(JSON.readTree(saved.body()).at("/assessment/date").asText()).isEqualTo("2026-11-20");
    }

    @Test
    void aFormOfAnotherOrganisationIsRefusedAndNothingIsSaved() throws Exception {
        long id = newAssessment("甲公司 (Company A)");
        HttpResponse<String> refused = save(id, 1, GradingRoutes.XLSX, filledForm("乙公司 (Company B)"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("message").asText())
                .startsWith("organisation: this assessment is of 甲公司 (Company A); a save keeps it");
        HttpResponse<String> read = service.send(service.request("/api/v1/assessments/" + id, "auditor-token").build());
        assertThat(JSON.readTree(read.body()).get("revision").asInt()).isEqualTo(1);
        HttpResponse<String> notAForm = save(id, 1, GradingRoutes.XLSX, "not a workbook".getBytes());
        assertThat(notAForm.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notAForm.body()).at("/place/source").asText()).isEqualTo("request body");
    }

    @Test
    void yamlIsSavedAsTheAssessmentItSaysAndItsErrorsHaveTheirPlace() throws Exception {
        long id = newAssessment("丙公司 (Company C)");
        JsonNode read = JSON.readTree(service.send(service.request("/api/v1/assessments/" + id, "auditor-token").build())
                .body());
        ObjectNode content = (ObjectNode) read.get("assessment").deepCopy();
        content.put("assessor", "王五 (auditor)");
        HttpResponse<String> saved = save(id, 1, GradingRoutes.YAML, Json.yaml(content).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode stored = JSON.readTree(saved.body());
        assertThat(stored.at("/assessment/assessor").asText()).isEqualTo("王五 (auditor)");
        assertThat(stored.get("assessment")).isEqualTo(content);

        HttpResponse<String> broken = save(id, 2, GradingRoutes.YAML, "organisation: 丙公司\nschemes: [\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(broken.body());
        assertThat(error.at("/place/source").asText()).isEqualTo("request body");
        // the flow sequence opened at the end of line 2 has no item
        assertThat(error.at("/place/line").asInt()).isEqualTo(2);
        assertThat(error.at("/place/column").asInt()).isEqualTo(11);
        HttpResponse<String> aList = save(id, 2, GradingRoutes.YAML, "- 1\n- 2\n".getBytes());
        assertThat(aList.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(aList.body()).get("message").asText()).isEqualTo("the body is not a YAML mapping");

        HttpResponse<String> text = save(id, 2, "text/plain", "hello".getBytes());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(text.body()).get("code").asText()).isEqualTo("unsupported-media-type");
    }
}
