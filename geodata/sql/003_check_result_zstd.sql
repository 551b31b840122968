-- Check records (留痕), version 3: the result document is stored compressed. A batch of
-- 1 000 sites against a million parcels wrote 35 MB of result JSON, twice (the WAL and its
-- checkpoint); zstd level 1 makes it about a sixth of that. Records written before keep their
-- text in result_json; new ones leave result_json '' and fill result_zstd.
ALTER TABLE check_records ADD COLUMN result_zstd BLOB;  -- the result JSON (UTF-8), zstd frame
