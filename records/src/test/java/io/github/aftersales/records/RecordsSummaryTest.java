package io.github.aftersales.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small exports whose figures are worked out by hand in the comments, read as the command reads them. */
class RecordsSummaryTest {

    static final Path SMALL = Path.of("src/test/resources/records/small.csv");
    static final Path BAD = Path.of("src/test/resources/records/bad-rows.csv");

    static RecordsSummary summary(Path file, Mapping mapping) {
        try (RecordReader r = RecordReader.open(file, mapping)) {
            return RecordsSummary.read(r, mapping, null, null);
        }
    }

    @Test
    void theIndicatorsOfSixRecords() {
        RecordsSummary s = summary(SMALL, Mapping.defaults());
        assertThat(s.rows()).isEqualTo(6);
        assertThat(s.records()).isEqualTo(6);
        assertThat(s.skipped()).isZero();
        assertThat(s.firstDay()).isEqualTo("2026-03-02");
        assertThat(s.lastDay()).isEqualTo("2026-04-03");
        JsonNode o = s.json().get("overall");
        assertThat(o.get("requests").asLong()).isEqualTo(6);
        assertThat(o.get("open").asLong()).isEqualTo(1); // C2 has no resolved time
        // 响应时间, opened to first response: R1 30, R2 60, C1 10, C2 120, I1 5, Q1 1 minutes.
        // Sorted 1 5 10 30 60 120; nearest rank: median rank ⌈0.5·6⌉ = 3 → 10, p90 rank ⌈5.4⌉ = 6 → 120;
        // mean 226 / 6 = 37.67 → 37.7
        JsonNode response = o.get("responseTime");
        assertThat(response.get("count").asLong()).isEqualTo(6);
        assertThat(response.get("medianMinutes").asLong()).isEqualTo(10);
        assertThat(response.get("p90Minutes").asLong()).isEqualTo(120);
        assertThat(response.get("meanMinutes").decimalValue()).isEqualByComparingTo("37.7");
        assertThat(response.get("exact").asBoolean()).isTrue();
        // 解决时间, first response to resolved: R1 09:30→13:30 240, R2 11:00→next day 12:00 1500,
        // C1 08:10→next day 08:10 1440, I1 09:05→10:05 60, Q1 09:01→09:02 1 (C2 open).
        // Sorted 1 60 240 1440 1500: median rank 3 → 240, p90 rank ⌈4.5⌉ = 5 → 1500; mean 3241 / 5 = 648.2
        JsonNode resolution = o.get("resolutionTime");
        assertThat(resolution.get("count").asLong()).isEqualTo(5);
        assertThat(resolution.get("medianMinutes").asLong()).isEqualTo(240);
        assertThat(resolution.get("p90Minutes").asLong()).isEqualTo(1500);
        assertThat(resolution.get("meanMinutes").decimalValue()).isEqualByComparingTo("648.2");
        // within the promise, opened to resolved: R1 4 h 30 ≤ 8 yes; R2 26 h > 24 late; C1 24 h 10 ≤ 48 yes;
        // I1 1 h 05 ≤ 2 yes; C2 open and Q1 without a limit are not decided: 3 of 4 = 75 %
        JsonNode promise = o.get("withinPromise");
        assertThat(promise.get("decided").asLong()).isEqualTo(4);
        assertThat(promise.get("within").asLong()).isEqualTo(3);
        assertThat(promise.get("late").asLong()).isEqualTo(1);
        assertThat(promise.get("percent").decimalValue()).isEqualByComparingTo("75");
        // 首次解决率: resolved with 1 contact: R1, C1, Q1 (C2 has 1 contact but is open) of 6 that say = 50 %
        assertThat(o.get("firstContactResolution").get("resolvedAtFirstContact").asLong()).isEqualTo(3);
        assertThat(o.get("firstContactResolution").get("percent").decimalValue()).isEqualByComparingTo("50");
        // 顾客满意度指数: scores 5 3 4 2 5 (C2 none), mean 3.8 on 1..5: (3.8 − 1) / (5 − 1) × 100 = 70
        assertThat(o.get("satisfaction").get("scored").asLong()).isEqualTo(5);
        assertThat(o.get("satisfaction").get("meanScore").decimalValue()).isEqualByComparingTo("3.8");
        assertThat(o.get("satisfaction").get("index").decimalValue()).isEqualByComparingTo("70");
        // complaints C1 (resolved) and C2 (open): 1 of 2 = 50 %
        assertThat(o.get("complaints").get("received").asLong()).isEqualTo(2);
        assertThat(o.get("complaints").get("percent").decimalValue()).isEqualByComparingTo("50");
        assertThat(o.get("majorComplaints").get("count").asLong()).isEqualTo(1);
        assertThat(o.get("majorComplaints").get("rectified").asLong()).isEqualTo(1);
        assertThat(s.majorComplaints()).containsExactly(new RecordsSummary.MajorComplaint(4, "C1",
                Times.daysFromCivil(2026, 3, 10), Times.daysFromCivil(2026, 3, 20)));
    }

    @Test
    void theBreakdownsByTypeChannelAndMonth() {
        JsonNode j = summary(SMALL, Mapping.defaults()).json();
        assertThat(j.get("byType").fieldNames()).toIterable().containsExactly("repair", "installation", "complaint",
                "consultation");
        // repairs: response 30 and 60; median rank 1 → 30, p90 rank ⌈1.8⌉ = 2 → 60
        JsonNode repair = j.get("byType").get("repair");
        assertThat(repair.get("requests").asLong()).isEqualTo(2);
        assertThat(repair.get("responseTime").get("medianMinutes").asLong()).isEqualTo(30);
        assertThat(repair.get("responseTime").get("p90Minutes").asLong()).isEqualTo(60);
        // R1 within, R2 late: 50 %
        assertThat(repair.get("withinPromise").get("percent").decimalValue()).isEqualByComparingTo("50");
        assertThat(repair.get("complaints").get("percent").isNull()).isTrue();
        assertThat(j.get("byChannel").get("phone").get("requests").asLong()).isEqualTo(3);
        assertThat(j.get("byChannel").get("online").get("requests").asLong()).isEqualTo(3);
        // March: R1 R2 C1; April: C2 I1 Q1 (Q1 written 2026/4/3 9:00)
        assertThat(j.get("byMonth").fieldNames()).toIterable().containsExactly("2026-03", "2026-04");
        assertThat(j.get("byMonth").get("2026-03").get("complaints").get("percent").decimalValue())
                .isEqualByComparingTo("100");
        assertThat(j.get("byMonth").get("2026-04").get("complaints").get("percent").decimalValue())
                .isEqualByComparingTo("0");
    }

    @Test
    void badRowsAreNamedByLineAndColumnAndSkipped() {
        RecordsSummary s = summary(BAD, Mapping.defaults());
        // 9 data rows (B7's quoted channel spans lines 8 and 9; line 11 is blank): B7 and G1 are good
        assertThat(s.rows()).isEqualTo(9);
        assertThat(s.records()).isEqualTo(2);
        assertThat(s.skipped()).isEqualTo(7);
        assertThat(s.problems()).extracting(p -> p.describe("bad-rows.csv")).containsExactly(
                "bad-rows.csv:2:4: opened: '2026-13-01 09:00' is not a date-time like 2026-03-02 09:15",
                "bad-rows.csv:3:2: type: 'warranty' is not a request type (repair, installation, maintenance, complaint,"
                        + " consultation, return, other) nor mapped to one in the mapping's types",
                "bad-rows.csv:4:5: first_response: 2026-03-01 08:00 is before the request was opened (2026-03-01 09:00)",
                "bad-rows.csv:5:6: resolved: 2026-03-01 09:30 is before the first response (2026-03-01 10:00)",
                "bad-rows.csv:6:9: satisfaction: '6' is not a score from 1 to 5 (the mapping's satisfactionScale)",
                "bad-rows.csv:7: has 4 fields, the header 11",
                "bad-rows.csv:10:10: major_complaint: marks a repair request as a major complaint: only a complaint can"
                        + " be one");
        JsonNode j = s.json();
        assertThat(j.get("byChannel").fieldNames()).toIterable().containsExactly("phone", "phone\r\nline");
        // G1 opened 23:59 on 28 February: February; resolved 01:00, 61 minutes after, within its 1.5 hours
        assertThat(j.get("byMonth").fieldNames()).toIterable().containsExactly("2026-02", "2026-03");
        assertThat(j.get("byType").get("complaint").get("withinPromise").get("within").asLong()).isEqualTo(1);
    }

    @Test
    void aMappingReadsABodysOwnExport(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("导出.csv");
        Files.writeString(csv, "工单号,类型,渠道,受理时间,首次响应,完成时间,联系次数,承诺时限,满意度,重大投诉,整改日期\n"
                + "W1,维修,电话,2026/3/2 9:00,2026/3/2 9:20,2026/3/2 11:20,1,2,8,否,\n"
                + "T1,投诉,微信,2026/3/3 9:00,2026/3/3 9:05,2026/3/5 9:05,2,24,6,是,\n", Charset.forName("GB18030"));
        Mapping m = Mapping.read(Path.of("src/test/resources/records/gb18030-mapping.yaml"));
        RecordsSummary s = summary(csv, m);
        assertThat(s.skipped()).as("%s", s.problems()).isZero();
        JsonNode o = s.json().get("overall");
        // scores 8 and 6 on 0..10: mean 7, index (7 − 0) / 10 × 100 = 70
        assertThat(o.get("satisfaction").get("index").decimalValue()).isEqualByComparingTo("70");
        // W1 2 h 20 > 2 h, T1 48 h 05 > 24 h: both late
        assertThat(o.get("withinPromise").get("late").asLong()).isEqualTo(2);
        // response 20 and 5 minutes: median rank 1 → 5, p90 rank 2 → 20
        assertThat(o.get("responseTime").get("medianMinutes").asLong()).isEqualTo(5);
        assertThat(o.get("responseTime").get("p90Minutes").asLong()).isEqualTo(20);
        assertThat(o.get("majorComplaints").get("count").asLong()).isEqualTo(1);
        assertThat(o.get("majorComplaints").get("rectified").asLong()).isZero();
        assertThat(s.byChannel()).containsOnlyKeys("电话", "微信");

        // the same bytes without the mapping's encoding: one error, with the cure
        assertThatThrownBy(() -> summary(csv, Mapping.defaults())).isInstanceOf(RecordsException.class)
                .hasMessageContaining("导出.csv:1:1: is not text in the export's encoding here")
                .hasMessageContaining("encoding: GB18030");
    }

    @Test
    void aFileThatIsNoExportIsOneError(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThatThrownBy(() -> summary(empty, Mapping.defaults())).hasMessage(empty
                + ": the file is empty: an export starts with a header row naming its columns");
        Path other = Files.writeString(dir.resolve("other.csv"), "ticket,kind,when\n1,repair,2026-03-01 09:00\n");
        assertThatThrownBy(() -> summary(other, Mapping.defaults())).hasMessage(other + ":1:1: not a service-record"
                + " export this mapping reads: the header has no column for id ('id'), type ('type'), opened ('opened');"
                + " its columns: ticket, kind, when (map the export's own names with --mapping, docs/records.md)");
        Path zip = dir.resolve("export.csv");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThatThrownBy(() -> summary(zip, Mapping.defaults())).hasMessage(zip + ": is a zip file but not an xlsx"
                + " workbook: save the export as CSV (UTF-8) or as an Excel workbook (.xlsx)");
        Path unclosed = Files.writeString(dir.resolve("unclosed.csv"), "id,type,opened\n\"" + "x".repeat(70_000));
        assertThatThrownBy(() -> summary(unclosed, Mapping.defaults())).hasMessageContaining(unclosed + ":2:1: a field"
                + " longer than 65536 characters");
    }

    @Test
    void badMappingsAreNamed(@TempDir Path dir) throws Exception {
        Path m = Files.writeString(dir.resolve("m.yaml"), "columns: {opend: 受理时间}\n");
        assertThatThrownBy(() -> Mapping.read(m)).hasMessageStartingWith(m + ": columns.opend: not a field of a service"
                + " record; the fields: id, type, channel, opened,");
        Files.writeString(m, "types: {保修: warranty}\n");
        assertThatThrownBy(() -> Mapping.read(m)).hasMessageStartingWith(m + ": types.保修: 'warranty' is not a request type");
        Files.writeString(m, "trueWords: [yes]\n");
        assertThatThrownBy(() -> Mapping.read(m)).hasMessageContaining("write the word in quotes");
        Files.writeString(m, "columns: {id: 编号, type: 编号}\n");
        assertThatThrownBy(() -> Mapping.read(m)).hasMessage(m + ": columns: '编号' names both id and type");
        Files.writeString(m, "encodng: GBK\n");
        assertThatThrownBy(() -> Mapping.read(m)).hasMessageContaining("unknown key 'encodng'; allowed: columns,");
    }

    @Test
    void theHistogramIsExactToTheMinuteForAWeekAndToTheHourAfter() {
        Histogram h = new Histogram();
        // 10 durations: 1..9 minutes and one of 10 days 0 h 30 m 59 s
        for (int m = 1; m <= 9; m++) {
            h.add(m * 60L + 59);
        }
        h.add(10 * 86_400L + 30 * 60 + 59);
        assertThat(h.quantileMinutes(50)).isEqualTo(5); // rank 5
        assertThat(h.exact(50)).isTrue();
        assertThat(h.quantileMinutes(90)).isEqualTo(9); // rank 9
        // rank 10 is the 10-day one, in the hour grid: the start of its hour, 14400 minutes, not exact
        assertThat(h.quantileMinutes(100)).isEqualTo(14_400);
        assertThat(h.exact(100)).isFalse();
        assertThat(h.countBelow(5)).isEqualTo(4);
    }

    @Test
    void datesAndTimesAreReadOnlyAsWritten() {
        assertThat(Times.dateTime("2024-02-29 23:59:59", null)).isEqualTo(Times.daysFromCivil(2024, 2, 29) * 86_400
                + 86_399);
        assertThat(Times.dateTime("2023-02-29 10:00", null)).isEqualTo(Times.INVALID);
        assertThat(Times.dateTime("2026-03-02 24:00", null)).isEqualTo(Times.INVALID);
        assertThat(Times.dateTime("2026-03-02", null)).isEqualTo(Times.INVALID);
        assertThat(Times.dateTime("2026-03-02 9:5", null)).isEqualTo(Times.INVALID);
        assertThat(Times.dateTime("2026-03/02 09:05", null)).isEqualTo(Times.INVALID);
        assertThat(Times.daysFromCivil(1970, 1, 1)).isZero();
        // the month of a day, against java.time, across leap years and ends of months
        for (long day = Times.daysFromCivil(1900, 1, 1); day <= Times.daysFromCivil(2100, 12, 31); day += 13) {
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
            assertThat(Times.monthOfDay(day)).as("%s", d).isEqualTo(d.getYear() * 12 + d.getMonthValue() - 1);
        }
        assertThat(Times.daysFromCivil(2026, 3, 2)).isEqualTo(java.time.LocalDate.of(2026, 3, 2).toEpochDay());
        assertThat(RecordReader.thousandths("4.5")).isEqualTo(4500);
        assertThat(RecordReader.thousandths("4.5555")).isEqualTo(Long.MIN_VALUE);
        assertThat(RecordReader.thousandths("1e3")).isEqualTo(Long.MIN_VALUE);
    }
}
