package io.github.aftersales.service;

import java.util.Optional;

/** Finds the account an API token or a browser session belongs to. */
@FunctionalInterface
public interface Authenticator {

    /**
     * The account a bearer token was issued to, while the token is not revoked; empty for any other string. Never
     * logs the token.
     */
    Optional<Caller> byToken(String token);

    /**
     * The account signed in with the session whose cookie holds {@code secret}, while the session has neither
     * expired nor ended; empty for any other string (and where there are no sessions). Never logs the secret.
     */
    default Optional<Caller> bySession(String secret) {
        return Optional.empty();
    }
}
