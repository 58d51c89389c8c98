package io.github.aftersales.app.output;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import io.github.aftersales.core.json.IoFailures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a command's output goes: standard output, or a file written through a temporary file that
 * replaces the target only when the command succeeds ({@link #commit}); an existing file only with
 * {@code --force}. A failure (a full disk, Ctrl-C, SIGTERM) leaves no half-written file and no
 * temporary file: the old file or the new one, nothing else. A character device or a FIFO
 * ({@code -o /dev/null}, a named pipe) is written through, never renamed over; a directory, a
 * block device or a socket is refused.
 */
public final class Sink implements AutoCloseable {

    private final PrintWriter out;
    private final Path target;
    private final Path temporary;
    private final BufferedWriter writer;
    private final OutputStream stream;
    private final boolean force;
    private final Thread cleanup;
    private boolean committed;
    /** Where {@link #line(byte[])} writes: buffered over the file's stream or standard output's, made when first used. */
    private OutputStream bytes;
    /** Whether text was written since the last bytes, and so must be flushed before more bytes go (and the reverse). */
    private boolean textLast = true;

    private Sink(PrintWriter out, Path target, Path temporary, OutputStream stream, boolean force, Thread cleanup) {
        this.out = out;
        this.stream = stream;
        this.writer = stream == null ? null
                : new BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
        this.target = target;
        this.temporary = temporary;
        this.force = force;
        this.cleanup = cleanup;
    }

    /**
     * @param file      the output file, or {@code null} for {@code out}
     * @param streaming whether lines are written as they come (otherwise at the end, by {@link #all})
     */
    public static Sink open(Path given, boolean force, boolean streaming, PrintWriter out) {
        if (given == null) {
            return new Sink(out, null, null, null, force, null);
        }
        // a link is followed: the file it points to is replaced, not the link by a file beside it
        Path file = given;
        if (Files.isSymbolicLink(given)) {
            try {
                file = given.toRealPath();
            } catch (IOException e) {
                throw new UserException(ExitCode.OUTPUT, quoted(given) + ": is a symbolic link to a file that cannot be"
                        + " reached (" + IoFailures.words(e) + ")");
            }
        }
        if (Files.isDirectory(file)) {
            throw new UserException(ExitCode.OUTPUT, quoted(file) + ": is a directory; give the name of a file to write");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
            return throughTo(file, out);
        }
        if (Files.exists(file) && !force) {
            throw new UserException(ExitCode.OUTPUT, quoted(file) + ": already exists; choose another file or pass --force to"
                    + " overwrite it");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserException(ExitCode.OUTPUT, quoted(file) + ": cannot be written: the folder "
                    + (dir == null ? "" : quoted(dir) + " ") + "does not exist");
        }
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        // Ctrl-C or SIGTERM while writing: the JVM runs this and the temporary file goes. Registered
        // before the file exists, so no signal finds a file without it; after the rename it finds none.
        Thread cleanup = new Thread(() -> deleteQuietly(tmp), "remove " + tmp.getFileName());
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            // not createTempFile: its owner-only permissions would stay on the report after the rename
            Files.createFile(tmp);
            return new Sink(out, file, tmp, new java.io.BufferedOutputStream(Files.newOutputStream(tmp)), force, cleanup);
        } catch (IOException e) {
            deleteQuietly(tmp);
            removeHook(cleanup);
            throw new UserException(ExitCode.OUTPUT, quoted(file) + ": cannot be written: " + IoFailures.words(e));
        }
    }

    /** A symbolic link to a device is followed; what it points at decides. */
    private static Sink throughTo(Path file, PrintWriter out) {
        Path real = file;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new UserException(ExitCode.OUTPUT, quoted(file) + ": cannot be written: " + IoFailures.words(e));
        }
        String kind = kind(real);
        if (!kind.equals("character device") && !kind.equals("pipe")) {
            throw new UserException(ExitCode.OUTPUT, quoted(file) + ": is a " + kind + ", not a file; output goes only to"
                    + " files, character devices (/dev/null) and named pipes");
        }
        try {
            // written in place: renaming over a device would replace it with a file
            return new Sink(out, file, null, Files.newOutputStream(real, StandardOpenOption.WRITE), true, null);
        } catch (IOException e) {
            throw new UserException(ExitCode.OUTPUT, quoted(file) + ": cannot be written: " + IoFailures.words(e));
        }
    }

    /** What a non-regular file is, from its Unix mode; "special file" where the platform does not say. */
    private static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return switch (mode & 0170000) {
                case 0020000 -> "character device";
                case 0010000 -> "pipe";
                case 0060000 -> "block device";
                case 0140000 -> "socket";
                default -> "special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "special file";
        }
    }

    /** One line, streamed. */
    public void line(String text) {
        write(text);
        write(System.lineSeparator());
    }

    /**
     * One line that is UTF-8 already (NDJSON), streamed: the bytes that {@link #line(String)} writes for its
     * text, without decoding and encoding it again. Text and bytes may alternate; each is flushed before the other.
     */
    public void line(byte[] utf8) {
        try {
            if (bytes == null) {
                OutputStream under = stream != null ? stream : out instanceof StandardOutput std ? std.bytes() : null;
                if (under == null) { // some other writer (a test's): as text
                    line(new String(utf8, StandardCharsets.UTF_8));
                    return;
                }
                bytes = new java.io.BufferedOutputStream(under, 1 << 16);
            }
            if (textLast) {
                if (writer != null) {
                    writer.flush();
                } else {
                    out.flush();
                }
                textLast = false;
            }
            bytes.write(utf8);
            bytes.write(LINE_SEPARATOR);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static final byte[] LINE_SEPARATOR = System.lineSeparator().getBytes(StandardCharsets.UTF_8);

    /** Writes out the bytes buffered by {@link #line(byte[])} before text follows them, or at the end. */
    private void flushBytes() throws IOException {
        if (bytes != null && !textLast) {
            bytes.flush();
            textLast = true;
        }
    }

    /** The whole output, at the end. */
    public void all(String text) {
        write(text);
    }

    private void write(String text) {
        try {
            flushBytes();
        } catch (IOException e) {
            throw failed(e);
        }
        if (writer == null) {
            out.print(text);
            return;
        }
        try {
            writer.write(text);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * This sink as a {@link java.io.Writer}, for output written by a library a piece at a time
     * ({@link io.github.aftersales.reports.StreamedJson}); its failures are the sink's own (exit 4).
     */
    public java.io.Writer writer() {
        return new java.io.Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) {
                Sink.this.write(new String(cbuf, off, len));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** Bytes (a workbook), to a file only. */
    public void bytes(byte[] data) {
        if (writer == null) {
            throw new UserException(ExitCode.USAGE, "this output is binary: give a file with -o FILE");
        }
        try {
            flushBytes();
            writer.flush();
            stream.write(data);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The output is complete: it replaces the target. */
    public void commit() {
        try {
            flushBytes();
        } catch (IOException e) {
            throw failed(e);
        }
        if (writer == null) {
            out.flush();
            committed = true;
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw failed(e);
        }
        if (temporary == null) {
            committed = true; // written in place (a device, a pipe)
            return;
        }
        try {
            try {
                if (force) {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(temporary, target);
                }
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (FileAlreadyExistsException e) {
            throw new UserException(ExitCode.OUTPUT, quoted(target) + ": already exists; pass --force to overwrite it");
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCode.OUTPUT, quoted(target) + ": cannot be written: the temporary file "
                    + quoted(temporary) + " was removed while writing; nothing was written");
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private UserException failed(IOException e) {
        return new UserException(ExitCode.OUTPUT, quoted(target) + ": cannot be written: " + IoFailures.words(e)
                + (temporary == null ? "" : "; nothing was written"));
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                flushBytes(); // standard output keeps what was written before the failure, as text did
            } catch (IOException | UserException ignored) {
                // as below
            }
        }
        if (writer != null && !committed) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the disk is full or gone: the file is removed below all the same
            }
        }
        if (temporary != null && !committed) {
            deleteQuietly(temporary);
        }
        if (cleanup != null) {
            removeHook(cleanup);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it removes the same file
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // best effort: the temporary file is hidden and named after the output
        }
    }

    /** A path in a message, with control characters escaped, so a name cannot break the line or drive the terminal. */
    static String quoted(Path p) {
        return io.github.aftersales.reports.Printable.of(p.toString());
    }
}
