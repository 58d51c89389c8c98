package io.github.aftersales.web;

import java.util.List;

/** What the admin's page shows. */
public final class AdminViews {

    private AdminViews() {
    }

    /**
     * An account: its name, role (its key and in the page's words), when it was made, its tokens not revoked, whether
     * it is disabled, and whether it is the admin's own (which they may not disable).
     */
    public record Account(String name, String role, String roleText, String createdAt, int tokens, boolean disabled,
            boolean own) {
    }

    /** A role one may choose: its key and its name in the page's words. */
    public record Role(String key, String text) {
    }

    /** What the page says of the last change: done, or why not ({@code problem}). */
    public record Message(String text, boolean problem) {
    }

    /** A password just generated for an account, shown in this answer alone. */
    public record NewPassword(String account, String password) {
        @Override
        public String toString() {
            return "NewPassword[" + account + "]"; // the password itself is never logged
        }
    }

    /** A token just made for an account, shown in this answer alone. */
    public record NewToken(long id, String account, String token) {
        @Override
        public String toString() {
            return "NewToken[" + id + ", " + account + "]"; // the token itself is never logged
        }
    }

    /** An API token as listed: its number, account, label, when made and when revoked ({@code null}: it is not). */
    public record Token(long id, String account, String label, String createdAt, String revokedAt) {
    }

    /** An installed scheme: its variants as "id — title", and where it came from. */
    public record Scheme(String id, String version, String title, List<String> variants, String origin) {
    }

    /** A scheme that could not be installed, and why. */
    public record Problem(String origin, String message) {
    }

    /** An entry of the change log. */
    public record Change(String at, String actor, String origin, String what) {
    }

    /** The page; {@code message}, {@code password} and {@code token} are {@code null} but after a change. */
    public record AdminPage(Texts t, Views.Session session, List<Account> accounts, List<Token> tokens,
            List<Role> roles, List<Scheme> schemes, List<Problem> problems, List<Change> changes, Message message,
            NewPassword password, NewToken token) {
    }
}
