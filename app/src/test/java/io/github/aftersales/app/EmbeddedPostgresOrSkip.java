package io.github.aftersales.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.Assumptions;

/**
 * One embedded PostgreSQL for the tests of this JVM, started when a test first asks for it and stopped
 * when the JVM ends (each test makes a database of its own); or, where the build found no binaries for
 * this OS and processor (pom.xml's {@code postgres-*} profiles list the platforms), the calling test
 * skipped with one line.
 */
final class EmbeddedPostgresOrSkip {

    private static EmbeddedPostgres shared;

    private EmbeddedPostgresOrSkip() {
    }

    static synchronized EmbeddedPostgres shared() throws IOException {
        if (shared == null) {
            shared = start();
            EmbeddedPostgres started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
        }
        return shared;
    }

    private static EmbeddedPostgres start() throws IOException {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("Missing embedded postgres binaries")) {
                    Assumptions.abort("skipped: no embedded PostgreSQL binaries for " + System.getProperty("os.name")
                            + " on " + System.getProperty("os.arch") + " (see the postgres-* profiles in pom.xml)");
                }
            }
            throw e;
        }
    }
}
