package io.github.aftersales.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.assessment.Conformity;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.core.registry.SchemeRegistry;
import io.github.aftersales.mappings.Carry.Carried;
import io.github.aftersales.mappings.Carry.Coverage;
import io.github.aftersales.mappings.Carry.TargetClause;
import io.github.aftersales.spi.Scheme;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Carrying findings, worked out by hand from the mapping file's pairs. */
class CarryTest {

    private static final SchemeRegistry REGISTRY = SchemeRegistry.discover(CarryTest.class.getClassLoader());

    static Assessment read(String json) throws Exception {
        return AssessmentReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "small.json",
                LocatedReader.Syntax.JSON);
    }

    static String form(String findings) {
        return "{\"organisation\": \"某公司\", \"schemes\": [{\"scheme\": \"gbt27922\", \"variant\": \"form\", \"findings\": ["
                + findings + "]}]}";
    }

    static Carried carry(String json, String scheme, String variant, Mappings mappings) throws Exception {
        Scheme s = REGISTRY.find(scheme).orElseThrow();
        return Carry.carry(read(json), s, s.variant(variant).orElseThrow(), REGISTRY::find, mappings);
    }

    static TargetClause clause(Carried c, String id) {
        return c.clauses().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    static JsonNode finding(Carried c, String id) {
        for (JsonNode part : c.assessment().get("schemes")) {
            for (JsonNode f : part.path("findings")) {
                if (f.get("id").asText().equals(id)) {
                    return f;
                }
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void equalCarriesConformAndNotConformAndSupersetOnlyConform() throws Exception {
        // 5.2.1.1 equal 5.4.1.1 b); 5.1.7.2 superset 5.1.2 a); 5.2.2.1 superset 5.4.3 a), intersect 5.4.3 c);
        // 5.2.4.5 superset 5.4.1.1 c), intersect 5.3.4 d)
        Carried c = carry(form("""
                {"id": "5.2.1.1", "result": "not-conform", "note": "包装无厂址", "evidence": ["照片 3"]},
                {"id": "5.1.7.2", "result": "conform", "evidence": ["保修卡", "合同样本"]},
                {"id": "5.2.2.1", "result": "not-conform", "score": 1},
                {"id": "5.2.4.5", "score": 3}
                """), "zg025", "items", Mappings.builtIn());

        assertThat(clause(c, "5.4.1.1 b)").carried()).isEqualTo(Conformity.NOT_CONFORM);
        assertThat(finding(c, "5.4.1.1 b)").get("result").asText()).isEqualTo("not-conform");
        assertThat(finding(c, "5.4.1.1 b)").get("note").asText())
                .isEqualTo("转自 carried from gbt27922/form 5.2.1.1 (equal): not-conform (包装无厂址)");
        assertThat(finding(c, "5.4.1.1 b)").get("evidence").toString()).isEqualTo("[\"照片 3\"]");

        assertThat(clause(c, "5.1.2 a)").carried()).isEqualTo(Conformity.CONFORM);
        assertThat(finding(c, "5.1.2 a)").get("note").asText())
                .isEqualTo("转自 carried from gbt27922/form 5.1.7.2 (superset): conform");
        assertThat(finding(c, "5.1.2 a)").get("evidence").toString()).isEqualTo("[\"保修卡\",\"合同样本\"]");
        assertThat(finding(c, "5.1.2 a)").get("score").isNull()).isTrue(); // conform: the target's full points

        // a score of 3 of 3 with no result is full: carried as conform
        assertThat(clause(c, "5.4.1.1 c)").carried()).isEqualTo(Conformity.CONFORM);

        // 1 of 1.5: a superset does not carry a source that does not conform, the hint says why
        TargetClause install = clause(c, "5.4.3 a)");
        assertThat(install.carried()).isNull();
        assertThat(install.coverage()).isEqualTo(Coverage.PARTLY);
        assertThat(finding(c, "5.4.3 a)").get("result").isNull()).isTrue();
        assertThat(finding(c, "5.4.3 a)").get("note").asText()).isEqualTo("待评估 to assess; bearing on it:"
                + " gbt27922/form 5.2.2.1 (superset): not-conform, 1 of 1.5 [not carried: a superset carries only a"
                + " conforming finding]");
        // an intersection never carries, even from a conforming source
        assertThat(clause(c, "5.3.4 d)").carried()).isNull();
        assertThat(finding(c, "5.3.4 d)").get("note").asText())
                .isEqualTo("待评估 to assess; bearing on it: gbt27922/form 5.1.3.3 (intersect): no finding;"
                        + " gbt27922/form 5.2.4.5 (intersect): scored, 3 of 3");
        // a target clause that nothing maps to: blank, no note
        assertThat(clause(c, "5.1.3 a)").coverage()).isEqualTo(Coverage.NOT_COVERED);
        assertThat(finding(c, "5.1.3 a)").get("note").isNull()).isTrue();

        assertThat(c.assessment().get("organisation").asText()).isEqualTo("某公司");
        assertThat(c.clauses()).hasSize(88);
    }

    @Test
    void partlyConformingAndBlankSourcesOfAnEqualPairAreOnlyHints() throws Exception {
        Carried partly = carry(form("{\"id\": \"5.2.1.1\", \"result\": \"not-conform\", \"score\": 0.5}"), "zg025",
                "items", Mappings.builtIn());
        assertThat(clause(partly, "5.4.1.1 b)").carried()).isNull();
        assertThat(finding(partly, "5.4.1.1 b)").get("note").asText()).endsWith("(equal): not-conform, 0.5 of 1"
                + " [not carried: partly conforming]");
        Carried blank = carry(form("{\"id\": \"5.2.1.1\", \"note\": \"未查\"}"), "zg025", "items", Mappings.builtIn());
        assertThat(clause(blank, "5.4.1.1 b)").carried()).isNull();
        assertThat(finding(blank, "5.4.1.1 b)").get("note").asText()).endsWith("(equal): no finding [not carried: no"
                + " finding]");
    }

    @Test
    void theOtherWayRoundSupersetIsSubsetAndNotApplicableCarriesOnlyWhereTheTargetMayExclude() throws Exception {
        String zg = """
                {"schemes": [{"scheme": "zg025", "variant": "items", "findings": [
                  {"id": "5.1.2 a)", "result": "conform"},
                  {"id": "5.4.1.1 b)", "result": "not-applicable", "note": "不销售包装商品"},
                  {"id": "5.4.1.2 b)", "result": "conform"}]}]}
                """;
        Carried c = carry(zg, "gbt27922", "form", Mappings.builtIn());
        // 5.1.2 a) is a subset of 5.1.7.2 read this way: not carried
        assertThat(clause(c, "5.1.7.2").carried()).isNull();
        assertThat(finding(c, "5.1.7.2").get("note").asText()).contains("zg025/items 5.1.2 a) (subset): conform");
        // 5.4.1.2 b) is a superset of 5.2.4.4 read this way: a conforming source carries
        assertThat(clause(c, "5.2.4.4").carried()).isEqualTo(Conformity.CONFORM);
        // equal, but GB/T 5.2.1.1 does not ask whether it applies: not carried, and said why
        assertThat(clause(c, "5.2.1.1").carried()).isNull();
        assertThat(finding(c, "5.2.1.1").get("note").asText()).endsWith("(equal): not-applicable (不销售包装商品)"
                + " [not carried: this clause may not be marked not applicable]");
        assertThat(c.clauses()).hasSize(51);
    }

    @Test
    void notApplicableThroughAnEqualPairCarriesToAnItemThatMayBeExcluded() throws Exception {
        Carried c = carry(form("{\"id\": \"5.2.1.1\", \"result\": \"not-applicable\", \"note\": \"无实物商品\"}"), "zg025",
                "items", Mappings.builtIn());
        assertThat(clause(c, "5.4.1.1 b)").carried()).isEqualTo(Conformity.NOT_APPLICABLE);
        assertThat(finding(c, "5.4.1.1 b)").get("note").asText())
                .isEqualTo("转自 carried from gbt27922/form 5.2.1.1 (equal): not-applicable (无实物商品)");
    }

    @Test
    void findingsThatWouldCarryButDisagreeCarryNothing() throws Exception {
        MappingSet.Ref form = new MappingSet.Ref("gbt27922", "form", "GB/T 27922-2011");
        MappingSet.Ref items = new MappingSet.Ref("zg025", "items", "CTS Q/ZG025-2022");
        Mappings two = new Mappings(List.of(new MappingSet("t", "t", "t", form, items, List.of("r"), "test", List.of(
                new MappingSet.Pair("5.1.7.1", "5.1.1 a)", Relation.EQUAL, "r"),
                new MappingSet.Pair("5.1.7.3", "5.1.1 a)", Relation.SUPERSET, "r")), List.of(), false)));
        Carried c = carry(form("""
                {"id": "5.1.7.1", "result": "not-conform"}, {"id": "5.1.7.3", "result": "conform"}
                """), "zg025", "items", two);
        TargetClause t = clause(c, "5.1.1 a)");
        assertThat(t.carried()).isNull();
        assertThat(t.coverage()).isEqualTo(Coverage.PARTLY);
        assertThat(t.why()).isEqualTo("the findings that would carry disagree");
        // both agreeing: carried, both named
        Carried agree = carry(form("""
                {"id": "5.1.7.1", "result": "conform"}, {"id": "5.1.7.3", "result": "conform"}
                """), "zg025", "items", two);
        assertThat(finding(agree, "5.1.1 a)").get("note").asText()).isEqualTo("转自 carried from gbt27922/form 5.1.7.1"
                + " (equal): conform; gbt27922/form 5.1.7.3 (superset): conform");
    }

    @Test
    void toTheCombinedGradeTheFormIsCopiedAndZg025Carried() throws Exception {
        Carried c = carry(form("""
                {"id": "5.1.7.2", "result": "conform", "note": "承诺一致"},
                {"id": "5.1.2.2", "result": "not-conform", "score": 3}
                """), "zg025-combined", "combined", Mappings.builtIn());
        assertThat(c.copied()).containsExactly("gbt27922/form");
        assertThat(finding(c, "5.1.2.2").get("score").decimalValue()).isEqualByComparingTo(new BigDecimal("3"));
        assertThat(finding(c, "5.1.7.2").get("note").asText()).isEqualTo("承诺一致");
        assertThat(finding(c, "5.1.2 a)").get("result").asText()).isEqualTo("conform");
        assertThat(c.clauses()).hasSize(88).allMatch(t -> t.part().equals("zg025/items"));
    }

    @Test
    void aFileWithNoMappingToTheTargetIsRefusedNamingTheMappings() throws Exception {
        String annexB = "{\"schemes\": [{\"scheme\": \"gbt27922\", \"variant\": \"annex-b\", \"findings\": []}]}";
        assertThatThrownBy(() -> carry(annexB, "zg025", "items", Mappings.builtIn()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no mapping from gbt27922/annex-b to zg025/items; the mappings are gbt27922/form ↔ zg025/items");
        assertThatThrownBy(() -> carry(form(""), "gbt27922", "form", Mappings.builtIn()))
                .hasMessage("the file already holds gbt27922/form: there is nothing to carry");
    }

    @Test
    void toAnnexBTheChecklistItemsTakeResultsAndTheirCategoryIsLeftToTheAuditor() throws Exception {
        // 5.3.1.2 equal B.7.1.1; 5.3.1.3 superset B.7.2.1; 5.2.3.2 equal B.5.1.3 and subset B.1.2.2
        Carried c = carry(form("""
                {"id": "5.3.1.2", "result": "conform"}, {"id": "5.3.1.3", "result": "conform"},
                {"id": "5.2.3.2", "result": "not-conform", "note": "送货超时"}
                """), "gbt27922", "annex-b", Mappings.builtIn());
        assertThat(clause(c, "B.7.1.1").carried()).isEqualTo(Conformity.CONFORM);
        assertThat(clause(c, "B.7.2.1").carried()).isEqualTo(Conformity.CONFORM);
        assertThat(clause(c, "B.5.1.3").carried()).isEqualTo(Conformity.NOT_CONFORM);
        assertThat(clause(c, "B.1.2.2").carried()).isNull();
        assertThat(finding(c, "B.7.1.1").has("score")).isFalse(); // a checklist item: a result, no score
        // B.7's eight items: B.7.1.1 and B.7.2.1 carried; B.7.1.2, B.7.1.3, B.7.2.2, B.7.2.4, B.7.2.5 have pairs
        // (sources without findings are hints too); B.7.2.3 has none
        assertThat(clause(c, "B.7").coverage()).isEqualTo(Coverage.PARTLY);
        assertThat(clause(c, "B.7").points()).isEqualByComparingTo("12");
        assertThat(finding(c, "B.7").get("result").isNull()).isTrue();
        assertThat(finding(c, "B.7").get("score").isNull()).isTrue();
        assertThat(finding(c, "B.7").get("note").asText())
                .isEqualTo("待评估 to assess: scored as a whole; of its 8 checklist items 2 carried, 5 with hints");
        assertThat(clause(c, "B.7.2.3").coverage()).isEqualTo(Coverage.NOT_COVERED);
        assertThat(GapReport.text(c)).contains("  B.7.1.1  - pt  conform  企业设立企业网站")
                .contains("(a checklist item has no points of its own: they are its category's, scored as a whole)\n");

        // the other way round: the superset is a subset, the equal pair carries
        String annexB = """
                {"schemes": [{"scheme": "gbt27922", "variant": "annex-b", "findings": [
                  {"id": "B.7", "score": 12}, {"id": "B.7.1.1", "result": "conform"}, {"id": "B.7.2.1", "result": "conform"}]}]}
                """;
        Carried back = carry(annexB, "gbt27922", "form", Mappings.builtIn());
        assertThat(clause(back, "5.3.1.2").carried()).isEqualTo(Conformity.CONFORM);
        assertThat(clause(back, "5.3.1.3").carried()).isNull();
        assertThat(finding(back, "5.3.1.3").get("note").asText()).contains("gbt27922/annex-b B.7.2.1 (subset): conform");
    }

    @Test
    void aCqmItemThatHoldsSeveralFormClausesCarriesToEachWhenItConforms() throws Exception {
        // CQM 4.1.1.2.5 a)–e) is GB/T 5.2.1.1–5.2.1.4 and 5.2.5.2: read from CQM, a superset of each
        String cqm = """
                {"schemes": [{"scheme": "cqm", "variant": "star", "findings": [
                  {"id": "4.1.1.2.5", "result": "conform"}, {"id": "4.1.1.2.1", "result": "not-conform", "note": "无受理时间"},
                  {"id": "4.1.7.3", "result": "not-conform"}]}]}
                """;
        Carried c = carry(cqm, "gbt27922", "form", Mappings.builtIn());
        for (String id : List.of("5.2.1.1", "5.2.1.2", "5.2.1.3", "5.2.1.4", "5.2.5.2")) {
            assertThat(clause(c, id).carried()).as(id).isEqualTo(Conformity.CONFORM);
            assertThat(finding(c, id).get("note").asText()).isEqualTo("转自 carried from cqm/star 4.1.1.2.5 (superset): conform");
        }
        // equal: a non-conforming item carries as such
        assertThat(clause(c, "5.3.1.1").carried()).isEqualTo(Conformity.NOT_CONFORM);
        // 4.1.7.3 is 5.2.5.4 and 5.2.5.5 together: not conforming says neither which nor whether
        assertThat(clause(c, "5.2.5.4").carried()).isNull();
        assertThat(finding(c, "5.2.5.4").get("note").asText()).isEqualTo("待评估 to assess; bearing on it: cqm/star 4.1.7.3"
                + " (superset): not-conform [not carried: a superset carries only a conforming finding]");

        // the other way: each GB/T clause is only part of 4.1.1.2.5, so even all five conforming carry nothing
        Carried back = carry(form("""
                {"id": "5.2.1.1", "result": "conform"}, {"id": "5.2.1.2", "result": "conform"}, {"id": "5.2.1.3", "result": "conform"},
                {"id": "5.2.1.4", "result": "conform"}, {"id": "5.2.5.2", "result": "conform"}
                """), "cqm", "star", Mappings.builtIn());
        assertThat(clause(back, "4.1.1.2.5").carried()).isNull();
        assertThat(clause(back, "4.1.1.2.5").bearings()).hasSize(5);
        // 4.1.1's items: 4.1.1.1, 4.1.1.2.1–6, 4.1.1.3.1–2, 4.1.1.4; paired: 4.1.1.2.1, .3, .4, .5, .6, 4.1.1.3.1, 4.1.1.4
        assertThat(finding(back, "4.1.1").get("note").asText())
                .isEqualTo("待评估 to assess: scored as a whole; of its 10 checklist items 0 carried, 7 with hints");
    }

    @Test
    void fromCqmToZg025OnlyTheItemsCqmHoldsWholeCarry() throws Exception {
        String cqm = """
                {"schemes": [{"scheme": "cqm", "variant": "star", "findings": [
                  {"id": "4.1.1.2.4", "result": "conform"}, {"id": "4.1.6.1", "result": "not-conform"},
                  {"id": "4.2.4.4", "result": "conform"}]}]}
                """;
        Carried c = carry(cqm, "zg025", "items", Mappings.builtIn());
        assertThat(clause(c, "5.1.2 a)").carried()).isEqualTo(Conformity.CONFORM);
        assertThat(clause(c, "5.4.3 b)").carried()).isNull();
        assertThat(clause(c, "5.3.4 b)").carried()).isNull(); // intersect
        assertThat(c.clauses().stream().filter(t -> t.carried() != null)).hasSize(1);
        assertThat(c.mappings()).extracting(MappingSet::id).containsExactly("zg025-items__cqm-star");
    }

    @Test
    void theGapReportCountsClausesAndPoints() throws Exception {
        Carried c = carry(form("""
                {"id": "5.2.1.1", "result": "conform"}, {"id": "5.1.7.2", "result": "not-conform"}
                """), "zg025", "items", Mappings.builtIn());
        // 69 ZG025 items have a pair; one carried (5.4.1.1 b)), 19 have none
        JsonNode totals = GapReport.json(c).get("totals");
        assertThat(totals.toString()).isEqualTo("{\"covered\":{\"clauses\":1,\"points\":1},\"partly-covered\":{\"clauses\":68,"
                + "\"points\":68},\"not-covered\":{\"clauses\":19,\"points\":19},\"all\":{\"clauses\":88,\"points\":88}}");
        String text = GapReport.text(c);
        assertThat(text).contains("covered                         1        1\n")
                .contains("partly covered                 68       68\n")
                .contains("not covered                    19       19\n")
                .contains("  5.4.1.1 b)  1 pt  conform  所售商品的外包装有完整的厂家和产品信息，便于客户识别和了解。\n"
                        + "      ← gbt27922/form 5.2.1.1 (equal): conform\n");
    }
}
