package io.github.aftersales.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every sentence form the evaluation writes (one sample of each, as core writes it) is read back:
 * the English bundle writes it again exactly, the Chinese one with no English word of its own.
 */
class SentencesTest {

    static final List<String> SAMPLES = List.of(
            "score given", "conform: full points", "not conform: no points", "no finding: counted as 0",
            "2 of 5 samples not conforming: 1 × 3/5 = 0.6", "scored 50 %: 1 × 50 % = 0.5", "checklist of 4.1.2",
            "not applicable: excluded from the applicable total (prorate, chosen in the assessment's options)",
            "not applicable: full points (full-points, chosen on the command line)",
            "not applicable: excluded from the applicable total (prorate, fixed by zg025 items)",
            "not applicable: excluded from the applicable total (prorate, fixed by zg025 items; the command line's"
                    + " choice does not apply to it)",
            "not applicable: excluded from the applicable total (prorate, the default of gbt27922 form)",
            "total 92.85 < 95 needed for 五星级 (five stars): 2.1 more points",
            "score 69 < 70 needed for 达标级（二星级） (qualified (two stars)): 1 more point",
            "percentage 73.83 % < 75 % needed for 六星级 (six stars): 1 more point of 86",
            "percentage 59.99 % < 60 % needed for 三星级 (three stars): more than 0.01 more points of 88",
            "category B.6 客户投诉 at 46.66 % (14 of 30) < 50 % needed for 达标 (qualified): 1 more point of 30",
            "stars of the parts 4 + 5 = 9 < 10 needed for the combined grade 十星级 (ten stars)",
            "gbt27922 form not passed (total 69 < 70 needed for 达标级（二星级） (qualified (two stars)): 1 more point)"
                    + " needed for the combined grade 五星级 (five stars)",
            "zg025 items stars 2 < 3 needed for the combined grade 六星级 (six stars)",
            "majorComplaint (rectified=false) in the 24 months before onSiteDate (2026-10-15): 1 > 0 needed for"
                    + " 二星级 (two stars)",
            "majorComplaint in the 24 months before onSiteDate (2026-10-15): 1 > 0 needed for 五星级 (five stars)",
            "months from operatingSince (2026-01-01) to onSiteDate (2026-10-15): 9 < 12 needed for 一星级 (one star)",
            "S当面 75 < 80 needed for 四星级 (four stars)",
            "5.2.5.5 not applicable: excluded (prorate, chosen in the assessment's options); score 91 of 98"
                    + " applicable points, scaled to 92.85 of 100",
            "5.1.1.1 has no finding: counted as 0 (missing = zero)",
            "5.1.3 b) not applicable: full points (full-points, the default of zg025 items)",
            "4.1.2 has its full 15 points though its checklist item 4.1.2.3 does not conform",
            "majorComplaint on 2026-01-01 is not a condition of any level of gbt27922 form",
            "majorComplaint on 2026-01-01 is not a condition of any level of cqm star; surveillance acts on it (surveil)",
            "managementAudit is 'passed', though 4.1.2.3 of the 4.1 checklist does not conform: the stated"
                    + " managementAudit is graded; check that it is the audit's conclusion",
            "managementAudit is 'passed', though 4.1.2.3, 4.1.4.2 of the 4.1 checklist do not conform: the stated"
                    + " managementAudit is graded; check that it is the audit's conclusion",
            "managementAudit is 'failed', though every item of the 4.1 checklist conforms: the stated"
                    + " managementAudit is graded; check that it is the audit's conclusion",
            "managementAudit is 'failed', derived from the 4.2 checklist (cqm.managementAudit = derived): 4.2.3.2 does"
                    + " not conform; the stated 'passed' is not graded",
            "managementAudit is 'failed', derived from the 4.2 checklist (cqm.managementAudit = derived): 4.2.3.2,"
                    + " 4.2.4.1 do not conform; the stated 'passed' is not graded",
            "managementAudit is 'passed', derived from the 4.2 checklist (cqm.managementAudit = derived): every item"
                    + " conforms; the stated 'failed' is not graded",
            "managementAudit is not derived from the 4.2 checklist (cqm.managementAudit = derived): an item has no"
                    + " result and none does not conform; the stated 'failed' is graded",
            "gbt27922 form counted its not-applicable clauses as full-points, not its default prorate",
            "complaint resolution rate (顾客投诉解决率) 96.96 % (complaintsReceived = 33, complaintsResolved = 32) < 97 %"
                    + " needed for 合格 (passed)",
            "weighted score (加权得分) 84.99 (survey = 49.99) < 85 needed for 优秀 (distinction)",
            "weighted score (加权得分) 84.99 < 85 needed for 优秀 (distinction)",
            "complaint resolution rate (顾客投诉解决率) cannot be worked out (division by zero at character 19;"
                    + " complaintsReceived = 0, complaintsResolved = 0), so it is not ≥ 97 % needed for 合格 (passed)",
            "weighted score (加权得分) cannot be worked out (division by zero), so it is not ≥ 85 needed for 优秀"
                    + " (distinction)",
            "enough sampled records (抽样记录足够) does not hold (sampled >= 30; sampled = 29) needed for 合格 (passed)",
            "CONFORMS('C.1') does not hold (CONFORMS('C.1') = false) needed for 优秀 (distinction)",
            "NOTCONFORMING('A') 1 ≠ 0 needed for 优秀 (distinction)",
            "resolutionRate >= 97 cannot be worked out (resolutionRate: division by zero at character 31;"
                    + " complaintsReceived = 0, complaintsResolved = 0), so it does not hold needed for 合格 (passed)",
            "B.6.3.2 does not conform, decided by the grading table: complaint resolution rate (顾客投诉解决率) 90.83 %"
                    + " (complaintsReceived = 120, complaintsResolved = 109) < 97 %",
            "B.6.3.2 conforms, decided by the grading table: complaint resolution rate (顾客投诉解决率) 97.5 %"
                    + " (complaintsReceived = 120, complaintsResolved = 117) ≥ 97 %",
            "B.6.3.2 is not decided by the grading table: resolutionRate >= 97 cannot be worked out (resolutionRate:"
                    + " division by zero at character 31; complaintsReceived = 0, complaintsResolved = 0), so it does not"
                    + " hold; its result is the one stated");

    /** English words the evaluation writes; ids, fact and event names are not among them. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(needed|more|points?|total|score|percentage|category|"
            + "stars|parts|months|before|from|applicable|excluded|chosen|default|fixed|conform|conforms|"
            + "samples|scored|given|checklist|finding|counted|level|condition|stated|graded|audit|though|full|of|"
            + "the|in|on|to|at|is|its|not)\\b");

    @Test
    void theEnglishBundleWritesEverySentenceAgainExactly() {
        for (String s : SAMPLES) {
            assertThat(Labels.EN.sentence(s)).as(s).isEqualTo(s);
        }
    }

    @Test
    void theChineseBundleLeavesNoEnglishWordOfTheEvaluation() {
        for (String s : SAMPLES) {
            String zh = Labels.ZH.sentence(s).replace("full-points", "").replace("prorate", "");
            assertThat(ENGLISH.matcher(zh).find()).as(s + " → " + zh).isFalse();
        }
        assertThat(Labels.ZH.sentence("total 92.85 < 95 needed for 五星级 (five stars): 2.1 more points"))
                .isEqualTo("总分 92.85 < 95，未达五星级的要求：还需 2.1 分");
        assertThat(Labels.ZH.sentence("complaint resolution rate (顾客投诉解决率) 96.96 % (complaintsReceived = 33,"
                + " complaintsResolved = 32) < 97 % needed for 合格 (passed)"))
                .isEqualTo("顾客投诉解决率 96.96 %（complaintsReceived = 33, complaintsResolved = 32）< 97 %，未达合格的要求");
        assertThat(Labels.ZH.sentence("B.6.3.2 does not conform, decided by the grading table: complaint resolution rate"
                + " (顾客投诉解决率) 90.83 % (complaintsReceived = 120, complaintsResolved = 109) < 97 %"))
                .isEqualTo("B.6.3.2 不符合（由评分表按所述数据判定）：顾客投诉解决率 90.83 %（complaintsReceived = 120,"
                        + " complaintsResolved = 109）< 97 %");
        assertThat(Labels.ZH.sentence("enough sampled records (抽样记录足够) does not hold (sampled >= 30; sampled = 29)"
                + " needed for 合格 (passed)")).isEqualTo("抽样记录足够不成立（sampled >= 30; sampled = 29），未达合格的要求");
    }

    @Test
    void everyKeyTheRulesWriteWithIsInBothBundles() {
        for (Locale locale : List.of(Locale.CHINESE, Locale.ENGLISH)) {
            ResourceBundle bundle = Labels.bundle(locale);
            assertThat(Sentences.keys()).allMatch(bundle::containsKey);
        }
    }
}
