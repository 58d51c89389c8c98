package io.github.aftersales.benchmarks;

import io.github.aftersales.records.CsvRows;
import io.github.aftersales.records.Mapping;
import io.github.aftersales.records.RecordReader;
import io.github.aftersales.records.RecordsSummary;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code records summary} on a generated export of 1,000,000 service requests against a plain CSV
 * parse of the same file (the same RFC 4180 tokenizer, each field made a string, nothing read from
 * them): what reading the records, checking them, digesting the bytes and counting the figures adds.
 * The heap is held to 64 MB: the summary's memory does not grow with the records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx64m"})
public class RecordsBenchmark {

    static final long RECORDS = 1_000_000;

    Path file;

    @Setup
    public void setUp() throws IOException {
        file = Files.createTempFile("records-benchmark", ".csv");
        ServiceRecordsGenerator.write(RECORDS, 2026, file);
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public void plainParse(Blackhole bh) throws IOException {
        bh.consume(plainParse(file));
    }

    @Benchmark
    public void summary(Blackhole bh) {
        bh.consume(summary(file));
    }

    /** The baseline: every field of every row made a string; returns their total length. */
    static long plainParse(Path file) throws IOException {
        long fields = 0;
        try (CsvRows rows = new CsvRows(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), ',',
                file.toString())) {
            while (rows.next()) {
                for (int i = 0; i < rows.size(); i++) {
                    fields += rows.field(i).length();
                }
            }
        }
        return fields;
    }

    /** What {@code records summary --format json} computes; returns the JSON's size. */
    static long summary(Path file) {
        Mapping m = Mapping.defaults();
        try (RecordReader r = RecordReader.open(file, m)) {
            RecordsSummary s = RecordsSummary.read(r, m, null, null);
            return s.overall().requests() + s.json().size();
        }
    }
}
