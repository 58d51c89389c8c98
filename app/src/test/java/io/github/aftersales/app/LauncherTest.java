package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/aftersales}, the launcher the build makes, run as a user runs it, against {@code java -jar}
 * of the same jar on the same JDK: the same standard output, standard error and exit code whether it
 * makes its cache, uses it, replaces a stale one or cannot write one. Once on a JDK 17 to 24 (an AppCDS
 * archive) and once on a JDK 25 or later (an AOT cache), each found as the test's own JDK or under
 * {@code /usr/lib/jvm}, and skipped, saying so, where there is none.
 *
 * <p>The launcher and the jar are made by {@code package}: this test runs in {@code verify}, after it
 * (app/pom.xml, execution {@code launcher}), and is skipped where they are not built.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("app/target/bin/aftersales");
    private static final Path JAR = Path.of("app/target/aftersales.jar");
    private static final String[] EXAMPLE = {"evaluate", "examples/gbt27922-form.json"};

    @TempDir
    Path work;

    @BeforeAll
    static void built() {
        Assumptions.assumeTrue(Files.isExecutable(LAUNCHER) && Files.isRegularFile(JAR),
                "app/target/bin/aftersales and app/target/aftersales.jar are made by `package`; run `mvn verify`");
    }

    record Ran(int exit, String out, String err) {
    }

    /** A JDK whose feature version is in [from, to], else the test is skipped with the reason. */
    private static Path jdk(int from, int to) throws IOException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted().forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            int feature = feature(home);
            if (feature >= from && feature <= to && Files.isExecutable(home.resolve("bin/java"))) {
                return home.toRealPath();
            }
        }
        Assumptions.abort("no JDK " + from + (to == Integer.MAX_VALUE ? " or later" : " to " + to)
                + " here (looked at java.home and /usr/lib/jvm/*): its " + (from >= 25 ? "AOT cache" : "AppCDS")
                + " case is not run");
        return null;
    }

    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    int end = 0;
                    while (end < v.length() && Character.isDigit(v.charAt(end))) {
                        end++;
                    }
                    return end == 0 ? -1 : Integer.parseInt(v.substring(0, end));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static Path jdkFor(String kind) throws IOException {
        return kind.equals("jsa") ? jdk(17, 24) : jdk(25, Integer.MAX_VALUE);
    }

    /** The launcher and the jar laid out as the build lays them out, in a folder of this test's own. */
    private Path install(String name) throws IOException {
        Path home = Files.createDirectories(work.resolve(name));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(LAUNCHER, bin.resolve("aftersales"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(JAR, home.resolve("aftersales.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        return bin.resolve("aftersales");
    }

    private Ran run(List<String> command, Path jdk, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> e = pb.environment();
        List.of("JAVA_OPTS", "AFTERSALES_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "AFTERSALES_CACHE",
                "AFTERSALES_JAR", "XDG_CACHE_HOME").forEach(e::remove);
        e.put("JAVA_HOME", jdk.toString());
        e.put("HOME", work.toString());
        e.putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the command ends").isTrue();
        return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Ran launcher(Path launcher, Path jdk, Path cache, Map<String, String> env, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("AFTERSALES_CACHE_DIR", cache.toString());
        return run(command, jdk, all);
    }

    private Ran javaJar(Path jdk, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(jdk.resolve("bin/java").toString()));
        if (feature(jdk) >= 24) {
            // what the launcher adds there: Guice's use of sun.misc.Unsafe is otherwise warned of on every run
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(command, jdk, Map.of());
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static Optional<String> classSource(Path log, String className) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains(" " + className + " source: "))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * picocli's classes in the jar are compiled from its sources for Java 17 (app/pom.xml): its own jar's,
     * of Java 5, would be checked by the old verifier at every start, the cache unable to hold them linked.
     */
    @org.junit.jupiter.api.Test
    void picocliInTheJarIsCompiledForJava17() throws IOException {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(JAR.toFile())) {
            List<String> older = new ArrayList<>();
            int picocli = 0;
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(jar.entries())) {
                if (entry.getName().startsWith("picocli/") && entry.getName().endsWith(".class")) {
                    picocli++;
                    byte[] head = jar.getInputStream(entry).readNBytes(8);
                    int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
                    if (major < 61) {
                        older.add(entry.getName() + " (class file version " + major + ")");
                    }
                }
            }
            assertThat(picocli).as("picocli's classes in the jar").isGreaterThan(100);
            assertThat(older).as("picocli classes not compiled for Java 17").isEmpty();
        }
    }

    /**
     * The JVM's options the launcher picks: one form, C1 and the serial collector; a book (and {@code generate}), C2
     * inlining less and, on 1 or 2 processors, the serial collector; {@code serve}, the JVM's defaults. The JVM
     * prints the options it runs with ({@code -XX:+PrintCommandLineFlags}), first on standard output.
     */
    @org.junit.jupiter.api.Test
    void aBookRunsWithLessInliningOneFormWithC1AndServeWithTheDefaults() throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        Path launcher = install("tuning");
        Map<String, String> env = Map.of("AFTERSALES_CACHE", "off", "AFTERSALES_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        Path book = work.resolve("book.ndjson");
        int processors = processors();
        boolean few = processors == 1 || processors == 2;
        // where the JVM picks the serial collector itself (one processor), every command runs with it
        Process plain = new ProcessBuilder(jdk.resolve("bin/java").toString(), "-XX:+PrintCommandLineFlags", "-version")
                .redirectErrorStream(true).start();
        boolean jvmPicksSerial = new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .contains("-XX:+UseSerialGC");
        plain.waitFor();

        Ran generate = launcher(launcher, jdk, work.resolve("cache"), env, "generate", "--scheme", "gbt27922",
                "--count", "3", "--seed", "1", "-o", book.toString());
        Ran evaluateBook = launcher(launcher, jdk, work.resolve("cache"), env, "evaluate", book.toString(), "--format",
                "summary");
        for (Ran batch : List.of(generate, evaluateBook)) {
            assertThat(batch.exit()).isZero();
            String flags = batch.out().lines().findFirst().orElseThrow();
            assertThat(flags).contains("-XX:InlineSmallCode=500", "-XX:FreqInlineSize=100")
                    .doesNotContain("TieredStopAtLevel");
            if (few || jvmPicksSerial) {
                assertThat(flags).contains("-XX:+UseSerialGC");
            } else {
                assertThat(flags).doesNotContain("-XX:+UseSerialGC");
            }
        }
        assertThat(evaluateBook.out()).contains("gbt27922");

        Ran one = launcher(launcher, jdk, work.resolve("cache"), env, EXAMPLE);
        assertThat(one.exit()).isZero();
        assertThat(one.out().lines().findFirst().orElseThrow())
                .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC").doesNotContain("InlineSmallCode");

        Ran serve = launcher(launcher, jdk, work.resolve("cache"), env, "serve", "--help");
        assertThat(serve.exit()).isZero();
        String serveFlags = serve.out().lines().findFirst().orElseThrow();
        assertThat(serveFlags).doesNotContain("InlineSmallCode", "TieredStopAtLevel");
        assertThat(serveFlags.contains("-XX:+UseSerialGC")).as("serve's collector is the JVM's own choice")
                .isEqualTo(jvmPicksSerial);
    }

    /** The processors as the launcher counts them: {@code nproc}, fewer under a cgroup's CPU quota. */
    private static int processors() throws Exception {
        Process nproc = new ProcessBuilder("nproc").start();
        int cpus = Integer.parseInt(new String(nproc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        nproc.waitFor();
        Path max = Path.of("/sys/fs/cgroup/cpu.max");
        if (Files.isReadable(max)) {
            String[] f = Files.readString(max).strip().split(" ");
            if (f.length == 2 && f[0].matches("[0-9]+") && f[1].matches("[0-9]+") && Long.parseLong(f[1]) > 0) {
                long quota = (Long.parseLong(f[0]) + Long.parseLong(f[1]) - 1) / Long.parseLong(f[1]);
                cpus = (int) Math.min(cpus, quota);
            }
        }
        return cpus;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jsa", "aot"})
    void makesItsCacheOnFirstUseUsesItAfterAndPrintsWhatJavaJarPrints(String kind) throws Exception {
        Path jdk = jdkFor(kind);
        Path launcher = install("install");
        Path cache = work.resolve("cache");
        Ran plain = javaJar(jdk, EXAMPLE);
        assertThat(plain.exit()).isZero();
        assertThat(plain.out()).contains("四星级 (four stars)");

        Ran first = launcher(launcher, jdk, cache, Map.of(), EXAMPLE);
        assertThat(first).as("the run that makes the cache").isEqualTo(plain);
        List<Path> made = files(cache);
        assertThat(made).as("one cache, no temporary file left").hasSize(1);
        assertThat(made.get(0).getFileName().toString()).startsWith("aftersales-").endsWith("." + kind);
        FileTime madeAt = Files.getLastModifiedTime(made.get(0));

        // the second run maps the application's own classes from the cache (the log goes to a file: the
        // JVM then says on standard error that it picked up the option, so standard error is not compared)
        Path log = work.resolve("class-load.log");
        Ran second = launcher(launcher, jdk, cache,
                Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log), EXAMPLE);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).isEqualTo(plain.out());
        assertThat(classSource(log, Main.class.getName())).as("where Main came from")
                .hasValueSatisfying(line -> assertThat(line).contains("shared objects file"));
        assertThat(files(cache)).isEqualTo(made);
        assertThat(Files.getLastModifiedTime(made.get(0))).as("the cache is only read").isEqualTo(madeAt);

        assertThat(launcher(launcher, jdk, cache, Map.of(), EXAMPLE)).as("a run on the cache").isEqualTo(plain);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jsa", "aot"})
    void badInputAndNoCommandExitAsJavaJarDoesAndMakeNoCache(String kind) throws Exception {
        Path jdk = jdkFor(kind);
        Path launcher = install("install");
        Path cache = work.resolve("cache");
        Path bad = Files.writeString(work.resolve("bad.json"), "{\"scheme\": \"gbt27922\", \"variant\": \"form\",\n  \"findings\": [1, ]}\n");
        Ran plain = javaJar(jdk, "evaluate", bad.toString());
        assertThat(plain.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(plain.err()).startsWith("error: ").contains("bad.json");
        assertThat(launcher(launcher, jdk, cache, Map.of(), "evaluate", bad.toString())).isEqualTo(plain);
        assertThat(files(cache)).as("a cache is kept only from a run that succeeded").isEmpty();

        Ran usage = javaJar(jdk, "evaluate", "--format", "nonsense", "examples/gbt27922-form.json");
        assertThat(usage.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(launcher(launcher, jdk, cache, Map.of(), "evaluate", "--format", "nonsense",
                "examples/gbt27922-form.json")).isEqualTo(usage);

        // a command line naming no command makes no cache: one made by --version would serve evaluate poorly
        Ran version = javaJar(jdk, "--version");
        assertThat(version.exit()).isZero();
        assertThat(launcher(launcher, jdk, cache, Map.of(), "--version")).isEqualTo(version);
        assertThat(files(cache)).isEmpty();
    }

    @Tag("thorough") // six runs a JDK, three of them making a cache (about 12 s)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jsa", "aot"})
    void aCacheOfAnEarlierJarIsReplacedSilently(String kind) throws Exception {
        Path jdk = jdkFor(kind);
        Path launcher = install("install");
        Path cache = work.resolve("cache");
        Ran plain = javaJar(jdk, EXAMPLE);
        assertThat(launcher(launcher, jdk, cache, Map.of(), EXAMPLE)).isEqualTo(plain);
        List<Path> before = files(cache);
        assertThat(before).hasSize(1);

        // the jar rebuilt: another modification time (the JVM itself refuses a cache of another jar)
        Path jar = launcher.getParent().getParent().resolve("aftersales.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 86_400_000L));
        assertThat(launcher(launcher, jdk, cache, Map.of(), EXAMPLE)).as("the run after the jar changed")
                .isEqualTo(plain);
        List<Path> after = files(cache);
        assertThat(after).as("the old cache replaced by the new one").hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(launcher(launcher, jdk, cache, Map.of(), EXAMPLE)).isEqualTo(plain);
        assertThat(files(cache)).isEqualTo(after);

        // options of one's own have a cache of their own, beside: runs with and without them do not replace
        // each other's
        assertThat(launcher(launcher, jdk, cache, Map.of("AFTERSALES_JAVA_OPTS", "-Xmx300m"), EXAMPLE))
                .isEqualTo(plain);
        assertThat(files(cache)).hasSize(2).containsAll(after);
    }

    @Tag("thorough") // six runs a JDK (about 8 s)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jsa", "aot"})
    void aCacheDirectoryThatCannotBeWrittenIsPassedOverSilently(String kind) throws Exception {
        Path jdk = jdkFor(kind);
        Path launcher = install("install");
        Ran plain = javaJar(jdk, EXAMPLE);

        // a directory that cannot be made: its parent is a file
        Path file = Files.writeString(work.resolve("a-file"), "x");
        assertThat(launcher(launcher, jdk, file.resolve("aftersales"), Map.of(), EXAMPLE)).isEqualTo(plain);
        assertThat(Files.readString(file)).isEqualTo("x");

        // a read-only directory (root may write it all the same: then it holds a cache, still silently)
        Path readOnly = Files.createDirectories(work.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThat(launcher(launcher, jdk, readOnly, Map.of(), EXAMPLE)).isEqualTo(plain);
            assertThat(launcher(launcher, jdk, readOnly, Map.of(), EXAMPLE)).isEqualTo(plain);
            if (!"root".equals(System.getProperty("user.name"))) {
                assertThat(files(readOnly)).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        // and the default place, ~/.cache/aftersales, when nothing names one
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(EXAMPLE));
        assertThat(run(command, jdk, Map.of())).isEqualTo(plain);
        assertThat(files(work.resolve(".cache/aftersales"))).hasSize(1);
    }

    @Tag("thorough") // three first runs at once on each JDK (about 7 s)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jsa", "aot"})
    void runsStartedTogetherLeaveOneWholeCache(String kind) throws Exception {
        Path jdk = jdkFor(kind);
        Path launcher = install("install");
        Path cache = work.resolve("cache");
        Ran plain = javaJar(jdk, EXAMPLE);
        List<java.util.concurrent.CompletableFuture<Ran>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return launcher(launcher, jdk, cache, Map.of(), EXAMPLE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var r : runs) {
            assertThat(r.get(3, TimeUnit.MINUTES)).isEqualTo(plain);
        }
        assertThat(files(cache)).as("one cache, no temporary file").hasSize(1)
                .allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith("." + kind));
        assertThat(launcher(launcher, jdk, cache, Map.of(), EXAMPLE)).isEqualTo(plain);
    }
}
