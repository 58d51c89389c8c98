package io.github.aftersales.register;

/** What happened to a certificate. */
public enum EventKind {
    /** The certificate was issued on an evaluation. */
    ISSUED("issued"),
    /** A surveillance assessment was applied by the scheme's surveillance rules. */
    SURVEILLANCE("surveillance"),
    /** A full re-evaluation set a new grade and started a new cycle. */
    REEVALUATION("re-evaluation"),
    /** An incident was reported (an accident, a major complaint); it may call for an extra evaluation. */
    INCIDENT("incident");

    private final String key;

    EventKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Whether the event is an evaluation of the organisation (it resets the surveillance clock). */
    public boolean evaluation() {
        return this != INCIDENT;
    }

    static EventKind fromKey(String key) {
        for (EventKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalStateException("unknown event kind in the register: " + key);
    }
}
