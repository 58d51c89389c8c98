package io.github.aftersales.forms.xlsx;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.assessment.Event;
import io.github.aftersales.core.assessment.Finding;
import io.github.aftersales.core.assessment.SchemeAssessment;
import io.github.aftersales.core.assessment.SpreadsheetFiles;
import io.github.aftersales.core.json.Located;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.spi.CatalogVisitor;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Inputs;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Assessment forms as Excel workbooks (Apache POI): one sheet per scheme part with the columns of
 * the standard's form, drop-down lists for the conclusion, scores limited to each clause's points,
 * the standard's text locked, and live totals; read back into an assessment, every bad cell named
 * as {@code Sheet!Cell}.
 */
public final class XlsxForms {

    /** The marker that tells our workbooks from any other. */
    static final String MARKER = "aftersales-form-1";
    private static final String ABOUT = "about";
    /** The columns: 序号, 要点, 条款, 需提供证明材料, 自评估结论, 分数, 证明材料清单, 备注, 分值, 编号. */
    static final int ROW_NO = 0;
    static final int HEADING = 1;
    static final int CLAUSE = 2;
    static final int REQUIRED = 3;
    static final int RESULT = 4;
    static final int SCORE = 5;
    static final int EVIDENCE = 6;
    static final int NOTE = 7;
    static final int POINTS = 8;
    static final int ID = 9;
    static final int FIRST_ROW = 5; // 0-based: rows 1-5 are the title, the organisation and the header
    /** Event rows: attribute columns after the id column, one a distinct attribute name. */
    static final int FIRST_ATTRIBUTE = 10;
    private static final int EVENT_ROWS = 20;
    private static final String[] RESULTS = {"符合", "不符合", "不适用"};

    private XlsxForms() {
    }

    // ---- writing ---------------------------------------------------------------------------------

    /** Writes a blank form for a variant (for a combining variant: a sheet per part it combines). */
    public static void write(Scheme scheme, Variant variant, Function<String, Optional<Scheme>> others, OutputStream out)
            throws IOException {
        write(scheme, variant, others, null, out);
    }

    /**
     * Writes the form for a variant filled with what {@code filled} states (the blank form when it is {@code null}):
     * the organisation, date and assessor; each clause's result, score, evidence list and note; each fact; each dated
     * event with its note and attributes. {@link #read} reads it back to the same statements and grade; a score given
     * as samples or a percentage is written as the score it gives. What the form cannot hold is refused rather than
     * left out, since the form read back would grade otherwise: a part's readings, a not-applicable reading other
     * than the variant's own, a score that is not a decimal of at most 15 digits (1 of 3 samples not conforming), a
     * result or note on a checklist's group (which has no row).
     *
     * @throws IllegalArgumentException when a scheme the variant combines is not installed, or the form cannot hold
     *                                  what a part states (more events than the form's rows, as above)
     */
    public static void write(Scheme scheme, Variant variant, Function<String, Optional<Scheme>> others,
            Assessment filled, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet about = wb.createSheet(ABOUT);
            put(about, 0, 0, MARKER);
            put(about, 1, 0, "scheme");
            put(about, 1, 1, scheme.id());
            put(about, 2, 0, "variant");
            put(about, 2, 1, variant.id());
            int line = 4;
            List<Map.Entry<Scheme, Variant>> parts = new ArrayList<>();
            for (Variant.PartRef ref : variant.combines()) {
                Scheme s = others.apply(ref.scheme()).orElseThrow(() -> new IllegalArgumentException(
                        scheme.id() + " combines " + ref + ", which is not installed"));
                parts.add(Map.entry(s, s.variant(ref.variant()).orElseThrow()));
            }
            if (!variant.combining()) {
                parts.add(Map.entry(scheme, variant));
            }
            Styles styles = new Styles(wb);
            for (Map.Entry<Scheme, Variant> part : parts) {
                String sheetName = part.getKey().id();
                put(about, line, 0, "sheet");
                put(about, line, 1, sheetName);
                put(about, line, 2, part.getValue().id());
                put(about, line, 3, part.getKey().version());
                line++;
                sheet(wb.createSheet(sheetName), part.getKey(), part.getValue(), styles, filled);
            }
            if (variant.combining()) {
                put(about, line, 0, "combining");
                put(about, line, 1, scheme.id());
                put(about, line, 2, variant.id());
                put(about, line, 3, scheme.version());
            }
            wb.setSheetHidden(wb.getSheetIndex(ABOUT), true);
            wb.setActiveSheet(1);
            wb.write(out);
        }
    }

    private static final class Styles {
        final CellStyle locked;
        final CellStyle wrap;
        final CellStyle input;
        final CellStyle header;
        final CellStyle grey;
        /** Points and row numbers: centred, so that a number is not read with the id beside it. */
        final CellStyle number;
        /** The sheet's title, above the table: large, bold, no border. */
        final CellStyle title;
        /** A signature line: a box tall enough to sign in, unlocked so that a name may also be typed. */
        final CellStyle sign;
        /** The labels of the signature block: bold, no border. */
        final CellStyle signLabel;

        Styles(Workbook wb) {
            locked = wb.createCellStyle();
            locked.setLocked(true);
            locked.setWrapText(true);
            locked.setVerticalAlignment(VerticalAlignment.TOP);
            borders(locked);
            wrap = locked;
            input = wb.createCellStyle();
            input.setLocked(false);
            input.setWrapText(true);
            input.setVerticalAlignment(VerticalAlignment.TOP);
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            borders(input);
            header = wb.createCellStyle();
            header.setLocked(true);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            var bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            borders(header);
            grey = wb.createCellStyle();
            grey.setLocked(true);
            grey.setVerticalAlignment(VerticalAlignment.TOP);
            grey.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            grey.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            borders(grey);
            number = wb.createCellStyle();
            number.cloneStyleFrom(locked);
            number.setAlignment(HorizontalAlignment.CENTER);
            title = wb.createCellStyle();
            title.setLocked(true);
            title.setWrapText(true);
            var large = wb.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title.setFont(large);
            signLabel = wb.createCellStyle();
            signLabel.setLocked(true);
            signLabel.setWrapText(true);
            signLabel.setVerticalAlignment(VerticalAlignment.BOTTOM);
            signLabel.setFont(bold);
            sign = wb.createCellStyle();
            sign.setLocked(false);
            sign.setWrapText(true);
            sign.setVerticalAlignment(VerticalAlignment.BOTTOM);
            sign.setBorderBottom(BorderStyle.THIN);
        }

        private static void borders(CellStyle style) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
    }

    private static void sheet(Sheet sheet, Scheme scheme, Variant variant, Styles st, Assessment filled) {
        put(sheet, 0, 0, variant.title() + " — " + scheme.version(), st.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, ROW_NO, ID));
        String[] labels = {"组织名称 Organisation", "评估时间 Date", "评估部门/人员 Assessor"};
        for (int r = 1; r <= 3; r++) {
            put(sheet, r, ROW_NO, labels[r - 1], st.header);
            put(sheet, r, HEADING, "", st.header);
            sheet.addMergedRegion(new CellRangeAddress(r, r, ROW_NO, HEADING));
            for (int c = CLAUSE; c <= ID; c++) {
                put(sheet, r, c, "", st.input); // read from C; D to J only widen it
            }
            sheet.addMergedRegion(new CellRangeAddress(r, r, CLAUSE, ID));
        }
        String[] head = {"序号", "要点", "条款", "需提供证明材料", "自评估结论 符合/不符合/不适用", "分数", "证明材料清单", "备注 Note",
            "分值 Points", "编号 Id"};
        for (int c = 0; c < head.length; c++) {
            put(sheet, 4, c, head[c], st.header);
        }
        int[] row = {FIRST_ROW};
        DataValidationHelper dv = sheet.getDataValidationHelper();
        rows(sheet, variant, st, dv, row);
        int last = row[0];
        liveTotals(sheet, last, variant, st);
        int factRow = last + 2;
        if (!variant.inputs().facts().isEmpty()) {
            sheet.addMergedRegion(new CellRangeAddress(factRow, factRow, ROW_NO, HEADING));
            put(sheet, factRow++, 0, "事实 Facts", st.header);
            for (Inputs.FactSpec f : variant.inputs().facts()) {
                put(sheet, factRow, CLAUSE, f.title() + " / " + f.titleEn() + " (" + f.type().key()
                        + (f.optional() ? "; 可不填 optional" : "") + ")", st.wrap);
                put(sheet, factRow, ID, "fact:" + f.name(), st.locked);
                put(sheet, factRow, RESULT, "", st.input);
                if (!f.values().isEmpty()) {
                    validation(sheet, dv, dv.createExplicitListConstraint(f.values().toArray(String[]::new)), factRow, RESULT);
                }
                factRow++;
            }
        }
        if (!variant.inputs().events().isEmpty()) {
            factRow++;
            put(sheet, factRow, 0, "事件 Events", st.header);
            sheet.addMergedRegion(new CellRangeAddress(factRow, factRow, ROW_NO, HEADING));
            put(sheet, factRow, RESULT, "类型 type", st.header);
            put(sheet, factRow, SCORE, "日期 date (YYYY-MM-DD)", st.header);
            put(sheet, factRow, EVIDENCE, "说明 note", st.header);
            List<String> attributes = eventAttributes(variant);
            List<String> optional = optionalEventAttributes(variant);
            for (int a = 0; a < attributes.size(); a++) {
                // an optional attribute (CQM's cannotBeRectified) left blank is not stated, which reads as false
                put(sheet, factRow, FIRST_ATTRIBUTE + a, attributes.get(a) + (optional.contains(attributes.get(a))
                        ? OPTIONAL_ATTRIBUTE : " (true/false)"), st.header);
            }
            String[] types = variant.inputs().events().stream().map(Inputs.EventSpec::type).toArray(String[]::new);
            StringBuilder guide = new StringBuilder();
            variant.inputs().events().forEach(e -> guide.append(e.type()).append(": ").append(e.title()).append("; "));
            put(sheet, factRow, CLAUSE, guide.toString(), st.wrap);
            factRow++;
            for (int i = 0; i < EVENT_ROWS; i++, factRow++) {
                put(sheet, factRow, ID, "event", st.locked);
                put(sheet, factRow, RESULT, "", st.input);
                put(sheet, factRow, SCORE, "", st.input);
                put(sheet, factRow, EVIDENCE, "", st.input);
                validation(sheet, dv, dv.createExplicitListConstraint(types), factRow, RESULT);
                for (int a = 0; a < attributes.size(); a++) {
                    put(sheet, factRow, FIRST_ATTRIBUTE + a, "", st.input);
                    validation(sheet, dv, dv.createExplicitListConstraint(new String[] {"true", "false"}), factRow,
                            FIRST_ATTRIBUTE + a);
                }
            }
        }
        int lastColumn = ID + (variant.inputs().events().isEmpty() ? 0 : eventAttributes(variant).size());
        boxes(sheet, 4, factRow - 1, lastColumn, st);
        signatures(sheet, factRow + 1, st);
        for (int c = 0; c < WIDTHS.length; c++) {
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
        for (int c = FIRST_ATTRIBUTE; c <= lastColumn; c++) {
            sheet.setColumnWidth(c, 12 * 256);
        }
        if (filled != null) {
            fill(sheet, variant, filled, filled.parts().stream().filter(p -> p.scheme().equals(scheme.id())
                    && variant.id().equals(p.variant())).findFirst());
        }
        PrintLayout.pageSetup(sheet, 4, sheet.getSheetName() + " — " + variant.id() + " — " + scheme.version());
        PrintLayout.fitRows(sheet);
        for (int r = factRow + 1; r <= factRow + 2; r++) {
            sheet.getRow(r).setHeightInPoints(Math.max(SIGNATURE_HEIGHT, sheet.getRow(r).getHeightInPoints()));
        }
        sheet.protectSheet(""); // the standard's text is locked; the yellow cells are for the auditor
    }

    /**
     * Column widths in characters, chosen so that the ten columns print one A4 landscape page wide at a
     * readable size (85 % of the font size in Excel, 70 % in LibreOffice without Calibri): the standard's
     * text and the evidence it asks for get the most.
     */
    private static final int[] WIDTHS = {4, 11, 42, 28, 9, 6, 20, 14, 6, 10};

    /** Gives every cell of the table's rows (from {@code first} to {@code last}) a thin border, empty ones too. */
    private static void boxes(Sheet sheet, int first, int last, int lastColumn, Styles st) {
        for (int r = first; r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue; // a blank line between the table, the facts and the events
            }
            int end = row.getLastCellNum() - 1 > ID ? lastColumn : ID;
            for (int c = ROW_NO; c <= end; c++) {
                if (row.getCell(c) == null) {
                    row.createCell(c).setCellStyle(st.locked);
                }
            }
        }
    }

    /**
     * The signature block under the form: the assessor and the organisation's representative each sign
     * and date it. The cells are unlocked (a name may be typed) and read by no one: they are for paper.
     */
    private static void signatures(Sheet sheet, int first, Styles st) {
        String[] who = {"评估人员（签字）Assessor (signature)", "受评组织代表（签字）Organisation representative (signature)"};
        for (int i = 0; i < who.length; i++) {
            int r = first + i;
            put(sheet, r, CLAUSE, who[i], st.signLabel);
            put(sheet, r, REQUIRED, "", st.sign);
            put(sheet, r, RESULT, "日期 Date", st.signLabel);
            put(sheet, r, SCORE, "", st.sign);
            put(sheet, r, EVIDENCE, "", st.sign);
            sheet.addMergedRegion(new CellRangeAddress(r, r, SCORE, EVIDENCE));
        }
    }

    /** Room to sign by hand: a signature row is at least this tall, in points. */
    private static final float SIGNATURE_HEIGHT = 36;

    /**
     * The totals a spreadsheet works out as the form is filled, the way the program scores it (issue 17:
     * a plain SUM of the score column left out 符合 without a typed score): a typed score counts; 符合
     * without one, the row's points; 不适用 leaves the applicable points under the variant's default
     * reading (prorate) or earns its points (full-points); the total on the declared scale and the
     * share are cut to two decimals, as printed. Rows with no finding count 0 here; the program refuses
     * them unless told to count them as 0.
     */
    private static void liveTotals(Sheet sheet, int last, Variant variant, Styles st) {
        String e = "E" + (FIRST_ROW + 1) + ":E" + last;
        String f = "F" + (FIRST_ROW + 1) + ":F" + last;
        String i = "I" + (FIRST_ROW + 1) + ":I" + last;
        boolean prorate = variant.notApplicable() == io.github.aftersales.spi.NotApplicablePolicy.PRORATE;
        String notApplicablePoints = "SUMIFS(" + i + "," + e + ",\"不适用\")";
        String score = "SUMIFS(" + f + "," + e + ",\"<>不适用\")+SUMIFS(" + i + "," + e + ",\"符合\"," + f + ",\"\")"
                + (prorate ? "" : "+" + notApplicablePoints);
        String applicable = "SUM(" + i + ")" + (prorate ? "-" + notApplicablePoints : "");
        put(sheet, last, CLAUSE, "合计 Total: 得分 score / 适用分值 applicable points" + (prorate
                ? "（不适用项不计入 not applicable: excluded）" : "（不适用项得满分 not applicable: full points）"), st.header);
        formula(sheet, last, SCORE, score, st.locked);
        formula(sheet, last, POINTS, applicable, st.locked);
        String scoreCell = "F" + (last + 1);
        String pointsCell = "I" + (last + 1);
        String declared = plain(variant.catalog().totalPoints());
        // ROUND to 9 places first: a sum of decimals in doubles (94.99999999999999) is the decimal it stands for
        put(sheet, last + 1, CLAUSE, "折算总分 total on " + declared + " points / 得分率 percent", st.header);
        formula(sheet, last + 1, SCORE, "IF(" + pointsCell + ">0,ROUNDDOWN(ROUND(" + scoreCell + "*" + declared + "/"
                + pointsCell + ",9),2),\"\")", st.locked);
        formula(sheet, last + 1, POINTS, "IF(" + pointsCell + ">0,ROUNDDOWN(ROUND(" + scoreCell + "*100/" + pointsCell
                + ",9),2),\"\")", st.locked);
    }

    private static void formula(Sheet sheet, int r, int c, String formula, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.createCell(c);
        cell.setCellFormula(formula);
        cell.setCellStyle(style);
    }

    /** The header of an optional attribute's column, after its name. */
    private static final String OPTIONAL_ATTRIBUTE = " (true/false, blank: not stated)";

    /** The event types' attributes, each once: the required ones first, then the optional ones. */
    private static List<String> eventAttributes(Variant variant) {
        List<String> names = new ArrayList<>();
        variant.inputs().events().forEach(e -> e.attributes().stream().filter(a -> !names.contains(a)).forEach(names::add));
        optionalEventAttributes(variant).stream().filter(a -> !names.contains(a)).forEach(names::add);
        return names;
    }

    /** The attributes an event of some type may leave out (catalog format 0.2). */
    private static List<String> optionalEventAttributes(Variant variant) {
        List<String> names = new ArrayList<>();
        variant.inputs().events().forEach(e -> e.optionalAttributes().stream().filter(a -> !names.contains(a))
                .forEach(names::add));
        return names;
    }

    /** A row for every scored unit and checklist item, in the standard's order. */
    private static void rows(Sheet sheet, Variant variant, Styles st, DataValidationHelper dv, int[] row) {
        boolean anyExcluded = variant.catalog().anyClauseMayBeExcluded();
        variant.catalog().walk(new CatalogVisitor() {
            /** The categories scored by their clauses whose heading is written (on their first clause's row). */
            private final java.util.Set<Category> headed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

            @Override
            public boolean enter(Category c, List<Category> parents) {
                if (c.scoredAsWhole()) {
                    int r = row[0]++;
                    put(sheet, r, HEADING, heading(c), st.wrap);
                    put(sheet, r, CLAUSE, c.id() + " " + c.title() + " / " + c.titleEn(), st.wrap);
                    scored(sheet, r, c.id(), c.points(), false, st, dv);
                }
                return true;
            }

            @Override
            public void clause(Clause cl, List<Category> parents) {
                Category owner = CatalogVisitor.checklistOwner(parents);
                Category parent = parents.get(parents.size() - 1);
                int r = row[0]++;
                if (owner == null && headed.add(parent)) {
                    put(sheet, r, HEADING, heading(parent), st.wrap);
                }
                if (cl.row() != null) {
                    put(sheet, r, ROW_NO, Integer.toString(cl.row()), st.number);
                }
                put(sheet, r, CLAUSE, cl.id() + " " + cl.title() + (cl.points() == null ? "" : "（" + plain(cl.points()) + "分）"),
                        st.wrap);
                put(sheet, r, REQUIRED, String.join("\n", cl.requiredEvidence()), st.wrap);
                if (owner != null) {
                    put(sheet, r, ID, cl.id(), st.locked);
                    put(sheet, r, RESULT, "", st.input);
                    put(sheet, r, SCORE, "", st.grey);
                    put(sheet, r, EVIDENCE, "", st.input);
                    put(sheet, r, NOTE, "", st.input);
                    validation(sheet, dv, dv.createExplicitListConstraint(new String[] {"符合", "不符合"}), r, RESULT);
                } else {
                    scored(sheet, r, cl.id(), cl.points(), anyExcluded || cl.asksApplicability(), st, dv);
                }
            }
        });
    }

    private static String heading(Category c) {
        return c.id() + " " + c.title() + (c.points() == null ? "" : "（" + plain(c.points()) + "分）");
    }

    private static void scored(Sheet sheet, int r, String id, BigDecimal points, boolean excludable, Styles st,
            DataValidationHelper dv) {
        put(sheet, r, ID, id, st.locked);
        Cell p = sheet.getRow(r).createCell(POINTS);
        p.setCellValue(points.doubleValue());
        p.setCellStyle(st.number);
        put(sheet, r, RESULT, "", st.input);
        Cell score = sheet.getRow(r).createCell(SCORE);
        score.setCellStyle(st.input);
        put(sheet, r, EVIDENCE, "", st.input);
        put(sheet, r, NOTE, "", st.input);
        validation(sheet, dv, dv.createExplicitListConstraint(excludable ? RESULTS : new String[] {"符合", "不符合"}), r, RESULT);
        validation(sheet, dv, dv.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0",
                plain(points)), r, SCORE);
    }

    private static void validation(Sheet sheet, DataValidationHelper dv, DataValidationConstraint constraint, int r, int c) {
        DataValidation v = dv.createValidation(constraint, new CellRangeAddressList(r, r, c, c));
        v.setShowErrorBox(true);
        sheet.addValidationData(v);
    }

    /** Puts the statements of {@code assessment} (and of its part for this sheet, if it has one) into the form's cells. */
    private static void fill(Sheet sheet, Variant variant, Assessment assessment, Optional<SchemeAssessment> part) {
        set(sheet, 1, CLAUSE, assessment.organisation());
        set(sheet, 2, CLAUSE, assessment.date());
        set(sheet, 3, CLAUSE, assessment.assessor());
        if (part.isEmpty()) {
            return;
        }
        SchemeAssessment p = part.get();
        if (p.notApplicable() != null && p.notApplicable() != variant.notApplicable()) {
            throw new IllegalArgumentException(p.scheme() + " chooses to score 不适用 as " + p.notApplicable().key()
                    + ", which the form has no cell for (read back, it would be " + variant.notApplicable().key()
                    + "): download the assessment as JSON");
        }
        if (!p.readings().isEmpty()) {
            throw new IllegalArgumentException(p.scheme() + " chooses the readings " + String.join(", ",
                    p.readings().keySet()) + ", which the form has no cell for: download the assessment as JSON");
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        part.get().findings().forEach(f -> findings.putIfAbsent(f.id(), f));
        List<String> attributes = eventAttributes(variant);
        java.util.Iterator<Event> events = part.get().events().iterator();
        for (int r = FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Cell idCell = row == null ? null : row.getCell(ID);
            String id = idCell == null || idCell.getCellType() != CellType.STRING ? null : idCell.getStringCellValue();
            if (id == null) {
                continue;
            }
            if (id.equals("event")) {
                if (events.hasNext()) {
                    Event e = events.next();
                    set(sheet, r, RESULT, e.type());
                    set(sheet, r, SCORE, e.date().toString());
                    set(sheet, r, EVIDENCE, e.note());
                    for (Map.Entry<String, String> attribute : e.attributes().entrySet()) {
                        int a = attributes.indexOf(attribute.getKey());
                        if (a >= 0) {
                            set(sheet, r, FIRST_ATTRIBUTE + a, attribute.getValue());
                        }
                    }
                }
            } else if (id.startsWith("fact:")) {
                Object value = part.get().facts().get(id.substring(5));
                if (value instanceof BigDecimal d) {
                    sheet.getRow(r).getCell(RESULT).setCellValue(d.doubleValue());
                } else if (value instanceof Number n) {
                    sheet.getRow(r).getCell(RESULT).setCellValue(n.doubleValue());
                } else if (value != null) {
                    set(sheet, r, RESULT, value.toString());
                }
            } else if (findings.containsKey(id)) {
                Finding f = findings.remove(id);
                if (f.result() != null) {
                    set(sheet, r, RESULT, f.result().zh());
                }
                Cell pointsCell = row.getCell(POINTS);
                BigDecimal points = f.declaredPoints() != null ? f.declaredPoints() : pointsCell != null
                        && pointsCell.getCellType() == CellType.NUMERIC ? BigDecimal.valueOf(pointsCell
                                .getNumericCellValue()) : null;
                BigDecimal score = f.score();
                String note = f.note();
                if (score == null && f.percent() != null && points != null) {
                    score = points.multiply(f.percent()).movePointLeft(2).stripTrailingZeros();
                } else if (score == null && f.samples() != null && points != null) {
                    int checked = f.samples().checked();
                    int bad = f.samples().nonConforming();
                    try {
                        score = points.multiply(BigDecimal.valueOf(checked - bad)).divide(BigDecimal.valueOf(checked))
                                .stripTrailingZeros();
                    } catch (ArithmeticException notFinite) {
                        throw new IllegalArgumentException(p.scheme() + " " + id + ": " + bad + " of " + checked
                                + " samples not conforming give " + plain(points) + " × " + (checked - bad) + "/"
                                + checked + " points, which no cell holds as a decimal: download the assessment as"
                                + " JSON");
                    }
                }
                if (score != null && new BigDecimal(score.doubleValue(), new java.math.MathContext(15))
                        .compareTo(score) != 0) {
                    // the reader takes a number cell to 15 digits, as a spreadsheet shows it
                    throw new IllegalArgumentException(p.scheme() + " " + id + ": the score " + score.toPlainString()
                            + " has more digits than a cell holds: download the assessment as JSON");
                }
                if (score != null && row.getCell(SCORE) != null) {
                    row.getCell(SCORE).setCellValue(score.doubleValue());
                }
                if (!f.evidence().isEmpty()) {
                    set(sheet, r, EVIDENCE, String.join("\n", f.evidence()));
                }
                set(sheet, r, NOTE, note);
            }
        }
        // what states something on an item the form has no row for (a checklist's group: its result and note)
        List<String> unwritten = findings.values().stream().filter(f -> f.result() != null || f.scoreForms() > 0
                || (f.note() != null && !f.note().isBlank()) || !f.evidence().isEmpty()).map(Finding::id).toList();
        if (!unwritten.isEmpty()) {
            throw new IllegalArgumentException(p.scheme() + " states " + String.join(", ", unwritten) + ", which the"
                    + " form has no row for: download the assessment as JSON");
        }
        if (events.hasNext()) {
            throw new IllegalArgumentException(part.get().scheme() + " lists " + part.get().events().size()
                    + " events; the form has rows for " + EVENT_ROWS);
        }
    }

    /** A text into a cell the form made (its style kept); nothing for no text. */
    private static void set(Sheet sheet, int r, int c, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        (row.getCell(c) == null ? row.createCell(c) : row.getCell(c)).setCellValue(value);
    }

    private static void put(Sheet sheet, int r, int c, String value) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        row.createCell(c).setCellValue(value);
    }

    private static void put(Sheet sheet, int r, int c, String value, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    // ---- reading -----------------------------------------------------------------------------------

    /**
     * Reads a filled form; every problem is a {@link LocatedException} naming {@code Sheet!Cell}.
     * Cells are read as the spreadsheet shows them ({@link XlsxCells}).
     */
    public static Assessment read(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            XlsxCells cells = new XlsxCells(source, wb);
            Sheet about = wb.getSheet(ABOUT);
            if (about == null || !MARKER.equals(cells.text(about, 0, 0))) {
                throw new LocatedException(source, null, "is not an assessment form of this program (no '" + ABOUT
                        + "' sheet with its marker); make one with 'template --format xlsx'");
            }
            List<SchemeAssessment> parts = new ArrayList<>();
            String organisation = null;
            String date = null;
            String assessor = null;
            for (int r = 4; r <= about.getLastRowNum(); r++) {
                String kind = cells.text(about, r, 0);
                if ("sheet".equals(kind)) {
                    String sheetName = cells.text(about, r, 1);
                    Sheet sheet = wb.getSheet(sheetName);
                    if (sheet == null) {
                        throw new LocatedException(source, null, "the sheet '" + sheetName + "' is missing");
                    }
                    organisation = first(organisation, cells.text(sheet, 1, 2));
                    date = first(date, cells.text(sheet, 2, 2));
                    assessor = first(assessor, cells.text(sheet, 3, 2));
                    parts.add(part(cells, sheet, sheetName, cells.text(about, r, 2), cells.text(about, r, 3)));
                } else if ("combining".equals(kind)) {
                    parts.add(new SchemeAssessment(cells.text(about, r, 1), cells.text(about, r, 2), cells.text(about, r, 3),
                            null, false, List.of(), Map.of(), Map.of(), List.of(), new Located.Position(0, 0),
                            Located.Where.named(ABOUT)));
                }
            }
            if (parts.isEmpty()) {
                throw new LocatedException(source, null, "the form names no scheme sheet");
            }
            return new Assessment(source, organisation, date, assessor, parts);
        } catch (LocatedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // another spreadsheet named .xlsx: what it is and what to do, not POI's advice to programmers
            Optional<SpreadsheetFiles.Kind> kind = SpreadsheetFiles.of(file).filter(k -> k == SpreadsheetFiles.ODS
                    || k == SpreadsheetFiles.NUMBERS);
            if (kind.isPresent()) {
                throw new LocatedException(source, null, "is " + kind.get().description() + " named .xlsx, which is not"
                        + " read here: " + AssessmentReader.SAVE_AS_XLSX);
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
            throw new LocatedException(source, null, "cannot be read as an xlsx workbook: " + why);
        } catch (LinkageError | StackOverflowError e) {
            // found by fuzzing: a zip entry claiming zstd compression makes commons-compress reach for a
            // codec that is not on the class path; a workbook never uses it
            throw new LocatedException(source, null, "cannot be read as an xlsx workbook: it uses a compression or"
                    + " structure an Excel workbook does not");
        }
    }

    private static SchemeAssessment part(XlsxCells cells, Sheet sheet, String name, String variant, String version) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        List<Event> events = new ArrayList<>();
        for (int r = FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
            String id = cells.text(sheet, r, ID);
            if (id == null) {
                continue;
            }
            if (id.equals("event")) {
                event(cells, sheet, r).ifPresent(events::add);
                continue;
            }
            if (id.startsWith("fact:")) {
                Object value = cells.value(sheet, r, RESULT);
                if (value != null) {
                    facts.put(id.substring(5), value);
                }
                continue;
            }
            String resultText = cells.text(sheet, r, RESULT);
            Conformity result = null;
            if (resultText != null) {
                final int row = r;
                result = Conformity.parse(resultText).orElseThrow(() -> cells.bad(sheet, row, RESULT,
                        "'" + resultText + "' is not 符合, 不符合 or 不适用"));
            }
            BigDecimal score = cells.number(sheet, r, SCORE);
            String evidence = cells.text(sheet, r, EVIDENCE);
            BigDecimal points = cells.number(sheet, r, POINTS);
            findings.add(new Finding(id, result, score, null, null, cells.text(sheet, r, NOTE),
                    evidence == null ? List.of() : List.of(evidence.split("\\R")), points, new Located.Position(0, 0),
                    // the cell a message about the row names: 不适用 is about the result (also beside a score, which
                    // it forbids); otherwise the score when one is given
                    Located.Where.named(name + "!" + new CellReference(r, result != Conformity.NOT_APPLICABLE
                            && (score != null || result == null) ? SCORE : RESULT).formatAsString(false))));
        }
        return new SchemeAssessment(name, variant, version, null, false, findings, facts, Map.of(), events,
                new Located.Position(0, 0), Located.Where.named(name));
    }

    /** An event row: type, date, note, and true/false attributes named in the events header row. */
    private static Optional<Event> event(XlsxCells cells, Sheet sheet, int r) {
        String type = cells.text(sheet, r, RESULT);
        if (type == null) {
            return Optional.empty();
        }
        LocalDate date = cells.dateOrNull(sheet, r, SCORE);
        if (date == null) {
            String text = cells.text(sheet, r, SCORE);
            if (text == null) {
                throw cells.bad(sheet, r, SCORE, "a " + type + " event needs its date (YYYY-MM-DD)");
            }
            try {
                date = LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw cells.bad(sheet, r, SCORE, "'" + text + "' is not a date as YYYY-MM-DD");
            }
        }
        if (date.getYear() < 1900 || date.getYear() > 2100) {
            throw cells.bad(sheet, r, SCORE, "'" + date + "' is not a date between 1900 and 2100");
        }
        int header = r;
        while (header > 0 && !"类型 type".equals(cells.text(sheet, header, RESULT))) {
            header--;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int c = FIRST_ATTRIBUTE; c < FIRST_ATTRIBUTE + 10; c++) {
            String name = cells.text(sheet, header, c);
            String value = cells.text(sheet, r, c);
            if (name != null && value != null) {
                attributes.put(name.replace(" (true/false)", "").replace(OPTIONAL_ATTRIBUTE, ""),
                        value.toLowerCase(java.util.Locale.ROOT));
            }
        }
        // the date cell names the event in messages (a date before operatingSince, after onSiteDate)
        return Optional.of(new Event(type, date, attributes, cells.text(sheet, r, EVIDENCE), new Located.Position(0, 0),
                Located.Where.named(sheet.getSheetName() + "!" + new CellReference(r, SCORE).formatAsString(false))));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
