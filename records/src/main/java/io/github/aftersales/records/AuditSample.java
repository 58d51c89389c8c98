package io.github.aftersales.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A reproducible random sample of {@code n} records, drawn in the same pass as the figures, from the
 * records alone: each record gets a key from the seed and its id, {@code mix(fnv1a64(id) ^ mix(seed))}
 * (FNV-1a over the id's UTF-16 code units, {@code mix} SplitMix64's finaliser), and the sample is the
 * records with the smallest keys (ties: the earlier line). So the same seed and the same records give
 * the same sample, whatever order the rows are in, and anyone can redraw it from the definition
 * (docs/records.md). Stratified (by type and month of opening), each stratum keeps its own smallest
 * {@code n}; at the end each takes its proportional share of {@code n} (largest remainders, ties to the
 * earlier stratum). Memory: {@code n} entries per stratum.
 */
public final class AuditSample implements Consumer<ServiceRecord> {

    /** A sampled record: what the auditor needs to find it and what the records say about it. */
    public record Entry(long key, int line, String id, RequestType type, String month, String opened,
            String resolved, String promisedHours, Boolean withinPromise) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::key)
            .thenComparingInt(Entry::line);

    private final int n;
    private final long seed;
    private final boolean stratified;
    private final Map<String, PriorityQueue<Entry>> strata = new TreeMap<>();
    private final Map<String, Long> sizes = new TreeMap<>();
    private final long mixedSeed;

    public AuditSample(int n, long seed, boolean stratified) {
        if (n < 1) {
            throw new IllegalArgumentException("a sample of at least 1 record");
        }
        this.n = n;
        this.seed = seed;
        this.stratified = stratified;
        this.mixedSeed = mix(seed);
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The key of a record with this id under this seed: compared as unsigned. */
    public static long key(String id, long seed) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h ^ mix(seed)) >>> 1; // 63 bits: compared as a plain long
    }

    @Override
    public void accept(ServiceRecord r) {
        long k = key(r.id, seed);
        String month = Times.monthText(Times.month(r.opened));
        String stratum = stratified ? r.type.word() + " " + month : "all";
        sizes.merge(stratum, 1L, Long::sum);
        PriorityQueue<Entry> q = strata.computeIfAbsent(stratum, s -> new PriorityQueue<>(ORDER.reversed()));
        if (q.size() == n) {
            Entry worst = q.peek();
            if (k > worst.key() || k == worst.key()) {
                return; // a later line with an equal key loses too
            }
        }
        q.add(new Entry(k, r.line, r.id, r.type, month, Times.dateTimeText(r.opened),
                r.resolved == ServiceRecord.NONE ? null : Times.dateTimeText(r.resolved),
                r.promisedSeconds == ServiceRecord.NONE ? null : java.math.BigDecimal.valueOf(r.promisedSeconds)
                        .divide(java.math.BigDecimal.valueOf(3600), 3, java.math.RoundingMode.DOWN)
                        .stripTrailingZeros().toPlainString(),
                r.withinPromise()));
        if (q.size() > n) {
            q.poll();
        }
    }

    /** The sample: each stratum's share, in the order of the lines. */
    public List<Entry> entries() {
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        List<Entry> out = new ArrayList<>();
        if (total == 0) {
            return out;
        }
        Map<String, Integer> take = allocation(total);
        for (Map.Entry<String, PriorityQueue<Entry>> s : strata.entrySet()) {
            List<Entry> smallest = new ArrayList<>(s.getValue());
            smallest.sort(ORDER);
            out.addAll(smallest.subList(0, take.get(s.getKey())));
        }
        out.sort(Comparator.comparingInt(Entry::line));
        return out;
    }

    /** Proportional to each stratum's size, summing to {@code min(n, total)}; largest remainders get the rest. */
    Map<String, Integer> allocation(long total) {
        long want = Math.min(n, total);
        Map<String, Integer> take = new TreeMap<>();
        List<String> order = new ArrayList<>(sizes.keySet());
        long given = 0;
        for (String s : order) {
            int t = (int) Math.min(sizes.get(s), want * sizes.get(s) / total);
            take.put(s, t);
            given += t;
        }
        List<String> byRemainder = new ArrayList<>(order);
        byRemainder.sort(Comparator.comparingLong((String s) -> -((want * sizes.get(s)) % total)));
        while (given < want) {
            boolean moved = false;
            for (String s : byRemainder) {
                if (given < want && take.get(s) < sizes.get(s)) {
                    take.merge(s, 1, Integer::sum);
                    given++;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return take;
    }

    /** The records in the sample that the records show resolved later than promised. */
    public long nonConforming() {
        return entries().stream().filter(e -> Boolean.FALSE.equals(e.withinPromise())).count();
    }

    /** The records in the sample the records decide (resolved, with a promised limit). */
    public long decided() {
        return entries().stream().filter(e -> e.withinPromise() != null).count();
    }

    public int size() {
        return n;
    }

    public long seed() {
        return seed;
    }

    public boolean stratified() {
        return stratified;
    }

    /** The sample as JSON (docs/records.schema.json, kind records-sample). */
    public ObjectNode json(RecordsSummary summary) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("kind", "records-sample");
        ObjectNode src = o.putObject("source");
        src.put("file", summary.source());
        src.put("sha256", summary.sha256());
        src.put("records", summary.records());
        src.put("skipped", summary.skipped());
        ObjectNode how = o.putObject("drawn");
        how.put("n", n);
        how.put("seed", seed);
        how.put("stratifiedBy", stratified ? "type and month" : "none");
        how.put("method", "the n smallest keys mix(fnv1a64(id) ^ mix(seed)) >>> 1, per stratum, shares by largest"
                + " remainder (docs/records.md)");
        List<Entry> entries = entries();
        ObjectNode counts = o.putObject("counts");
        counts.put("sampled", entries.size());
        counts.put("decided", entries.stream().filter(e -> e.withinPromise() != null).count());
        counts.put("nonConforming", entries.stream().filter(e -> Boolean.FALSE.equals(e.withinPromise())).count());
        ArrayNode a = o.putArray("records");
        for (Entry e : entries) {
            ObjectNode r = a.addObject();
            r.put("line", e.line());
            r.put("id", e.id());
            r.put("type", e.type().word());
            r.put("opened", e.opened());
            r.put("resolved", e.resolved());
            r.put("promisedHours", e.promisedHours());
            r.put("verdict", e.withinPromise() == null ? "check by hand" : e.withinPromise() ? "within promise"
                    : "resolved later than promised");
        }
        return o;
    }
}
