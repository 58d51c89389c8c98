-- PostgreSQL only (H2's embedded file has no roles: whoever may write it may write anything).
-- An auditor connects as a role that may only SELECT and INSERT (docs/register.md). These triggers
-- make an INSERT the program's append and nothing else: who and when are the database's (its clock,
-- the session's login), and an entry the program would refuse is refused here too. What the
-- database cannot check is the grade itself: it does not evaluate the stored file.
--
-- The owner of the tables (who made the schema, and who runs 'register copy' into an empty
-- register) may give who and when, so that a copy keeps them as they were first recorded; the
-- owner could drop these triggers anyway.

-- Each function is created in the register's schema with its tables and functions named with that
-- schema, and searches only the system catalog, then the session's temporary tables (which are
-- never searched for functions or operators): no table, function or operator made elsewhere, and
-- no temporary table named like the register's, can stand in for the register's own.

DO $do$ BEGIN EXECUTE replace($f$
CREATE FUNCTION @S@.register_stamp_is_kept(recorded_at TIMESTAMP WITH TIME ZONE, recorded_by VARCHAR)
RETURNS BOOLEAN LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT recorded_at IS NOT NULL AND recorded_by IS NOT NULL
        AND pg_has_role(session_user, (SELECT c.relowner FROM pg_class c
            WHERE c.oid = '@S@.certificate_event'::regclass), 'USAGE')
$$
$f$, '@S@', quote_ident(current_schema())); END $do$;

DO $do$ BEGIN EXECUTE replace($f$
CREATE FUNCTION @S@.register_refuse(message TEXT) RETURNS VOID LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- 23514 with "register: ": the program reports it as a refusal (exit 6)
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'register: ' || message;
END
$$
$f$, '@S@', quote_ident(current_schema())); END $do$;

DO $do$ BEGIN EXECUTE replace($f$
CREATE FUNCTION @S@.certificate_recorded() RETURNS TRIGGER LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT @S@.register_stamp_is_kept(NEW.recorded_at, NEW.recorded_by) THEN
        NEW.recorded_at := now();
        NEW.recorded_by := session_user;
    END IF;
    RETURN NEW;
END
$$
$f$, '@S@', quote_ident(current_schema())); END $do$;

CREATE TRIGGER certificate_recorded BEFORE INSERT ON certificate
    FOR EACH ROW EXECUTE FUNCTION certificate_recorded();

-- a certificate is issued with its first entry, in the same transaction
DO $do$ BEGIN EXECUTE replace($f$
CREATE FUNCTION @S@.certificate_issued() RETURNS TRIGGER LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM @S@.certificate_event e WHERE e.certificate_id = NEW.id AND e.seq = 1) THEN
        PERFORM @S@.register_refuse('certificate ' || NEW.id || ' has no issue entry; a certificate is recorded with it');
    END IF;
    RETURN NULL;
END
$$
$f$, '@S@', quote_ident(current_schema())); END $do$;

CREATE CONSTRAINT TRIGGER certificate_issued AFTER INSERT ON certificate
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION certificate_issued();

DO $do$ BEGIN EXECUTE replace($f$
CREATE FUNCTION @S@.certificate_event_appended() RETURNS TRIGGER LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    cert @S@.certificate%ROWTYPE;
    last @S@.certificate_event%ROWTYPE;
    last_evaluation DATE;
    what TEXT := 'certificate ' || NEW.certificate_id || ' entry #' || NEW.seq || ': ';
BEGIN
    IF NOT @S@.register_stamp_is_kept(NEW.recorded_at, NEW.recorded_by) THEN
        NEW.recorded_at := now();
        NEW.recorded_by := session_user;
    END IF;
    SELECT * INTO cert FROM @S@.certificate WHERE id = NEW.certificate_id;
    IF NOT FOUND THEN
        RETURN NEW; -- the foreign key refuses it
    END IF;
    SELECT * INTO last FROM @S@.certificate_event WHERE certificate_id = NEW.certificate_id ORDER BY seq DESC LIMIT 1;

    IF NOT FOUND THEN
        IF NEW.seq <> 1 OR NEW.kind <> 'issued' OR NEW.decision <> 'issue' OR NEW.state <> 'active'
                OR NEW.stars <= 0 OR NEW.event_date <> cert.issued_on OR NEW.cycle_start <> cert.issued_on THEN
            PERFORM @S@.register_refuse(what || 'the first entry is the issue, active with stars, on the issue date');
        END IF;
        RETURN NEW;
    END IF;

    IF NEW.seq <= last.seq THEN
        RETURN NEW; -- another writer appended first: the key refuses it, and the program decides again
    END IF;
    IF NEW.seq <> last.seq + 1 THEN
        PERFORM @S@.register_refuse(what || 'the next entry is #' || (last.seq + 1));
    END IF;
    IF last.state = 'revoked' THEN
        PERFORM @S@.register_refuse(what || 'the certificate was revoked; it takes nothing more');
    END IF;
    IF NEW.event_date < cert.issued_on THEN
        PERFORM @S@.register_refuse(what || NEW.event_date || ' is before the issue on ' || cert.issued_on);
    END IF;

    IF NEW.kind = 'incident' THEN
        IF NEW.decision <> 'note' OR NEW.incident_type IS NULL OR NEW.state <> last.state OR NEW.stars <> last.stars
                OR NEW.grade <> last.grade OR NEW.cycle_start <> last.cycle_start THEN
            PERFORM @S@.register_refuse(what || 'an incident is noted: it changes neither state, stars, grade nor cycle');
        END IF;
        RETURN NEW;
    END IF;

    IF NEW.kind NOT IN ('surveillance', 're-evaluation') THEN
        PERFORM @S@.register_refuse(what || 'a certificate is issued once; later entries are surveillance,'
            || ' re-evaluation or incident');
    END IF;
    SELECT MAX(e.event_date) INTO last_evaluation FROM @S@.certificate_event e
        WHERE e.certificate_id = NEW.certificate_id AND e.kind <> 'incident';
    IF NEW.event_date < last_evaluation THEN
        PERFORM @S@.register_refuse(what || 'an evaluation on ' || NEW.event_date || ' is before the last one on '
            || last_evaluation);
    END IF;
    IF NEW.incident_type IS NOT NULL OR NEW.assessment IS NULL THEN
        PERFORM @S@.register_refuse(what || 'an evaluation is recorded on its assessment file');
    END IF;

    IF NEW.decision = 'suspend' THEN
        IF NEW.state <> 'suspended' OR NEW.stars <> last.stars OR NEW.grade <> last.grade
                OR NEW.cycle_start <> last.cycle_start THEN
            PERFORM @S@.register_refuse(what || 'a suspension keeps the stars, grade and cycle');
        END IF;
    ELSIF NEW.decision = 'revoke' THEN
        IF NEW.state <> 'revoked' OR NEW.stars <> 0 OR NEW.cycle_start <> last.cycle_start THEN
            PERFORM @S@.register_refuse(what || 'a revocation leaves no stars and the cycle as it was');
        END IF;
    ELSIF NEW.kind = 're-evaluation' THEN
        IF NEW.decision <> 'regrade' OR NEW.state <> 'active' OR NEW.stars <= 0
                OR NEW.cycle_start <> NEW.event_date THEN
            PERFORM @S@.register_refuse(what || 'a re-evaluation regrades, suspends or revokes; a regrade starts'
                || ' a new cycle on its date');
        END IF;
    ELSE
        -- surveillance (ZG025 4.4, CQM 6.4)
        IF cert.surveillance_regrading = 'none' THEN
            PERFORM @S@.register_refuse(what || 'the standard of ' || cert.scheme || ' ' || cert.variant
                || ' gives no surveillance; a new evaluation regrades it');
        END IF;
        IF NEW.state <> 'active' OR NEW.cycle_start <> last.cycle_start OR NEW.stars <= 0
                OR (NEW.decision = 'keep' AND (NEW.stars <> last.stars OR NEW.grade <> last.grade))
                OR (NEW.decision = 'downgrade' AND NEW.stars >= last.stars)
                OR (NEW.decision = 'upgrade' AND NEW.stars <= last.stars)
                OR NEW.decision NOT IN ('keep', 'downgrade', 'upgrade') THEN
            PERFORM @S@.register_refuse(what || 'a surveillance keeps, downgrades, upgrades, suspends or revokes, in'
                || ' the current cycle');
        END IF;
        IF NEW.decision = 'upgrade' AND cert.surveillance_regrading IS DISTINCT FROM 'new-grade' THEN
            PERFORM @S@.register_refuse(what || 'a surveillance of ' || cert.scheme || ' ' || cert.variant
                || ' does not raise the certificate; a higher level takes a new evaluation');
        END IF;
    END IF;
    RETURN NEW;
END
$$
$f$, '@S@', quote_ident(current_schema())); END $do$;

CREATE TRIGGER certificate_event_appended BEFORE INSERT ON certificate_event
    FOR EACH ROW EXECUTE FUNCTION certificate_event_appended();

