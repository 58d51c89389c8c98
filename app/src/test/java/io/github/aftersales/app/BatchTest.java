package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch evaluation through the real CLI: directories, NDJSON files and standard input, and the generator. */
class BatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path generate(String scheme, int count, long seed) {
        Path out = dir.resolve(scheme + "-" + seed + ".ndjson");
        CliRun r = CliRun.of("generate", "--scheme", scheme, "--count", Integer.toString(count), "--seed",
                Long.toString(seed), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return out;
    }

    @Test
    void theGeneratorIsRepeatableAndWritesValidInputForEveryScheme() throws Exception {
        for (String scheme : List.of("gbt27922", "zg025", "cqm", "zg025-combined")) {
            Path a = generate(scheme, 300, 42);
            assertThat(Files.readAllLines(a)).hasSize(300);
            Path b = dir.resolve("again.ndjson");
            CliRun again = CliRun.of("generate", "--scheme", scheme, "--count", "300", "--seed", "42", "-o", b.toString(),
                    "--force");
            assertThat(again.exit()).isZero();
            assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
            CliRun r = CliRun.of("evaluate", "--format", "summary", a.toString());
            assertThat(r.exit()).as(scheme + ": " + r.err()).isZero();
            assertThat(r.out()).contains("读取 Read: 300   评估 Evaluated: 300   拒绝 Rejected: 0");
            // a real book's spread: more than one grade
            long grades = r.out().lines().filter(l -> l.matches("\\s+\\d★ .*")).count();
            assertThat(grades).as(scheme + "\n" + r.out()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aBadLineIsReportedWithItsLineAndSkipped() throws Exception {
        Path book = generate("gbt27922", 5, 1);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(book));
        lines.set(2, lines.get(2).replace("\"5.1.1.1\"", "\"5.1.1.9\""));
        lines.add(3, "");
        lines.add(4, "{not json");
        Path bad = dir.resolve("bad.ndjson");
        Files.write(bad, lines);
        CliRun r = CliRun.of("evaluate", "--format", "ndjson", bad.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        List<String> errors = r.err().lines().toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("error: " + bad + ":3:").contains("unknown clause id '5.1.1.9'");
        assertThat(errors.get(1)).startsWith("error: " + bad + ":5:").contains("malformed JSON");
        List<String> out = r.out().lines().toList();
        assertThat(out).hasSize(4);
        List<Integer> lineNumbers = new java.util.ArrayList<>();
        for (String line : out) {
            JsonNode result = JSON.readTree(line);
            assertThat(result.get("schemes").get(0).get("scheme").asText()).isEqualTo("gbt27922");
            lineNumbers.add(result.get("line").asInt());
        }
        // lines 3 and 5 were rejected, line 4 is blank: each result says which line it came from
        assertThat(lineNumbers).containsExactly(1, 2, 6, 7);
    }

    @Test
    void resultsComeInTheOrderReadWhateverTheThreads() {
        Path book = generate("zg025-combined", 400, 3);
        CliRun one = CliRun.of("evaluate", "--format", "ndjson", "--threads", "1", book.toString());
        CliRun four = CliRun.of("evaluate", "--format", "ndjson", "--threads", "4", book.toString());
        assertThat(one.exit()).isZero();
        assertThat(four.out()).isEqualTo(one.out());
        assertThat(one.out().lines().count()).isEqualTo(400);
    }

    @Test
    void directoriesAreReadRecursively() throws Exception {
        Path tree = dir.resolve("book/2026/q4");
        Files.createDirectories(tree);
        Files.copy(Path.of("examples/gbt27922-form.json"), tree.resolve("a.json"));
        Files.copy(Path.of("examples/gbt27922-annex-b.yaml"), dir.resolve("book/b.yaml"));
        Files.copy(generate("cqm", 10, 5), tree.resolve("c.ndjson"));
        Files.writeString(dir.resolve("book/notes.txt"), "not an assessment");
        CliRun r = CliRun.of("evaluate", "--format", "summary", dir.resolve("book").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("读取 Read: 12   评估 Evaluated: 12   拒绝 Rejected: 0")
                .contains("gbt27922 form: 1 assessments").contains("gbt27922 annex-b: 1 assessments")
                .contains("cqm star: 10 assessments");
    }

    @Test
    void ndjsonFromStandardInput() throws Exception {
        Path book = generate("cqm", 20, 9);
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(book)));
            CliRun r = CliRun.of("evaluate", "--format", "ndjson", "-");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out().lines().count()).isEqualTo(20);
            JsonNode first = JSON.readTree(r.out().lines().findFirst().orElseThrow());
            assertThat(first.get("source").asText()).isEqualTo("<stdin>");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aLineLongerThanTheLimitIsReportedAndSkipped() throws Exception {
        Path book = dir.resolve("long.ndjson");
        String good = Files.readAllLines(generate("cqm", 1, 2)).get(0);
        byte[] longLine = new byte[33 << 20];
        java.util.Arrays.fill(longLine, (byte) ' ');
        try (var out = Files.newOutputStream(book)) {
            out.write(longLine);
            out.write('\n');
            out.write(good.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        CliRun r = CliRun.of("evaluate", "--format", "summary", book.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains(book + ":1:1: the line is longer than 32 MiB");
        assertThat(r.out()).contains("评估 Evaluated: 1   拒绝 Rejected: 1");
    }
}
