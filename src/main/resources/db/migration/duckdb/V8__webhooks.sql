-- Webhook subscriptions of a workspace: where to send which outbox messages, signed with the
-- subscription's secret (Standard Webhooks). The secret is kept as given out, because signing needs
-- it; the previous secret stays valid for a day after a rotation so receivers can switch over.
create table webhook_subscriptions (
    workspace_id          uuid not null,
    id                    uuid primary key,
    url                   varchar not null,
    event_types           varchar not null,          -- comma-separated types, or * for all
    description           varchar,
    secret                varchar not null,          -- whsec_<base64>
    previous_secret       varchar,
    previous_secret_until timestamptz,
    enabled               boolean not null,
    disabled_reason       varchar,                   -- manual | failing
    disabled_at           timestamptz,
    consecutive_failures  integer not null,
    failing_since         timestamptz,          -- first failed attempt since the last success
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);

create index webhook_subscriptions_workspace on webhook_subscriptions (workspace_id);

-- One outbox message for one subscription: pending until delivered (succeeded) or given up
-- (failed). next_attempt_at is the durable retry schedule; a worker claims a due delivery by moving
-- next_attempt_at past the request timeout, so a crash mid-send is retried, never lost.
create table webhook_deliveries (
    workspace_id     uuid not null,
    id               uuid primary key,
    subscription_id  uuid not null,
    message_id       uuid not null,             -- outbox id; the webhook-id header
    event_type       varchar not null,
    status           varchar not null,               -- pending | succeeded | failed
    attempts         integer not null,
    next_attempt_at  timestamptz,
    last_status_code integer,
    replay_requested boolean not null,          -- the next attempt was asked for by a person
    last_error       varchar,
    created_at       timestamptz not null,
    completed_at     timestamptz,
    unique (subscription_id, message_id)
);

create index webhook_deliveries_due on webhook_deliveries (status, next_attempt_at);
create index webhook_deliveries_subscription on webhook_deliveries (subscription_id, created_at);

-- The delivery log: every attempt with what the endpoint answered.
create table webhook_attempts (
    workspace_id  uuid not null,
    id            uuid primary key,
    delivery_id   uuid not null,
    attempt       integer not null,
    attempted_at  timestamptz not null,
    status_code   integer,                      -- null when no HTTP answer (timeout, refused)
    error         varchar,
    duration_ms   bigint not null,
    kind          varchar not null                   -- scheduled | replay | test
);

create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempt);
