package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded register used by several aftersales processes at once, and where it is found, as OS processes. */
class RegisterProcessesTest {

    @TempDir
    Path dir;

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    @Tag("thorough") // 80 CLI processes
    void eightProcessesRecordingAndSurveillingAtOnceLoseNothing() throws Exception {
        String register = dir.resolve("register").toString();
        int processes = 8;
        int each = 3;
        List<Process> running = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            running.add(java(CliLoop.class.getName(), register, "P" + p, Integer.toString(each)).start());
        }
        List<String> records = new ArrayList<>();
        List<String> surveillances = new ArrayList<>();
        for (Process p : running) {
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(err).isZero();
            // no log line, no stack trace, no database's own text beside the commands' messages
            assertThat(err).as("the process's own standard error").doesNotContain("\tat ").doesNotContain("Exception")
                    .doesNotContainIgnoringCase("flyway").doesNotContain("H2").doesNotContain("ERROR");
            assertThat(out).hasSize(each * 2);
            records.addAll(out.subList(0, each));
            surveillances.addAll(out.subList(each, each * 2));
        }
        // every command succeeds after waiting its turn; one that waited too long says so in one line
        String busy = "EXIT 7|error: the register at " + dir.resolve("register").toAbsolutePath().resolve("register.mv.db")
                + " (--register) is busy: another process has had it open for the last 30 s; nothing was done, try"
                + " again when it has finished\\n";
        assertThat(records).allSatisfy(line -> assertThat(line).isIn("EXIT 0|", busy));
        // a surveillance of a certificate whose record was refused as busy finds no certificate (exit 3)
        assertThat(surveillances).allSatisfy(line -> assertThat(line).matches("EXIT 0\\||" + java.util.regex.Pattern
                .quote(busy) + "|EXIT 3\\|error: no certificate 'P\\d-\\d' in the register.*"));
        JsonNode all = new ObjectMapper().readTree(CliRun.of("register", "list", "--format", "json", "--register",
                register).out());
        // nothing lost: every record that succeeded is there, with every surveillance that succeeded
        assertThat(all).hasSize((int) records.stream().filter(l -> l.equals("EXIT 0|")).count());
        int surveilled = 0;
        for (JsonNode c : all) {
            if (c.get("history").size() == 2) {
                surveilled++;
                assertThat(c.get("stars").asInt()).isEqualTo(4); // S当面 87 < 90 needed for five stars (CQM 6.4)
            } else {
                assertThat(c.get("history")).hasSize(1);
            }
        }
        assertThat(surveilled).isEqualTo((int) surveillances.stream().filter(l -> l.equals("EXIT 0|")).count());
    }

    @Tag("thorough") // CLI processes under several HOMEs: about 7 s
    @Test
    void theDefaultRegisterIsUnderHomeOrXdgDataHome() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        ProcessBuilder record = java(Main.class.getName(), "register", "record", "examples/cqm/cqm-five-star.json");
        Map<String, String> env = record.environment();
        env.keySet().removeIf(k -> k.startsWith("AFTERSALES_") || k.startsWith("XDG_"));
        env.put("HOME", home.toString());
        Process p = record.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("in " + home.resolve(".local/share/aftersales/register.mv.db") + " (the default)");
        assertThat(home.resolve(".local/share/aftersales/register.mv.db")).exists();

        Path data = dir.resolve("data");
        env.put("XDG_DATA_HOME", data.toString());
        p = record.start();
        out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(data.resolve("aftersales/register.mv.db")).exists();
    }
}
