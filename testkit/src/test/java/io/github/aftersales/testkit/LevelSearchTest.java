package io.github.aftersales.testkit;

import static io.github.aftersales.testkit.TestSchemes.catalog;
import static io.github.aftersales.testkit.TestSchemes.clause;
import static io.github.aftersales.testkit.TestSchemes.d;
import static io.github.aftersales.testkit.TestSchemes.grading;
import static io.github.aftersales.testkit.TestSchemes.level;
import static io.github.aftersales.testkit.TestSchemes.mainVariant;
import static io.github.aftersales.testkit.TestSchemes.percentAtLeast;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.Variant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The search behind {@link ContractRule#LEVELS_REACHABLE}, on tables the load-time checks refuse (so
 * that the search is shown to find them by itself, for schemes built in code).
 */
class LevelSearchTest {

    private static List<ContractViolation> search(Variant v) {
        List<ContractViolation> out = new ArrayList<>();
        TestSchemes.Simple scheme = new TestSchemes.Simple() {
            @Override
            public String id() {
                return "searched";
            }

            @Override
            public List<Variant> variants() {
                return List.of(v);
            }
        };
        new LevelSearch(scheme, v, AssessmentBuilder.scoredItems(v)).check(out);
        return out;
    }

    @Test
    void aLevelNoAssessmentReachesIsReported() {
        Condition total11 = new Condition.OnFigure(Condition.Figure.TOTAL, null,
                Comparison.of(Comparison.Operator.AT_LEAST, d("11")));
        Variant v = mainVariant(catalog("6", clause("A.1", "2", false), clause("A.2", "4", true)),
                grading(level("one", 1, percentAtLeast("50")), level("two", 2, total11)));
        assertThat(search(v)).extracting(ContractViolation::toString).containsExactly("[every level can be reached]"
                + " variant main: no assessment the kit tried reaches level two (two): every item at 0, 25, 50, 75 and"
                + " 100 % of its points, with the facts and events its conditions ask for");
    }

    @Test
    void aLevelReachedWithoutTheOneBelowIsReported() {
        Variant v = mainVariant(catalog("6", clause("A.1", "2", false), clause("A.2", "4", true)),
                grading(level("one", 1, percentAtLeast("80")), level("two", 2, percentAtLeast("50"))));
        assertThat(search(v)).extracting(ContractViolation::toString).containsExactly("[every level can be reached]"
                + " variant main: an assessment reaches level two but not one below it (every item at 75 % of its"
                + " points, with the facts and events its conditions ask for)");
    }

    @Test
    void aGoodTableHasNothingToReport() {
        assertThat(search(new TestSchemes.Good().variants().get(0))).isEmpty();
    }
}
