package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aftersales.reports.Labels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code surveil --lang}: a surveillance decision in one language has no word of the other, as
 * {@link ReportLanguageTest} asks of reports. What may be in either is the standards' texts and what the
 * assessment states (level names, the serious event's title, notes, the organisation, fact names).
 */
class SurveilLanguageTest {

    /** Every decision the examples give: keep, keep above, a new grade, downgrade, suspend, revoke. */
    private static final List<List<String>> RUNS = List.of(
            List.of("--level", "5", "examples/cqm/surveillance-downgrade.json"),
            List.of("--level", "3", "examples/cqm/surveillance-downgrade.json"),
            List.of("--level", "4", "examples/cqm/surveillance-downgrade.json"),
            List.of("--level", "5", "examples/cqm/surveillance-unrectified-complaint.json"),
            List.of("--level", "5", "--on-serious", "revoke", "examples/cqm/surveillance-unrectified-complaint.json"),
            List.of("--level", "9", "--scheme", "zg025-combined", "examples/zg025-combined.json"),
            List.of("--level", "7", "--scheme", "zg025-combined", "examples/zg025-combined.json"));

    @Test
    void anEnglishDecisionHasNoChineseButTheStandardsAndTheAssessmentsOwn() throws Exception {
        for (List<String> run : RUNS) {
            String out = surveil(run, "en");
            String left = ReportLanguageTest.strip(out, allowed(run, true));
            Matcher m = ReportLanguageTest.CJK.matcher(left);
            List<String> leaks = new ArrayList<>();
            while (m.find()) {
                leaks.add(m.group());
            }
            assertThat(leaks).as(run + " --lang en:\n" + left).isEmpty();
        }
    }

    @Test
    void aChineseDecisionHasNoEnglishWordOfTheReports() throws Exception {
        Set<String> english = ReportLanguageTest.words(ReportLanguageTest.bundle("en"));
        english.removeAll(ReportLanguageTest.words(ReportLanguageTest.bundle("zh")));
        for (List<String> run : RUNS) {
            String out = surveil(run, "zh");
            String left = ReportLanguageTest.strip(out, allowed(run, false));
            Matcher m = ReportLanguageTest.WORD.matcher(left);
            Set<String> leaks = new TreeSet<>();
            while (m.find()) {
                if (english.contains(m.group().toLowerCase(Locale.ROOT))) {
                    leaks.add(m.group());
                }
            }
            assertThat(leaks).as(run + " --lang zh:\n" + left).isEmpty();
        }
    }

    @Test
    void everyReasonIsReadIntoItsPartsAndBothIsTheTextAsItWas() throws Exception {
        Set<String> decisions = new TreeSet<>();
        for (List<String> run : RUNS) {
            JsonNode json = new ObjectMapper().readTree(surveil(run, "both", "--format", "json"));
            decisions.add(json.get("decision").asText());
            for (JsonNode reason : json.get("reasons")) {
                String s = reason.asText();
                assertThat(Labels.EN.sentence(s)).as(run + ": " + s).isEqualTo(s);
                assertThat(Labels.ZH.sentence(s)).as(run + ": no rule reads " + s).isNotEqualTo(s);
            }
        }
        assertThat(decisions).containsExactly("downgrade", "keep", "revoke", "suspend", "upgrade");
        // by hand: 五星级 certificate, the surveillance assessment reaches 四星级 (S 88 and S当面 87 miss 五星级's 90)
        assertThat(surveil(RUNS.get(0), "zh")).contains("cqm star：证书 五星级（5 星）→ 降级 至 4 星\n")
                .contains("    监督评价达到 四星级（4 星），低于证书的 五星级（5 星）：降级\n")
                .contains("    S 88 < 90，").contains("  监督评价：四星级，总分 97\n");
        assertThat(surveil(RUNS.get(0), "en")).startsWith("Surveillance: examples/cqm/surveillance-downgrade.json\n")
                .contains("cqm star: certificate 五星级 (5 stars) → DOWNGRADE to 4 stars\n");
        // without --lang: both, as the text always was
        assertThat(surveil(RUNS.get(0), "both")).isEqualTo(CliRun.of(Stream.concat(Stream.of("surveil"),
                RUNS.get(0).stream()).toArray(String[]::new)).out());
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        CliRun r = CliRun.of("surveil", "--level", "5", "--lang", "fr", "examples/cqm/surveillance-downgrade.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--lang: 'fr' is not one of zh, en, both");
        assertThat(r.clean()).isTrue();
    }

    private static String surveil(List<String> run, String lang, String... more) {
        List<String> args = new ArrayList<>(List.of("surveil", "--lang", lang));
        args.addAll(List.of(more));
        args.addAll(run);
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as(args + ": " + r.err()).isZero();
        return r.out();
    }

    /** What either language shows as written: the report test's for the file, and the decision's level names. */
    private static List<String> allowed(List<String> run, boolean withOurEnglish) throws Exception {
        List<String> all = new ArrayList<>(ReportLanguageTest.allowed(Path.of(run.get(run.size() - 1)), withOurEnglish));
        JsonNode json = new ObjectMapper().readTree(surveil(run, "both", "--format", "json"));
        ReportLanguageTest.collect(json, Set.of("currentLevel", "source", "organisation", "scheme", "variant"), all);
        // a reading's key and a value that is a word (keep-or-downgrade) are identifiers, shown as written
        for (JsonNode reading : json.path("readings")) {
            all.add(reading.get("key").asText());
            all.add(reading.get("value").asText());
        }
        // the standard's own words, as its scheme writes them: a serious event's title (our English beside it), the cycle's source
        try (java.io.InputStream in = SurveilLanguageTest.class.getResourceAsStream("/schemes/" + json.get("scheme").asText()
                + "/scheme.json")) {
            ReportLanguageTest.collect(new ObjectMapper().readTree(in), withOurEnglish ? Set.of("title", "titleEn", "source")
                    : Set.of("title", "source"), all);
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        return all;
    }
}
