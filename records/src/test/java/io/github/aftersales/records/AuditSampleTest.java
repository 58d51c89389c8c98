package io.github.aftersales.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples that can be drawn again, from the seed and the records alone. */
class AuditSampleTest {

    private static AuditSample draw(Path file, int n, long seed, boolean stratified) {
        AuditSample sample = new AuditSample(n, seed, stratified);
        try (RecordReader r = RecordReader.open(file, Mapping.defaults())) {
            RecordsSummary.read(r, Mapping.defaults(), null, sample);
        }
        return sample;
    }

    @Test
    void theKeyIsTheDocumentedOne() {
        // worked out independently (Python): h = FNV-1a 64 over the UTF-16 code units of the id,
        // key = splitmix64_finaliser(h ^ splitmix64_finaliser(seed)) >>> 1
        assertThat(AuditSample.key("R1", 7)).isEqualTo(4983161895352915170L);
        assertThat(AuditSample.key("C2", 7)).isEqualTo(6320699676996147792L);
        assertThat(AuditSample.key("工单1", 7)).isEqualTo(8084327965048350080L);
        assertThat(AuditSample.key("R1", -1)).isEqualTo(8301951943348177461L);
    }

    @Test
    void theSameSeedDrawsTheSameRecordsWhateverTheirOrder(@TempDir Path dir) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add("S" + i + ",repair,phone,2026-0" + (1 + i % 3) + "-10 09:00,2026-0" + (1 + i % 3)
                    + "-10 09:30,2026-0" + (1 + i % 3) + "-10 " + (10 + i % 12) + ":00,1,4,,,");
        }
        String header = "id,type,channel,opened,first_response,resolved,contacts,promised_hours,satisfaction,"
                + "major_complaint,rectified_on\n";
        Path a = Files.writeString(dir.resolve("a.csv"), header + String.join("\n", rows) + "\n");
        Collections.shuffle(rows, new Random(1));
        Path b = Files.writeString(dir.resolve("b.csv"), header + String.join("\n", rows) + "\n");
        List<String> first = draw(a, 20, 42, false).entries().stream().map(AuditSample.Entry::id).sorted().toList();
        List<String> again = draw(b, 20, 42, false).entries().stream().map(AuditSample.Entry::id).sorted().toList();
        assertThat(first).hasSize(20).isEqualTo(again);
        assertThat(draw(a, 20, 43, false).entries().stream().map(AuditSample.Entry::id).sorted().toList())
                .isNotEqualTo(first);
        // opened 09:00, resolved at 10:00 … 21:00 with 4 hours promised: late when resolved after 13:00,
        // i.e. i % 12 ≥ 4; the sample's count is the late ones among the 20 drawn
        AuditSample s = draw(a, 20, 42, false);
        long late = s.entries().stream().filter(e -> Integer.parseInt(e.id().substring(1)) % 12 >= 4).count();
        assertThat(s.nonConforming()).isEqualTo(late);
        assertThat(s.decided()).isEqualTo(20);
    }

    @Test
    void aStratifiedSampleGivesEachStratumItsShare() {
        // small.csv: repair 2026-03 ×2 (R1 R2), complaint 2026-03 ×1 (C1), complaint 2026-04 ×1 (C2),
        // installation 2026-04 ×1 (I1), consultation 2026-04 ×1 (Q1): 6 records. n = 3:
        // exact shares 3·2/6 = 1, and 0.5 for each of the four single strata; floors 1+0+0+0+0 = 1;
        // the 2 left go to the largest remainders (0.5 each; ties in stratum order: complaint 2026-03,
        // complaint 2026-04)
        AuditSample s = draw(RecordsSummaryTest.SMALL, 3, 7, true);
        Map<String, Integer> take = s.allocation(6);
        assertThat(take).containsEntry("repair 2026-03", 1).containsEntry("complaint 2026-03", 1)
                .containsEntry("complaint 2026-04", 1).containsEntry("installation 2026-04", 0)
                .containsEntry("consultation 2026-04", 0);
        assertThat(s.entries()).extracting(AuditSample.Entry::id).contains("C1", "C2").hasSize(3);
        // of R1 and R2 the one with the smaller key under seed 7
        String repair = AuditSample.key("R1", 7) < AuditSample.key("R2", 7) ? "R1" : "R2";
        assertThat(s.entries()).extracting(AuditSample.Entry::id).containsExactly(repair, "C1", "C2");
    }

    @Test
    void aSampleLargerThanTheRecordsIsAllOfThem() {
        AuditSample s = draw(RecordsSummaryTest.SMALL, 50, 1, false);
        assertThat(s.entries()).extracting(AuditSample.Entry::id).containsExactly("R1", "R2", "C1", "C2", "I1", "Q1");
        // decided: R1 within, R2 late, C1 within, I1 within (C2 open, Q1 no limit)
        assertThat(s.decided()).isEqualTo(4);
        assertThat(s.nonConforming()).isEqualTo(1);
    }
}
