package io.github.aftersales.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The figures of an export, made in one pass over it ({@link #read}): for all records, for each type,
 * channel and month (of opening), with the major complaints listed. Memory is the groups' counters and
 * histograms, whatever the number of records.
 */
public final class RecordsSummary {

    /** Channels kept apart; records of further channels are counted together under {@link #OTHER_CHANNELS}. */
    public static final int MAX_CHANNELS = 1000;
    /** Major complaints listed one by one; more are counted. */
    public static final int MAX_MAJOR_LISTED = 10_000;
    public static final String NO_CHANNEL = "(none)";
    public static final String OTHER_CHANNELS = "(other channels)";

    /** A major complaint: what an assessment's event needs, and where it came from. */
    public record MajorComplaint(int line, String id, long openedDay, long rectifiedOn) {
        public String opened() {
            return Times.dateText(openedDay);
        }

        /** The rectification date, or null when none is recorded. */
        public String rectified() {
            return rectifiedOn == ServiceRecord.NONE ? null : Times.dateText(rectifiedOn);
        }
    }

    private final String source;
    private final String mappingSource;
    private final Mapping mapping;
    final Figures overall = new Figures();
    final Map<RequestType, Figures> byType = new EnumMap<>(RequestType.class);
    /** Looked up by hash as the records pass; sorted by name when given out. */
    final Map<String, Figures> channels = new java.util.HashMap<>();
    final Map<Integer, Figures> byMonth = new TreeMap<>();
    /** The months' figures by month number from January 1900 (dates are 1900 to 2100): no lookup a record. */
    private final Figures[] months = new Figures[(2101 - 1900) * 12];
    final List<MajorComplaint> majors = new ArrayList<>();
    private long majorsNotListed;
    private long firstOpened = Long.MAX_VALUE;
    private long lastOpened = Long.MIN_VALUE;
    private long rows;
    private long skipped;
    private List<RowProblem> problems = List.of();
    private String sha256;
    private Map<RecordField, Boolean> columns;

    private long lastDay = Long.MIN_VALUE;
    private Figures lastMonth;

    private RecordsSummary(String source, String mappingSource, Mapping mapping) {
        this.source = source;
        this.mappingSource = mappingSource;
        this.mapping = mapping;
    }

    /**
     * Reads {@code reader} to its end, summarising every good record and handing each to {@code also}
     * (an audit sample, or nothing) in the same pass.
     *
     * @param mappingSource the mapping file's name, or null for the documented columns
     */
    public static RecordsSummary read(RecordReader reader, Mapping mapping, String mappingSource,
            Consumer<ServiceRecord> also) {
        RecordsSummary s = new RecordsSummary(reader.source(), mappingSource, mapping);
        ServiceRecord r;
        while ((r = reader.next()) != null) {
            s.add(r);
            if (also != null) {
                also.accept(r);
            }
        }
        s.rows = reader.rows();
        s.skipped = reader.problemCount();
        s.problems = reader.problems();
        s.sha256 = reader.sha256();
        s.columns = reader.columns();
        return s;
    }

    private void add(ServiceRecord r) {
        overall.add(r);
        byType.computeIfAbsent(r.type, t -> new Figures()).add(r);
        String channel = r.channel.isEmpty() ? NO_CHANNEL : r.channel;
        Figures c = channels.get(channel);
        if (c == null) {
            channel = channels.size() < MAX_CHANNELS ? channel : OTHER_CHANNELS;
            c = channels.computeIfAbsent(channel, k -> new Figures());
        }
        c.add(r);
        long day = Math.floorDiv(r.opened, 86_400L);
        if (day != lastDay) {
            lastDay = day;
            int month = Times.monthOfDay(day);
            lastMonth = months[month - 1900 * 12];
            if (lastMonth == null) {
                lastMonth = new Figures();
                months[month - 1900 * 12] = lastMonth;
                byMonth.put(month, lastMonth);
            }
        }
        lastMonth.add(r);
        firstOpened = Math.min(firstOpened, r.opened);
        lastOpened = Math.max(lastOpened, r.opened);
        if (r.majorComplaint) {
            if (majors.size() < MAX_MAJOR_LISTED) {
                majors.add(new MajorComplaint(r.line, r.id, day, r.rectifiedOn));
            } else {
                majorsNotListed++;
            }
        }
    }

    public String source() {
        return source;
    }

    public String sha256() {
        return sha256;
    }

    public Mapping mapping() {
        return mapping;
    }

    public Figures overall() {
        return overall;
    }

    public Map<RequestType, Figures> byType() {
        return byType;
    }

    /** By channel, sorted by name. */
    public Map<String, Figures> byChannel() {
        return new TreeMap<>(channels);
    }

    /** By month of opening, as {@code 2026-03}. */
    public Map<String, Figures> byMonth() {
        Map<String, Figures> m = new java.util.LinkedHashMap<>();
        byMonth.forEach((k, v) -> m.put(Times.monthText(k), v));
        return m;
    }

    public List<MajorComplaint> majorComplaints() {
        return majors;
    }

    public long majorComplaintsNotListed() {
        return majorsNotListed;
    }

    public long rows() {
        return rows;
    }

    public long records() {
        return overall.requests;
    }

    public long skipped() {
        return skipped;
    }

    public List<RowProblem> problems() {
        return problems;
    }

    /** The first day a record was opened, or null with no record. */
    public String firstDay() {
        return overall.requests == 0 ? null : Times.dateText(Math.floorDiv(firstOpened, 86_400L));
    }

    public String lastDay() {
        return overall.requests == 0 ? null : Times.dateText(Math.floorDiv(lastOpened, 86_400L));
    }

    /** Whether the export has a column for {@code f}. */
    public boolean has(RecordField f) {
        return columns.get(f);
    }

    /** The summary as JSON, as docs/records.schema.json describes it. */
    public ObjectNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("kind", "records-summary");
        ObjectNode src = o.putObject("source");
        src.put("file", source);
        src.put("sha256", sha256);
        if (mappingSource == null) {
            src.putNull("mapping");
        } else {
            src.put("mapping", mappingSource);
        }
        src.put("rows", rows);
        src.put("records", records());
        src.put("skipped", skipped);
        ArrayNode cols = src.putArray("columnsAbsent");
        columns.forEach((k, v) -> {
            if (!v) {
                cols.add(k.key());
            }
        });
        ObjectNode period = o.putObject("period");
        period.put("firstOpened", firstDay());
        period.put("lastOpened", lastDay());
        ObjectNode scale = o.putObject("satisfactionScale");
        scale.put("min", mapping.scaleMin());
        scale.put("max", mapping.scaleMax());
        o.set("overall", overall.json(mapping));
        ObjectNode types = o.putObject("byType");
        byType.forEach((k, v) -> types.set(k.word(), v.json(mapping)));
        ObjectNode channelsJson = o.putObject("byChannel");
        byChannel().forEach((k, v) -> channelsJson.set(k, v.json(mapping)));
        ObjectNode months = o.putObject("byMonth");
        byMonth().forEach((k, v) -> months.set(k, v.json(mapping)));
        ArrayNode m = o.putArray("majorComplaints");
        for (MajorComplaint c : majors) {
            ObjectNode e = m.addObject();
            e.put("line", c.line());
            e.put("id", c.id());
            e.put("opened", c.opened());
            e.put("rectifiedOn", c.rectified());
        }
        o.put("majorComplaintsNotListed", majorsNotListed);
        ArrayNode p = o.putArray("problems");
        for (RowProblem rp : problems) {
            ObjectNode e = p.addObject();
            e.put("line", rp.line());
            e.put("column", rp.column());
            e.put("header", rp.header());
            e.put("message", rp.message());
        }
        o.put("problemsNotListed", skipped - problems.size());
        return o;
    }
}
