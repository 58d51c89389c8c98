package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clauses are listed in the standard's order wherever they are listed, though a category's clauses and
 * sub-categories are two lists in the catalog: CQM 4.1.1 prints 4.1.1.1, then the groups 4.1.1.2 and
 * 4.1.1.3, then 4.1.1.4; 4.2 prints the group 4.2.1 before the item 4.2.2.
 */
class ClauseOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Every item a CQM form asks about, as CQM/F-RZ-ZY-06-001 prints them (copied from its text, groups
     * such as 4.1.1.2 left out: the auditor answers their items).
     */
    private static final List<String> CQM_ITEMS = List.of(
            "4.1.1", "4.1.1.1", "4.1.1.2.1", "4.1.1.2.2", "4.1.1.2.3", "4.1.1.2.4", "4.1.1.2.5", "4.1.1.2.6",
            "4.1.1.3.1", "4.1.1.3.2", "4.1.1.4",
            "4.1.2", "4.1.2.1", "4.1.2.2", "4.1.2.3", "4.1.2.4", "4.1.2.5",
            "4.1.3", "4.1.3.1", "4.1.3.2",
            "4.1.4", "4.1.4.1", "4.1.4.2", "4.1.4.3", "4.1.4.4", "4.1.4.5", "4.1.4.6",
            "4.1.5", "4.1.5.1", "4.1.5.2",
            "4.1.6", "4.1.6.1", "4.1.6.2", "4.1.6.3",
            "4.1.7", "4.1.7.1", "4.1.7.2", "4.1.7.3", "4.1.7.4", "4.1.7.5", "4.1.7.6",
            "4.1.8", "4.1.8.1", "4.1.8.2", "4.1.8.3",
            "4.2.1.1", "4.2.1.2", "4.2.1.3", "4.2.2", "4.2.3.1", "4.2.3.2", "4.2.3.3",
            "4.2.4.1", "4.2.4.2", "4.2.4.3", "4.2.4.4", "4.2.4.5", "4.2.5", "4.2.6",
            "4.2.7.1", "4.2.7.2", "4.2.7.3.1", "4.2.7.3.2", "4.2.7.3.3", "4.2.7.3.4");

    @TempDir
    Path dir;

    @Test
    void theCqmTemplateListsItsItemsInTheStandardsOrder() throws Exception {
        CliRun r = CliRun.of("template", "--scheme", "cqm", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.out()).at("/schemes/0/findings").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(CQM_ITEMS);
    }

    @Test
    void theCqmFormListsItsItemsInTheStandardsOrder() throws Exception {
        Path form = dir.resolve("cqm.xlsx");
        CliRun r = CliRun.of("template", "--scheme", "cqm", "--format", "xlsx", "-o", form.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> ids = new ArrayList<>();
        String sheetName;
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("cqm"); // the form's sheet, named after its scheme (the first is "about")
            sheetName = sheet.getSheetName();
            for (Row row : sheet) {
                Cell id = row.getCell(9); // 编号 Id
                if (id != null && id.getStringCellValue().matches("4\\.[12](\\.\\d+)+")) {
                    ids.add(id.getStringCellValue());
                }
            }
        }
        assertThat(ids).containsExactlyElementsOf(CQM_ITEMS);

        // as a user sees the sheet: LibreOffice's rows, top to bottom
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")),
                "LibreOffice is not installed (.ci/run installs libreoffice-calc)");
        Path out = Files.createDirectories(dir.resolve("csv"));
        Process lo = new ProcessBuilder("/usr/bin/soffice", "-env:UserInstallation=file://" + dir.resolve("lo-profile"),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", out.toString(),
                form.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(lo.waitFor(3, TimeUnit.MINUTES)).isTrue();
        List<String> shown = new ArrayList<>();
        for (List<String> row : XlsxTest.csv(Files.readString(out.resolve("cqm-" + sheetName + ".csv")))) {
            if (row.size() > 9 && row.get(9).matches("4\\.[12](\\.\\d+)+")) {
                shown.add(row.get(9));
            }
        }
        assertThat(shown).containsExactlyElementsOf(CQM_ITEMS);
    }

    @Test
    void aReportListsTheFailedItemsInTheStandardsOrder() throws Exception {
        ObjectNode assessment = (ObjectNode) JSON.readTree(Path.of("examples", "cqm", "cqm-five-star.json").toFile());
        ArrayNode findings = (ArrayNode) assessment.at("/schemes/0/findings");
        for (String id : List.of("4.1.1.4", "4.1.1.2.3", "4.2.2", "4.2.1.1")) {
            findings.addObject().put("id", id).put("result", "not-conform").put("note", "missing");
        }
        Path file = dir.resolve("cqm.json");
        JSON.writeValue(file.toFile(), assessment);

        CliRun text = CliRun.of("evaluate", "--format", "text", "--lang", "en", file.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        String failed = text.out().substring(text.out().indexOf("Checklist items not conforming"));
        List<String> listed = new ArrayList<>();
        for (String line : failed.split("\n")) {
            if (line.matches("    4\\.\\S+  .*")) {
                listed.add(line.trim().split(" ")[0]);
            }
        }
        assertThat(listed).containsExactly("4.1.1.2.3", "4.1.1.4", "4.1.2.3", "4.2.1.1", "4.2.2");

        CliRun json = CliRun.of("evaluate", "--format", "json", file.toString());
        List<String> clauses = new ArrayList<>();
        for (JsonNode c : JSON.readTree(json.out()).at("/assessments/0/schemes/0/clauses")) {
            clauses.add(c.get("id").asText());
        }
        // the groups are items of the checklist too (a result and a note each), where the standard prints them
        assertThat(clauses.subList(8, 20)).containsExactly("4.1.1.1", "4.1.1.2", "4.1.1.2.1", "4.1.1.2.2", "4.1.1.2.3",
                "4.1.1.2.4", "4.1.1.2.5", "4.1.1.2.6", "4.1.1.3", "4.1.1.3.1", "4.1.1.3.2", "4.1.1.4");
        assertThat(clauses.subList(clauses.indexOf("4.2.1"), clauses.indexOf("4.2.3"))).containsExactly("4.2.1",
                "4.2.1.1", "4.2.1.2", "4.2.1.3", "4.2.2");
    }
}
