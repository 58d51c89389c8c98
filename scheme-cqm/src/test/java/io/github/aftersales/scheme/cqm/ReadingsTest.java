package io.github.aftersales.scheme.cqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.ReadingUsed;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.core.evaluation.Surveillance;
import io.github.aftersales.core.evaluation.SurveillanceResult;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.spi.Reading;
import io.github.aftersales.spi.SurveillanceRules.Action;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The readings of CQM/F-RZ-ZY-06-001 as switches, each at its boundary under both settings. The base
 * case (CqmTest) reaches five stars with onSiteDate 2026-10-15; 18 months before it is 2025-04-15,
 * exactly 12 months is 2025-10-15 (both ends of a window count).
 */
class ReadingsTest {

    static final String UNRECTIFIED = ", \"rectified\": false";

    static List<String> readWith(SchemeResult r) {
        return r.readings().stream().map(ReadingUsed::text).toList();
    }

    @Test
    void theSchemeDeclaresEachReadingWithItsDefaultAndAlternatives() {
        var star = SurveillanceTest.STAR;
        assertThat(star.readings()).extracting(Reading::key).containsExactly("cqm.majorComplaintWindow",
                "cqm.negativeInformationWindow", "cqm.managementAudit", "cqm.unrectifiedComplaintWindow", "cqm.cannotBeRectified",
                "cqm.onSeriousEvent", "cqm.surveillanceRegrading");
        assertThat(star.reading("cqm.cannotBeRectified").orElseThrow().values())
                .containsExactly("not-rectified", "judged-unrectifiable");
        assertThat(star.reading("cqm.cannotBeRectified").orElseThrow().defaultValue()).isEqualTo("not-rectified");
        assertThat(star.reading("cqm.onSeriousEvent").orElseThrow().values()).containsExactly("suspend", "revoke");
        assertThat(star.reading("cqm.onSeriousEvent").orElseThrow().defaultValue()).isEqualTo("suspend");
        assertThat(star.reading("cqm.majorComplaintWindow").orElseThrow().values()).containsExactly("24", "12");
        assertThat(star.reading("cqm.majorComplaintWindow").orElseThrow().defaultValue()).isEqualTo("24");
        assertThat(star.reading("cqm.negativeInformationWindow").orElseThrow().values()).containsExactly("12", "none");
        assertThat(star.reading("cqm.unrectifiedComplaintWindow").orElseThrow().values()).containsExactly("12", "none");
        assertThat(star.reading("cqm.surveillanceRegrading").orElseThrow().defaultValue()).isEqualTo("keep-or-downgrade");
    }

    @Test
    void aMajorComplaintNotRectified18MonthsBeforeCountsWithTheDefault24ButNotWith12() {
        // 6.2: four to two stars need "重大投诉 ≤ n 起，但已有效整改". With the 24-month window the open complaint
        // of 2025-04-15 fails all three, so one star (X ≥ 50, audit passed). With 12 it is outside the window
        // for four stars, which then holds; five stars' own 2-year window (no reading) still fails.
        SchemeResult dflt = CqmTest.base().event("majorComplaint", "2025-04-15", UNRECTIFIED).evaluate();
        assertThat(dflt.stars()).isEqualTo(1);
        assertThat(readWith(dflt)).containsExactly("cqm.majorComplaintWindow = 24 months (default)");
        SchemeResult twelve = CqmTest.base().event("majorComplaint", "2025-04-15", UNRECTIFIED)
                .reading("cqm.majorComplaintWindow", "12").evaluate();
        assertThat(twelve.stars()).isEqualTo(4);
        assertThat(twelve.nextLevelNeeds()).containsExactly(
                "majorComplaint in the 24 months before onSiteDate (2026-10-15): 1 > 0 needed for 五星级 (five stars)");
        assertThat(readWith(twelve)).containsExactly("cqm.majorComplaintWindow = 12 months (chosen in the assessment)");
    }

    @Test
    void theTwelveMonthWindowIncludesItsFirstDay() {
        assertThat(CqmTest.base().event("majorComplaint", "2025-10-15", UNRECTIFIED)
                .reading("cqm.majorComplaintWindow", "12").evaluate().stars()).isEqualTo(1);
        assertThat(CqmTest.base().event("majorComplaint", "2025-10-14", UNRECTIFIED)
                .reading("cqm.majorComplaintWindow", "\"12\"").evaluate().stars()).isEqualTo(4);
        // two rectified complaints, 18 and 7 months before: 2 > 1 for four stars with 24 (three stars), 1 with 12
        CqmTest.Case two = CqmTest.base().event("majorComplaint", "2025-04-15", ", \"rectified\": true")
                .event("majorComplaint", "2026-03-01", ", \"rectified\": true");
        assertThat(two.evaluate().stars()).isEqualTo(3);
        assertThat(two.reading("cqm.majorComplaintWindow", "12").evaluate().stars()).isEqualTo(4);
    }

    @Test
    void negativeInformation18MonthsBeforeBarsThreeStarsOnlyWithoutAWindow() {
        // S当面 75 caps the grade at three stars (Note 1, example 1). Three and two stars ask for "无售后服务方面负面信息"
        // without a window: 12 months by default, so 2025-04-15 does not count and three stars hold; with none it
        // counts, three and two stars fail and the grade is one star.
        CqmTest.Case c = CqmTest.base().fact("S当面", "75").event("negativeInformation", "2025-04-15", "");
        assertThat(c.evaluate().stars()).isEqualTo(3);
        assertThat(readWith(c.evaluate())).isEmpty(); // the default bound nothing: the three-star condition held
        SchemeResult none = c.reading("cqm.negativeInformationWindow", "\"none\"").evaluate();
        assertThat(none.stars()).isEqualTo(1);
        assertThat(none.nextLevelNeeds()).contains("negativeInformation at any time up to onSiteDate (2026-10-15): 1 > 0"
                + " needed for 二星级 (two stars)");
        assertThat(readWith(none)).containsExactly("cqm.negativeInformationWindow = no window (chosen in the assessment)");
        // at the edge of the default: exactly 12 months before counts
        SchemeResult edge = CqmTest.base().fact("S当面", "75").event("negativeInformation", "2025-10-15", "").evaluate();
        assertThat(edge.stars()).isEqualTo(1);
        assertThat(readWith(edge)).containsExactly("cqm.negativeInformationWindow = 12 months (default)");
        // on the day the organisation began (2020-03-01), it still counts without a window
        assertThat(CqmTest.base().fact("S当面", "75").event("negativeInformation", "2020-03-01", "")
                .reading("cqm.negativeInformationWindow", "\"none\"").evaluate().stars()).isEqualTo(1);
    }

    static SurveillanceResult surveil(CqmTest.Case c, int level, Map<String, String> commandLine) throws Exception {
        Assessment a = AssessmentReader.read(new ByteArrayInputStream(c.json().getBytes(StandardCharsets.UTF_8)),
                "s.json", LocatedReader.Syntax.JSON);
        SchemeResult result = CqmTest.EVALUATOR.evaluate(a, new EvaluationOptions(null, false, commandLine))
                .results().get(0);
        return Surveillance.decide(SurveillanceTest.STAR, a.parts().get(0), result, level, Optional.empty(),
                a.source(), commandLine);
    }

    @Test
    void anUnrectifiedComplaint18MonthsOldDowngradesWithTheDefaultWindowAndSuspendsWithoutOne() throws Exception {
        // 6.4 names no window for "有经过证实的重大投诉且不能有效整改". By default the product looks 12 months back: the
        // complaint of 2025-04-15 is not serious, the grade counts it (24 months, not rectified: one star) and a
        // four-star certificate is downgraded to one. Without a window it is serious: suspended, four stars kept.
        CqmTest.Case c = CqmTest.base().event("majorComplaint", "2025-04-15", UNRECTIFIED);
        SurveillanceResult dflt = surveil(c, 4, Map.of());
        assertThat(dflt.decision()).isEqualTo(Action.DOWNGRADE);
        assertThat(dflt.stars()).isEqualTo(1);
        assertThat(dflt.readings()).extracting(ReadingUsed::text)
                .containsExactly("cqm.unrectifiedComplaintWindow = 12 months (default)");
        SurveillanceResult none = surveil(c, 4, Map.of("cqm.unrectifiedComplaintWindow", "none"));
        assertThat(none.decision()).isEqualTo(Action.SUSPEND);
        assertThat(none.stars()).isEqualTo(4);
        assertThat(none.reasons()).first().asString().isEqualTo("majorComplaint on 2025-04-15: 经过证实的重大投诉且不能有效整改"
                + " (a verified major complaint not rectified) (looked for at any time before onSiteDate:"
                + " cqm.unrectifiedComplaintWindow)");
        assertThat(none.readings()).extracting(ReadingUsed::text)
                .containsExactly("cqm.unrectifiedComplaintWindow = no window (chosen on the command line)",
                        "cqm.cannotBeRectified = not-rectified (default)", "cqm.onSeriousEvent = suspend (default)");
        // the default's edge: exactly 12 months before is inside, so serious
        assertThat(surveil(CqmTest.base().event("majorComplaint", "2025-10-15", UNRECTIFIED), 4, Map.of()).decision())
                .isEqualTo(Action.SUSPEND);
        assertThat(surveil(CqmTest.base().event("majorComplaint", "2025-10-14", UNRECTIFIED), 4, Map.of()).decision())
                .isEqualTo(Action.DOWNGRADE);
    }

    @Test
    void aComplaintStillBeingRectifiedSuspendsByDefaultAndIsLeftToTheGradeWhenOnlyAJudgedOneCounts() throws Exception {
        // 6.4 "有经过证实的重大投诉且不能有效整改". A complaint of 2026-07-15 (3 months before onSiteDate 2026-10-15),
        // not rectified and not judged unrectifiable: by default "not rectified" is "cannot be rectified", so the
        // four-star certificate is suspended and keeps its 4 stars. Read as "judged impossible or failed", it is no
        // serious event; the grade still counts it (6.2 "但已有效整改" fails for two to four stars: X 97, audit
        // passed, one star), so the certificate is downgraded to one star.
        CqmTest.Case c = CqmTest.base().event("majorComplaint", "2026-07-15", UNRECTIFIED);
        SurveillanceResult dflt = surveil(c, 4, Map.of());
        assertThat(dflt.decision()).isEqualTo(Action.SUSPEND);
        assertThat(dflt.stars()).isEqualTo(4);
        assertThat(dflt.readings()).extracting(ReadingUsed::text).containsExactly(
                "cqm.unrectifiedComplaintWindow = 12 months (default)", "cqm.cannotBeRectified = not-rectified (default)",
                "cqm.onSeriousEvent = suspend (default)");
        SurveillanceResult judged = surveil(c, 4, Map.of("cqm.cannotBeRectified", "judged-unrectifiable"));
        assertThat(judged.decision()).isEqualTo(Action.DOWNGRADE);
        assertThat(judged.stars()).isEqualTo(1);
        assertThat(judged.readings()).extracting(ReadingUsed::text)
                .containsExactly("cqm.cannotBeRectified = judged-unrectifiable (chosen on the command line)");
        // judged unrectifiable: serious under both readings, so neither reading decided it
        CqmTest.Case failed = CqmTest.base().event("majorComplaint", "2026-07-15",
                UNRECTIFIED + ", \"cannotBeRectified\": true");
        assertThat(surveil(failed, 4, Map.of()).decision()).isEqualTo(Action.SUSPEND);
        SurveillanceResult failedJudged = surveil(failed, 4, Map.of("cqm.cannotBeRectified", "judged-unrectifiable"));
        assertThat(failedJudged.decision()).isEqualTo(Action.SUSPEND);
        assertThat(failedJudged.reasons()).first().asString().isEqualTo("majorComplaint on 2026-07-15: 经过证实的重大投诉且"
                + "不能有效整改 (a verified major complaint not rectified) (read as cqm.cannotBeRectified ="
                + " judged-unrectifiable)");
        assertThat(surveil(failed, 4, Map.of()).readings()).extracting(ReadingUsed::key)
                .doesNotContain("cqm.cannotBeRectified");
        // cannotBeRectified: false, stated, is the same as left out
        assertThat(surveil(CqmTest.base().event("majorComplaint", "2026-07-15",
                UNRECTIFIED + ", \"cannotBeRectified\": false"), 4, Map.of("cqm.cannotBeRectified",
                        "judged-unrectifiable")).decision()).isEqualTo(Action.DOWNGRADE);
        // a rectified complaint is serious under neither reading: at 4 stars one rectified complaint keeps four
        assertThat(surveil(CqmTest.base().event("majorComplaint", "2026-07-15", ", \"rectified\": true"), 4,
                Map.of()).decision()).isEqualTo(Action.KEEP);
    }

    @Test
    void aJudgedUnrectifiableComplaintIsLookedForInTheWindowsOwnEdges() throws Exception {
        Map<String, String> judged = Map.of("cqm.cannotBeRectified", "judged-unrectifiable");
        String attrs = UNRECTIFIED + ", \"cannotBeRectified\": true";
        // exactly 12 months before onSiteDate is inside the default window; a day more is not (then the grade
        // counts it: one star, a downgrade)
        assertThat(surveil(CqmTest.base().event("majorComplaint", "2025-10-15", attrs), 4, judged).decision())
                .isEqualTo(Action.SUSPEND);
        assertThat(surveil(CqmTest.base().event("majorComplaint", "2025-10-14", attrs), 4, judged).decision())
                .isEqualTo(Action.DOWNGRADE);
        Map<String, String> judgedNoWindow = Map.of("cqm.cannotBeRectified", "judged-unrectifiable",
                "cqm.unrectifiedComplaintWindow", "none");
        assertThat(surveil(CqmTest.base().event("majorComplaint", "2025-10-14", attrs), 4, judgedNoWindow).decision())
                .isEqualTo(Action.SUSPEND);
    }

    @Test
    void revokeIsTheOtherReadingOfSuspendOrRevoke() throws Exception {
        CqmTest.Case c = CqmTest.base().event("majorComplaint", "2026-07-15", UNRECTIFIED);
        SurveillanceResult revoked = surveil(c, 4, Map.of("cqm.onSeriousEvent", "revoke"));
        assertThat(revoked.decision()).isEqualTo(Action.REVOKE);
        assertThat(revoked.stars()).isZero();
        assertThat(revoked.reasons()).element(1).asString().isEqualTo("revoke (chosen for this surveillance) for serious"
                + " events in the 12 months before onSiteDate (2026-10-15)");
        assertThat(revoked.readings()).extracting(ReadingUsed::text).contains(
                "cqm.onSeriousEvent = revoke (chosen on the command line)");
        // in the file too
        assertThat(surveil(c.reading("cqm.onSeriousEvent", "\"revoke\""), 4, Map.of()).decision())
                .isEqualTo(Action.REVOKE);
        // with no serious event the reading decides nothing and is not listed
        assertThat(surveil(CqmTest.base(), 5, Map.of("cqm.onSeriousEvent", "revoke")).readings())
                .extracting(ReadingUsed::key).containsExactly("cqm.onSeriousEvent");
        assertThat(surveil(CqmTest.base(), 5, Map.of()).readings()).isEmpty();
    }

    @Test
    void cannotBeRectifiedIsTrueOrFalseWhenStated() {
        assertThatThrownBy(() -> CqmTest.base().event("majorComplaint", "2026-07-15",
                UNRECTIFIED + ", \"cannotBeRectified\": \"perhaps\"").evaluate())
                .isInstanceOf(LocatedException.class)
                .hasMessageContaining("a majorComplaint event must say cannotBeRectified: true or false, not 'perhaps'");
        assertThatThrownBy(() -> CqmTest.base().event("majorComplaint", "2026-07-15",
                UNRECTIFIED + ", \"unrectifiable\": true").evaluate())
                .isInstanceOf(LocatedException.class)
                .hasMessageContaining("a majorComplaint event has no attribute 'unrectifiable'; it has: rectified,"
                        + " cannotBeRectified");
    }

    static SchemeResult evaluate(io.github.aftersales.testkit.AssessmentBuilder b, Map<String, String> commandLine)
            throws Exception {
        Assessment a = AssessmentReader.read(new ByteArrayInputStream(b.json().getBytes(StandardCharsets.UTF_8)),
                "a.json", LocatedReader.Syntax.JSON);
        return CqmTest.EVALUATOR.evaluate(a, new EvaluationOptions(null, false, commandLine)).results().get(0);
    }

    static io.github.aftersales.testkit.AssessmentBuilder fiveStars() {
        return io.github.aftersales.testkit.SchemeTestKit.scheme("cqm").assessment().allConform();
    }

    static final Map<String, String> DERIVED = Map.of("cqm.managementAudit", "derived");

    @Test
    void anAuditPassedBesideAnItemNotConformingIsGradedAsStatedByDefaultAndFailsWhenDerived() throws Exception {
        // 4.2.3.2 not conforming beside managementAudit 'passed', every 4.1 indicator full, S 95, S当面 95: five stars
        // as stated. Derived from the checklist the audit fails, and every level asks 通过符合性审核: no level.
        var b = fiveStars().checklist("4.2.3.2", "not-conform", "无维修记录");
        SchemeResult stated = evaluate(b, Map.of());
        assertThat(stated.stars()).isEqualTo(5);
        assertThat(stated.reasons()).contains("managementAudit is 'passed', though 4.2.3.2 of the 4.2 checklist does"
                + " not conform: the stated managementAudit is graded; check that it is the audit's conclusion");
        assertThat(readWith(stated)).containsExactly("cqm.managementAudit = stated (default)");
        SchemeResult derived = evaluate(b, DERIVED);
        assertThat(derived.stars()).isZero();
        assertThat(derived.passed()).isFalse();
        assertThat(derived.reasons()).contains("managementAudit is 'failed', derived from the 4.2 checklist"
                + " (cqm.managementAudit = derived): 4.2.3.2 does not conform; the stated 'passed' is not graded")
                .noneMatch(r -> r.contains("check that it is the audit's conclusion"));
        assertThat(derived.nextLevelNeeds()).contains("managementAudit failed ≠ passed needed for 一星级 (one star)");
        assertThat(readWith(derived)).containsExactly("cqm.managementAudit = derived (chosen on the command line)");
        // an item not conforming decides even when another is left blank
        assertThat(evaluate(fiveStars().checklist("4.2.3.2", "not-conform", "无维修记录"), DERIVED).stars()).isZero();
    }

    @Test
    void anAuditFailedBesideEveryItemConformingIsGradedAsStatedByDefaultAndPassesWhenDerived() throws Exception {
        var b = fiveStars().conform(auditItems()).fact("managementAudit", "failed");
        SchemeResult stated = evaluate(b, Map.of());
        assertThat(stated.stars()).isZero();
        assertThat(stated.reasons()).contains("managementAudit is 'failed', though every item of the 4.2 checklist"
                + " conforms: the stated managementAudit is graded; check that it is the audit's conclusion");
        assertThat(readWith(stated)).containsExactly("cqm.managementAudit = stated (default)");
        SchemeResult derived = evaluate(b, DERIVED);
        assertThat(derived.stars()).isEqualTo(5);
        assertThat(derived.reasons()).contains("managementAudit is 'passed', derived from the 4.2 checklist"
                + " (cqm.managementAudit = derived): every item conforms; the stated 'failed' is not graded");
    }

    @Test
    void aChecklistThatAgreesOrIsLeftBlankDecidesNothing() throws Exception {
        // agreeing: the same grade under both readings, and the default is not listed (it decided nothing)
        var agree = fiveStars().conform(auditItems());
        assertThat(evaluate(agree, Map.of()).stars()).isEqualTo(5);
        assertThat(readWith(evaluate(agree, Map.of()))).isEmpty();
        assertThat(evaluate(agree, DERIVED).stars()).isEqualTo(5);
        assertThat(evaluate(agree, DERIVED).reasons()).noneMatch(r -> r.startsWith("managementAudit"));
        // no checklist results (as every generated assessment): nothing to derive, the stated outcome is graded
        SchemeResult blank = evaluate(fiveStars().fact("managementAudit", "failed"), DERIVED);
        assertThat(blank.stars()).isZero();
        assertThat(blank.reasons()).contains("managementAudit is not derived from the 4.2 checklist"
                + " (cqm.managementAudit = derived): an item has no result and none does not conform; the stated"
                + " 'failed' is graded");
        assertThat(readWith(evaluate(fiveStars(), Map.of()))).isEmpty();
    }

    @Test
    void aChecklistItemIsNeverNotApplicableSoDerivingNeverRestsOnNoEvidence() throws Exception {
        // 'derived' takes every item with a result and none failing as 'passed': that rests on evidence only because
        // a checklist item cannot be marked not applicable (a review asked what a checklist of such items derives)
        var b = fiveStars().fact("managementAudit", "failed").checklist("4.2.3.2", "not-applicable", "不适用");
        assertThatThrownBy(() -> evaluate(b, DERIVED)).hasMessageContaining("4.2.3.2 is a checklist item of 4.2");
    }

    /** Every clause of the 4.2 management-audit checklist, its groups' included. */
    private static String[] auditItems() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        java.util.ArrayDeque<io.github.aftersales.spi.Category> todo = new java.util.ArrayDeque<>();
        todo.add(SurveillanceTest.STAR.catalog().category("4.2").orElseThrow());
        while (!todo.isEmpty()) {
            io.github.aftersales.spi.Category c = todo.pop();
            c.clauses().forEach(cl -> ids.add(cl.id()));
            todo.addAll(c.categories());
        }
        return ids.toArray(String[]::new);
    }

    @Test
    void surveillanceRaisesNoLevelByDefaultAndDoesWithNewGrade() throws Exception {
        SurveillanceResult kept = surveil(CqmTest.base(), 3, Map.of());
        assertThat(kept.decision()).isEqualTo(Action.KEEP);
        assertThat(kept.stars()).isEqualTo(3);
        assertThat(kept.readings()).extracting(ReadingUsed::text)
                .containsExactly("cqm.surveillanceRegrading = keep-or-downgrade (default)");
        SurveillanceResult raised = surveil(CqmTest.base(), 3, Map.of("cqm.surveillanceRegrading", "new-grade"));
        assertThat(raised.decision()).isEqualTo(Action.UPGRADE);
        assertThat(raised.stars()).isEqualTo(5);
        // at the certificate's own level nothing depends on it
        assertThat(surveil(CqmTest.base(), 5, Map.of()).readings()).isEmpty();
    }

    @Test
    void anUnknownReadingOrAValueOutsideTheAlternativesNamesTheFileAndPlace() {
        assertThatThrownBy(() -> CqmTest.base().reading("cqm.majorComplaintWindows", "12").evaluate())
                .isInstanceOf(LocatedException.class)
                .hasMessageContaining("test.json:1:")
                .hasMessageEndingWith("schemes[0].options.readings.cqm.majorComplaintWindows: cqm star has no reading"
                        + " 'cqm.majorComplaintWindows'; its readings: cqm.majorComplaintWindow,"
                        + " cqm.negativeInformationWindow, cqm.managementAudit, cqm.unrectifiedComplaintWindow,"
                        + " cqm.cannotBeRectified,"
                        + " cqm.onSeriousEvent, cqm.surveillanceRegrading"
                        + " (aftersales schemes --readings lists them)");
        assertThatThrownBy(() -> CqmTest.base().reading("cqm.majorComplaintWindow", "18").evaluate())
                .isInstanceOf(LocatedException.class)
                .hasMessageEndingWith("schemes[0].options.readings.cqm.majorComplaintWindow: '18' is not a value of this"
                        + " reading; allowed: 24, 12");
    }

    @Test
    void aValueChosenForTheRunThatWasNotCheckedIsTheCallersMistakeNotTheSchemes() {
        CqmTest.Case c = CqmTest.base();
        assertThatThrownBy(() -> CqmTest.EVALUATOR.evaluate(AssessmentReader.read(new ByteArrayInputStream(
                c.json().getBytes(StandardCharsets.UTF_8)), "test.json", LocatedReader.Syntax.JSON),
                new EvaluationOptions(null, false, Map.of("cqm.majorComplaintWindow", "18"))))
                .isInstanceOf(LocatedException.class)
                .hasMessageEndingWith("schemes[0]: reading cqm.majorComplaintWindow=18, chosen for the run, is not a"
                        + " value of this reading; allowed: 24, 12");
    }
}
