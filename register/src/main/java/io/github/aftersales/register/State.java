package io.github.aftersales.register;

/** Where a certificate stands after an event. */
public enum State {
    /** Valid at its grade. */
    ACTIVE("active"),
    /** Suspended after a serious event (CQM 6.4); a later evaluation without one reinstates it. */
    SUSPENDED("suspended"),
    /** Revoked: nothing more is recorded against it; a new certificate takes a new evaluation. */
    REVOKED("revoked");

    private final String key;

    State(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    static State fromKey(String key) {
        for (State s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalStateException("unknown certificate state in the register: " + key);
    }
}
