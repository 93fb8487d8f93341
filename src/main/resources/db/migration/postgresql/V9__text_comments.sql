-- Text analytics: every analysed survey comment, each workspace's editable theme taxonomy, its
-- text settings, and the sentiment models it trained from its own score-labelled comments.

-- one row per text answer of a finished response; what analysts see is the redacted text
create table text_comments (
    workspace_id     uuid not null,
    id               uuid primary key,
    response_id      uuid not null,
    question_id      text not null,
    survey_id        uuid not null,
    customer_id      uuid,                  -- for GDPR export and erase
    responded_at     timestamptz not null,  -- the response's start, the time metrics filter on
    nps_score        integer,               -- the response's NPS answer, for key drivers
    language         text not null,      -- ko, en, other
    original         text,               -- null unless the workspace keeps original comments
    redacted         text not null,
    sentiment        text not null,      -- positive, neutral, negative
    score            double precision not null,       -- -1 … 1
    clauses          text not null,      -- JSON array of {text, sentiment, score}
    themes           text not null,      -- theme ids between commas: ",delivery,price," (or ",")
    keyphrases       text not null,      -- keyphrases separated by line feeds
    taxonomy_version integer not null,      -- the workspace taxonomy version the themes came from
    model_version    text not null,      -- the sentiment model used, per language
    analysed_at      timestamptz not null,
    unique (workspace_id, response_id, question_id)
);

create index text_comments_time on text_comments (workspace_id, responded_at);

-- a workspace's taxonomy; a workspace without rows uses the shipped default
create table text_themes (
    workspace_id uuid not null,
    id           text not null,
    name_en      text not null,
    name_ko      text not null,
    keywords     text not null,          -- comma-separated, Korean and English
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
    language     text not null,
    model        text not null,
    examples     integer not null,
    accuracy     double precision,
    trained_at   timestamptz not null,
    primary key (workspace_id, language)
);
