package io.github.aftersales.scheme.zg025;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.evaluation.EvaluationOptions;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.Surveillance;
import io.github.aftersales.core.evaluation.SurveillanceResult;
import io.github.aftersales.spi.CertificationCycle;
import io.github.aftersales.spi.SurveillanceRules.Action;
import io.github.aftersales.spi.Variant;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 4.4: surveillance at least yearly, a new evaluation at least every three years; the new grade stands. */
class Zg025SurveillanceTest {

    static final Assessment EXAMPLE = AssessmentReader.read(Path.of("..", "examples", "zg025-combined.json"));
    static final EvaluationResult RESULT = Zg025Test.EVALUATOR.evaluate(EXAMPLE, EvaluationOptions.DEFAULTS);

    private static SurveillanceResult surveil(String scheme, int currentStars) {
        int i = EXAMPLE.parts().stream().map(p -> p.scheme()).toList().indexOf(scheme);
        Variant variant = Zg025Test.REGISTRY.find(scheme).orElseThrow().defaultVariant();
        return Surveillance.decide(variant, EXAMPLE.parts().get(i), RESULT.results().get(i), currentStars,
                Optional.empty(), EXAMPLE.source());
    }

    @Test
    void bothVariantsDeclareTheCycleOf44() {
        for (String scheme : new String[] {"zg025", "zg025-combined"}) {
            CertificationCycle cycle = Zg025Test.REGISTRY.find(scheme).orElseThrow().defaultVariant().cycle();
            assertThat(cycle.surveillanceMonths()).as(scheme).isEqualTo(12);
            assertThat(cycle.reevaluationMonths()).as(scheme).isEqualTo(36);
            assertThat(cycle.regrading()).as(scheme).isEqualTo(CertificationCycle.Regrading.NEW_GRADE);
            assertThat(cycle.extraEvaluationAfter()).as(scheme).isEmpty();
            assertThat(cycle.source()).as(scheme).startsWith("CTS Q/ZG025-2022 4.4");
        }
        assertThat(Zg025Test.REGISTRY.find("gbt27922").orElseThrow().variants())
                .allSatisfy(v -> assertThat(v.cycle()).as(v.id()).isNull());
    }

    @Test
    void theSurveillanceGradeStandsHigherOrLower() {
        // the example's ZG025 part reaches five stars (6.3)
        SurveillanceResult up = surveil("zg025", 3);
        assertThat(up.decision()).isEqualTo(Action.UPGRADE);
        assertThat(up.stars()).isEqualTo(5);
        SurveillanceResult down = surveil("zg025", 7);
        assertThat(down.decision()).isEqualTo(Action.DOWNGRADE);
        assertThat(down.stars()).isEqualTo(5);
        SurveillanceResult same = surveil("zg025", 5);
        assertThat(same.decision()).isEqualTo(Action.KEEP);
        // the combined grade: 4 + 5 = 9 stars
        SurveillanceResult combined = surveil("zg025-combined", 8);
        assertThat(combined.decision()).isEqualTo(Action.UPGRADE);
        assertThat(combined.stars()).isEqualTo(9);
        assertThat(combined.reasons()).singleElement().asString().contains("the new grade stands (CTS Q/ZG025-2022 4.4");
    }
}
