-- The group roles of a PlanLines database and their rights, applied by `planlines db init` after
-- the migrations (geodata/store/postgis/pgdbinit.cpp), idempotent: run it again after an upgrade.
-- A person's login role is made a member of one group (GRANT planlines_editor TO wang_li);
-- refusals name the group that holds the missing right (pgroles.cpp words them).
--   planlines_viewer  reads everything
--   planlines_editor  + corridor progress entries, check records, audit rows, site layers
--   planlines_admin   + every layer (replacing one), settings, rules
-- Roles are cluster-wide; the rights below are this database's. Logs stay append-only for all
-- three: nobody updates or deletes progress entries, check records or audit rows.

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['planlines_viewer', 'planlines_editor', 'planlines_admin'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- another database's init made it meanwhile
            END;
        END IF;
    END LOOP;
    IF NOT pg_has_role('planlines_editor', 'planlines_viewer', 'MEMBER') THEN
        BEGIN
            GRANT planlines_viewer TO planlines_editor;
        EXCEPTION WHEN unique_violation THEN
            NULL;
        END;
    END IF;
    IF NOT pg_has_role('planlines_admin', 'planlines_editor', 'MEMBER') THEN
        BEGIN
            GRANT planlines_editor TO planlines_admin;
        EXCEPTION WHEN unique_violation THEN
            NULL;
        END;
    END IF;
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO planlines_viewer',
                   current_database());
END $$;

-- Viewer: read every table, today's and those made later by whoever runs this (new layer
-- tables also get an explicit GRANT SELECT from the engine, since editors make site layers).
GRANT USAGE ON SCHEMA public TO planlines_viewer;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO planlines_viewer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO planlines_viewer;

-- Editor: append progress, check records and audit rows; make site layers (their tables, and
-- their registry rows, which the row policies below restrict to role 'site').
GRANT INSERT ON corridor_progress, check_records, audit_log TO planlines_editor;
GRANT INSERT, UPDATE ON layers, layer_versions TO planlines_editor;
GRANT INSERT, UPDATE, DELETE ON layer_fields TO planlines_editor;
GRANT CREATE ON SCHEMA public TO planlines_editor;

-- Admin: every layer, settings, overlaps, roles' labels.
GRANT INSERT, UPDATE, DELETE ON layers, layer_fields, layer_versions, project_settings,
    layer_overlaps, layer_overlap_checks, roles TO planlines_admin;

-- Row policies: everyone reads every registry row; an editor writes the rows of site layers
-- only; an admin writes any. (The tables' owner, who ran this, is not bound by them.)
ALTER TABLE layers ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS planlines_read ON layers;
CREATE POLICY planlines_read ON layers FOR SELECT USING (true);
DROP POLICY IF EXISTS planlines_editor_sites ON layers;
CREATE POLICY planlines_editor_sites ON layers FOR ALL TO planlines_editor
    USING (role = 'site') WITH CHECK (role = 'site');
DROP POLICY IF EXISTS planlines_admin_all ON layers;
CREATE POLICY planlines_admin_all ON layers FOR ALL TO planlines_admin
    USING (true) WITH CHECK (true);

ALTER TABLE layer_fields ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS planlines_read ON layer_fields;
CREATE POLICY planlines_read ON layer_fields FOR SELECT USING (true);
DROP POLICY IF EXISTS planlines_editor_sites ON layer_fields;
CREATE POLICY planlines_editor_sites ON layer_fields FOR ALL TO planlines_editor
    USING (EXISTS (SELECT FROM layers l WHERE l.id = layer_id AND l.role = 'site'))
    WITH CHECK (EXISTS (SELECT FROM layers l WHERE l.id = layer_id AND l.role = 'site'));
DROP POLICY IF EXISTS planlines_admin_all ON layer_fields;
CREATE POLICY planlines_admin_all ON layer_fields FOR ALL TO planlines_admin
    USING (true) WITH CHECK (true);

ALTER TABLE layer_versions ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS planlines_read ON layer_versions;
CREATE POLICY planlines_read ON layer_versions FOR SELECT USING (true);
DROP POLICY IF EXISTS planlines_editor_sites ON layer_versions;
CREATE POLICY planlines_editor_sites ON layer_versions FOR ALL TO planlines_editor
    USING (EXISTS (SELECT FROM layers l WHERE l.id = layer_id AND l.role = 'site'))
    WITH CHECK (EXISTS (SELECT FROM layers l WHERE l.id = layer_id AND l.role = 'site'));
DROP POLICY IF EXISTS planlines_admin_all ON layer_versions;
CREATE POLICY planlines_admin_all ON layer_versions FOR ALL TO planlines_admin
    USING (true) WITH CHECK (true);
