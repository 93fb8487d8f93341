-- Profiles. Traits, first and last seen are read from trait_history and events. A merged profile keeps its rows and points at its survivor (merged_into); root_id is the
-- profile that stands for it now, so reads join on root_id and an unmerge only resets pointers.
create table customers (
    workspace_id uuid not null,
    id           uuid primary key,
    root_id      uuid not null,
    merged_into  uuid,
    user_id      text,
    created_at   timestamptz not null
);

-- Identities (anonymous_id, user_id, email, phone), normalised; each belongs to the profile that first had it.
create table identities (
    workspace_id uuid not null,
    kind         text not null,
    value        text not null,
    customer_id  uuid not null,
    created_at   timestamptz not null,
    primary key (workspace_id, kind, value)
);

create table trait_history (
    workspace_id uuid not null,
    customer_id  uuid not null,
    name         text not null,
    value        jsonb,
    message_id   text,
    observed_at  timestamptz not null
);

create table consents (
    workspace_id uuid not null,
    customer_id  uuid not null,
    channel      text not null,
    granted      boolean not null,
    source       text not null,
    observed_at  timestamptz not null
);

create table merges (
    workspace_id uuid not null,
    id           uuid primary key,
    survivor_id  uuid not null,
    merged_id    uuid not null,
    reason       text not null,
    merged_at    timestamptz not null,
    undone_at    timestamptz
);

-- Every accepted interaction. message_id makes ingestion idempotent.
create table events (
    workspace_id uuid not null,
    message_id   text not null,
    customer_id  uuid not null,
    type         text not null,
    event        text,
    channel      text not null,
    ts           timestamptz not null,
    received_at  timestamptz not null,
    sent_at      timestamptz,
    properties   jsonb,
    context      jsonb,
    primary key (workspace_id, message_id)
);

create table orders (
    workspace_id  uuid not null,
    order_id      text not null,
    customer_id   uuid not null,
    total         numeric(18, 2),
    currency      text,
    status        text not null,
    status_at     timestamptz not null,
    placed_at     timestamptz,
    shipped_at    timestamptz,
    delivered_at  timestamptz,
    refunded_at   timestamptz,
    refund_total  numeric(18, 2),
    delayed_count integer not null,
    updated_at    timestamptz not null,
    primary key (workspace_id, order_id)
);

create table order_items (
    workspace_id uuid not null,
    order_id     text not null,
    line         integer not null,
    product_id   text not null,
    name         text,
    category     text,
    price        numeric(18, 2) not null,
    quantity     integer not null,
    primary key (workspace_id, order_id, line)
);

-- Events that failed validation: kept with their reasons until fixed and replayed, or discarded.
create table failed_events (
    workspace_id uuid not null,
    id           uuid primary key,
    message_id   text,
    customer_key text,
    payload      text not null,
    reasons      jsonb not null,
    status       text not null,
    received_at  timestamptz not null,
    resolved_at  timestamptz
);

create index customers_root on customers (workspace_id, root_id);
create index customers_user on customers (workspace_id, user_id);
create index identities_customer on identities (workspace_id, customer_id);
create index events_customer_ts on events (workspace_id, customer_id, ts desc);
create index events_ts on events (workspace_id, ts);
create index orders_customer on orders (workspace_id, customer_id);
create index trait_history_customer on trait_history (workspace_id, customer_id);
create index failed_events_ws on failed_events (workspace_id, status, received_at);
