-- Trait values as plain text and number, so segment rules compare them the same way on both stores.
alter table trait_history add column value_text text;
alter table trait_history add column value_number double precision;

create table segments (
    workspace_id uuid not null,
    id           uuid primary key,
    name         text not null,
    description  text,
    definition   jsonb not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index segments_ws on segments (workspace_id);

-- backfill the typed columns for traits stored before this migration
update trait_history
set value_text = value #>> '{}',
    value_number = case when jsonb_typeof(value) = 'number' then (value #>> '{}')::double precision end
where jsonb_typeof(value) in ('string', 'number', 'boolean');
