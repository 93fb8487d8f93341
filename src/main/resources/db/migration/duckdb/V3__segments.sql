-- Trait values as plain text and number, so segment rules compare them the same way on both stores.
alter table trait_history add column value_text varchar;
alter table trait_history add column value_number double;

create table segments (
    workspace_id uuid not null,
    id           uuid primary key,
    name         varchar not null,
    description  varchar,
    definition   json not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
