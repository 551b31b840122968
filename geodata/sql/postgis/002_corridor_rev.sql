-- PlanLines schema on PostgreSQL/PostGIS, version 2: corridor_progress.rev made safe under
-- concurrency. A segment's row version is the rev of its latest entry (entries are never
-- deleted, so it is also how many it has). In version 1 the trigger numbered an entry written
-- without a rev max(rev) + 1 without a lock: two offices recording the same segment at the
-- same moment both computed the same rev and the second failed on corridor_progress_rev, an
-- error a retry would have avoided. Now:
--   * every insert takes a lock per segment (a transaction-level advisory lock, released at
--     commit or rollback) before it reads the segment's latest rev, so writers of one segment
--     take turns and the next one sees the first one's entry;
--   * an entry written without a rev gets the next one;
--   * an entry written with a rev (the writer's read row version + 1) must get exactly that:
--     otherwise someone changed the segment since the writer read it, and the insert fails
--     with SQLSTATE PL409 (the engine's StoreError Conflict); the message names the entry that
--     came first, who recorded it and when, so nothing is silently written over.
-- The lock's key pair: hashtext('planlines.corridor'), hashtext(segment_id).

CREATE OR REPLACE FUNCTION planlines_progress_rev() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last corridor_progress%ROWTYPE;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('planlines.corridor'), hashtext(NEW.segment_id));
    -- A statement after the lock: in READ COMMITTED it sees what the previous holder committed.
    SELECT * INTO last FROM corridor_progress
        WHERE segment_id = NEW.segment_id ORDER BY rev DESC LIMIT 1;
    IF NEW.rev IS NULL THEN
        NEW.rev := coalesce(last.rev, 0) + 1;
    ELSIF NEW.rev <> coalesce(last.rev, 0) + 1 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'PL409',
            MESSAGE = format('segment %s was changed after it was read (row version %s, now %s)',
                             NEW.segment_id, NEW.rev - 1, coalesce(last.rev, 0)),
            DETAIL = CASE WHEN last.id IS NULL THEN 'it has no entries'
                     ELSE format('last entry %s: %s, %s%% on %s, recorded by %s at %s', last.id,
                                 last.status, last.percent, last.date, last.recorded_by,
                                 last.recorded_at) END,
            TABLE = 'corridor_progress';
    END IF;
    RETURN NEW;
END $$;
