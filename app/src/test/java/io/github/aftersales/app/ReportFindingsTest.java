package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every format reports the same findings: for every example, the clauses that lost points and the
 * checklist items that do not conform, scheme by scheme, are the same in the text, Markdown, HTML and
 * JSON results, each read as a reader (or a program) reads it, through the command line.
 */
class ReportFindingsTest {

    @Test
    void everyFormatNamesTheSameLostClausesAndFailedChecklistItems() throws Exception {
        for (Path example : ReportLanguageTest.examples()) {
            Map<String, Set<String>> json = new TreeMap<>();
            Map<String, List<String>> ids = new TreeMap<>();
            for (JsonNode s : new ObjectMapper().readTree(run(example, "json")).get("assessments").get(0).get("schemes")) {
                Set<String> found = new TreeSet<>();
                List<String> all = new ArrayList<>();
                for (JsonNode c : s.get("clauses")) {
                    all.add(c.get("id").asText());
                    boolean lost = c.get("lost").decimalValue().signum() > 0;
                    boolean failedItem = c.get("points").isNull() && "not-conform".equals(c.get("result").asText());
                    if (lost || failedItem) {
                        found.add(c.get("id").asText());
                    }
                }
                all.sort(Comparator.comparingInt(String::length).reversed());
                json.put(s.get("scheme").asText(), found);
                ids.put(s.get("scheme").asText(), all);
            }
            assertThat(json.values().stream().mapToInt(Set::size).sum()).as(example + " has findings").isPositive();
            assertThat(text(run(example, "text"))).as(example + " text").isEqualTo(json);
            assertThat(markdown(run(example, "md"), ids)).as(example + " md").isEqualTo(json);
            assertThat(html(run(example, "html"))).as(example + " html").isEqualTo(json);
        }
    }

    @Test
    void theFailedChecklistItemsTheIssueNamesAreRowsOfTheirOwn() {
        for (String[] c : new String[][] {{"examples/gbt27922-annex-b.yaml", "B.6.3.2"}, {"examples/cqm/cqm-five-star.json", "4.1.2.3"}}) {
            // both ids are in the auditor's notes too: a row of their own is what the issue asks
            assertThat(run(Path.of(c[0]), "md")).contains("\n| " + c[1] + " ");
            assertThat(Jsoup.parse(run(Path.of(c[0]), "html")).select("tr.checklist-item").eachAttr("data-id"))
                    .containsExactly(c[1]);
        }
    }

    private static String run(Path example, String format) {
        CliRun r = CliRun.of("evaluate", "--lang", "en", "--format", format, example.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    private static final Pattern TEXT_SCHEME = Pattern.compile(".* \\[(\\S+) / \\S+\\] .*");
    private static final Pattern MD_SCHEME = Pattern.compile("## .* \\(`(\\S+) / \\S+`\\)");

    /** The ids under "Points lost" and "Checklist items not conforming", up to two spaces. */
    private static Map<String, Set<String>> text(String out) {
        Map<String, Set<String>> found = new TreeMap<>();
        String scheme = null;
        boolean in = false;
        for (String line : out.split("\n")) {
            Matcher m = TEXT_SCHEME.matcher(line);
            if (!line.startsWith(" ") && m.matches()) {
                scheme = m.group(1);
                found.put(scheme, new TreeSet<>());
            } else if (line.startsWith("  ") && !line.startsWith("   ")) {
                in = line.trim().equals("Points lost") || line.trim().equals("Checklist items not conforming");
            } else if (in && line.startsWith("    ") && !line.startsWith("     ") && !line.trim().equals("none")) {
                found.get(scheme).add(line.substring(4, line.indexOf("  ", 4)));
            }
        }
        return found;
    }

    /** The first cell's id of the rows of the "Points lost" and "Checklist items not conforming" tables. */
    private static Map<String, Set<String>> markdown(String out, Map<String, List<String>> ids) {
        Map<String, Set<String>> found = new TreeMap<>();
        String scheme = null;
        boolean in = false;
        for (String line : out.split("\n")) {
            Matcher m = MD_SCHEME.matcher(line);
            if (m.matches()) {
                scheme = m.group(1);
                found.put(scheme, new TreeSet<>());
            } else if (line.startsWith("### ")) {
                in = line.equals("### Points lost") || line.equals("### Checklist items not conforming");
            } else if (in && line.startsWith("| ") && !line.startsWith("| Clause")) {
                String cell = line.substring(2);
                String s = scheme;
                ids.get(s).stream().filter(id -> cell.startsWith(id + " ")).findFirst()
                        .ifPresent(id -> found.get(s).add(id));
            }
        }
        return found;
    }

    /** The rows of the lost-points and checklist tables of each scheme's section. */
    private static Map<String, Set<String>> html(String out) {
        Map<String, Set<String>> found = new TreeMap<>();
        // a table that runs over a page repeats its header row there: each has one as thead
        Jsoup.parse(out).select("table").forEach(t -> assertThat(t.select("> thead > tr > th")).as(t.className()).isNotEmpty());
        for (Element section : Jsoup.parse(out).select("section.scheme")) {
            found.put(section.id(), new TreeSet<>(section.select("tr.lost-clause, tr.checklist-item").eachAttr("data-id")));
        }
        return found;
    }
}
