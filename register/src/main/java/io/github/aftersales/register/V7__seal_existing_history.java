package io.github.aftersales.register;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 7: seals the entries recorded before the chain (version 6) as they stand when the
 * register is upgraded, each certificate's from its row on ({@link RegisterChain#sealAll}), so that
 * every certificate's chain starts whole and {@code register check} speaks of every entry. What was
 * changed in the database before the upgrade is sealed as it was found; docs/register.md says so.
 * Flyway finds it by {@link RegisterDatabase}'s configuration (its name gives its version).
 */
final class V7__seal_existing_history extends BaseJavaMigration {

    /** What Flyway records as this migration's checksum ({@link RegisterDatabase#MIGRATIONS}). */
    static final int CHECKSUM = 20261201;

    @Override
    public Integer getChecksum() {
        return CHECKSUM;
    }

    @Override
    public void migrate(Context context) throws Exception {
        RegisterChain.sealAll(context.getConnection());
    }
}
