package io.github.aftersales.reports;

import io.github.aftersales.core.evaluation.ClauseResult;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.SchemeResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over a batch, kept as the results go by (memory grows with the number of schemes and
 * clauses, not of assessments): read, evaluated, rejected, the grade distribution and pass rate per
 * scheme, and the clauses that lose points most often.
 */
public final class BatchSummary {

    private static final int REJECTIONS_SHOWN = 20;
    private static final int CLAUSES_SHOWN = 10;

    private long evaluated;
    private long rejected;
    private final List<String> firstRejections = new ArrayList<>();
    private final Map<String, PerScheme> schemes = new TreeMap<>();

    private static final class PerScheme {
        long count;
        long passed;
        final Map<String, Long> grades = new LinkedHashMap<>();
        /** Stars × 2, plus 1 when passed: orders grades from the highest. */
        final Map<String, Integer> rank = new LinkedHashMap<>();
        final Map<String, Long> lostOn = new LinkedHashMap<>();
        /** Grade key → the grade's name as written and in English (for the HTML overview). */
        final Map<String, String[]> gradeNames = new LinkedHashMap<>();
        /** Clause id → the points lost there over the batch. */
        final Map<String, BigDecimal> lostPoints = new LinkedHashMap<>();
        /** Clause id → its title as written and in English. */
        final Map<String, String[]> clauseTitles = new LinkedHashMap<>();
        String schemeVersion;
        String variantTitle;
    }

    /** One scheme's counts over the batch, for the HTML overview: grades from the highest, clauses by points lost. */
    record SchemeCounts(String scheme, String variant, String schemeVersion, String variantTitle, long count,
            long passed, List<GradeCount> grades, List<ClauseLoss> clauses) {
    }

    /** How many assessments got a grade; {@code stars} 0 when the grade has none. */
    record GradeCount(String grade, String gradeEn, int stars, boolean passed, long count) {
    }

    /** The points a clause lost over the batch, and in how many assessments. */
    record ClauseLoss(String id, String title, String titleEn, BigDecimal points, long assessments) {
    }

    public void add(EvaluationResult r) {
        evaluated++;
        for (SchemeResult s : r.results()) {
            PerScheme p = schemes.computeIfAbsent(s.scheme() + " " + s.variant(), k -> new PerScheme());
            p.count++;
            if (s.passed()) {
                p.passed++;
            }
            String key = (s.stars() > 0 ? s.stars() + "★ " : s.passed() ? "" : "0★ ") + s.grade();
            p.grades.merge(key, 1L, Long::sum);
            p.rank.putIfAbsent(key, s.stars() * 2 + (s.passed() ? 1 : 0));
            if (!p.gradeNames.containsKey(key)) {
                p.gradeNames.put(key, new String[] {s.grade(), s.gradeEn()});
            }
            if (p.schemeVersion == null) {
                p.schemeVersion = s.schemeVersion();
                p.variantTitle = s.variantTitle();
            }
            for (ClauseResult c : s.lostPoints()) {
                p.lostOn.merge(c.id(), 1L, Long::sum);
                p.lostPoints.merge(c.id(), c.lost(), BigDecimal::add);
                if (!p.clauseTitles.containsKey(c.id())) {
                    p.clauseTitles.put(c.id(), new String[] {c.title(), c.titleEn()});
                }
            }
        }
    }

    public void reject(String message) {
        rejected++;
        if (firstRejections.size() < REJECTIONS_SHOWN) {
            firstRejections.add(message);
        }
    }

    public long evaluated() {
        return evaluated;
    }

    public long rejected() {
        return rejected;
    }

    /** The first rejections, for reports handed to people: a report must not look complete when it is not. */
    public List<String> firstRejections() {
        return List.copyOf(firstRejections);
    }

    /**
     * Each scheme's counts (scheme and variant in order), the grades from the highest, the
     * {@code clausesShown} clauses that lost the most points (ties by id).
     */
    List<SchemeCounts> schemeCounts(int clausesShown) {
        List<SchemeCounts> all = new ArrayList<>();
        for (Map.Entry<String, PerScheme> e : schemes.entrySet()) {
            PerScheme p = e.getValue();
            String[] sv = e.getKey().split(" ", 2);
            List<GradeCount> grades = p.grades.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Long> g) -> p.rank.get(g.getKey())).reversed())
                    .map(g -> {
                        int rank = p.rank.get(g.getKey());
                        String[] names = p.gradeNames.get(g.getKey());
                        return new GradeCount(names[0], names[1], rank / 2, rank % 2 == 1, g.getValue());
                    }).toList();
            List<ClauseLoss> clauses = p.lostPoints.entrySet().stream()
                    .sorted(Comparator.comparing(Map.Entry<String, BigDecimal>::getValue).reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(clausesShown)
                    .map(c -> new ClauseLoss(c.getKey(), p.clauseTitles.get(c.getKey())[0],
                            p.clauseTitles.get(c.getKey())[1], c.getValue(), p.lostOn.get(c.getKey())))
                    .toList();
            all.add(new SchemeCounts(sv[0], sv.length > 1 ? sv[1] : "", p.schemeVersion, p.variantTitle, p.count,
                    p.passed, grades, clauses));
        }
        return all;
    }

    /** The counts in both languages. */
    public String text() {
        return text(Labels.BOTH);
    }

    /** The counts, their words in {@code l}'s language; grade names padded by the columns they take on a terminal. */
    public String text(Labels l) {
        StringBuilder b = new StringBuilder();
        b.append(l.t("summary.read")).append(": ").append(evaluated + rejected).append("   ").append(l.t("summary.evaluated"))
                .append(": ").append(evaluated).append("   ").append(l.t("summary.rejectedCount")).append(": ")
                .append(rejected).append('\n');
        for (String m : firstRejections) {
            b.append("  ").append(l.inline("summary.rejected", m)).append('\n');
        }
        if (rejected > firstRejections.size()) {
            b.append("  ").append(l.inline("summary.moreRejected", Long.toString(rejected - firstRejections.size())))
                    .append('\n');
        }
        for (Map.Entry<String, PerScheme> e : schemes.entrySet()) {
            PerScheme p = e.getValue();
            b.append('\n').append(l.inline("summary.scheme", e.getKey(), Long.toString(p.count), Long.toString(p.passed),
                    String.format("%.1f", 100.0 * p.passed / p.count))).append('\n');
            b.append("  ").append(l.t("summary.grades")).append('\n');
            p.grades.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Long> g) -> p.rank.get(g.getKey())).reversed())
                    .forEach(g -> b.append("    ").append(pad(g.getKey(), 24)).append(String.format(" %8d  %5.1f %%%n",
                            g.getValue(), 100.0 * g.getValue() / p.count)));
            b.append("  ").append(l.t("summary.clauses")).append('\n');
            p.lostOn.entrySet().stream()
                    .sorted(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(CLAUSES_SHOWN)
                    .forEach(c -> b.append("    ").append(pad(c.getKey(), 12)).append(String.format(" %8d  %5.1f %%%n",
                            c.getValue(), 100.0 * c.getValue() / p.count)));
        }
        return b.toString();
    }

    /** {@code s} padded with spaces to {@code columns} columns of a terminal, a wide (Chinese) character taking two. */
    static String pad(String s, int columns) {
        int width = width(s);
        return width >= columns ? s : s + " ".repeat(columns - width);
    }

    /**
     * The columns {@code s} takes on a terminal: two for a wide or fullwidth character (Unicode's East
     * Asian Width W or F: Han, kana, Hangul, CJK punctuation, fullwidth forms), one for any other.
     */
    static int width(String s) {
        return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
