-- Per-segment, per-day answer rollups for the breakdown by segment (ADR 0028): the finished NPS,
-- CSAT and CES answers of a segment's stored members (segment_members), per local day in the
-- workspace's rollup zone (metric_rollup_state.zone), survey and score. Kept by the metric rollup
-- refresher beside metric_answer_days: the days it recomputes there it recomputes here, and a
-- segment whose snapshot was recomputed since (members_as_of <> segment_snapshots.computed_at) is
-- rebuilt whole. Read only while members_as_of equals the snapshot the breakdown reads.
create table segment_answer_days (
    workspace_id  uuid not null,
    segment_id    uuid not null,
    day           date not null,
    survey_id     uuid not null,
    question_type text not null,           -- nps, csat, ces
    value_number  double precision,
    scale_max     integer,
    reversed      boolean not null,
    answers       bigint not null
);

-- Which snapshot of a segment's members its rows were computed from.
create table segment_rollup_state (
    segment_id    uuid primary key,
    workspace_id  uuid not null,
    members_as_of timestamptz not null
);

-- A breakdown reads some segments' days; a refresh replaces one segment's or some days' rows.
create index segment_answer_days_segment on segment_answer_days (workspace_id, segment_id, day);
