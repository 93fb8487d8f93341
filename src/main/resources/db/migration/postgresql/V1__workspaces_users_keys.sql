-- Workspaces (tenants), users and API keys. Every table carries workspace_id.
create table workspaces (
    workspace_id     uuid primary key,
    name             text not null,
    time_zone        text not null,
    default_language text not null,
    created_at       timestamptz not null
);

create table users (
    workspace_id  uuid not null,
    id            uuid primary key,
    email         text not null unique,
    display_name  text not null,
    password_hash text not null,
    role          text not null,
    language      text,
    disabled      boolean not null default false,
    created_at    timestamptz not null
);

create table api_keys (
    workspace_id uuid not null,
    id           uuid primary key,
    kind         text not null,
    name         text not null,
    key_hint     text not null,
    key_hash     text not null unique,
    created_at   timestamptz not null,
    created_by   text not null,
    revoked_at   timestamptz
);
create index api_keys_workspace on api_keys (workspace_id);
