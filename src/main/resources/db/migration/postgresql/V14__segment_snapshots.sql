-- Segment membership snapshots (ADR 0026): reports such as the metrics breakdown by segment read a
-- segment's members from here while the snapshot is fresh, instead of running the segment's rules
-- over every event and order. Recomputed when a segment is saved and every refresh interval.
create table segment_members (
    workspace_id uuid not null,
    segment_id   uuid not null,
    root_id      uuid not null,
    primary key (segment_id, root_id)
);
-- GDPR erase finds a person's rows
create index segment_members_person on segment_members (workspace_id, root_id);

create table segment_snapshots (
    segment_id    uuid primary key,
    workspace_id  uuid not null,
    definition_at timestamptz not null, -- the segment's updated_at the snapshot was computed for
    computed_at   timestamptz not null,
    members       bigint not null
);
