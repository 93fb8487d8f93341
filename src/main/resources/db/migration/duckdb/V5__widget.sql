-- Web widget targeting: on which pages, after which event and how often the widget may show a live
-- survey (the survey's own JSON is unchanged). Sends planned by widget triggers live in survey_sends.
create table survey_widgets (
    workspace_id  uuid not null,
    survey_id     uuid primary key,
    enabled       boolean not null,
    url_pattern   varchar,                  -- glob: /orders/* matches the path, *checkout* the whole address; null: every page
    event         varchar,                  -- show only when this event was tracked in the page; null: any page view
    delay_seconds integer not null,         -- seconds the widget waits after the page load before it shows
    sample_pct    integer not null,         -- share of people (deterministic per person) who may see it, 1-100
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create index survey_widgets_workspace on survey_widgets (workspace_id);
