package io.github.aftersales.core.assessment;

import java.util.Locale;
import java.util.Optional;

/** The auditor's conclusion on a clause (自评估结论). */
public enum Conformity {
    CONFORM("conform", "符合"),
    NOT_CONFORM("not-conform", "不符合"),
    NOT_APPLICABLE("not-applicable", "不适用");

    private final String key;
    private final String zh;

    Conformity(String key, String zh) {
        this.key = key;
        this.zh = zh;
    }

    public String key() {
        return key;
    }

    public String zh() {
        return zh;
    }

    /** Reads the English key or the Chinese word as on the form. */
    public static Optional<Conformity> parse(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT);
        for (Conformity c : values()) {
            if (c.key.equals(k) || c.zh.equals(k)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
