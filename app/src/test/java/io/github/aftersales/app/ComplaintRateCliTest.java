package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GB/T 27922 Annex B B.6.3.2 ("顾客投诉解决率不能低于97%") through the real command line: the counts
 * of complaints received and resolved, stated as facts, decide B.6.3.2 by the rate the grading table
 * derives; B.10 grades on the category scores, so the grade stays what the auditor's scores give, and an
 * assessment without the counts grades as before.
 */
class ComplaintRateCliTest {

    private static final Path EXAMPLE = Path.of("examples/gbt27922-annex-b-complaint-counts.yaml");
    private static final Path WITHOUT = Path.of("examples/gbt27922-annex-b.yaml");

    @TempDir
    Path work;

    CliProcess.Ran run(String... args) throws Exception {
        return CliProcess.run(work, List.of(), args);
    }

    /** The example with other counts, and B.6.3.2's finding as given. */
    Path counts(long received, long resolved, String finding) throws Exception {
        String text = Files.readString(EXAMPLE).replace("complaintsReceived: 120", "complaintsReceived: " + received)
                .replace("complaintsResolved: 109", "complaintsResolved: " + resolved)
                .replace("{id: B.6.3.2, note: 抽查 2026 年 1-10 月投诉记录}", finding);
        Path file = work.resolve("counts.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theCountsDecideTheItemAndTheReasonSaysTheRate() throws Exception {
        CliProcess.Ran r = run("evaluate", EXAMPLE.toString());
        assertThat(r.exit()).isZero();
        // 109 × 100 / 120 = 90.833… %, shown cut to 90.83
        assertThat(r.out()).contains("B.6.3.2 does not conform, decided by the grading table: complaint resolution rate"
                + " (顾客投诉解决率) 90.83 % (complaintsReceived = 120, complaintsResolved = 109) < 97 %")
                .contains("75 / 100  = 75 %").contains("未达标 (not qualified)  — not passed");
        CliProcess.Ran zh = run("evaluate", "--lang", "zh", EXAMPLE.toString());
        assertThat(zh.exit()).isZero();
        assertThat(zh.out()).contains("B.6.3.2 不符合（由评分表按所述数据判定）：顾客投诉解决率 90.83 %"
                + "（complaintsReceived = 120, complaintsResolved = 109）< 97 %");
    }

    @Test
    void theResultInJsonIsTheDecidedOne() throws Exception {
        for (long[] c : new long[][] {{100, 97}, {100, 96}, {3, 3}}) {
            CliProcess.Ran r = run("evaluate", "--format", "json", counts(c[0], c[1],
                    "{id: B.6.3.2, note: 抽查}").toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode s = new ObjectMapper().readTree(r.out()).at("/assessments/0/schemes/0");
            String result = null;
            for (JsonNode clause : s.get("clauses")) {
                if (clause.get("id").asText().equals("B.6.3.2")) {
                    result = clause.get("result").asText();
                }
            }
            // 97 % exactly conforms ("不能低于": not below)
            assertThat(result).as(c[1] + " of " + c[0]).isEqualTo(c[1] * 100 >= 97 * c[0] ? "conform" : "not-conform");
            assertThat(s.get("total").decimalValue()).isEqualByComparingTo("75");
        }
    }

    @Test
    void aGradeDoesNotDependOnTheCountsAndWithoutThemNothingChanges() throws Exception {
        CliProcess.Ran without = run("evaluate", "--format", "json", WITHOUT.toString());
        CliProcess.Ran good = run("evaluate", "--format", "json", counts(100, 100, "{id: B.6.3.2, note: 抽查}")
                .toString());
        JsonNode a = new ObjectMapper().readTree(without.out()).at("/assessments/0/schemes/0");
        JsonNode b = new ObjectMapper().readTree(good.out()).at("/assessments/0/schemes/0");
        for (String field : List.of("grade", "passed", "stars", "score", "total", "percent")) {
            assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
        }
        assertThat(without.out()).doesNotContain("decided by the grading table");
    }

    @Test
    void aStatedResultTheCountsContradictIsOneLineWithItsPlace() throws Exception {
        CliProcess.Ran r = run("evaluate", counts(120, 118, "{id: B.6.3.2, result: not-conform}").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: " + work.resolve("counts.yaml") + ":21:9: schemes[0].findings[6]: B.6.3.2"
                + " is stated not-conform, but the grading table decides it from the stated facts: complaint resolution"
                + " rate (顾客投诉解决率) 98.33 % (complaintsReceived = 120, complaintsResolved = 118) ≥ 97 %, so it"
                + " conforms; correct the result or the facts, or leave the result out").doesNotContain("Exception")
                .hasLineCount(1);
    }

    @Test
    void moreComplaintsResolvedThanReceivedIsOneLineWithItsPlace() throws Exception {
        CliProcess.Ran r = run("evaluate", counts(120, 121, "{id: B.6.3.2, note: 抽查}").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: " + work.resolve("counts.yaml") + ":26:7: schemes[0].facts.complaintsResolved:"
                + " complaintsResolved 121 is more than complaintsReceived 120: of which resolved (B.6.3.2) cannot exceed"
                + " customer complaints received (B.6.3.2)\n");
        // as many resolved as received is a rate of 100 %: B.6.3.2 conforms
        assertThat(run("evaluate", counts(120, 120, "{id: B.6.3.2, note: 抽查}").toString()).exit()).isZero();
    }

    @Test
    void oneCountWithoutTheOtherIsRefused() throws Exception {
        Path file = work.resolve("one.yaml");
        Files.writeString(file, Files.readString(EXAMPLE).replace("      complaintsResolved: 109\n", ""));
        CliProcess.Ran r = run("evaluate", file.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("schemes[0]: facts complaintsReceived without complaintsResolved: B.6.3.2 is"
                + " decided from complaintsReceived and complaintsResolved together; state it too, or none of them");
    }
}
