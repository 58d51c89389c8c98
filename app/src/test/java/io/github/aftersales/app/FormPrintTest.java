package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Excel forms as LibreOffice prints and saves them (issue 17, "the form as paper" and "other
 * spreadsheet files"): a blank form printed to PDF by LibreOffice headless is a few A4 pages, each the
 * whole width of the table with its headings, every clause's text whole, and the signature block; a
 * form filled and saved again by LibreOffice grades the same; saved as .ods or .xls it is named with
 * what to do. Skipped, with one line, where LibreOffice is not installed ({@code .ci/run} installs it).
 */
@Tag("thorough") // LibreOffice prints and saves the forms: about 12 s
class FormPrintTest {

    private static final Path SOFFICE = Path.of("/usr/bin/soffice");
    private static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ID = 9;

    @TempDir
    Path dir;

    private static void assumeLibreOffice() {
        Assumptions.assumeTrue(Files.isExecutable(SOFFICE), "LibreOffice is not installed (.ci/run installs libreoffice-calc)");
    }

    /** Converts a file with LibreOffice headless ({@code pdf}, {@code ods}, {@code xls}, {@code xlsx}) into {@code out}. */
    private Path convert(Path file, String to, Path out) throws Exception {
        Files.createDirectories(out);
        Process lo = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=file://" + dir.resolve("lo-profile"),
                "--headless", "--convert-to", to, "--outdir", out.toString(), file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(lo.waitFor(3, TimeUnit.MINUTES)).as("LibreOffice finished").isTrue();
        String name = file.getFileName().toString();
        Path converted = out.resolve(name.substring(0, name.lastIndexOf('.')) + "." + to);
        assertThat(converted).exists();
        return converted;
    }

    private Path template(String scheme, String variant) {
        Path form = dir.resolve(scheme + "-" + variant + ".xlsx");
        CliRun r = CliRun.of("template", "--scheme", scheme, "--variant", variant, "--format", "xlsx", "-o", form.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return form;
    }

    /**
     * Printed from LibreOffice the GB/T form was 10 pages cut column by column, each long clause showing
     * its last line only, with no headings after the first page and nothing to sign. The page counts are
     * what LibreOffice 7.4 prints now (6, 6 and 8); the bound leaves room for another version's fonts.
     */
    @ParameterizedTest
    @CsvSource({
        "gbt27922, form, 8, 5.1.4.1",
        "zg025, items, 8, 5.4.4 c)",
        "cqm, star, 11, 4.1.4.6",
    })
    void aBlankFormPrintsOnAFewA4PagesWithEveryTextWholeAndASignatureBlock(String scheme, String variant, int maxPages,
            String longClause) throws Exception {
        assumeLibreOffice();
        Path form = template(scheme, variant);
        Path pdf = convert(form, "pdf", dir.resolve("pdf"));
        String clause = clauseText(scheme, variant, longClause);
        assertThat(clause.length()).as("a clause long enough to wrap").isGreaterThan(60);
        if (!Files.isExecutable(PDFTOTEXT)) {
            // without poppler the PDF's text cannot be read here: the print settings LibreOffice printed from
            printSettings(form, scheme);
            return;
        }
        List<String> pages = pdfPages(pdf);
        assertThat(pages.size()).as("pages").isBetween(2, maxPages);
        for (int p = 0; p < pages.size(); p++) {
            String page = pages.get(p);
            // one page wide: every page has the headings, first and last column, and its page number
            assertThat(page).as("page " + (p + 1)).contains("序号").contains("自评估结论").contains("编号 Id");
            assertThat(page.replaceAll("\\s+", "")).as("page " + (p + 1)).contains((p + 1) + "/" + pages.size());
        }
        // the clause column (条款) read top to bottom holds the clause's text whole, no line cut off
        assertThat(clauseColumn(pdf)).as("the whole text of " + longClause).contains(clause.replaceAll("\\s+", ""));
        String last = pages.get(pages.size() - 1).replaceAll("\\s+", "");
        assertThat(last).contains("评估人员（签字）Assessor(signature)")
                .contains("受评组织代表（签字）Organisation representative(signature)".replace(" ", "")).contains("日期Date");
    }

    /**
     * The text of the 条款 column on every page, without spaces: the words {@code pdftotext -bbox} finds
     * between the left edges of the 条款 and 需提供证明材料 headings, below them, top to bottom.
     */
    private String clauseColumn(Path pdf) throws Exception {
        Path html = dir.resolve(pdf.getFileName() + ".html");
        Process p = new ProcessBuilder(PDFTOTEXT.toString(), "-bbox", pdf.toString(), html.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        java.util.regex.Pattern word = java.util.regex.Pattern.compile(
                "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\">([^<]*)</word>");
        StringBuilder column = new StringBuilder();
        for (String page : Files.readString(html, StandardCharsets.UTF_8).split("<page ")) {
            List<double[]> boxes = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            double left = -1;
            double right = -1;
            double top = -1;
            java.util.regex.Matcher m = word.matcher(page);
            while (m.find()) {
                double x = Double.parseDouble(m.group(1));
                double y = Double.parseDouble(m.group(2));
                String text = m.group(4);
                if (left < 0 && text.equals("条款")) {
                    left = x - 1;
                    top = Double.parseDouble(m.group(3));
                } else if (right < 0 && text.equals("需提供证明材料")) {
                    right = x - 1;
                }
                boxes.add(new double[] {x, y});
                texts.add(text);
            }
            if (left < 0 || right < 0) {
                continue;
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                if (boxes.get(i)[0] >= left && boxes.get(i)[0] < right && boxes.get(i)[1] > top) {
                    order.add(i);
                }
            }
            order.sort(java.util.Comparator.<Integer>comparingDouble(i -> Math.round(boxes.get(i)[1]))
                    .thenComparingDouble(i -> boxes.get(i)[0]));
            order.forEach(i -> column.append(texts.get(i)));
        }
        return column.toString().replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replaceAll("\\s+", "");
    }

    /** The clause's text as the form prints it: its id, title and points, from the JSON template. */
    private static String clauseText(String scheme, String variant, String id) throws Exception {
        JsonNode template = JSON.readTree(CliRun.of("template", "--scheme", scheme, "--variant", variant).out());
        for (JsonNode f : template.at("/schemes/0/findings")) {
            if (f.get("id").asText().equals(id)) {
                return id + " " + f.get("title").asText();
            }
        }
        throw new AssertionError("no clause " + id);
    }

    /** The PDF's text, a page each, as pdftotext reads it (pages end with a form feed). */
    private List<String> pdfPages(Path pdf) throws Exception {
        Path text = dir.resolve(pdf.getFileName() + ".txt");
        Process p = new ProcessBuilder(PDFTOTEXT.toString(), pdf.toString(), text.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        List<String> pages = new ArrayList<>(List.of(Files.readString(text, StandardCharsets.UTF_8).split("\f")));
        pages.removeIf(String::isBlank);
        return pages;
    }

    /** Where the PDF's text cannot be read: the settings it was printed from, and rows taller than one line. */
    private static void printSettings(Path form, String sheetName) throws Exception {
        try (InputStream in = Files.newInputStream(form); XSSFWorkbook wb = (XSSFWorkbook) WorkbookFactory.create(in)) {
            XSSFSheet sheet = wb.getSheet(sheetName);
            PrintSetup ps = sheet.getPrintSetup();
            assertThat(ps.getLandscape()).isTrue();
            assertThat(ps.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(ps.getFitWidth()).isEqualTo((short) 1);
            assertThat(ps.getFitHeight()).isZero();
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("5:5");
            assertThat(sheet.getRow(5).getHeightInPoints()).isGreaterThan(30);
        }
    }

    @Test
    void aFormFilledAndSavedAgainByLibreOfficeGradesTheSame() throws Exception {
        assumeLibreOffice();
        Path form = template("gbt27922", "form");
        JsonNode example = JSON.readTree(Path.of("examples/gbt27922-form.json").toFile());
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("gbt27922");
            sheet.getRow(1).getCell(2).setCellValue(example.get("organisation").asText());
            sheet.getRow(3).getCell(2).setCellValue("张三 Zhang San");
            for (JsonNode f : example.at("/schemes/0/findings")) {
                Row row = rowOf(sheet, f.get("id").asText());
                row.getCell(4).setCellValue(switch (f.path("result").asText("")) {
                    case "conform" -> "符合";
                    case "not-conform" -> "不符合";
                    case "not-applicable" -> "不适用";
                    default -> "";
                });
                if (f.hasNonNull("score")) {
                    row.getCell(5).setCellValue(f.get("score").asDouble());
                }
                if (f.hasNonNull("note")) {
                    row.getCell(7).setCellValue(f.get("note").asText());
                }
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve("filled.xlsx"))) {
                wb.write(out);
            }
        }
        Path filled = dir.resolve("filled.xlsx");
        Path resaved = convert(filled, "xlsx", dir.resolve("resaved"));
        JsonNode before = result(filled);
        JsonNode after = result(resaved);
        assertThat(before.at("/assessments/0/organisation")).isEqualTo(example.get("organisation"));
        assertThat(after.at("/assessments/0/organisation")).isEqualTo(example.get("organisation"));
        try (InputStream in = Files.newInputStream(resaved); Workbook wb = WorkbookFactory.create(in)) {
            // the header's merged cells keep what was typed in their first cell
            assertThat(wb.getSheet("gbt27922").getRow(3).getCell(2).getStringCellValue()).isEqualTo("张三 Zhang San");
        }
        for (String key : new String[] {"score", "maxScore", "total", "percent", "stars", "grade"}) {
            assertThat(after.at("/assessments/0/schemes/0/" + key)).as(key)
                    .isEqualTo(before.at("/assessments/0/schemes/0/" + key));
        }
        // worked out by hand in XlsxTest: 91 of 98 applicable points, 92.85, 四星级
        assertThat(after.at("/assessments/0/schemes/0/total").decimalValue()).isEqualByComparingTo("92.85");
        assertThat(after.at("/assessments/0/schemes/0/stars").asInt()).isEqualTo(4);
    }

    private static JsonNode result(Path form) throws Exception {
        CliRun r = CliRun.of("evaluate", "--format", "json", form.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static Row rowOf(Sheet sheet, String id) {
        for (Row row : sheet) {
            if (row.getCell(ID) != null && id.equals(row.getCell(ID).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id);
    }

    /**
     * Issue 17: a form saved by LibreOffice as .ods (its default) or .xls was "malformed JSON: the file is
     * not UTF-8 text". Named by its extension or recognised by its content under another name, it is one
     * line saying what the file is and how to save it as .xlsx, exit 3.
     */
    @Test
    void aFormSavedAsOdsOrXlsSaysWhatItIsAndHowToSaveIt() throws Exception {
        assumeLibreOffice();
        Path form = template("gbt27922", "form");
        try (InputStream in = Files.newInputStream(form); Workbook wb = WorkbookFactory.create(in)) {
            // filled in part, as an auditor would before choosing "Keep current format" or .ods
            Sheet sheet = wb.getSheet("gbt27922");
            sheet.getRow(1).getCell(2).setCellValue("某公司 Example Ltd");
            rowOf(sheet, "5.1.1.1").getCell(4).setCellValue("符合");
            rowOf(sheet, "5.1.1.2").getCell(5).setCellValue(2.5);
            try (OutputStream out = Files.newOutputStream(dir.resolve("filled.xlsx"))) {
                wb.write(out);
            }
        }
        form = dir.resolve("filled.xlsx");
        Path ods = convert(form, "ods", dir.resolve("ods"));
        Path xls = convert(form, "xls", dir.resolve("xls"));
        String save = "which is not read here: save it as an Excel workbook (.xlsx; in LibreOffice File > Save As >"
                + " Excel 2007-365) and evaluate that";
        LimitsAndNamesTest.oneLineAt(CliRun.of("evaluate", ods.toString()), ods, "is a LibreOffice spreadsheet (.ods), "
                + save);
        LimitsAndNamesTest.oneLineAt(CliRun.of("evaluate", xls.toString()), xls, "is an Excel 97-2003 workbook (.xls), "
                + save);
        Path odsAsJson = Files.copy(ods, dir.resolve("form.json"));
        LimitsAndNamesTest.oneLineAt(CliRun.of("evaluate", odsAsJson.toString()), odsAsJson,
                "is a LibreOffice spreadsheet (.ods) named .json, " + save);
        Path odsAsXlsx = Files.copy(ods, dir.resolve("ods-form.xlsx"));
        LimitsAndNamesTest.oneLineAt(CliRun.of("evaluate", odsAsXlsx.toString()), odsAsXlsx,
                "is a LibreOffice spreadsheet (.ods) named .xlsx, " + save);
        Path xlsAsYaml = Files.copy(xls, dir.resolve("form.yaml"));
        LimitsAndNamesTest.oneLineAt(CliRun.of("evaluate", xlsAsYaml.toString()), xlsAsYaml,
                "is an Excel 97-2003 workbook (.xls) or another Office 97-2003 file named .yaml, " + save);
        Path xlsxAsJson = Files.copy(form, dir.resolve("form-xlsx.json"));
        LimitsAndNamesTest.oneLineAt(CliRun.of("evaluate", xlsxAsJson.toString()), xlsxAsJson,
                "is an Excel workbook (.xlsx) named .json: a filled form is read as one when its name ends in .xlsx;"
                        + " rename it and evaluate that");
    }
}
