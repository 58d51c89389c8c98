package io.github.aftersales.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export saved as an xlsx workbook: date cells, numbers, booleans and text read as the spreadsheet shows them. */
class XlsxExportTest {

    @TempDir
    Path dir;

    private Path workbook(String sheetName) throws Exception {
        Path file = dir.resolve("export.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet(sheetName);
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            String[] header = {"id", "type", "channel", "opened", "first_response", "resolved", "contacts",
                "promised_hours", "satisfaction", "major_complaint", "rectified_on"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            // row 2: date-time cells, a resolved time typed as text, numbers, FALSE
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("X1");
            r.createCell(1).setCellValue("repair");
            r.createCell(2).setCellValue("电话");
            r.createCell(3).setCellValue(LocalDateTime.of(2026, 3, 2, 9, 0));
            r.getCell(3).setCellStyle(dateTime);
            r.createCell(4).setCellValue(LocalDateTime.of(2026, 3, 2, 9, 20));
            r.getCell(4).setCellStyle(dateTime);
            r.createCell(5).setCellValue("2026-03-02 11:00");
            r.createCell(6).setCellValue(1);
            r.createCell(7).setCellValue(4.5);
            r.createCell(8).setCellValue(5);
            r.createCell(9).setCellValue(false);
            // row 3: opened as a date without a time: not a date-time, the row is skipped
            Row bad = s.createRow(2);
            bad.createCell(0).setCellValue("X2");
            bad.createCell(1).setCellValue("complaint");
            bad.createCell(3).setCellValue(LocalDateTime.of(2026, 3, 3, 0, 0));
            bad.getCell(3).setCellStyle(date);
            // row 4 blank; row 5: a major complaint rectified on a date cell; no channel cell at all
            Row c = s.createRow(4);
            c.createCell(0).setCellValue("C5");
            c.createCell(1).setCellValue("complaint");
            c.createCell(3).setCellValue(LocalDateTime.of(2026, 3, 4, 8, 0));
            c.getCell(3).setCellStyle(dateTime);
            c.createCell(4).setCellValue(LocalDateTime.of(2026, 3, 4, 8, 30));
            c.getCell(4).setCellStyle(dateTime);
            c.createCell(5).setCellValue(LocalDateTime.of(2026, 3, 5, 8, 30));
            c.getCell(5).setCellStyle(dateTime);
            c.createCell(6).setCellValue(2);
            c.createCell(7).setCellValue(72);
            c.createCell(9).setCellValue(true);
            c.createCell(10).setCellValue(LocalDateTime.of(2026, 3, 10, 0, 0));
            c.getCell(10).setCellStyle(date);
            wb.write(out);
        }
        return file;
    }

    @Test
    void aWorkbookIsReadLikeItsCsv() throws Exception {
        Path file = workbook("工单");
        RecordsSummary s = RecordsSummaryTest.summary(file, Mapping.defaults());
        assertThat(s.records()).isEqualTo(2);
        assertThat(s.problems()).extracting(p -> p.describe("export.xlsx")).containsExactly(
                "export.xlsx: 工单!D3: opened: '2026-03-03' is not a date-time like 2026-03-02 09:15");
        var o = s.json().get("overall");
        // X1: response 09:00→09:20 = 20, C5: 08:00→08:30 = 30; median rank 1 → 20, p90 rank 2 → 30
        assertThat(o.at("/responseTime/medianMinutes").asLong()).isEqualTo(20);
        assertThat(o.at("/responseTime/p90Minutes").asLong()).isEqualTo(30);
        // resolution: X1 09:20→11:00 = 100, C5 08:30→next day 08:30 = 1440
        assertThat(o.at("/resolutionTime/p90Minutes").asLong()).isEqualTo(1440);
        // X1 2 h within 4.5 h; C5 24 h 30 within 72 h
        assertThat(o.at("/withinPromise/within").asLong()).isEqualTo(2);
        assertThat(o.at("/satisfaction/meanScore").decimalValue()).isEqualByComparingTo("5");
        assertThat(s.majorComplaints()).singleElement().satisfies(m -> assertThat(m.rectified()).isEqualTo("2026-03-10"));
        assertThat(s.byChannel()).containsOnlyKeys("电话", RecordsSummary.NO_CHANNEL);
        assertThat(s.sha256()).hasSize(64);
    }

    @Test
    @org.junit.jupiter.api.Tag("thorough") // LibreOffice: a few seconds
    void theExampleSavedAsXlsxByLibreOfficeGivesTheFiguresOfItsCsv() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(soffice), "LibreOffice is not installed");
        Path csv = dir.resolve("requests.csv");
        // the first 500 rows of the example: dates LibreOffice turns into date cells, numbers into numbers
        Files.write(csv, Files.readAllLines(Path.of("../examples/records/service-requests.csv")).subList(0, 501));
        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", dir.toString(),
                csv.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        Path xlsx = dir.resolve("requests.xlsx");
        assertThat(xlsx).exists();
        RecordsSummary fromCsv = RecordsSummaryTest.summary(csv, Mapping.defaults());
        RecordsSummary fromXlsx = RecordsSummaryTest.summary(xlsx, Mapping.defaults());
        assertThat(fromXlsx.records()).isEqualTo(fromCsv.records()).isEqualTo(500);
        for (String part : new String[] {"overall", "byType", "byChannel", "byMonth", "majorComplaints"}) {
            assertThat(fromXlsx.json().get(part)).as(part).isEqualTo(fromCsv.json().get(part));
        }
    }

    @Test
    void theMappingNamesTheSheet() throws Exception {
        Path file = workbook("导出");
        Path mapping = Files.writeString(dir.resolve("m.yaml"), "sheet: 工单\n");
        assertThatThrownBy(() -> RecordsSummaryTest.summary(file, Mapping.read(mapping)))
                .hasMessage(file + ": has no sheet '工单' (the mapping's sheet); its sheets: 导出");
        Path notWorkbook = dir.resolve("x.xlsx");
        Files.write(notWorkbook, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThatThrownBy(() -> RecordsSummaryTest.summary(notWorkbook, Mapping.defaults())).hasMessage(notWorkbook
                + ": is a zip file but not an xlsx workbook: save the export as CSV (UTF-8) or as an Excel workbook (.xlsx)");
    }
}
