package io.github.aftersales.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aftersales.core.evaluation.SchemeResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * CQM 6.3, lowest level wins: the level equals the minimum over the conditions of the highest level
 * each one reaches. The oracle below is written from table 6.2 (and the readings of
 * scheme-cqm/README.md) condition by condition, independently of the grading table.
 */
class CqmLowestLevelWinsTest {

    static final LocalDate ON_SITE = LocalDate.of(2026, 10, 15);
    static final int[] POINTS = {10, 15, 10, 25, 15, 7, 8, 10};
    static final String[] IDS = {"4.1.1", "4.1.2", "4.1.3", "4.1.4", "4.1.5", "4.1.6", "4.1.7", "4.1.8"};

    record Event(String type, int daysBefore, boolean flag) {

        /** This event, folded into the months the organisation has operated: nothing is dated before it began. */
        Event within(int monthsOperating) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(ON_SITE.minusMonths(monthsOperating), ON_SITE);
            return daysBefore <= days ? this : new Event(type, (int) (daysBefore % (days + 1)), flag);
        }
    }

    record Case(List<Integer> shares, boolean audit, int serious, int s, int face, int monthsOperating,
                List<Event> events) {

        BigDecimal score(int i) {
            return BigDecimal.valueOf(POINTS[i]).multiply(BigDecimal.valueOf(shares.get(i))).movePointLeft(2);
        }

        String json() {
            StringBuilder f = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                f.append(i == 0 ? "" : ", ").append("{\"id\": \"").append(IDS[i]).append("\", \"score\": ")
                        .append(score(i).toPlainString()).append("}");
            }
            StringBuilder e = new StringBuilder();
            for (Event ev : events) {
                e.append(e.length() == 0 ? "" : ", ").append("{\"type\": \"").append(ev.type()).append("\", \"date\": \"")
                        .append(ON_SITE.minusDays(ev.daysBefore())).append("\"");
                if (ev.type().equals("majorComplaint")) {
                    e.append(", \"rectified\": ").append(ev.flag());
                } else if (ev.type().equals("responsibilityAccident")) {
                    e.append(", \"injuryOrDeath\": ").append(ev.flag());
                }
                e.append("}");
            }
            return "{\"schemes\": [{\"scheme\": \"cqm\", \"findings\": [" + f + "], \"facts\": {\"managementAudit\": \""
                    + (audit ? "passed" : "failed") + "\", \"seriousNonConformities\": " + serious + ", \"S\": " + s
                    + ", \"S当面\": " + face + ", \"operatingSince\": \"" + ON_SITE.minusMonths(monthsOperating)
                    + "\", \"onSiteDate\": \"" + ON_SITE + "\"}, \"events\": [" + e + "]}]}";
        }

        /** The level table 6.2 gives, condition by condition; the lowest wins. */
        int expected() {
            BigDecimal x = BigDecimal.ZERO;
            int minShare = 100;
            for (int i = 0; i < 8; i++) {
                x = x.add(score(i));
                minShare = Math.min(minShare, shares.get(i));
            }
            List<Integer> levels = new ArrayList<>();
            levels.add(atLeast(x, 90, 80, 70, 60, 50));
            levels.add(minShare >= 90 ? 5 : minShare >= 80 ? 4 : minShare >= 70 ? 3 : 2);
            levels.add(audit ? 5 : 0);
            levels.add(s >= 90 ? 5 : s >= 80 ? 4 : s >= 70 ? 3 : s >= 60 ? 2 : 1);
            levels.add(face >= 90 ? 5 : face >= 80 ? 4 : face >= 70 ? 3 : 2);
            levels.add(monthsOperating >= 12 ? 5 : monthsOperating >= 6 ? 3 : 1);
            levels.add(serious == 0 ? 5 : 4);
            levels.add(window("responsibilityAccident"));
            levels.add(window("negativeInformation"));
            long complaints = inMonths("majorComplaint", 24);
            boolean open = events.stream().anyMatch(ev -> ev.type().equals("majorComplaint") && !ev.flag()
                    && within(ev, 24));
            levels.add(open ? 1 : complaints == 0 ? 5 : complaints == 1 ? 4 : complaints == 2 ? 3 : complaints == 3 ? 2 : 1);
            return levels.stream().min(Integer::compare).orElseThrow();
        }

        private int window(String type) {
            return inMonths(type, 12) > 0 ? 1 : inMonths(type, 24) > 0 ? 4 : 5;
        }

        private long inMonths(String type, int months) {
            return events.stream().filter(ev -> ev.type().equals(type) && within(ev, months)).count();
        }

        private static boolean within(Event ev, int months) {
            return !ON_SITE.minusDays(ev.daysBefore()).isBefore(ON_SITE.minusMonths(months));
        }

        private static int atLeast(BigDecimal x, int five, int four, int three, int two, int one) {
            return x.compareTo(BigDecimal.valueOf(five)) >= 0 ? 5 : x.compareTo(BigDecimal.valueOf(four)) >= 0 ? 4
                    : x.compareTo(BigDecimal.valueOf(three)) >= 0 ? 3 : x.compareTo(BigDecimal.valueOf(two)) >= 0 ? 2
                    : x.compareTo(BigDecimal.valueOf(one)) >= 0 ? 1 : 0;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> share = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(85, 100)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 100)));
        Arbitrary<Integer> percent = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(85, 100)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 100)));
        Arbitrary<Event> event = Combinators.combine(
                Arbitraries.of("responsibilityAccident", "negativeInformation", "majorComplaint", "governmentBlacklist"),
                Arbitraries.integers().between(0, 1000), Arbitraries.of(true, false)).as(Event::new);
        return Combinators.combine(share.list().ofSize(8), Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(9, true), net.jqwik.api.Tuple.of(1, false)),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(8, 0), net.jqwik.api.Tuple.of(2, 1)),
                percent, percent, Arbitraries.integers().between(0, 40), event.list().ofMaxSize(4))
                .as((shares, audit, serious, s, face, months, events) -> new Case(shares, audit, serious, s, face, months,
                        events.stream().map(e -> e.within(months)).toList()));
    }

    @Property
    void theLevelIsTheLowestThatEveryConditionReaches(@ForAll("cases") Case c) {
        SchemeResult r = GradingPropertiesTest.evaluate(c.json()).results().get(0);
        assertThat(r.stars()).as(c.json()).isEqualTo(c.expected());
        assertThat(r.passed()).isEqualTo(c.expected() > 0);
    }

    @Property(tries = 3000)
    void addingAViolationNeverRaisesTheLevel(@ForAll("cases") Case c, @ForAll("violations") Event extra) {
        int before = GradingPropertiesTest.evaluate(c.json()).results().get(0).stars();
        List<Event> more = new ArrayList<>(c.events());
        more.add(extra.within(c.monthsOperating()));
        Case worse = new Case(c.shares(), c.audit(), c.serious(), c.s(), c.face(), c.monthsOperating(), more);
        assertThat(GradingPropertiesTest.evaluate(worse.json()).results().get(0).stars()).isLessThanOrEqualTo(before);
    }

    @Provide
    Arbitrary<Event> violations() {
        return Combinators.combine(Arbitraries.of("responsibilityAccident", "negativeInformation", "majorComplaint"),
                Arbitraries.integers().between(0, 800), Arbitraries.of(true, false)).as(Event::new);
    }
}
