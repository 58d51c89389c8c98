package io.github.aftersales.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures as parts of an assessment (docs/assessment-format.md), each saying where it came from
 * (the export's name, its SHA-256 and the lines): the GB/T 27922 Annex B checklist finding B.6.3.2
 * (顾客投诉解决率不能低于97%), the CQM {@code majorComplaint} events, and a sampled finding
 * ({@code samples: {checked, nonConforming}}) for an item an auditor checks on samples.
 */
public final class Feeds {

    /** B.6.3.2's threshold, as the standard writes it: at least 97 %. */
    static final BigDecimal ANNEX_B_MINIMUM = BigDecimal.valueOf(97);

    private Feeds() {
    }

    private static String from(RecordsSummary s) {
        return "records " + s.source() + " sha256 " + s.sha256();
    }

    /**
     * The B.6.3.2 finding: conform when resolved × 100 ≥ 97 × received (compared exactly, not on the
     * printed rate), with the counts in its note.
     *
     * @throws RecordsException when the records hold no complaint: the rate does not exist
     */
    public static ObjectNode annexB(RecordsSummary s) {
        Figures o = s.overall();
        if (o.complaints() == 0) {
            throw new RecordsException(s.source(), "holds no complaint (type complaint): B.6.3.2's complaint resolution"
                    + " rate cannot be computed from it");
        }
        boolean conform = BigDecimal.valueOf(o.complaintsResolved() * 100).compareTo(
                ANNEX_B_MINIMUM.multiply(BigDecimal.valueOf(o.complaints()))) >= 0;
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("id", "B.6.3.2");
        f.put("result", conform ? "conform" : "not-conform");
        f.put("note", "投诉解决率 " + o.complaintResolutionRate().toPlainString() + " %：" + s.firstDay() + " 至 "
                + s.lastDay() + " 受理投诉 " + o.complaints() + " 件，已解决 " + o.complaintsResolved() + " 件"
                + (conform ? "，不低于 97 %。" : "，低于 97 %。") + " Complaint resolution rate "
                + o.complaintResolutionRate().toPlainString() + " %: " + o.complaintsResolved() + " of " + o.complaints()
                + " complaints opened " + s.firstDay() + " to " + s.lastDay() + " resolved.");
        ArrayNode evidence = f.putArray("evidence");
        evidence.add(from(s) + ", " + s.records() + " records read, " + s.skipped() + " rows skipped");
        return f;
    }

    /** What {@link #cqm} made, and what it left out (a complaint after the on-site date). */
    public record Events(ArrayNode events, List<String> leftOut) {
    }

    /**
     * A {@code majorComplaint} event for each major complaint, dated the day it was opened, rectified
     * when the records give a rectification date (on or before {@code onSiteDate}, when given). A
     * complaint opened after {@code onSiteDate} is left out (an assessment refuses events after it).
     *
     * @param onSiteDate the assessment's CQM onSiteDate (YYYY-MM-DD), or null
     */
    public static Events cqm(RecordsSummary s, String onSiteDate) {
        if (s.majorComplaintsNotListed() > 0) {
            throw new RecordsException(s.source(), "holds more than " + RecordsSummary.MAX_MAJOR_LISTED
                    + " major complaints: is the major complaint column right?");
        }
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        List<String> leftOut = new ArrayList<>();
        for (RecordsSummary.MajorComplaint c : s.majorComplaints()) {
            if (onSiteDate != null && c.opened().compareTo(onSiteDate) > 0) {
                leftOut.add("line " + c.line() + " (id " + c.id() + ", opened " + c.opened() + ")");
                continue;
            }
            String rectified = c.rectified();
            boolean done = rectified != null && (onSiteDate == null || rectified.compareTo(onSiteDate) <= 0);
            ObjectNode e = events.addObject();
            e.put("type", "majorComplaint");
            e.put("date", c.opened());
            e.put("rectified", done);
            e.put("note", "重大投诉 " + c.id() + (rectified == null ? "，未记录整改" : "，" + rectified + " 整改"
                    + (done ? "" : "（现场评价日后）")) + "。 From " + from(s) + ", line " + c.line() + ".");
        }
        return new Events(events, leftOut);
    }

    /** A sampled finding for {@code id}: the records the sample decides, and those resolved later than promised. */
    public static ObjectNode sampled(RecordsSummary s, AuditSample sample, String id) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("id", id);
        long decided = sample.decided();
        if (decided == 0) {
            throw new RecordsException(s.source(), "no record of the sample is resolved with a promised time limit: the"
                    + " records alone do not decide any; check the sample by hand");
        }
        ObjectNode samples = f.putObject("samples");
        samples.put("checked", decided);
        samples.put("nonConforming", sample.nonConforming());
        long undecided = sample.entries().size() - decided;
        f.put("note", "抽样 " + sample.entries().size() + " 件服务记录，其中 " + decided + " 件可由记录判定，超出承诺时限解决 "
                + sample.nonConforming() + " 件" + (undecided > 0 ? "；" + undecided + " 件需人工核查" : "") + "。 Sampled "
                + sample.entries().size() + " records, " + decided + " decided by the records, "
                + sample.nonConforming() + " resolved later than promised" + (undecided > 0 ? "; " + undecided
                        + " to check by hand" : "") + ".");
        ArrayNode evidence = f.putArray("evidence");
        evidence.add(from(s) + "; sample n=" + sample.size() + " seed=" + sample.seed() + " stratified by "
                + (sample.stratified() ? "type and month" : "none") + " (aftersales records sample --seed "
                + sample.seed() + " -n " + sample.size() + (sample.stratified() ? " --stratify" : "") + ")");
        return f;
    }

    /**
     * A copy of {@code assessment} with {@code finding} put in the part {@code scheme}/{@code variant}
     * (replacing a finding of the same id) and {@code events} added to it (an event already there, the
     * same in every key, is not added twice). The assessment given is not changed.
     *
     * @throws IllegalArgumentException when the assessment has no such part
     */
    public static ObjectNode merge(JsonNode assessment, String scheme, String variant, ObjectNode finding,
            ArrayNode events) {
        if (assessment == null || !assessment.isObject() || !assessment.path("schemes").isArray()) {
            throw new IllegalArgumentException("is not an assessment: it has no 'schemes' list");
        }
        ObjectNode copy = assessment.deepCopy();
        ObjectNode part = null;
        for (JsonNode p : copy.get("schemes")) {
            if (p.isObject() && scheme.equals(p.path("scheme").asText())
                    && (variant == null || variant.equals(p.path("variant").asText(null)))) {
                part = (ObjectNode) p;
            }
        }
        if (part == null) {
            throw new IllegalArgumentException("has no part for scheme " + scheme + (variant == null ? ""
                    : " variant " + variant) + " to put the records' figures in");
        }
        if (finding != null) {
            ArrayNode findings = part.path("findings").isArray() ? (ArrayNode) part.get("findings")
                    : part.putArray("findings");
            int at = -1;
            for (int i = 0; i < findings.size(); i++) {
                if (finding.get("id").asText().equals(findings.get(i).path("id").asText())) {
                    at = i;
                }
            }
            if (at >= 0) {
                findings.set(at, finding);
            } else {
                findings.add(finding);
            }
        }
        if (events != null && !events.isEmpty()) {
            ArrayNode list = part.path("events").isArray() ? (ArrayNode) part.get("events") : part.putArray("events");
            for (JsonNode e : events) {
                boolean there = false;
                for (JsonNode old : list) {
                    there |= old.equals(e);
                }
                if (!there) {
                    list.add(e);
                }
            }
        }
        return copy;
    }
}
