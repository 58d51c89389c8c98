package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown (golden files) and the self-contained HTML report. */
class ReportTest {

    private static final Path GOLDEN = Path.of("app/src/test/resources/golden");

    @Test
    void markdownMatchesTheGoldenFiles() throws Exception {
        // golden files reviewed by hand against the results worked out in Gbt27922GradingTest and Zg025Test
        assertThat(CliRun.of("evaluate", "--format", "md", "examples/gbt27922-form.json").out())
                .isEqualTo(Files.readString(GOLDEN.resolve("gbt27922-form.md")));
        assertThat(CliRun.of("evaluate", "--format", "md", "--lang", "en", "examples/zg025-combined.json").out())
                .isEqualTo(Files.readString(GOLDEN.resolve("zg025-combined.en.md")));
    }

    @Test
    void theHtmlReportIsSelfContainedAndSaysWhatTheJsonSays(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        CliRun r = CliRun.of("evaluate", "--format", "html", "-o", html.toString(), "examples/zg025-combined.json");
        assertThat(r.exit()).as(r.err()).isZero();
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        assertThat(doc.select("script, link, iframe, img, object")).isEmpty();
        assertThat(doc.html()).doesNotContain("http://www.w3.org/1999").doesNotContain("https://");
        assertThat(doc.select("section.scheme")).hasSize(3);
        assertThat(doc.select("section.scheme svg.chart")).hasSize(3);
        Element gbt = doc.selectFirst("section#gbt27922");
        assertThat(gbt.selectFirst(".grade").text()).contains("四星级").contains("★★★★");
        // every lost clause of the GB/T part (worked out in Gbt27922GradingTest)
        assertThat(gbt.select("tr.lost-clause").eachAttr("data-id"))
                .containsExactly("5.1.2.2", "5.1.5.2", "5.1.6.4", "5.2.2.2", "5.3.1.4", "5.3.2.2");
        // the chart's threshold line is the next grade's: five stars at 95 % of the bar
        assertThat(gbt.select("svg line.threshold")).isNotEmpty();
        Element zg = doc.selectFirst("section#zg025");
        assertThat(zg.selectFirst(".grade").text()).contains("五星级");
        assertThat(zg.select("ul.reasons li").eachText())
                .contains("percentage 73.83 % < 75 % needed for 六星级 (six stars): 1 more point of 86");
        Element sum = doc.selectFirst("section#zg025-combined");
        assertThat(sum.selectFirst(".grade").text()).contains("九星级");
        assertThat(doc.selectFirst("style").html()).contains("@page { size: A4");
    }

    @Test
    void labelsInOneLanguageOrTheOtherAndTheStandardsTextsAsWritten() {
        CliRun en = CliRun.of("evaluate", "--lang", "en", "examples/gbt27922-form.json");
        assertThat(en.out()).contains("Grade:  四星级 (four stars)").contains("Points lost").doesNotContain("失分");
        CliRun zh = CliRun.of("evaluate", "--lang", "zh", "examples/gbt27922-form.json");
        assertThat(zh.out()).contains("等级:  四星级").doesNotContain("Points lost").doesNotContain("four stars");
        CliRun bad = CliRun.of("evaluate", "--lang", "fr", "examples/gbt27922-form.json");
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--lang: 'fr' is not one of zh, en, both");
    }

    @Test
    void outputFilesHaveOrdinaryPermissions(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.md");
        assertThat(CliRun.of("evaluate", "--format", "md", "-o", out.toString(), "examples/gbt27922-form.json").exit())
                .isZero();
        assertThat(Files.getPosixFilePermissions(out).toString()).contains("GROUP_READ");
        assertThat(List.of(dir.toFile().list())).containsExactly("r.md");
    }
}
