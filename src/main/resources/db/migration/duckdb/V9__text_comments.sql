-- Text analytics: every analysed survey comment, each workspace's editable theme taxonomy, its
-- text settings, and the sentiment models it trained from its own score-labelled comments.

-- one row per text answer of a finished response; what analysts see is the redacted text
create table text_comments (
    workspace_id     uuid not null,
    id               uuid primary key,
    response_id      uuid not null,
    question_id      varchar not null,
    survey_id        uuid not null,
    customer_id      uuid,                  -- for GDPR export and erase
    responded_at     timestamptz not null,  -- the response's start, the time metrics filter on
    nps_score        integer,               -- the response's NPS answer, for key drivers
    language         varchar not null,      -- ko, en, other
    original         varchar,               -- null unless the workspace keeps original comments
    redacted         varchar not null,
    sentiment        varchar not null,      -- positive, neutral, negative
    score            double not null,       -- -1 … 1
    clauses          varchar not null,      -- JSON array of {text, sentiment, score}
    themes           varchar not null,      -- theme ids between commas: ",delivery,price," (or ",")
    keyphrases       varchar not null,      -- keyphrases separated by line feeds
    taxonomy_version integer not null,      -- the workspace taxonomy version the themes came from
    model_version    varchar not null,      -- the sentiment model used, per language
    analysed_at      timestamptz not null,
    unique (workspace_id, response_id, question_id)
);

create index text_comments_time on text_comments (workspace_id, responded_at);

-- a workspace's taxonomy; a workspace without rows uses the shipped default
create table text_themes (
    workspace_id uuid not null,
    id           varchar not null,
    name_en      varchar not null,
    name_ko      varchar not null,
    keywords     varchar not null,          -- comma-separated, Korean and English
    position     integer not null,
    primary key (workspace_id, id)
);

create table text_settings (
    workspace_id     uuid primary key,
    keep_original    boolean not null,
    taxonomy_version integer not null,      -- raised on every taxonomy change; comments below it are re-analysed
    updated_at       timestamptz not null
);

-- sentiment models trained from the workspace's own comments (gzipped model text, base64)
create table text_models (
    workspace_id uuid not null,
    language     varchar not null,
    model        varchar not null,
    examples     integer not null,
    accuracy     double,
    trained_at   timestamptz not null,
    primary key (workspace_id, language)
);
