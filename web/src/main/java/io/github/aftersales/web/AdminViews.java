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

    /** The page; {@code message} and {@code password} are {@code null} but after a change. */
    public record AdminPage(Texts t, Views.Session session, List<Account> accounts, List<Role> roles,
            List<Scheme> schemes, List<Problem> problems, List<Change> changes, Message message,
            NewPassword password) {
    }
}
