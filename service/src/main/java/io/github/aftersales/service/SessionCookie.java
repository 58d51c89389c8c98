package io.github.aftersales.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The browser session's cookie and its CSRF token. The cookie is HttpOnly and SameSite=Strict; a request it signs
 * in that changes anything must also carry the session's CSRF token in {@value #CSRF_HEADER}, which a page of
 * another site can neither read nor send (a custom header makes a cross-site request preflighted, and this
 * service answers no preflight).
 *
 * <p>The CSRF token is derived from the session's secret, so it is kept nowhere: whoever holds the cookie's value
 * could derive it, and no one else can.
 */
public final class SessionCookie {

    /** The cookie's name. */
    public static final String NAME = "aftersales_session";
    /** The request header that carries the CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookie() {
    }

    /** The CSRF token of the session whose cookie holds {@code secret}. */
    public static String csrfToken(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("aftersales csrf\0".getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Whether {@code offered} is the CSRF token of the session {@code secret}, compared in constant time. */
    public static boolean csrfMatches(String secret, String offered) {
        return offered != null && MessageDigest.isEqual(csrfToken(secret).getBytes(StandardCharsets.US_ASCII),
                offered.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code Set-Cookie} value that gives the browser a session.
     *
     * @param secure whether the cookie travels over HTTPS only (every address but loopback: a TLS proxy is in front)
     */
    public static String set(String secret, long maxAgeSeconds, boolean secure) {
        return NAME + "=" + secret + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that makes the browser forget its session. */
    public static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
