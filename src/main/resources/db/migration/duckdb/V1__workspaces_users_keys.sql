-- Workspaces (tenants), users and API keys. Every table carries workspace_id.
create table workspaces (
    workspace_id     uuid primary key,
    name             varchar not null,
    time_zone        varchar not null,
    default_language varchar not null,
    created_at       timestamptz not null
);

create table users (
    workspace_id  uuid not null,
    id            uuid primary key,
    email         varchar not null unique,
    display_name  varchar not null,
    password_hash varchar not null,
    role          varchar not null,
    language      varchar,
    disabled      boolean not null default false,
    created_at    timestamptz not null
);

create table api_keys (
    workspace_id uuid not null,
    id           uuid primary key,
    kind         varchar not null,
    name         varchar not null,
    key_hint     varchar not null,
    key_hash     varchar not null unique,
    created_at   timestamptz not null,
    created_by   varchar not null,
    revoked_at   timestamptz
);
create index api_keys_workspace on api_keys (workspace_id);
