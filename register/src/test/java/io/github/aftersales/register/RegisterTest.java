package io.github.aftersales.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aftersales.spi.SurveillanceRules.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The register's lifecycle on the bundled examples, on H2 and on PostgreSQL alike. */
class RegisterTest {

    @TempDir
    Path dir;

    /** Today for these tests: after every date the examples and the tests use. */
    static final java.time.Clock LATER = java.time.Clock.fixed(java.time.Instant.parse("2032-12-31T00:00:00Z"),
            java.time.ZoneOffset.UTC);

    private Register open(Databases db) {
        return Register.open(db.fresh(dir), Register.Access.WRITE, LATER, "auditor");
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void cqmCertificateIsSuspendedThenReinstatedAndDowngradedByItsSurveillances(Databases db) throws Exception {
        try (Register register = open(db)) {
            CertificateView issued = register.record("示例服务有限公司", "CQM-2026-001",
                    Fixtures.evaluated("cqm/cqm-five-star.json", null));
            assertThat(issued.number()).isEqualTo(1);
            assertThat(issued.certificate().issuedOn()).isEqualTo(LocalDate.of(2026, 10, 15)); // its onSiteDate
            assertThat(issued.state()).isEqualTo(State.ACTIVE);
            assertThat(issued.stars()).isEqualTo(5);
            assertThat(issued.certificate().schemeVersion()).startsWith("CQM/F-RZ-ZY-06-001");
            // who records: the program's user on H2; on PostgreSQL the session's login, taken by the database
            assertThat(issued.current().recordedBy()).isEqualTo(db == Databases.POSTGRESQL ? "postgres" : "auditor");

            // 2026-11-12: a verified major complaint of 2026-06-20 not rectified (6.4): suspended, stars kept
            CertificateView suspended = register.surveil("CQM-2026-001",
                    Fixtures.evaluated("cqm/surveillance-unrectified-complaint.json", null), Optional.empty());
            assertThat(suspended.current().kind()).isEqualTo(EventKind.SURVEILLANCE);
            assertThat(suspended.current().decision()).isEqualTo("suspend");
            assertThat(suspended.state()).isEqualTo(State.SUSPENDED);
            assertThat(suspended.stars()).isEqualTo(5);
            assertThat(suspended.current().reason()).contains("majorComplaint on 2026-06-20");
            assertThat(suspended.history().get(0)).isEqualTo(issued.history().get(0));

            // 2026-11-18: no serious event, S 88 and S当面 87 < 90 needed for five stars: reinstated at four (6.4)
            CertificateView downgraded = register.surveil("1",
                    Fixtures.evaluated("cqm/surveillance-downgrade.json", null), Optional.empty());
            assertThat(downgraded.current().decision()).isEqualTo("downgrade");
            assertThat(downgraded.state()).isEqualTo(State.ACTIVE);
            assertThat(downgraded.stars()).isEqualTo(4);
            assertThat(downgraded.grade()).isEqualTo("四星级");
            assertThat(downgraded.current().reason()).startsWith("reinstated").contains("S当面 87 < 90 needed for 五星级");
            assertThat(downgraded.history()).hasSize(3);
            assertThat(downgraded.history().subList(0, 2)).isEqualTo(suspended.history());

            // the files are kept byte for byte
            byte[] file = read("cqm/surveillance-downgrade.json");
            assertThat(register.assessment(1, 3)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(file));

            // CQM 5.1: an evaluation yearly, from the last one (2026-11-18)
            DueReport due = register.due(LocalDate.of(2027, 12, 31), LocalDate.of(2027, 11, 19), Fixtures::variant);
            assertThat(due.items()).singleElement().satisfies(item -> {
                assertThat(item.what()).isEqualTo(DueItem.What.SURVEILLANCE);
                assertThat(item.due()).isEqualTo(LocalDate.of(2027, 11, 18));
                assertThat(item.overdue()).isTrue();
            });
            // due today is not overdue yet
            assertThat(register.due(LocalDate.of(2027, 12, 31), LocalDate.of(2027, 11, 18), Fixtures::variant).items())
                    .singleElement().satisfies(item -> assertThat(item.overdue()).isFalse());
        }
    }

    @org.junit.jupiter.api.Test
    void aReEvaluationReadsItsFilesReadingsOfSeriousEventsAsASurveillanceDoes() throws Exception {
        // cqm.onSeriousEvent=revoke in the file revokes; cqm.cannotBeRectified=judged-unrectifiable leaves the
        // complaint still not rectified to the grade (one star: 6.2 但已有效整改), so the re-evaluation stands
        try (Register register = open(Databases.H2)) {
            register.record("示例服务有限公司", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            register.record("示例服务有限公司", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            java.nio.file.Path revokeDir = java.nio.file.Files.createDirectories(dir.resolve("revoke"));
            CertificateView revoked = register.reevaluate("1", Fixtures.edited("cqm/surveillance-unrectified-complaint.json",
                    revokeDir, t -> t.replace("\"variant\": \"star\",", "\"variant\": \"star\", \"options\": {\"readings\":"
                            + " {\"cqm.onSeriousEvent\": \"revoke\"}},")), Optional.empty());
            assertThat(revoked.state()).isEqualTo(State.REVOKED);
            assertThat(revoked.current().reason()).contains("revoke (chosen for this evaluation)");
            java.nio.file.Path judgedDir = java.nio.file.Files.createDirectories(dir.resolve("judged"));
            CertificateView graded = register.reevaluate("2", Fixtures.edited("cqm/surveillance-unrectified-complaint.json",
                    judgedDir, t -> t.replace("\"variant\": \"star\",", "\"variant\": \"star\", \"options\":"
                            + " {\"readings\": {\"cqm.cannotBeRectified\": \"judged-unrectifiable\"}},")), Optional.empty());
            assertThat(graded.state()).isEqualTo(State.ACTIVE);
            assertThat(graded.stars()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void reevaluationWithASeriousEventSuspendsLikeASurveillance(Databases db) {
        try (Register register = open(db)) {
            register.record("示例服务有限公司", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            CertificateView suspended = register.reevaluate("1",
                    Fixtures.evaluated("cqm/surveillance-unrectified-complaint.json", null), Optional.empty());
            assertThat(suspended.state()).isEqualTo(State.SUSPENDED);
            assertThat(suspended.stars()).isEqualTo(5);
            assertThat(suspended.current().cycleStart()).isEqualTo(LocalDate.of(2026, 10, 15)); // no new cycle
            CertificateView revoked = register.reevaluate("1", Fixtures.evaluated(
                    "cqm/surveillance-unrectified-complaint.json", null).withDate(LocalDate.of(2026, 11, 13)),
                    Optional.of(Action.REVOKE));
            assertThat(revoked.state()).isEqualTo(State.REVOKED);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void datesAfterTodayAreRefused(Databases db) {
        // 04:00 on the 23rd in Shanghai, still the 22nd in UTC
        java.time.Clock today = java.time.Clock.fixed(java.time.Instant.parse("2026-11-22T20:00:00Z"),
                java.time.ZoneId.of("Asia/Shanghai"));
        try (Register register = Register.open(db.fresh(dir), Register.Access.WRITE, today, "auditor")) {
            register.record("示例服务有限公司", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            assertThatThrownBy(() -> register.surveil("1", Fixtures.evaluated("cqm/surveillance-downgrade.json", null)
                    .withDate(LocalDate.of(2072, 11, 20)), Optional.empty()))
                    .hasMessage("an evaluation on 2072-11-20 is after today (2026-11-23): the register records what has"
                            + " taken place");
            assertThatThrownBy(() -> register.incident("1", Fixtures::variantOf, "majorComplaint",
                    LocalDate.of(2026, 11, 24), null)).hasMessageContaining("is after today (2026-11-23)");
            assertThatThrownBy(() -> register.record("X", null, Fixtures.evaluated("cqm/cqm-five-star.json", null)
                    .withDate(LocalDate.of(2027, 1, 1)))).hasMessageContaining("after today");
            // today is the local date
            assertThat(register.incident("1", Fixtures::variantOf, "majorComplaint", LocalDate.of(2026, 11, 23), null)
                    .history()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void combinedCertificateIsDueForSurveillanceYearlyAndReevaluationEveryThreeYears(Databases db) {
        try (Register register = open(db)) {
            // the file's parts: gbt27922, zg025 and the combined grade, which is the one a certificate is for
            CertificateView c = register.record("示例电器有限公司", null, Fixtures.evaluated("zg025-combined.json", null));
            assertThat(c.certificate().scheme()).isEqualTo("zg025-combined");
            assertThat(c.stars()).isEqualTo(9); // 4 (GB/T 27922) + 5 (ZG025)
            assertThat(c.certificate().issuedOn()).isEqualTo(LocalDate.of(2026, 11, 20)); // the file's date

            LocalDate today = LocalDate.of(2026, 11, 23);
            assertThat(register.due(LocalDate.of(2027, 11, 19), today, Fixtures::variant).items()).isEmpty();
            DueReport nextYear = register.due(LocalDate.of(2027, 12, 31), today, Fixtures::variant);
            assertThat(nextYear.items()).singleElement().satisfies(item -> {
                assertThat(item.what()).isEqualTo(DueItem.What.SURVEILLANCE);
                assertThat(item.due()).isEqualTo(LocalDate.of(2027, 11, 20)); // ZG025 4.4: at least yearly
                assertThat(item.overdue()).isFalse();
                assertThat(item.basis()).contains("4.4");
            });
            DueReport threeYears = register.due(LocalDate.of(2029, 11, 20), today, Fixtures::variant);
            assertThat(threeYears.items()).extracting(DueItem::what, DueItem::due).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(DueItem.What.SURVEILLANCE, LocalDate.of(2027, 11, 20)),
                    org.assertj.core.groups.Tuple.tuple(DueItem.What.REEVALUATION, LocalDate.of(2029, 11, 20)));
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void gbt27922AloneIsRecordedButNotScheduled(Databases db) {
        try (Register register = open(db)) {
            register.record("示例电器有限公司", null, Fixtures.evaluated("gbt27922-form.json", null));
            DueReport due = register.due(LocalDate.of(2040, 1, 1), LocalDate.of(2026, 11, 23), Fixtures::variant);
            assertThat(due.items()).isEmpty();
            assertThat(due.unscheduled()).singleElement().satisfies(u -> assertThat(u.why())
                    .contains("gives no surveillance interval"));
            assertThatThrownBy(() -> register.surveil("1", Fixtures.evaluated("gbt27922-form.json", null),
                    Optional.empty())).isInstanceOf(RegisterException.class)
                    .hasMessageContaining("says nothing about surveillance");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void incidentCallsForAnExtraEvaluation(Databases db) {
        try (Register register = open(db)) {
            register.record("示例服务有限公司", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            CertificateView noted = register.incident("1", Fixtures::variantOf, "responsibilityAccident",
                    LocalDate.of(2027, 3, 2), "一名顾客受伤");
            assertThat(noted.state()).isEqualTo(State.ACTIVE);
            assertThat(noted.stars()).isEqualTo(5);
            DueReport due = register.due(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 3, 10), Fixtures::variant);
            assertThat(due.items()).singleElement().satisfies(item -> {
                assertThat(item.what()).isEqualTo(DueItem.What.EXTRA_EVALUATION);
                assertThat(item.due()).isEqualTo(LocalDate.of(2027, 3, 2));
                assertThat(item.overdue()).isTrue();
            });
            // negative information is an event type, but CQM 5.1 names accidents and major complaints only
            register.incident("1", Fixtures::variantOf, "negativeInformation", LocalDate.of(2027, 3, 5), null);
            assertThat(register.due(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 3, 10), Fixtures::variant).items())
                    .hasSize(1);
            assertThatThrownBy(() -> register.incident("1", Fixtures::variantOf, "flood", LocalDate.of(2027, 3, 5),
                    null)).hasMessageContaining("has no event type 'flood'").hasMessageContaining("majorComplaint");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void anEvaluationWhoseFileLeavesOutANotedIncidentIsRefused(Databases db) {
        try (Register register = open(db)) {
            register.record("示例服务有限公司", null, Fixtures.evaluated("cqm/cqm-five-star.json", null)); // 2026-10-15
            register.incident("1", Fixtures::variantOf, "majorComplaint", LocalDate.of(2026, 11, 10), "press report");
            // the same five-star file on 2026-11-29, listing no events: it would give 五星级 again
            EvaluatedAssessment silent = Fixtures.edited("cqm/cqm-five-star.json", dir, t -> t.replace(
                    "\"onSiteDate\": \"2026-10-15\"", "\"onSiteDate\": \"2026-11-29\""));
            assertThat(silent.result().stars()).isEqualTo(5);
            String refusal = "cqm-five-star.json: lists no majorComplaint on 2026-11-10 (entry #2), noted in the"
                    + " register for certificate 1; the grade is decided on the file alone, so add it to the file's"
                    + " events, with what cqm asks of it (e.g. rectified), and record the evaluation again";
            assertThatThrownBy(() -> register.reevaluate("1", silent, Optional.empty()))
                    .isInstanceOf(RegisterException.class).hasMessage(refusal)
                    .extracting(e -> ((RegisterException) e).kind()).isEqualTo(RegisterException.Kind.REFUSED);
            assertThatThrownBy(() -> register.surveil("1", silent, Optional.empty())).hasMessage(refusal);
            assertThat(register.find("1").history()).hasSize(2);
            // listed, rectified: one rectified major complaint in 24 months leaves four stars (CQM Note 1, example 2)
            EvaluatedAssessment withIt = Fixtures.edited("cqm/cqm-five-star.json", dir, t -> t
                    .replace("\"onSiteDate\": \"2026-10-15\"", "\"onSiteDate\": \"2026-11-29\"")
                    .replace("\"events\": []", "\"events\": [{\"type\": \"majorComplaint\", \"date\": \"2026-11-10\","
                            + " \"rectified\": true}]"));
            CertificateView listed = register.reevaluate("1", withIt, Optional.empty());
            assertThat(listed.stars()).isEqualTo(4);
            assertThat(listed.grade()).isEqualTo("四星级");
            // an incident dated after the evaluation is not the file's to list
            register.incident("1", Fixtures::variantOf, "majorComplaint", LocalDate.of(2026, 12, 5), null);
            assertThat(register.surveil("1", withIt, Optional.empty()).current().decision()).isEqualTo("keep");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void revokedCertificateTakesNothingMore(Databases db) {
        try (Register register = open(db)) {
            register.record("示例服务有限公司", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            CertificateView revoked = register.surveil("1",
                    Fixtures.evaluated("cqm/surveillance-unrectified-complaint.json", null), Optional.of(Action.REVOKE));
            assertThat(revoked.state()).isEqualTo(State.REVOKED);
            assertThat(revoked.stars()).isZero();
            assertThat(register.due(LocalDate.of(2040, 1, 1), LocalDate.of(2030, 1, 1), Fixtures::variant).items())
                    .isEmpty();
            assertThatThrownBy(() -> register.surveil("1", Fixtures.evaluated("cqm/surveillance-downgrade.json", null),
                    Optional.empty()))
                    .isInstanceOf(RegisterException.class)
                    .hasMessageContaining("was revoked on 2026-11-12")
                    .extracting(e -> ((RegisterException) e).kind()).isEqualTo(RegisterException.Kind.REFUSED);
            assertThat(register.find("1").history()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void datesBeforeTheIssueOrTheLastEvaluationAreRefused(Databases db) {
        try (Register register = open(db)) {
            register.record("示例服务有限公司", null, Fixtures.evaluated("cqm/surveillance-unrectified-complaint.json",
                    "cqm").withDate(LocalDate.of(2026, 11, 12)));
            assertThatThrownBy(() -> register.surveil("1", Fixtures.evaluated("cqm/cqm-five-star.json", null),
                    Optional.empty())).hasMessage("certificate 1 was issued on 2026-11-12; an evaluation on 2026-10-15"
                            + " is before that");
            assertThatThrownBy(() -> register.incident("1", Fixtures::variantOf, "majorComplaint",
                    LocalDate.of(2026, 11, 11), null)).hasMessageContaining("an incident on 2026-11-11 is before that");
            register.surveil("1", Fixtures.evaluated("cqm/surveillance-downgrade.json", null), Optional.empty()); // 11-18
            assertThatThrownBy(() -> register.reevaluate("1", Fixtures.evaluated("cqm/surveillance-downgrade.json",
                    null).withDate(LocalDate.of(2026, 11, 17)), Optional.empty()))
                    .hasMessageContaining("last evaluated on 2026-11-18");
            assertThat(register.find("1").history()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void anIncidentIsDoneWithOnceAnEvaluationFollowsIt(Databases db) {
        try (Register register = open(db)) {
            register.record("示例服务有限公司", null, Fixtures.evaluated("cqm/cqm-five-star.json", null)); // 2026-10-15
            register.incident("1", Fixtures::variantOf, "majorComplaint", LocalDate.of(2026, 11, 18), "press report");
            LocalDate on = LocalDate.of(2026, 12, 31);
            LocalDate today = LocalDate.of(2026, 11, 20);
            assertThat(register.due(on, today, Fixtures::variant).items()).extracting(DueItem::what)
                    .containsExactly(DueItem.What.EXTRA_EVALUATION);
            // the surveillance of the same day, recorded after the incident (which its file lists), is that evaluation
            register.surveil("1", Fixtures.edited("cqm/surveillance-downgrade.json", dir, t -> t.replace(
                    "\"events\": []", "\"events\": [{\"type\": \"majorComplaint\", \"date\": \"2026-11-18\","
                            + " \"rectified\": true}]")), Optional.empty());
            assertThat(register.due(on, today, Fixtures::variant).items()).isEmpty();
            // a complaint noted late, dated before that surveillance: covered by it, and the entry says so
            CertificateView late = register.incident("1", Fixtures::variantOf, "majorComplaint",
                    LocalDate.of(2026, 11, 10), "reported late");
            assertThat(late.current().reason()).endsWith("; the evaluation of 2026-11-18 followed it");
            assertThat(register.due(on, today, Fixtures::variant).items()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void dueDatesAtTheEndOfFebruary(Databases db) {
        try (Register register = open(db)) {
            register.record("示例电器有限公司", null, Fixtures.evaluated("zg025-combined.json", null)
                    .withDate(LocalDate.of(2028, 2, 29)));
            DueReport due = register.due(LocalDate.of(2031, 12, 31), LocalDate.of(2028, 3, 1), Fixtures::variant);
            // twelve months after 29 February is the last day of February; so is thirty-six
            assertThat(due.items()).extracting(DueItem::due)
                    .containsExactly(LocalDate.of(2029, 2, 28), LocalDate.of(2031, 2, 28));
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void unknownCertificatesAndDuplicateReferencesAreRefused(Databases db) {
        try (Register register = open(db)) {
            assertThatThrownBy(() -> register.find("42")).isInstanceOf(RegisterException.class)
                    .hasMessage("no certificate '42' in the register ('register list' shows them)");
            assertThatThrownBy(() -> register.surveil("CQM-9", Fixtures.evaluated("cqm/cqm-five-star.json", null),
                    Optional.empty())).hasMessageContaining("no certificate 'CQM-9'");
            register.record("A", "CQM-1", Fixtures.evaluated("cqm/cqm-five-star.json", null));
            assertThatThrownBy(() -> register.record("B", "CQM-1", Fixtures.evaluated("cqm/cqm-five-star.json", null)))
                    .hasMessage("reference 'CQM-1' is already in the register (certificate 1)");
            assertThatThrownBy(() -> register.record("B", "77", Fixtures.evaluated("cqm/cqm-five-star.json", null)))
                    .hasMessageContaining("all digits");
            // the same reference in another case is the same reference
            assertThatThrownBy(() -> register.record("B", " cqm-1", Fixtures.evaluated("cqm/cqm-five-star.json", null)))
                    .hasMessage("reference 'cqm-1' is already in the register (certificate 1, as 'CQM-1')")
                    .extracting(e -> ((RegisterException) e).kind()).isEqualTo(RegisterException.Kind.REFUSED);
            assertThat(register.find("cqm-1").number()).isEqualTo(1);
            assertThat(register.list(null)).hasSize(1);
            // the refusals used up no number
            assertThat(register.record("C", "CQM-2", Fixtures.evaluated("cqm/cqm-five-star.json", null)).number())
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void searchFindsOrganisationsAndReferencesInAnyCase(Databases db) {
        try (Register register = open(db)) {
            register.record("Example Service Co.", "CQM-1", Fixtures.evaluated("cqm/cqm-five-star.json", null));
            register.record("示例电器有限公司", "ZG-1", Fixtures.evaluated("zg025-combined.json", null));
            register.record("100% Pure_Service", null, Fixtures.evaluated("cqm/cqm-five-star.json", null));
            assertThat(register.list("service")).extracting(CertificateView::number).containsExactly(1L, 3L);
            assertThat(register.list("zg-")).extracting(CertificateView::number).containsExactly(2L);
            assertThat(register.list("电器")).extracting(CertificateView::number).containsExactly(2L);
            assertThat(register.list("%")).extracting(CertificateView::number).containsExactly(3L);
            assertThat(register.list("_s")).extracting(CertificateView::number).containsExactly(3L);
            assertThat(register.list(null)).hasSize(3);
            // a listing reads no result (the bulk of an entry); the full export and one certificate do
            assertThat(register.list(null)).flatExtracting(CertificateView::history)
                    .extracting(CertificateEvent::resultJson).containsOnlyNulls();
            assertThat(register.listWithResults()).flatExtracting(CertificateView::history)
                    .extracting(CertificateEvent::resultJson).containsExactly("{\"grade\":\"五星级\"}",
                            "{\"grade\":\"九星级\"}", "{\"grade\":\"五星级\"}");
            assertThat(register.find("2").current().resultJson()).isEqualTo("{\"grade\":\"九星级\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aPageHoldsAtMostItsLimitAfterANumberFilteredAsAListing(Databases db) {
        try (Register register = open(db)) {
            for (int i = 1; i <= 5; i++) {
                register.record(i % 2 == 0 ? "Even Service Co. " + i : "Odd Service Co. " + i, null,
                        Fixtures.evaluated("cqm/cqm-five-star.json", null));
            }
            assertThat(register.page(Listing.all(), 0, 2)).extracting(CertificateView::number).containsExactly(1L, 2L);
            assertThat(register.page(Listing.all(), 2, 2)).extracting(CertificateView::number).containsExactly(3L, 4L);
            assertThat(register.page(Listing.all(), 4, 2)).extracting(CertificateView::number).containsExactly(5L);
            assertThat(register.page(Listing.all(), 5, 2)).isEmpty();
            Listing odd = new Listing("odd", java.util.Set.of(State.ACTIVE), "cqm");
            assertThat(register.page(odd, 1, 1)).extracting(CertificateView::number).containsExactly(3L);
            assertThat(register.page(odd, 0, 10)).extracting(CertificateView::number).containsExactly(1L, 3L, 5L);
            assertThat(register.page(odd, 0, 10).get(0).history()).hasSize(1)
                    .extracting(CertificateEvent::resultJson).containsOnlyNulls();
            assertThat(register.page(new Listing(null, java.util.Set.of(State.REVOKED), null), 0, 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void zg025SurveillanceGivesTheNewGrade(Databases db) {
        try (Register register = open(db)) {
            register.record("示例电器有限公司", null, Fixtures.evaluated("zg025-combined.json", null));
            // the same assessment a year later: 9 stars again, kept
            CertificateView kept = register.surveil("1", Fixtures.evaluated("zg025-combined.json", null)
                    .withDate(LocalDate.of(2027, 11, 18)), Optional.empty());
            assertThat(kept.current().decision()).isEqualTo("keep");
            assertThat(kept.stars()).isEqualTo(9);
            assertThat(kept.current().cycleStart()).isEqualTo(LocalDate.of(2026, 11, 20));
            // a re-evaluation starts a new cycle
            CertificateView again = register.reevaluate("1", Fixtures.evaluated("zg025-combined.json", null)
                    .withDate(LocalDate.of(2029, 11, 1)), Optional.empty());
            assertThat(again.current().cycleStart()).isEqualTo(LocalDate.of(2029, 11, 1));
            DueReport due = register.due(LocalDate.of(2032, 12, 31), LocalDate.of(2029, 11, 2), Fixtures::variant);
            assertThat(due.items()).extracting(DueItem::due)
                    .containsExactly(LocalDate.of(2030, 11, 1), LocalDate.of(2032, 11, 1));
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void failingAssessmentIssuesNoCertificate(Databases db) {
        try (Register register = open(db)) {
            // category B.6 at 14 of 30 points, under the 50 % every category needs (Annex B)
            EvaluatedAssessment annexB = Fixtures.evaluated("gbt27922-annex-b.yaml", null);
            assertThatThrownBy(() -> register.record("A", null, annexB)).isInstanceOf(RegisterException.class)
                    .hasMessageContaining("reaches no level (未达标), so no certificate can be issued")
                    .hasMessageContaining("B.6")
                    .extracting(e -> ((RegisterException) e).kind()).isEqualTo(RegisterException.Kind.REFUSED);
            assertThat(register.list(null)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void overlongTextsAreBadInputNotDatabaseErrors(Databases db) {
        try (Register register = open(db)) {
            assertThatThrownBy(() -> register.record("x".repeat(1001), null,
                    Fixtures.evaluated("cqm/cqm-five-star.json", null))).isInstanceOf(RegisterException.class)
                    .hasMessage("the organisation is 1001 characters long; the register keeps at most 1000")
                    .extracting(e -> ((RegisterException) e).kind()).isEqualTo(RegisterException.Kind.INPUT);
            // counted in characters as people count them: 1000 emoji fit, 1001 do not (2002 UTF-16 units)
            String emoji = "\uD83D\uDE00";
            assertThatThrownBy(() -> register.record(emoji.repeat(1001), null,
                    Fixtures.evaluated("cqm/cqm-five-star.json", null)))
                    .hasMessage("the organisation is 1001 characters long; the register keeps at most 1000");
            assertThat(register.record(emoji.repeat(1000), emoji.repeat(200), Fixtures.evaluated("cqm/cqm-five-star.json",
                    null)).certificate().organisation()).isEqualTo(emoji.repeat(1000));
            assertThatThrownBy(() -> register.incident("1", Fixtures::variantOf, "negativeInformation",
                    LocalDate.of(2026, 11, 1), emoji.repeat(10_001)))
                    .hasMessage("the note is 10001 characters long; the register keeps at most 10000");
            assertThat(register.incident("1", Fixtures::variantOf, "negativeInformation", LocalDate.of(2026, 11, 1),
                    emoji.repeat(10_000)).current().reason()).endsWith("; " + emoji.repeat(10_000));
            CertificateView c = register.record("A", "  R-7 ", Fixtures.evaluated("cqm/cqm-five-star.json", null));
            assertThat(c.certificate().reference()).isEqualTo("R-7");
            assertThat(register.find("R-7").number()).isEqualTo(c.number());
        }
    }

    private static byte[] read(String example) throws Exception {
        return Files.readAllBytes(Fixtures.example(example));
    }

    static List<Databases> all() {
        return List.of(Databases.values());
    }
}
