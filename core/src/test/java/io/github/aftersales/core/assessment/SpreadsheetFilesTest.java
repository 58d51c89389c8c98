package io.github.aftersales.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a file is by its content (real files made by LibreOffice are in app's FormPrintTest). */
class SpreadsheetFilesTest {

    @TempDir
    Path dir;

    private Path zip(String name, String... entries) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                String[] nameAndText = entry.split("=", 2);
                zip.putNextEntry(new ZipEntry(nameAndText[0]));
                zip.write((nameAndText.length > 1 ? nameAndText[1] : "x").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void spreadsheetsAreToldByTheirContentWhateverTheirName() throws Exception {
        assertThat(SpreadsheetFiles.of(zip("a.json", "mimetype=application/vnd.oasis.opendocument.spreadsheet",
                "content.xml"))).contains(SpreadsheetFiles.ODS);
        assertThat(SpreadsheetFiles.of(zip("b.json", "mimetype=application/vnd.oasis.opendocument.text")).orElseThrow()
                .description()).isEqualTo("an OpenDocument file (text), not a spreadsheet");
        assertThat(SpreadsheetFiles.of(zip("c", "[Content_Types].xml", "xl/workbook.xml"))).contains(SpreadsheetFiles.XLSX);
        assertThat(SpreadsheetFiles.of(zip("d.yaml", "[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin")))
                .contains(SpreadsheetFiles.XLSM);
        assertThat(SpreadsheetFiles.of(zip("e.json", "Index/Document.iwa"))).contains(SpreadsheetFiles.NUMBERS);
        assertThat(SpreadsheetFiles.of(zip("f.json", "[Content_Types].xml", "word/document.xml")).orElseThrow()
                .description()).isEqualTo("an Office document, not a spreadsheet");
        Path ole2 = Files.write(dir.resolve("g.json"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
            (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        assertThat(SpreadsheetFiles.of(ole2)).contains(SpreadsheetFiles.XLS);
    }

    @Test
    void textABrokenZipAFolderOrAMissingFileIsNone() throws Exception {
        assertThat(SpreadsheetFiles.of(Files.writeString(dir.resolve("h.json"), "{\"schemes\": []}"))).isEmpty();
        assertThat(SpreadsheetFiles.of(Files.write(dir.resolve("i.json"), new byte[] {'P', 'K', 3, 4, 0, 0}))).isEmpty();
        assertThat(SpreadsheetFiles.of(Files.write(dir.resolve("j.json"), new byte[] {'P', 'K'}))).isEmpty();
        assertThat(SpreadsheetFiles.of(dir)).isEmpty();
        assertThat(SpreadsheetFiles.of(dir.resolve("missing.json"))).isEmpty();
    }
}
