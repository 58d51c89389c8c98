package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checked-in corpus of hostile files (app/src/test/resources/hostile), each run through the real
 * CLI: one clear line naming the file, exit 3, no stack trace, in bounded time.
 */
class HostileInputTest {

    private static final Path CORPUS = Path.of("app/src/test/resources/hostile");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "deep-nesting.json       | nested more than 64 levels deep",
        "huge-number.json        | the number 1e999999999 is out of range",
        "tiny-number.json        | the number 1e-999999999 is out of range",
        "long-number.json        | a number is too long",
        "nan.json                | NaN and Infinity are not numbers here",
        "infinity.json           | NaN and Infinity are not numbers here",
        "nan.yaml                | NaN and Infinity are not numbers here (.nan)",
        "infinity.yaml           | NaN and Infinity are not numbers here (-.inf)",
        "duplicate-keys.json     | duplicate key 'scheme'",
        "non-utf8.json           | the file is not UTF-8 text",
        "non-utf8.yaml           | the file is not UTF-8 text",
        "billion-laughs.yaml     | YAML aliases (*a) are not supported here",
        "java-type-tag.yaml      | YAML tags (tag:yaml.org,2002:javax.script.ScriptEngineManager) are not supported here",
        "octal-score.yaml        | write the number 05 in plain decimals",
        "truncated.json          | malformed JSON",
        "not-an-object.json      | an assessment must be an object, not a string",
        "empty.json              | the file is empty",
        "binary.json             | malformed JSON",
        "control-characters.json | malformed JSON",
        "zstd-entry.xlsx         | cannot be read as an xlsx workbook: it uses a compression or structure",
    })
    void oneClearLineAndExit3(String file, String message) {
        Path path = CORPUS.resolve(file);
        long start = System.nanoTime();
        CliRun r = CliRun.of("evaluate", path.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: " + path).contains(message);
        assertThat(r.clean()).isTrue();
        assertThat(r.out()).isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aTwoGigabyteLineIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(2L << 30); // sparse: 2 GiB of one line of NUL bytes, no disk used
        }
        long start = System.nanoTime();
        CliRun r = CliRun.of("evaluate", huge.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).isEqualTo("error: " + huge + ": is 2048 MiB; an assessment file is at most 32 MiB"
                + System.lineSeparator());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anXlsxZipBombIsRefusedQuickly(@TempDir Path dir) throws Exception {
        // 512 MiB of one repeated byte compressed into well under 1 MiB, posing as a workbook
        Path bomb = dir.resolve("bomb.xlsx");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 512; i++) {
                zip.write(block);
            }
        }
        assertThat(Files.size(bomb)).isLessThan(2L << 20);
        long start = System.nanoTime();
        CliRun r = CliRun.of("evaluate", bomb.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("error: " + bomb + ": cannot be read as an xlsx workbook");
        assertThat(r.clean()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        // a BOM is what Windows editors write: not hostile, and the file means what it says
        Path bom = dir.resolve("bom.json");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                Files.readAllBytes(Path.of("examples/gbt27922-form.json"))));
        CliRun r = CliRun.of("evaluate", bom.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("四星级");
        Path bomYaml = dir.resolve("bom.yaml");
        Files.write(bomYaml, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                Files.readString(Path.of("examples/gbt27922-annex-b.yaml")).getBytes(StandardCharsets.UTF_8)));
        assertThat(CliRun.of("evaluate", bomYaml.toString()).exit()).isZero();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
