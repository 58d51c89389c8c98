package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combined grade (ZG025 6.3) as the reports draw it: its chart shows stars, not a share, with the
 * red line it announces; a combined result whose part fails shows no sum of stars beside "no grade".
 */
class CombinedReportTest {

    @Test
    void theCombinedChartShowsStarsAndDrawsTheLineItAnnounces() {
        Element sum = section(run(Path.of("examples/zg025-combined.json"), "html"), "zg025-combined");
        Element chart = sum.selectFirst("svg.chart");
        assertThat(chart.select("text").eachText()).containsExactly(
                "stars of the parts; the red line is what the grade above needs (十星级)", "Stars", "9 / 12 ★");
        // 4 + 5 = 9 of the 12 the parts can sum to; 十星级 needs 10: the line at 10/12 of the 360-pixel bar
        assertThat(chart.selectFirst("rect.bar").attr("width")).isEqualTo("270.0");
        assertThat(chart.select("line.threshold").eachAttr("x1")).containsExactly(String.valueOf(230 + 360 * 10 / 12.0));
        assertThat(chart.text()).doesNotContain("%");
    }

    @Test
    void aChartSaysARedLineShowsOnlyWhenItDrawsOne() {
        // the five-star CQM example is at its table's top: no grade above, no line
        Element cqm = section(run(Path.of("examples/cqm/cqm-five-star.json"), "html"), "cqm");
        assertThat(cqm.select("svg.chart line.threshold")).isEmpty();
        assertThat(cqm.selectFirst("svg.chart text").text()).isEqualTo("share");
    }

    @Test
    void aFailingPartLeavesNoSumOfStarsBesideNoCombinedGrade(@TempDir Path dir) throws Exception {
        // the example with its first twelve scored GB/T items at 0: total 66.83 of 100, below 达标's 70
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(Path.of("examples/zg025-combined.json").toFile());
        int zeroed = 0;
        for (JsonNode f : root.get("schemes").get(0).get("findings")) {
            if (f.has("score") && zeroed++ < 12) {
                ((ObjectNode) f).put("score", 0);
                if (f.has("result")) {
                    ((ObjectNode) f).put("result", "not-conform");
                }
            }
        }
        Path file = dir.resolve("gbt-fails.json");
        Files.writeString(file, root.toString());
        assertThat(run(file, "json")).contains("\"total\" : 66.83");
        // in Chinese, the part's reason inside the combined grade's, the level's English holding brackets of its own
        CliRun zh = CliRun.of("evaluate", "--lang", "zh", file.toString());
        assertThat(zh.out()).contains("\n    gbt27922 form 未通过（总分 66.83 < 70，未达达标级（二星级）的要求：还需 3.1 分），"
                + "未达综合等级五星级的要求\n").contains("\n      下一等级：总分 66.83 < 70，未达达标级（二星级）的要求：还需 3.1 分\n")
                .doesNotContain("needed for").doesNotContain("qualified");
        String text = run(file, "text");
        assertThat(text).contains("无综合评价等级 (no combined grade)  — not passed\n");
        String md = run(file, "md");
        assertThat(md).contains("**Grade: 无综合评价等级 (no combined grade)**\n").doesNotContain("sum of the parts' stars");
        Element sum = section(run(file, "html"), "zg025-combined");
        assertThat(sum.selectFirst(".grade").text()).isEqualTo("Grade: 无综合评价等级 (no combined grade)");
        assertThat(sum.select("svg")).isEmpty();
        assertThat(sum.text()).doesNotContain("Sum of the parts").doesNotContain(" %");
    }

    private static String run(Path file, String format) {
        CliRun r = CliRun.of("evaluate", "--lang", "en", "--format", format, file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    private static Element section(String html, String scheme) {
        return Jsoup.parse(html).selectFirst("section#" + scheme);
    }
}
