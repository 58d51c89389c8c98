package io.github.aftersales.forms.xlsx;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a form sheet looks on paper (issue 17, "the form as paper"): A4 landscape, one page wide, the
 * column headings repeated on every page, page numbers in the footer, and every row as tall as its
 * wrapped text.
 *
 * <p>Row heights are worked out here from each cell's text and its column's width: a spreadsheet
 * program sizes rows to their text only when the file sets no height, and LibreOffice does not do it
 * when it opens an xlsx file, which left long clause texts showing their last line only. The estimate
 * counts a wide (CJK) character as two character widths (as in Excel's Calibri with SimSun or
 * DengXian; LibreOffice without Calibri draws them narrower, about 1.6, and the row has room to
 * spare, which a form to write on can use) and any other as one, and a line as 1.35 times the font
 * size (the line spacing of the CJK fonts a spreadsheet falls back to), so that a row is rather too
 * tall than cut. It depends on no font installed, so a form's bytes are the same on every machine.
 */
final class PrintLayout {

    /** Points of padding above and below a cell's text. */
    private static final double PADDING = 3;
    /** The line spacing of a font size, with the CJK fonts a spreadsheet program falls back to. */
    private static final double LINE = 1.35;

    private PrintLayout() {
    }

    /** Page setup for a form sheet whose column headings are on {@code headingRow} (0-based). */
    static void pageSetup(Sheet sheet, int headingRow, String footer) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        sheet.setFitToPage(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0); // as many pages down as the rows need
        sheet.setAutobreaks(true);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.5);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.setMargin(PageMargin.HEADER, 0.2);
        sheet.setMargin(PageMargin.FOOTER, 0.25);
        sheet.setHorizontallyCenter(true);
        sheet.setPrintGridlines(false);
        sheet.setRepeatingRows(new CellRangeAddress(headingRow, headingRow, -1, -1));
        sheet.getFooter().setLeft(footer);
        sheet.getFooter().setRight("&P / &N");
    }

    /** Sets every row's height to fit the text of its cells (merged regions by their whole width). */
    static void fitRows(Sheet sheet) {
        Workbook wb = sheet.getWorkbook();
        List<CellRangeAddress> merged = new ArrayList<>(sheet.getMergedRegions());
        for (Row row : sheet) {
            double height = 0;
            for (Cell cell : row) {
                if (cell.getCellType() != CellType.STRING) {
                    continue;
                }
                double width = width(sheet, merged, cell);
                if (width <= 0) {
                    continue;
                }
                CellStyle style = cell.getCellStyle();
                Font font = wb.getFontAt(style.getFontIndex());
                double size = font.getFontHeightInPoints();
                int lines = style.getWrapText() ? lines(cell.getStringCellValue(), width) : 1;
                height = Math.max(height, lines * size * LINE + PADDING);
            }
            if (height > 0) {
                row.setHeightInPoints((float) Math.min(409, Math.ceil(height)));
            }
        }
    }

    /** The width in characters a cell's text has: its column's, or its merged region's; 0 inside a region. */
    private static double width(Sheet sheet, List<CellRangeAddress> merged, Cell cell) {
        int first = cell.getColumnIndex();
        int last = first;
        for (CellRangeAddress m : merged) {
            if (m.isInRange(cell.getRowIndex(), cell.getColumnIndex())) {
                if (m.getFirstColumn() != first || m.getFirstRow() != cell.getRowIndex()) {
                    return 0;
                }
                last = m.getLastColumn();
            }
        }
        double w = 0;
        for (int c = first; c <= last; c++) {
            w += sheet.getColumnWidth(c) / 256.0;
        }
        return w;
    }

    /** How many lines a text takes in a column of {@code width} characters, wrapped. */
    static int lines(String text, double width) {
        double usable = Math.max(1, width - 1);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            double w = 0;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                w += wide(cp) ? 2 : 1;
                i += Character.charCount(cp);
            }
            lines += Math.max(1, (int) Math.ceil(w / usable));
        }
        return lines;
    }

    /** Whether a character is drawn two characters wide: CJK ideographs, kana, hangul, full-width forms. */
    static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
