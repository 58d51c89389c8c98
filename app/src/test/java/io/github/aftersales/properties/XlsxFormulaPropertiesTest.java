package io.github.aftersales.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.assessment.AssessmentFormats;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.properties.GradingPropertiesTest.Filling;
import io.github.aftersales.properties.GradingPropertiesTest.Item;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The Excel form read against JSON (issue 18): random GB/T 27922 forms and ZG025 item lists are
 * written into the form that {@code template --format xlsx} makes, each score as an auditor might
 * enter it (typed, typed as text, {@code =0.7*3}, {@code =21/10}, {@code =1-0.9}, a sum, a sum of
 * the auditor's own cells on another sheet), each formula saved with the value a spreadsheet program
 * computes in doubles (2.0999999999999996 for 0.7*3) or, as a program that does not compute formulas
 * saves it, without one. The same findings in JSON must give the same grade and the same figures.
 *
 * <p>Formulas are the kinds whose doubles the spreadsheet shows as the intended number at 15
 * significant digits. A difference that cancels all but the last digits ({@code =1-0.99625}) leaves
 * noise a spreadsheet shows too (0.00375000000000003): the reader refuses it, naming the cell
 * ({@code XlsxTest}), so it is written here only where it cannot cancel that far (scores ≥ 0.1).
 */
// jqwik's own Tag (jqwik does not see JUnit's): 400 forms written, recalculated and read back, about 10 s
@Tag("thorough")
class XlsxFormulaPropertiesTest {

    private static final int RESULT = 4;
    private static final int SCORE = 5;
    private static final int NOTE = 7;
    private static final int ID = 9;
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("xlsx-property");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.list(DIR)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(DIR);
    }

    /** How one score is entered. */
    enum Kind { TYPED, TEXT, PRODUCT, QUOTIENT, DIFFERENCE, SUM, CELLS }

    /** One score's entry: how, whether a formula is saved with its value, and a number that picks the operands. */
    record Writing(Kind kind, boolean saved, int pick) {
    }

    static Arbitrary<List<Writing>> writings(int n) {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.of(true, false), Arbitraries.integers().between(0, 999))
                .as(Writing::new).list().ofSize(n);
    }

    @Provide
    Arbitrary<Filling> gbtForm() {
        return GradingPropertiesTest.fillings("gbt27922", "form");
    }

    @Provide
    Arbitrary<List<Writing>> gbtWritings() {
        return writings(GradingPropertiesTest.items(variant("gbt27922", "form")).size());
    }

    @Provide
    Arbitrary<Filling> zg025() {
        return GradingPropertiesTest.fillings("zg025", "items");
    }

    @Provide
    Arbitrary<List<Writing>> zgWritings() {
        return writings(GradingPropertiesTest.items(variant("zg025", "items")).size());
    }

    // Each try writes a workbook with POI and reads it back (about 40 ms on 2 cores, twice that when the
    // machine is busy, against 0.1 ms for a JSON try), so these run 200 tries instead of 10,000: 8 to 17 s
    // each. Every try enters 51 (88) scores, so each property still tries some 10,000 (17,000) cells,
    // every kind both saved and not.

    @Property(tries = 200)
    void aGbtFormInExcelGradesAsTheSameFindingsInJson(@ForAll("gbtForm") Filling f,
            @ForAll("gbtWritings") List<Writing> w) {
        same(f, w);
    }

    @Property(tries = 200)
    void aZg025FormInExcelGradesAsTheSameFindingsInJson(@ForAll("zg025") Filling f,
            @ForAll("zgWritings") List<Writing> w) {
        same(f, w);
    }

    static void same(Filling f, List<Writing> w) {
        SchemeResult json = GradingPropertiesTest.evaluate("{\"schemes\": [" + f.partJson("") + "]}").results().get(0);
        SchemeResult xlsx = GradingPropertiesTest.EVALUATOR.evaluate(AssessmentReader.read(workbook(f, w)),
                EvaluationOptions.DEFAULTS).results().get(0);
        assertThat(xlsx.stars()).isEqualTo(json.stars());
        assertThat(xlsx.grade()).isEqualTo(json.grade());
        assertThat(xlsx.passed()).isEqualTo(json.passed());
        assertThat(xlsx.score()).isEqualByComparingTo(json.score());
        assertThat(xlsx.maxScore()).isEqualByComparingTo(json.maxScore());
        assertThat(xlsx.total()).isEqualByComparingTo(json.total());
        assertThat(xlsx.percent()).isEqualByComparingTo(json.percent());
        assertThat(lost(xlsx)).isEqualTo(lost(json));
        assertThat(xlsx.reasons()).isEqualTo(json.reasons());
    }

    private static List<String> lost(SchemeResult r) {
        return r.lostPoints().stream().map(c -> c.id() + " " + c.lost().stripTrailingZeros().toPlainString()).toList();
    }

    // ---- the workbook -------------------------------------------------------------------------------

    private static final Map<String, byte[]> TEMPLATES = new HashMap<>();

    static Variant variant(String scheme, String variant) {
        return GradingPropertiesTest.scheme(scheme).variant(variant).orElseThrow();
    }

    /** The blank form, as {@code template --scheme S --format xlsx} writes it; made once a scheme. */
    private static synchronized byte[] template(String schemeId, String variantId) {
        return TEMPLATES.computeIfAbsent(schemeId + "/" + variantId, k -> {
            Scheme scheme = GradingPropertiesTest.scheme(schemeId);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                AssessmentFormats.find("xlsx").orElseThrow().writeTemplate(scheme, scheme.variant(variantId).orElseThrow(),
                        GradingPropertiesTest.REGISTRY::find, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    /** The filling entered into the form, saved as a file. */
    static Path workbook(Filling f, List<Writing> writings) {
        List<Item> items = GradingPropertiesTest.items(f.v());
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(template(f.scheme(), f.variant())))) {
            Sheet sheet = wb.getSheet(f.scheme());
            Map<String, Row> rows = new HashMap<>();
            for (Row row : sheet) {
                Cell id = row.getCell(ID);
                if (id != null && id.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    rows.put(id.getStringCellValue(), row);
                }
            }
            Sheet calc = wb.createSheet("calc"); // the auditor's own working, beside the form
            for (int i = 0; i < items.size(); i++) {
                Row row = rows.get(items.get(i).id());
                if (f.excluded().get(i)) {
                    row.getCell(RESULT).setCellValue("不适用");
                    row.getCell(NOTE).setCellValue("n/a");
                } else {
                    enter(row.getCell(SCORE), f.score(i), writings.get(i), calc, i);
                }
            }
            Path file = Files.createTempFile(DIR, "form", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int[] FACTORS = {2, 3, 4, 5, 7, 8, 10};
    private static final int[] DIVISORS = {3, 7, 10, 100};

    /** Enters score {@code s} into {@code cell} the way {@code w} says. */
    static void enter(Cell cell, BigDecimal s, Writing w, Sheet calc, int i) {
        switch (w.kind()) {
            case TYPED -> cell.setCellValue(s.doubleValue());
            case TEXT -> cell.setCellValue(s.toPlainString());
            case PRODUCT -> product(cell, s, w);
            case QUOTIENT -> {
                int y = DIVISORS[w.pick() % DIVISORS.length];
                BigDecimal x = s.multiply(BigDecimal.valueOf(y));
                formula(cell, plain(x) + "/" + y, x.doubleValue() / y, w.saved());
            }
            case DIFFERENCE -> {
                BigDecimal c = new BigDecimal(s.toBigInteger()).add(BigDecimal.ONE);
                BigDecimal d = c.subtract(s);
                int exponent = s.signum() == 0 ? Integer.MIN_VALUE : s.precision() - s.scale() - 1;
                // the error of c − d is at most an ulp of c: it must stay below half a unit of the 15th digit
                if (exponent == Integer.MIN_VALUE || Math.ulp(c.doubleValue()) >= 0.5 * Math.pow(10, exponent - 14)) {
                    product(cell, s, w);
                } else {
                    formula(cell, plain(c) + "-" + plain(d), c.doubleValue() - d.doubleValue(), w.saved());
                }
            }
            case SUM, CELLS -> {
                BigDecimal[] p = parts(s, w.pick());
                double sum = p[0].doubleValue() + p[1].doubleValue() + p[2].doubleValue();
                if (w.kind() == Kind.SUM) {
                    formula(cell, plain(p[0]) + "+" + plain(p[1]) + "+" + plain(p[2]), sum, w.saved());
                } else {
                    Row row = calc.createRow(i);
                    for (int c = 0; c < 3; c++) {
                        row.createCell(c).setCellValue(p[c].doubleValue());
                    }
                    formula(cell, "SUM(calc!A" + (i + 1) + ":C" + (i + 1) + ")", sum, w.saved());
                }
            }
            default -> throw new AssertionError(w);
        }
    }

    /** {@code =a*b} with {@code a = s / b} a finite decimal (else b = 10, which always is). */
    private static void product(Cell cell, BigDecimal s, Writing w) {
        int b = FACTORS[w.pick() % FACTORS.length];
        BigDecimal a;
        try {
            a = s.divide(BigDecimal.valueOf(b));
        } catch (ArithmeticException nonTerminating) {
            b = 10;
            a = s.divide(BigDecimal.TEN);
        }
        formula(cell, plain(a) + "*" + b, a.doubleValue() * b, w.saved());
    }

    /** s split into three non-negative parts of its own decimals. */
    private static BigDecimal[] parts(BigDecimal s, int pick) {
        BigInteger n = s.unscaledValue();
        BigInteger n1 = n.multiply(BigInteger.valueOf(pick % 10)).divide(BigInteger.TEN);
        BigInteger n2 = n.subtract(n1).multiply(BigInteger.valueOf(pick / 10 % 10)).divide(BigInteger.TEN);
        return new BigDecimal[] {new BigDecimal(n1, s.scale()), new BigDecimal(n2, s.scale()),
            new BigDecimal(n.subtract(n1).subtract(n2), s.scale())};
    }

    /** A formula, with the value a spreadsheet program computes in doubles and saves, or without one. */
    private static void formula(Cell cell, String formula, double value, boolean saved) {
        cell.setCellFormula(formula);
        if (saved) {
            cell.setCellValue(value); // on a formula cell, POI keeps it as the formula's saved value
        }
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
