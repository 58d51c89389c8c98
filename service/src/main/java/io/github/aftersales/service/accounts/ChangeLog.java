package io.github.aftersales.service.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Every change made through the service or to its accounts: who, when, what, from where. Only ever appended to. */
public final class ChangeLog {

    /** One entry. */
    public record Entry(OffsetDateTime at, String actor, String origin, String what) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public ChangeLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records a change on its own. */
    public void record(Accounts.Actor by, String what) {
        jdbi.useHandle(h -> record(h, by, what));
    }

    /** Records a change in the transaction that makes it. */
    public void record(Handle h, Accounts.Actor by, String what) {
        String shown = what.length() > 1000 ? what.substring(0, 999) + "…" : what;
        h.createUpdate("INSERT INTO service_change (changed_at, actor, origin, what) VALUES (:at, :actor, :origin, :what)")
                .bind("at", OffsetDateTime.now(clock)).bind("actor", by.name())
                .bind("origin", by.origin().length() > 200 ? by.origin().substring(0, 200) : by.origin())
                .bind("what", shown).execute();
    }

    /** The latest entries, newest first. */
    public List<Entry> latest(int count) {
        return jdbi.withHandle(h -> h.createQuery("SELECT changed_at, actor, origin, what FROM service_change"
                + " ORDER BY id DESC FETCH FIRST " + Math.max(1, count) + " ROWS ONLY")
                .map((rs, ctx) -> new Entry(rs.getObject("changed_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("origin"), rs.getString("what")))
                .list());
    }
}
