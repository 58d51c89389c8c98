package io.github.aftersales.service;

import java.util.Optional;

/** Finds the account an API token belongs to. */
@FunctionalInterface
public interface Authenticator {

    /**
     * The account a bearer token was issued to, while the token is neither revoked nor its account
     * disabled; empty for any other string. Never logs the token.
     */
    Optional<Caller> byToken(String token);
}
