package io.github.aftersales.app.commands.register;

import io.github.aftersales.batch.BatchReader;
import io.github.aftersales.core.assessment.Assessment;
import io.github.aftersales.core.assessment.AssessmentReader;
import io.github.aftersales.core.json.IoFailures;
import io.github.aftersales.core.json.LocatedException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The assessments a {@code record} is given: files, folders (recursively), NDJSON files and
 * {@code -} (NDJSON on standard input), one at a time. Each is read once: the bytes parsed and
 * graded are the bytes the register stores.
 */
final class AssessmentInputs {

    private AssessmentInputs() {
    }

    /**
     * One assessment as read, or what stopped it.
     *
     * @param place      where it is, for messages: the file, or the file and its line
     * @param fileName   the name stored with the certificate entry
     * @param bytes      exactly what was read and parsed
     * @param assessment what the bytes say, or {@code null} when {@code error} is set
     * @param error      the problem, naming the file and the place in it
     */
    record Input(String place, String fileName, byte[] bytes, Assessment assessment, LocatedException error) {
    }

    /** Whether these inputs are more than one assessment file: a folder, NDJSON, standard input or several. */
    static boolean batch(List<String> inputs) {
        return inputs.size() != 1 || BatchReader.isNdjson(inputs.get(0)) || Files.isDirectory(Path.of(inputs.get(0)));
    }

    static void read(List<String> inputs, InputStream stdin, Consumer<Input> each) {
        for (String input : inputs) {
            if (input.equals("-")) {
                ndjson(stdin, "<stdin>", "stdin", each);
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                for (Path file : folder(path, each)) {
                    file(file, each);
                }
            } else {
                file(path, each);
            }
        }
    }

    /** The assessment files under {@code root}, in path order; a place that cannot be read is reported. */
    private static List<Path> folder(Path root, Consumer<Input> each) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (Files.isRegularFile(file) && (AssessmentReader.readable(name) || BatchReader.isNdjson(name))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    each.accept(failed(file.toString(), "cannot be read: " + IoFailures.words(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            each.accept(failed(root.toString(), "cannot be listed: " + IoFailures.words(e)));
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    private static void file(Path path, Consumer<Input> each) {
        String source = path.toString();
        if (BatchReader.isNdjson(source)) {
            try (InputStream in = Files.newInputStream(path)) {
                ndjson(in, source, path.getFileName().toString(), each);
            } catch (IOException e) {
                each.accept(failed(source, "cannot be read: " + IoFailures.words(e)));
            }
            return;
        }
        String name = path.getFileName() == null ? source : path.getFileName().toString();
        if (AssessmentReader.syntaxOf(path) == io.github.aftersales.core.json.LocatedReader.Syntax.YAML
                || name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            byte[] bytes;
            try {
                bytes = bounded(Files.newInputStream(path), source);
            } catch (java.nio.file.NoSuchFileException e) {
                each.accept(failed(source, "no such file"));
                return;
            } catch (IOException e) {
                each.accept(failed(source, "cannot be read: " + IoFailures.words(e)));
                return;
            } catch (LocatedException e) {
                each.accept(new Input(source, name, null, null, e));
                return;
            }
            each.accept(parse(source, name, bytes, AssessmentReader.syntaxOf(path), 0));
            return;
        }
        // another format (an .xlsx form) is read by its reader from the file: the bytes are read before and after,
        // and a file that changed meanwhile is refused, so the bytes stored are still the bytes graded
        try {
            byte[] before = Files.readAllBytes(path);
            Assessment assessment = AssessmentReader.read(path);
            if (!Arrays.equals(before, Files.readAllBytes(path))) {
                each.accept(failed(source, "changed while it was being read; record it again"));
                return;
            }
            each.accept(new Input(source, name, before, assessment, null));
        } catch (LocatedException e) {
            each.accept(new Input(source, name, null, null, e));
        } catch (java.nio.file.NoSuchFileException e) {
            each.accept(failed(source, "no such file"));
        } catch (IOException e) {
            each.accept(failed(source, "cannot be read: " + IoFailures.words(e)));
        }
    }

    private static Input parse(String source, String name, byte[] bytes,
            io.github.aftersales.core.json.LocatedReader.Syntax syntax, int line) {
        String place = line == 0 ? source : source + ":" + line;
        try {
            return new Input(place, name, bytes, AssessmentReader.read(bytes, source, syntax, line), null);
        } catch (LocatedException e) {
            return new Input(place, name, bytes, null, e);
        } catch (IOException e) {
            return new Input(place, name, bytes, null, new LocatedException(source, null, "cannot be read: "
                    + IoFailures.words(e)));
        }
    }

    /** One assessment a line (blank lines skipped); the entry's stored file is its line, named "FILE line N". */
    private static void ndjson(InputStream stream, String source, String name, Consumer<Input> each) {
        InputStream in = new BufferedInputStream(stream, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int number = 0;
        boolean tooLong = false;
        try {
            for (int b = in.read();; b = in.read()) {
                if (b == '\n' || b == -1) {
                    number++;
                    if (tooLong) {
                        each.accept(new Input(source + ":" + number, name, null, null, new LocatedException(source,
                                new io.github.aftersales.core.json.Located.Position(number, 1), "the line is longer"
                                        + " than " + (BatchReader.MAX_LINE_BYTES >> 20) + " MiB; one assessment a line"
                                        + " is far less")));
                    } else if (!line.toString(java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                        each.accept(parse(source, name + " line " + number, line.toByteArray(),
                                io.github.aftersales.core.json.LocatedReader.Syntax.JSON, number));
                    }
                    line.reset();
                    tooLong = false;
                    if (b == -1) {
                        return;
                    }
                } else if (line.size() < BatchReader.MAX_LINE_BYTES) {
                    line.write(b);
                } else {
                    tooLong = true;
                    line.reset();
                }
            }
        } catch (IOException e) {
            each.accept(failed(source, "cannot be read after line " + number + ": " + IoFailures.words(e)));
        }
    }

    /** The whole stream, at most an assessment file's limit. */
    private static byte[] bounded(InputStream stream, String source) throws IOException {
        try (InputStream in = stream) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, AssessmentReader.MAX_FILE_BYTES + 1));
            if (bytes.length > AssessmentReader.MAX_FILE_BYTES) {
                throw new LocatedException(source, null, "is over " + (AssessmentReader.MAX_FILE_BYTES >> 20)
                        + " MiB; an assessment file is at most " + (AssessmentReader.MAX_FILE_BYTES >> 20) + " MiB");
            }
            return bytes;
        }
    }

    private static Input failed(String source, String problem) {
        return new Input(source, source, null, null, new LocatedException(source, null, problem));
    }
}
