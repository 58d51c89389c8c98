package io.github.aftersales.forms.xlsx;

import io.github.aftersales.core.json.DecimalRange;
import io.github.aftersales.core.json.LocatedException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.FormulaParseException;
import org.apache.poi.ss.formula.eval.NotImplementedFunctionException;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPxg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Pxg;
import org.apache.poi.ss.formula.ptg.Pxg3D;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cells of a filled form as the spreadsheet shows them; every problem names {@code Sheet!Cell}.
 *
 * <p>Numbers: a spreadsheet keeps 15 significant digits, so a double is read to 15 significant
 * digits ({@code =0.7*3}, stored as 2.0999999999999996, is the 2.1 the cell shows), and then must fit
 * the range every input format keeps ({@link DecimalRange}; 1/3 does not).
 *
 * <p>Formulas: by the value the spreadsheet program computed and saved with them, which is what the
 * auditor saw. A formula saved without a value (by a program that does not compute formulas) is
 * computed here with POI's evaluator, never read as 0; a formula POI cannot compute, that refers to
 * another workbook, whose cells are only known once computed (INDIRECT, OFFSET), whose value is
 * random, or that would read more cells than any form needs, is refused, naming its cell.
 */
final class XlsxCells {

    /** The most cells the computed formulas of one workbook may read: two whole columns; a form needs a few hundred. */
    static final long MAX_CELLS_READ = 2L << 20;
    /** The deepest chain of formulas (and names) computed: far beyond a sum of sums, far below a stack overflow. */
    static final int MAX_DEPTH = 64;
    /** Functions whose cells or value are only known once computed: no bound can be checked, or the value means nothing. */
    private static final Set<String> REFUSED = Set.of("INDIRECT", "OFFSET", "RAND", "RANDBETWEEN");

    private final String source;
    private final Workbook wb;
    private FormulaEvaluator evaluator;
    private XSSFEvaluationWorkbook parsing;
    private long cellsRead;
    private final Set<String> walked = new HashSet<>();

    XlsxCells(String source, Workbook wb) {
        this.source = source;
        this.wb = wb;
    }

    // ---- what callers read ----------------------------------------------------------------------

    /** A cell's text: text as typed, a number as shown (15 digits), a date as YYYY-MM-DD; {@code null} when blank. */
    String text(Sheet sheet, int r, int c) {
        Cell cell = cell(sheet, r, c);
        CellValue v = shown(cell);
        if (v == null) {
            return null;
        }
        String s = switch (v.getCellType()) {
            case STRING -> v.getStringValue();
            case NUMERIC -> isDate(cell, v) ? date(v).toString() : decimal(v.getNumberValue(), sheet, r, c).toPlainString();
            case BOOLEAN -> Boolean.toString(v.getBooleanValue());
            case ERROR -> throw bad(sheet, r, c, error(cell, v));
            default -> null;
        };
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A number: typed, as text, or computed by a formula; {@code null} when blank. */
    BigDecimal number(Sheet sheet, int r, int c) {
        Cell cell = cell(sheet, r, c);
        CellValue v = shown(cell);
        if (v == null) {
            return null;
        }
        switch (v.getCellType()) {
            case NUMERIC:
                if (isDate(cell, v)) {
                    throw bad(sheet, r, c, "expected a number, found a date");
                }
                if (percentFormatted(cell)) {
                    // shown as 50% but stored as 0.5: neither reading is safe for points
                    throw bad(sheet, r, c, "a number formatted as a percentage (" + decimal(v.getNumberValue(), sheet, r, c)
                            .movePointRight(2).stripTrailingZeros().toPlainString() + "%) where points go: type the"
                            + " points as a plain number");
                }
                return decimal(v.getNumberValue(), sheet, r, c);
            case STRING:
                String s = v.getStringValue().strip();
                if (s.isEmpty()) {
                    return null;
                }
                if (s.length() > 100) { // as JSON: a longer number is out of range anyway, and slow to parse
                    throw bad(sheet, r, c, s.chars().allMatch(ch -> "0123456789+-.eE".indexOf(ch) >= 0)
                            ? DecimalRange.outOfRange(s) : "'" + s.substring(0, 40) + "…' is not a number");
                }
                BigDecimal n;
                try {
                    n = new BigDecimal(s);
                } catch (NumberFormatException e) {
                    throw bad(sheet, r, c, "'" + s + "' is not a number");
                }
                return checked(n, s, sheet, r, c);
            case ERROR:
                throw bad(sheet, r, c, error(cell, v));
            default:
                throw bad(sheet, r, c, "expected a number, found " + v.getCellType().name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A fact: a number formatted as a date (as a date typed into a spreadsheet is) as YYYY-MM-DD, any
     * other number as a decimal, else the text; {@code null} when blank.
     */
    Object value(Sheet sheet, int r, int c) {
        Cell cell = cell(sheet, r, c);
        CellValue v = shown(cell);
        if (v != null && v.getCellType() == CellType.NUMERIC) {
            if (isDate(cell, v)) {
                return date(v).toString();
            }
            BigDecimal n = decimal(v.getNumberValue(), sheet, r, c);
            // "92%" typed (or formatted) is stored as 0.92 and shown as 92 %: the figure meant is 92
            return percentFormatted(cell) ? n.movePointRight(2).stripTrailingZeros() : n;
        }
        return text(sheet, r, c);
    }

    /** Whether the cell's number format shows its value times 100 with a % sign (a % outside quotes). */
    static boolean percentFormatted(Cell cell) {
        if (cell == null || cell.getCellStyle() == null) {
            return false;
        }
        String format = cell.getCellStyle().getDataFormatString();
        if (format == null) {
            return false;
        }
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '\\') {
                i++; // an escaped character is shown as itself
            } else if (ch == '%' && !quoted) {
                return true;
            }
        }
        return false;
    }

    /** The date a cell shows when it is a number formatted as a date (as a date typed into a spreadsheet is), else {@code null}. */
    LocalDate dateOrNull(Sheet sheet, int r, int c) {
        Cell cell = cell(sheet, r, c);
        CellValue v = shown(cell);
        return v != null && v.getCellType() == CellType.NUMERIC && isDate(cell, v) ? date(v) : null;
    }

    /**
     * The one way a spreadsheet's double becomes a decimal: to 15 significant digits, as the
     * spreadsheet shows it, then within the range of every input format.
     */
    BigDecimal decimal(double d, Sheet sheet, int r, int c) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw bad(sheet, r, c, "not a number");
        }
        BigDecimal n = new BigDecimal(d, new MathContext(15)).stripTrailingZeros();
        return checked(n, n.toString(), sheet, r, c);
    }

    private BigDecimal checked(BigDecimal n, String written, Sheet sheet, int r, int c) {
        if (!DecimalRange.fits(n)) {
            throw bad(sheet, r, c, DecimalRange.outOfRange(written));
        }
        return n;
    }

    LocatedException bad(Sheet sheet, int r, int c, String message) {
        return new LocatedException(source, null, sheet.getSheetName() + "!" + new CellReference(r, c).formatAsString(false)
                + ": " + message);
    }

    static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    // ---- values as shown --------------------------------------------------------------------------

    /** What the cell shows: its value, a formula's saved value or, when none was saved, its computed one; {@code null} when blank. */
    private CellValue shown(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> new CellValue(cell.getNumericCellValue());
            case STRING -> new CellValue(cell.getStringCellValue());
            case BOOLEAN -> CellValue.valueOf(cell.getBooleanCellValue());
            case ERROR -> CellValue.getError(cell.getErrorCellValue());
            case FORMULA -> saved(cell) ? switch (cell.getCachedFormulaResultType()) {
                case NUMERIC -> new CellValue(cell.getNumericCellValue());
                case STRING -> new CellValue(cell.getStringCellValue());
                case BOOLEAN -> CellValue.valueOf(cell.getBooleanCellValue());
                case ERROR -> CellValue.getError(cell.getErrorCellValue());
                default -> null;
            } : computed(cell);
            default -> null;
        };
    }

    /**
     * Whether a formula was saved with its value. Only an xlsx cell can lack one (no {@code <v>}; POI
     * then reads it as 0); an old .xls formula record always carries a value.
     */
    private static boolean saved(Cell cell) {
        return !(cell instanceof XSSFCell x) || x.getCTCell().isSetV();
    }

    private boolean isDate(Cell cell, CellValue v) {
        CellStyle style = cell.getCellStyle();
        return style != null && DateUtil.isValidExcelDate(v.getNumberValue())
                && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
    }

    private LocalDate date(CellValue v) {
        boolean date1904 = wb instanceof Date1904Support d && d.isDate1904();
        return DateUtil.getLocalDateTime(v.getNumberValue(), date1904).toLocalDate();
    }

    private String error(Cell cell, CellValue v) {
        byte code = v.getErrorValue();
        String shown = FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "an error";
        if (code == FormulaError.CIRCULAR_REF.getCode()) {
            return "the formula =" + cell.getCellFormula() + " refers to itself (a circular reference)";
        }
        return cell.getCellType() == CellType.FORMULA ? "the formula =" + cell.getCellFormula() + " gives " + shown
                : "expected a value, found " + shown;
    }

    // ---- formulas saved without a value -------------------------------------------------------------

    private CellValue computed(Cell cell) {
        Sheet sheet = cell.getSheet();
        String formula = "the formula =" + cell.getCellFormula() + " was saved without its value and ";
        if (!(wb instanceof XSSFWorkbook xssf)) {
            throw bad(sheet, cell.getRowIndex(), cell.getColumnIndex(), formula + "cannot be computed here; type the value");
        }
        if (parsing == null) {
            parsing = XSSFEvaluationWorkbook.create(xssf);
            evaluator = xssf.getCreationHelper().createFormulaEvaluator();
        }
        try {
            String refused = bounds(wb.getSheetIndex(sheet), cell.getRowIndex(), cell.getColumnIndex(), 0);
            if (refused != null) {
                throw bad(sheet, cell.getRowIndex(), cell.getColumnIndex(), formula + refused + "; type the value");
            }
            return evaluator.evaluate(cell);
        } catch (LocatedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            String function = unsupported(e);
            throw bad(sheet, cell.getRowIndex(), cell.getColumnIndex(), formula + (function != null
                    ? "uses " + function + ", which this program cannot compute"
                    : "cannot be computed here") + "; type the value, or save the workbook from a spreadsheet program,"
                    + " which saves the values");
        }
    }

    private static String unsupported(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotImplementedFunctionException f) {
                return f.getFunctionName();
            }
            if (t instanceof FormulaParseException) {
                return null;
            }
        }
        return null;
    }

    /**
     * Checks, before POI computes a cell, what computing it would read: the formula and every
     * formula and name it depends on, to {@link #MAX_DEPTH} deep, reading at most
     * {@link #MAX_CELLS_READ} cells in all (POI walks every cell of a range, so one range of the
     * whole sheet would take minutes). Returns why it is refused, or {@code null}.
     */
    private String bounds(int sheetIndex, int r, int c, int depth) {
        if (!walked.add(sheetIndex + ":" + r + ":" + c)) {
            return null; // computed once: POI keeps the values it computed
        }
        var cell = parsing.getSheet(sheetIndex).getCell(r, c);
        if (cell == null || cell.getCellType() != CellType.FORMULA) {
            return null;
        }
        return tokens(parsing.getFormulaTokens(cell), sheetIndex, depth);
    }

    private String tokens(Ptg[] ptgs, int sheetIndex, int depth) {
        if (depth > MAX_DEPTH) {
            return "depends on formulas nested more than " + MAX_DEPTH + " deep";
        }
        for (Ptg ptg : ptgs) {
            if (ptg instanceof Pxg x && x.getExternalWorkbookNumber() > 0
                    || ptg instanceof NameXPxg n && n.getExternalWorkbookNumber() > 0) {
                return "refers to another workbook, which this program cannot see";
            }
            if (ptg instanceof AbstractFunctionPtg f && REFUSED.contains(f.getName())) {
                return "uses " + f.getName() + (f.getName().startsWith("RAND") ? ", whose value is random"
                        : ", whose cells are known only once it is computed");
            }
            String why = null;
            if (ptg instanceof NamePtg name) {
                EvaluationName defined = parsing.getName(name);
                why = defined == null || !defined.hasFormula() ? null
                        : tokens(defined.getNameDefinition(), sheetIndex, depth + 1);
            } else if (ptg instanceof AreaPtgBase area) {
                why = range(ptg, sheetIndex, Math.min(area.getFirstRow(), area.getLastRow()),
                        Math.max(area.getFirstRow(), area.getLastRow()), Math.min(area.getFirstColumn(), area.getLastColumn()),
                        Math.max(area.getFirstColumn(), area.getLastColumn()), depth);
            } else if (ptg instanceof RefPtgBase ref) {
                why = range(ptg, sheetIndex, ref.getRow(), ref.getRow(), ref.getColumn(), ref.getColumn(), depth);
            }
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private String range(Ptg ptg, int sheetIndex, int firstRow, int lastRow, int firstCol, int lastCol, int depth) {
        int first = sheetIndex;
        int last = sheetIndex;
        if (ptg instanceof Pxg x && x.getSheetName() != null) {
            first = wb.getSheetIndex(x.getSheetName());
            last = ptg instanceof Pxg3D d && d.getLastSheetName() != null ? wb.getSheetIndex(d.getLastSheetName()) : first;
            if (first < 0 || last < 0) {
                return null; // no such sheet: POI computes #REF!, which is refused with its cell
            }
        }
        long cells = (long) (Math.abs(last - first) + 1) * (lastRow - firstRow + 1) * (lastCol - firstCol + 1);
        cellsRead += cells;
        if (cellsRead > MAX_CELLS_READ) {
            return "would read more than " + MAX_CELLS_READ + " cells";
        }
        // the formulas among those cells are computed too: walk the rows that exist, not the whole range
        for (int s = Math.min(first, last); s <= Math.max(first, last); s++) {
            Sheet sheet = wb.getSheetAt(s);
            int to = Math.min(lastRow, sheet.getLastRowNum());
            for (int r = Math.max(firstRow, sheet.getFirstRowNum()); r <= to; r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                int toCol = Math.min(lastCol, row.getLastCellNum() - 1);
                for (int c = Math.max(firstCol, row.getFirstCellNum()); c <= toCol; c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        String why = bounds(s, r, c, depth + 1);
                        if (why != null) {
                            return why;
                        }
                    }
                }
            }
        }
        return null;
    }
}
