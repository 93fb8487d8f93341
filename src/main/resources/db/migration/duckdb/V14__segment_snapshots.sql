-- Segment membership snapshots (ADR 0026): reports such as the metrics breakdown by segment read a
-- segment's members from here while the snapshot is fresh, instead of running the segment's rules
-- over every event and order. Recomputed when a segment is saved and every refresh interval.
-- No key on the members: a refresh deletes and re-inserts a segment's rows in one transaction, and
-- DuckDB checks a key against rows deleted earlier in the same transaction.
create table segment_members (
    workspace_id uuid not null,
    segment_id   uuid not null,
    root_id      uuid not null
);

create table segment_snapshots (
    segment_id    uuid primary key,
    workspace_id  uuid not null,
    definition_at timestamptz not null, -- the segment's updated_at the snapshot was computed for
    computed_at   timestamptz not null,
    members       bigint not null
);
