package io.github.aftersales.records;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of one group of records (all of them, one type, one channel, one month), counted as the
 * records pass: each is a count, a sum or a {@link Histogram}, so memory does not grow with the records.
 * The definitions, and the readings taken where the specification is silent, are in docs/records.md.
 */
public final class Figures {

    long requests;
    long open;
    final Histogram response = new Histogram();
    final Histogram resolution = new Histogram();
    long promised;
    long withinPromise;
    long contactsKnown;
    long firstContact;
    long scored;
    long scoreMillis;
    long complaints;
    long complaintsResolved;
    long majorComplaints;
    long majorRectified;

    void add(ServiceRecord r) {
        requests++;
        if (r.resolved == ServiceRecord.NONE) {
            open++;
        }
        if (r.firstResponse != ServiceRecord.NONE) {
            response.add(r.firstResponse - r.opened);
            if (r.resolved != ServiceRecord.NONE) {
                resolution.add(r.resolved - r.firstResponse);
            }
        }
        Boolean within = r.withinPromise();
        if (within != null) {
            promised++;
            if (within) {
                withinPromise++;
            }
        }
        if (r.contacts > 0) {
            contactsKnown++;
            if (r.contacts == 1 && r.resolved != ServiceRecord.NONE) {
                firstContact++;
            }
        }
        if (r.satisfactionMillis != ServiceRecord.NONE) {
            scored++;
            scoreMillis += r.satisfactionMillis;
        }
        if (r.type == RequestType.COMPLAINT) {
            complaints++;
            if (r.resolved != ServiceRecord.NONE) {
                complaintsResolved++;
            }
            if (r.majorComplaint) {
                majorComplaints++;
                if (r.rectifiedOn != ServiceRecord.NONE) {
                    majorRectified++;
                }
            }
        }
    }

    public long requests() {
        return requests;
    }

    public long open() {
        return open;
    }

    public long complaints() {
        return complaints;
    }

    public long complaintsResolved() {
        return complaintsResolved;
    }

    public long promised() {
        return promised;
    }

    public long withinPromise() {
        return withinPromise;
    }

    /** {@code part / whole} as a percentage cut (not rounded) to 2 decimals, or null when whole is 0. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
    }

    /** The complaint resolution rate (顾客投诉解决率), % cut to 2 decimals; null without complaints. */
    public BigDecimal complaintResolutionRate() {
        return percent(complaintsResolved, complaints);
    }

    /** 首次解决率, %; null when no record says its contacts. */
    public BigDecimal firstContactResolutionRate() {
        return percent(firstContact, contactsKnown);
    }

    /** The share resolved within the promised time, %; null when no resolved record has a limit. */
    public BigDecimal withinPromiseShare() {
        return percent(withinPromise, promised);
    }

    /** The mean satisfaction score on the export's scale, 2 decimals; null without scores. */
    public BigDecimal meanScore() {
        return scored == 0 ? null : BigDecimal.valueOf(scoreMillis, 3).divide(BigDecimal.valueOf(scored), 2,
                RoundingMode.HALF_UP);
    }

    /**
     * 顾客满意度指数 as read here: the mean score placed on 0 to 100 between the scale's ends,
     * (mean − min) / (max − min) × 100, cut to 2 decimals; null without scores.
     */
    public BigDecimal satisfactionIndex(Mapping mapping) {
        if (scored == 0) {
            return null;
        }
        BigDecimal n = BigDecimal.valueOf(scored);
        BigDecimal above = BigDecimal.valueOf(scoreMillis, 3).subtract(mapping.scaleMin().multiply(n));
        return above.multiply(BigDecimal.valueOf(100)).divide(mapping.scaleMax().subtract(mapping.scaleMin()).multiply(n),
                2, RoundingMode.DOWN);
    }

    Histogram responseTimes() {
        return response;
    }

    Histogram resolutionTimes() {
        return resolution;
    }

    ObjectNode json(Mapping mapping) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("requests", requests);
        o.put("open", open);
        o.set("responseTime", durations(response));
        o.set("resolutionTime", durations(resolution));
        ObjectNode p = o.putObject("withinPromise");
        p.put("decided", promised);
        p.put("within", withinPromise);
        p.put("late", promised - withinPromise);
        p.put("percent", withinPromiseShare());
        ObjectNode fcr = o.putObject("firstContactResolution");
        fcr.put("known", contactsKnown);
        fcr.put("resolvedAtFirstContact", firstContact);
        fcr.put("percent", firstContactResolutionRate());
        ObjectNode csi = o.putObject("satisfaction");
        csi.put("scored", scored);
        csi.put("meanScore", meanScore());
        csi.put("index", satisfactionIndex(mapping));
        ObjectNode c = o.putObject("complaints");
        c.put("received", complaints);
        c.put("resolved", complaintsResolved);
        c.put("percent", complaintResolutionRate());
        ObjectNode m = o.putObject("majorComplaints");
        m.put("count", majorComplaints);
        m.put("rectified", majorRectified);
        return o;
    }

    static ObjectNode durations(Histogram h) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("count", h.count());
        if (h.count() == 0) {
            d.putNull("meanMinutes");
            d.putNull("medianMinutes");
            d.putNull("p90Minutes");
            d.put("exact", true);
            return d;
        }
        d.put("meanMinutes", meanMinutes(h));
        d.put("medianMinutes", h.quantileMinutes(50));
        d.put("p90Minutes", h.quantileMinutes(90));
        d.put("exact", h.exact(50) && h.exact(90));
        return d;
    }

    static BigDecimal meanMinutes(Histogram h) {
        return h.count() == 0 ? null : BigDecimal.valueOf(h.sumSeconds()).divide(BigDecimal.valueOf(h.count() * 60L), 1,
                RoundingMode.HALF_UP);
    }
}
