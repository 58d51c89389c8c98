package io.github.aftersales.service;

import java.util.Objects;

/** Who made a request: a signed-in account and its role. */
public record Caller(String account, Role role) {
    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(role, "role");
    }
}
