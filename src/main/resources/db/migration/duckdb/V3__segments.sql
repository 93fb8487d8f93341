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

-- backfill the typed columns for traits stored before this migration
update trait_history
set value_text = json_extract_string(value, '$'),
    value_number = case when json_type(value) in ('BIGINT', 'UBIGINT', 'DOUBLE') then cast(json_extract_string(value, '$') as double) end
where json_type(value) in ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN');
