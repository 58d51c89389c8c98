package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code accounts add} then {@code serve} as a newcomer runs them (docs/service.md): processes of their own, the
 * embedded register, HTTP from outside, a stop by signal.
 */
class ServeProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVING = Pattern.compile("serving the API at http://127\\.0\\.0\\.1:(\\d+)/api/v1 .*");

    @TempDir
    Path dir;

    @Test
    void aNewcomerMakesTheFirstAdminServesAndGradesTheExampleOverHttp() throws Exception {
        String register = dir.resolve("register").toString();
        CliProcess.Ran added = CliProcess.run(dir, List.of(), "accounts", "add", "ada", "--role", "admin",
                "--register", register);
        assertThat(added.exit()).as(added.err()).isZero();
        String token = added.out().strip();
        assertThat(token).matches("ast_[A-Za-z0-9_-]{43}");
        assertThat(added.err()).startsWith("added account ada; token 1 of ada (admin) follows, shown this once")
                .doesNotContain(token);

        Process serve = CliProcess.builder("", "serve", "--port", "0", "--register", register)
                .redirectError(dir.resolve("serve-err.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = SERVING.matcher(String.valueOf(first));
            assertThat(m.matches()).as(first + " " + Files.readString(dir.resolve("serve-err.txt"))).isTrue();
            assertThat(first).contains("register: " + Path.of(register, "register.mv.db"));
            String base = "http://127.0.0.1:" + m.group(1);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");

            HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schemes")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noToken.statusCode()).isEqualTo(401);

            HttpResponse<String> schemes = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/schemes"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(schemes.statusCode()).isEqualTo(200);
            List<String> ids = JSON.readTree(schemes.body()).findValuesAsText("id");
            assertThat(ids).contains("gbt27922", "zg025", "cqm", "zg025-combined");

            HttpResponse<String> graded = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/evaluations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("examples", "zg025-combined.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(graded.statusCode()).as(graded.body()).isEqualTo(200);
            JsonNode combined = JSON.readTree(graded.body()).at("/schemes/2");
            assertThat(combined.get("scheme").asText()).isEqualTo("zg025-combined");
            assertThat(combined.get("grade").asText()).isEqualTo("九星级"); // as 'register record' records it

            // the admin's page: the account made above and the schemes installed; the register is a manager's
            HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create(base + "/admin?lang=en"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
            assertThat(admin.body()).contains("<tr id=\"account-ada\"><td>ada</td><td>admin</td><td>1</td>")
                    .contains("<span class=\"id\">zg025-combined</span>");
            HttpResponse<String> certificates = http.send(HttpRequest.newBuilder(URI.create(base + "/register"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(certificates.statusCode()).isEqualTo(403);
        } finally {
            serve.destroy(); // SIGTERM: requests in flight finish, the register's file is let go
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("the service stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(dir.resolve("serve-err.txt"))).doesNotContain("Exception").doesNotContain(token);

        // the file is free again: the command line lists the account
        CliProcess.Ran listed = CliProcess.run(dir, List.of(), "accounts", "list", "--register", register);
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).startsWith("ada                      admin    1 token  added ").endsWith("1 account\n");
    }

    @Test
    void aPasswordSetOnTheCommandLineSignsInToABrowserSession() throws Exception {
        String register = dir.resolve("register").toString();
        assertThat(CliProcess.run(dir, List.of(), "accounts", "add", "zhang", "--role", "auditor", "--register", register)
                .exit()).isZero();
        String password = "correct horse battery staple";
        CliProcess.Ran set = withInput(password + "\n", "accounts", "password", "zhang", "--stdin", "--register", register);
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("set the password of zhang; its sessions are ended\n");
        assertThat(set.err()).isEmpty();
        for (Object[] c : new Object[][] {
            {2, "error: a password is 12 to 256 characters long, not 5\n", "short\n", new String[] {"zhang", "--stdin"}},
            {2, "error: --stdin: standard input is empty: send the password on its first line\n", "",
                new String[] {"zhang", "--stdin"}},
            {2, "error: no terminal to type the password on: send it on standard input with --stdin\n", password + "\n",
                new String[] {"zhang"}},
            {3, "error: no account nobody\n", password + "\n", new String[] {"nobody", "--stdin"}}}) {
            String[] args = (String[]) c[3];
            CliProcess.Ran r = withInput((String) c[2], "accounts", "password", args[0], args.length > 1 ? args[1] : "--register",
                    args.length > 1 ? "--register" : register, args.length > 1 ? register : null);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(c[0]);
            assertThat(r.err()).isEqualTo(c[1]);
        }

        Process serve = CliProcess.builder("", "serve", "--port", "0", "--register", register)
                .redirectError(dir.resolve("serve-err.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = SERVING.matcher(String.valueOf(out.readLine()));
            assertThat(m.matches()).isTrue();
            String base = "http://127.0.0.1:" + m.group(1);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"account\": \"zhang\", \"password\": \"" + password + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
            String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("; HttpOnly; SameSite=Strict");
            HttpResponse<String> mine = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("serve-err.txt"))).doesNotContain(password).doesNotContain("Exception");
    }

    /** Runs the command with {@code input} on its standard input (no terminal); {@code null} arguments are left out. */
    private CliProcess.Ran withInput(String input, String... args) throws Exception {
        Path in = Files.writeString(Files.createTempFile(dir, "in", ".txt"), input);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = CliProcess.builder("", java.util.Arrays.stream(args).filter(java.util.Objects::nonNull)
                .toArray(String[]::new)).redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new CliProcess.Ran(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The evidence limits are the operator's: a file over the one given is refused (413), a bad one is exit 2. */
    @Test
    void theEvidenceLimitsAreTakenFromTheCommandLine() throws Exception {
        CliProcess.Ran bad = CliProcess.run(dir, List.of(), "serve", "--port", "0", "--evidence-file-limit", "0",
                "--register", dir.resolve("r").toString());
        assertThat(bad.exit()).as(bad.err()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("error: --evidence-file-limit must be between 1 and 1024 (MiB), and"
                + " --evidence-limit between it and 1048576, not 0 and 200\n");

        String register = dir.resolve("register").toString();
        CliProcess.Ran added = CliProcess.run(dir, List.of(), "accounts", "add", "zhang", "--role", "auditor",
                "--register", register);
        assertThat(added.exit()).as(added.err()).isZero();
        String token = added.out().strip();
        Process serve = CliProcess.builder("", "serve", "--port", "0", "--evidence-file-limit", "1", "--evidence-limit",
                "2", "--register", register).redirectError(dir.resolve("serve-err.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = SERVING.matcher(String.valueOf(first));
            assertThat(m.matches()).as(first + " " + Files.readString(dir.resolve("serve-err.txt"))).isTrue();
            String base = "http://127.0.0.1:" + m.group(1);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scheme\": \"gbt27922\", \"organisation\": \"Co.\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            String evidence = base + "/api/v1/assessments/" + JSON.readTree(made.body()).get("id").asLong()
                    + "/evidence?clause=5.1.1.2&name=scan.pdf";
            HttpResponse<String> over = http.send(HttpRequest.newBuilder(URI.create(evidence))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(1 << 20) + 1])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(over.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(over.body()).get("message").asText())
                    .isEqualTo("an evidence file is at most 1 MiB; this one is larger");
            HttpResponse<String> fits = http.send(HttpRequest.newBuilder(URI.create(evidence))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1 << 20])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(fits.statusCode()).as(fits.body()).isEqualTo(201);
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("the service stops on SIGTERM").isTrue();
        }
    }

    @Test
    void aPortInUseIsOneLineAndExit8() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliProcess.Ran r = CliProcess.run(dir, List.of(), "serve", "--port", String.valueOf(taken.getLocalPort()),
                    "--register", dir.resolve("r").toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(8);
            assertThat(r.err()).isEqualTo("error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is"
                    + " in use; choose another with --port\n");
        }
    }

    @Test
    void accountsRefusalsAreOneLineWithTheirExitCode() throws Exception {
        String register = dir.resolve("register").toString();
        assertThat(CliProcess.run(dir, List.of(), "accounts", "add", "ada", "--role", "admin", "--register", register)
                .exit()).isZero();
        for (Object[] c : new Object[][] {
            {2, "error: 'Ada Li' is not an account name: 1 to 64 lower-case letters, digits, '.', '_' or '-', starting"
                    + " with a letter or digit\n", new String[] {"accounts", "add", "Ada Li", "--role", "admin"}},
            {2, "error: --role: 'boss' is not one of admin, manager, auditor\n",
                new String[] {"accounts", "add", "bo", "--role", "boss"}},
            {2, "error: the account ada exists already\n", new String[] {"accounts", "add", "ada", "--role", "auditor"}},
            {3, "error: no token 99\n", new String[] {"accounts", "revoke", "99"}},
            {3, "error: no account nobody\n", new String[] {"accounts", "token", "nobody"}}}) {
            String[] args = (String[]) c[2];
            String[] all = java.util.Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--register";
            all[args.length + 1] = register;
            CliProcess.Ran r = CliProcess.run(dir, List.of(), all);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(c[0]);
            assertThat(r.err()).isEqualTo(c[1]);
            assertThat(r.out()).isEmpty();
        }
        // the numbers to revoke by, with labels and dates, never a token's text
        assertThat(CliProcess.run(dir, List.of(), "accounts", "token", "ada", "--label", "scraper", "--register", register)
                .exit()).isZero();
        assertThat(CliProcess.run(dir, List.of(), "accounts", "revoke", "1", "--register", register).exit()).isZero();
        CliProcess.Ran tokens = CliProcess.run(dir, List.of(), "accounts", "list", "--tokens", "--register", register);
        assertThat(tokens.out().lines().toList()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("1      ada                      first token              made ")
                    .contains(", revoked ");
            assertThat(lines.get(1)).startsWith("2      ada                      scraper                  made ")
                    .doesNotContain("revoked");
            assertThat(lines.get(2)).isEqualTo("2 tokens");
        });
        assertThat(tokens.out()).doesNotContain("ast_");
    }

    /**
     * {@code accounts role}, {@code disable} and {@code enable}: the rules of the admin's page, in the command's words
     * and exit codes (6 refused, 3 no such account, 2 not a role).
     */
    @Test
    void rolesAreChangedAndAccountsDisabledOnTheCommandLineByTheSameRules() throws Exception {
        String register = dir.resolve("register").toString();
        assertThat(CliProcess.run(dir, List.of(), "accounts", "add", "ada", "--role", "admin", "--register", register)
                .exit()).isZero();
        assertThat(CliProcess.run(dir, List.of(), "accounts", "add", "li", "--role", "auditor", "--register", register)
                .exit()).isZero();
        CliProcess.Ran role = CliProcess.run(dir, List.of(), "accounts", "role", "li", "manager", "--register", register);
        assertThat(role.exit()).as(role.err()).isZero();
        assertThat(role.out()).isEqualTo("the role of li is now manager\n");
        CliProcess.Ran last = CliProcess.run(dir, List.of(), "accounts", "role", "ada", "auditor", "--register",
                register);
        assertThat(last.exit()).isEqualTo(6);
        assertThat(last.err()).contains("ada is the last admin: make another account admin before changing the role"
                + " of ada").doesNotContain("Exception");
        CliProcess.Ran lastDisabled = CliProcess.run(dir, List.of(), "accounts", "disable", "ada", "--register",
                register);
        assertThat(lastDisabled.exit()).isEqualTo(6);
        assertThat(lastDisabled.err()).contains("ada is the last admin: make another account admin before disabling ada");
        CliProcess.Ran disabled = CliProcess.run(dir, List.of(), "accounts", "disable", "li", "--register", register);
        assertThat(disabled.exit()).as(disabled.err()).isZero();
        assertThat(disabled.out()).isEqualTo("disabled li; its sessions are ended\n");
        CliProcess.Ran listed = CliProcess.run(dir, List.of(), "accounts", "list", "--register", register);
        assertThat(listed.out()).contains("li                       manager  1 token  added ").contains("  disabled\n");
        CliProcess.Ran enabled = CliProcess.run(dir, List.of(), "accounts", "enable", "li", "--register", register);
        assertThat(enabled.out()).isEqualTo("enabled li\n");
        CliProcess.Ran none = CliProcess.run(dir, List.of(), "accounts", "disable", "nobody", "--register", register);
        assertThat(none.exit()).isEqualTo(3);
        assertThat(none.err()).contains("no account nobody");
        CliProcess.Ran notARole = CliProcess.run(dir, List.of(), "accounts", "role", "li", "root", "--register",
                register);
        assertThat(notARole.exit()).isEqualTo(2);
        assertThat(notARole.err()).contains("ROLE: 'root' is not one of admin, manager, auditor");
    }
}
