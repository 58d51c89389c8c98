package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch's HTML report opens with an overview (grade distribution, pass rate, the clauses that
 * lost the most points, per scheme) whose figures are those counted over the same batch's JSON
 * results; each organisation starts on its own printed page.
 */
class BatchHtmlOverviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** 20 generated assessments: GB/T all passing, CQM with one failing, the combined scheme with three schemes each. */
    @ParameterizedTest
    @ValueSource(strings = {"gbt27922", "cqm", "zg025-combined"})
    void theOverviewCountsWhatTheJsonResultsSay(String scheme) throws Exception {
        Path book = book(scheme);
        Path json = dir.resolve(scheme + ".json");
        Path html = dir.resolve(scheme + ".html");
        run("evaluate", "--format", "json", "-o", json.toString(), book.toString());
        run("evaluate", "--format", "html", "--lang", "en", "-o", html.toString(), book.toString());

        // worked out from the JSON: per scheme and variant, grades, passes and points lost per clause
        Map<String, Map<String, Long>> grades = new TreeMap<>();
        Map<String, long[]> passes = new TreeMap<>(); // passed, count
        Map<String, Map<String, BigDecimal>> lost = new TreeMap<>();
        Map<String, Map<String, Long>> lostIn = new TreeMap<>();
        for (JsonNode a : JSON.readTree(json.toFile()).get("assessments")) {
            for (JsonNode s : a.get("schemes")) {
                String key = s.get("scheme").asText() + " " + s.get("variant").asText();
                grades.computeIfAbsent(key, k -> new TreeMap<>()).merge(s.get("grade").asText(), 1L, Long::sum);
                long[] p = passes.computeIfAbsent(key, k -> new long[2]);
                p[0] += s.get("passed").asBoolean() ? 1 : 0;
                p[1]++;
                for (JsonNode c : s.get("lostPoints")) {
                    lost.computeIfAbsent(key, k -> new TreeMap<>()).merge(c.get("id").asText(), c.get("lost").decimalValue(),
                            BigDecimal::add);
                    lostIn.computeIfAbsent(key, k -> new TreeMap<>()).merge(c.get("id").asText(), 1L, Long::sum);
                }
            }
        }

        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        assertThat(doc.select("section.overview")).hasSize(1);
        assertThat(doc.select("article.assessment")).hasSize(20);
        assertThat(doc.selectFirst("section.overview .evaluated").text()).isEqualTo("20");
        assertThat(doc.select("section.overview-scheme")).hasSize(grades.size());
        for (Element s : doc.select("section.overview-scheme")) {
            String key = s.attr("data-scheme") + " " + s.attr("data-variant");
            Map<String, Long> shown = new TreeMap<>();
            s.select("svg.grades g.grade-count").forEach(g -> shown.merge(g.attr("data-grade"),
                    Long.parseLong(g.attr("data-count")), Long::sum));
            assertThat(shown).as(key).isEqualTo(grades.get(key));

            long[] p = passes.get(key);
            Element rate = s.selectFirst("svg.pass-rate");
            assertThat(rate.attr("data-passed")).as(key).isEqualTo(Long.toString(p[0]));
            assertThat(rate.attr("data-count")).as(key).isEqualTo(Long.toString(p[1]));
            String percent = BigDecimal.valueOf(p[0] * 100).divide(BigDecimal.valueOf(p[1]), 1, RoundingMode.HALF_UP)
                    .toPlainString();
            assertThat(rate.attr("data-rate")).as(key).isEqualTo(percent);
            assertThat(s.selectFirst("p.pass-rate").text()).as(key)
                    .isEqualTo("passed " + p[0] + " of " + p[1] + " (" + percent + " %)");

            // the ten clauses that lost the most points, most first, ties by id
            Map<String, BigDecimal> byClause = lost.getOrDefault(key, Map.of());
            List<String> top = byClause.entrySet().stream()
                    .sorted(Comparator.comparing(Map.Entry<String, BigDecimal>::getValue).reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(10).map(Map.Entry::getKey).toList();
            List<String> topShown = new ArrayList<>();
            for (Element c : s.select("svg.clauses g.clause-loss")) {
                String id = c.attr("data-id");
                topShown.add(id);
                // the overview adds the exact losses and cuts the sum once; the JSON shows each loss cut to
                // two decimals, so its sum may be less by under a hundredth for each assessment
                BigDecimal slack = new BigDecimal("0.01").multiply(BigDecimal.valueOf(lostIn.get(key).get(id)));
                assertThat(new BigDecimal(c.attr("data-lost")).subtract(byClause.get(id)).abs()).as(key + " " + id)
                        .isLessThanOrEqualTo(slack);
                assertThat(c.attr("data-assessments")).as(key + " " + id)
                        .isEqualTo(Long.toString(lostIn.get(key).get(id)));
            }
            assertThat(topShown).as(key).isEqualTo(top);
        }
    }

    @Test
    void theFiguresOfTheGbtBatchAsCountedByHand() throws Exception {
        // gbt27922, 20 assessments, seed 7: evaluate --format summary says 9 five stars, 5 four, 3 three, 3 qualified
        Path html = dir.resolve("b.html");
        run("evaluate", "--format", "html", "--lang", "en", "-o", html.toString(), book("gbt27922").toString());
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        assertThat(doc.select("svg.grades g.grade-count").eachAttr("data-count")).containsExactly("9", "5", "3", "3");
        assertThat(doc.selectFirst("p.pass-rate").text()).isEqualTo("passed 20 of 20 (100.0 %)");
        assertThat(doc.select("svg.clauses g.clause-loss")).hasSize(10);
        // the overview is written last (the batch streams) and placed first by its style sheet
        assertThat(doc.body().children().last().is("section.overview")).isTrue();
        String style = doc.selectFirst("section.overview style").html();
        assertThat(style).contains("body { display: flex; flex-direction: column; }")
                .contains("section.overview { order: -1; }").contains("article.assessment { break-before: page;")
                .contains("thead { display: table-header-group; }");
        assertThat(doc.select("script, link, img, iframe")).isEmpty();
    }

    @Test
    void oneAssessmentHasNoOverviewAndChineseOverviewsHaveNoEnglishWords() throws Exception {
        Path one = dir.resolve("one.html");
        run("evaluate", "--format", "html", "-o", one.toString(), "examples/gbt27922-form.json");
        Document single = Jsoup.parse(one.toFile(), "UTF-8");
        assertThat(single.select("section.overview")).isEmpty();
        assertThat(single.select("style")).hasSize(1);

        Path zh = dir.resolve("zh.html");
        run("evaluate", "--format", "html", "--lang", "zh", "-o", zh.toString(), book("cqm").toString());
        Element overview = Jsoup.parse(zh.toFile(), "UTF-8").selectFirst("section.overview");
        overview.select("style, h2").remove(); // the standard's name and the scheme's id as written
        String words = overview.text();
        assertThat(words).contains("本批评价概览", "通过率", "等级分布", "失分最多的 8 个条款", "通过 19 / 20（95.0 %）",
                "−101.25 分，涉及 14 份评价");
        // the standards' titles are Chinese; no English word of ours is left
        assertThat(words).doesNotContainPattern("[A-Za-z]{3,}");
    }

    @Test
    @Tag("thorough") // Chromium prints 20 organisations: about 10 s
    void eachOrganisationStartsOnItsOwnPrintedPageAfterTheOverview() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(pdftotext),
                "Chromium or pdftotext is not installed");
        Path html = dir.resolve("b.html");
        Path pdf = dir.resolve("b.pdf");
        run("evaluate", "--format", "html", "--lang", "en", "-o", html.toString(), book("gbt27922").toString());
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf, html.toUri().toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        Path text = dir.resolve("b.txt");
        Process t = new ProcessBuilder(pdftotext.toString(), pdf.toString(), text.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(t.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String[] pages = Files.readString(text, StandardCharsets.UTF_8).split("\f");
        assertThat(pages[0].strip()).startsWith("Overview of the batch");
        List<Integer> organisations = new ArrayList<>();
        Pattern organisation = Pattern.compile("Organisation: generated organisation (\\d+)");
        for (String page : pages) {
            Matcher m = organisation.matcher(page);
            if (m.find()) {
                assertThat(page.strip()).as("the page of organisation " + m.group(1))
                        .startsWith("After-sales service evaluation");
                organisations.add(Integer.parseInt(m.group(1)));
                assertThat(m.find()).as("one organisation a page").isFalse();
            }
        }
        assertThat(organisations).hasSize(20).isSorted().doesNotHaveDuplicates();
    }

    private Path book(String scheme) {
        Path book = dir.resolve(scheme + ".ndjson");
        if (!Files.exists(book)) {
            run("generate", "--scheme", scheme, "--count", "20", "--seed", "7", "-o", book.toString());
        }
        return book;
    }

    private static void run(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
    }
}
