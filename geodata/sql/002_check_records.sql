-- Check records (留痕), version 2: what tells two rule files of the same version apart, and
-- which records one batch run wrote together.
ALTER TABLE check_records ADD COLUMN rules_checksum TEXT NOT NULL DEFAULT '';  -- SHA-256 of the rule file
ALTER TABLE check_records ADD COLUMN batch_id TEXT NOT NULL DEFAULT '';        -- '' for a single check
CREATE INDEX check_records_site ON check_records (site_name, created_at);
