-- Per-day answer rollups for NPS, CSAT and CES (ADR 0024).

-- Days whose finished answers changed: every write that finishes a response or erases finished
-- ones adds one row per UTC date of their finish times, in the same transaction, while rollups are
-- on. The rollup refresher recomputes the matching local days and removes the rows it handled.
create table answer_changes (
    id           uuid primary key,
    workspace_id uuid not null,
    day          date not null            -- UTC date of a changed response's finished_at
);
create index answer_changes_workspace on answer_changes (workspace_id);

-- Finished answers per local day (the workspace's time zone, metric_rollup_state.zone), survey and
-- score: what the trend and the period totals sum for whole days.
create table metric_answer_days (
    workspace_id  uuid not null,
    day           date not null,
    survey_id     uuid not null,
    question_type text not null,           -- nps, csat, ces
    value_number  double precision,
    scale_max     integer,
    reversed      boolean not null,
    answers       bigint not null
);
create index metric_answer_days_read on metric_answer_days (workspace_id, question_type, day);

-- For which time zone and up to which local day a workspace's rollups are built. Deleting a row
-- makes the refresher rebuild that workspace's rollups from its answers (after a bulk load that
-- bypassed the product, for instance).
create table metric_rollup_state (
    workspace_id  uuid primary key,
    zone          text not null,
    built_through date not null,
    refreshed_at  timestamptz not null
);

-- The answers of a few days by finish time: today's and changed days' answers beside the rollups,
-- and a refresh's recomputed days (ADR 0024; a day of a 300k-response store: 170 → 90 ms, and the
-- planner stops reading all responses for it). Not on the embedded store, which scans by zone maps.
create index responses_finished on responses (workspace_id, finished_at);
