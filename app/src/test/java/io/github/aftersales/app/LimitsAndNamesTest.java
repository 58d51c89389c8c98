package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, "memory and limits" and "folders and names": what a reader builds is bounded whatever
 * the input, one size limit for every format, every message in one line with its place, names that
 * cannot break a line or drive the terminal, Markdown that makes no markup of what the user wrote.
 */
class LimitsAndNamesTest {

    static final Path FORM = Path.of(OutputFailuresTest.FORM);

    @TempDir
    Path dir;

    static void oneLineAt(CliRun r, Path file, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: " + file + ":").contains(message);
        assertThat(r.clean()).as(r.err()).isTrue();
    }

    // ---- 10. what a reader builds is bounded ------------------------------------------------------

    @Tag("thorough") // a 15 MB file at a small heap: about 4 s
    @Test
    void fifteenMillionZerosAreRefusedInFlatMemory() throws Exception {
        Path zeros = dir.resolve("zeros.json");
        try (Writer w = Files.newBufferedWriter(zeros)) {
            w.write("{\"schemes\": [0");
            for (int i = 1; i < 15_000_000; i++) {
                w.write(",0");
            }
            w.write("]}");
        }
        assertThat(Files.size(zeros)).isLessThan(32L << 20);
        // in 64 MiB of heap: it took 3.6 GB before the bound (and OutOfMemoryError at -Xmx1g)
        CliProcess.Ran ran = CliProcess.finish(CliProcess.builder("", List.of("-Xmx64m"),
                "evaluate", zeros.toString()).start());
        assertThat(ran.exit()).as(ran.err()).isEqualTo(ExitCode.INPUT);
        assertThat(ran.err()).isEqualTo("error: " + zeros + ":1:200010: more than 100,000 values in one document; an"
                + " assessment holds a few thousand at most\n");
        // and each line of a book the same, the others read
        Path book = dir.resolve("book.ndjson");
        try (Writer w = Files.newBufferedWriter(book)) {
            w.write(Files.readString(FORM).replace("\n", " ") + "\n");
            for (int line = 0; line < 2; line++) {
                w.write("{\"schemes\": [0");
                for (int i = 1; i < 5_000_000; i++) {
                    w.write(",0");
                }
                w.write("]}\n");
            }
        }
        CliProcess.Ran batch = CliProcess.finish(CliProcess.builder("", List.of("-Xmx64m"),
                "evaluate", "--format", "summary", book.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        assertThat(batch.exit()).as(batch.err()).isEqualTo(ExitCode.INPUT);
        assertThat(batch.err().lines().toList()).containsExactly(
                "error: " + book + ":2:200010: more than 100,000 values in one document; an assessment holds a few thousand at most",
                "error: " + book + ":3:200010: more than 100,000 values in one document; an assessment holds a few thousand at most");
    }

    // ---- every output format streams (issue 15, item 4) --------------------------------------------

    /** 3,000 generated forms, made once: their results held together need more than 32 MiB. */
    static Path book;

    @org.junit.jupiter.api.BeforeAll
    static void book(@TempDir Path shared) {
        book = shared.resolve("book.ndjson");
        assertThat(CliRun.of("generate", "--scheme", "gbt27922", "--count", "3000", "--seed", "7", "-o", book.toString())
                .exit()).isZero();
    }

    @Tag("thorough") // every format of a large batch at a small heap: about 14 s
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"json", "html", "md", "text"})
    void everyFormatWritesABatchInFlatMemory(String format) throws Exception {
        // before they streamed, --format json ran out of memory at 32 MiB on these (and at 256 MiB on 20,000)
        Path report = dir.resolve("report." + format);
        CliProcess.Ran ran = CliProcess.finish(CliProcess.builder("", List.of("-Xmx32m"),
                "evaluate", "--format", format, book.toString(), "-o", report.toString()).start());
        assertThat(ran.exit()).as(ran.err()).isZero();
        String head = Files.readString(report).substring(0, 200);
        assertThat(head).contains(switch (format) {
            case "json" -> "\"assessments\" : [ {";
            case "html" -> "<!DOCTYPE html>";
            case "md" -> "# 售后服务评价结果";
            case "text" -> "评估 Assessment";
            default -> "{\"source\":";
        });
        if (format.equals("json")) {
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile()).get("assessments").size())
                    .isEqualTo(3000);
        }
    }

    // ---- 11. one size limit for every format --------------------------------------------------------

    @Test
    void aLargeYamlFileIsReadAsTheSameJsonIs() throws Exception {
        // 4.5 million characters of evidence: SnakeYAML's own limit (3 Mi code points) refused it, while
        // JSON of the same size passed
        String evidence = "见证明材料清单 see evidence list ".repeat(3_000);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = mapper.readTree(FORM.toFile());
        tree.get("schemes").get(0).get("findings").forEach(f -> ((com.fasterxml.jackson.databind.node.ObjectNode) f)
                .putArray("evidence").add(evidence));
        String json = mapper.writeValueAsString(tree);
        Path asJson = Files.writeString(dir.resolve("big.json"), json);
        Path asYaml = dir.resolve("big.yaml");
        Files.writeString(asYaml, new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .writeValueAsString(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)));
        assertThat(Files.readString(asYaml).codePointCount(0, Files.readString(asYaml).length())).isGreaterThan(3 << 20);
        CliRun y = CliRun.of("evaluate", "--format", "json", asYaml.toString());
        CliRun j = CliRun.of("evaluate", "--format", "json", asJson.toString());
        assertThat(y.exit()).as(y.err()).isZero();
        assertThat(j.exit()).as(j.err()).isZero();
        // the same result, but for the file's name and the digest of its bytes (its provenance)
        assertThat(withoutDigest(y.out().replace(asYaml.toString(), "F")))
                .isEqualTo(withoutDigest(j.out().replace(asJson.toString(), "F")));
    }

    private static String withoutDigest(String result) {
        return result.replaceAll("\"inputDigest\" : \"sha256:[0-9a-f]{64}\"", "\"inputDigest\" : \"D\"");
    }

    // ---- 12. every message has its place ----------------------------------------------------------

    @Test
    void aTwentyMegabyteNameIsATextTooLongAtItsPlace() throws Exception {
        Path big = dir.resolve("name.json");
        Files.writeString(big, "{\"organisation\": \"" + "x".repeat(20_000_000) + "\", \"schemes\": []}");
        CliRun r = CliRun.of("evaluate", big.toString());
        oneLineAt(r, big, "a text is longer than 100,000 characters");
        assertThat(r.err()).matches("(?s)error: .*name\\.json:1:\\d+: .*");
    }

    @Test
    void hugeExponentsAndDeepNestingHaveALineAndColumn() throws Exception {
        for (String exponent : List.of("1E2147483648", "1E-2147483648")) {
            Path f = Files.writeString(dir.resolve("e.json"), "{\"schemes\": [{\"scheme\": \"gbt27922\", \"findings\": [\n"
                    + "{\"id\": \"5.1.1.1\", \"score\": " + exponent + "}]}]}");
            CliRun r = CliRun.of("evaluate", f.toString());
            oneLineAt(r, f, "e.json:2:28: the number " + exponent + " is out of range");
        }
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(200));
        oneLineAt(CliRun.of("evaluate", deep.toString()), deep, "deep.json:1:");
        assertThat(CliRun.of("evaluate", deep.toString()).err()).contains("nested more than 64 levels deep");
    }

    // ---- 13. a pipe is held to the size limit too --------------------------------------------------

    @Test
    void aNamedPipeIsHeldToTheSizeLimit() throws Exception {
        Path fifo = dir.resolve("form.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write("{\"schemes\": [".getBytes(StandardCharsets.UTF_8));
                byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 40; i++) {
                    out.write(spaces);
                }
            } catch (IOException closedByTheReader) {
                // the reader stopped at 32 MiB, as it should
            }
        });
        writer.start();
        CliRun r = CliRun.of("evaluate", fifo.toString());
        writer.join(60_000);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).isEqualTo("error: " + fifo + ": is more than 32 MiB; an assessment file is at most 32 MiB\n");
    }

    // ---- 16. names ----------------------------------------------------------------------------------

    @Test
    void aNameCannotSplitAMessageNorReachTheTerminalRaw() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("d"));
        Files.writeString(folder.resolve("a\nb.json"), "{\"schemes\": [");
        Files.writeString(folder.resolve("e\u001b[31mred.json"), "{\"x\": 1");
        CliRun r = CliRun.of("evaluate", folder.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err().lines().toList()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("error: " + folder + "/a\\nb.json:1:14: malformed JSON"))
                .anySatisfy(l -> assertThat(l).startsWith("error: " + folder + "/e\\u001b[31mred.json:1:8: malformed JSON"));
        assertThat(r.err()).doesNotContain("\u001b");
        // the summary lists them the same way
        assertThat(CliRun.of("evaluate", "--format", "summary", folder.toString()).out()).doesNotContain("\u001b")
                .contains("a\\nb.json");
    }

    @Test
    void aFileNamedLikeAnOptionIsReadAfterTheDoubleDash() throws Exception {
        Path odd = Files.copy(FORM, dir.resolve("-rf.json"));
        String name = odd.getFileName().toString();
        // relative to the project folder the tests run in: a name that starts with '-'
        Path here = Path.of(name);
        Files.copy(odd, here);
        try {
            CliRun asOption = CliRun.of("evaluate", name);
            assertThat(asOption.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(asOption.err()).contains("To read the file '-rf.json', put -- before it: aftersales evaluate … -- -rf.json");
            CliRun read = CliRun.of("evaluate", "--", name);
            assertThat(read.exit()).as(read.err()).isZero();
            assertThat(read.out()).contains("四星级");
        } finally {
            Files.delete(here);
        }
    }

    @Test
    void aZipFileNamedJsonIsSaidToBeOneWithoutItsBytes() throws Exception {
        Path zip = dir.resolve("form.json");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 'g', 'a', 'r', 'b', 'a', 'g', 'e'});
        CliRun r = CliRun.of("evaluate", zip.toString());
        oneLineAt(r, zip, "this is a zip file (an Excel workbook?), not text");
        assertThat(r.err()).doesNotContain("\u0000").doesNotContain("Unrecognized token");
    }

    @Test
    void anotherSpreadsheetFormatSaysWhatItIsAndHowToSaveIt() throws Exception {
        // issue 17: an .ods or .xls form was answered "malformed JSON: the file is not UTF-8 text"
        Path ods = Files.write(dir.resolve("form.ods"), new byte[] {'P', 'K', 3, 4, 0, 0});
        oneLineAt(CliRun.of("evaluate", ods.toString()), ods, "is a LibreOffice spreadsheet (.ods), which is not read"
                + " here: save it as an Excel workbook (.xlsx; in LibreOffice File > Save As > Excel 2007-365) and evaluate that");
        Path xls = Files.write(dir.resolve("form.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        oneLineAt(CliRun.of("evaluate", xls.toString()), xls, "is an Excel 97-2003 workbook (.xls), which is not read here");
        // the help says every format evaluate reads
        assertThat(CliRun.of("evaluate", "--help").out().replaceAll("\\s+", "")).contains(("Reads JSON (.json), YAML"
                + " (.yaml/.yml), NDJSON (.ndjson/.jsonl, one assessment a line) and a filled Excel form .xlsx").replace(" ", ""))
                .contains("a workbook saved as .ods, .xls or .numbers is named with how to save it as .xlsx".replace(" ", ""));
    }

    // ---- 17. Markdown makes no markup of what the user wrote --------------------------------------

    @Test
    void markdownEscapesHtmlLinksAndEmphasisInNames() throws Exception {
        String hostile = "<script>alert(1)</script> *bold* [x](javascript:alert(1)) `code` a_b_c ~~gone~~ 80 < 90";
        String json = Files.readString(FORM).replaceFirst("\"organisation\": \"[^\"]*\"",
                "\"organisation\": \"" + hostile.replace("\\", "\\\\") + "\"");
        Path f = Files.writeString(dir.resolve("org.json"), json);
        CliRun r = CliRun.of("evaluate", "--format", "md", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String line = r.out().lines().filter(l -> l.contains("Organisation")).findFirst().orElseThrow();
        assertThat(line).isEqualTo("- 组织 Organisation: \\<script>alert(1)\\</script> \\*bold\\* \\[x\\](javascript:alert(1))"
                + " \\`code\\` a\\_b\\_c \\~\\~gone\\~\\~ 80 < 90");
    }
}
