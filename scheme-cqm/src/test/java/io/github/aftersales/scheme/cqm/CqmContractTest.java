package io.github.aftersales.scheme.cqm;

import io.github.aftersales.testkit.ResultAssert;
import io.github.aftersales.testkit.SchemeTestKit;
import org.junit.jupiter.api.Test;

/** The scheme's SPI contract, checked with the test kit. */
class CqmContractTest {

    @Test
    void keepsTheContract() {
        SchemeTestKit.scheme("cqm").verifyContract();
    }

    @Test
    void lowestLevelWinsThroughTheKit() {
        // every indicator full, best-case facts, but S当面 75 % → three stars (Note 1, example 1)
        ResultAssert.assertThat(SchemeTestKit.scheme("cqm").assessment().allConform().fact("S当面", 75).evaluate())
                .hasStars(3).lostNoPoints().hasReasonContaining("S当面 75 < 80 needed for 四星级");
    }

    @Test
    void anAuditPassedBesideANonConformingChecklistItemIsGradedAsStatedAndSaid() {
        // CQM 4.2 is a 符合性审核 whose outcome is the auditor's (managementAudit); the text does not
        // derive it from the items, so the grade stands, and the disagreement is said for the auditor
        ResultAssert.assertThat(SchemeTestKit.scheme("cqm").assessment().allConform()
                        .checklist("4.2.3.2", "not-conform", "无维修记录").evaluate())
                .hasStars(5).hasReasonContaining("managementAudit is 'passed', though 4.2.3.2 of the 4.2 checklist"
                        + " does not conform: the stated managementAudit is graded; check that it is the audit's"
                        + " conclusion");
        ResultAssert.assertThat(SchemeTestKit.scheme("cqm").assessment().allConform().conform(auditItems())
                        .fact("managementAudit", "failed").evaluate())
                .hasStars(0).hasReasonContaining("managementAudit is 'failed', though every item of the 4.2 checklist"
                        + " conforms");
    }

    /** Every clause of the 4.2 management-audit checklist, its groups' included. */
    private static String[] auditItems() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        java.util.ArrayDeque<io.github.aftersales.spi.Category> todo = new java.util.ArrayDeque<>();
        todo.add(SchemeTestKit.scheme("cqm").scheme().defaultVariant().catalog().category("4.2").orElseThrow());
        while (!todo.isEmpty()) {
            io.github.aftersales.spi.Category c = todo.pop();
            c.clauses().forEach(cl -> ids.add(cl.id()));
            todo.addAll(c.categories());
        }
        return ids.toArray(String[]::new);
    }
}
