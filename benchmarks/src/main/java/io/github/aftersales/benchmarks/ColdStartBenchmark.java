package io.github.aftersales.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CLI's cold start (a new JVM printing the CLI's version) against a bare JVM printing its own;
 * and, for what an auditor waits for, a new JVM evaluating the bundled combined-grade example.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ColdStartBenchmark {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String JAR = System.getProperty("aftersales.jar", "app/target/aftersales.jar");
    static final String EXAMPLE = System.getProperty("aftersales.example", "examples/zg025-combined.json");

    static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor();
    }

    @Benchmark
    public int bareJvmVersion() throws Exception {
        return run(List.of(JAVA, "-version"));
    }

    @Benchmark
    public int cliVersion() throws Exception {
        return run(List.of(JAVA, "-jar", JAR, "--version"));
    }

    @Benchmark
    public int cliEvaluateExample() throws Exception {
        return run(List.of(JAVA, "-jar", JAR, "evaluate", EXAMPLE));
    }
}
