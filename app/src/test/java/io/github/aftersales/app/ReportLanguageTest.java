package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.aftersales.reports.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * A report in one language has no word of the other: every example in every format, through the
 * command line. What may be in either is the standards' texts and what the assessment states (titles,
 * grade names, notes, the organisation, facts); all else is the reports' own words, from their bundle.
 */
class ReportLanguageTest {

    private static final List<String> FORMATS = List.of("text", "md", "html", "summary");
    static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]+");
    static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’]{2,}");
    /** Keys of the result whose values are the standards' texts or the assessment's (not our English). */
    static final Set<String> WRITTEN = Set.of("title", "grade", "name", "variantTitle", "schemeVersion",
            "organisation", "scheme", "variant", "notApplicable", "id", "source", "date", "gradeId",
            "key"); // a reading's key (cqm.majorComplaintWindow) is an identifier, shown as written
    /** Our English beside them, which an English report shows. */
    private static final Set<String> OUR_ENGLISH = Set.of("titleEn", "gradeEn", "nameEn");

    static List<Path> examples() throws IOException {
        try (Stream<Path> s = Stream.concat(Files.list(Path.of("examples")), Files.list(Path.of("examples", "cqm")))) {
            return s.filter(p -> p.toString().matches(".*\\.(json|yaml)$")).sorted().toList();
        }
    }

    @Test
    void anEnglishReportHasNoChineseButTheStandardsAndTheAssessmentsOwn() throws Exception {
        for (Path example : examples()) {
            List<String> allowed = allowed(example, true);
            for (String format : FORMATS) {
                String out = shown(format, run(example, format, "en"));
                String left = strip(out, allowed);
                Matcher m = CJK.matcher(left);
                List<String> leaks = new ArrayList<>();
                while (m.find()) {
                    leaks.add(m.group());
                }
                assertThat(leaks).as(example + " " + format + " --lang en:\n" + left).isEmpty();
            }
        }
    }

    @Test
    void aChineseReportHasNoEnglishWordOfTheReports() throws Exception {
        Set<String> english = words(bundle("en"));
        english.removeAll(words(bundle("zh"))); // what the Chinese bundle itself keeps (none today)
        for (Path example : examples()) {
            List<String> allowed = allowed(example, false);
            for (String format : FORMATS) {
                String out = shown(format, run(example, format, "zh"));
                String left = strip(out, allowed);
                Matcher m = WORD.matcher(left);
                Set<String> leaks = new TreeSet<>();
                while (m.find()) {
                    if (english.contains(m.group().toLowerCase(java.util.Locale.ROOT))) {
                        leaks.add(m.group());
                    }
                }
                assertThat(leaks).as(example + " " + format + " --lang zh:\n" + left).isEmpty();
            }
        }
    }

    @Test
    void theBundlesHaveTheSameKeysAndEveryResultSentenceIsReadBack() throws Exception {
        assertThat(bundle("zh").stringPropertyNames()).isEqualTo(bundle("en").stringPropertyNames());
        for (Path example : examples()) {
            JsonNode result = new ObjectMapper().readTree(run(example, "json", "both"));
            List<String> sentences = new ArrayList<>();
            collect(result, Set.of("how", "reasons"), sentences);
            assertThat(sentences).isNotEmpty();
            for (String s : sentences) {
                // the English bundle writes every sentence as the result has it: each was read into its parts
                assertThat(Labels.EN.sentence(s)).as(example + ": " + s).isEqualTo(s);
            }
        }
    }

    private static String run(Path example, String format, String lang) {
        CliRun r = CliRun.of("evaluate", "--format", format, "--lang", lang, example.toString());
        assertThat(r.exit()).as(example + " " + format + " " + r.err()).isZero();
        return r.out();
    }

    /** What a reader sees: an HTML page's text (the chart's too) and its titles. */
    private static String shown(String format, String out) {
        if (!format.equals("html")) {
            return out;
        }
        var doc = Jsoup.parse(out);
        StringBuilder b = new StringBuilder(doc.title()).append('\n');
        doc.body().select("*").forEach(e -> b.append(e.ownText()).append('\n'));
        doc.select("[aria-label], [title]").forEach(e -> b.append(e.attr("aria-label")).append(' ')
                .append(e.attr("title")).append('\n'));
        return b.toString();
    }

    /** The texts either language shows as written, longest first, with the starts a report shortens titles to. */
    static List<String> allowed(Path example, boolean withOurEnglish) throws IOException {
        Set<String> all = new HashSet<>();
        ObjectMapper mapper = example.toString().endsWith(".yaml") ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        strings(mapper.readTree(example.toFile()), all);
        JsonNode result = new ObjectMapper().readTree(run(example, "json", "both"));
        Set<String> keys = new HashSet<>(WRITTEN);
        if (withOurEnglish) {
            keys.addAll(OUR_ENGLISH);
        }
        List<String> values = new ArrayList<>();
        collect(result, keys, values);
        all.addAll(values);
        for (String s : List.copyOf(all)) { // a report shortens a long title to its first characters
            for (int n = 6; n < s.codePointCount(0, s.length()); n++) {
                all.add(s.substring(0, s.offsetByCodePoints(0, n)));
            }
        }
        all.removeIf(s -> s.isBlank() || s.length() < 2 && !CJK.matcher(s).find());
        return all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static String strip(String out, List<String> allowed) {
        String left = out.replace("&nbsp;", " ");
        for (String a : allowed) {
            left = left.replace(a, " ");
        }
        return left;
    }

    /** Every text value of an input file and the names of its facts. */
    private static void strings(JsonNode n, Set<String> into) {
        if (n.isTextual()) {
            into.add(n.asText());
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (e.getKey().equals("facts")) {
                e.getValue().fieldNames().forEachRemaining(into::add); // a fact's name is the standard's (S当面)
            }
            if (!e.getKey().equals("result")) { // conform, not_conform: a program's word
                strings(e.getValue(), into);
            }
        }
        if (n.isArray()) {
            n.forEach(c -> strings(c, into));
        }
    }

    /** The text values under {@code keys} anywhere in {@code n} (an array's items each). */
    static void collect(JsonNode n, Set<String> keys, List<String> into) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (keys.contains(e.getKey())) {
                if (e.getValue().isTextual()) {
                    into.add(e.getValue().asText());
                } else if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> {
                        if (v.isTextual()) {
                            into.add(v.asText());
                        }
                    });
                }
            }
            collect(e.getValue(), keys, into);
        }
        if (n.isArray()) {
            n.forEach(c -> collect(c, keys, into));
        }
    }

    static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream("messages_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Set<String> words(Properties p) {
        Set<String> words = new HashSet<>();
        for (String k : p.stringPropertyNames()) {
            Matcher m = WORD.matcher(p.getProperty(k));
            while (m.find()) {
                words.add(m.group().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return words;
    }
}
