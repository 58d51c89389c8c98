package io.github.aftersales.service.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) password hashes in the PHC string form, {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}:
 * the salt and the cost are kept with the hash, so raising the cost later still checks what was set before.
 *
 * <p>Bouncy Castle computes Argon2 (pure Java, no native library to install); the string form is the few lines
 * below. Spring Security's encoder wraps the same generator but needs a Commons Logging bridge as well.
 */
final class PasswordHash {

    /** OWASP's first recommendation for Argon2id: 19 MiB, two passes, one lane (tens of milliseconds here). */
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** The most a stored hash may ask for: a hash that would take a gigabyte to check is refused, not run. */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 20;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{16,88})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    private PasswordHash() {
    }

    /** A new hash of {@code password} with a fresh salt at today's cost. */
    static String of(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} is the one {@code stored} was made from, compared in constant time. A stored string
     * that is not a hash this class makes matches nothing.
     */
    static boolean matches(String password, String stored) {
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        if (memory < 8 * parallelism || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                || parallelism < 1) {
            return false;
        }
        byte[] salt = B64_IN.decode(m.group(4));
        byte[] expected = B64_IN.decode(m.group(5));
        byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
