package io.github.aftersales.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aftersales.core.evaluation.EvaluationResult;
import io.github.aftersales.core.evaluation.SchemeResult;
import io.github.aftersales.reports.JsonReport;
import io.github.aftersales.spi.Category;
import io.github.aftersales.spi.Clause;
import io.github.aftersales.spi.Comparison;
import io.github.aftersales.spi.Condition;
import io.github.aftersales.spi.Level;
import io.github.aftersales.spi.Variant;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * A figure shown is the exact figure cut once, towards zero, to two decimals; so it is never at or
 * above a threshold that the exact value misses, and every sentence's two figures compare the way its
 * words say. The exact figures are worked out here as fractions (BigInteger numerator and
 * denominator), independently of the engine, from findings that conform, carry a score, or were
 * checked on samples (up to {@link Integer#MAX_VALUE} samples, the most a finding may state). Each
 * scheme's property runs 10,000 tries in the thorough build (1,000 in the quick loop), the combined
 * grade's too; with 10,000 each checks that some tries landed a hair (less than 0.01) below a
 * threshold, where rounding to nearest showed the threshold.
 */
class ShownFiguresPropertiesTest {

    static final BigInteger HUNDRED = BigInteger.valueOf(100);

    /** Whether the tries are enough to expect a hair below a threshold: the build's -Pthorough run. */
    static final boolean HAIRS_EXPECTED = Integer.getInteger("jqwik.tries.default", 1000) >= 10_000;

    /** An exact non-negative fraction. */
    record Q(BigInteger n, BigInteger d) {
        static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);

        static Q of(BigDecimal v) {
            return v.scale() >= 0 ? new Q(v.unscaledValue(), BigInteger.TEN.pow(v.scale()))
                    : new Q(v.toBigIntegerExact(), BigInteger.ONE);
        }

        Q plus(Q o) {
            return new Q(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
        }

        Q minus(Q o) {
            return new Q(n.multiply(o.d).subtract(o.n.multiply(d)), d.multiply(o.d));
        }

        Q times(Q o) {
            return new Q(n.multiply(o.n), d.multiply(o.d));
        }

        Q over(Q o) {
            return new Q(n.multiply(o.d), d.multiply(o.n));
        }

        int compareTo(BigDecimal v) {
            Q o = of(v);
            return n.multiply(o.d).compareTo(o.n.multiply(d));
        }

        /** Cut towards zero to two decimals (BigInteger division truncates). */
        BigDecimal cut() {
            return new BigDecimal(n.multiply(HUNDRED).divide(d), 2);
        }

        /** Rounded up to two decimals. */
        BigDecimal up() {
            BigInteger[] qr = n.multiply(HUNDRED).divideAndRemainder(d);
            return new BigDecimal(qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE), 2);
        }
    }

    /** How one item is found: full points, a score of {@code a}/400 of its points, or {@code b} of {@code a} samples not conforming. */
    record Way(int kind, int a, int b) {
        static final int CONFORM = 0;
        static final int SCORE = 1;
        static final int SAMPLES = 2;
        static final int NOT_APPLICABLE = 3;

        Q share() {
            return switch (kind) {
                case CONFORM -> new Q(BigInteger.ONE, BigInteger.ONE);
                case SCORE -> new Q(BigInteger.valueOf(a), BigInteger.valueOf(400));
                case SAMPLES -> new Q(BigInteger.valueOf((long) a - b), BigInteger.valueOf(a));
                default -> Q.ZERO;
            };
        }

        /** The finding; {@code whole}: a category scored as a whole, which needs a score even when full. */
        String json(String id, BigDecimal points, boolean whole) {
            return switch (kind) {
                case CONFORM -> whole ? "{\"id\": \"" + id + "\", \"score\": " + points.toPlainString() + "}"
                        : "{\"id\": \"" + id + "\", \"result\": \"conform\"}";
                case SCORE -> "{\"id\": \"" + id + "\", \"score\": "
                        + points.multiply(BigDecimal.valueOf(a)).divide(BigDecimal.valueOf(400)).toPlainString() + "}";
                case SAMPLES -> "{\"id\": \"" + id + "\", \"samples\": {\"checked\": " + a + ", \"nonConforming\": " + b + "}}";
                default -> "{\"id\": \"" + id + "\", \"result\": \"not-applicable\", \"note\": \"not offered\"}";
            };
        }
    }

    /** One part of an assessment: a way for each scored item, in catalog order. */
    record Part(String scheme, String variant, List<Way> ways) {

        Variant v() {
            return GradingPropertiesTest.REGISTRY.find(scheme).orElseThrow().variant(variant).orElseThrow();
        }

        String json(String extra) {
            List<GradingPropertiesTest.Item> items = GradingPropertiesTest.items(v());
            java.util.Set<String> whole = new java.util.HashSet<>();
            v().catalog().allCategories().forEach(c -> {
                if (c.scoredAsWhole()) {
                    whole.add(c.id());
                }
            });
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String id = items.get(i).id();
                out.add(ways.get(i).json(id, items.get(i).points(), whole.contains(id)));
            }
            return "{\"scheme\": \"" + scheme + "\", \"variant\": \"" + variant + "\", \"findings\": ["
                    + String.join(", ", out) + "]" + extra + "}";
        }

        /** Exact score and applicable points of each scored item by id. */
        Map<String, Q[]> exact() {
            List<GradingPropertiesTest.Item> items = GradingPropertiesTest.items(v());
            Map<String, Q[]> out = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Q points = Q.of(items.get(i).points());
                Way w = ways.get(i);
                out.put(items.get(i).id(), w.kind() == Way.NOT_APPLICABLE ? new Q[] {Q.ZERO, Q.ZERO}
                        : new Q[] {points.times(w.share()), points});
            }
            return out;
        }
    }

    static Arbitrary<Part> parts(String scheme, String variant) {
        Variant v = GradingPropertiesTest.REGISTRY.find(scheme).orElseThrow().variant(variant).orElseThrow();
        List<GradingPropertiesTest.Item> items = GradingPropertiesTest.items(v);
        // mostly whole points won or lost, so totals sit on whole numbers, and now and then many
        // samples with one not conforming: a hair below a whole number, where thresholds are
        Arbitrary<Way> samples = Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(Arbitraries.integers().between(1, 500), Arbitraries.integers().between(0, 500))
                        .as((n, k) -> new Way(Way.SAMPLES, n, Math.min(k, n)))),
                Tuple.of(3, Arbitraries.integers().between(10_000, Integer.MAX_VALUE).map(n -> new Way(Way.SAMPLES, n, 1))),
                Tuple.of(1, Arbitraries.integers().between(Integer.MAX_VALUE - 1000, Integer.MAX_VALUE)
                        .flatMap(n -> Arbitraries.integers().between(0, n).map(k -> new Way(Way.SAMPLES, n, k)))));
        Arbitrary<Way> way = Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.just(new Way(Way.CONFORM, 0, 0))),
                Tuple.of(12, Arbitraries.just(new Way(Way.SCORE, 0, 0))),
                Tuple.of(6, Arbitraries.integers().between(0, 400).map(a -> new Way(Way.SCORE, a, 0))),
                Tuple.of(3, samples));
        return way.list().ofSize(items.size()).flatMap(ways -> Arbitraries.integers().between(0, 30).list()
                .ofSize(items.size()).map(coin -> {
                    List<Way> out = new ArrayList<>(ways);
                    int applicable = 0;
                    for (int i = 0; i < out.size(); i++) {
                        if (items.get(i).excludable() && coin.get(i) == 0) {
                            out.set(i, new Way(Way.NOT_APPLICABLE, 0, 0));
                        } else {
                            applicable++;
                        }
                    }
                    if (applicable == 0) {
                        out.set(0, ways.get(0));
                    }
                    return new Part(scheme, variant, out);
                }))
                // at most two items with huge sample counts, so the common scale stays a few hundred digits
                .filter(p -> p.ways().stream().filter(w -> w.kind() == Way.SAMPLES && w.a() > 1_000_000).count() <= 2);
    }

    @Provide
    Arbitrary<Part> gbtForm() {
        return parts("gbt27922", "form");
    }

    @Provide
    Arbitrary<Part> annex() {
        return Arbitraries.of("annex-a1", "annex-a2", "annex-b").flatMap(v -> parts("gbt27922", v));
    }

    @Provide
    Arbitrary<Part> zg025() {
        return parts("zg025", "items");
    }

    @Provide
    Arbitrary<Part> cqm() {
        return parts("cqm", "star");
    }

    /** S and S当面 near the bands of CQM 6.2, with three decimals. */
    @Provide
    Arbitrary<BigDecimal> surveyFigure() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(55_000, 100_000).map(n -> BigDecimal.valueOf(n, 3))),
                Tuple.of(1, Arbitraries.of(60, 70, 80, 90).flatMap(t -> Arbitraries.integers().between(-2, 2)
                        .map(d -> BigDecimal.valueOf(t * 1000L + d, 3)))));
    }

    @Property
    void gbtFormFiguresAreCutOnce(@ForAll("gbtForm") Part p) {
        check(p, evaluate("{\"schemes\": [" + p.json("") + "]}").results().get(0));
    }

    @Property
    void annexFiguresAreCutOnce(@ForAll("annex") Part p) {
        check(p, evaluate("{\"schemes\": [" + p.json("") + "]}").results().get(0));
    }

    @Property
    void zg025FiguresAreCutOnce(@ForAll("zg025") Part p) {
        check(p, evaluate("{\"schemes\": [" + p.json("") + "]}").results().get(0));
    }

    @Property
    void cqmFiguresAreCutOnce(@ForAll("cqm") Part p, @ForAll("surveyFigure") BigDecimal s,
            @ForAll("surveyFigure") BigDecimal face) {
        String facts = ", \"facts\": {\"managementAudit\": \"passed\", \"seriousNonConformities\": 0, \"S\": "
                + s.toPlainString() + ", \"S当面\": " + face.toPlainString()
                + ", \"operatingSince\": \"2024-01-01\", \"onSiteDate\": \"2026-10-15\"}";
        check(p, evaluate("{\"schemes\": [" + p.json(facts) + "]}").results().get(0));
    }

    @Property
    void combinedFiguresAreCutOnce(@ForAll("gbtForm") Part gbt, @ForAll("zg025") Part zg) {
        EvaluationResult all = evaluate("{\"schemes\": [" + gbt.json("") + ", " + zg.json("")
                + ", {\"scheme\": \"zg025-combined\"}]}");
        check(gbt, all.results().get(0));
        check(zg, all.results().get(1));
        sentencesCompareAsTheySay(JsonReport.scheme(all.results().get(2)));
    }

    static EvaluationResult evaluate(String json) {
        return GradingPropertiesTest.evaluate(json);
    }

    /** Every figure of {@code r} against the exact one, every condition's figure against its threshold. */
    static void check(Part p, SchemeResult r) {
        JsonNode json = JsonReport.scheme(r);
        Map<String, Q[]> items = p.exact();
        Q score = Q.ZERO;
        Q applicable = Q.ZERO;
        for (Q[] item : items.values()) {
            score = score.plus(item[0]);
            applicable = applicable.plus(item[1]);
        }
        Q declared = Q.of(p.v().catalog().totalPoints());
        Q percent = score.times(new Q(HUNDRED, BigInteger.ONE)).over(applicable);
        Q total = score.times(declared).over(applicable);
        String where = p.json("");
        assertThat(decimal(json, "score")).as(where).isEqualByComparingTo(score.cut());
        assertThat(applicable.compareTo(decimal(json, "maxScore"))).as(where).isZero();
        assertThat(decimal(json, "percent")).as(where).isEqualByComparingTo(percent.cut());
        assertThat(decimal(json, "total")).as(where).isEqualByComparingTo(total.cut());

        Map<String, Q[]> categories = new LinkedHashMap<>();
        for (Category c : p.v().catalog().categories()) {
            categoryFigures(c, items, categories);
        }
        Map<String, Integer> depths = new LinkedHashMap<>();
        for (JsonNode c : json.get("categories")) {
            depths.put(c.get("id").asText(), c.get("depth").asInt());
            Q[] exact = categories.get(c.get("id").asText());
            if (exact == null || c.get("percent").isNull()) {
                continue;
            }
            assertThat(decimal(c, "score")).as(where).isEqualByComparingTo(exact[0].cut());
            assertThat(decimal(c, "percent")).as(where)
                    .isEqualByComparingTo(exact[0].times(new Q(HUNDRED, BigInteger.ONE)).over(exact[1]).cut());
        }
        for (JsonNode c : json.get("clauses")) {
            Q[] exact = items.get(c.get("id").asText());
            if (exact != null && c.get("applicable").asBoolean() && !c.get("score").isNull()) {
                assertThat(decimal(c, "score")).as(where).isEqualByComparingTo(exact[0].cut());
                assertThat(decimal(c, "lost")).as(where).isEqualByComparingTo(exact[1].minus(exact[0]).cut());
            }
        }

        // every threshold on a figure: the figure shown meets it exactly when the exact figure does
        boolean[] hair = {false};
        for (Level level : p.v().grading().levels()) {
            for (Condition condition : level.conditions()) {
                if (!(condition instanceof Condition.OnFigure f) || f.comparison().number() == null) {
                    continue;
                }
                Comparison cmp = f.comparison();
                switch (f.figure()) {
                    case TOTAL -> hair[0] |= agrees(total, cmp, where);
                    case SCORE -> hair[0] |= agrees(score, cmp, where);
                    case PERCENT -> hair[0] |= agrees(percent, cmp, where);
                    case CATEGORY_PERCENT -> categories.forEach((id, c) -> {
                        boolean target = Condition.EVERY_TOP_LEVEL_CATEGORY.equals(f.category())
                                ? depths.getOrDefault(id, -1) == 0 : id.equals(f.category());
                        if (target && c[1].n().signum() > 0) {
                            hair[0] |= agrees(c[0].times(new Q(HUNDRED, BigInteger.ONE)).over(c[1]), cmp, where);
                        }
                    });
                    case PART_STARS -> { }
                }
            }
        }
        // the tries must reach the case this guards against, or they prove nothing; it is rare (about 1 in
        // 1,000 tries for some schemes), so it is required of the thorough run's 10,000 tries
        Statistics.label("hair below a threshold").collect(hair[0]);
        if (HAIRS_EXPECTED) {
            Statistics.label("hair below a threshold").coverage(c -> c.check(true).count(n -> n > 0));
        }
        sentencesCompareAsTheySay(json);
        // the gap to each threshold on the total, in points: enough, and not 0.01 more than enough
        Matcher gap = Pattern.compile("^total [0-9.]+ < ([0-9.]+) needed for .*: ([0-9.]+) more points?$").matcher("");
        for (String reason : r.reasons()) {
            if (gap.reset(reason).matches()) {
                Q needed = Q.of(new BigDecimal(gap.group(1))).times(applicable).over(declared);
                BigDecimal shown = new BigDecimal(gap.group(2));
                assertThat(shown).as(reason).isEqualByComparingTo(needed.minus(score).up());
            }
        }
    }

    /** A category's exact score and applicable points, and those of the categories under it. */
    static Q[] categoryFigures(Category c, Map<String, Q[]> items, Map<String, Q[]> out) {
        Q[] sum = {Q.ZERO, Q.ZERO};
        if (c.scoredAsWhole()) {
            sum = items.get(c.id());
        } else {
            for (Clause cl : c.clauses()) {
                Q[] item = items.get(cl.id());
                if (item != null) {
                    sum = new Q[] {sum[0].plus(item[0]), sum[1].plus(item[1])};
                }
            }
            for (Category sub : c.categories()) {
                Q[] s = categoryFigures(sub, items, out);
                sum = new Q[] {sum[0].plus(s[0]), sum[1].plus(s[1])};
            }
        }
        if (c.points() != null) {
            out.put(c.id(), sum);
        }
        return sum;
    }

    /** Asserts that the figure shown meets {@code cmp} exactly when the exact one does; whether it is a hair below. */
    static boolean agrees(Q exact, Comparison cmp, String where) {
        boolean holds = switch (cmp.operator()) {
            case AT_LEAST -> exact.compareTo(cmp.number()) >= 0;
            case ABOVE -> exact.compareTo(cmp.number()) > 0;
            case AT_MOST -> exact.compareTo(cmp.number()) <= 0;
            case BELOW -> exact.compareTo(cmp.number()) < 0;
            case EQUALS -> exact.compareTo(cmp.number()) == 0;
        };
        assertThat(cmp.test(exact.cut())).as("%s shown as %s against %s: %s", exact, exact.cut(), cmp, where)
                .isEqualTo(holds);
        return !holds && exact.compareTo(cmp.number().subtract(new BigDecimal("0.01"))) > 0;
    }

    private static final Pattern PAIR = Pattern.compile("(?<![+×/] )(?<![0-9.])(-?[0-9]+(?:\\.[0-9]+)?)( %)? (<|≤|>|≥|=|≠) (-?[0-9]+(?:\\.[0-9]+)?)");

    /** In every condition's shortfalls and measured figure, "a op b" is true of the two numbers as printed. */
    static void sentencesCompareAsTheySay(JsonNode scheme) {
        List<String> sentences = new ArrayList<>();
        scheme.get("reasons").forEach(s -> sentences.add(s.asText()));
        for (JsonNode level : scheme.get("levels")) {
            for (JsonNode c : level.get("conditions")) {
                c.get("shortfalls").forEach(s -> sentences.add(s.get("what").asText()));
                // "total ≥ 80" holding, measured "80.5": the measured figure meets the condition's words
                Matcher m = Pattern.compile("^(?:total|score|percentage) (<|≤|>|≥|=|≠) ([0-9.]+)( %)?$")
                        .matcher(c.get("condition").asText());
                if (m.matches()) {
                    String measured = c.get("measured").asText().replace(" %", "");
                    boolean says = compare(new BigDecimal(measured), m.group(1), new BigDecimal(m.group(2)));
                    assertThat(says).as("%s measured %s, holds %s", c.get("condition"), measured, c.get("holds"))
                            .isEqualTo(c.get("holds").asBoolean());
                }
            }
        }
        for (String sentence : sentences) {
            Matcher m = PAIR.matcher(sentence);
            while (m.find()) {
                assertThat(compare(new BigDecimal(m.group(1)), m.group(3), new BigDecimal(m.group(4))))
                        .as(sentence).isTrue();
            }
        }
    }

    static boolean compare(BigDecimal a, String op, BigDecimal b) {
        int c = a.compareTo(b);
        return switch (op) {
            case "<" -> c < 0;
            case "≤" -> c <= 0;
            case ">" -> c > 0;
            case "≥" -> c >= 0;
            case "=" -> c == 0;
            default -> c != 0;
        };
    }

    static BigDecimal decimal(JsonNode o, String key) {
        return o.get(key).decimalValue();
    }
}
