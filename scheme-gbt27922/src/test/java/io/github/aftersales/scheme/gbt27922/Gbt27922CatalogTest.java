package io.github.aftersales.scheme.gbt27922;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.spi.Catalog;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Scheme;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogs against the facts in ../shared/standards/README.md and the standard's text. */
class Gbt27922CatalogTest {

    /** Found through ServiceLoader, exactly as the application finds it. */
    static final Scheme SCHEME = SchemeRegistry.discover(Gbt27922CatalogTest.class.getClassLoader())
            .find("gbt27922").orElseThrow();

    private static Catalog catalog(String variant) {
        return SCHEME.variant(variant).orElseThrow().catalog();
    }

    private static Map<String, BigDecimal> points(List<Category> categories) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        categories.forEach(c -> m.put(c.id(), c.points().stripTrailingZeros()));
        return m;
    }

    private static BigDecimal p(String s) {
        return new BigDecimal(s).stripTrailingZeros();
    }

    @Test
    void registeredWithItsVariants() {
        assertThat(SCHEME.version()).isEqualTo("GB/T 27922-2011");
        assertThat(SCHEME.variants()).extracting(Variant::id).containsExactly("form", "annex-a1", "annex-a2", "annex-b");
        assertThat(SCHEME.defaultVariant().id()).isEqualTo("form");
    }

    @Test
    void theFormHas50RowsOf51ClausesSummingTo100() {
        Catalog form = catalog("form");
        List<Clause> clauses = form.clauses();
        assertThat(clauses).hasSize(51);
        assertThat(clauses.stream().map(Clause::row).distinct().sorted().toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(clauses.stream().filter(c -> c.row() == 2).map(Clause::id)).containsExactly("5.1.1.2", "5.1.1.3");
        assertThat(clauses.stream().map(Clause::points).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
        assertThat(form.totalPoints()).isEqualByComparingTo("100");
    }

    @Test
    void theFormsCategoriesCarryThePointsPrinted() {
        Catalog form = catalog("form");
        assertThat(points(form.categories())).containsExactly(
                Map.entry("5.1", p("40")), Map.entry("5.2", p("35")), Map.entry("5.3", p("25")));
        Map<String, BigDecimal> second = new LinkedHashMap<>();
        form.categories().forEach(c -> second.putAll(points(c.categories())));
        // 5.1 = 4+6+6+6+7+5+6, 5.2 = 6+6+4+10+7+2, 5.3 = 15+10
        assertThat(second).containsExactly(
                Map.entry("5.1.1", p("4")), Map.entry("5.1.2", p("6")), Map.entry("5.1.3", p("6")),
                Map.entry("5.1.4", p("6")), Map.entry("5.1.5", p("7")), Map.entry("5.1.6", p("5")),
                Map.entry("5.1.7", p("6")),
                Map.entry("5.2.1", p("6")), Map.entry("5.2.2", p("6")), Map.entry("5.2.3", p("4")),
                Map.entry("5.2.4", p("10")), Map.entry("5.2.5", p("7")), Map.entry("5.2.6", p("2")),
                Map.entry("5.3.1", p("15")), Map.entry("5.3.2", p("10")));
    }

    @Test
    void specialClausesOfTheForm() {
        Catalog form = catalog("form");
        assertThat(form.clause("5.1.1.3").orElseThrow().points()).isEqualByComparingTo("0");
        assertThat(form.clauses().stream().filter(c -> c.id().startsWith("5.2.2.")))
                .hasSize(4).allSatisfy(c -> assertThat(c.points()).isEqualByComparingTo("1.5"));
        assertThat(form.clauses().stream().filter(Clause::asksApplicability).map(c -> c.id() + "@" + c.row()))
                .containsExactly("5.2.1.4@22", "5.2.5.5@40");
        assertThat(form.clause("5.1.2.2").orElseThrow().points()).isEqualByComparingTo("5");
        assertThat(form.clause("5.3.2.2").orElseThrow().points()).isEqualByComparingTo("7");
        assertThat(form.clause("5.1.1.1").orElseThrow().title())
                .isEqualTo("设立或指定专门从事售后服务工作的部门，并有合理的职能划分和岗位设置。");
        assertThat(form.clause("5.2.1.5").orElseThrow().note()).startsWith("注：系统性缺陷");
        assertThat(form.clauses()).allSatisfy(c -> assertThat(c.titleEn()).isNotBlank());
    }

    @Test
    void annexA1And2AreCategoryTables() {
        assertThat(catalog("annex-a1").categories().stream().map(c -> c.title() + " " + c.points().toPlainString())
                .collect(Collectors.toList())).containsExactly(
                        "服务文化 6", "服务制度 6", "服务体系 8", "配送安装 10", "维修服务 20", "客户投诉 30", "客户管理 10", "服务改进 10");
        assertThat(catalog("annex-a2").categories().stream().map(c -> c.title() + " " + c.points().toPlainString())
                .collect(Collectors.toList())).containsExactly(
                        "服务文化 12", "服务制度 12", "服务体系 20", "客户投诉 40", "服务改进 16");
        assertThat(catalog("annex-a1").categories()).allSatisfy(c -> assertThat(c.scoredAsWhole()).isTrue());
        assertThat(catalog("annex-a1").clauses()).isEmpty();
    }

    @Test
    void annexBHas8CategoriesAnd23IndicatorsWithoutInventedPoints() {
        Catalog b = catalog("annex-b");
        assertThat(b.categories().stream().map(c -> c.id() + " " + c.title() + " " + c.points().toPlainString())
                .collect(Collectors.toList())).containsExactly(
                        "B.1 服务文化 6", "B.2 服务制度 6", "B.3 服务体系 6", "B.4 产品保证 20", "B.5 配送安装 10",
                        "B.6 客户投诉 30", "B.7 客户管理 12", "B.8 服务改进 10");
        // indicators: the sub-categories and the clauses directly under a category (B.3.1, B.4.1-3)
        long indicators = b.categories().stream().mapToLong(c -> c.categories().size() + c.clauses().size()).sum();
        assertThat(indicators).isEqualTo(23);
        assertThat(b.clauses()).allSatisfy(c -> assertThat(c.points()).as(c.id()).isNull());
        assertThat(b.clause("B.6.3.2").orElseThrow().title()).isEqualTo("顾客投诉解决率不能低于97%。");
    }
}
