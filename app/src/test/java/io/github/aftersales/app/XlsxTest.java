package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel forms: template → filled with POI → evaluate gives what the same findings give in JSON; bad cells. */
class XlsxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RESULT = 4;
    private static final int SCORE = 5;
    private static final int EVIDENCE = 6;
    private static final int NOTE = 7;
    private static final int ID = 9;

    @TempDir
    Path dir;
    Path form;

    @BeforeEach
    void template() {
        form = dir.resolve("form.xlsx");
        CliRun r = CliRun.of("template", "--scheme", "gbt27922", "--format", "xlsx", "-o", form.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /** Fills the form with the findings of examples/gbt27922-form.json, as an auditor would in a spreadsheet. */
    private void fillFromExample() throws Exception {
        JsonNode example = JSON.readTree(Path.of("examples/gbt27922-form.json").toFile());
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("gbt27922");
            sheet.getRow(1).getCell(2).setCellValue(example.get("organisation").asText());
            sheet.getRow(2).getCell(2).setCellValue(example.get("date").asText());
            for (JsonNode f : example.at("/schemes/0/findings")) {
                Row row = rowOf(sheet, f.get("id").asText());
                String result = f.path("result").asText("");
                row.getCell(RESULT).setCellValue(switch (result) {
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
            save(wb);
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

    private void save(Workbook wb) throws Exception {
        Path tmp = dir.resolve("tmp.xlsx");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            wb.write(out);
        }
        Files.move(tmp, form, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void edit(String id, int column, Object value) throws Exception {
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            Row row = rowOf(wb.getSheet("gbt27922"), id);
            if (value instanceof Double d) {
                row.getCell(column).setCellValue(d);
            } else {
                row.getCell(column).setCellValue(value.toString());
            }
            save(wb);
        }
    }

    @Test
    void theTemplateIsAFormACertificationBodyCouldHandOut() throws Exception {
        try (InputStream in = Files.newInputStream(form); XSSFWorkbook wb = (XSSFWorkbook) WorkbookFactory.create(in)) {
            XSSFSheet sheet = wb.getSheet("gbt27922");
            assertThat(sheet.getProtect()).isTrue();
            assertThat(wb.isSheetHidden(wb.getSheetIndex("about"))).isTrue();
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(sheet.getRow(4).getCell(4).getStringCellValue()).startsWith("自评估结论");
            long clauses = 0;
            for (Row row : sheet) {
                if (row.getCell(ID) != null && row.getCell(ID).getStringCellValue().matches("5\\.\\d\\.\\d\\.\\d")) {
                    clauses++;
                    assertThat(row.getCell(RESULT).getCellStyle().getLocked()).isFalse();
                    assertThat(row.getCell(2).getCellStyle().getLocked()).isTrue();
                }
            }
            assertThat(clauses).isEqualTo(51);
            // a drop-down for each conclusion and a 0..points limit for each score
            assertThat(sheet.getDataValidations()).hasSize(102);
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(SCORE).getCellFormula()).startsWith("SUM(F6:F");
        }
    }

    @Test
    void aFilledFormEvaluatesLikeTheSameFindingsInJson() throws Exception {
        fillFromExample();
        CliRun xlsx = CliRun.of("evaluate", "--format", "json", form.toString());
        assertThat(xlsx.exit()).as(xlsx.err()).isZero();
        JsonNode fromXlsx = JSON.readTree(xlsx.out()).at("/assessments/0/schemes/0");
        JsonNode fromJson = JSON.readTree(CliRun.of("evaluate", "--format", "json", "examples/gbt27922-form.json").out())
                .at("/assessments/0/schemes/0");
        for (String key : new String[] {"score", "maxScore", "total", "percent", "stars", "grade", "reasons", "lostPoints"}) {
            if (key.equals("lostPoints")) {
                assertThat(ids(fromXlsx.get(key))).isEqualTo(ids(fromJson.get(key)));
            } else if (key.equals("reasons")) {
                // the same reading; the JSON example states it in its options, the form leaves it to the scheme
                assertThat(fromXlsx.get(key).toString()).isEqualTo(fromJson.get(key).toString()
                        .replace("chosen in the assessment's options", "the default of gbt27922 form"));
            } else {
                assertThat(fromXlsx.get(key)).as(key).isEqualTo(fromJson.get(key));
            }
        }
        assertThat(fromXlsx.get("stars").asInt()).isEqualTo(4);
    }

    @Test
    void aDateTypedAsADateInTheHeaderIsThatDate() throws Exception {
        fillFromExample();
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            org.apache.poi.ss.usermodel.Cell date = wb.getSheet("gbt27922").getRow(2).getCell(2);
            org.apache.poi.ss.usermodel.CellStyle style = wb.createCellStyle();
            style.cloneStyleFrom(date.getCellStyle());
            style.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            date.setCellStyle(style);
            date.setCellValue(java.time.LocalDate.of(2026, 11, 20)); // Excel keeps 46346, shown as 2026/11/20
            save(wb);
        }
        CliRun record = CliRun.of("register", "record", form.toString(), "--register", dir.resolve("reg").toString());
        assertThat(record.exit()).as(record.err()).isZero();
        assertThat(record.out()).contains("gbt27922 form, 四星级 (4 stars), issued 2026-11-20");
    }

    private static java.util.List<String> ids(JsonNode list) {
        java.util.List<String> out = new java.util.ArrayList<>();
        list.forEach(c -> out.add(c.get("id").asText() + " " + c.get("score").asText() + " " + c.path("note").asText()));
        return out;
    }

    @Test
    void eachBadCellIsNamedAsSheetAndCell() throws Exception {
        fillFromExample();
        int row = rowIndex("5.1.2.2");
        edit("5.1.2.2", SCORE, "三");
        CliRun text = CliRun.of("evaluate", form.toString());
        assertThat(text.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(text.err()).isEqualTo("error: " + form + ": gbt27922!F" + (row + 1) + ": '三' is not a number"
                + System.lineSeparator());
        edit("5.1.2.2", SCORE, 6.0);
        assertThat(CliRun.of("evaluate", form.toString()).err()).isEqualTo("error: " + form + ": gbt27922!F" + (row + 1)
                + ": score of 5.1.2.2 is 6, above its 5 points" + System.lineSeparator());
        edit("5.1.2.2", SCORE, 3.0);
        edit("5.1.2.2", RESULT, "maybe");
        assertThat(CliRun.of("evaluate", form.toString()).err()).contains("gbt27922!E" + (row + 1)
                + ": 'maybe' is not 符合, 不符合 or 不适用");
    }

    private int rowIndex(String id) throws Exception {
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            return rowOf(wb.getSheet("gbt27922"), id).getRowNum();
        }
    }

    @Test
    void aWorkbookThatIsNotOursOrNotAWorkbookSaysSo() throws Exception {
        Path other = dir.resolve("other.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(other)) {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("budget");
            wb.write(out);
        }
        CliRun r = CliRun.of("evaluate", other.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("is not an assessment form of this program");
        Path text = dir.resolve("notes.xlsx");
        Files.writeString(text, "not a zip");
        CliRun t = CliRun.of("evaluate", text.toString());
        assertThat(t.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(t.err()).contains("cannot be read as an xlsx workbook");
        assertThat(t.clean()).isTrue();
    }

    @Test
    void aFormOfAnotherVersionSaysSo() throws Exception {
        fillFromExample();
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            wb.getSheet("about").getRow(4).getCell(3).setCellValue("GB/T 27922-2008");
            save(wb);
        }
        assertThat(CliRun.of("evaluate", form.toString()).err()).contains("this part was made for gbt27922 version"
                + " 'GB/T 27922-2008', but the installed scheme is 'GB/T 27922-2011'");
    }

    @Test
    void xlsxNeedsAnOutputFile() {
        CliRun r = CliRun.of("template", "--scheme", "gbt27922", "--format", "xlsx");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("an xlsx form is written to a file");
    }

    @Test
    void aCqmFormWithItsFactsIncludingADateTypedAsADate() throws Exception {
        Path cqm = dir.resolve("cqm.xlsx");
        fillCqm(cqm);
        CliRun r = CliRun.of("evaluate", cqm.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("五星级 (five stars)");

        // one rectified major complaint in an event row (Note 1, example 2): four stars
        setFirstEvent(cqm, "majorComplaint", "2025-12-01");
        CliRun withEvent = CliRun.of("evaluate", cqm.toString());
        assertThat(withEvent.exit()).as(withEvent.err()).isZero();
        assertThat(withEvent.out()).contains("四星级 (four stars)")
                .contains("majorComplaint in the 24 months before onSiteDate (2026-10-15): 1 > 0 needed for 五星级");
    }

    @Test
    void aCqmEventBeforeTheOrganisationBeganIsRefusedWithItsCell() throws Exception {
        // issue 18: operatingSince is 2020-03-01; a complaint of 2020-02-29 cannot be this organisation's
        Path cqm = dir.resolve("cqm.xlsx");
        fillCqm(cqm);
        int row = setFirstEvent(cqm, "majorComplaint", "2020-02-29") + 1;
        CliRun r = CliRun.of("evaluate", cqm.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).isEqualTo("error: " + cqm + ": cqm!F" + row + ": a majorComplaint event dated 2020-02-29 is"
                + " before operatingSince 2020-03-01, the date the organisation began operating" + System.lineSeparator());
        assertThat(r.clean()).isTrue();
        // on the day it began is possible; 2020-03-01 is outside every window before 2026-10-15: five stars stand
        setFirstEvent(cqm, "majorComplaint", "2020-03-01");
        CliRun onTheDay = CliRun.of("evaluate", cqm.toString());
        assertThat(onTheDay.exit()).as(onTheDay.err()).isZero();
        assertThat(onTheDay.out()).contains("五星级 (five stars)");
    }

    /** A CQM form that reaches five stars: full indicator scores, audit passed, S and S当面 95, operating since 2020-03-01. */
    private void fillCqm(Path cqm) throws Exception {
        assertThat(CliRun.of("template", "--scheme", "cqm", "--format", "xlsx", "-o", cqm.toString()).exit()).isZero();
        java.util.Map<String, Double> scores = java.util.Map.of("4.1.1", 10.0, "4.1.2", 15.0, "4.1.3", 10.0, "4.1.4", 25.0,
                "4.1.5", 15.0, "4.1.6", 7.0, "4.1.7", 8.0, "4.1.8", 10.0);
        try (InputStream in = Files.newInputStream(cqm); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("cqm");
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (Row row : sheet) {
                if (row.getCell(ID) == null) {
                    continue;
                }
                String id = row.getCell(ID).getStringCellValue();
                if (scores.containsKey(id)) {
                    row.getCell(SCORE).setCellValue(scores.get(id));
                }
                switch (id) {
                    case "fact:managementAudit" -> row.getCell(RESULT).setCellValue("passed");
                    case "fact:seriousNonConformities" -> row.getCell(RESULT).setCellValue(0);
                    case "fact:S", "fact:S当面" -> row.getCell(RESULT).setCellValue(95);
                    case "fact:operatingSince" -> {
                        row.getCell(RESULT).setCellValue(java.time.LocalDate.of(2020, 3, 1));
                        row.getCell(RESULT).setCellStyle(dateStyle);
                    }
                    case "fact:onSiteDate" -> row.getCell(RESULT).setCellValue("2026-10-15");
                    default -> { }
                }
            }
            Path tmp = dir.resolve("tmp.xlsx");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, cqm, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Fills the first event row (type, date as text, rectified true) and returns its row index. */
    private int setFirstEvent(Path cqm, String type, String date) throws Exception {
        try (InputStream in = Files.newInputStream(cqm); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("cqm");
            Row header = null;
            Row first = null;
            for (Row row : sheet) {
                if (row.getCell(RESULT) != null && row.getCell(RESULT).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && "类型 type".equals(row.getCell(RESULT).getStringCellValue())) {
                    header = row;
                }
                if (first == null && row.getCell(ID) != null && "event".equals(row.getCell(ID).getStringCellValue())) {
                    first = row;
                }
            }
            first.getCell(RESULT).setCellValue(type);
            first.getCell(SCORE).setCellValue(date);
            for (org.apache.poi.ss.usermodel.Cell c : header) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && c.getStringCellValue().startsWith("rectified")) {
                    first.getCell(c.getColumnIndex()).setCellValue("true");
                }
            }
            Path tmp = dir.resolve("tmp.xlsx");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, cqm, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return first.getRowNum();
        }
    }

    // ---- issue 18: a note of invisible characters, an event before the organisation began -----------

    private void assertRefused(String problem) {
        CliRun r = CliRun.of("evaluate", form.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).isEqualTo("error: " + form + ": " + problem);
        assertThat(r.clean()).isTrue();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aNotApplicableNoteOfInvisibleCharactersIsNoReason() throws Exception {
        fillFromExample();
        int row = rowIndex("5.2.5.5") + 1;
        for (String[] note : new String[][] {{"\u200B", "U+200B"}, {"\uFEFF", "U+FEFF"}, {"\u00A0\u200B", "U+00A0, U+200B"}}) {
            edit("5.2.5.5", NOTE, note[0]);
            assertRefused("gbt27922!E" + row + ": 5.2.5.5 is marked not applicable with a note of invisible characters"
                    + " only (" + note[1] + "): say why it does not apply" + System.lineSeparator());
        }
        // an ideographic space is white space: the cell is blank, and the note missing
        edit("5.2.5.5", NOTE, "\u3000");
        assertRefused("gbt27922!E" + row + ": 5.2.5.5 is marked not applicable without a note: say why it does not apply"
                + System.lineSeparator());
    }
}
