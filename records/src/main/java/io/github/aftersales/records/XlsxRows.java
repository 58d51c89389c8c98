package io.github.aftersales.records;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The rows of one sheet of an xlsx workbook (the first, or the mapping's {@code sheet}), streamed with
 * Apache POI's event API (the library the forms module reads xlsx forms with; its whole-workbook
 * model would hold every row in memory), on a thread of its own that hands rows over a short queue.
 * Cells are read as the spreadsheet shows them, the rule of the forms module: a number to 15
 * significant digits; a date cell as {@code 2026-03-02 09:15:00}, or {@code 2026-03-02} when its format
 * shows no time; a formula by its saved value; TRUE and FALSE as words. The workbook's shared texts
 * are held in memory (POI's table), so memory grows with the distinct texts: a million rows are read
 * in flat memory from CSV.
 */
final class XlsxRows implements Rows {

    private record Row(int line, String[] cells) {
    }

    private record Failure(RuntimeException e) {
    }

    private static final Object END = new Object();

    private final String source;
    private final String sheet;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(256);
    private final OPCPackage pkg;
    private volatile boolean closed;
    private Row current;
    private boolean ended;

    private XlsxRows(String source, String sheet, OPCPackage pkg) {
        this.source = source;
        this.sheet = sheet;
        this.pkg = pkg;
    }

    static XlsxRows open(Path file, String wanted, String source) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new RecordsException(source, "is a zip file but not an xlsx workbook: save the export as CSV (UTF-8)"
                    + " or as an Excel workbook (.xlsx)");
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                InputStream in = sheets.next();
                String name = sheets.getSheetName();
                names.add(name);
                if (wanted == null || wanted.equals(name)) {
                    XlsxRows rows = new XlsxRows(source, name, pkg);
                    rows.start(in, styles, strings);
                    return rows;
                }
                in.close();
            }
            throw new RecordsException(source, wanted == null ? "the workbook has no sheet" : "has no sheet '" + wanted
                    + "' (the mapping's sheet); its sheets: " + String.join(", ", names));
        } catch (IOException | OpenXML4JException | org.xml.sax.SAXException e) {
            pkg.revert();
            throw new RecordsException(source, "cannot be read as an xlsx workbook: " + e.getMessage());
        } catch (RuntimeException e) {
            pkg.revert();
            throw e instanceof RecordsException r ? r : new RecordsException(source, "cannot be read as an xlsx workbook: "
                    + e.getMessage());
        }
    }

    private void start(InputStream in, StylesTable styles, ReadOnlySharedStringsTable strings) {
        Thread t = new Thread(() -> {
            try (in) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Handler(), new AsShown(), false));
                xml.parse(new InputSource(in));
                put(END);
            } catch (Stop e) {
                // closed by the reader
            } catch (Exception e) {
                put(new Failure(new RecordsException(source, "cannot be read as an xlsx workbook: " + e.getMessage())));
            }
        }, "xlsx-rows");
        t.setDaemon(true);
        t.start();
    }

    /** Thrown on the parsing thread when the reader has gone. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private void put(Object o) {
        try {
            while (!queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Stop();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop();
        }
    }

    private final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<String> cells = new ArrayList<>();
        private int next;

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            next = 0;
        }

        @Override
        public void endRow(int rowNum) {
            put(new Row(rowNum + 1, cells.toArray(String[]::new)));
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? next : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            if (column < 4096) {
                cells.add(formattedValue == null ? "" : formattedValue);
            }
            next = column + 1;
        }
    }

    /** Numbers and dates as the spreadsheet shows them, the same every time. */
    static final class AsShown extends DataFormatter {
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

        AsShown() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
                String f = formatString == null ? "" : formatString.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"", "");
                return (f.contains("h") ? DATE_TIME : DATE).format(t);
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            return new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros().toPlainString();
        }
    }

    @Override
    public boolean next() {
        while (!ended) {
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RecordsException(source, "reading was interrupted");
            }
            if (o == END) {
                ended = true;
                return false;
            }
            if (o instanceof Failure f) {
                ended = true;
                throw f.e();
            }
            Row r = (Row) o;
            for (String c : r.cells()) {
                if (!c.isBlank()) {
                    current = r;
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public int line() {
        return current.line();
    }

    @Override
    public int size() {
        return current.cells().length;
    }

    @Override
    public String field(int i) {
        return current.cells()[i];
    }

    @Override
    public boolean unclosedQuote() {
        return false;
    }

    @Override
    public String place(int line, int column) {
        return sheet + "!" + (column > 0 ? CellReference.convertNumToColString(column - 1) + line : line + ":" + line);
    }

    @Override
    public void close() {
        closed = true;
        pkg.revert();
    }
}
