package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18, "Plugins" (items 18–22): a plugin that throws an Error, whose metadata fails once it is
 * loaded, whose jar holds a zip bomb or a huge catalog, or that ends the program while it loads.
 * Each runs through the real CLI on tiny jars built here, and checks the exit code, exactly one
 * line naming the jar, no stack trace, and that the other schemes and assessments still work.
 * Ending the program and running out of memory are only seen by a real process, so those run the
 * CLI as one.
 */
@Tag("thorough") // hostile plugin jars, each in a process of its own: about 19 s
class PluginFailuresTest {

    private static final String FORM = "examples/gbt27922-form.json"; // tests run in the project folder
    private static final String SERVICES = "META-INF/services/io.github.aftersales.spi.Scheme";
    private static final String CATALOG = "schemes/example-home-repair/main.catalog.json";

    @TempDir
    Path work;

    private PluginJars jars;

    @BeforeEach
    void jars() {
        jars = new PluginJars(work);
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--plugins", jars.dir().toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Exactly one line on standard error, starting with {@code kind}, naming the jar and saying {@code says}. */
    private static void oneLine(CliRun r, String kind, Path jar, String says) {
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith(kind).contains(jar.toAbsolutePath().toString()).contains(says);
        assertThat(r.clean()).as(r.err()).isTrue();
    }

    /** The jar is one warning line and is left out; the built-in schemes are listed and evaluate as ever. */
    private void leftOutInOneWarning(Path jar, String says) {
        CliRun schemes = run("schemes");
        assertThat(schemes.exit()).as(schemes.err()).isZero();
        oneLine(schemes, "warning: plugin ", jar, says);
        assertThat(schemes.out()).contains("gbt27922").contains("zg025").contains("cqm").doesNotContain("from: plugin");
        CliRun evaluate = run("evaluate", FORM);
        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("四星级");
    }

    /** The Errors a plugin's code can throw, each made for real. */
    enum PluginError {
        STACK_OVERFLOW("StackOverflow", "StackOverflowError", "return deep(0) == 0 ? List.of() : List.of();",
                "static int deep(int n) { return deep(n + 1) + 1; }"),
        MISSING_CLASS("MissingClass", "NoClassDefFoundError: com/example/%s$Gone", "return Gone.variants();",
                "static final class Gone { static List<Variant> variants() { return List.of(); } }"),
        ASSERTION("Assertion", "AssertionError: variants went missing",
                "throw new AssertionError(\"variants went missing\");", "");

        final String label;
        final String says;
        final String statement;
        final String members;

        PluginError(String label, String says, String statement, String members) {
            this.label = label;
            this.says = says;
            this.statement = statement;
            this.members = members;
        }

        /** The plugin's class: its {@code variants()} throws while it loads, or only after. */
        String className(boolean whileLoading) {
            return "Broken" + label + (whileLoading ? "Early" : "Late");
        }

        /** What the message says it threw. */
        String says(boolean whileLoading) {
            return says.formatted(className(whileLoading));
        }

        /** A jar of scheme {@code id} whose {@code variants()} throws this Error, while it loads or only after. */
        Path jar(PluginJars jars, String id, boolean whileLoading) throws IOException {
            String className = className(whileLoading);
            return jars.codeScheme(id + ".jar", className, """
                    public String id() { return "%s"; }
                    public String version() { return "1"; }
                    public String title() { return "broken"; }
                    public String titleEn() { return "broken"; }
                    public List<Variant> variants() {
                        if (%s) { %s }
                        return delegate.variants();
                    }
                    %s
                    """.formatted(id, whileLoading ? "true" : "!discovering()", statement, members),
                    this == MISSING_CLASS ? new String[] {className + "$Gone"} : new String[0]);
        }
    }

    // ---- 18. an Error from a scheme method ------------------------------------------------------

    @ParameterizedTest
    @EnumSource(PluginError.class)
    void anErrorWhileItLoadsIsOneWarningAndTheOthersWork(PluginError error) throws IOException {
        Path jar = error.jar(jars, "broken", true);
        leftOutInOneWarning(jar, "com.example." + error.className(true) + " failed in variants(): " + error.says(true));
    }

    @ParameterizedTest
    @EnumSource(PluginError.class)
    void anErrorAfterItLoadedFailsOnlyThatSchemesAssessmentsWithExit5(PluginError error) throws IOException {
        Path jar = error.jar(jars, "broken", false);
        String says = "scheme broken failed in variants(): " + error.says(false);
        Path assessment = jars.assessmentFor("broken");

        // a batch on two threads: that scheme's assessment fails, the other one is still evaluated
        CliRun evaluate = run("evaluate", "--threads", "2", assessment.toString(), FORM);
        assertThat(evaluate.exit()).as(evaluate.err()).isEqualTo(ExitCode.SCHEME);
        oneLine(evaluate, "error: " + assessment + ": " + says, jar, says);
        assertThat(evaluate.out()).contains("四星级");

        CliRun template = run("template", "--scheme", "broken");
        assertThat(template.exit()).as(template.err()).isEqualTo(ExitCode.SCHEME);
        oneLine(template, "error: " + says + " (plugin ", jar, says);
        CliRun other = run("template", "--scheme", "gbt27922");
        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(other.out()).contains("\"scheme\" : \"gbt27922\"");

        CliRun schemes = run("schemes");
        assertThat(schemes.exit()).isEqualTo(ExitCode.SCHEME);
        oneLine(schemes, "error: " + says, jar, says);
        assertThat(schemes.out()).contains("gbt27922").contains("cqm").contains("broken  1  broken");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void outOfMemoryIsTheJvmsOneLineAndExit71(boolean whileLoading) throws Exception {
        Path jar = jars.codeScheme("hog.jar", "Hog", """
                public String id() { return "hog"; }
                public String version() { return "1"; }
                public String title() { return "hog"; }
                public String titleEn() { return "hog"; }
                public List<Variant> variants() {
                    if (%s) {
                        List<long[]> kept = new java.util.ArrayList<>();
                        while (true) {
                            kept.add(new long[1 << 20]);
                        }
                    }
                    return delegate.variants();
                }
                """.formatted(whileLoading ? "true" : "!discovering()"));
        CliProcess.Ran r = process(List.of("-Xmx128m"), "--plugins", jar.getParent().toString(), "evaluate",
                jars.assessmentFor("hog").toString(), FORM);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.JVM);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: out of memory (Java heap space): the command stopped; run it with more")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    // ---- 19. metadata that fails once the plugin is loaded ------------------------------------------

    /** A scheme whose metadata methods throw unless it is being loaded (the "flaky version"). */
    private Path flakyMetadata() throws IOException {
        return jars.codeScheme("flaky.jar", "FlakyMetadata", """
                private static String once(String value) {
                    if (!discovering()) {
                        throw new IllegalStateException("flaky version fails after loading");
                    }
                    return value;
                }
                public String id() { return once("flaky"); }
                public String version() { return once("7"); }
                public String title() { return once("flaky"); }
                public String titleEn() { return once("flaky"); }
                public List<Variant> variants() { return delegate.variants(); }
                """);
    }

    @Test
    void metadataIsReadOnceWhenThePluginLoads() throws IOException {
        flakyMetadata();
        CliRun schemes = run("--debug", "schemes"); // --debug logs each scheme's version
        assertThat(schemes.exit()).as(schemes.err()).isZero();
        assertThat(schemes.err()).doesNotContain("error").doesNotContain("warning");
        assertThat(schemes.out()).contains("flaky  7  flaky (flaky)").contains("gbt27922");
        // 1.1 3; 1.2 5 × 8/10 = 4; 2.1 4; 2.2 4; 2.3 excluded: 15 of 16 → 优秀, as the example scheme
        CliRun evaluate = run("evaluate", jars.assessmentFor("flaky").toString(), FORM);
        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        assertThat(evaluate.err()).isEmpty();
        assertThat(evaluate.out()).contains("优秀 (excellent)  ★★").contains("四星级");
        CliRun version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).contains("scheme gbt27922");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "version", "title", "titleEn"})
    void aMetadataMethodFailingWhileItLoadsIsOneWarningAndTheOthersWork(String method) throws IOException {
        String body = """
                public String id() { return "failing"; }
                public String version() { return "1"; }
                public String title() { return "failing"; }
                public String titleEn() { return "failing"; }
                public List<Variant> variants() { return delegate.variants(); }
                """.replace("public String " + method + "() { return",
                "public String " + method + "() { if (true) throw new IllegalStateException(\"no " + method + "\"); return");
        Path jar = jars.codeScheme("failing.jar", "Failing", body);
        leftOutInOneWarning(jar, "com.example.Failing failed in " + method + "(): no " + method);
    }

    // ---- 20. a zip bomb in a plugin jar -----------------------------------------------------------

    /** {@code size} bytes of one byte, which deflate to a thousandth of that. */
    private static PluginJars.Content bomb(long size, byte b) {
        return out -> {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, b);
            for (long n = 0; n < size; n += chunk.length) {
                out.write(chunk);
            }
        };
    }

    @Test
    void aZipBombAsTheServiceFileIsRefusedInOneLine() throws IOException {
        // 1 GiB of one comment line (about 1 MB in the jar): ServiceLoader read it as one line, and ran out of memory
        Path jar = jars.streamedJar("bomb.jar", List.of(), Map.of(SERVICES, bomb(1L << 30, (byte) '#')));
        long start = System.nanoTime();
        leftOutInOneWarning(jar, SERVICES + ": is larger than 64 KiB, the limit for a plugin's service file");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(60);
    }

    @Test
    void aZipBombAsACatalogIsRefusedInOneLine() throws IOException {
        Path classes = jars.compileExample("classes");
        Path jar = jars.streamedJar("bomb.jar", List.of(classes, PluginJars.EXAMPLE.resolve("src/main/resources")),
                Map.of(CATALOG, bomb(256L << 20, (byte) ' '))); // 256 MiB of JSON whitespace
        leftOutInOneWarning(jar, CATALOG + ": is larger than 4 MiB, the limit for a scheme's resource");
    }

    @Test
    void aManifestTooLargeIsOneLineNotASilentlySkippedJar() throws IOException {
        Path classes = jars.compileExample("classes");
        Path jar = jars.streamedJar("bomb.jar", List.of(classes, PluginJars.EXAMPLE.resolve("src/main/resources")),
                Map.of("META-INF/MANIFEST.MF", bomb(32L << 20, (byte) 'a'))); // the JDK reads at most 16 MB of it
        leftOutInOneWarning(jar, "its manifest cannot be read: Unsupported size");
    }

    // ---- 21. a catalog too large ------------------------------------------------------------------

    /** The example scheme with its catalog written by {@code catalog}. */
    private Path withCatalog(String name, PluginJars.Content catalog) throws IOException {
        Path classes = jars.compileExample("classes");
        return jars.streamedJar(name, List.of(classes, PluginJars.EXAMPLE.resolve("src/main/resources")),
                Map.of(CATALOG, catalog));
    }

    /** A catalog of one category holding {@code clauses} clauses of one point, the first titled {@code title}. */
    private static PluginJars.Content catalog(int clauses, String title) {
        return out -> {
            StringBuilder b = new StringBuilder("{\"title\": \"t\", \"titleEn\": \"t\", \"totalPoints\": " + clauses
                    + ", \"categories\": [{\"id\": \"1\", \"title\": \"t\", \"titleEn\": \"t\", \"points\": " + clauses
                    + ", \"clauses\": [");
            for (int i = 1; i <= clauses; i++) {
                b.append(i > 1 ? "," : "").append("{\"id\": \"1.").append(i).append("\", \"title\": \"")
                        .append(i == 1 ? title : "t").append("\", \"titleEn\": \"t\", \"points\": 1}\n");
                if (b.length() > 1 << 16) {
                    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                    b.setLength(0);
                }
            }
            out.write(b.append("]}]}").toString().getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void aCatalogOfAMillionClausesIsRefusedAtOnce() throws IOException {
        Path jar = withCatalog("huge.jar", catalog(1_000_000, "t")); // 78 MB of JSON
        long start = System.nanoTime();
        leftOutInOneWarning(jar, CATALOG + ": is larger than 4 MiB, the limit for a scheme's resource");
        CliRun template = run("template", "--scheme", "example-home-repair", "--format", "xlsx", "-o",
                work.resolve("form.xlsx").toString());
        assertThat(template.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(template.err()).contains("unknown scheme 'example-home-repair'");
        // the issue: 30–40 s and 2.3 GB a start, and template --format xlsx unfinished after 600 s
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(60);
    }

    @Test
    void aCatalogOverTheClauseLimitIsRefusedInOneLine() throws IOException {
        Path jar = withCatalog("many.jar", catalog(10_001, "t")); // 0.7 MB: under the byte limit
        leftOutInOneWarning(jar, CATALOG + ": has more than 10000 clauses; the limit is 10000");
    }

    @Test
    void aTextOverTheLimitIsRefusedInOneLine() throws IOException {
        Path jar = withCatalog("long.jar", catalog(2, "长".repeat(10_001)));
        leftOutInOneWarning(jar, CATALOG + ": clause 1.1: its title is 10001 characters long; the limit is 10000");
    }

    @Test
    void aCatalogBuiltInCodeTooDeepIsRefusedWithoutARecursion() throws IOException {
        // 100,000 levels: walking it recursively would overflow the stack
        Path jar = jars.codeScheme("deep.jar", "Deep", """
                public String id() { return "deep"; }
                public String version() { return "1"; }
                public String title() { return "deep"; }
                public String titleEn() { return "deep"; }
                public List<Variant> variants() {
                    Variant v = delegate.variants().get(0);
                    Category c = new Category("c0", "t", "t", java.math.BigDecimal.ONE, Category.Scoring.BY_CLAUSES,
                            List.of(), List.of(new Clause("1.1", "t", "t", java.math.BigDecimal.ONE, List.of(), false,
                                    null, null)));
                    for (int i = 1; i < 100_000; i++) {
                        c = new Category("c" + i, "t", "t", java.math.BigDecimal.ONE, Category.Scoring.BY_CLAUSES,
                                List.of(c), List.of());
                    }
                    Catalog deep = new Catalog("t", "t", java.math.BigDecimal.ONE, List.of(c), false, List.of());
                    return List.of(new Variant("main", "t", "t", deep, v.grading(), v.notApplicable(), false,
                            List.of(), v.inputs(), null));
                }
                """);
        leftOutInOneWarning(jar, "scheme deep is not valid: variant main: category c99983 is nested more than 16"
                + " levels deep");
    }

    // ---- 22. a plugin ending the program while it loads --------------------------------------------

    @Test
    void aPluginCallingSystemExitIsNamedAndHelpAndVersionStillWork() throws Exception {
        Path jar = jars.codeScheme("exit.jar", "Exiter", """
                static {
                    System.exit(0);
                }
                public String id() { return "exiter"; }
                public String version() { return "1"; }
                public String title() { return "exiter"; }
                public String titleEn() { return "exiter"; }
                public List<Variant> variants() { return delegate.variants(); }
                """);
        String plugins = jar.getParent().toString();
        for (List<String> command : List.of(List.of("evaluate", FORM), List.of("schemes"))) {
            List<String> args = new ArrayList<>(List.of("--plugins", plugins));
            args.addAll(command);
            CliProcess.Ran r = process(List.of(), args.toArray(String[]::new));
            assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(ExitCode.SCHEME);
            assertThat(r.err().lines().toList()).as(r.err()).containsExactly("error: plugin " + jar.toAbsolutePath()
                    + " ended the program (System.exit) while it was loaded; remove it from the plugin directory");
            assertThat(r.out()).isEmpty();
        }
        // plugins are not loaded for --version and --help: they work whatever a plugin does
        CliProcess.Ran version = process(List.of(), "--plugins", plugins, "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).contains("scheme gbt27922").contains("plugins in " + plugins + ": not loaded");
        for (String[] help : List.of(new String[] {"--help"}, new String[] {"evaluate", "--help"})) {
            List<String> args = new ArrayList<>(List.of("--plugins", plugins));
            args.addAll(List.of(help));
            CliProcess.Ran r = process(List.of(), args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).contains("Usage: aftersales");
        }
    }

    private CliProcess.Ran process(List<String> jvm, String... args) throws Exception {
        return CliProcess.run(work, jvm, args);
    }
}
