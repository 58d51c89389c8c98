package io.github.aftersales.service.accounts;

import io.github.aftersales.service.Authenticator;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The service's accounts and their API tokens. A token is shown once, when it is made, and stored only as
 * its SHA-256; every change is recorded (who, when, what, from where) and nothing is ever updated or deleted.
 */
public final class Accounts implements Authenticator {

    /** An account name: what an auditor would type, and safe in every output without escaping. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Tokens start with this, so a secret scanner (and a person) can tell what one is. */
    public static final String TOKEN_PREFIX = "ast_";
    /** The most characters a token's label (what it is for) has. */
    public static final int MAX_LABEL = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;

    public Accounts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A token just made: its text is shown this once and never again. */
    public record NewToken(long id, String account, Role role, String token) {
        @Override
        public String toString() {
            return "NewToken[" + id + ", " + account + "]"; // the token itself is never logged
        }
    }

    /** An account as listed, its role and whether it is disabled as they are now: no secret in it. */
    public record Account(long id, String name, Role role, OffsetDateTime createdAt, int activeTokens,
            boolean disabled) {
    }

    /** A change the accounts' rules refuse: the last admin removed, an admin disabling their own account. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /** Who makes a change and from where ({@value #COMMAND_LINE}, or a client's address). */
    public record Actor(String name, String origin) {
        /** The origin of a change made with {@code aftersales accounts}, by the login it runs under. */
        public static final String COMMAND_LINE = "command line";

        /** Whether {@code name} is an account signed in, not the login of an operator on the command line. */
        public boolean signedIn() {
            return !COMMAND_LINE.equals(origin);
        }
    }

    /**
     * Makes an account and its first token.
     *
     * @throws IllegalArgumentException when the name is not a valid account name or is taken
     */
    public NewToken add(String name, Role role, Actor by) {
        return jdbi.inTransaction(h -> issue(h, insert(h, name, role, by), name, role, "first token", by));
    }

    /**
     * Makes an account in the transaction {@code h}, its change recorded there: its id.
     *
     * @throws IllegalArgumentException when the name is not a valid account name or is taken
     */
    long insert(Handle h, String name, Role role, Actor by) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not an account name: 1 to 64 lower-case letters,"
                    + " digits, '.', '_' or '-', starting with a letter or digit");
        }
        long id;
        try {
            id = h.createUpdate("INSERT INTO service_account (name, role, created_at, created_by)"
                    + " VALUES (:name, :role, :at, :by)").bind("name", name).bind("role", role.key())
                    .bind("at", now()).bind("by", by.name()).executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one();
        } catch (UnableToExecuteStatementException e) {
            // 23505, a unique key taken: on both databases (PostgreSQL then takes no further statement)
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new IllegalArgumentException("the account " + name + " exists already");
            }
            throw e;
        }
        change(h, by, "added account " + name + " (" + role.key() + ")");
        return id;
    }

    /**
     * A new token for an account (another program, or one lost).
     *
     * @throws java.util.NoSuchElementException when there is no such account
     * @throws Refused                          when the account is disabled: its token would sign no one in
     * @throws IllegalArgumentException         when the label is blank or longer than {@value #MAX_LABEL} characters
     */
    public NewToken issueToken(String name, String label, Actor by) {
        if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("label: 1 to " + MAX_LABEL + " characters, saying what the token is for");
        }
        return jdbi.inTransaction(h -> {
            Account account = find(h, name).orElseThrow(() -> new java.util.NoSuchElementException("no account " + name));
            if (account.disabled()) {
                throw new Refused("the account " + name + " is disabled, so a token for it would sign no one in:"
                        + " enable it first (aftersales accounts enable " + name + ")");
            }
            return issue(h, account.id(), account.name(), account.role(), label, by);
        });
    }

    /**
     * Revokes a token: it signs no one in from now on. Revoking one already revoked changes nothing.
     *
     * @throws java.util.NoSuchElementException when there is no such token
     */
    public void revoke(long tokenId, Actor by) {
        jdbi.useTransaction(h -> {
            Optional<String> account = h.createQuery("SELECT a.name FROM service_token t JOIN service_account a"
                    + " ON a.id = t.account_id WHERE t.id = :id").bind("id", tokenId).mapTo(String.class).findOne();
            if (account.isEmpty()) {
                throw new java.util.NoSuchElementException("no token " + tokenId);
            }
            boolean revoked = h.createQuery("SELECT COUNT(*) FROM service_token_revoked WHERE token_id = :id")
                    .bind("id", tokenId).mapTo(Integer.class).one() > 0;
            if (!revoked) {
                h.createUpdate("INSERT INTO service_token_revoked (token_id, revoked_at, revoked_by) VALUES (:id, :at, :by)")
                        .bind("id", tokenId).bind("at", now()).bind("by", by.name()).execute();
                change(h, by, "revoked token " + tokenId + " of " + account.get());
            }
        });
    }

    /** Every account, by name, with how many tokens it has that are not revoked. */
    public List<Account> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.name, a.role, a.created_at, a.disabled, (SELECT"
                + " COUNT(*) FROM service_token t WHERE t.account_id = a.id AND NOT EXISTS (SELECT 1 FROM"
                + " service_token_revoked r WHERE r.token_id = t.id)) AS active FROM service_account_now a ORDER BY a.name")
                .map((rs, ctx) -> new Account(rs.getLong("id"), rs.getString("name"),
                        Role.fromKey(rs.getString("role")).orElseThrow(), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getInt("active"), rs.getBoolean("disabled")))
                .list());
    }

    /**
     * Changes an account's role; from its next request on, it has the new role (its sessions and tokens too). The
     * last admin keeps the role: another account is made admin first.
     *
     * @return whether anything changed (the account had another role)
     * @throws java.util.NoSuchElementException when there is no such account
     * @throws Refused                          when it would leave no admin who is not disabled
     */
    public boolean setRole(String name, Role role, Actor by) {
        return change(name, by, (h, now) -> {
            if (now.role() == role) {
                return null;
            }
            if (now.role() == Role.ADMIN) {
                lastAdmin(h, now, "make another account admin before changing the role of " + name);
            }
            return new Account(now.id(), name, role, now.createdAt(), 0, now.disabled());
        }, now -> "changed the role of " + name + " from " + now.role().key() + " to " + role.key());
    }

    /**
     * Disables an account (it signs in no more, its sessions end and its tokens sign no one in; what it did stays), or
     * enables it again. No one disables their own account, nor the last admin.
     *
     * @return whether anything changed (the account was not already so)
     * @throws java.util.NoSuchElementException when there is no such account
     * @throws Refused                          for the caller's own account, or the last admin
     */
    public boolean setDisabled(String name, boolean disabled, Actor by) {
        return change(name, by, (h, now) -> {
            if (now.disabled() == disabled) {
                return null;
            }
            if (disabled && by.signedIn() && name.equals(by.name())) {
                throw new Refused("you cannot disable your own account, " + name + ": another admin does it");
            }
            if (disabled && now.role() == Role.ADMIN) {
                lastAdmin(h, now, "make another account admin before disabling " + name);
            }
            if (disabled) {
                SignIns.endSessions(h, now.id(), -1, "account disabled", now());
            }
            return new Account(now.id(), name, now.role(), now.createdAt(), 0, disabled);
        }, now -> (disabled ? "disabled" : "enabled") + " account " + name);
    }

    /** What a change makes of an account's state now, or {@code null} for no change. */
    @FunctionalInterface
    private interface Change {
        Account apply(Handle h, Account now);
    }

    private boolean change(String name, Actor by, Change change, java.util.function.Function<Account, String> what) {
        return jdbi.inTransaction(h -> {
            // every account row locked: two admins removing each other at once cannot both pass the last-admin rule
            h.createQuery("SELECT id FROM service_account ORDER BY id FOR UPDATE").mapTo(Long.class).list();
            Account now = find(h, name).orElseThrow(() -> new java.util.NoSuchElementException("no account " + name));
            Account after = change.apply(h, now);
            if (after == null) {
                return false;
            }
            h.createUpdate("INSERT INTO service_account_status (account_id, role, disabled, set_at, set_by)"
                    + " VALUES (:a, :role, :disabled, :at, :by)").bind("a", now.id()).bind("role", after.role().key())
                    .bind("disabled", after.disabled()).bind("at", now()).bind("by", by.name()).execute();
            change(h, by, what.apply(now));
            return true;
        });
    }

    /** Refuses a change to {@code account}, an admin, when no other admin is left who is not disabled. */
    private static void lastAdmin(Handle h, Account account, String how) {
        if (account.disabled()) {
            return; // a disabled admin admits no one: it is not the one keeping the accounts
        }
        int others = h.createQuery("SELECT COUNT(*) FROM service_account_now WHERE role = 'admin' AND NOT disabled"
                + " AND id <> :id").bind("id", account.id()).mapTo(Integer.class).one();
        if (others == 0) {
            throw new Refused(account.name() + " is the last admin: " + how);
        }
    }

    /** A token as listed: its number and label, never its text (which is not kept). */
    public record TokenInfo(long id, String account, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** Every token, by account and number, revoked ones with when. */
    public List<TokenInfo> tokens() {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.id, a.name, t.label, t.created_at, r.revoked_at FROM"
                + " service_token t JOIN service_account a ON a.id = t.account_id LEFT JOIN service_token_revoked r"
                + " ON r.token_id = t.id ORDER BY a.name, t.id")
                .map((rs, ctx) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), rs.getString("label"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class)))
                .list());
    }

    /** The role of an account, if there is one of that name. */
    public Optional<Role> roleOf(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT role FROM service_account_now WHERE name = :name AND NOT"
                + " disabled").bind("name", name)
                .mapTo(String.class).findOne().flatMap(Role::fromKey));
    }

    @Override
    public Optional<Caller> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(token);
        return jdbi.withHandle(h -> h.createQuery("SELECT a.name, a.role FROM service_token t JOIN service_account_now a"
                + " ON a.id = t.account_id WHERE t.token_hash = :hash AND NOT a.disabled AND NOT EXISTS (SELECT 1 FROM"
                + " service_token_revoked r WHERE r.token_id = t.id)").bind("hash", hash)
                .map((rs, ctx) -> new Caller(rs.getString("name"), Role.fromKey(rs.getString("role")).orElseThrow()))
                .findOne());
    }

    private NewToken issue(Handle h, long accountId, String name, Role role, String label, Actor by) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = h.createUpdate("INSERT INTO service_token (account_id, token_hash, label, created_at, created_by)"
                + " VALUES (:account, :hash, :label, :at, :by)").bind("account", accountId).bind("hash", sha256(token))
                .bind("label", label).bind("at", now()).bind("by", by.name())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        change(h, by, "issued token " + id + " (" + label + ") to " + name);
        return new NewToken(id, name, role, token);
    }

    private Optional<Account> find(Handle h, String name) {
        return h.createQuery("SELECT id, name, role, created_at, disabled FROM service_account_now WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Account(rs.getLong("id"), rs.getString("name"),
                        Role.fromKey(rs.getString("role")).orElseThrow(), rs.getObject("created_at", OffsetDateTime.class), 0,
                        rs.getBoolean("disabled")))
                .findOne();
    }

    private void change(Handle h, Actor by, String what) {
        changeLog().record(h, by, what);
    }

    /** Where the accounts' changes are recorded. */
    ChangeLog changeLog() {
        return new ChangeLog(jdbi, clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
