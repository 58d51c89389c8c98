package io.github.aftersales.app.output;

import io.github.aftersales.app.ExitCode;
import io.github.aftersales.app.UserException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command's output goes: standard output, or a file written through a temporary file that
 * replaces the target only when the command succeeds ({@link #commit}); an existing file only with
 * {@code --force}. A failure leaves no half-written file.
 */
public final class Sink implements AutoCloseable {

    private final PrintWriter out;
    private final Path target;
    private final Path temporary;
    private final BufferedWriter writer;
    private final java.io.OutputStream stream;
    private final boolean force;
    private boolean committed;

    private Sink(PrintWriter out, Path target, Path temporary, java.io.OutputStream stream, boolean force) {
        this.out = out;
        this.stream = stream;
        BufferedWriter w = stream == null ? null
                : new BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
        this.target = target;
        this.temporary = temporary;
        this.writer = w;
        this.force = force;
    }

    /**
     * @param file      the output file, or {@code null} for {@code out}
     * @param streaming whether lines are written as they come (otherwise at the end, by {@link #all})
     */
    public static Sink open(Path file, boolean force, boolean streaming, PrintWriter out) {
        if (file == null) {
            return new Sink(out, null, null, null, force);
        }
        if (Files.exists(file) && !force) {
            throw new UserException(ExitCode.OUTPUT, file + ": already exists; choose another file or pass --force to"
                    + " overwrite it");
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            // not createTempFile: its owner-only permissions would stay on the report after the rename
            Path tmp = Files.createFile(dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + ".tmp"));
            return new Sink(out, file, tmp, new java.io.BufferedOutputStream(Files.newOutputStream(tmp)), force);
        } catch (IOException e) {
            throw new UserException(ExitCode.OUTPUT, file + ": cannot be written: " + e.getMessage());
        }
    }

    /** One line, streamed. */
    public void line(String text) {
        write(text);
        write(System.lineSeparator());
    }

    /** The whole output, at the end. */
    public void all(String text) {
        write(text);
    }

    private void write(String text) {
        if (writer == null) {
            out.print(text);
            return;
        }
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes (a workbook), to a file only. */
    public void bytes(byte[] data) {
        if (writer == null) {
            throw new UserException(ExitCode.USAGE, "this output is binary: give a file with -o FILE");
        }
        try {
            writer.flush();
            stream.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The output is complete: it replaces the target. */
    public void commit() {
        if (writer == null) {
            out.flush();
            committed = true;
            return;
        }
        try {
            writer.close();
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
            throw new UserException(ExitCode.OUTPUT, target + ": already exists; pass --force to overwrite it");
        } catch (IOException e) {
            throw new UserException(ExitCode.OUTPUT, target + ": cannot be written: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (temporary != null && !committed) {
            try {
                writer.close();
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // best effort: the temporary file is hidden and named after the output
            }
        }
    }
}
