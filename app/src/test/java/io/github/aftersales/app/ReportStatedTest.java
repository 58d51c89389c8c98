package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports show what a grade rests on besides the clauses: the assessor, and each part's stated
 * facts (S, S当面, the management audit) and events, escaped for the medium.
 */
class ReportStatedTest {

    private static final Path CQM = Path.of("examples/cqm/note1-example2-rectified-complaint.json");

    @Test
    void theTextReportShowsTheAssessorTheFactsInTheFilesOrderAndTheEvents() {
        String out = run(CQM, "text", "en");
        assertThat(out).contains("Assessor: 王五 (example evaluator)\n");
        assertThat(out).contains("""
                  Stated facts
                    managementAudit: passed
                    seriousNonConformities: 0
                    S: 92
                    S当面: 91
                    operatingSince: 2020-03-01
                    onSiteDate: 2026-10-15

                  Events
                    2025-12-01  majorComplaint  rectified=true; note: 媒体报道，已整改。 Reported by the press; rectified.
                """);
    }

    @Test
    void markdownAndHtmlShowTheSameAsTables() {
        String md = run(CQM, "md", "en");
        assertThat(md).contains("- Assessor: 王五 (example evaluator)\n")
                .contains("| S当面 | 91 |\n").contains("| managementAudit | passed |\n")
                .contains("| 2025-12-01 | majorComplaint | rectified=true | 媒体报道，已整改。 Reported by the press; rectified. |\n");
        Document html = Jsoup.parse(run(CQM, "html", "en"));
        assertThat(html.selectFirst("article p").text()).contains("Assessor: 王五 (example evaluator)");
        assertThat(html.select("section#cqm table.facts tr.fact").eachText()).containsExactly("managementAudit passed",
                "seriousNonConformities 0", "S 92", "S当面 91", "operatingSince 2020-03-01", "onSiteDate 2026-10-15");
        assertThat(html.select("section#cqm table.events tr.event").eachText())
                .containsExactly("2025-12-01 majorComplaint rectified=true 媒体报道，已整改。 Reported by the press; rectified.");
    }

    @Test
    void whatTheAssessmentStatesIsEscapedForTheMedium(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hostile.json");
        Files.writeString(file, Files.readString(CQM)
                .replace("王五 (example evaluator)", "<b>王五</b> | *x*")
                .replace("媒体报道，已整改。 Reported by the press; rectified.", "<script>alert(1)</script> | [a](b)"));
        String md = run(file, "md", "en");
        assertThat(md).contains("- Assessor: \\<b>王五\\</b> \\| \\*x\\*\n")
                .contains("| \\<script>alert(1)\\</script> \\| \\[a\\](b) |");
        String html = run(file, "html", "en");
        assertThat(html).doesNotContain("<b>王五").doesNotContain("<script>")
                .contains("&lt;b&gt;王五&lt;/b&gt; | *x*").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script, b")).isEmpty();
        assertThat(doc.select("table.events tr.event td").eachText()).contains("<script>alert(1)</script> | [a](b)");
        for (String lang : List.of("zh", "both")) {
            assertThat(run(file, "text", lang)).contains("<b>王五</b> | *x*");
        }
    }

    @Test
    void aControlCharacterInWhatTheAssessmentStatesNeverReachesTheTerminal(@TempDir Path dir) throws Exception {
        // JSON escapes for ESC, BEL and CSI: "ESC[2J" would clear the screen of whoever prints the report
        Path file = dir.resolve("escape.json");
        Files.writeString(file, Files.readString(CQM).replace("王五 (example evaluator)", "王五\\u001b[2J\\u0007")
                .replace("媒体报道，已整改。", "媒体报道\\u009b31m"));
        for (String format : List.of("html", "md", "text")) {
            String out = run(file, format, "en");
            assertThat(out).as(format).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
                    .contains("王五");
        }
        assertThat(run(file, "html", "en")).contains("王五\uFFFD[2J\uFFFD");
    }

    private static String run(Path file, String format, String lang) {
        CliRun r = CliRun.of("evaluate", "--lang", lang, "--format", format, file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }
}
