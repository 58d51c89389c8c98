package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Tiny plugin jars built in a test: sources compiled against the SPI alone, as a plugin's build
 * does, resources copied or written, entries streamed (a zip bomb is written, never held), all in
 * {@code work/plugins}, the plugin directory the tests name.
 */
final class PluginJars {

    static final Path EXAMPLE = Path.of("examples/third-party-scheme");

    private final Path work;

    PluginJars(Path work) {
        this.work = work;
    }

    /** The plugin directory. */
    Path dir() {
        return work.resolve("plugins");
    }

    /**
     * Compiles sources into {@code classes} against the SPI alone, as a plugin's own build does (the
     * example's pom depends on {@code aftersales-spi} only).
     */
    void compile(Path classes, List<Path> sources) throws IOException {
        compile(classes, sources, spiClassPath());
    }

    /** Compiles sources into {@code classes} against the given class path. */
    void compile(Path classes, List<Path> sources, String classPath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath,
                "--release", "17", "-nowarn"));
        sources.forEach(s -> args.add(s.toString()));
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        assertThat(rc).as("javac").isZero();
    }

    /** Where the SPI's classes are: its jar, or {@code spi/target/classes} in the reactor. */
    static String spiClassPath() {
        try {
            return Path.of(io.github.aftersales.spi.Scheme.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Something that writes one entry of a jar. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a jar from directories (their files, relative) and extra entries (path → text). */
    Path jar(String name, List<Path> roots, Map<String, String> entries) throws IOException {
        Map<String, Content> streamed = new LinkedHashMap<>();
        entries.forEach((path, text) -> streamed.put(path, out -> out.write(text.getBytes(StandardCharsets.UTF_8))));
        return streamedJar(name, roots, streamed);
    }

    /** Writes a jar from directories (their files, relative) and entries written as they are compressed. */
    Path streamedJar(String name, List<Path> roots, Map<String, Content> entries) throws IOException {
        Path jar = dir().resolve(name);
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        String entry = root.relativize(f).toString().replace('\\', '/');
                        if (entries.containsKey(entry)) {
                            continue; // replaced by the entry given
                        }
                        out.putNextEntry(new JarEntry(entry));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
            }
            for (Map.Entry<String, Content> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                e.getValue().writeTo(out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Compiles the example third-party scheme's sources, and {@code more}, into {@code work/name}, against the SPI alone. */
    Path compileExample(String name, Path... more) throws IOException {
        Path classes = work.resolve(name);
        List<Path> sources = new ArrayList<>(List.of(more));
        try (Stream<Path> src = Files.walk(EXAMPLE.resolve("src/main/java"))) {
            src.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        compile(classes, sources);
        return classes;
    }

    /** The example third-party scheme as its own build would package it. */
    Path exampleJar() throws IOException {
        return jar("example-home-repair-scheme.jar", List.of(compileExample("example-classes"),
                EXAMPLE.resolve("src/main/resources")), Map.of());
    }

    /**
     * A jar holding {@code com.example.<className>}, a scheme written in Java from {@code body}
     * (members of the class; {@code delegate} is the example scheme, whose data it may return), with
     * the example's classes and resources, listed as the jar's only scheme. The classes named in
     * {@code classesLeftOut} ({@code Flaky$Gone}) are compiled against but left out of the jar.
     */
    Path codeScheme(String jarName, String className, String body, String... classesLeftOut) throws IOException {
        Path src = work.resolve("src-" + className + "/com/example/" + className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package com.example;
                import io.github.aftersales.spi.*;
                import java.util.List;
                public final class %s implements Scheme {
                    private final Scheme delegate = new com.example.aftersales.HomeRepairScheme();
                    /** Whether the application is finding its schemes (loading this jar) now. */
                    static boolean discovering() {
                        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                                f -> f.getClassName().equals("io.github.aftersales.core.registry.SchemeRegistry")));
                    }
                %s
                }
                """.formatted(className, body));
        Path classes = compileExample("classes-" + className, src);
        for (String left : classesLeftOut) {
            Files.delete(classes.resolve("com/example/" + left + ".class")); // compiled against, then missing
        }
        return jar(jarName, List.of(classes, resourcesWithout("services-" + className,
                "META-INF/services/io.github.aftersales.spi.Scheme")),
                Map.of("META-INF/services/io.github.aftersales.spi.Scheme", "com.example." + className + "\n"));
    }

    /** A copy of the example's resources without one file. */
    Path resourcesWithout(String name, String left) throws IOException {
        Path resources = work.resolve(name);
        copyTree(EXAMPLE.resolve("src/main/resources"), resources);
        Files.delete(resources.resolve(left));
        return resources;
    }

    /** The example's assessment (all its clauses scored) for the scheme with this id. */
    Path assessmentFor(String schemeId) throws IOException {
        Path file = work.resolve(schemeId + ".json");
        Files.writeString(file, Files.readString(EXAMPLE.resolve("example-assessment.json"))
                .replace("\"scheme\": \"example-home-repair\"", "\"scheme\": \"" + schemeId + "\""));
        return file;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
