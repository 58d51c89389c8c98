package io.github.aftersales.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readings of the standards as switches through the real command line: listed by {@code schemes --readings},
 * chosen with {@code --reading KEY=VALUE} or in the file's {@code options.readings}, shown as "read with:", and
 * refused with one line and exit 2 (the option) or 3 (the file).
 */
class ReadingsCliTest {

    @TempDir
    Path work;

    /**
     * examples/cqm/cqm-five-star.json (five stars, onSiteDate 2026-10-15) with a major complaint not rectified
     * 18 months before, 2025-04-15, and {@code options} as given (JSON members, or "").
     */
    Path cqmWithOpenComplaint(String options) throws Exception {
        String json = Files.readString(Path.of("examples/cqm/cqm-five-star.json"))
                .replace("\"events\": []", "\"events\": [{\"type\": \"majorComplaint\", \"date\": \"2025-04-15\","
                        + " \"rectified\": false}]");
        assertThat(json).contains("2025-04-15");
        if (!options.isEmpty()) {
            json = json.replace("\"variant\": \"star\",", "\"variant\": \"star\", \"options\": {" + options + "},");
            assertThat(json).contains("\"options\"");
        }
        Path file = work.resolve("complaint.json");
        Files.writeString(file, json);
        return file;
    }

    CliProcess.Ran run(String... args) throws Exception {
        return CliProcess.run(work, List.of(), args);
    }

    @Test
    void schemesListsEveryReadingWithItsDefaultAlternativesAndClause() throws Exception {
        CliProcess.Ran text = run("schemes", "--readings");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("cqm.majorComplaintWindow  (cqm star)\n",
                "    clause:   CQM/F-RZ-ZY-06-001 6.2, 四星级 4., 三星级 3., 二星级 3.\n",
                "    default:  24 months — counted in the 2 years before onSiteDate",
                "    or:       12 months — counted in the 12 months before onSiteDate",
                "cqm.negativeInformationWindow", "cqm.unrectifiedComplaintWindow", "cqm.surveillanceRegrading",
                "cqm.cannotBeRectified  (cqm star)\n", "    default:  not-rectified — ",
                "    or:       judged-unrectifiable — ", "cqm.onSeriousEvent  (cqm star)\n",
                "    default:  keep-or-downgrade — surveillance never raises a level",
                "gbt27922.notApplicable  (gbt27922 form, annex-a1, annex-a2, annex-b)\n",
                "    default:  prorate — ", "    or:       full-points — ");
        CliProcess.Ran json = run("schemes", "--readings", "--format", "json");
        assertThat(json.exit()).isZero();
        JsonNode all = new ObjectMapper().readTree(json.out());
        List<String> keys = new ArrayList<>();
        for (JsonNode r : all) {
            keys.add(r.get("key").asText());
            List<String> values = new ArrayList<>();
            r.get("alternatives").forEach(a -> values.add(a.get("value").asText()));
            assertThat(values).as(r.get("key").asText()).contains(r.get("default").asText()).hasSizeGreaterThan(1);
            assertThat(r.get("clause").asText()).isNotBlank();
        }
        assertThat(keys).containsExactly("gbt27922.notApplicable", "cqm.majorComplaintWindow",
                "cqm.negativeInformationWindow", "cqm.managementAudit", "cqm.unrectifiedComplaintWindow",
                "cqm.cannotBeRectified", "cqm.onSeriousEvent", "cqm.surveillanceRegrading");
        assertThat(run("schemes", "--format", "json").exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aReadingOnTheCommandLineOrInTheFileChangesTheGradeAndIsShown() throws Exception {
        // 6.2: with the default 24-month window the open complaint fails four to two stars: one star. With 12 months
        // it is outside the window for four stars, and five stars' own 2-year window keeps the grade at four.
        CliProcess.Ran dflt = run("evaluate", "--lang", "en", cqmWithOpenComplaint("").toString());
        assertThat(dflt.exit()).isZero();
        assertThat(dflt.out()).contains("一星级").contains("    read with: cqm.majorComplaintWindow = 24 months (default)\n");
        CliProcess.Ran cli = run("evaluate", "--lang", "en", "--reading", "cqm.majorComplaintWindow=12",
                cqmWithOpenComplaint("").toString());
        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).contains("四星级")
                .contains("    read with: cqm.majorComplaintWindow = 12 months (chosen on the command line)\n");
        CliProcess.Ran file = run("evaluate", "--format", "json",
                cqmWithOpenComplaint("\"readings\": {\"cqm.majorComplaintWindow\": 12}").toString());
        JsonNode result = new ObjectMapper().readTree(file.out()).get("assessments").get(0).get("schemes").get(0);
        assertThat(result.get("stars").asInt()).isEqualTo(4);
        assertThat(result.get("readings").get(0).get("text").asText())
                .isEqualTo("cqm.majorComplaintWindow = 12 months (chosen in the assessment)");
        CliProcess.Ran zh = run("evaluate", "--lang", "zh", "--format", "md", "--reading", "cqm.majorComplaintWindow=12",
                cqmWithOpenComplaint("").toString());
        assertThat(zh.out()).contains("- 采用的解读：cqm.majorComplaintWindow = 12 个月（命令行中选定）\n");
    }

    @Test
    void theOlderNotApplicableOptionIsAnAliasOfItsReading() throws Exception {
        CliProcess.Ran alias = run("evaluate", "--lang", "en", "--not-applicable", "full-points",
                "examples/gbt27922-form.json");
        assertThat(alias.exit()).isZero();
        assertThat(alias.out()).contains("    read with: gbt27922.notApplicable = full-points (chosen on the command line)\n");
        CliProcess.Ran reading = run("evaluate", "--lang", "en", "--reading", "gbt27922.notApplicable=full-points",
                "examples/gbt27922-form.json");
        assertThat(reading.out()).isEqualTo(alias.out());
    }

    @Test
    void surveilTakesReadingsToo() throws Exception {
        // CQM 6.4 speaks of downgrading only: by default a five-star surveillance keeps a three-star certificate
        CliProcess.Ran kept = run("surveil", "--level", "3", "--lang", "en", "examples/cqm/cqm-five-star.json");
        assertThat(kept.exit()).isZero();
        assertThat(kept.out()).contains("read with: cqm.surveillanceRegrading = keep-or-downgrade (default)");
        CliProcess.Ran raised = run("surveil", "--level", "3", "--format", "json", "--reading",
                "cqm.surveillanceRegrading=new-grade", "examples/cqm/cqm-five-star.json");
        JsonNode d = new ObjectMapper().readTree(raised.out());
        assertThat(d.get("decision").asText()).isEqualTo("upgrade");
        assertThat(d.get("stars").asInt()).isEqualTo(5);
        assertThat(d.get("readings").get(0).get("source").asText()).isEqualTo("command line");
        // 6.4 names no window for an unrectified complaint: with none, the 18-month-old one suspends
        CliProcess.Ran suspended = run("surveil", "--level", "4", "--format", "json", "--reading",
                "cqm.unrectifiedComplaintWindow=none", cqmWithOpenComplaint("").toString());
        assertThat(new ObjectMapper().readTree(suspended.out()).get("decision").asText()).isEqualTo("suspend");
        CliProcess.Ran downgraded = run("surveil", "--level", "4", "--format", "json",
                cqmWithOpenComplaint("").toString());
        assertThat(new ObjectMapper().readTree(downgraded.out()).get("decision").asText()).isEqualTo("downgrade");
    }

    @Test
    void whatCannotBeRectifiedAndSuspendOrRevokeAreReadingsAndOnSeriousIsAnotherNameForTheSecond() throws Exception {
        // the bundled example's complaint of 2026-06-20 is verified and not rectified ("至今未整改"), nothing more
        String example = "examples/cqm/surveillance-unrectified-complaint.json";
        CliProcess.Ran dflt = run("surveil", "--level", "5", "--lang", "en", example);
        assertThat(dflt.out()).contains("→ SUSPEND", "    read with: cqm.cannotBeRectified = not-rectified (default)\n",
                "    read with: cqm.onSeriousEvent = suspend (default)\n");
        // read as "judged impossible to rectify": no serious event; the grade counts it (6.2: one star)
        CliProcess.Ran judged = run("surveil", "--level", "5", "--format", "json", "--reading",
                "cqm.cannotBeRectified=judged-unrectifiable", example);
        JsonNode d = new ObjectMapper().readTree(judged.out());
        assertThat(d.get("decision").asText()).isEqualTo("downgrade");
        assertThat(d.get("stars").asInt()).isEqualTo(1);
        CliProcess.Ran alias = run("surveil", "--level", "5", "--lang", "en", "--on-serious", "revoke", example);
        CliProcess.Ran reading = run("surveil", "--level", "5", "--lang", "en", "--reading", "cqm.onSeriousEvent=revoke",
                example);
        assertThat(alias.exit()).isZero();
        assertThat(alias.out()).contains("→ REVOKE", "revoke (chosen for this surveillance)",
                "    read with: cqm.onSeriousEvent = revoke (chosen on the command line)\n").isEqualTo(reading.out());
        CliProcess.Ran conflict = run("surveil", "--level", "5", "--on-serious", "revoke", "--reading",
                "cqm.onSeriousEvent=suspend", example);
        assertThat(conflict.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(conflict.err()).isEqualTo("error: --on-serious revoke and --reading cqm.onSeriousEvent=suspend"
                + " disagree; --on-serious is another name for that reading: give one\n");
    }

    @Test
    void aCertificateRecordedWithAReadingSaysSoInItsEntryAndItsProvenance() throws Exception {
        // the open complaint of 2025-04-15 is 18 months before onSiteDate: one star with the default 24-month
        // window, four stars with 12 (ReadingsTest); the register grades as evaluate does
        String register = work.resolve("register").toString();
        Path file = cqmWithOpenComplaint("");
        CliProcess.Ran recorded = run("register", "record", file.toString(), "--reading", "cqm.majorComplaintWindow=12",
                "--register", register);
        assertThat(recorded.exit()).as(recorded.err()).isZero();
        assertThat(recorded.out()).contains("cqm star, 四星级 (4 stars), issued 2026-10-15");
        CliProcess.Ran show = run("register", "show", "1", "--register", register);
        assertThat(show.out()).contains("issued at 四星级 (four stars, 4 stars) on complaint.json\n",
                "read with: cqm.majorComplaintWindow = 12 months (chosen on the command line)\n");
        JsonNode shown = new ObjectMapper().readTree(run("register", "show", "1", "--format", "json", "--register",
                register).out());
        assertThat(shown.toString()).contains("\"key\":\"cqm.majorComplaintWindow\",\"value\":\"12\"",
                "\"source\":\"command line\"");
        // without it the same file records one star, and its entry names no reading (the defaults are the scheme's)
        CliProcess.Ran plain = run("register", "record", file.toString(), "--register", register);
        assertThat(plain.out()).contains("一星级 (1 star)");
        assertThat(run("register", "show", "2", "--register", register).out()).doesNotContain("read with");
        CliProcess.Ran bad = run("register", "record", file.toString(), "--reading", "cqm.majorComplaintWindow=18",
                "--register", register);
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).isEqualTo("error: --reading cqm.majorComplaintWindow=18: '18' is not a value of"
                + " cqm.majorComplaintWindow; allowed: 24, 12\n");
    }

    /** examples/cqm/surveillance-unrectified-complaint.json with {@code options} (JSON members), as complaint-N.json. */
    Path unrectifiedWith(String options, String name) throws Exception {
        String json = Files.readString(Path.of("examples/cqm/surveillance-unrectified-complaint.json"))
                .replace("\"variant\": \"star\",", "\"variant\": \"star\", \"options\": {" + options + "},");
        assertThat(json).contains("\"options\"");
        return Files.writeString(work.resolve(name), json);
    }

    @Test
    void registerSurveilAndReevaluateTakeReadingsForTheRunOverTheFile() throws Exception {
        // five certificates of the five-star example (onSiteDate 2026-10-15); the surveillance of 2026-11-12 lists
        // a verified major complaint of 2026-06-20 not rectified: by default a serious event (6.4), suspended
        String register = work.resolve("register").toString();
        for (int i = 0; i < 5; i++) {
            assertThat(run("register", "record", "examples/cqm/cqm-five-star.json", "--register", register).exit())
                    .isZero();
        }
        String unrectified = "examples/cqm/surveillance-unrectified-complaint.json";
        // read as "judged impossible to rectify" it is no serious event; the grade counts it (6.2: one star)
        CliProcess.Ran judged = run("register", "surveil", "1", unrectified, "--reading",
                "cqm.cannotBeRectified=judged-unrectifiable", "--register", register);
        assertThat(judged.exit()).as(judged.err()).isZero();
        assertThat(judged.out()).startsWith("certificate 1, surveillance of 2026-11-12: downgrade — active, 五星级 (5"
                + " stars) → active, 一星级 (1 star)\n");
        // the same read by the file alone: the same decision
        CliProcess.Ran inFile = run("register", "surveil", "2", unrectifiedWith("\"readings\":"
                + " {\"cqm.cannotBeRectified\": \"judged-unrectifiable\"}", "judged.json").toString(), "--register",
                register);
        assertThat(inFile.out()).contains("downgrade — active, 五星级 (5 stars) → active, 一星级 (1 star)\n");
        // the command line overrides the file: the file says revoke, the run suspend
        Path revoke = unrectifiedWith("\"readings\": {\"cqm.onSeriousEvent\": \"revoke\"}", "revoke.json");
        CliProcess.Ran suspended = run("register", "surveil", "3", revoke.toString(), "--reading",
                "cqm.onSeriousEvent=suspend", "--register", register);
        assertThat(suspended.exit()).as(suspended.err()).isZero();
        assertThat(suspended.out()).contains(": suspend — active, 五星级 (5 stars) → suspended, 五星级 (5 stars)\n",
                "  suspend (chosen for this surveillance) for serious events");
        // a re-evaluation too: the complaint read as judged unrectifiable leaves the grade, one star, to stand
        CliProcess.Ran reevaluated = run("register", "reevaluate", "4", unrectified, "--reading",
                "cqm.cannotBeRectified=judged-unrectifiable", "--register", register);
        assertThat(reevaluated.exit()).as(reevaluated.err()).isZero();
        assertThat(reevaluated.out()).contains("certificate 4, re-evaluation of 2026-11-12: regrade — active, 五星级"
                + " (5 stars) → active, 一星级 (1 star)\n");
        // and the file's revoke, overridden for the run, suspends
        CliProcess.Ran overridden = run("register", "reevaluate", "5", revoke.toString(), "--reading",
                "cqm.onSeriousEvent=suspend", "--register", register);
        assertThat(overridden.out()).contains(": suspend — active, 五星级 (5 stars) → suspended, 五星级 (5 stars)\n");
        // --on-serious is another name for the reading: the same decision, and disagreeing is a usage error
        CliProcess.Ran alias = run("register", "surveil", "3", unrectified, "--on-serious", "revoke", "--register",
                register);
        assertThat(alias.exit()).as(alias.err()).isZero();
        assertThat(alias.out()).contains(": revoke — suspended, 五星级 (5 stars) → revoked, — (0 stars)\n");
        for (String command : List.of("surveil", "reevaluate")) {
            CliProcess.Ran conflict = run("register", command, "5", unrectified, "--on-serious", "revoke",
                    "--reading", "cqm.onSeriousEvent=suspend", "--register", register);
            assertThat(conflict.exit()).as(command).isEqualTo(ExitCode.USAGE);
            assertThat(conflict.err()).isEqualTo("error: --on-serious revoke and --reading cqm.onSeriousEvent=suspend"
                    + " disagree; --on-serious is another name for that reading: give one\n");
            CliProcess.Ran bad = run("register", command, "5", unrectified, "--reading", "cqm.majorComplaintWindow=18",
                    "--register", register);
            assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(bad.err()).isEqualTo("error: --reading cqm.majorComplaintWindow=18: '18' is not a value of"
                    + " cqm.majorComplaintWindow; allowed: 24, 12\n");
        }
        // nothing refused was recorded: certificate 5 holds its issue and the one re-evaluation
        assertThat(new ObjectMapper().readTree(run("register", "show", "5", "--format", "json", "--register", register)
                .out()).toString()).doesNotContain("\"decision\":\"revoke\"");
    }

    @Test
    void aSurveillanceOrReEvaluationEntrySaysTheReadingsThatDecidedItAsSurveilDoes() throws Exception {
        String register = work.resolve("register").toString();
        for (int i = 0; i < 4; i++) {
            assertThat(run("register", "record", "examples/cqm/cqm-five-star.json", "--register", register).exit())
                    .isZero();
        }
        String unrectified = "examples/cqm/surveillance-unrectified-complaint.json";
        // by default the complaint not rectified is a serious event and suspends: the readings of both, as surveil
        CliProcess.Ran suspended = run("register", "surveil", "1", unrectified, "--register", register);
        assertThat(suspended.exit()).as(suspended.err()).isZero();
        assertThat(suspended.out()).contains("  read with: cqm.cannotBeRectified = not-rectified (default)\n",
                "  read with: cqm.onSeriousEvent = suspend (default)\n");
        assertThat(run("surveil", "--level", "5", "--lang", "en", unrectified).out())
                .contains("    read with: cqm.cannotBeRectified = not-rectified (default)\n",
                        "    read with: cqm.onSeriousEvent = suspend (default)\n");
        // stored: show says it too
        assertThat(run("register", "show", "1", "--register", register).out())
                .contains("read with: cqm.onSeriousEvent = suspend (default)\n");
        // read otherwise it downgrades: the reading chosen, and the default window that decided the grade (6.2)
        CliProcess.Ran downgraded = run("register", "surveil", "2", unrectified, "--reading",
                "cqm.cannotBeRectified=judged-unrectifiable", "--register", register);
        assertThat(downgraded.out()).contains(
                "  read with: cqm.cannotBeRectified = judged-unrectifiable (chosen on the command line)\n",
                "  read with: cqm.majorComplaintWindow = 24 months (default)\n")
                .doesNotContain("cqm.onSeriousEvent");
        // a re-evaluation revoked with --on-serious names the reading it is another name for
        CliProcess.Ran revoked = run("register", "reevaluate", "3", unrectified, "--on-serious", "revoke", "--register",
                register);
        assertThat(revoked.out()).contains(": revoke — ", "  read with: cqm.onSeriousEvent = revoke (chosen on the"
                + " command line)\n", "  read with: cqm.cannotBeRectified = not-rectified (default)\n");
        // a re-evaluation's new grade names the readings chosen, as an issue does; defaults are the scheme's
        CliProcess.Ran regraded = run("register", "reevaluate", "4", unrectified, "--reading",
                "cqm.cannotBeRectified=judged-unrectifiable", "--register", register);
        assertThat(regraded.out()).contains(": regrade — ", "  read with: cqm.cannotBeRectified = judged-unrectifiable"
                + " (chosen on the command line)\n").doesNotContain("(default)");
    }

    @Test
    void anAuditOutcomeItsChecklistContradictsIsSaidInEveryFormatAndDerivedWhenChosen() throws Exception {
        // the five-star example with 4.2.3.2 (售后服务记录) not conforming beside managementAudit 'passed'
        Path file = work.resolve("audit.json");
        Files.writeString(file, Files.readString(Path.of("examples/cqm/cqm-five-star.json")).replace(
                "\"findings\": [", "\"findings\": [{\"id\": \"4.2.3.2\", \"result\": \"not-conform\", \"note\": \"无记录\"}, "));
        String said = "managementAudit is 'passed', though 4.2.3.2 of the 4.2 checklist does not conform: the stated"
                + " managementAudit is graded; check that it is the audit's conclusion";
        for (String format : List.of("text", "md", "json", "ndjson")) {
            CliProcess.Ran r = run("evaluate", "--lang", "en", "--format", format, file.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).as(format).contains(said).contains("cqm.managementAudit = stated (default)")
                    .contains("五星级");
        }
        CliProcess.Ran html = run("evaluate", "--lang", "en", "--format", "html", file.toString());
        assertThat(html.out()).contains(said.replace("'", "&#39;"));
        assertThat(run("evaluate", "--lang", "zh", file.toString()).out())
                .contains("managementAudit 为“passed”，但 4.2 检查表中 4.2.3.2 不符合：按陈述的 managementAudit 评定；请核实这是审核结论");
        // derived: the audit fails, and every level asks a passed audit (6.2 通过符合性审核)
        CliProcess.Ran derived = run("evaluate", "--lang", "en", "--reading", "cqm.managementAudit=derived",
                file.toString());
        assertThat(derived.out()).contains("不予评定等级").contains("managementAudit is 'failed', derived from the 4.2"
                + " checklist (cqm.managementAudit = derived): 4.2.3.2 does not conform; the stated 'passed' is not"
                + " graded").contains("    read with: cqm.managementAudit = derived (chosen on the command line)\n");
    }

    @Test
    void aComplaintBothRectifiedAndUnrectifiableIsRefusedWithItsPlace() throws Exception {
        // "rectified: true" and "cannotBeRectified: true" contradict each other: whichever the reading of 6.4,
        // the grade and the surveillance would rest on one of the two at random
        String json = Files.readString(Path.of("examples/cqm/cqm-five-star.json")).replace("\"events\": []",
                "\"events\": [\n        {\"type\": \"majorComplaint\", \"date\": \"2025-04-15\", \"rectified\": false},\n"
                        + "        {\"type\": \"majorComplaint\", \"date\": \"2025-05-15\", \"rectified\": true,"
                        + " \"cannotBeRectified\": true}\n      ]");
        Path file = Files.writeString(work.resolve("contradiction.json"), json);
        int line = 0;
        List<String> lines = json.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("2025-05-15")) {
                line = i + 1;
            }
        }
        String expected = "error: " + file + ":" + line + ":9: schemes[0].events[1]: a majorComplaint event says"
                + " rectified: true and cannotBeRectified: true, which contradict each other; at most one of rectified,"
                + " cannotBeRectified is true\n";
        for (List<String> args : List.of(List.of("evaluate"), List.of("evaluate", "--reading",
                "cqm.cannotBeRectified=judged-unrectifiable"), List.of("surveil", "--level", "5"))) {
            List<String> all = new ArrayList<>(args);
            all.add(file.toString());
            CliProcess.Ran r = run(all.toArray(String[]::new));
            assertThat(r.exit()).as(args.toString()).isEqualTo(ExitCode.INPUT);
            assertThat(r.err()).as(args.toString()).isEqualTo(expected);
        }
        // either alone is a complaint the scheme reads: rectified (four stars), or judged unrectifiable
        CliProcess.Ran rectified = run("evaluate", "--lang", "en", Files.writeString(work.resolve("rectified.json"),
                json.replace(", \"cannotBeRectified\": true", "")).toString());
        assertThat(rectified.exit()).as(rectified.err()).isZero();
        CliProcess.Ran unrectifiable = run("evaluate", "--lang", "en", Files.writeString(work.resolve("judged.json"),
                json.replace("\"rectified\": true, \"cannotBeRectified\"", "\"rectified\": false, \"cannotBeRectified\""))
                .toString());
        assertThat(unrectifiable.exit()).as(unrectifiable.err()).isZero();
    }

    @Test
    void anUnknownReadingOrValueIsOneLineNamingTheOptionOrTheFileAndPlace() throws Exception {
        Path file = cqmWithOpenComplaint("");
        CliProcess.Ran unknown = run("evaluate", "--reading", "cqm.majorComplaintWindows=12", file.toString());
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).startsWith("error: --reading cqm.majorComplaintWindows=12: no installed scheme has a"
                + " reading 'cqm.majorComplaintWindows'; readings: gbt27922.notApplicable, cqm.majorComplaintWindow,")
                .doesNotContain("\tat ");
        assertThat(unknown.err().lines()).hasSize(1);
        CliProcess.Ran value = run("evaluate", "--reading", "cqm.majorComplaintWindow=18", file.toString());
        assertThat(value.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(value.err()).isEqualTo("error: --reading cqm.majorComplaintWindow=18: '18' is not a value of"
                + " cqm.majorComplaintWindow; allowed: 24, 12\n");
        CliProcess.Ran noValue = run("surveil", "--level", "4", "--reading", "cqm.majorComplaintWindow", file.toString());
        assertThat(noValue.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noValue.err()).contains("write KEY=VALUE");
        CliProcess.Ran conflict = run("evaluate", "--not-applicable", "prorate", "--reading",
                "gbt27922.notApplicable=full-points", "examples/gbt27922-form.json");
        assertThat(conflict.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(conflict.err()).contains("disagree");
        Path bad = cqmWithOpenComplaint("\"readings\": {\"cqm.majorComplaintWindow\": 18}");
        CliProcess.Ran inFile = run("evaluate", bad.toString());
        assertThat(inFile.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(inFile.err()).matches("error: " + java.util.regex.Pattern.quote(bad.toString())
                + ":\\d+:\\d+: schemes\\[0\\]\\.options\\.readings\\.cqm\\.majorComplaintWindow: '18' is not a value of"
                + " this reading; allowed: 24, 12\\n");
    }
}
