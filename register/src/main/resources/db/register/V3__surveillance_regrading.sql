-- What a surveillance grade may do to each certificate, as its scheme said when it was issued
-- (CertificationCycle.Regrading): 'new-grade' (ZG025 4.4: higher or lower), 'keep-or-downgrade'
-- (CQM 6.4: a higher grade takes a new evaluation) or 'none' (the standard gives no surveillance).
-- Written by the program at issue; on PostgreSQL the append check (V4) refuses a surveillance that
-- raises a certificate whose scheme does not allow it.
ALTER TABLE certificate ADD COLUMN surveillance_regrading VARCHAR(30);

-- Certificates recorded before: the built-in schemes' rules as this version ships them (their
-- scheme.json); a plugin's certificate stays unknown (NULL), and the database then allows no raise.
UPDATE certificate SET surveillance_regrading = CASE
    WHEN scheme IN ('zg025', 'zg025-combined') THEN 'new-grade'
    WHEN scheme = 'cqm' THEN 'keep-or-downgrade'
    WHEN scheme = 'gbt27922' THEN 'none'
END;

ALTER TABLE certificate ADD CONSTRAINT certificate_surveillance_regrading
    CHECK (surveillance_regrading IN ('new-grade', 'keep-or-downgrade', 'none'));
