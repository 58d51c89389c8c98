package io.github.aftersales.register;

import java.util.List;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * A register copied whole into an empty one, every certificate and entry as recorded (numbers,
 * files, results, times and names): how an embedded register moves to the PostgreSQL its body
 * shares. On PostgreSQL the copy is the owner's, the one role whose times and names the append
 * check keeps (migration V4).
 */
final class RegisterCopy {

    private RegisterCopy() {
    }

    /** Copies {@code source} into {@code target}, in one transaction; returns how many certificates. */
    static int copy(Register source, Register target) {
        long copiedUpTo;
        int copied;
        try {
            // the source read as one snapshot, the target written in one transaction
            long[] highest = {0};
            copied = target.jdbi().inTransaction(TransactionIsolationLevel.READ_COMMITTED, out -> {
                long existing = out.createQuery("SELECT COUNT(*) FROM certificate").mapTo(Long.class).one();
                if (existing > 0) {
                    throw new RegisterException(RegisterException.Kind.REFUSED, "the register at "
                            + target.settings().describe() + " already holds " + existing + " certificates; a copy goes"
                            + " into an empty register only. Nothing was written");
                }
                boolean chained = source.chained();
                int count = source.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, in -> {
                    List<Long> numbers = in.createQuery("SELECT id FROM certificate ORDER BY id").mapTo(Long.class)
                            .list();
                    for (long number : numbers) {
                        CertificateStore.insert(out, "certificate", CertificateStore.certificateRow(in, number));
                        CertificateStore.eventRows(in, number, chained, row -> CertificateStore.insert(out,
                                "certificate_event", row));
                        highest[0] = Math.max(highest[0], number);
                        target.steps.accept("certificate copied");
                    }
                    return numbers.size();
                });
                if (!chained) {
                    // a register from before the chain: the copy's entries sealed as they were copied, as an upgrade would
                    try {
                        RegisterChain.sealAll(out.getConnection());
                    } catch (java.sql.SQLException e) {
                        throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
                    }
                }
                return count;
            });
            copiedUpTo = highest[0];
        } catch (JdbiException e) {
            throw source.databaseError("copy the register to " + target.settings().describe(), e);
        }
        try {
            // new certificates are numbered after the copied ones (after the copy: in H2 this ends a transaction)
            target.jdbi().useHandle(h -> h.execute("ALTER TABLE certificate ALTER COLUMN id RESTART WITH "
                    + (copiedUpTo + 1)));
        } catch (JdbiException e) {
            throw new RegisterException(RegisterException.Kind.DATABASE, "copied " + copied + " certificates to "
                    + target.settings().describe() + ", but could not make new numbers follow them: " + SqlErrors.firstLine(e)
                    + ". Run: ALTER TABLE certificate ALTER COLUMN id RESTART WITH " + (copiedUpTo + 1), e);
        }
        return copied;
    }
}
