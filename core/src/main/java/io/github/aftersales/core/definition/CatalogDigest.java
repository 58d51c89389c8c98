package io.github.aftersales.core.definition;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;

/**
 * The digest of a scheme's data, computed once when its resource files are read: what a result's
 * provenance records as {@code catalogSha256} ({@code docs/result.schema.json}). It covers every file
 * the reader read for the scheme ({@code scheme.json} and each catalog and grading table it names), by
 * its name inside the scheme's directory, and so the readings, levels, conditions and clause texts
 * they hold; nothing else (not the program, not the message bundles).
 *
 * <p>Stable across platforms and checkouts: each file's bytes are taken with a UTF-8 byte order mark
 * removed and every line ending ({@code \r\n} or a lone {@code \r}) made {@code \n}, so a checkout with
 * Windows line endings digests the same. The text digested is, in the order of the names (Java's
 * {@link String#compareTo}), {@code name \n length \n bytes \n} for each file (length in decimal, of
 * the normalised bytes), after the line {@code aftersales-catalog/1\n}; the digest is its SHA-256.
 */
public final class CatalogDigest {

    /** The first line of the digested text: another encoding would change it. */
    static final String HEADER = "aftersales-catalog/1\n";

    private CatalogDigest() {
    }

    /** {@code sha256:} and the hex digest of these files (name inside the scheme's directory → bytes as read). */
    public static String of(SortedMap<String, byte[]> files) {
        MessageDigest sha = sha256();
        sha.update(HEADER.getBytes(StandardCharsets.US_ASCII));
        files.forEach((name, bytes) -> {
            byte[] text = normalised(bytes);
            sha.update((name + "\n" + text.length + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(text);
            sha.update((byte) '\n');
        });
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** Without a UTF-8 byte order mark, every line ending {@code \n}. */
    static byte[] normalised(byte[] bytes) {
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r') {
                out.write('\n');
                if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256, which every Java has", e);
        }
    }
}
