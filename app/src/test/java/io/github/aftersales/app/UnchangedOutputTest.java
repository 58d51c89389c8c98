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
            Map.entry("gbt27922 form md", "0349284b939607c00840069139307ba849d086dc50a90ee3884467e733f788f0"),
            Map.entry("gbt27922 form html", "f8b3c7436f5fbd8596398d457876d94e20292dacda4ec37c50e7e25fc941a095"),
            Map.entry("gbt27922 form summary", "7e46f93da6311264ab5dae36f9b1b08dcf2576be9c7d945e16bed5c6ad91d025"),
            Map.entry("gbt27922 annex-a1 generated", "a3615555595c386c667ad1bc4c07f601183336df95653bce18d6fa9fde079bb3"),
            Map.entry("gbt27922 annex-a1 ndjson", "b94402fdbe5d7ac0af4909c8598885d4d7cb9d57f51e4206712040a63504bd68"),
            Map.entry("gbt27922 annex-a1 json", "6ab40572123c59987e1378f871cec7d9576a2ba15e2c59e1cf3543d1c47ff908"),
            Map.entry("gbt27922 annex-a1 text", "1efdf1fedfaffaa46d4182ecb6fba1a9f13ff5f7f0f9549d9ec0e7158ed6ef27"),
            Map.entry("gbt27922 annex-a1 md", "7665ecd5a1453d1ff62075e376443274433d0a28b4e114ac16ed09be19d499cc"),
            Map.entry("gbt27922 annex-a1 html", "f7ef8d75185b80c354e6bc009f4f619efe198f8bf27d7d5ee25898e3547368f8"),
            Map.entry("gbt27922 annex-a1 summary", "7f2bbb742fa9e236dc27ab2804a0f80c8fb17b18c4b6e1b7698eec9b8efd36e3"),
            Map.entry("gbt27922 annex-a2 generated", "6b95dbccad7e082c9f596a36185ad3a68c4685dbe961238775b24b68eb7a88eb"),
            Map.entry("gbt27922 annex-a2 ndjson", "df90992b7bcff72e017405578de8121a5d1575d3a3efdbfb565e86a7c828cd49"),
            Map.entry("gbt27922 annex-a2 json", "83f63ec5e1fe5398b18394224db6969e136461c1dfd17ff82c068b3714827f6c"),
            Map.entry("gbt27922 annex-a2 text", "81680e505c608d43bd89d0f41826d56ce17e317f756ceed43b3decbcc21a3041"),
            Map.entry("gbt27922 annex-a2 md", "6b76a822773a5fc3058ee6dc15ecd93c2d1be4c3a5be7b327577af50a62b750a"),
            Map.entry("gbt27922 annex-a2 html", "5e0b3219964ca8a7b50fb757007c917ad7a13357f3a27155a7122fa32865949d"),
            Map.entry("gbt27922 annex-a2 summary", "f8447a6ab6127691a82343686d2c84a1e3bfea19d3b364194fe5b3d7db7f16b7"),
            Map.entry("gbt27922 annex-b generated", "607824df328aa80ad7093469fb02fa00aabdae34ea60a5192b273b143b0d4e56"),
            Map.entry("gbt27922 annex-b ndjson", "3e43707979bbedc85dc8fb5187f4f8e7d055b361f76d87fee7e40d4d6987abea"),
            Map.entry("gbt27922 annex-b json", "6c3614bc0c836a6331f732f617472c3f9a8f36a690d8aa451521cee346a13a11"),
            Map.entry("gbt27922 annex-b text", "ded988e8e6c7759c7b77f1265f6d2d0410a7f0d8d79b6aa50c6ea8ceda1c5c1e"),
            Map.entry("gbt27922 annex-b md", "5db85872421c1a829ae65ab8fa66398ef98777ab0bd4bc7e89944b32abbe04bf"),
            Map.entry("gbt27922 annex-b html", "678c264a20acbfe99dafcb8ceadbab5c0a19bd472e6de9639fcdc5e6acb385fa"),
            Map.entry("gbt27922 annex-b summary", "267493638341edc965c7b540d43ce95bd40068c16abbb3b888f314e6e3ec4f6f"),
            Map.entry("zg025 items generated", "7e40051a5ce4f5c06c2c19082c7ef560de58dced772160217365142e9a1516b8"),
            Map.entry("zg025 items ndjson", "753f6f7029fae54a74c8d75d40fe84bc8264a3078e70bc7128a80f304e2cbb42"),
            Map.entry("zg025 items json", "6e70360cea1540902b4046be8b5ddd5fd66873f36d854246b4b77bf139dad5f6"),
            Map.entry("zg025 items text", "6b68ede338b505019deca2167167d07864b69be1d69a0b549887eba94cdc1021"),
            Map.entry("zg025 items md", "e4a96da462c58cfe405ad108f1b8b8b997186fdcfd0f52da1d8588234686ecf0"),
            Map.entry("zg025 items html", "755d6fe577c3f27f863b1ec879db8b8a19a997d88d34948026855bdda49557f0"),
            Map.entry("zg025 items summary", "634430746c5c1f990db427c5486c06eecc0d2b29c2c42393e6d4d0316699be1a"),
            Map.entry("cqm star generated", "32138f31fa47855409e68fc01bf99dbe1451421bd3494a6c304c9cc319cb4ebd"),
            Map.entry("cqm star ndjson", "2862de89a867ee3b9cc43620d7aeca59fbfe14d9757b865fbfe46f3b90b5a8a9"),
            Map.entry("cqm star json", "66377dc9a4ad3aac9c79768a5117f63ffd937f6ab22f6e830e9d2b839c758a5e"),
            Map.entry("cqm star text", "52662de3703c53cb06ac98bd27b226db6ff6c2c72cc8b697d6d21383089fcf43"),
            Map.entry("cqm star md", "6d6fac8e38b3c9fbe62899b0fc18020d39221e0dd536fe345a4554c5e41b866a"),
            Map.entry("cqm star html", "b8361edd2ed08ac05d079a1868b29f3a88d284f40aa48cf78ba1bafe59e76ac2"),
            Map.entry("cqm star summary", "855e457c6819f7e20ce61a0d3a7624a1647065062478ce97a6e8e55f057d5239"),
            Map.entry("zg025-combined combined generated", "78f4fbf493567a6b5988af2e83d23a9acbd4bea1d7225d59c10bad93327af01a"),
            Map.entry("zg025-combined combined ndjson", "6e057abdfa9a2f1f968d2be0abc0fbbedce584d41d0950f572e833887b582204"),
            Map.entry("zg025-combined combined json", "34091ab7a3bc869c300a15d439d3000d1de5bdfbc6384d1c82e47afbd8cff19a"),
            Map.entry("zg025-combined combined text", "7333f2b52660edcd81f0d9125a1e2610f1f8d9bb067dbb8c690093ff25ab5b5f"),
            Map.entry("zg025-combined combined md", "4d3d952a176c3ce0c397a4cb4eceb188d023e96d79de2cab90e7953b32e07fdd"),
            Map.entry("zg025-combined combined html", "9a5ee32c3d350afbc37c17decc7340a6e059249cb0532f7968a7bd360d446502"),
            Map.entry("zg025-combined combined summary", "976127332fe41c7e6953c1d9eb111bd42908e97ff697a3cbe6c876177d0e70ba"));

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
                    "7098bfe1a6c5fa88aecda898801f0d551dab3b44e6ad971349f211bdb48ac9e1"),
            Map.entry("template --scheme cqm --variant star --format yaml",
                    "74a04f0c11c38a559917217ab745fa5993f3b89ee16f07dcbd8c2e74baea5344"),
            Map.entry("template --scheme zg025-combined --variant combined --format json",
                    "6b1bd182827057d7379ef07f73e59bc5b39ef5eb1f76f461fba2f309654b4a30"),
            Map.entry("template --scheme zg025-combined --variant combined --format yaml",
                    "afd2a89822709c2b53b7fb6862d8d3e4fb7540fe0a73bf041ea2098c5e955700"),
            Map.entry("surveil --level 5 --format text examples/cqm/surveillance-downgrade.json",
                    "684efe6389b981521c2631b7e33faf11c18ccf0dd477c374f0a7e40e4c3a409f"),
            Map.entry("surveil --level 5 --format json examples/cqm/surveillance-downgrade.json",
                    "312cb69530742118e442e6e0f814cf3296beba613fcd967d029f986c8fb6cac9"),
            Map.entry("surveil --level 5 --format text examples/cqm/surveillance-unrectified-complaint.json",
                    "02c2770446ec03299bba78a5c88352607cc4fb731c7907372de1b12a280e739f"),
            Map.entry("surveil --level 5 --format json examples/cqm/surveillance-unrectified-complaint.json",
                    "e17ed2f17a796bf670ca9a04358872b2adbce76f84493c41440080c6d0947b5b"),
            Map.entry("surveil --level 5 --on-serious revoke examples/cqm/surveillance-unrectified-complaint.json",
                    "4400bb5f914257f187ed262d4fb93d21fd094354076016de6c185a9fa5d3500a"),
            Map.entry("surveil --level 9 --scheme zg025-combined --format json examples/zg025-combined.json",
                    "daa9ab74710917c168b2133526e366f49b98bf70c27939d5df174a8d67e36fb1"),
            Map.entry("evaluate --format text examples/gbt27922-form.json",
                    "0a9803cc79068daff8d3e23dee687663f4684c9836222df8bd2610d653fafa8a"),
            Map.entry("evaluate --format json examples/gbt27922-form.json",
                    "3746c8d7d876944504f8a6a62b25e19f8a79958b97802d82a1e380d807d25a0a"),
            Map.entry("evaluate --format md examples/gbt27922-form.json",
                    "ff5b6941d2759b88fd0a225032d974f87732554517b455a8e09efd22ade0c261"),
            Map.entry("evaluate --format html examples/gbt27922-form.json",
                    "5115ff326d1da24d217e4e2c314fdbf47e975df569e5f6a6be5cc6eb0c8a51eb"),
            Map.entry("evaluate --format text examples/gbt27922-annex-b.yaml",
                    "72a777b6c0c868d52de82822c475b24a623c12512ff3fbbebbd5dd5beed4e545"),
            Map.entry("evaluate --format json examples/gbt27922-annex-b.yaml",
                    "72e5d2e0d207ea664421bc81aa1c7a977ee7a8130839850b00f21075b089bacd"),
            Map.entry("evaluate --format md examples/gbt27922-annex-b.yaml",
                    "91cb4b01645cc393d0d139866291adf32de075de2887cf705dfa0db0e5849adb"),
            Map.entry("evaluate --format html examples/gbt27922-annex-b.yaml",
                    "e6d09eb8c70b0997726b2b07c879cc20e9c49e931d548b90f4e04837c04826a0"),
            Map.entry("evaluate --format text examples/zg025-combined.json",
                    "e9ec63cb5e6a73fa64122fec3532c228dbf7f27bc5a3a51242480d9b48661384"),
            Map.entry("evaluate --format json examples/zg025-combined.json",
                    "14972e6f221611473351a450043bb983f116c64e8901e4b570f9b41011ebda13"),
            Map.entry("evaluate --format md examples/zg025-combined.json",
                    "3d3b8eaa3320ea0a15dfdb384de12350022cad427d3aeb4488cd15e235adf1a5"),
            Map.entry("evaluate --format html examples/zg025-combined.json",
                    "48c3f809de602577cd71b229beb3d572b6371b5ea3b8179c03cd30d6c721adb0"),
            Map.entry("evaluate --format text examples/cqm/cqm-five-star.json",
                    "8dc785c7158edc100ec5aed87df6cd3ee9c60229ba85efb204a64a0caef09c35"),
            Map.entry("evaluate --format json examples/cqm/cqm-five-star.json",
                    "ab715137bca2a70cd394b49ce6afdee1a0d9f2ce73427f928b5ab09426598509"),
            Map.entry("evaluate --format md examples/cqm/cqm-five-star.json",
                    "df35444e6cb08fa4752ca8f9722182d3a527b80f44721d22c90ee67c87129da0"),
            Map.entry("evaluate --format html examples/cqm/cqm-five-star.json",
                    "7e80917e8d16a1f1aece268fdb000897aa7b579db51beb68f5fc962837dd1c80"),
            Map.entry("evaluate --format text examples/cqm/note1-example1-face-to-face-75.json",
                    "78c61ba556902225115906dc36d53d681488704c21a41e297aeb29a375e7146b"),
            Map.entry("evaluate --format json examples/cqm/note1-example1-face-to-face-75.json",
                    "89f6394f476bf9bbf294ca42675a062ae35353c677f697fedb28200067f5e4b4"),
            Map.entry("evaluate --format md examples/cqm/note1-example1-face-to-face-75.json",
                    "937d65722d63a3caa1fb465d99bafececc4c3c2011aeaf8796c95dd6047509c6"),
            Map.entry("evaluate --format html examples/cqm/note1-example1-face-to-face-75.json",
                    "c3bae05f40639a25a5871da2e7221c6826617eadabb40f2f41d043334bbe9804"),
            Map.entry("evaluate --format text examples/cqm/note1-example2-rectified-complaint.json",
                    "ec6091d5d4e91f2b71463b519049d21547dd7fc25c473b28377d31e35f431fd5"),
            Map.entry("evaluate --format json examples/cqm/note1-example2-rectified-complaint.json",
                    "88b8384727f3bf2c586dc888c0d37383e5e46c1c7cef7f61436632bd017040ba"),
            Map.entry("evaluate --format md examples/cqm/note1-example2-rectified-complaint.json",
                    "59ec5a1b7b9399bc68230fd040c69cca146b6d62abac7dddd2edd069d886bedc"),
            Map.entry("evaluate --format html examples/cqm/note1-example2-rectified-complaint.json",
                    "dca9fd10a6d09ac3226fbae5fa4fa329c5b2437faf0c2ee87d988c886ffb380c"),
            Map.entry("evaluate --format text examples/cqm/note1-example3-indicator-70.json",
                    "8619f3831d35ea078ef24c42944cce48f0a76c955e774f2e7cd3293f2bb7d6f5"),
            Map.entry("evaluate --format json examples/cqm/note1-example3-indicator-70.json",
                    "1c629320d51312728820befc5ede7e2375b7f3d8ced77661aeee40bbd849e0ba"),
            Map.entry("evaluate --format md examples/cqm/note1-example3-indicator-70.json",
                    "f2e2b92a3848cdc19a169122f1cb63fe29c11d4fca9e24ec85bcbcc4859a5002"),
            Map.entry("evaluate --format html examples/cqm/note1-example3-indicator-70.json",
                    "bc5bbacb199b3b0115fe72f85da207db2e40b49e732959295fad473c65e67b70"),
            Map.entry("evaluate --lang zh --format text examples/zg025-combined.json",
                    "48d83b0ee9064945e851dec6193ed27e0c5fd10ceabbb7e7fa9d876f7934eb87"),
            Map.entry("evaluate --lang zh --format md examples/zg025-combined.json",
                    "a09f49e14c4b18f76b21eae35c2c0dfa1dfa1c75bdd8f5c2b32e46133ee23fee"),
            Map.entry("evaluate --lang zh --format html examples/zg025-combined.json",
                    "fb444e2d512166975af5af5aea17ebabec8b2a63b61434ca3f748653e45e557a"),
            Map.entry("evaluate --lang en --format text examples/zg025-combined.json",
                    "6b51a8b605c9053a05122804aa9305717d86f10e5751badc1c0016f5552cf6a4"),
            Map.entry("evaluate --lang en --format md examples/zg025-combined.json",
                    "4f2fdc25b670094f44a706e323fd98a9c75601b95013035d77bc37236e093bea"),
            Map.entry("evaluate --lang en --format html examples/zg025-combined.json",
                    "3401aea4946a954752e43f807535e43072197f6aac613632b964d91a8b51ed5d"),
            Map.entry("evaluate --format summary examples/cqm",
                    "aac3f356e7086193a59396cd3fcad858f376fece442194723a0d53f642e80326"),
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
