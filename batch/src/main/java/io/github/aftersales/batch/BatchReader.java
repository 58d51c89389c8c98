package io.github.aftersales.batch;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads assessments one at a time from files, directories (recursively) and NDJSON (one assessment
 * a line, from a file or standard input), handing each, or the error that stopped it, to a sink as
 * soon as it is read: memory does not grow with the number of assessments.
 */
public final class BatchReader {

    /** The longest NDJSON line read: one assessment, far above any real form. */
    public static final int MAX_LINE_BYTES = 32 << 20;

    /**
     * What was read: an assessment still to be parsed (so parsing can run on the thread that
     * evaluates it), or the error naming where reading went wrong.
     */
    public record Entry(java.util.function.Supplier<Assessment> parse, LocatedException error,
            java.util.function.Supplier<String> inputDigest) {
        /** What was read, with no digest of its bytes. */
        public Entry(java.util.function.Supplier<Assessment> parse, LocatedException error) {
            this(parse, error, () -> null);
        }

        /** Parses the assessment; throws the {@link LocatedException} that names the place when it cannot. */
        public Assessment assessment() {
            if (error != null) {
                throw error;
            }
            return parse.get();
        }
    }

    private BatchReader() {
    }

    /** Whether this input is read as NDJSON: {@code -} (standard input) or a {@code .ndjson}/{@code .jsonl} file. */
    public static boolean isNdjson(String input) {
        String name = input.toLowerCase(Locale.ROOT);
        return input.equals("-") || name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    /**
     * Reads every input in order.
     *
     * @param inputs files, directories, or {@code -} for NDJSON on standard input
     */
    public static void read(List<String> inputs, InputStream stdin, Consumer<Entry> sink) {
        for (String input : inputs) {
            if (input.equals("-")) {
                ndjson(stdin, "<stdin>", sink);
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                for (Found f : folder(path)) {
                    if (f.problem() != null) {
                        sink.accept(new Entry(null, new LocatedException(f.path().toString(), null, f.problem())));
                    } else {
                        file(f.path(), sink);
                    }
                }
            } else {
                file(path, sink);
            }
        }
    }

    /** A file found in a folder, or a problem with a place in it (a folder that cannot be read, a broken link). */
    record Found(Path path, String problem) {
    }

    /**
     * The assessment files under {@code root} in path order, and each place that could not be read:
     * a folder that cannot be listed is reported and the rest is read; a link that leads nowhere or
     * in a circle, or to a folder (links to folders are not followed), is reported, not skipped.
     */
    static List<Found> folder(Path root) {
        FolderVisitor visitor = new FolderVisitor();
        try {
            Files.walkFileTree(root, visitor);
        } catch (IOException e) {
            visitor.found.add(new Found(root, "cannot be listed: " + io.github.aftersales.core.json.IoFailures.words(e)));
        }
        visitor.found.sort(java.util.Comparator.comparing(Found::path));
        return visitor.found;
    }

    /** Collects what {@link #folder} finds; a failure is a finding, and the walk goes on. */
    static final class FolderVisitor extends java.nio.file.SimpleFileVisitor<Path> {
        final List<Found> found = new java.util.ArrayList<>();

        @Override
        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
            if (attrs.isSymbolicLink()) {
                link(file, found);
            } else if (attrs.isRegularFile() && isAssessmentFile(file)) {
                found.add(new Found(file, null));
            }
            return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
            found.add(new Found(file, (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? "this folder cannot be listed, its files were not read: " : "cannot be read: ") + io.github.aftersales.core.json.IoFailures.words(e)));
            return java.nio.file.FileVisitResult.CONTINUE;
        }
    }

    private static void link(Path file, List<Found> found) {
        Path target;
        try {
            target = file.toRealPath();
        } catch (java.nio.file.NoSuchFileException e) {
            if (isAssessmentFile(file)) {
                found.add(new Found(file, "is a symbolic link to " + linkText(file) + ", which does not exist"));
            }
            return;
        } catch (IOException e) {
            found.add(new Found(file, "is a symbolic link that cannot be followed (" + io.github.aftersales.core.json.IoFailures.words(e) + ")"));
            return;
        }
        if (Files.isDirectory(target)) {
            found.add(new Found(file, "is a symbolic link to a folder, which is not followed; name the folder itself"
                    + " to read it"));
        } else if (Files.isRegularFile(target) && isAssessmentFile(file)) {
            found.add(new Found(file, null));
        }
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a path";
        }
    }

    private static boolean isAssessmentFile(Path p) {
        String name = p.getFileName().toString();
        return AssessmentReader.readable(name) || isNdjson(name);
    }

    private static void file(Path path, Consumer<Entry> sink) {
        if (isNdjson(path.toString()) && Files.exists(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                ndjson(in, path.toString(), sink);
            } catch (IOException e) {
                sink.accept(new Entry(null, new LocatedException(path.toString(), null, "cannot be read: " + e.getMessage())));
            }
            return;
        }
        sink.accept(new Entry(() -> AssessmentReader.read(path), null, () -> fileDigest(path)));
    }

    /**
     * The digest of a file's bytes, for the result's provenance: read again after it was graded (a file is
     * read by its format's reader, a workbook by POI); {@code null} when it cannot be read now.
     */
    private static String fileDigest(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return io.github.aftersales.core.evaluation.Provenance.digest(in);
        } catch (IOException e) {
            return null;
        }
    }

    /** One assessment a line; blank lines are skipped; a line too long is reported and skipped. */
    static void ndjson(InputStream in, String source, Consumer<Entry> sink) {
        byte[] chunk = new byte[1 << 16];
        byte[] line = new byte[1 << 13];
        int length = 0;
        boolean tooLong = false;
        int lineNumber = 0;
        try {
            int n;
            while ((n = in.read(chunk)) != -1) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    // append chunk[from, i) and end the line
                    int take = i - from;
                    if (!tooLong && length + take > MAX_LINE_BYTES) {
                        tooLong = true;
                    }
                    if (!tooLong) {
                        line = ensure(line, length + take);
                        System.arraycopy(chunk, from, line, length, take);
                        length += take;
                    }
                    emit(source, ++lineNumber, line, length, tooLong, sink);
                    line = length > (1 << 20) ? new byte[1 << 13] : line; // do not keep a huge buffer
                    length = 0;
                    tooLong = false;
                    from = i + 1;
                }
                int rest = n - from;
                if (!tooLong && length + rest > MAX_LINE_BYTES) {
                    tooLong = true; // keep reading to the end of the line, keep nothing
                }
                if (!tooLong) {
                    line = ensure(line, length + rest);
                    System.arraycopy(chunk, from, line, length, rest);
                    length += rest;
                }
            }
            if (length > 0 || tooLong) {
                emit(source, ++lineNumber, line, length, tooLong, sink);
            }
        } catch (IOException e) {
            sink.accept(new Entry(null, new LocatedException(source, null, "cannot be read: " + e.getMessage())));
        }
    }

    private static byte[] ensure(byte[] buffer, int needed) {
        if (needed <= buffer.length) {
            return buffer;
        }
        return java.util.Arrays.copyOf(buffer, Math.max(needed, Math.min(MAX_LINE_BYTES, buffer.length * 2)));
    }

    private static void emit(String source, int lineNumber, byte[] line, int length, boolean tooLong,
            Consumer<Entry> sink) {
        if (tooLong) {
            sink.accept(new Entry(null, new LocatedException(source, new io.github.aftersales.core.json.Located
                    .Position(lineNumber, 1), "the line is longer than " + (MAX_LINE_BYTES >> 20)
                            + " MiB; one assessment a line is far less")));
            return;
        }
        if (isBlank(line, length)) {
            return;
        }
        byte[] copy = java.util.Arrays.copyOf(line, length);
        sink.accept(new Entry(() -> {
            try {
                return AssessmentReader.read(copy, source, LocatedReader.Syntax.JSON, lineNumber);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, null, () -> io.github.aftersales.core.evaluation.Provenance.digest(copy)));
    }

    private static boolean isBlank(byte[] line, int length) {
        for (int i = 0; i < length; i++) {
            byte x = line[i];
            if (x != ' ' && x != '\t' && x != '\r') {
                return false;
            }
        }
        return true;
    }
}
