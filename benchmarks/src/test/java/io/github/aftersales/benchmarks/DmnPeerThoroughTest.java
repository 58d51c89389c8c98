package io.github.aftersales.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link DmnPeerTest} on the 100,000 generated forms {@link DmnBenchmark} grades (the same seed): the DMN model
 * and the platform agree on every grade and total. Thorough: each form graded twice, the DMN side the slower.
 */
@Tag("thorough")
class DmnPeerThoroughTest {

    @Test
    void everyFormOfTheBenchmarkGetsTheSameGradeAndTotal() {
        Map<String, Integer> grades = DmnPeerTest.assertSameOnGenerated(DmnBenchmark.COUNT, 1);
        assertThat(grades.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(DmnBenchmark.COUNT);
    }
}
