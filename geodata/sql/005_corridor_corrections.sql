-- A progress entry recorded in error is corrected by a new entry that supersedes it; nothing is
-- deleted (the audit trail keeps both). An entry is superseded at most once: a later correction
-- supersedes the correction.
ALTER TABLE corridor_progress ADD COLUMN supersedes INTEGER REFERENCES corridor_progress (id);
CREATE UNIQUE INDEX corridor_progress_supersedes ON corridor_progress (supersedes)
    WHERE supersedes IS NOT NULL;
