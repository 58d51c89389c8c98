package io.github.aftersales.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link DmnPeerTest} on the 100,000 generated forms {@link DmnBenchmark} grades (the same seed): the DMN model
 * (both encodings) and the platform agree on every grade and total. Thorough: each form graded three times, the
 * DMN sides 20 to 60 times slower than the platform; about 2.5 minutes of CPU, 6.4 minutes on the shared 2-core
 * machine at load 7 to 10 (2026-12-01).
 */
@Tag("thorough")
class DmnPeerThoroughTest {

    @Test
    void everyFormOfTheBenchmarkGetsTheSameGradeAndTotal() {
        Map<String, Integer> grades = DmnPeerTest.assertSameOnGenerated(DmnBenchmark.COUNT, 1);
        assertThat(grades.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(DmnBenchmark.COUNT);
    }
}
