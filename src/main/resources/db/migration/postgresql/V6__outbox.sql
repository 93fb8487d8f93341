-- Transactional outbox: a message is written in the same transaction as the change it reports
-- (a response submitted, a case opened, a customer merged or erased). The loop module's webhook
-- dispatcher fans pending messages out to subscriptions and marks them dispatched; a message is
-- never lost between the change and its delivery, even across a crash.
create table outbox (
    id            uuid primary key,         -- UUIDv7; also the Standard Webhooks message id (msg_...)
    workspace_id  uuid not null,
    type          text not null,              -- e.g. response.submitted, case.opened, customer.erased
    payload       text not null,              -- JSON object: the event's data
    created_at    timestamptz not null,
    dispatched_at timestamptz               -- null until fanned out to the subscriptions
);

create index outbox_pending on outbox (dispatched_at, created_at);
