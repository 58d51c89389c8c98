package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18, "files damaged or output lost": output is never written over an input, a device or a
 * folder; a write that fails (a full disk, a closed pipe, a file size limit) ends the command with
 * exit 4 and one line; an interrupted write leaves the old file or nothing, never a temporary file.
 * Failures of standard output are only seen by a real process, so those run the CLI as one.
 */
@Tag("thorough") // the CLI as a process against full disks, signals, pipes and FIFOs: about 25 s
class OutputFailuresTest {

    static final String FORM = "examples/gbt27922-form.json"; // tests run in the project folder

    @TempDir
    Path dir;

    static void oneCleanLine(String err, String contains) {
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err).startsWith("error: ").contains(contains).doesNotContain("\tat ").doesNotContain("Exception");
    }

    List<String> leftIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- 1. an input found in an input folder ------------------------------------------------------

    @Test
    void aFileInAnInputFolderIsNeverTheOutput() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("d"));
        Path input = folder.resolve("a.json");
        Files.copy(Path.of(FORM), input);
        byte[] before = Files.readAllBytes(input);
        CliRun over = CliRun.of("evaluate", "--format", "json", folder.toString(), "-o", input.toString(), "--force");
        assertThat(over.exit()).isEqualTo(ExitCode.OUTPUT);
        oneCleanLine(over.err(), "is inside the input folder");
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
        // a new file there too: the next run would read the report as an assessment
        CliRun beside = CliRun.of("evaluate", "--format", "json", folder.toString(), "-o", folder.resolve("r.json").toString());
        assertThat(beside.exit()).isEqualTo(ExitCode.OUTPUT);
        assertThat(leftIn(folder)).containsExactly("a.json");
        // outside the folder it is written
        assertThat(CliRun.of("evaluate", "--format", "json", folder.toString(), "-o", dir.resolve("r.json").toString())
                .exit()).isZero();
    }

    // ---- 2. devices and folders --------------------------------------------------------------------

    @Test
    void aCharacterDeviceIsWrittenThroughNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null on this system");
        CliRun run = CliRun.of("evaluate", "--format", "json", FORM, "-o", "/dev/null", "--force");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.isRegularFile(devNull)).as("/dev/null is still a device").isFalse();
        assertThat(leftIn(Path.of("/dev")).stream().filter(n -> n.startsWith(".null"))).isEmpty();
    }

    @Test
    void aNamedPipeIsWrittenThrough() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        Process reader = new ProcessBuilder("cat", fifo.toString()).start();
        CliRun run = CliRun.of("evaluate", "--format", "json", FORM, "-o", fifo.toString());
        String read = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(read).contains("\"grade\" : \"四星级\"");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "."})
    void aFolderIsRefusedInOneLine(String folder) {
        CliRun run = CliRun.of("evaluate", FORM, "-o", folder);
        assertThat(run.exit()).isEqualTo(ExitCode.OUTPUT);
        oneCleanLine(run.err(), "is a directory");
    }

    @Test
    void aMissingFolderIsSaid() {
        CliRun run = CliRun.of("evaluate", FORM, "-o", dir.resolve("no/such/report.txt").toString());
        assertThat(run.exit()).isEqualTo(ExitCode.OUTPUT);
        oneCleanLine(run.err(), "does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1025", "2147483647"})
    void threadsOutOfRangeAreBadUsage(String threads) {
        CliRun run = CliRun.of("evaluate", FORM, "--threads", threads);
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        oneCleanLine(run.err(), "--threads must be between 1 and 1024");
    }

    // ---- 3. standard output that fails -------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"evaluate --format ndjson FORM", "evaluate --format json FORM", "evaluate FORM",
        "evaluate --format html FORM", "evaluate --format md FORM", "template --scheme gbt27922",
        "generate --scheme zg025 --count 300", "schemes", "--help", "evaluate --help", "--version"})
    void standardOutputOnAFullDiskIsExit4(String command) throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full on this system");
        ProcessBuilder pb = CliProcess.builder("", command.replace("FORM", FORM).split(" "));
        pb.redirectOutput(new java.io.File("/dev/full"));
        CliProcess.Ran ran = CliProcess.finish(pb.start());
        assertThat(ran.exit()).as(ran.err()).isEqualTo(ExitCode.OUTPUT);
        oneCleanLine(ran.err(), "standard output cannot be written (No space left on device)");
    }

    @Test
    void aClosedPipeStopsTheCommandWithExit4() throws Exception {
        // a million forms would take minutes to write; the reader takes one line and goes away
        Process p = CliProcess.builder("", "generate", "--scheme", "gbt27922", "--count", "1000000").start();
        try (InputStream out = p.getInputStream()) {
            while (out.read() != '\n') {
                // the first line
            }
        }
        CliProcess.Ran ran = CliProcess.finish(p);
        assertThat(ran.exit()).as(ran.err()).isEqualTo(ExitCode.OUTPUT);
        oneCleanLine(ran.err(), "standard output cannot be written (Broken pipe)");
    }

    // ---- 4. a file that cannot grow, 5. a signal while writing ---------------------------------

    @Test
    void aFullDiskUnderOutputIsExit4AndLeavesTheOldFile() throws Exception {
        // a file size limit (ulimit -f, in 1 KiB blocks) fails writes as a full disk does: EFBIG
        Path old = Files.writeString(dir.resolve("book.ndjson"), "the old book\n");
        CliProcess.Ran ran = CliProcess.finish(CliProcess.builder("ulimit -f 64; ", "generate", "--scheme", "gbt27922", "--count", "300", "-o", old.toString(),
                "--force").start());
        assertThat(ran.exit()).as(ran.err()).isEqualTo(ExitCode.OUTPUT);
        oneCleanLine(ran.err(), "cannot be written: File too large; nothing was written");
        assertThat(leftIn(dir)).containsExactly("book.ndjson");
        assertThat(Files.readString(old)).isEqualTo("the old book\n");
        CliProcess.Ran fresh = CliProcess.finish(CliProcess.builder("ulimit -f 64; ", "evaluate", "--format", "json", "--threads", "1", FORM, FORM, FORM, FORM,
                FORM, FORM, FORM, FORM, FORM, FORM, FORM, "-o", dir.resolve("results.json").toString()).start());
        assertThat(fresh.exit()).as(fresh.err()).isEqualTo(ExitCode.OUTPUT);
        assertThat(leftIn(dir)).containsExactly("book.ndjson");
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 150, 300})
    void aFullDiskInTheMiddleOfAJsonDocumentIsExit4InOneLine(int kib) throws Exception {
        // the sink fails inside Jackson's generator, which wraps what it is given: still exit 4, one line
        List<String> args = new ArrayList<>(List.of("evaluate", "--format", "json", "--threads", "1"));
        for (int i = 0; i < 40; i++) {
            args.add(FORM);
        }
        args.addAll(List.of("-o", dir.resolve("results.json").toString()));
        CliProcess.Ran ran = CliProcess.finish(CliProcess.builder("ulimit -f " + kib + "; ", args.toArray(String[]::new)).start());
        assertThat(ran.exit()).as(ran.err()).isEqualTo(ExitCode.OUTPUT);
        oneCleanLine(ran.err(), "results.json: cannot be written: File too large; nothing was written");
        assertThat(leftIn(dir)).isEmpty();
    }

    @Test
    void aLinkAsTheOutputIsFollowedNotReplaced() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        CliRun run = CliRun.of("evaluate", "--format", "json", FORM, "-o", link.toString(), "--force");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"grade\" : \"四星级\"");
        assertThat(leftIn(dir)).containsExactly("link.json", "real.json");
        // without --force the file it points to is not overwritten
        assertThat(CliRun.of("evaluate", FORM, "-o", link.toString()).exit()).isEqualTo(ExitCode.OUTPUT);
    }

    @Test
    void sigtermWhileWritingLeavesTheOldFileAndNoTemporary() throws Exception {
        Path old = Files.writeString(dir.resolve("book.ndjson"), "the old book\n");
        Process p = CliProcess.builder("", "generate", "--scheme", "gbt27922", "--count", "50000000", "-o", old.toString(), "--force")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // wait until the temporary file is being written
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (leftIn(dir).size() < 2 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(leftIn(dir)).hasSize(2).anyMatch(n -> n.startsWith(".book.ndjson.") && n.endsWith(".tmp"));
        p.destroy(); // SIGTERM (and the streams are closed: nothing to read)
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isEqualTo(128 + 15);
        assertThat(leftIn(dir)).containsExactly("book.ndjson");
        assertThat(Files.readString(old)).isEqualTo("the old book\n");
    }
}
