package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins at run time, through the real CLI, on real jars built here: the example third-party
 * scheme (compiled from examples/third-party-scheme), and one broken jar for each way a plugin can
 * break. A broken plugin gives one line naming its jar and the cause; every other scheme works.
 */
class PluginTest {

    private static final Path EXAMPLE = PluginJars.EXAMPLE;
    private static final String FORM = "examples/gbt27922-form.json";

    @TempDir
    Path work;

    private PluginJars jars;

    @BeforeEach
    void jars() {
        jars = new PluginJars(work);
    }

    private Path pluginDir() {
        return jars.dir();
    }

    private Path jar(String name, List<Path> roots, Map<String, String> entries) throws IOException {
        return jars.jar(name, roots, entries);
    }

    private Path compileExample(Path classes) throws IOException {
        return jars.compileExample(work.relativize(classes).toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        PluginJars.copyTree(from, to);
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--plugins", pluginDir().toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** A broken jar gives exactly one warning line naming it, and the built-in schemes still evaluate. */
    private void assertOneLineAndOthersWork(Path jar, String cause) {
        CliRun schemes = run("schemes");
        assertThat(schemes.exit()).isZero();
        assertThat(schemes.out()).contains("gbt27922").contains("zg025").contains("cqm");
        List<String> warnings = schemes.err().lines().filter(l -> l.startsWith("warning:")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(jar.getFileName().toString()).contains(cause);
        assertThat(schemes.clean()).isTrue();
        CliRun evaluate = run("evaluate", FORM);
        assertThat(evaluate.exit()).isZero();
        assertThat(evaluate.out()).contains("四星级");
    }

    @Test
    void theExampleSchemeLoadsFromItsJarAndEvaluates() throws IOException {
        Path jar = jars.exampleJar();
        CliRun schemes = run("schemes");
        assertThat(schemes.err()).isEmpty();
        assertThat(schemes.out()).contains("example-home-repair").contains("from: plugin " + jar.toAbsolutePath())
                .contains("from: built in");
        // 1.1 3; 1.2 2 of 10 samples late: 5 × 8/10 = 4; 2.1 4; 2.2 4; 2.3 excluded: 15 of 16 = 93.75 %,
        // category 1 at 7 of 8 = 87.5 %, category 2 at 100 % → 优秀 (two stars)
        CliRun r = run("evaluate", EXAMPLE.resolve("example-assessment.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("15 / 16 applicable").contains("优秀 (excellent)  ★★");
        assertThat(run("evaluate", FORM).out()).contains("四星级");
    }

    @Test
    void aFileThatIsNotAJar() throws IOException {
        Path bad = pluginDir().resolve("notes.jar");
        Files.createDirectories(pluginDir());
        Files.writeString(bad, "not a zip");
        assertOneLineAndOthersWork(bad, "not a jar");
    }

    @Test
    void aServiceEntryNamingAMissingClass() throws IOException {
        Path jar = jar("missing-class.jar", List.of(),
                Map.of("META-INF/services/io.github.aftersales.spi.Scheme", "com.example.NoSuchScheme\n"));
        assertOneLineAndOthersWork(jar, "com.example.NoSuchScheme");
    }

    @Test
    void aCatalogThatFailsValidation() throws IOException {
        Path classes = compileExample(work.resolve("classes"));
        String catalog = Files.readString(EXAMPLE.resolve("src/main/resources/schemes/example-home-repair/main.catalog.json"))
                .replace("\"points\": 3,", "\"points\": 2,");
        Path resources = work.resolve("resources");
        copyTree(EXAMPLE.resolve("src/main/resources"), resources);
        Files.writeString(resources.resolve("schemes/example-home-repair/main.catalog.json"), catalog);
        Path jar = jar("bad-catalog.jar", List.of(classes, resources), Map.of());
        assertOneLineAndOthersWork(jar, "category 1 declares 8 points but its clauses and sub-categories add up to 7");
    }

    @Test
    void aSchemeIdAnotherSchemeAlreadyHas() throws IOException {
        Path classes = compileExample(work.resolve("classes"));
        Path resources = work.resolve("resources");
        copyTree(EXAMPLE.resolve("src/main/resources"), resources);
        Path scheme = resources.resolve("schemes/example-home-repair/scheme.json");
        Files.writeString(scheme, Files.readString(scheme).replace("\"id\": \"example-home-repair\"", "\"id\": \"gbt27922\""));
        Path jar = jar("impostor.jar", List.of(classes, resources), Map.of());
        assertOneLineAndOthersWork(jar, "scheme id 'gbt27922'");
    }

    @Test
    void aPluginSeesOnlyTheSpiNotTheEngine() throws IOException {
        // compiled against the whole platform, as a careless build might; at run time the engine is not shared
        Path src = work.resolve("src/com/example/Reacher.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package com.example;
                public final class Reacher extends io.github.aftersales.spi.ResourceScheme {
                    public Reacher() {
                        super(io.github.aftersales.core.definition.DefinitionReader.class.getSimpleName());
                    }
                }
                """);
        Path classes = work.resolve("classes");
        jars.compile(classes, List.of(src), System.getProperty("java.class.path"));
        Path jar = jar("reacher.jar", List.of(classes),
                Map.of("META-INF/services/io.github.aftersales.spi.Scheme", "com.example.Reacher\n"));
        assertOneLineAndOthersWork(jar, "NoClassDefFoundError: io/github/aftersales/core/definition/DefinitionReader (a"
                + " plugin sees only the SPI, io.github.aftersales.spi: build it against aftersales-spi)");
    }

    @Test
    void aSchemeNotInstalledSaysWherePluginsAreLookedFor() throws IOException {
        Files.createDirectories(pluginDir());
        CliRun r = run("evaluate", EXAMPLE.resolve("example-assessment.json").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains(": unknown scheme 'example-home-repair'; installed: cqm, gbt27922, zg025,"
                + " zg025-combined; plugin jars are looked for in " + pluginDir());
    }

    @Test
    void twoJarsWithTheSameSchemeAreBothLeftOutInOneLine() throws IOException {
        Path first = jars.exampleJar();
        Path second = Files.copy(first, pluginDir().resolve("example-home-repair-scheme-2.0.jar")); // sorts first
        CliRun schemes = run("schemes");
        assertThat(schemes.exit()).isZero();
        assertThat(schemes.out()).doesNotContain("example-home-repair").contains("gbt27922");
        assertThat(schemes.err().lines().filter(l -> l.startsWith("warning:")).toList()).containsExactly("warning: "
                + pluginDir() + ": scheme id 'example-home-repair' is in 2 plugin jars (" + second.getFileName() + ", "
                + first.getFileName() + "): none of them is used, as which one is meant cannot be told; keep one of"
                + " them in " + pluginDir());
        assertThat(run("evaluate", EXAMPLE.resolve("example-assessment.json").toString()).exit())
                .isEqualTo(ExitCode.INPUT);
    }

    @Test
    void aJarWithAContestedSchemeAndAnotherKeepsTheOther() throws IOException {
        Path first = jars.exampleJar();
        Path src = work.resolve("src/com/example/Other.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package com.example;
                public final class Other implements io.github.aftersales.spi.Scheme {
                    private final io.github.aftersales.spi.Scheme data = new com.example.aftersales.HomeRepairScheme();
                    public String id() { return "other-scheme"; }
                    public String version() { return data.version(); }
                    public String title() { return data.title(); }
                    public String titleEn() { return data.titleEn(); }
                    public java.util.List<io.github.aftersales.spi.Variant> variants() { return data.variants(); }
                }
                """);
        String services = "META-INF/services/io.github.aftersales.spi.Scheme";
        Path both = jar("z-both.jar", List.of(jars.compileExample("classes-both", src),
                jars.resourcesWithout("resources-both", services)),
                Map.of(services, "com.example.aftersales.HomeRepairScheme\ncom.example.Other\n"));
        CliRun schemes = run("schemes");
        assertThat(schemes.err().lines().filter(l -> l.startsWith("warning:")).toList()).containsExactly("warning: "
                + pluginDir() + ": scheme id 'example-home-repair' is in 2 plugin jars (" + first.getFileName() + ", "
                + both.getFileName() + "): none of them is used, as which one is meant cannot be told; keep one of"
                + " them in " + pluginDir());
        assertThat(schemes.out()).contains("other-scheme").doesNotContain("example-home-repair");
        // its jar stays open: the scheme evaluates (the jar's classes are still loaded when asked for)
        CliRun r = run("evaluate", jars.assessmentFor("other-scheme").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("15 / 16 applicable");
    }

    @Test
    void thePluginDirectoryInTheHomeFolderIsFoundThroughHOME() throws Exception {
        jars.exampleJar();
        Path home = work.resolve("home");
        Files.createDirectories(home.resolve(".aftersales"));
        Files.move(pluginDir(), home.resolve(".aftersales").resolve("plugins"));
        Path out = work.resolve("schemes.txt");
        ProcessBuilder pb = CliProcess.builder("", "schemes").redirectOutput(out.toFile());
        pb.environment().put("HOME", home.toString()); // not the password file's home, which Java reads
        pb.environment().remove(Cli.PLUGINS_ENV);
        CliProcess.Ran r = CliProcess.finish(pb.start());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(out)).contains("example-home-repair")
                .contains("from: plugin " + home.resolve(".aftersales/plugins/example-home-repair-scheme.jar"));
    }

    @Test
    void aJarWithNoScheme() throws IOException {
        Path jar = jar("empty.jar", List.of(), Map.of("README.txt", "nothing here"));
        assertOneLineAndOthersWork(jar, "no scheme in it");
    }

    @Test
    void aSchemeThatThrowsWhileEvaluating() throws IOException {
        Path src = work.resolve("src/com/example/Flaky.java");
        Files.createDirectories(src.getParent());
        // describes itself when loaded, then fails whenever the engine asks for its variants
        Files.writeString(src, """
                package com.example;
                public final class Flaky implements io.github.aftersales.spi.Scheme {
                    private final io.github.aftersales.spi.Scheme delegate = new com.example.aftersales.HomeRepairScheme();
                    public String id() { return "flaky"; }
                    public String version() { return "1"; }
                    public String title() { return "flaky"; }
                    public String titleEn() { return "flaky"; }
                    public java.util.List<io.github.aftersales.spi.Variant> variants() {
                        boolean evaluating = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                                f -> f.getClassName().equals("io.github.aftersales.core.evaluation.Evaluator")));
                        if (evaluating) {
                            throw new IllegalStateException("flaky is broken");
                        }
                        return delegate.variants();
                    }
                }
                """);
        Path classes = work.resolve("classes");
        List<Path> sources = new ArrayList<>(List.of(src));
        try (Stream<Path> s = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        jars.compile(classes, sources);
        Path resources = work.resolve("resources");
        copyTree(EXAMPLE.resolve("src/main/resources"), resources);
        Files.delete(resources.resolve("META-INF/services/io.github.aftersales.spi.Scheme"));
        Path jar = jar("flaky.jar", List.of(classes, resources),
                Map.of("META-INF/services/io.github.aftersales.spi.Scheme", "com.example.Flaky\n"));
        Path assessment = work.resolve("flaky.json");
        Files.writeString(assessment, "{\"schemes\": [{\"scheme\": \"flaky\", \"findings\": []}]}");
        CliRun r = run("evaluate", assessment.toString(), FORM);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.SCHEME);
        assertThat(r.err()).contains("scheme flaky failed in variants(): flaky is broken");
        assertThat(r.out()).contains("四星级");
        assertThat(r.clean()).isTrue();
        CliRun alone = run("evaluate", assessment.toString());
        assertThat(alone.err()).isEqualTo("error: " + assessment + ": scheme flaky failed in variants(): flaky is"
                + " broken (plugin " + jar.toAbsolutePath() + ")" + System.lineSeparator());
        assertThat(alone.exit()).isEqualTo(ExitCode.SCHEME);
    }

    @Test
    void aMissingPluginDirectoryIsOneWarning() {
        CliRun r = CliRun.of("--plugins", work.resolve("nowhere").toString(), "evaluate", FORM);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("the plugin directory does not exist");
    }
}
