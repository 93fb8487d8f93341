-- Surveys, their versions, responses with one typed row per answer, distribution and contact history.
create table surveys (
    workspace_id     uuid not null,
    id               uuid primary key,
    name             text not null,
    status           text not null,      -- draft, live, paused
    version          integer not null,      -- the current version
    default_language text not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create table survey_versions (
    workspace_id uuid not null,
    survey_id    uuid not null,
    version      integer not null,
    definition   jsonb not null,
    created_at   timestamptz not null,
    primary key (survey_id, version)
);

create table responses (
    workspace_id uuid not null,
    id           uuid primary key,
    survey_id    uuid not null,
    version      integer not null,
    customer_id  uuid,
    channel      text not null,          -- link, email, widget, api
    touchpoint   text,
    language     text not null,
    token_id     uuid,                      -- the personal link it came through, if any
    single_use_key uuid,                    -- the token id when the link was single-use
    send_id      uuid,                      -- the triggered send it answers, if any
    started_at   timestamptz not null,
    finished_at  timestamptz,
    partial      boolean not null,
    nps_score    integer,                   -- the first nps answer, for quick reads
    client_key   text,                   -- an id the client gave, for idempotent retries
    unique (workspace_id, single_use_key),
    unique (workspace_id, survey_id, client_key)
);

create table answers (
    workspace_id  uuid not null,
    response_id   uuid not null,
    question_id   text not null,
    question_type text not null,
    ordinal       integer not null,         -- 0, or the position of a choice in a multi_choice answer
    value_number  double precision,
    value_text    text,
    scale_max     integer,                  -- top of the scale for score answers
    reversed      boolean not null,         -- true when a higher score means worse (CES worded as difficulty)
    primary key (response_id, question_id, ordinal)
);

create table feedback_settings (
    workspace_id      uuid primary key,
    cooldown_days     integer not null,
    max_surveys       integer not null,
    period_days       integer not null,
    reminder_days     integer,              -- null: reminders off
    signing_key       text not null,
    updated_at        timestamptz not null
);

create table survey_triggers (
    workspace_id uuid not null,
    id           uuid primary key,
    survey_id    uuid not null,
    event        text not null,
    delay_seconds bigint not null,
    channel      text not null,          -- email, widget
    sample_pct   integer not null,
    segment_id   uuid,
    enabled      boolean not null,
    created_at   timestamptz not null
);

-- one row per (trigger, event): the unique key is what makes a trigger fire exactly once per event
create table survey_sends (
    workspace_id  uuid not null,
    id            uuid primary key,
    trigger_id    uuid,
    survey_id     uuid not null,
    customer_id   uuid not null,
    channel       text not null,
    source_key    text not null,          -- the triggering event's message id, or a manual send id
    due_at        timestamptz not null,
    status        text not null,          -- pending, sending, sent, shown, skipped, failed
    reason        text,
    reason_detail text,
    token_id      uuid,
    processed_at  timestamptz,
    reminder_due_at timestamptz,
    reminded_at   timestamptz,
    created_at    timestamptz not null,
    unique (workspace_id, survey_id, customer_id, source_key)
);

-- every time a customer was asked (email sent, widget shown): the history fatigue rules read
create table survey_contacts (
    workspace_id uuid not null,
    id           uuid primary key,
    customer_id  uuid not null,
    survey_id    uuid not null,
    channel      text not null,
    contacted_at timestamptz not null
);

create index survey_contacts_customer on survey_contacts (workspace_id, customer_id, contacted_at);
create index responses_survey on responses (workspace_id, survey_id, started_at);
create index survey_sends_due on survey_sends (status, due_at);
