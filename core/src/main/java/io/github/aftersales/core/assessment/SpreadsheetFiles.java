package io.github.aftersales.core.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a spreadsheet (or other office file) is, by its content rather than its name (issue 17: a
 * workbook saved as .ods, or under another name, was answered "malformed JSON: the file is not UTF-8
 * text"). Only the first bytes, a zip file's entry names and an OpenDocument file's short
 * {@code mimetype} entry are read: nothing is unpacked.
 */
public final class SpreadsheetFiles {

    /** What a file is: the extension its content has and how to say it ("a LibreOffice spreadsheet (.ods)"). */
    public record Kind(String extension, String description) {
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final String ODF = "application/vnd.oasis.opendocument.";
    /** The largest file looked into: twice the largest assessment file. */
    private static final long MAX_BYTES = 2 * AssessmentReader.MAX_FILE_BYTES;

    public static final Kind XLSX = new Kind("xlsx", "an Excel workbook (.xlsx)");
    public static final Kind XLSM = new Kind("xlsm", "an Excel workbook with macros (.xlsm)");
    public static final Kind ODS = new Kind("ods", "a LibreOffice spreadsheet (.ods)");
    public static final Kind XLS = new Kind("xls", "an Excel 97-2003 workbook (.xls) or another Office 97-2003 file");
    public static final Kind NUMBERS = new Kind("numbers", "a Numbers spreadsheet (.numbers)");

    private SpreadsheetFiles() {
    }

    /**
     * What a regular file is when its content is a spreadsheet or another office document; empty for
     * anything else (text, a pipe, a file that cannot be read: the caller's reading reports those).
     */
    public static Optional<Kind> of(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // a pipe or /dev/stdin: its first bytes would be lost
        }
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.empty(); // its zip directory is not read into memory; the size is reported anyway
            }
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (n == OLE2.length && Arrays.equals(head, OLE2)) {
            return Optional.of(XLS);
        }
        if (n < ZIP.length || !Arrays.equals(Arrays.copyOf(head, ZIP.length), ZIP)) {
            return Optional.empty();
        }
        return zip(file);
    }

    private static Optional<Kind> zip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String type = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
                    if (type.equals(ODF + "spreadsheet")) {
                        return Optional.of(ODS);
                    }
                    if (type.startsWith(ODF)) {
                        return Optional.of(new Kind("odf", "an OpenDocument file (" + type.substring(ODF.length())
                                + "), not a spreadsheet"));
                    }
                }
            }
            boolean contentTypes = false;
            boolean workbook = false;
            boolean macros = false;
            boolean numbers = false;
            int seen = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements() && seen++ < 10_000; ) {
                String name = e.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                workbook |= name.startsWith("xl/");
                macros |= name.equals("xl/vbaProject.bin");
                numbers |= name.equals("Index/Document.iwa") || name.equals("Index.zip");
            }
            if (contentTypes && workbook) {
                return Optional.of(macros ? XLSM : XLSX);
            }
            if (numbers) {
                return Optional.of(NUMBERS);
            }
            return Optional.of(new Kind("zip", contentTypes ? "an Office document, not a spreadsheet"
                    : "a zip file, not a spreadsheet"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not a readable zip: the caller's reading reports it
        }
    }
}
