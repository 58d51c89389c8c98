package io.github.aftersales.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The laziness of a result's sentences stays inside the engine: made once, and a defect fails one assessment. */
class LaterTest {

    @Test
    void aValueIsMadeOnceWhenFirstRead() {
        AtomicInteger made = new AtomicInteger();
        List<String> reasons = LazyList.of("gbt27922", () -> List.of("reason " + made.incrementAndGet()));
        assertThat(made).hasValue(0);
        assertThat(reasons).containsExactly("reason 1");
        assertThat(reasons).containsExactly("reason 1");
        assertThat(made).hasValue(1);
    }

    @Test
    void aDefectWhileExplainingIsTheSchemesFailureNotARawException() {
        List<String> reasons = LazyList.of("zg025", () -> {
            throw new IllegalStateException("a defect");
        });
        // SchemeFailureException is what the batch pipeline reports for the one assessment (exit 5)
        assertThatThrownBy(reasons::size).isInstanceOf(SchemeFailureException.class)
                .hasMessage("scheme zg025 failed while explaining its result: a defect")
                .hasCauseInstanceOf(IllegalStateException.class);
        ConditionCheck check = ConditionCheck.explainedLater("cqm", false, () -> {
            throw new StackOverflowError();
        });
        assertThat(check.holds()).isFalse(); // decided when graded, never by the sentences
        assertThatThrownBy(check::condition).isInstanceOf(SchemeFailureException.class)
                .hasMessage("scheme cqm failed while explaining its result: StackOverflowError");
    }
}
