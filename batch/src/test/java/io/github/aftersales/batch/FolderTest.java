package io.github.aftersales.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, items 14 and 15: a folder is read whole, and what cannot be read is said, place by place. */
class FolderTest {

    @TempDir
    Path dir;

    private static List<String> problems(List<BatchReader.Found> found) {
        return found.stream().filter(f -> f.problem() != null).map(f -> f.path().getFileName() + ": " + f.problem()).toList();
    }

    private static List<String> read(List<BatchReader.Found> found) {
        return found.stream().filter(f -> f.problem() == null).map(f -> f.path().getFileName().toString()).toList();
    }

    @Test
    void danglingAndLoopingLinksAreEachReported() throws IOException {
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.createSymbolicLink(dir.resolve("good.json"), Path.of("a.json"));
        Files.createSymbolicLink(dir.resolve("gone.json"), Path.of("nowhere.json"));
        Files.createSymbolicLink(dir.resolve("loop1.json"), Path.of("loop2.json"));
        Files.createSymbolicLink(dir.resolve("loop2.json"), Path.of("loop1.json"));
        Files.createSymbolicLink(dir.resolve("notes.txt"), Path.of("nowhere.txt")); // not an assessment: not read
        Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("sub/up"), Path.of(".."));
        List<BatchReader.Found> found = BatchReader.folder(dir);
        assertThat(read(found)).containsExactly("a.json", "good.json");
        assertThat(problems(found)).containsExactly(
                "gone.json: is a symbolic link to nowhere.json, which does not exist",
                "loop1.json: is a symbolic link that cannot be followed (Too many levels of symbolic links or unable to"
                        + " access attributes of symbolic link)",
                "loop2.json: is a symbolic link that cannot be followed (Too many levels of symbolic links or unable to"
                        + " access attributes of symbolic link)",
                "up: is a symbolic link to a folder, which is not followed; name the folder itself to read it");
    }

    @Test
    void aFolderThatCannotBeListedIsReportedAndTheRestIsRead() throws IOException {
        // as root every folder can be listed, so the visitor is given the failure the walk would give it
        BatchReader.FolderVisitor visitor = new BatchReader.FolderVisitor();
        Path locked = Files.createDirectories(dir.resolve("locked"));
        assertThat(visitor.visitFileFailed(locked, new AccessDeniedException(locked.toString())))
                .isEqualTo(FileVisitResult.CONTINUE);
        assertThat(problems(visitor.found))
                .containsExactly("locked: this folder cannot be listed, its files were not read: permission denied");
    }

    @Test
    void anUnreadableFolderForReal() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads every folder");
        Files.writeString(dir.resolve("a.json"), "{}");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("b.json"), "{}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            List<BatchReader.Found> found = BatchReader.folder(dir);
            assertThat(read(found)).containsExactly("a.json");
            assertThat(problems(found)).containsExactly(
                    "locked: this folder cannot be listed, its files were not read: permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
