package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code register record} of many assessments in one process (issue 23, item 7): NDJSON on standard
 * input, folders, several files; each certificate its own transaction, a refused one named by its
 * line and skipped, the exit code saying so.
 */
class RegisterBatchRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String line(String example, String date) throws Exception {
        ObjectNode form = (ObjectNode) JSON.readTree(Path.of("examples", example).toFile());
        if (date != null) {
            form.put("date", date);
        }
        return JSON.writeValueAsString(form);
    }

    @Test
    void ndjsonOnStandardInputRecordsEachLineAndNamesTheLinesRefused() throws Exception {
        String form = line("gbt27922-form.json", null);
        Path book = dir.resolve("book.ndjson");
        Files.writeString(book, String.join("\n", line("cqm/cqm-five-star.json", null), "{\"organisation\": ", "",
                line("gbt27922-form.json", "2099-01-01"), form) + "\n");
        String register = dir.resolve("register").toString();

        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = CliProcess.builder("", "register", "record", "-", "--register", register)
                .redirectInput(book.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor()).isEqualTo(6); // a refusal (6) is the worst of a bad line (3) and it
        List<String> errors = Files.readAllLines(err);
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("error: <stdin>:2:");
        assertThat(errors.get(1)).startsWith("error: <stdin>:4: a certificate issued on 2099-01-01 is after today");
        assertThat(Files.readAllLines(out)).containsExactly(
                "recorded certificate 1: 示例服务有限公司 (Example Service Co., Ltd. — fictitious), cqm star, 五星级"
                        + " (5 stars), issued 2026-10-15",
                "recorded certificate 2: 示例电器有限公司 (Example Appliances Co., Ltd. — fictitious), gbt27922 form,"
                        + " 四星级 (4 stars), issued 2026-11-20",
                "  in " + Path.of(register, "register.mv.db") + " (--register)",
                "recorded 2 certificates; 2 refused (each named above) and not recorded");

        // the bytes stored are the line graded, named by its line
        Path stored = dir.resolve("stored.json");
        CliProcess.Ran show = CliProcess.run(dir, List.of(), "register", "show", "2", "--assessment", "1", "-o",
                stored.toString(), "--register", register);
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(Files.readString(stored, StandardCharsets.UTF_8)).isEqualTo(form);
        CliProcess.Ran history = CliProcess.run(dir, List.of(), "register", "show", "2", "--register", register);
        assertThat(history.out()).contains("[stdin line 5]");
    }

    @Test
    void aFolderAndFilesAreRecordedInOneRunAndAReferenceNamesOneFileOnly() throws Exception {
        Path forms = Files.createDirectories(dir.resolve("forms/sub"));
        Files.copy(Path.of("examples/gbt27922-form.json"), forms.resolve("a.json"));
        Files.writeString(forms.resolve("b.ndjson"), line("cqm/cqm-five-star.json", null) + "\n"
                + line("zg025-combined.json", null) + "\n");
        String register = dir.resolve("register").toString();

        CliProcess.Ran ran = CliProcess.run(dir, List.of(), "register", "record", dir.resolve("forms").toString(),
                "examples/gbt27922-form.json", "--register", register);
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.err()).isEmpty();
        assertThat(ran.out().lines().toList()).last().isEqualTo("recorded 4 certificates");
        assertThat(ran.out()).contains("recorded certificate 1: 示例电器有限公司", "recorded certificate 2: 示例服务有限公司",
                "recorded certificate 3: ", "zg025-combined combined, 九星级", "recorded certificate 4: 示例电器有限公司");

        CliProcess.Ran reference = CliProcess.run(dir, List.of(), "register", "record", dir.resolve("forms").toString(),
                "--reference", "R-1", "--register", register);
        assertThat(reference.exit()).isEqualTo(2);
        assertThat(reference.err()).isEqualTo("error: --reference names one certificate: give one assessment file with"
                + " it\n");
    }
}
