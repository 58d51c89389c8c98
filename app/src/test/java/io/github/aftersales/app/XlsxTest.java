package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
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
            assertThat(rowStarting(sheet, "合计 Total").getCell(SCORE).getCellFormula()).startsWith("SUMIFS(F6:F");
        }
    }

    private static Row rowStarting(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(2) != null && row.getCell(2).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && row.getCell(2).getStringCellValue().startsWith(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Tag("thorough") // LibreOffice recalculates: about 5 s
    @Test
    void theLiveTotalsAreTheProgramsFiguresAsLibreOfficeWorksThemOut() throws Exception {
        // issue 17: the form's total was SUM(F), which left out 符合 without a typed score (18.5 beside 91/98)
        fillFromExample(); // 符合 without a score, typed partial scores, 5.2.5.5 不适用 (prorated)
        assertLiveTotalsMatch(form, "gbt27922", "91", "98", "92.85", "92.85");
        // ZG025: 1-point items; 符合, 不符合, a typed 0.5, 不适用 with its note (leaves the applicable points)
        Path zg = dir.resolve("zg.xlsx");
        assertThat(CliRun.of("template", "--scheme", "zg025", "--format", "xlsx", "-o", zg.toString()).exit()).isZero();
        try (InputStream in = Files.newInputStream(zg); Workbook wb = WorkbookFactory.create(in)) {
            int n = 0;
            for (Row row : wb.getSheet("zg025")) {
                if (row.getCell(ID) == null || row.getCell(ID).getStringCellValue().isEmpty()
                        || row.getRowNum() < 5) {
                    continue;
                }
                n++;
                if (n <= 20) {
                    row.getCell(RESULT).setCellValue("不符合");
                } else if (n <= 22) {
                    row.getCell(RESULT).setCellValue("不适用");
                    row.getCell(NOTE).setCellValue("不涉及 not offered");
                } else if (n <= 25) {
                    row.getCell(SCORE).setCellValue(0.5);
                } else {
                    row.getCell(RESULT).setCellValue("符合");
                }
            }
            assertThat(n).isEqualTo(88);
            Path tmp = dir.resolve("tmp.xlsx");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, zg, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // 63 conforming + 3 × 0.5 = 64.5 of 86 applicable: 75 % exactly, the declared scale 88: 66
        assertLiveTotalsMatch(zg, "zg025", "64.5", "86", "66", "75");
    }

    /**
     * Recalculates {@code workbook} in LibreOffice (headless, to CSV) and checks its live totals against
     * the program's result for the same file and against the figures worked out by hand.
     */
    private void assertLiveTotalsMatch(Path workbook, String sheet, String score, String applicable, String total,
            String percent) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")),
                "LibreOffice is not installed (.ci/run installs libreoffice-calc)");
        Path out = Files.createDirectories(dir.resolve("csv-" + sheet));
        Process lo = new ProcessBuilder("/usr/bin/soffice", "-env:UserInstallation=file://" + dir.resolve("lo-profile"),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir", out.toString(), workbook.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(lo.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        String base = workbook.getFileName().toString().replace(".xlsx", "");
        List<List<String>> rows = csv(Files.readString(out.resolve(base + "-" + sheet + ".csv")));
        List<String> sums = rows.stream().filter(r -> r.size() > 8 && r.get(2).startsWith("合计 Total")).findFirst()
                .orElseThrow();
        List<String> scaled = rows.get(rows.indexOf(sums) + 1);
        JsonNode result = JSON.readTree(CliRun.of("evaluate", "--format", "json", workbook.toString()).out())
                .at("/assessments/0/schemes/0");
        assertThat(new java.math.BigDecimal(sums.get(SCORE))).isEqualByComparingTo(score)
                .isEqualByComparingTo(result.get("score").decimalValue());
        assertThat(new java.math.BigDecimal(sums.get(8))).isEqualByComparingTo(applicable)
                .isEqualByComparingTo(result.get("maxScore").decimalValue());
        assertThat(new java.math.BigDecimal(scaled.get(SCORE))).isEqualByComparingTo(total)
                .isEqualByComparingTo(result.get("total").decimalValue());
        assertThat(new java.math.BigDecimal(scaled.get(8))).isEqualByComparingTo(percent)
                .isEqualByComparingTo(result.get("percent").decimalValue());
    }

    /** Comma-separated values with double quotes (RFC 4180), as LibreOffice writes them. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (quoted) {
                if (ch == '"' && k + 1 < text.length() && text.charAt(k + 1) == '"') {
                    cell.append('"');
                    k++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
            } else if (ch != '\r') {
                cell.append(ch);
            }
        }
        return rows;
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

    @Tag("thorough") // LibreOffice saves a typed date: about 5 s
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

    @Test
    void aPercentageTypedWithPercentIsThatPercentageAndAFractionIsRefused() throws Exception {
        // issue 17: S 92% and S当面 91% typed as percentages are stored as 0.92 and 0.91 and shown as 92 % and
        // 91 %. Read as shown: S ≥ 90 and S当面 ≥ 90, five stars (CQM 6.2); read as stored it was 一星级.
        Path cqm = dir.resolve("cqm.xlsx");
        fillCqm(cqm);
        setFacts(cqm, 0.92, 0.91, "0%");
        CliRun typed = CliRun.of("evaluate", cqm.toString());
        assertThat(typed.exit()).as(typed.err()).isZero();
        assertThat(typed.out()).contains("五星级 (five stars)");
        // S当面 89.5% (0.895, shown with a decimal): below 90, four stars (S当面 ≥ 80)
        setFacts(cqm, 0.92, 0.895, "0.0%");
        assertThat(CliRun.of("evaluate", cqm.toString()).out()).contains("四星级 (four stars)");
        // 0.92 in a plain cell would be 0.92 %: refused, saying what to write
        setFacts(cqm, 0.92, 95, "General");
        CliRun plain = CliRun.of("evaluate", cqm.toString());
        assertThat(plain.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(plain.err()).isEqualTo("error: " + cqm + ": cqm.facts.S: S is a percentage from 0 to 100: 0.92 would"
                + " be 0.92 %; for 92 % write 92 (a figure between 0 and 1 % is refused as a fraction written by mistake)"
                + System.lineSeparator());
    }

    @Test
    void aScoreFormattedAsAPercentageIsRefusedWithItsCell() throws Exception {
        // shown as 50% and stored as 0.5: read as shown it is 50 points, as stored half a point; neither is safe
        fillFromExample();
        int rowNumber;
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            Row row = rowOf(wb.getSheet("gbt27922"), "5.1.1.2");
            var style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0%"));
            row.getCell(SCORE).setCellValue(0.5);
            row.getCell(SCORE).setCellStyle(style);
            rowNumber = row.getRowNum() + 1;
            save(wb);
        }
        CliRun r = CliRun.of("evaluate", form.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).isEqualTo("error: " + form + ": gbt27922!F" + rowNumber + ": a number formatted as a percentage"
                + " (50%) where points go: type the points as a plain number" + System.lineSeparator());
    }

    @Test
    void aCqmFormCarriesCannotBeRectifiedBlankBeingNotStated() throws Exception {
        // a verified major complaint of 2026-06-20, not rectified, 4 months before onSiteDate 2026-10-15. Read as
        // judged-unrectifiable (cqm.cannotBeRectified), only one stated cannotBeRectified: true suspends (6.4);
        // left blank it is not stated, so no serious event, and 6.2 counts it against four to two stars: one star
        Path cqm = dir.resolve("cqm.xlsx");
        fillCqm(cqm);
        int row = setFirstEvent(cqm, "majorComplaint", "2026-06-20");
        assertThat(setEventAttribute(cqm, row, "rectified", "false"))
                .isEqualTo("rectified (true/false)");
        String[] judged = {"surveil", "--level", "5", "--format", "json", "--reading",
            "cqm.cannotBeRectified=judged-unrectifiable", cqm.toString()};
        CliRun blank = CliRun.of(judged);
        assertThat(blank.exit()).as(blank.err()).isZero();
        assertThat(JSON.readTree(blank.out()).get("decision").asText()).isEqualTo("downgrade");
        assertThat(JSON.readTree(blank.out()).get("stars").asInt()).isEqualTo(1);
        assertThat(setEventAttribute(cqm, row, "cannotBeRectified", "true"))
                .isEqualTo("cannotBeRectified (true/false, blank: not stated)");
        CliRun stated = CliRun.of(judged);
        assertThat(stated.exit()).as(stated.err()).isZero();
        assertThat(JSON.readTree(stated.out()).get("decision").asText()).isEqualTo("suspend");
        // saved again by LibreOffice, as an auditor filling it there would: read back the same
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")),
                "LibreOffice is not installed (.ci/run installs libreoffice-calc)");
        Path out = Files.createDirectories(dir.resolve("libreoffice"));
        Process lo = new ProcessBuilder("/usr/bin/soffice", "-env:UserInstallation=file://" + dir.resolve("lo-profile"),
                "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out.toString(), cqm.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(lo.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        judged[judged.length - 1] = out.resolve("cqm.xlsx").toString();
        CliRun resaved = CliRun.of(judged);
        assertThat(resaved.exit()).as(resaved.err()).isZero();
        assertThat(JSON.readTree(resaved.out()).get("decision").asText()).isEqualTo("suspend");
        // the same event in JSON, with and without the attribute, decides the same
        CliRun json = CliRun.of("surveil", "--level", "5", "--format", "json", "--reading",
                "cqm.cannotBeRectified=judged-unrectifiable", Files.writeString(dir.resolve("complaint.json"),
                        Files.readString(Path.of("examples/cqm/cqm-five-star.json")).replace("\"events\": []",
                                "\"events\": [{\"type\": \"majorComplaint\", \"date\": \"2026-06-20\","
                                        + " \"rectified\": false, \"cannotBeRectified\": true}]")).toString());
        assertThat(JSON.readTree(json.out()).get("decision").asText()).isEqualTo("suspend");
    }

    /** Sets an attribute of the event in {@code row}; returns its column's header. */
    private String setEventAttribute(Path cqm, int row, String attribute, String value) throws Exception {
        try (InputStream in = Files.newInputStream(cqm); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("cqm");
            String header = null;
            for (Row r : sheet) {
                if (r.getCell(RESULT) != null && r.getCell(RESULT).getCellType()
                        == org.apache.poi.ss.usermodel.CellType.STRING
                        && "类型 type".equals(r.getCell(RESULT).getStringCellValue())) {
                    for (org.apache.poi.ss.usermodel.Cell c : r) {
                        if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                                && c.getStringCellValue().startsWith(attribute + " (")) {
                            header = c.getStringCellValue();
                            sheet.getRow(row).getCell(c.getColumnIndex()).setCellValue(value);
                        }
                    }
                }
            }
            save(wb, cqm);
            return header;
        }
    }

    private void save(Workbook wb, Path to) throws Exception {
        Path tmp = dir.resolve("tmp.xlsx");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            wb.write(out);
        }
        Files.move(tmp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Sets S and S当面, formatted with {@code format}. */
    private void setFacts(Path cqm, double s, double face, String format) throws Exception {
        try (InputStream in = Files.newInputStream(cqm); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("cqm");
            var style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(format));
            for (Row row : sheet) {
                String id = row.getCell(ID) == null ? "" : row.getCell(ID).getStringCellValue();
                if (id.equals("fact:S") || id.equals("fact:S当面")) {
                    row.getCell(RESULT).setCellValue(id.equals("fact:S") ? s : face);
                    row.getCell(RESULT).setCellStyle(style);
                }
            }
            Path tmp = dir.resolve("tmp.xlsx");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, cqm, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
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

    // ---- issue 18: numbers as the spreadsheet shows them, formulas saved without a value ----------------

    /**
     * Every clause 符合 but two: 5.1.2.2 (5 points) 不符合 with 0.9, and 5.1.1.2 (3 points) scored by
     * {@code change} alone. With 2.1 for 5.1.1.2 the form loses 5 − 0.9 = 4.1 and 3 − 2.1 = 0.9: a
     * total of 95, 五星级 (GB/T 27922 form: ≥ 95 five stars); with 0 it would lose 7.1: 92.9, 四星级.
     */
    private void allConformBut(java.util.function.Consumer<Row> change) throws Exception {
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("gbt27922");
            sheet.getRow(1).getCell(2).setCellValue("示例电器有限公司");
            for (Row row : sheet) {
                org.apache.poi.ss.usermodel.Cell id = row.getCell(ID);
                if (id != null && id.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && id.getStringCellValue().matches("5\\.\\d\\.\\d\\.\\d")) {
                    row.getCell(RESULT).setCellValue("符合");
                }
            }
            Row notConform = rowOf(sheet, "5.1.2.2");
            notConform.getCell(RESULT).setCellValue("不符合");
            notConform.getCell(SCORE).setCellValue(0.9);
            Row scored = rowOf(sheet, "5.1.1.2");
            scored.getCell(RESULT).setBlank(); // the score alone says how much
            if (wb.getSheet("calc") == null) {
                Sheet calc = wb.createSheet("calc"); // an auditor's own working, beside the form
                for (int r = 0; r < 3; r++) {
                    calc.createRow(r).createCell(0).setCellValue(0.7);
                }
            }
            change.accept(scored);
            save(wb);
        }
    }

    /** A formula in a cell; {@code saved} is the value a spreadsheet program would have saved with it, or null for none. */
    private static void formula(Row row, String formula, Double saved) {
        org.apache.poi.ss.usermodel.Cell cell = row.getCell(SCORE);
        cell.setCellFormula(formula);
        if (saved != null) {
            cell.setCellValue(saved); // on a formula cell, POI keeps it as the formula's saved value
        }
    }

    private JsonNode evaluated() throws Exception {
        CliRun r = CliRun.of("evaluate", "--format", "json", form.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out()).at("/assessments/0/schemes/0");
    }

    private void assertFiveStarsAt95() throws Exception {
        JsonNode result = evaluated();
        assertThat(result.get("total").decimalValue()).isEqualByComparingTo("95");
        assertThat(result.get("score").decimalValue()).isEqualByComparingTo("95");
        assertThat(result.get("stars").asInt()).isEqualTo(5);
        assertThat(result.get("grade").asText()).isEqualTo("五星级");
    }

    @Test
    void aFormulaCountsAsTheNumberTheSpreadsheetShows() throws Exception {
        // typed by hand: 2.1
        allConformBut(row -> row.getCell(SCORE).setCellValue(2.1));
        assertFiveStarsAt95();
        // =0.7*3 as a spreadsheet program saves it: 2.0999999999999996, shown (15 digits) as 2.1
        allConformBut(row -> formula(row, "0.7*3", 0.7 * 3));
        assertThat(0.7 * 3).isEqualTo(2.0999999999999996);
        assertFiveStarsAt95();
        // a sum of the auditor's own cells: 0.7 + 0.7 + 0.7 is saved as 2.0999999999999996 too
        allConformBut(row -> formula(row, "SUM(calc!A1:A3)", 0.7 + 0.7 + 0.7));
        assertFiveStarsAt95();
        // a number typed with float noise in a header cell is the number shown, as text
        allConformBut(row -> {
            row.getSheet().getRow(1).getCell(2).setCellValue(0.1 + 0.2); // 0.30000000000000004
            row.getCell(SCORE).setCellValue(2.1);
        });
        CliRun r = CliRun.of("evaluate", "--format", "json", form.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).at("/assessments/0/organisation").asText()).isEqualTo("0.3");
    }

    @Test
    void aNumberWithMoreDecimalsThanJsonAllowsIsRefusedWithItsCell() throws Exception {
        int row = rowIndex("5.1.1.2") + 1;
        String rule = " is out of range: at most 12 digits before the point and 12 after it" + System.lineSeparator();
        // =1/3 is shown to 15 digits as 0.333333333333333: 15 decimals, more than any input format takes
        allConformBut(r -> formula(r, "1/3", 1.0 / 3));
        assertRefused("gbt27922!F" + row + ": the number 0.333333333333333" + rule);
        // typed, and as text
        allConformBut(r -> r.getCell(SCORE).setCellValue(2.1234567890123));
        assertRefused("gbt27922!F" + row + ": the number 2.1234567890123" + rule);
        allConformBut(r -> r.getCell(SCORE).setCellValue("2.1234567890123"));
        assertRefused("gbt27922!F" + row + ": the number 2.1234567890123" + rule);
        // a cancellation the spreadsheet shows as 0.00375000000000003, not 0.00375 (1 − 0.99625 in doubles)
        allConformBut(r -> formula(r, "1-0.99625", 1 - 0.99625));
        assertRefused("gbt27922!F" + row + ": the number 0.00375000000000003" + rule);
        // a header cell: thirteen digits before the point
        allConformBut(r -> {
            r.getSheet().getRow(3).getCell(2).setCellValue(1234567890123.0);
            r.getCell(SCORE).setCellValue(2.1);
        });
        assertRefused("gbt27922!C4: the number 1234567890123" + rule);
    }

    private void assertRefused(String problem) {
        CliRun r = CliRun.of("evaluate", form.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).isEqualTo("error: " + form + ": " + problem);
        assertThat(r.clean()).isTrue();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFormulaSavedWithoutItsValueIsComputedNeverReadAs0() throws Exception {
        // written by a program that does not compute formulas: no saved value; POI read it as 0 (92.9, 四星级)
        allConformBut(row -> formula(row, "21/10", null));
        assertThat(((org.apache.poi.xssf.usermodel.XSSFCell) cellOf("5.1.1.2", SCORE)).getCTCell().isSetV()).isFalse();
        assertFiveStarsAt95();
        allConformBut(row -> formula(row, "0.7*3", null));
        assertFiveStarsAt95();
        allConformBut(row -> formula(row, "calc!A1*3", null));
        assertFiveStarsAt95();
        allConformBut(row -> formula(row, "SUM(calc!A1:A3)", null));
        assertFiveStarsAt95();
        allConformBut(row -> formula(row, "ROUND(2.14,1)", null));
        assertFiveStarsAt95();
        // a chain of 60 formulas, none saved: calc!B1 = B2, …, B60 = 2.1 (64 deep is the most computed)
        allConformBut(row -> {
            Sheet calc = row.getSheet().getWorkbook().getSheet("calc");
            for (int i = 0; i < 60; i++) {
                Row chain = calc.getRow(i) == null ? calc.createRow(i) : calc.getRow(i);
                chain.createCell(1).setCellFormula(i < 59 ? "B" + (i + 2) : "2.1");
            }
            formula(row, "calc!B1", null);
        });
        assertFiveStarsAt95();
    }

    private org.apache.poi.ss.usermodel.Cell cellOf(String id, int column) throws Exception {
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            return rowOf(wb.getSheet("gbt27922"), id).getCell(column);
        }
    }

    @Test
    void aFormulaThatCannotBeComputedIsRefusedWithItsCell() throws Exception {
        int row = rowIndex("5.1.1.2") + 1;
        String cell = "gbt27922!F" + row + ": the formula =";
        String unsaved = " was saved without its value and ";
        String[][] cases = {
            {"[1]Sheet1!A1", cell + "[1]Sheet1!A1" + unsaved + "refers to another workbook, which this program cannot"
                    + " see; type the value"},
            {"FOOBAR(1)", cell + "FOOBAR(1)" + unsaved + "uses FOOBAR, which this program cannot compute; type the value,"
                    + " or save the workbook from a spreadsheet program, which saves the values"},
            {"INDIRECT(\"calc!A1\")*3", cell + "INDIRECT(\"calc!A1\")*3" + unsaved + "uses INDIRECT, whose cells are known"
                    + " only once it is computed; type the value"},
            {"RAND()*3", cell + "RAND()*3" + unsaved + "uses RAND, whose value is random; type the value"},
            // POI would walk all 17 billion cells, for minutes
            {"SUM(calc!A1:XFD1048576)", cell + "SUM(calc!A1:XFD1048576)" + unsaved + "would read more than 2097152 cells;"
                    + " type the value"},
            {"1/0", cell + "1/0 gives #DIV/0!"},
            {"F" + row + "+1", cell + "F" + row + "+1 refers to itself (a circular reference)"},
            {"calc!B1", cell + "calc!B1" + unsaved + "depends on formulas nested more than 64 deep; type the value"},
        };
        for (String[] c : cases) {
            allConformBut(r -> {
                Sheet calc = r.getSheet().getWorkbook().getSheet("calc");
                for (int i = 0; i < 100; i++) { // calc!B1 = B2, B2 = B3, …: a chain 100 formulas deep
                    Row chain = calc.getRow(i) == null ? calc.createRow(i) : calc.getRow(i);
                    chain.createCell(1).setCellFormula(i < 99 ? "B" + (i + 2) : "2.1");
                }
                formula(r, c[0], null);
            });
            long start = System.nanoTime();
            assertRefused(c[1] + System.lineSeparator());
            assertThat((System.nanoTime() - start) / 1_000_000).as(c[0]).isLessThan(10_000);
        }
        // a saved error is refused the same way
        allConformBut(r -> {
            formula(r, "1/0", null);
            r.getCell(SCORE).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode());
        });
        assertRefused(cell + "1/0 gives #DIV/0!" + System.lineSeparator());
    }

    // ---- issue 18: a note of invisible characters, an event before the organisation began -----------

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

    // ---- issue 17, item 3: 不适用 beside a score names the 不适用 cell ----------------------------

    @Test
    void notApplicableBesideAScoreNamesTheResultCell() throws Exception {
        fillFromExample();
        int row = rowIndex("5.2.5.5") + 1;
        edit("5.2.5.5", SCORE, 1.0);
        assertRefused("gbt27922!E" + row + ": 5.2.5.5 is marked not applicable and also given a score; give one or the"
                + " other" + System.lineSeparator());
    }
}
