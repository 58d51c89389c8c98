-- What each evaluation was made from (its result's provenance: input digest, scheme data digest, readings,
-- program version) and the hash chain of each certificate's history (docs/register.md, The chain): each entry
-- holds the digest of the one before (the first, of its certificate's row) and its own, over a canonical
-- encoding of the entry (RegisterChain). 'register check' recomputes them and names what was changed outside
-- the program. Entries recorded before this version are sealed by V7, which computes their digests as they
-- stand when the register is upgraded.
ALTER TABLE certificate_event ADD COLUMN provenance TEXT;
ALTER TABLE certificate_event ADD COLUMN prev_digest VARCHAR(100);
ALTER TABLE certificate_event ADD COLUMN entry_digest VARCHAR(100);
