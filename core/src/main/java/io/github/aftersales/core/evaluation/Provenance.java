package io.github.aftersales.core.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a result came from, so that anyone can derive it again and check it ({@code aftersales verify}):
 * the digest of the input bytes graded, the program's version, the choices made for the run, and for
 * each scheme part its id, variant, version, the digest of the data that graded it
 * ({@link io.github.aftersales.spi.Scheme#catalogDigest}) and every reading in force. Written as the
 * {@code provenance} of each assessment in the JSON result ({@code docs/result.schema.json}).
 *
 * @param inputDigest   {@code sha256:} and the hex SHA-256 of the bytes graded (the file, or the NDJSON
 *                      line without its line ending), or {@code null} when not known
 * @param program       this program's version ({@link #PROGRAM})
 * @param options       the choices made for the whole run (the command line's), which a file does not hold
 * @param schemes       one a scheme part, in the file's order
 */
public record Provenance(String inputDigest, String program, Options options, List<Part> schemes) {

    /** The version of this program, as built ({@code version.properties}); {@code development} when unknown. */
    public static final String PROGRAM = programVersion();

    public Provenance {
        schemes = List.copyOf(schemes);
    }

    /**
     * The run's own choices: what a re-derivation must choose again.
     *
     * @param notApplicable {@code --not-applicable} as given, or {@code null}
     * @param missingAsZero {@code --missing-as-zero}
     * @param readings      {@code --reading KEY=VALUE} as given, by key (sorted)
     */
    public record Options(String notApplicable, boolean missingAsZero, Map<String, String> readings) {
        public Options {
            readings = java.util.Collections.unmodifiableMap(new TreeMap<>(readings));
        }

        static Options of(EvaluationOptions o) {
            return new Options(o.notApplicable() == null ? null : o.notApplicable().key(), o.missingAsZero(),
                    o.readings());
        }

        /** The evaluation options these were. */
        public EvaluationOptions evaluationOptions() {
            return new EvaluationOptions(notApplicable == null ? null
                    : io.github.aftersales.spi.NotApplicablePolicy.fromKey(notApplicable).orElse(null),
                    missingAsZero, readings);
        }
    }

    /**
     * One scheme part's provenance.
     *
     * @param catalogDigest the scheme's {@link io.github.aftersales.spi.Scheme#catalogDigest}, or {@code null}
     * @param readings      every reading the variant takes, with the value in force and who chose it
     */
    public record Part(String scheme, String variant, String schemeVersion, String catalogDigest,
            List<InForce> readings) {
        public Part {
            readings = List.copyOf(readings);
        }
    }

    /** A reading in force: its key, the value used and who chose it ({@link ReadingUsed.Source#key}). */
    public record InForce(String key, String value, String source) {
    }

    /** The same provenance of the input whose bytes are these. */
    public Provenance withInput(byte[] bytes) {
        return withInputDigest(digest(bytes));
    }

    /** The same provenance with this input digest. */
    public Provenance withInputDigest(String digest) {
        return new Provenance(digest, program, options, schemes);
    }

    /** {@code sha256:} and the hex SHA-256 of these bytes. */
    public static String digest(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** {@code sha256:} and the hex SHA-256 of what the stream holds, read to its end. */
    public static String digest(InputStream in) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) != -1;) {
            sha.update(buffer, 0, n);
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256, which every Java has", e);
        }
    }

    private static String programVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/io/github/aftersales/core/version.properties")) {
            if (in == null) {
                return "development";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            String v = p.getProperty("version", "");
            return v.isBlank() || v.contains("${") ? "development" : v.strip();
        } catch (IOException e) {
            return "development";
        }
    }
}
