-- Features of a tiling layer (land use, permanent basic farmland) whose interiors overlap,
-- found when the layer is written (featureoverlaps.h). A site check adds the pieces of such a
-- layer's features and unions only those listed here; the import report names them.
CREATE TABLE layer_overlaps (
    table_name TEXT NOT NULL,     -- the layer's table (an archived version's after a replace)
    fid INTEGER NOT NULL,
    other_fid INTEGER NOT NULL,   -- fid < other_fid
    area_m2 REAL NOT NULL,        -- of the two features' intersection
    PRIMARY KEY (table_name, fid, other_fid)
) WITHOUT ROWID;
-- Which tables were checked (a table missing here was written before this migration).
CREATE TABLE layer_overlap_checks (
    table_name TEXT PRIMARY KEY,
    checked_at TEXT NOT NULL,
    pairs INTEGER NOT NULL
);
