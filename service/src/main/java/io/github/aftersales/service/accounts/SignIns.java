package io.github.aftersales.service.accounts;

import io.github.aftersales.service.Authenticator;
import io.github.aftersales.service.Caller;
import io.github.aftersales.service.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Passwords and browser sessions, and what an API token signs in ({@link Accounts}).
 *
 * <p>A password is kept as its Argon2id hash ({@link PasswordHash}). Signing in with it opens a session of
 * {@link #SESSION_LIFETIME}: a new random secret each time (a secret the browser brought is never adopted, so a
 * session cannot be fixed in advance), kept as its SHA-256. Failed sign-ins are slowed, counted in the database so
 * that every instance sees them: per account name and client address, {@value #FREE_FAILURES} failures within
 * {@link #WINDOW} are free, then each further attempt waits twice as long as the one before, from one second up to
 * {@link #LONGEST_WAIT}, a right password included; a success from that address clears its count. So that one
 * address cannot lock an auditor out, other addresses are slowed only when the name has failed
 * {@value #FREE_FAILURES_PER_NAME} times within the window from all of them together. Nothing is updated or
 * deleted: sessions end by a row, sign-ins are rows.
 */
public final class SignIns implements Authenticator {

    /** A working day on site and the evening's review: then the auditor signs in again. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** Failures of a name from one address within {@link #WINDOW} that are not slowed. */
    public static final int FREE_FAILURES = 5;
    /** Failures of a name from all addresses within {@link #WINDOW} that are not slowed. */
    public static final int FREE_FAILURES_PER_NAME = 100;
    /** How far back failures count. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** The longest a name waits between attempts. */
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** A password's length in characters (NIST SP 800-63B asks at least 8 and room for 64; a passphrase fits). */
    public static final int SHORTEST_PASSWORD = 12;
    public static final int LONGEST_PASSWORD = 256;

    /** Each hash takes 19 MiB for tens of milliseconds: a burst of sign-ins queues here rather than fill the heap. */
    private static final Semaphore HASHING = new Semaphore(4);
    private static final Object[] NAME_LOCKS = new Object[64];
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked when the name has no password, so that an unknown name takes as long as a wrong password. */
    private static final String NO_PASSWORD = PasswordHash.of("no account has this password; it is only timed");

    static {
        for (int i = 0; i < NAME_LOCKS.length; i++) {
            NAME_LOCKS[i] = new Object();
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Accounts accounts;

    public SignIns(Jdbi jdbi, Clock clock, Accounts accounts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** What signing in gave. */
    public sealed interface Outcome {
    }

    /** Signed in: the session's secret goes into the cookie and is shown nowhere else. */
    public record SignedIn(Caller caller, String secret, OffsetDateTime expiresAt) implements Outcome {
        @Override
        public String toString() {
            return "SignedIn[" + caller + ", until " + expiresAt + "]"; // the secret is never logged
        }
    }

    /** The name or the password is wrong (the answer does not say which). */
    public record Refused() implements Outcome {
    }

    /** Too many failures: the next attempt is heard after {@code retryAfter}. */
    public record SlowDown(Duration retryAfter) implements Outcome {
    }

    /** The hashing is busy with other sign-ins; try again in a moment. */
    public record Busy() implements Outcome {
    }

    /** The password is changed; the account's other sessions are ended. */
    public record PasswordChanged() implements Outcome {
    }

    /** A session as the server knows it. */
    public record Session(long id, Caller caller, OffsetDateTime expiresAt) {
    }

    /**
     * Sets an account's password (its earlier ones stop signing in) and ends the account's sessions.
     *
     * @throws IllegalArgumentException when the password is too short or too long
     * @throws NoSuchElementException   when there is no such account
     */
    public void setPassword(String account, String password, Accounts.Actor by) {
        checkPolicy(password);
        String hash = hashed(password);
        jdbi.useTransaction(h -> {
            long id = accountId(h, account).orElseThrow(() -> new NoSuchElementException("no account " + account));
            h.createUpdate("INSERT INTO service_password (account_id, hash, set_at, set_by) VALUES (:a, :hash, :at, :by)")
                    .bind("a", id).bind("hash", hash).bind("at", now()).bind("by", by.name()).execute();
            endSessions(h, id, -1, "password set");
            accounts.changeLog().record(h, by, "set the password of " + account);
        });
    }

    /**
     * Makes an account with its first password and no API token (one is made with {@link Accounts#issueToken} when a
     * program needs it): the account, its password and their lines in the change log commit together, or nothing does.
     *
     * @throws IllegalArgumentException when the name is not an account name or is taken, or the password is too short
     *                                  or too long
     */
    public void addAccount(String name, Role role, String password, Accounts.Actor by) {
        checkPolicy(password);
        String hash = hashed(password);
        jdbi.useTransaction(h -> {
            long id = accounts.insert(h, name, role, by);
            h.createUpdate("INSERT INTO service_password (account_id, hash, set_at, set_by) VALUES (:a, :hash, :at, :by)")
                    .bind("a", id).bind("hash", hash).bind("at", now()).bind("by", by.name()).execute();
            accounts.changeLog().record(h, by, "set the password of " + name);
        });
    }

    /** The letters of a generated password: no 0/o, 1/l/i, which are misread when it is passed on. */
    private static final String GENERATED = "abcdefghjkmnpqrstuvwxyz23456789";

    /**
     * Sets a generated password for an account (20 letters and digits in groups of four, about 99 random bits) and
     * ends its sessions, as {@link #setPassword} does; the password is returned to be shown this once, and is kept
     * only as its hash.
     *
     * @throws NoSuchElementException when there is no such account
     */
    public String resetPassword(String account, Accounts.Actor by) {
        StringBuilder password = new StringBuilder();
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(GENERATED.charAt(random.nextInt(GENERATED.length())));
        }
        setPassword(account, password.toString(), by);
        return password.toString();
    }

    /**
     * Signs in with a password from {@code origin} (the client's address): a new session, or why not. The session the
     * browser had ({@code earlier}, or {@code null}) ends first: a session is never carried across a sign-in.
     */
    public Outcome signIn(String account, String password, String origin, String earlier) {
        return attempt(account, password, origin, (h, who) -> {
            end(h, earlier, origin);
            return open(h, who.accountId(), new Caller(account, who.role()), origin);
        });
    }

    /**
     * Changes the caller's own password, given the current one (a wrong one counts as a failed sign-in), and ends
     * the account's other sessions.
     *
     * @param keep the secret of the session to keep (the one the change was made in), or {@code null}
     * @return {@link PasswordChanged}, or why not
     * @throws IllegalArgumentException when the new password is too short or too long
     */
    public Outcome changePassword(Caller caller, String current, String replacement, String keep, String origin) {
        checkPolicy(replacement);
        String hash = hashed(replacement);
        return attempt(caller.account(), current, origin, (h, who) -> {
            h.createUpdate("INSERT INTO service_password (account_id, hash, set_at, set_by) VALUES (:a, :hash, :at, :by)")
                    .bind("a", who.accountId()).bind("hash", hash).bind("at", now()).bind("by", caller.account())
                    .execute();
            long kept = keep == null ? -1 : sessionOf(h, keep).map(Session::id).orElse(-1L);
            endSessions(h, who.accountId(), kept, "password changed");
            accounts.changeLog().record(h, new Accounts.Actor(caller.account(), origin), "changed their password");
            return new PasswordChanged();
        });
    }

    /**
     * One attempt with a password, counted and slowed: when it is right, {@code then} runs in the transaction that
     * records it.
     */
    private Outcome attempt(String account, String password, String origin,
            java.util.function.BiFunction<Handle, Stored, Outcome> then) {
        if (account == null || !Accounts.NAME.matcher(account).matches() || password == null
                || password.length() > LONGEST_PASSWORD * 2) {
            return new Refused(); // no account has such a name, no password is that long: nothing to slow or time
        }
        synchronized (NAME_LOCKS[Math.floorMod(account.hashCode(), NAME_LOCKS.length)]) {
            // one attempt per name at a time in this instance: a burst cannot pass the count before it grows
            Optional<Duration> wait = waitFor(account, clip(origin));
            if (wait.isPresent()) {
                return new SlowDown(wait.get());
            }
            Optional<Stored> stored = jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.role, p.hash FROM"
                    // a disabled account signs in as no account does: the same answer, in the same time
                    + " service_account_now a JOIN service_password p ON p.account_id = a.id WHERE a.name = :name"
                    + " AND NOT a.disabled"
                    + " ORDER BY p.id DESC FETCH FIRST 1 ROWS ONLY").bind("name", account)
                    .map((rs, ctx) -> new Stored(rs.getLong("id"), Role.fromKey(rs.getString("role")).orElseThrow(),
                            rs.getString("hash")))
                    .findOne());
            Optional<Boolean> right = check(password, stored.map(Stored::hash).orElse(NO_PASSWORD));
            if (right.isEmpty()) {
                return new Busy();
            }
            boolean ok = right.get() && stored.isPresent();
            return jdbi.inTransaction(h -> {
                h.createUpdate("INSERT INTO service_sign_in (account_hash, at, origin, succeeded) VALUES (:a, :at, :o, :ok)")
                        .bind("a", Accounts.sha256(account)).bind("at", now()).bind("o", clip(origin)).bind("ok", ok)
                        .execute();
                return ok ? then.apply(h, stored.get()) : new Refused();
            });
        }
    }

    /** Ends the session whose cookie holds {@code secret}, if it is open; says whether it was. */
    public boolean signOut(String secret, String origin) {
        return jdbi.inTransaction(h -> end(h, secret, origin));
    }

    private boolean end(Handle h, String secret, String origin) {
        Optional<Session> s = sessionOf(h, secret);
        if (s.isEmpty()) {
            return false;
        }
        h.createUpdate("INSERT INTO service_session_ended (session_id, ended_at, why) VALUES (:s, :at, 'signed out')")
                .bind("s", s.get().id()).bind("at", now()).execute();
        accounts.changeLog().record(h, new Accounts.Actor(s.get().caller().account(), origin), "signed out");
        return true;
    }

    /** The open session whose cookie holds {@code secret}. */
    public Optional<Session> session(String secret) {
        if (!plausible(secret)) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> sessionOf(h, secret));
    }

    /** The accounts whose passwords these are. */
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public Optional<Caller> byToken(String token) {
        return accounts.byToken(token);
    }

    @Override
    public Optional<Caller> bySession(String secret) {
        return session(secret).map(Session::caller);
    }

    /** Whether an account has a password set (it may then sign in with it). */
    public boolean hasPassword(String account) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM service_password p JOIN service_account a"
                + " ON a.id = p.account_id WHERE a.name = :name").bind("name", account).mapTo(Integer.class).one() > 0);
    }

    /**
     * How long {@code account} must still wait before its next attempt from {@code origin} is heard: the longer of
     * the waits its failures from that address ask (since the later of the window's start and its last success from
     * there) and its failures from every address ask; past the free ones, 1 s, 2 s, 4 s … from the latest failure.
     */
    private Optional<Duration> waitFor(String account, String origin) {
        OffsetDateTime now = now();
        String name = Accounts.sha256(account);
        return jdbi.withHandle(h -> {
            OffsetDateTime window = now.minus(WINDOW);
            OffsetDateTime since = h.createQuery("SELECT MAX(at) FROM service_sign_in WHERE account_hash = :a"
                    + " AND origin = :o AND succeeded AND at > :since").bind("a", name).bind("o", origin)
                    .bind("since", window).mapTo(OffsetDateTime.class).findOne().orElse(window);
            Failures here = h.createQuery("SELECT COUNT(*) AS n, MAX(at) AS latest FROM service_sign_in"
                    + " WHERE account_hash = :a AND origin = :o AND NOT succeeded AND at > :since").bind("a", name)
                    .bind("o", origin).bind("since", since).map(Failures::of).one();
            Failures everywhere = h.createQuery("SELECT COUNT(*) AS n, MAX(at) AS latest FROM service_sign_in"
                    + " WHERE account_hash = :a AND NOT succeeded AND at > :since").bind("a", name)
                    .bind("since", window).map(Failures::of).one();
            Optional<Duration> local = here.waitFrom(now, FREE_FAILURES);
            Optional<Duration> global = everywhere.waitFrom(now, FREE_FAILURES_PER_NAME);
            return local.isEmpty() ? global : global.isEmpty() || local.get().compareTo(global.get()) > 0 ? local
                    : global;
        });
    }

    /** Failed attempts counted, and the latest. */
    private record Failures(int count, OffsetDateTime latest) {
        static Failures of(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                throws java.sql.SQLException {
            return new Failures(rs.getInt("n"), rs.getObject("latest", OffsetDateTime.class));
        }

        /** The wait left at {@code now} when {@code free} failures are free and each one more doubles it. */
        Optional<Duration> waitFrom(OffsetDateTime now, int free) {
            if (count < free || latest == null) {
                return Optional.empty();
            }
            long seconds = Math.min(LONGEST_WAIT.toSeconds(), 1L << Math.min(30, count - free));
            Duration left = Duration.between(now, latest.plusSeconds(seconds));
            return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
        }
    }

    /** Whether {@code password} matches; empty when no hashing slot came free within two seconds. */
    private static Optional<Boolean> check(String password, String hash) {
        try {
            if (!HASHING.tryAcquire(2, TimeUnit.SECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(PasswordHash.matches(password, hash));
        } finally {
            HASHING.release();
        }
    }

    private static String hashed(String password) {
        try {
            HASHING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing a password", e);
        }
        try {
            return PasswordHash.of(password);
        } finally {
            HASHING.release();
        }
    }

    private SignedIn open(Handle h, long accountId, Caller caller, String origin) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime expires = now().plus(SESSION_LIFETIME);
        h.createUpdate("INSERT INTO service_session (account_id, token_hash, created_at, expires_at, origin)"
                + " VALUES (:a, :hash, :at, :until, :o)").bind("a", accountId).bind("hash", Accounts.sha256(secret))
                .bind("at", now()).bind("until", expires).bind("o", clip(origin)).execute();
        accounts.changeLog().record(h, new Accounts.Actor(caller.account(), origin), "signed in");
        return new SignedIn(caller, secret, expires);
    }

    private Optional<Session> sessionOf(Handle h, String secret) {
        if (!plausible(secret)) {
            return Optional.empty();
        }
        return h.createQuery("SELECT s.id, s.expires_at, a.name, a.role FROM service_session s JOIN service_account_now a"
                + " ON a.id = s.account_id WHERE s.token_hash = :hash AND s.expires_at > :now AND NOT a.disabled"
                + " AND NOT EXISTS"
                + " (SELECT 1 FROM service_session_ended e WHERE e.session_id = s.id)")
                .bind("hash", Accounts.sha256(secret)).bind("now", now())
                .map((rs, ctx) -> new Session(rs.getLong("id"), new Caller(rs.getString("name"),
                        Role.fromKey(rs.getString("role")).orElseThrow()), rs.getObject("expires_at", OffsetDateTime.class)))
                .findOne();
    }

    private void endSessions(Handle h, long accountId, long keep, String why) {
        endSessions(h, accountId, keep, why, now());
    }

    /** Ends the sessions of an account but {@code keep} ({@code -1}: all of them). */
    static void endSessions(Handle h, long accountId, long keep, String why, OffsetDateTime now) {
        h.createUpdate("INSERT INTO service_session_ended (session_id, ended_at, why) SELECT s.id, :at, :why FROM"
                + " service_session s WHERE s.account_id = :a AND s.id <> :keep AND NOT EXISTS (SELECT 1 FROM"
                + " service_session_ended e WHERE e.session_id = s.id)").bind("at", now).bind("why", why)
                .bind("a", accountId).bind("keep", keep).execute();
    }

    private static Optional<Long> accountId(Handle h, String name) {
        return h.createQuery("SELECT id FROM service_account WHERE name = :name").bind("name", name).mapTo(Long.class)
                .findOne();
    }

    private static void checkPolicy(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < SHORTEST_PASSWORD || length > LONGEST_PASSWORD) {
            throw new IllegalArgumentException("a password is " + SHORTEST_PASSWORD + " to " + LONGEST_PASSWORD
                    + " characters long, not " + length);
        }
    }

    /** A session secret is 43 URL-safe base64 characters: anything else is looked up nowhere. */
    private static boolean plausible(String secret) {
        return secret != null && secret.length() == 43 && secret.chars().allMatch(c -> c == '-' || c == '_'
                || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    private static String clip(String origin) {
        return origin == null ? "unknown" : origin.length() > 200 ? origin.substring(0, 200) : origin;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private record Stored(long accountId, Role role, String hash) {
    }
}
