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
            Map.entry("gbt27922 form ndjson", "490430b2af622592ec37f2bf1585dd6b50ec58362eec871f4b4034d31399ad32"),
            Map.entry("gbt27922 form json", "4e03a6024e9d6743642218a252987b14ec0d30faab9c5ea0e3e5a57b6598ca2c"),
            Map.entry("gbt27922 form text", "ee36d860ba4dea92bbac0e726721b2190fd85e6b9d63893065276690befd007e"),
            Map.entry("gbt27922 form md", "9b329aab325f6f0268274d74f0e64d4678bbff0ac4040935421d7fa5dd215f6a"),
            Map.entry("gbt27922 form html", "47fc3b87fba1ea26d1fe9f1e5e81e2787a429c1979f6cf148bf7fd4479d15ca5"),
            Map.entry("gbt27922 form summary", "7e46f93da6311264ab5dae36f9b1b08dcf2576be9c7d945e16bed5c6ad91d025"),
            Map.entry("gbt27922 annex-a1 generated", "a3615555595c386c667ad1bc4c07f601183336df95653bce18d6fa9fde079bb3"),
            Map.entry("gbt27922 annex-a1 ndjson", "f4ffb211d701635c2998fa4e6cdc725ebe95e5c7ed34d29292141d650a215b8a"),
            Map.entry("gbt27922 annex-a1 json", "2b7ff695759e2180191baf64e19a35805da2f9d5910dced5a1e6a89ca11637e3"),
            Map.entry("gbt27922 annex-a1 text", "1efdf1fedfaffaa46d4182ecb6fba1a9f13ff5f7f0f9549d9ec0e7158ed6ef27"),
            Map.entry("gbt27922 annex-a1 md", "7665ecd5a1453d1ff62075e376443274433d0a28b4e114ac16ed09be19d499cc"),
            Map.entry("gbt27922 annex-a1 html", "f7ef8d75185b80c354e6bc009f4f619efe198f8bf27d7d5ee25898e3547368f8"),
            Map.entry("gbt27922 annex-a1 summary", "7f2bbb742fa9e236dc27ab2804a0f80c8fb17b18c4b6e1b7698eec9b8efd36e3"),
            Map.entry("gbt27922 annex-a2 generated", "6b95dbccad7e082c9f596a36185ad3a68c4685dbe961238775b24b68eb7a88eb"),
            Map.entry("gbt27922 annex-a2 ndjson", "ad582e948feafd186e86160103514cf5e604f1c458f9e984ccd023d7dbbbdc68"),
            Map.entry("gbt27922 annex-a2 json", "1f489bc562d70b243554d6bbdfdd1272b62bb24c7e2beb7702611f6b474d4eeb"),
            Map.entry("gbt27922 annex-a2 text", "81680e505c608d43bd89d0f41826d56ce17e317f756ceed43b3decbcc21a3041"),
            Map.entry("gbt27922 annex-a2 md", "6b76a822773a5fc3058ee6dc15ecd93c2d1be4c3a5be7b327577af50a62b750a"),
            Map.entry("gbt27922 annex-a2 html", "5e0b3219964ca8a7b50fb757007c917ad7a13357f3a27155a7122fa32865949d"),
            Map.entry("gbt27922 annex-a2 summary", "f8447a6ab6127691a82343686d2c84a1e3bfea19d3b364194fe5b3d7db7f16b7"),
            Map.entry("gbt27922 annex-b generated", "607824df328aa80ad7093469fb02fa00aabdae34ea60a5192b273b143b0d4e56"),
            Map.entry("gbt27922 annex-b ndjson", "2de3fe5f4f5cdcf9a520a9cfbc76b2976546386c86b14dccd370f874b2746edc"),
            Map.entry("gbt27922 annex-b json", "551cd07f29b6363bfb4aaec3249e7c87bcc0ee74477dee6d1e0b977ff50789c4"),
            Map.entry("gbt27922 annex-b text", "ded988e8e6c7759c7b77f1265f6d2d0410a7f0d8d79b6aa50c6ea8ceda1c5c1e"),
            Map.entry("gbt27922 annex-b md", "5db85872421c1a829ae65ab8fa66398ef98777ab0bd4bc7e89944b32abbe04bf"),
            Map.entry("gbt27922 annex-b html", "678c264a20acbfe99dafcb8ceadbab5c0a19bd472e6de9639fcdc5e6acb385fa"),
            Map.entry("gbt27922 annex-b summary", "267493638341edc965c7b540d43ce95bd40068c16abbb3b888f314e6e3ec4f6f"),
            Map.entry("zg025 items generated", "7e40051a5ce4f5c06c2c19082c7ef560de58dced772160217365142e9a1516b8"),
            Map.entry("zg025 items ndjson", "ea58cbd8ec93f9e60153927dfb9acd2e47320399daf70b4dc1726be6cb02ff72"),
            Map.entry("zg025 items json", "a4d42cbeaadd085bef1399ece6ed1bd2a592943407f2dd3d2d5b265a580080ef"),
            Map.entry("zg025 items text", "6b68ede338b505019deca2167167d07864b69be1d69a0b549887eba94cdc1021"),
            Map.entry("zg025 items md", "e4a96da462c58cfe405ad108f1b8b8b997186fdcfd0f52da1d8588234686ecf0"),
            Map.entry("zg025 items html", "755d6fe577c3f27f863b1ec879db8b8a19a997d88d34948026855bdda49557f0"),
            Map.entry("zg025 items summary", "634430746c5c1f990db427c5486c06eecc0d2b29c2c42393e6d4d0316699be1a"),
            Map.entry("cqm star generated", "32138f31fa47855409e68fc01bf99dbe1451421bd3494a6c304c9cc319cb4ebd"),
            Map.entry("cqm star ndjson", "45d73c99fe4910e240ff9094cdb5a67e89df791b1837ae3f63777b944d1dc73c"),
            Map.entry("cqm star json", "9798d1b41579faa10ee070e50ff3ea7e53f1b9cb5c41aebfc93a7e7b4059baa2"),
            Map.entry("cqm star text", "cc40e66a491db44d89c9368ffc103e6d988fc661f3695d9ef47156743d50c43b"),
            Map.entry("cqm star md", "06e785081e277c386680eab7d757ce104bba4f05ad7a3a88d6c2a54622940d30"),
            Map.entry("cqm star html", "ae80a756a08900f25091952f3d1ce746bd8c72d325d08d745f863d2ef8e8d691"),
            Map.entry("cqm star summary", "855e457c6819f7e20ce61a0d3a7624a1647065062478ce97a6e8e55f057d5239"),
            Map.entry("zg025-combined combined generated", "78f4fbf493567a6b5988af2e83d23a9acbd4bea1d7225d59c10bad93327af01a"),
            Map.entry("zg025-combined combined ndjson", "132724cc9dad96132066b628d659c0f586e17381a0815de7163a686d065ab591"),
            Map.entry("zg025-combined combined json", "6eab8ba1083e01039af6837adf13f8e614119adcfca76fde90437b9e1b602d53"),
            Map.entry("zg025-combined combined text", "f8f76953d8d5c96f32fc5c32e4277cbb99f4d33acb85df556476710d68c47da8"),
            Map.entry("zg025-combined combined md", "77bb9a050795737c93a581bb28112c71427770883b84a73cb6ac40f276edaa66"),
            Map.entry("zg025-combined combined html", "855ce68b39b37ad798bcca3df3a851a4ee5f2dbc0e68a0bd6264e33a975c5783"),
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
                    "57bd6bbe15f932a18ed1161e8ca35fb5cc10e41db2858447d31778ee61dfd2eb"),
            Map.entry("template --scheme gbt27922 --variant annex-b --format yaml",
                    "39017cbcef38e1f164587e6276b2c763521af4fe80011704e265322fd661b4aa"),
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
                    "e56178637a8b290ae62be588c31ebbf308ee2aa27653431fb94f672f7dcf1c5f"),
            Map.entry("surveil --level 5 --format json examples/cqm/surveillance-unrectified-complaint.json",
                    "a88e5a193b29fd249b5d62e5b1bc3f6bc34163b2da6ea189c938cccd66a2d456"),
            Map.entry("surveil --level 5 --on-serious revoke examples/cqm/surveillance-unrectified-complaint.json",
                    "4ee3c694838dd0e3229d8213c0561cc3343c9456433b6832f77798dc0418014f"),
            Map.entry("surveil --level 9 --scheme zg025-combined --format json examples/zg025-combined.json",
                    "daa9ab74710917c168b2133526e366f49b98bf70c27939d5df174a8d67e36fb1"),
            Map.entry("evaluate --format text examples/gbt27922-form.json",
                    "d120f0d75c7afd014c37af63300007a8e5d368eff92d03777fd519a4a041b021"),
            Map.entry("evaluate --format json examples/gbt27922-form.json",
                    "bcdb0ccfa5551f05b3bded74bf602af4a76c31c9337178ceb0957289e261e865"),
            Map.entry("evaluate --format md examples/gbt27922-form.json",
                    "add1589a3168cce5169bb59f9d1139ae0c543d65861c76a9abc6249ee67e63fb"),
            Map.entry("evaluate --format html examples/gbt27922-form.json",
                    "096d099b268ea63c1fe33de91252ee10ec7701a9d713cd7a2e5cc11e2511532d"),
            Map.entry("evaluate --format text examples/gbt27922-annex-b.yaml",
                    "72a777b6c0c868d52de82822c475b24a623c12512ff3fbbebbd5dd5beed4e545"),
            Map.entry("evaluate --format json examples/gbt27922-annex-b.yaml",
                    "2abb6da2613ff338c78a7756aa3895d3088e6bdbac9da0ca1df9ef2542b4196a"),
            Map.entry("evaluate --format md examples/gbt27922-annex-b.yaml",
                    "91cb4b01645cc393d0d139866291adf32de075de2887cf705dfa0db0e5849adb"),
            Map.entry("evaluate --format html examples/gbt27922-annex-b.yaml",
                    "e6d09eb8c70b0997726b2b07c879cc20e9c49e931d548b90f4e04837c04826a0"),
            Map.entry("evaluate --format text examples/zg025-combined.json",
                    "90fb5c6955d97d4e90c6b30aa2687ac8dec0d48b32323b44417e373816b8eb62"),
            Map.entry("evaluate --format json examples/zg025-combined.json",
                    "bad4ad464561712523e67bd050a1b7be5159a5d03618860820e20fa2620d61bd"),
            Map.entry("evaluate --format md examples/zg025-combined.json",
                    "9f1b0948236dc1ab7997126a8e51b31b89cadb783dccf80e902a251fb8576a3f"),
            Map.entry("evaluate --format html examples/zg025-combined.json",
                    "c9328e984a4fdcbcb0c5a0c6b8bc4500bf32ab279a61ca6fed49892a00b8aed0"),
            Map.entry("evaluate --format text examples/cqm/cqm-five-star.json",
                    "8dc785c7158edc100ec5aed87df6cd3ee9c60229ba85efb204a64a0caef09c35"),
            Map.entry("evaluate --format json examples/cqm/cqm-five-star.json",
                    "96e31d14d40d0eb656c81eb6de76a726b4ae8c804fb294fe3862537b04910ce2"),
            Map.entry("evaluate --format md examples/cqm/cqm-five-star.json",
                    "df35444e6cb08fa4752ca8f9722182d3a527b80f44721d22c90ee67c87129da0"),
            Map.entry("evaluate --format html examples/cqm/cqm-five-star.json",
                    "7e80917e8d16a1f1aece268fdb000897aa7b579db51beb68f5fc962837dd1c80"),
            Map.entry("evaluate --format text examples/cqm/note1-example1-face-to-face-75.json",
                    "78c61ba556902225115906dc36d53d681488704c21a41e297aeb29a375e7146b"),
            Map.entry("evaluate --format json examples/cqm/note1-example1-face-to-face-75.json",
                    "b22d569c882a77c55f28550083307c1dd9d806e773c4a544e7f59b503b9a44ca"),
            Map.entry("evaluate --format md examples/cqm/note1-example1-face-to-face-75.json",
                    "937d65722d63a3caa1fb465d99bafececc4c3c2011aeaf8796c95dd6047509c6"),
            Map.entry("evaluate --format html examples/cqm/note1-example1-face-to-face-75.json",
                    "c3bae05f40639a25a5871da2e7221c6826617eadabb40f2f41d043334bbe9804"),
            Map.entry("evaluate --format text examples/cqm/note1-example2-rectified-complaint.json",
                    "ec6091d5d4e91f2b71463b519049d21547dd7fc25c473b28377d31e35f431fd5"),
            Map.entry("evaluate --format json examples/cqm/note1-example2-rectified-complaint.json",
                    "95ceb0bd800c109a6847ef4259f6cf78c82dc367a61f4e413aafb2f39fc209b6"),
            Map.entry("evaluate --format md examples/cqm/note1-example2-rectified-complaint.json",
                    "59ec5a1b7b9399bc68230fd040c69cca146b6d62abac7dddd2edd069d886bedc"),
            Map.entry("evaluate --format html examples/cqm/note1-example2-rectified-complaint.json",
                    "dca9fd10a6d09ac3226fbae5fa4fa329c5b2437faf0c2ee87d988c886ffb380c"),
            Map.entry("evaluate --format text examples/cqm/note1-example3-indicator-70.json",
                    "8619f3831d35ea078ef24c42944cce48f0a76c955e774f2e7cd3293f2bb7d6f5"),
            Map.entry("evaluate --format json examples/cqm/note1-example3-indicator-70.json",
                    "1fe219655f68db5e5f26fa119815a54facb67844d0c0b3fc3f4a598a371536fc"),
            Map.entry("evaluate --format md examples/cqm/note1-example3-indicator-70.json",
                    "f2e2b92a3848cdc19a169122f1cb63fe29c11d4fca9e24ec85bcbcc4859a5002"),
            Map.entry("evaluate --format html examples/cqm/note1-example3-indicator-70.json",
                    "bc5bbacb199b3b0115fe72f85da207db2e40b49e732959295fad473c65e67b70"),
            Map.entry("evaluate --lang zh --format text examples/zg025-combined.json",
                    "3a00952b50a667cc23825afcc11873039f7af01c7f492d36cbe03c37eebace3d"),
            Map.entry("evaluate --lang zh --format md examples/zg025-combined.json",
                    "8a214f19fcdc89980934eaac56d0374899482b6f00f264c475e10077069118fe"),
            Map.entry("evaluate --lang zh --format html examples/zg025-combined.json",
                    "b4e78b80a7ec773e4c88f52af6e00af6e4ddd90e91fc5df10423a867e4fa065b"),
            Map.entry("evaluate --lang en --format text examples/zg025-combined.json",
                    "478d238d1c68a68519cfca85ac5b506f0a25c059d00d1e499b870045b5b58f92"),
            Map.entry("evaluate --lang en --format md examples/zg025-combined.json",
                    "78ee0281dd8b22e19ce6d3bb2aac5f48b7ab16100f0f2a6385e0ec666330ac54"),
            Map.entry("evaluate --lang en --format html examples/zg025-combined.json",
                    "82b1957987c2743671456c8b95d1ad0cc844874637f3ae15361a9df3c91149c7"),
            Map.entry("evaluate --format summary examples/cqm",
                    "aac3f356e7086193a59396cd3fcad858f376fece442194723a0d53f642e80326"),
            Map.entry("evaluate --not-applicable full-points --format json examples/gbt27922-form.json",
                    "9dc74c3c0fe6387e9f6cb7683a944c4456fcbc94f9a5866d6c18fc4f1d2e949e"));

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
        try (OutputStream out = new VersionNormalised(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            run(out, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * What a command wrote with the program's version in each JSON result's provenance written as
     * {@code "(version)"}: the hashes hold for every release (the version is the one thing a release
     * changes in a result; {@code VerifyTest} checks what it is).
     */
    private static final class VersionNormalised extends OutputStream {
        private static final byte[] VERSION = ("\"" + io.github.aftersales.core.evaluation.Provenance.PROGRAM + "\"")
                .getBytes(StandardCharsets.UTF_8);
        private static final byte[] SHOWN = "\"(version)\"".getBytes(StandardCharsets.UTF_8);
        private final OutputStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        VersionNormalised(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int from = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    line.write(b, from, i + 1 - from);
                    flushLine();
                    from = i + 1;
                }
            }
            line.write(b, from, off + len - from);
        }

        private void flushLine() throws IOException {
            byte[] bytes = line.toByteArray();
            line.reset();
            int from = 0;
            for (int i = 0; i + VERSION.length <= bytes.length; i++) {
                if (java.util.Arrays.equals(bytes, i, i + VERSION.length, VERSION, 0, VERSION.length)
                        && i >= 2 && (bytes[i - 1] == ':' || bytes[i - 1] == ' ')) {
                    out.write(bytes, from, i - from);
                    out.write(SHOWN);
                    from = i + VERSION.length;
                    i = from - 1;
                }
            }
            out.write(bytes, from, bytes.length - from);
        }

        @Override
        public void close() throws IOException {
            flushLine();
            out.close();
        }
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
