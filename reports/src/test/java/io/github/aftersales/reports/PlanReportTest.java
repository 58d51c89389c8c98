package io.github.aftersales.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.plan.Change;
import io.github.aftersales.core.plan.LevelPlan;
import io.github.aftersales.core.plan.SchemePlan;
import io.github.aftersales.core.plan.Wait;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan's texts are escaped for each medium: no markup of a scheme author's title or a stated fact gets through. */
class PlanReportTest {

    private static final List<SchemePlan> PLANS = List.of(new SchemePlan("x", "v", List.of(
            new LevelPlan("top", "<b>顶</b>", "top | *star*", 2, LevelPlan.Status.FROM, LocalDate.of(2027, 3, 3),
                    List.of(new Change("x", Change.Kind.CLAUSE, "1.1", "<script>alert(1)</script> [a](javascript:x)",
                                    "not-conform (0 of 2)", "conform (2 of 2)", BigDecimal.valueOf(2), null, null),
                            new Change("x", Change.Kind.FACT, "S", null, "<i>75</i>", "≥ 80", null, null,
                                    BigDecimal.valueOf(80))),
                    BigDecimal.valueOf(2), null, List.of(new Wait("accident", "onSiteDate", LocalDate.of(2027, 3, 3),
                            "the accident of 2026-03-02 stops counting when onSiteDate is 2027-03-03 or later")),
                    List.of(), null, true)), null));

    @Test
    void htmlEscapesEveryText() {
        String html = PlanReport.html(PLANS, Labels.EN);
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("<i>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;顶&lt;/b&gt;")
                .contains("from 2027-03-03, 2 change(s), 2 points")
                .contains("the accident of 2026-03-02 stops counting when onSiteDate is 2027-03-03 or later");
    }

    @Test
    void markdownMakesNoMarkupOfIt() {
        String md = PlanReport.markdown(PLANS, Labels.EN);
        assertThat(md).contains("\\<script>").contains("\\[a\\](javascript").contains("top \\| \\*star\\*")
                .contains("\\<b>顶\\</b>").doesNotContain(" <script>");
    }

    @Test
    void textHasNoControlCharacters() {
        String text = PlanReport.text(List.of(new SchemePlan("x", "v", List.of(), "bad\u001b[31m note")), Labels.EN);
        assertThat(text).doesNotContain("\u001b");
        assertThat(PlanReport.text(PLANS, Labels.ZH)).contains("升级路径").contains("自 2027-03-03 起");
    }

    @Test
    void theJsonWritesEveryKey() {
        var level = PlanReport.json(PLANS.get(0)).get("levels").get(0);
        assertThat(level.get("effort").isNull()).isTrue();
        assertThat(level.get("why").isNull()).isTrue();
        assertThat(level.get("proven").asBoolean()).isTrue();
        assertThat(level.get("changes").get(1).get("gain").isNull()).isTrue();
        assertThat(level.get("changes").get(1).get("title").isNull()).isTrue();
        assertThat(level.get("waits").get(0).get("from").asText()).isEqualTo("2027-03-03");
    }
}
