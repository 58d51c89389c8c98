package io.github.aftersales.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an account may do: the three roles of a certification body's team. */
public enum Role {
    /** Keeps the accounts and the settings. */
    ADMIN,
    /** Reviews assessments and decides; sees everything. */
    MANAGER,
    /** Fills the assessments assigned to them. */
    AUDITOR;

    /** The role's name as the API and the command line write it: {@code admin}, {@code manager}, {@code auditor}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a key names, if any. */
    public static Optional<Role> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
    }
}
