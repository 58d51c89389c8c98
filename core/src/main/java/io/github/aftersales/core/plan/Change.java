package io.github.aftersales.core.plan;

import java.math.BigDecimal;

/**
 * One change an organisation can act on, with what it gains.
 *
 * @param scheme the scheme whose assessment part it changes
 * @param kind   what is changed
 * @param id     the clause (or category scored as a whole, or checklist item) id, or the fact's name
 * @param title  the clause's or item's title as written, or {@code null} for a fact
 * @param from   the current result as people read it ("0 of 5", "not applicable", "75")
 * @param to     the result it needs ("conform: 5 of 5", "≥ 80")
 * @param gain   the points it gains on the part's raw score; for a clause back in scope, the points it
 *               brings back (to the score and to the applicable total); {@code null} for a fact or a
 *               checklist item
 * @param effort the effort it takes from the effort file, or {@code null} when none was given
 * @param value  for a fact, the value that meets every condition of the level on it (a number or a word)
 */
public record Change(String scheme, Kind kind, String id, String title, String from, String to, BigDecimal gain,
        BigDecimal effort, Object value) {

    /** What a change changes. */
    public enum Kind {
        /** A clause from its current result to conforming (full points). */
        CLAUSE("clause"),
        /** An excluded (not applicable) clause back in scope, conforming. */
        IN_SCOPE("in-scope"),
        /** A stated fact (a survey figure, an audit outcome) to a value. */
        FACT("fact"),
        /**
         * A checklist item (no points) to conforming, where the fact a level needs is derived from its
         * checklist (CQM's managementAudit under {@code cqm.managementAudit = derived}).
         */
        ITEM("item");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
