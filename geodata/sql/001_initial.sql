-- PlanLines project schema, version 1.
-- One SpatiaLite database is one county project. Geometry lives in the working CRS
-- (project_settings.working_crs), so areas and distances are planar metres.
-- Applied by geodata/migrator.cpp inside one transaction; PRAGMA user_version records it.

CREATE TABLE project_settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- The thematic roles the program understands; identifiers are stable (CLI, JSON, files).
CREATE TABLE roles (
    id       TEXT PRIMARY KEY NOT NULL,
    label_zh TEXT NOT NULL,
    label_en TEXT NOT NULL
);
INSERT INTO roles (id, label_zh, label_en) VALUES
    ('township',       '乡镇行政区',     'Townships'),
    ('landuse',        '地类图斑',       'Land-use parcels'),
    ('basic_farmland', '永久基本农田',   'Permanent basic farmland'),
    ('eco_redline',    '生态保护红线',   'Ecological protection red line'),
    ('urban_boundary', '城镇开发边界',   'Urban development boundary'),
    ('control_unit',   '环境管控单元',   'Environmental control units'),
    ('corridor',       '淤背区生态廊道', 'Silt-back ecological corridor'),
    ('site',           '项目选址',       'Project sites'),
    ('context',        '基础地理',       'Context');

-- The layer registry: one row per current layer; its features are in table_name.
CREATE TABLE layers (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,          -- what staff call it, e.g. 地类图斑
    role          TEXT NOT NULL REFERENCES roles (id),
    table_name    TEXT NOT NULL UNIQUE,
    geometry_type TEXT NOT NULL,                 -- MULTIPOLYGON, MULTILINESTRING, POINT …
    source        TEXT NOT NULL,                 -- file (and layer) it came from
    imported_at   TEXT NOT NULL,                 -- ISO 8601, UTC
    version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    feature_count INTEGER NOT NULL CHECK (feature_count >= 0),
    crs           TEXT NOT NULL,                 -- EPSG:4548
    checksum      TEXT NOT NULL,                 -- SHA-256 of geometry and attributes
    synthetic     INTEGER NOT NULL DEFAULT 0,    -- 1: synthetic sample data, not real
    description   TEXT NOT NULL DEFAULT '',
    sort_order    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX layers_role ON layers (role);

-- The attribute fields of each layer, with the Chinese alias staff read (DLBM → 地类编码).
CREATE TABLE layer_fields (
    layer_id INTEGER NOT NULL REFERENCES layers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL CHECK (type IN ('TEXT', 'INTEGER', 'REAL', 'DATE')),
    alias    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (layer_id, position)
);

-- History of every layer version, including the current one. Superseded versions keep their
-- features in their own table (table_name) so two versions can be compared.
CREATE TABLE layer_versions (
    id            INTEGER PRIMARY KEY,
    layer_id      INTEGER NOT NULL REFERENCES layers (id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    table_name    TEXT NOT NULL,
    source        TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    feature_count INTEGER NOT NULL,
    checksum      TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    UNIQUE (layer_id, version)
);

-- Corridor construction progress: dated entries per segment (segment_id is the corridor
-- layer's SEGID field). Every entry is an audited edit.
CREATE TABLE corridor_progress (
    id              INTEGER PRIMARY KEY,
    segment_id      TEXT NOT NULL,
    date            TEXT NOT NULL,               -- YYYY-MM-DD
    status          TEXT NOT NULL CHECK (status IN ('planned', 'under_construction',
                                                    'completed', 'accepted', 'maintenance')),
    percent         REAL NOT NULL DEFAULT 0 CHECK (percent >= 0 AND percent <= 100),
    planted_area_m2 REAL,
    note            TEXT NOT NULL DEFAULT '',
    photos          TEXT NOT NULL DEFAULT '',    -- newline-separated file paths
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL
);
CREATE INDEX corridor_progress_segment ON corridor_progress (segment_id, date);

-- Every site check that was run (留痕): inputs, data and rule versions, and the result.
CREATE TABLE check_records (
    id             INTEGER PRIMARY KEY,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    site_name      TEXT NOT NULL,
    site_wkb       BLOB NOT NULL,                -- site geometry in the working CRS
    inputs_json    TEXT NOT NULL,                -- industry, planned use, source file …
    layer_versions TEXT NOT NULL,                -- JSON: role → layer version used
    rules_version  TEXT NOT NULL,
    verdict        TEXT NOT NULL CHECK (verdict IN ('fail', 'attention', 'pass')),
    result_json    TEXT NOT NULL
);

-- Audit log: one row per edit, written in the same transaction as the edit itself.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,                   -- e.g. layer.create, corridor.update
    target      TEXT NOT NULL,                   -- table or object affected
    target_id   TEXT NOT NULL DEFAULT '',
    detail_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_target ON audit_log (target, target_id);
