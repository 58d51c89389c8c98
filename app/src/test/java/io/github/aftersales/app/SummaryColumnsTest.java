package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --format summary} keeps its columns on a terminal after Chinese grade names, which take two columns a character. */
class SummaryColumnsTest {

    @Test
    void theCountsOfEveryGradeLineEndInTheSameTerminalColumn() {
        for (String lang : List.of("both", "zh", "en")) {
            CliRun r = CliRun.of("evaluate", "--format", "summary", "--lang", lang, "examples/cqm",
                    "examples/zg025-combined.json", "examples/gbt27922-annex-b.yaml");
            assertThat(r.exit()).as(r.err()).isZero();
            List<Integer> ends = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (String line : r.out().split("\n")) {
                if (line.startsWith("    ") && line.contains("★")) { // a grade line: "    5★ 五星级 …  1   16.7 %"
                    String beforePercent = line.substring(0, line.lastIndexOf("  ")).stripTrailing();
                    ends.add(columns(beforePercent));
                    lines.add(line);
                }
            }
            // 四星级, 五星级, 九星级, 未达标 … and at least one with Chinese of another length
            assertThat(lines).as(lang).hasSizeGreaterThan(5);
            assertThat(ends).as(lang + ":\n" + String.join("\n", lines)).containsOnly(4 + 24 + 1 + 8);
        }
    }

    /** Columns on a terminal: two for a Han character or fullwidth form, one for any other. */
    private static int columns(String s) {
        return s.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60) ? 2 : 1).sum();
    }
}
