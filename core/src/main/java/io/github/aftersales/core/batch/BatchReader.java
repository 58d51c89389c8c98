package io.github.aftersales.core.batch;

import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.json.LocatedException;
import io.github.aftersales.core.json.LocatedReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads assessments one at a time from files, directories (recursively) and NDJSON (one assessment
 * a line, from a file or standard input), handing each, or the error that stopped it, to a sink as
 * soon as it is read: memory does not grow with the number of assessments.
 */
public final class BatchReader {

    /** The longest NDJSON line read: one assessment, far above any real form. */
    public static final int MAX_LINE_BYTES = 32 << 20;

    /** What was read: an assessment, or the error naming where it went wrong. */
    public record Entry(Assessment assessment, LocatedException error) {
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
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).filter(BatchReader::isAssessmentFile).sorted().toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    sink.accept(new Entry(null, new LocatedException(input, null, "cannot be listed: " + e.getMessage())));
                    continue;
                }
                files.forEach(f -> file(f, sink));
            } else {
                file(path, sink);
            }
        }
    }

    private static boolean isAssessmentFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml") || isNdjson(name);
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
        try {
            sink.accept(new Entry(AssessmentReader.read(path), null));
        } catch (LocatedException e) {
            sink.accept(new Entry(null, e));
        }
    }

    /** One assessment a line; blank lines are skipped; a line too long is reported and skipped. */
    static void ndjson(InputStream raw, String source, Consumer<Entry> sink) {
        InputStream in = raw instanceof BufferedInputStream ? raw : new BufferedInputStream(raw, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        int lineNumber = 0;
        try {
            while (true) {
                line.reset();
                boolean tooLong = false;
                int b;
                while ((b = in.read()) != -1 && b != '\n') {
                    if (line.size() < MAX_LINE_BYTES) {
                        line.write(b);
                    } else {
                        tooLong = true; // keep reading to the end of the line, keep nothing
                    }
                }
                if (b == -1 && line.size() == 0 && !tooLong) {
                    return;
                }
                lineNumber++;
                if (tooLong) {
                    sink.accept(new Entry(null, new LocatedException(source, new io.github.aftersales.core.json.Located
                            .Position(lineNumber, 1), "the line is longer than " + (MAX_LINE_BYTES >> 20)
                                    + " MiB; one assessment a line is far less")));
                } else if (!isBlank(line)) {
                    try {
                        sink.accept(new Entry(AssessmentReader.read(new ByteArrayInputStream(line.toByteArray()), source,
                                LocatedReader.Syntax.JSON, lineNumber - 1), null));
                    } catch (LocatedException e) {
                        sink.accept(new Entry(null, e));
                    }
                }
                if (b == -1) {
                    return;
                }
            }
        } catch (IOException e) {
            sink.accept(new Entry(null, new LocatedException(source, null, "cannot be read: " + e.getMessage())));
        }
    }

    private static boolean isBlank(ByteArrayOutputStream line) {
        byte[] bytes = line.toByteArray();
        for (byte x : bytes) {
            if (x != ' ' && x != '\t' && x != '\r') {
                return false;
            }
        }
        return true;
    }
}
