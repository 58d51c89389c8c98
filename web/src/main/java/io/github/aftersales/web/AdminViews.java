package io.github.aftersales.web;

import java.util.List;

/** What the admin's page shows. */
public final class AdminViews {

    private AdminViews() {
    }

    /** An account: its name, role (its key and in the page's words), when it was made, its tokens not revoked. */
    public record Account(String name, String role, String roleText, String createdAt, int tokens) {
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

    public record AdminPage(Texts t, Views.Session session, List<Account> accounts, List<Scheme> schemes,
            List<Problem> problems, List<Change> changes) {
    }
}
