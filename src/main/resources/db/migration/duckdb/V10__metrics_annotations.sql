-- Annotated changes ("new checkout" on a date): marks on trend charts and the dates of before/after comparisons.
create table metric_annotations (
    workspace_id uuid not null,
    id           uuid primary key,
    on_date      date not null,
    label        varchar not null,
    created_at   timestamptz not null
);
create index metric_annotations_ws on metric_annotations (workspace_id, on_date);
