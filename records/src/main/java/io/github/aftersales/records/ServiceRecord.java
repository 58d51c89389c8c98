package io.github.aftersales.records;

/**
 * One service request as read from a row: times in seconds on the export's clock ({@link Times}),
 * {@link #NONE} where a cell was empty or its column absent. The reader reuses one instance for every
 * row: keep what you need, not the object.
 */
public final class ServiceRecord {

    /** An empty cell, or a column the export does not have. */
    public static final long NONE = Long.MIN_VALUE;

    int line;
    String id;
    RequestType type;
    String channel;
    long opened;
    long firstResponse;
    long resolved;
    int contacts;
    long promisedSeconds;
    /** The score in thousandths, exact ({@code 4.5} is 4500). */
    long satisfactionMillis;
    boolean majorComplaint;
    /** The day (days since 1970-01-01), or {@link #NONE}. */
    long rectifiedOn;

    public int line() {
        return line;
    }

    public String id() {
        return id;
    }

    public RequestType type() {
        return type;
    }

    /** The channel as written, or the empty text when not given. */
    public String channel() {
        return channel;
    }

    public long opened() {
        return opened;
    }

    public long firstResponse() {
        return firstResponse;
    }

    public long resolved() {
        return resolved;
    }

    /** Contacts until resolved, or 0 when not given. */
    public int contacts() {
        return contacts;
    }

    public long promisedSeconds() {
        return promisedSeconds;
    }

    public long satisfactionMillis() {
        return satisfactionMillis;
    }

    public boolean majorComplaint() {
        return majorComplaint;
    }

    public long rectifiedOn() {
        return rectifiedOn;
    }

    /**
     * Whether the records decide that this request kept its promised time: {@code TRUE} resolved within
     * it (opened to resolved at most the limit), {@code FALSE} resolved later, {@code null} when they
     * do not decide (no limit, or not resolved).
     */
    public Boolean withinPromise() {
        if (promisedSeconds == NONE || resolved == NONE) {
            return null;
        }
        return resolved - opened <= promisedSeconds;
    }
}
