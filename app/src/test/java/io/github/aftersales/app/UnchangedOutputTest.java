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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every output byte as it was: 10,000 generated assessments of every scheme variant, evaluated in
 * every format through the real command line, and every template, surveillance decision and bundled
 * example, each output's SHA-256 compared with the value the code gave before the modules were
 * split by responsibility (computed on main at ef7ab97). A
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
    @Tag("thorough") // 420,000 evaluations rendered: about 45 s
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

    /**
     * Templates, surveillance decisions and the bundled examples in every format and language: each
     * command's standard output, SHA-256 as main (ef7ab97) wrote it, from its jar.
     */
    private static final Map<String, String> EXPECTED_COMMANDS = Map.ofEntries(
            Map.entry("template --scheme gbt27922 --variant form --format json",
                    "d8aca8e902a972978cd7ec1733396958efcd4577c2c9e89682a4603d4b174d96"),
            Map.entry("template --scheme gbt27922 --variant form --format yaml",
                    "226f824f277008b6bd6dfbf6a4f3f13f1adfafa0aaac9745f046e4981c2df30a"),
            Map.entry("template --scheme gbt27922 --variant annex-a1 --format json",
                    "7ccd18a665523386c68d0b1864d9600157709ccd15825b1e34ab7f3e4957b533"),
            Map.entry("template --scheme gbt27922 --variant annex-a1 --format yaml",
                    "98bbde97ea1a9fde2ec252e2bf4fc737ff5070a2b6ad720fd46e508e618ee0cf"),
            Map.entry("template --scheme gbt27922 --variant annex-a2 --format json",
                    "a49fef88ffc0363807f539282c9f151c77eb163230fedbfd1a2322213e4f8b2f"),
            Map.entry("template --scheme gbt27922 --variant annex-a2 --format yaml",
                    "748f9933240e0c1cb6bc2e5b8c85787240389de7258056f0b173e2b996311f75"),
            Map.entry("template --scheme gbt27922 --variant annex-b --format json",
                    "ef3c78cd8424f45a18def475167145a7062ef18c710c1bc06fca97aabb57f634"),
            Map.entry("template --scheme gbt27922 --variant annex-b --format yaml",
                    "183e54d30bf581643bb8622ed64e515ee172a65fa40ba1ecde27788cf980599e"),
            Map.entry("template --scheme zg025 --variant items --format json",
                    "3aa8ab81612e3ad6ed9856ec2bc3286ebe5e858919817b0c59ae93f8a3686dcf"),
            Map.entry("template --scheme zg025 --variant items --format yaml",
                    "caef26bedd9c74ffea8829c67136025d91f2d0acb87ba9462287c31025edad1a"),
            Map.entry("template --scheme cqm --variant star --format json",
                    "04c6521c43404f73fd634b451f1bbb5530e51add75b14500db5ed810afec853b"),
            Map.entry("template --scheme cqm --variant star --format yaml",
                    "7f3b6326a8c6ca5277a41f510e14de81dd9ea9bf30953862dbd178d663930ea7"),
            Map.entry("template --scheme zg025-combined --variant combined --format json",
                    "6b1bd182827057d7379ef07f73e59bc5b39ef5eb1f76f461fba2f309654b4a30"),
            Map.entry("template --scheme zg025-combined --variant combined --format yaml",
                    "afd2a89822709c2b53b7fb6862d8d3e4fb7540fe0a73bf041ea2098c5e955700"),
            Map.entry("surveil --level 5 --format text examples/cqm/surveillance-downgrade.json",
                    "684efe6389b981521c2631b7e33faf11c18ccf0dd477c374f0a7e40e4c3a409f"),
            Map.entry("surveil --level 5 --format json examples/cqm/surveillance-downgrade.json",
                    "26312bbce2fbc2c5cf422cc08175ce6da0bfc857f912566f70ee9d362e4ded36"),
            Map.entry("surveil --level 5 --format text examples/cqm/surveillance-unrectified-complaint.json",
                    "02c2770446ec03299bba78a5c88352607cc4fb731c7907372de1b12a280e739f"),
            Map.entry("surveil --level 5 --format json examples/cqm/surveillance-unrectified-complaint.json",
                    "ddd9a9c53671efda6c41046d4c28e058a9c9a6ee2d23edada01ab6b01cdbd45b"),
            Map.entry("surveil --level 5 --on-serious revoke examples/cqm/surveillance-unrectified-complaint.json",
                    "4400bb5f914257f187ed262d4fb93d21fd094354076016de6c185a9fa5d3500a"),
            Map.entry("surveil --level 9 --scheme zg025-combined --format json examples/zg025-combined.json",
                    "93f88c32cca8fb3c501c952bd9b4678e7e5ab1d6fa70c6ce9eb66c8905407261"),
            Map.entry("evaluate --format text examples/gbt27922-form.json",
                    "159872991cbaa6e2beb36bf76657b645ff3bea0faf139f2b45164b8599abec77"),
            Map.entry("evaluate --format json examples/gbt27922-form.json",
                    "3746c8d7d876944504f8a6a62b25e19f8a79958b97802d82a1e380d807d25a0a"),
            Map.entry("evaluate --format md examples/gbt27922-form.json",
                    "d424e4ae8c03f1ee573dbd1001f31164b059b8e050a0e628c44ced5e7b89ce4a"),
            Map.entry("evaluate --format html examples/gbt27922-form.json",
                    "bcfd74a69da322add734f8d774f75cb255cd0b18d7d29db90051dd743146b5d6"),
            Map.entry("evaluate --format text examples/gbt27922-annex-b.yaml",
                    "be2dc700f5839d85bebecbb3081961a717e149c2d0f99f51c497edb3b0592570"),
            Map.entry("evaluate --format json examples/gbt27922-annex-b.yaml",
                    "72e5d2e0d207ea664421bc81aa1c7a977ee7a8130839850b00f21075b089bacd"),
            Map.entry("evaluate --format md examples/gbt27922-annex-b.yaml",
                    "2904e06618720a7a54bb51b17cf1e59aaac74ea83ac28ce3510c366111641f3e"),
            Map.entry("evaluate --format html examples/gbt27922-annex-b.yaml",
                    "c64c35fb59199e3b8b8ddaf80f1efcff53222de553479f60797d0d872a8b2b9c"),
            Map.entry("evaluate --format text examples/zg025-combined.json",
                    "d7e36b708cc0f3492c9074f6fa020628dbd61cb8c05ccefa4324d3b4f04d58ef"),
            Map.entry("evaluate --format json examples/zg025-combined.json",
                    "e0acb498d3759a8ffef508e1012a30a5b4b5a8b5bf6dc4b72f1cae541457e695"),
            Map.entry("evaluate --format md examples/zg025-combined.json",
                    "a58be9ab373a0311c8c13f0b978331e085cb426420425ba617d9ee718102b79a"),
            Map.entry("evaluate --format html examples/zg025-combined.json",
                    "7d60432fcaa6222adddc111296bf25b09ad4dafba89d08fc5be98634836f9329"),
            Map.entry("evaluate --format text examples/cqm/cqm-five-star.json",
                    "d2a8fe266cbfdbdc1d58aabfb33dbf6580a601e8f7bb462dde0773ee4dd29baf"),
            Map.entry("evaluate --format json examples/cqm/cqm-five-star.json",
                    "52936e54244373a9f68a053e7b002c8e60e8a20b5166c352bf920fc4d79435c6"),
            Map.entry("evaluate --format md examples/cqm/cqm-five-star.json",
                    "839102ae42cfe27c414acd4192ba2912af5d5a298e9cd7f94d3ed2cea6ec7c46"),
            Map.entry("evaluate --format html examples/cqm/cqm-five-star.json",
                    "cb76a695b6ebc2826dd91ea63618f38352be23665823bae5f11ea3ed30b28b43"),
            Map.entry("evaluate --format text examples/cqm/note1-example1-face-to-face-75.json",
                    "246d51deaba679822ac2a94e7a40603c0b42fdc94bf56bf67ddc0f0aeb89fe67"),
            Map.entry("evaluate --format json examples/cqm/note1-example1-face-to-face-75.json",
                    "9cb5cdff2a28f5b82d457cd92b51650f2d713089a630337b0617e81c2f977985"),
            Map.entry("evaluate --format md examples/cqm/note1-example1-face-to-face-75.json",
                    "595eddfe973b73fcdc2ab8ece025ec7ed2f911df0244ebcc33d21c8697be312f"),
            Map.entry("evaluate --format html examples/cqm/note1-example1-face-to-face-75.json",
                    "1ff0a119808450651d29baa5894a01c9bd7d7646daf4a846887ee591a982f880"),
            Map.entry("evaluate --format text examples/cqm/note1-example2-rectified-complaint.json",
                    "4590f232a120dffffb11e3d21a287f8fa465addaf029c1fee360c583685ecc34"),
            Map.entry("evaluate --format json examples/cqm/note1-example2-rectified-complaint.json",
                    "0c526f6323e9c1aac87a983d00a299b2bd5c5e5731c7547105c5dd7b03307613"),
            Map.entry("evaluate --format md examples/cqm/note1-example2-rectified-complaint.json",
                    "a3b8f904ff0830c823a4644612bd7d012edf9eb9da7be5035dd84da4eae27e47"),
            Map.entry("evaluate --format html examples/cqm/note1-example2-rectified-complaint.json",
                    "aa4e3275e20a1b3ef2c458bba6c9bf175a82e22caaea45de0a660f77d9f92b9c"),
            Map.entry("evaluate --format text examples/cqm/note1-example3-indicator-70.json",
                    "76ab30c67439e9ea91001fff18368576aa5150152c6869b7557d2631b79c2a13"),
            Map.entry("evaluate --format json examples/cqm/note1-example3-indicator-70.json",
                    "c116b5e930f6fc0a27b780e1bcfe2d672d9a6094f1527bb3291e2ad2675642ce"),
            Map.entry("evaluate --format md examples/cqm/note1-example3-indicator-70.json",
                    "905a45cb929f9679036ea2948ea76b99623dbc34a31a0135fa1bb9a88c9f44b2"),
            Map.entry("evaluate --format html examples/cqm/note1-example3-indicator-70.json",
                    "0a0908706cadc998dbcbafffbe3ddc5c83cb8f9cc82dd867e26a678f617c4bc7"),
            Map.entry("evaluate --lang zh --format text examples/zg025-combined.json",
                    "678f63ff18258d210d03440c8097f4076a1291917c7a272a9298236172ff034e"),
            Map.entry("evaluate --lang zh --format md examples/zg025-combined.json",
                    "0fb7b519c390dd2d2a3b99d4d5a16ff15e70be883b92bb47b528c796c13ba7ea"),
            Map.entry("evaluate --lang zh --format html examples/zg025-combined.json",
                    "0ee7c56362eb5875d1e22ead2b43f3d11d564f336cedcea8c2d6d427e42524ca"),
            Map.entry("evaluate --lang en --format text examples/zg025-combined.json",
                    "7a8aee266edf939ecaf3d6e6fa4fc9fcbb8a6c68ccb964a5081d7c6761471a64"),
            Map.entry("evaluate --lang en --format md examples/zg025-combined.json",
                    "0c971653290a4015f4b308c5c3799d3d6c3eb88b73e9a0ad35ebdcdb74bd159d"),
            Map.entry("evaluate --lang en --format html examples/zg025-combined.json",
                    "8c9ae46adee9f6ad6203cc0a1ffe30a8e78c8507d788d15be70ccdd1de861710"),
            Map.entry("evaluate --format summary examples/cqm",
                    "69da0313299db25dff8d2bdeaa163cf57d3230746fde039e2dec0756ebc0e50a"),
            Map.entry("evaluate --not-applicable full-points --format json examples/gbt27922-form.json",
                    "29a9ab5c5c2737b07c81ea5e6788d1787fad78a06d95e882df680c27bd0bb0a7"));

    @Test
    void templatesDecisionsAndExamplesAreByteForByteWhatTheyWere() {
        Map<String, String> actual = new LinkedHashMap<>();
        for (String command : EXPECTED_COMMANDS.keySet()) {
            actual.put(command, sha256(command.split(" ")));
        }
        assertThat(actual).isEqualTo(EXPECTED_COMMANDS);
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
