package io.github.aftersales.testkit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Fluent assertions over a {@link Result}: {@code assertThat(result).hasStars(4).lostPointsOn("5.2.4.3")}. */
public final class ResultAssert {

    private final Result actual;

    private ResultAssert(Result actual) {
        this.actual = actual;
    }

    public static ResultAssert assertThat(Result result) {
        if (result == null) {
            throw new AssertionError("expected a result, got null");
        }
        return new ResultAssert(result);
    }

    private AssertionError fail(String expected, Object got) {
        return new AssertionError(actual.scheme() + " " + actual.variant() + ": expected " + expected + " but was " + got
                + (actual.reasons().isEmpty() ? "" : "; reasons: " + actual.reasons()));
    }

    public ResultAssert hasStars(int stars) {
        if (actual.stars() != stars) {
            throw fail(stars + " stars", actual.stars() + " stars (" + actual.grade() + ")");
        }
        return this;
    }

    /** The grade's name as written, e.g. {@code 四星级}, or its level id, e.g. {@code four-star}. */
    public ResultAssert hasGrade(String grade) {
        if (!grade.equals(actual.grade()) && !grade.equals(actual.gradeId())) {
            throw fail("grade " + grade, actual.grade());
        }
        return this;
    }

    public ResultAssert isPassed() {
        if (!actual.passed()) {
            throw fail("a level reached", actual.grade());
        }
        return this;
    }

    public ResultAssert isNotPassed() {
        if (actual.passed()) {
            throw fail("no level reached", actual.grade());
        }
        return this;
    }

    public ResultAssert hasScore(String score) {
        if (actual.score().compareTo(new BigDecimal(score)) != 0) {
            throw fail("score " + score, actual.score().toPlainString());
        }
        return this;
    }

    public ResultAssert hasMaxScore(String maxScore) {
        if (actual.maxScore().compareTo(new BigDecimal(maxScore)) != 0) {
            throw fail("applicable total " + maxScore, actual.maxScore().toPlainString());
        }
        return this;
    }

    /** These clauses (at least) lost points, each with how it was scored. */
    public ResultAssert lostPointsOn(String... ids) {
        Set<String> lost = lostIds();
        for (String id : ids) {
            if (!lost.contains(id)) {
                throw fail("points lost on " + id, "lost points on " + lost);
            }
        }
        return this;
    }

    /** Exactly these clauses lost points. */
    public ResultAssert lostPointsOnlyOn(String... ids) {
        Set<String> expected = new TreeSet<>(List.of(ids));
        if (!expected.equals(lostIds())) {
            throw fail("points lost on exactly " + expected, lostIds());
        }
        return this;
    }

    public ResultAssert lostNoPoints() {
        if (!actual.lostPoints().isEmpty()) {
            throw fail("no points lost", "lost points on " + lostIds());
        }
        return this;
    }

    /** Some reason contains this text (e.g. {@code "< 90 needed for 四星级"}). */
    public ResultAssert hasReasonContaining(String text) {
        if (actual.reasons().stream().noneMatch(r -> r.contains(text))) {
            throw fail("a reason containing '" + text + "'", actual.reasons());
        }
        return this;
    }

    public ResultAssert excluded(String... ids) {
        Set<String> excluded = new TreeSet<>();
        actual.excluded().forEach(c -> excluded.add(c.id()));
        if (!excluded.equals(new TreeSet<>(List.of(ids)))) {
            throw fail("excluded " + List.of(ids), excluded);
        }
        return this;
    }

    private Set<String> lostIds() {
        Set<String> lost = new TreeSet<>();
        for (Result.ClauseOutcome c : actual.lostPoints()) {
            lost.add(c.id());
        }
        return lost;
    }
}
