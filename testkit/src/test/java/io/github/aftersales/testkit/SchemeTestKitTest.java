package io.github.aftersales.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.github.aftersales.spi.Scheme;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The kit's checks catch a deliberately broken scheme for each rule, and name the rule. */
class SchemeTestKitTest {

    @Test
    void aGoodSchemeFoundAsTheAppFindsItKeepsItsContract() {
        SchemeTestKit.scheme("good").verifyContract();
        assertThat(SchemeTestKit.scheme(new TestSchemes.Good()).contract()).isEmpty();
    }

    @Test
    void anUnknownIdNamesTheRegistrationRule() {
        assertThatThrownBy(() -> SchemeTestKit.scheme("nope")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("[registered for ServiceLoader] no scheme 'nope' is registered; found good");
    }

    /** A registered scheme whose files are missing: it does not load, and the kit says why first. */
    public static final class Missing extends io.github.aftersales.spi.ResourceScheme {
        public Missing() {
            super("schemes/missing");
        }
    }

    @Test
    void aRegisteredSchemeThatDoesNotLoadIsAnInvalidDefinitionCauseFirst(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path services = dir.resolve("META-INF/services/io.github.aftersales.spi.Scheme");
        java.nio.file.Files.createDirectories(services.getParent());
        java.nio.file.Files.writeString(services, Missing.class.getName() + "\n");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            thread.setContextClassLoader(loader);
            assertThatThrownBy(() -> SchemeTestKit.scheme("missing")).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("[definition valid] " + Missing.class.getName() + " could not be created:"
                            + " schemes/missing/scheme.json: resource not found on the scheme's class path (from ")
                    .hasMessageEndingWith(". So no scheme 'missing' loaded; found good, rates");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    static List<Object[]> brokenSchemes() {
        return List.of(
                new Object[] {new TestSchemes.Unregistered(), ContractRule.REGISTERED},
                new Object[] {new TestSchemes.BadSums(), ContractRule.VALID_DEFINITION},
                new Object[] {new TestSchemes.DuplicateIds(), ContractRule.UNIQUE_IDS},
                new Object[] {new TestSchemes.Moody(), ContractRule.DETERMINISTIC},
                new Object[] {new TestSchemes.Upside(), ContractRule.MONOTONE},
                new Object[] {new TestSchemes.RawScore(), ContractRule.EXCLUSION_ONLY_DENOMINATOR},
                new Object[] {new TestSchemes.Unwritable(), ContractRule.TEMPLATE_ROUND_TRIP},
                new Object[] {new TestSchemes.BadReadings(), ContractRule.READINGS});
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenSchemes")
    void eachRuleCatchesTheSchemeThatBreaksIt(Scheme broken, ContractRule rule) {
        assertThat(SchemeTestKit.scheme(broken).contract()).extracting(ContractViolation::rule).contains(rule);
        assertThatThrownBy(() -> SchemeTestKit.scheme(broken).verifyContract()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("[" + rule.title() + "]");
    }

    @Test
    void violationsSayWhatWasFound() {
        assertThat(SchemeTestKit.scheme(new TestSchemes.BadSums()).contract()).extracting(ContractViolation::toString)
                .containsExactly("[registered for ServiceLoader] " + TestSchemes.BadSums.class.getName()
                                + " is not listed in META-INF/services/io.github.aftersales.spi.Scheme",
                        "[definition valid] variant main: badsums main catalog: category A declares 6 points but its clauses and"
                                + " sub-categories add up to 5");
        assertThat(SchemeTestKit.scheme(new TestSchemes.Upside()).contract()).extracting(ContractViolation::toString)
                .contains("[raising a score never lowers the grade] variant main: raising A.2 from 0 to 4 lowers the"
                        + " grade from two to one");
    }

    @Test
    void aReadingWhoseDefaultIsNotWhatTheSchemeDoesOrThatNothingTakesIsNamed() {
        assertThat(SchemeTestKit.scheme(new TestSchemes.BadReadings()).contract()).extracting(ContractViolation::toString)
                .contains("[readings well-formed] variant main: notApplicable is prorate, but reading"
                                + " badreadings.notApplicable's default is full-points",
                        "[readings well-formed] variant main: reading badreadings.unused is declared but no parameter"
                                + " takes it");
        // a default outside the alternatives cannot even be made
        assertThatThrownBy(() -> new io.github.aftersales.spi.Reading("x.y", "t", "c", "", "", "months", "18",
                List.of(new io.github.aftersales.spi.Reading.Alternative("24", "two years"),
                        new io.github.aftersales.spi.Reading.Alternative("12", "a year"))))
                .hasMessage("reading x.y: the default '18' is not among its alternatives [24, 12]");
    }

    @Test
    void fluentAssertionsOverResults() {
        // A.1 = 2 of 2, A.2 not conforming: 2 of 6 = 33 % → no level
        Result r = SchemeTestKit.scheme("good").assessment().conform("A.1").notConform("A.2", "无记录").evaluate();
        ResultAssert.assertThat(r).hasStars(0).isNotPassed().hasScore("2").lostPointsOnlyOn("A.2")
                .hasReasonContaining("percentage 33.33 % < 50 % needed for one");
        // A.2 excluded: 2 of 2 = 100 % → two stars
        Result excluded = SchemeTestKit.scheme("good").assessment().conform("A.1").notApplicable("A.2", "不涉及")
                .evaluate();
        ResultAssert.assertThat(excluded).hasStars(2).hasGrade("two").isPassed().hasMaxScore("2").excluded("A.2")
                .lostNoPoints();
        assertThatThrownBy(() -> ResultAssert.assertThat(r).hasStars(1)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("good main: expected 1 stars but was 0 stars (无)");
        assertThatThrownBy(() -> ResultAssert.assertThat(r).lostPointsOn("A.1"))
                .hasMessageContaining("expected points lost on A.1 but was lost points on [A.2]");
    }
}
