package io.github.aftersales.register;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the embedded PostgreSQL, or skips the calling test with one line where the build found no
 * binaries for this OS and processor (pom.xml's {@code postgres-*} profiles list the platforms).
 */
final class EmbeddedPostgresOrSkip {

    private EmbeddedPostgresOrSkip() {
    }

    static EmbeddedPostgres start() throws IOException {
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
