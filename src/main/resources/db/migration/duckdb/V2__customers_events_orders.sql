-- Profiles. Traits, first and last seen are read from trait_history and events. A merged profile keeps its rows and points at its survivor (merged_into); root_id is the
-- profile that stands for it now, so reads join on root_id and an unmerge only resets pointers.
create table customers (
    workspace_id uuid not null,
    id           uuid primary key,
    root_id      uuid not null,
    merged_into  uuid,
    user_id      varchar,
    created_at   timestamptz not null
);

-- Identities (anonymous_id, user_id, email, phone), normalised; each belongs to the profile that first had it.
create table identities (
    workspace_id uuid not null,
    kind         varchar not null,
    value        varchar not null,
    customer_id  uuid not null,
    created_at   timestamptz not null,
    primary key (workspace_id, kind, value)
);

create table trait_history (
    workspace_id uuid not null,
    customer_id  uuid not null,
    name         varchar not null,
    value        json,
    message_id   varchar,
    observed_at  timestamptz not null
);

create table consents (
    workspace_id uuid not null,
    customer_id  uuid not null,
    channel      varchar not null,
    granted      boolean not null,
    source       varchar not null,
    observed_at  timestamptz not null
);

create table merges (
    workspace_id uuid not null,
    id           uuid primary key,
    survivor_id  uuid not null,
    merged_id    uuid not null,
    reason       varchar not null,
    merged_at    timestamptz not null,
    undone_at    timestamptz
);

-- Every accepted interaction. message_id makes ingestion idempotent.
create table events (
    workspace_id uuid not null,
    message_id   varchar not null,
    customer_id  uuid not null,
    type         varchar not null,
    event        varchar,
    channel      varchar not null,
    ts           timestamptz not null,
    received_at  timestamptz not null,
    sent_at      timestamptz,
    properties   json,
    context      json,
    primary key (workspace_id, message_id)
);

create table orders (
    workspace_id  uuid not null,
    order_id      varchar not null,
    customer_id   uuid not null,
    total         decimal(18, 2),
    currency      varchar,
    status        varchar not null,
    status_at     timestamptz not null,
    placed_at     timestamptz,
    shipped_at    timestamptz,
    delivered_at  timestamptz,
    refunded_at   timestamptz,
    refund_total  decimal(18, 2),
    delayed_count integer not null,
    updated_at    timestamptz not null,
    primary key (workspace_id, order_id)
);

create table order_items (
    workspace_id uuid not null,
    order_id     varchar not null,
    line         integer not null,
    product_id   varchar not null,
    name         varchar,
    category     varchar,
    price        decimal(18, 2) not null,
    quantity     integer not null,
    primary key (workspace_id, order_id, line)
);

-- Events that failed validation: kept with their reasons until fixed and replayed, or discarded.
create table failed_events (
    workspace_id uuid not null,
    id           uuid primary key,
    message_id   varchar,
    customer_key varchar,
    payload      varchar not null,
    reasons      json not null,
    status       varchar not null,
    received_at  timestamptz not null,
    resolved_at  timestamptz
);
