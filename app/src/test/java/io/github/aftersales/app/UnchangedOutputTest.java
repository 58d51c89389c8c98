package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every output byte as it was: 10,000 generated assessments of every scheme variant, evaluated in
 * every format through the real command line, each output's SHA-256 compared with the value the
 * code gave before the modules were split by responsibility (computed on main at ef7ab97). A
 * refactoring that moves code must leave these alone; a change meant to alter an output updates
 * the value it changes, in the same commit, and says why.
 *
 * <p>The same check by hand, from the project root: {@code java -jar app/target/aftersales.jar
 * generate --scheme gbt27922 --count 10000 --seed 1 -o app/target/unchanged-output/gbt27922-form.ndjson}, then
 * {@code java -jar app/target/aftersales.jar evaluate --format ndjson
 * app/target/unchanged-output/gbt27922-form.ndjson | sha256sum} (the file's path is part of each
 * result, so it is the same relative path here).
 */
class UnchangedOutputTest {

    private static final int COUNT = 10_000;
    private static final List<String> FORMATS = List.of("ndjson", "json", "text", "md", "html", "summary");
    private static final List<List<String>> VARIANTS = List.of(
            List.of("gbt27922", "form"), List.of("gbt27922", "annex-a1"), List.of("gbt27922", "annex-a2"),
            List.of("gbt27922", "annex-b"), List.of("zg025", "items"), List.of("cqm", "star"),
            List.of("zg025-combined", "combined"));

    /** "scheme variant format" → SHA-256 of what was written; "generated" is the generator's own output. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("gbt27922 form generated", "4df1f0e117ff213528f4669f591b6e14139da34ed576656e8556e7f84042dd36"),
            Map.entry("gbt27922 form ndjson", "f5fb18bd0fcc10e59ad8395b5fe28ed9b0c6518f037faa20b45e508aac7986aa"),
            Map.entry("gbt27922 form json", "80b4db696034e631185e40d33071af6ae77ede4620ea06db34d7a655edb260c1"),
            Map.entry("gbt27922 form text", "ee62a6ddc5f125f85fc7bfe16f0414f26de24ce320d2058344be560430d7a139"),
            Map.entry("gbt27922 form md", "dd83c2478ff8a0caf26efe6396ff608e4ce85ca8683c09ea1b4456e102e268b5"),
            Map.entry("gbt27922 form html", "7ac9cc9eebbfa14b9d737b2ac4593c2694c7a40eaf234d0d808803a1ce427c57"),
            Map.entry("gbt27922 form summary", "3163962fa77ded900938349c5809de99c401677466d4bbc9d11dbee9a51d773e"),
            Map.entry("gbt27922 annex-a1 generated", "a3615555595c386c667ad1bc4c07f601183336df95653bce18d6fa9fde079bb3"),
            Map.entry("gbt27922 annex-a1 ndjson", "b94402fdbe5d7ac0af4909c8598885d4d7cb9d57f51e4206712040a63504bd68"),
            Map.entry("gbt27922 annex-a1 json", "6ab40572123c59987e1378f871cec7d9576a2ba15e2c59e1cf3543d1c47ff908"),
            Map.entry("gbt27922 annex-a1 text", "1efdf1fedfaffaa46d4182ecb6fba1a9f13ff5f7f0f9549d9ec0e7158ed6ef27"),
            Map.entry("gbt27922 annex-a1 md", "7665ecd5a1453d1ff62075e376443274433d0a28b4e114ac16ed09be19d499cc"),
            Map.entry("gbt27922 annex-a1 html", "aea96684d3328736eeafd69f604514a872cc5c17a643720c7fad9aff77bfdbe5"),
            Map.entry("gbt27922 annex-a1 summary", "fdacbeb074d3ece030a5076b995756bb10e5ab8e08ee01e16540b65dfae1b19f"),
            Map.entry("gbt27922 annex-a2 generated", "6b95dbccad7e082c9f596a36185ad3a68c4685dbe961238775b24b68eb7a88eb"),
            Map.entry("gbt27922 annex-a2 ndjson", "df90992b7bcff72e017405578de8121a5d1575d3a3efdbfb565e86a7c828cd49"),
            Map.entry("gbt27922 annex-a2 json", "83f63ec5e1fe5398b18394224db6969e136461c1dfd17ff82c068b3714827f6c"),
            Map.entry("gbt27922 annex-a2 text", "81680e505c608d43bd89d0f41826d56ce17e317f756ceed43b3decbcc21a3041"),
            Map.entry("gbt27922 annex-a2 md", "6b76a822773a5fc3058ee6dc15ecd93c2d1be4c3a5be7b327577af50a62b750a"),
            Map.entry("gbt27922 annex-a2 html", "764ececdc5649be2fc425ff3d9756e7da1232ce1a4df8bb6cf0986e71340803b"),
            Map.entry("gbt27922 annex-a2 summary", "95579d9f0ac5aecbe9c432a8501e1694fc1e14cd999e4c709d5236018f5cd49b"),
            Map.entry("gbt27922 annex-b generated", "607824df328aa80ad7093469fb02fa00aabdae34ea60a5192b273b143b0d4e56"),
            Map.entry("gbt27922 annex-b ndjson", "3e43707979bbedc85dc8fb5187f4f8e7d055b361f76d87fee7e40d4d6987abea"),
            Map.entry("gbt27922 annex-b json", "6c3614bc0c836a6331f732f617472c3f9a8f36a690d8aa451521cee346a13a11"),
            Map.entry("gbt27922 annex-b text", "ded988e8e6c7759c7b77f1265f6d2d0410a7f0d8d79b6aa50c6ea8ceda1c5c1e"),
            Map.entry("gbt27922 annex-b md", "5db85872421c1a829ae65ab8fa66398ef98777ab0bd4bc7e89944b32abbe04bf"),
            Map.entry("gbt27922 annex-b html", "b13ba068c4ab14cfe742a8250f462e99999ebe57c61e7002823feeca62bb31cd"),
            Map.entry("gbt27922 annex-b summary", "bd491ecc8d45340e6782920050f2c99b9adad0b9f886accec679e483b518deaf"),
            Map.entry("zg025 items generated", "7e40051a5ce4f5c06c2c19082c7ef560de58dced772160217365142e9a1516b8"),
            Map.entry("zg025 items ndjson", "753f6f7029fae54a74c8d75d40fe84bc8264a3078e70bc7128a80f304e2cbb42"),
            Map.entry("zg025 items json", "6e70360cea1540902b4046be8b5ddd5fd66873f36d854246b4b77bf139dad5f6"),
            Map.entry("zg025 items text", "6b68ede338b505019deca2167167d07864b69be1d69a0b549887eba94cdc1021"),
            Map.entry("zg025 items md", "233b83b725319b4c74362838e40a2326a90a9794df3653d6ab47ad05013fcaad"),
            Map.entry("zg025 items html", "1505c74db19090589221c5fdfd42df731407a32103a36f3e5d8a03dd1eccf268"),
            Map.entry("zg025 items summary", "74cf47947a20bf0e546db9ea87870854442cfca435d3196866e865f5d9fd7a04"),
            Map.entry("cqm star generated", "32138f31fa47855409e68fc01bf99dbe1451421bd3494a6c304c9cc319cb4ebd"),
            Map.entry("cqm star ndjson", "c51766f34b26ad1e4b15f834f8a26ec87acc1701067113771fe80e46b6019ffa"),
            Map.entry("cqm star json", "615faba0b72f300c1d7f6a8de599be235ea01a5191c24f9d8b47271a6aed4f02"),
            Map.entry("cqm star text", "4833a3c2fac34f084b13b6ed485b39ae99432859e7dbc45e2e3d11b2f4e38742"),
            Map.entry("cqm star md", "bdc9c7ac0fbfddd5258ce40d8f47474c94fb80051d5d9ba277191def4f669685"),
            Map.entry("cqm star html", "6ef35bfeed3e48b0b5831d6465e6f6c90e426026ce8f4afa6e99eebbefde1b9b"),
            Map.entry("cqm star summary", "607931b76262d393d142000160d436c61fffc50637ba9fb8e4b2f3a570661726"),
            Map.entry("zg025-combined combined generated", "78f4fbf493567a6b5988af2e83d23a9acbd4bea1d7225d59c10bad93327af01a"),
            Map.entry("zg025-combined combined ndjson", "a372165a98a8c8e995f480e5a57ef69de75c4a52da86cfdeedf8e33c5a58b830"),
            Map.entry("zg025-combined combined json", "264862f97d8e05bcbb8e5a77a1b4698cdaf96774b4c02bbe888dcf52f4f4f22f"),
            Map.entry("zg025-combined combined text", "01a1182feab034978b0f01f66c3e3b4606217218ae8cd7223f03d4127051319a"),
            Map.entry("zg025-combined combined md", "5454013b8d7914c6d04b17640f3f3158b1d306275cdc23999286300b018b55b9"),
            Map.entry("zg025-combined combined html", "bec5f09a8dac9ca42098d2386192b7c0cfa2449cd97f719a70c060ba28bb8132"),
            Map.entry("zg025-combined combined summary", "c7d0c11d07a3d1990f5fbd0a41f9caf3a16dc97694c9fec707e4d5fc49dec00b"));

    @Test
    void everyOutputIsByteForByteWhatItWas() throws IOException {
        Path dir = Path.of("app", "target", "unchanged-output");
        Files.createDirectories(dir);
        Map<String, String> actual = new LinkedHashMap<>();
        for (List<String> sv : VARIANTS) {
            String scheme = sv.get(0);
            String variant = sv.get(1);
            // relative: each result names its file, so the path must be the same wherever the project is
            Path book = dir.resolve(scheme + "-" + variant + ".ndjson");
            actual.put(scheme + " " + variant + " generated", sha256("generate", "--scheme", scheme, "--variant",
                    variant, "--count", Integer.toString(COUNT), "--seed", "1"));
            run(OutputStream.nullOutputStream(), "generate", "--scheme", scheme, "--variant", variant, "--count",
                    Integer.toString(COUNT), "--seed", "1", "-o", book.toString(), "--force");
            for (String format : FORMATS) {
                actual.put(scheme + " " + variant + " " + format, sha256("evaluate", "--threads", "2", "--format",
                        format, book.toString()));
            }
        }
        StringBuilder table = new StringBuilder();
        actual.forEach((k, v) -> table.append("            Map.entry(\"").append(k).append("\", \"").append(v)
                .append("\"),\n"));
        assertThat(actual).as("SHA-256 of each output now:\n" + table).isEqualTo(EXPECTED);
    }

    private static String sha256(String... args) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        run(new DigestOutputStream(OutputStream.nullOutputStream(), digest), args);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void run(OutputStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(exit).as(String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
