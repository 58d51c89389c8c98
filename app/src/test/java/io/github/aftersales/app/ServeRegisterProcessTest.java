package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register's routes answer what the register's commands write, byte for byte: a register made on the command
 * line (a CQM certificate surveilled, an incident noted, a GB/T one), read by {@code register show, list, search,
 * due, export}, then served by {@code serve} over the same file and read through HTTP.
 */
class ServeRegisterProcessTest {

    private static final Pattern SERVING = Pattern.compile("serving the API at http://127\\.0\\.0\\.1:(\\d+)/api/v1 .*");

    @TempDir
    Path dir;

    private CliProcess.Ran cli(String register, String... args) throws Exception {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--register";
        all[args.length + 1] = register;
        CliProcess.Ran r = CliProcess.run(dir, List.of(), all);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    @Test
    void theRegistersRoutesAnswerWhatTheRegisterCommandsWrite() throws Exception {
        String register = dir.resolve("register").toString();
        cli(register, "register", "record", "examples/cqm/cqm-five-star.json", "--reference", "CQM-2026-001");
        cli(register, "register", "surveil", "CQM-2026-001", "examples/cqm/surveillance-unrectified-complaint.json");
        cli(register, "register", "incident", "1", "--type", "majorComplaint", "--date", "2026-11-20", "--note",
                "press report, \"quoted\", =1+1");
        cli(register, "register", "record", "examples/gbt27922-form.json", "--reference", "GBT-2026-001");
        String token = cli(register, "accounts", "add", "mia", "--role", "manager").out().strip();
        String on = LocalDate.now().plusMonths(12).toString();
        String show = cli(register, "register", "show", "1", "--format", "json").out();
        String list = cli(register, "register", "list", "--format", "json").out();
        String search = cli(register, "register", "search", "cqm", "--state", "suspended", "--format", "json").out();
        String due = cli(register, "register", "due", "--on", on, "--format", "json").out();
        String csv = cli(register, "register", "export").out();
        String events = cli(register, "register", "export", "--events").out();
        String json = cli(register, "register", "export", "--format", "json").out();
        assertThat(search).contains("\"reference\" : \"CQM-2026-001\"").doesNotContain("GBT-2026-001");
        assertThat(due).contains("\"what\" : \"extra evaluation\"");
        assertThat(events).contains("; press report, \"\"quoted\"\", =1+1\n");

        Process serve = CliProcess.builder("", "serve", "--port", "0", "--register", register)
                .redirectError(dir.resolve("serve-err.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = SERVING.matcher(String.valueOf(first));
            assertThat(m.matches()).as(first + " " + Files.readString(dir.resolve("serve-err.txt"))).isTrue();
            String base = "http://127.0.0.1:" + m.group(1) + "/api/v1/certificates";
            HttpClient http = HttpClient.newHttpClient();
            java.util.function.BiFunction<String, String, String> get = (path, accept) -> {
                try {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + token);
                    if (accept != null) {
                        b.header("Accept", accept);
                    }
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
                    return r.body();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            assertThat(get.apply("/1", null)).isEqualTo(show);
            assertThat(get.apply("/cqm-2026-001", null)).isEqualTo(show);
            assertThat(get.apply("", null)).isEqualTo(list);
            assertThat(get.apply("?q=cqm&state=suspended", null)).isEqualTo(search);
            assertThat(get.apply("/due?months=12", null)).isEqualTo(due);
            assertThat(get.apply("/due?on=" + on, null)).isEqualTo(due);
            assertThat(get.apply("/export", "text/csv")).isEqualTo(csv);
            assertThat(get.apply("/export?events=true", null)).isEqualTo(events);
            // the same but for the moment of the export
            String exportedAt = "(?m)^  \"exportedAt\" : \"[^\"]+\",$";
            assertThat(get.apply("/export", null).replaceFirst(exportedAt, "")).isEqualTo(json.replaceFirst(exportedAt,
                    ""));
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("the service stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(dir.resolve("serve-err.txt"))).doesNotContain("Exception");
    }
}
