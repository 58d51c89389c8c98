package io.github.aftersales.scheme.cqm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.Surveillance;
import io.github.aftersales.core.evaluation.SurveillanceResult;
import io.github.aftersales.core.json.LocatedReader;
import io.github.aftersales.spi.SurveillanceRules.Action;
import io.github.aftersales.spi.Variant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CQM 6.4: every surveillance outcome. */
class SurveillanceTest {

    static final Variant STAR = CqmTest.REGISTRY.find("cqm").orElseThrow().defaultVariant();

    static SurveillanceResult surveil(Assessment a, int level, Optional<Action> onSerious) {
        var result = CqmTest.EVALUATOR.evaluate(a, EvaluationOptions.DEFAULTS).results().get(0);
        return Surveillance.decide(STAR, a.parts().get(0), result, level, onSerious, a.source());
    }

    static SurveillanceResult surveil(CqmTest.Case c, int level) {
        try {
            Assessment a = AssessmentReader.read(new ByteArrayInputStream(c.json().getBytes(StandardCharsets.UTF_8)),
                    "s.json", LocatedReader.Syntax.JSON);
            return surveil(a, level, Optional.empty());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aGradeAtOrAboveTheCertificateKeepsIt() {
        SurveillanceResult same = surveil(CqmTest.base(), 5);
        assertThat(same.decision()).isEqualTo(Action.KEEP);
        assertThat(same.stars()).isEqualTo(5);
        SurveillanceResult higher = surveil(CqmTest.base(), 3);
        assertThat(higher.decision()).isEqualTo(Action.KEEP);
        assertThat(higher.stars()).isEqualTo(3);
        assertThat(higher.reasons()).first().asString().contains("a higher level takes a new evaluation");
    }

    @Test
    void aLowerGradeDowngradesToTheLevelReached() {
        SurveillanceResult r = surveil(CqmTest.base().fact("S当面", "75"), 5);
        assertThat(r.decision()).isEqualTo(Action.DOWNGRADE);
        assertThat(r.stars()).isEqualTo(3);
        assertThat(r.reasons()).contains("S当面 75 < 90 needed for 五星级 (five stars)");
    }

    @Test
    void oneStarIsOneStar() {
        // S 55 < 60 for two stars; total 100 ≥ 50 and the audit passed: one star (CQM 6.2)
        SurveillanceResult r = surveil(CqmTest.base().fact("S", "55").fact("S当面", "55"), 3);
        assertThat(r.decision()).isEqualTo(Action.DOWNGRADE);
        assertThat(r.stars()).isEqualTo(1);
        assertThat(r.reasons()).first().asString().startsWith("the surveillance assessment reaches 一星级 (1 star),"
                + " below the certificate's");
    }

    @Test
    void noLevelRevokes() {
        SurveillanceResult r = surveil(CqmTest.base().fact("managementAudit", "\"failed\""), 4);
        assertThat(r.decision()).isEqualTo(Action.REVOKE);
        assertThat(r.stars()).isZero();
    }

    @Test
    void aSeriousEventSuspendsByDefaultWhateverTheGrade() throws Exception {
        // examples/cqm/surveillance-unrectified-complaint.json: all else five stars, one verified
        // major complaint not rectified, 2026-06-20, within the 12 months before 2026-11-12
        Assessment a = AssessmentReader.read(Path.of("../examples/cqm/surveillance-unrectified-complaint.json"));
        SurveillanceResult r = surveil(a, 5, Optional.empty());
        assertThat(r.decision()).isEqualTo(Action.SUSPEND);
        // suspended, not revoked: the certificate keeps its five stars while suspended (docs/register.md)
        assertThat(r.stars()).isEqualTo(5);
        assertThat(r.reasons().get(0)).startsWith("majorComplaint on 2026-06-20: 经过证实的重大投诉且不能有效整改");
        assertThat(r.reasons().get(1)).startsWith("suspend (the default of cqm star where the standard says suspend or revoke)");
        assertThat(surveil(a, 5, Optional.of(Action.REVOKE)).decision()).isEqualTo(Action.REVOKE);
    }

    @Test
    void injuryOrDeathAndBlacklistAreSeriousToo() {
        assertThat(surveil(CqmTest.base().event("responsibilityAccident", "2026-05-01", ", \"injuryOrDeath\": true"), 5).decision()).isEqualTo(Action.SUSPEND);
        assertThat(surveil(CqmTest.base().event("governmentBlacklist", "2026-05-01", ""), 5).decision())
                .isEqualTo(Action.SUSPEND);
    }

    @Test
    void theSeriousEventWindowIsTwelveMonthsBothEndsIncluded() {
        // on-site 2026-10-15: 2025-10-15 is inside; 2025-10-14 is outside the surveillance window, but the
        // accident still counts for the grade (no accident in the 24 months before five stars): downgraded
        assertThat(surveil(CqmTest.base().event("responsibilityAccident", "2025-10-15", ", \"injuryOrDeath\": true"), 5)
                .decision()).isEqualTo(Action.SUSPEND);
        SurveillanceResult older = surveil(CqmTest.base().event("responsibilityAccident", "2025-10-14",
                ", \"injuryOrDeath\": true"), 5);
        assertThat(older.decision()).isEqualTo(Action.DOWNGRADE);
        assertThat(older.stars()).isEqualTo(4);
        // property loss only is a responsibility accident for the grade (none allowed in the year before
        // two stars and up: one star), not a serious event
        SurveillanceResult property = surveil(CqmTest.base().event("responsibilityAccident", "2026-05-01",
                ", \"injuryOrDeath\": false"), 5);
        assertThat(property.decision()).isEqualTo(Action.DOWNGRADE);
        assertThat(property.stars()).isEqualTo(1);
    }

    @Test
    void aRectifiedComplaintIsNotSeriousButStillCountsForTheGrade() {
        SurveillanceResult r = surveil(CqmTest.base().event("majorComplaint", "2026-05-01", ", \"rectified\": true"), 5);
        assertThat(r.decision()).isEqualTo(Action.DOWNGRADE);
        assertThat(r.stars()).isEqualTo(4);
    }

    @Test
    void theCurrentLevelMustBeALevelOfTheScheme() {
        assertThatThrownBy(() -> surveil(CqmTest.base(), 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cqm star has no level with 6 stars; its levels have 1, 2, 3, 4, 5");
        assertThatThrownBy(() -> surveil(CqmTest.base(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
