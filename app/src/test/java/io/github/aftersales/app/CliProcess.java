package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CLI as a process of its own, for what only a real process shows: a full standard output, a
 * closed pipe, a signal, a file size limit, a small heap, a plugin ending the program.
 */
final class CliProcess {

    private CliProcess() {
    }

    /** What a run left: its exit code and what it wrote ({@code out} empty when the caller took it). */
    record Ran(int exit, String out, String err) {
    }

    /** The command, started through bash so that a test can set a limit first ({@code "ulimit -f 64; "}). */
    static ProcessBuilder builder(String shellPrefix, String... args) {
        return builder(shellPrefix, List.of(), args);
    }

    /** The same with options for the JVM ({@code -Xmx64m}). */
    static ProcessBuilder builder(String shellPrefix, List<String> jvm, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a short command starts faster on the client compiler and the serial collector (a third less
        // CPU a run, and the tests start some hundred); a test's own options come after and win
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        StringBuilder line = new StringBuilder(shellPrefix).append("exec");
        command.forEach(a -> line.append(" '").append(a.replace("'", "'\\''")).append("'"));
        return new ProcessBuilder("bash", "-c", line.toString());
    }

    /** Waits for {@code p}, reading its standard error whole; its standard output is the caller's. */
    static Ran finish(Process p) throws Exception {
        String err;
        try (InputStream e = p.getErrorStream()) {
            err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the command ends").isTrue();
        return new Ran(p.exitValue(), "", err);
    }

    /** Runs the command with {@code jvm} options and returns both of its outputs (kept in files under {@code work}). */
    static Ran run(Path work, List<String> jvm, String... args) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = builder("", jvm, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the command ends").isTrue();
        return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
