-- Closing the loop: rules, what they fired on, cases with their history, SLAs and outgoing mail.

-- A rule: a condition on responses or events, an optional segment, and actions (JSON, checked by
-- the loop module's RuleDefinition before it is stored).
create table loop_rules (
    workspace_id uuid not null,
    id           uuid primary key,
    name         text not null,
    enabled      boolean not null,
    definition   text not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

-- Per-workspace loop settings: business hours and SLA targets, the follow-up survey, and whether
-- the default rule was already created (so a deleted default rule is not created again).
create table loop_settings (
    workspace_id        uuid primary key,
    default_rule_at     timestamptz,
    business_days       text not null,     -- ISO days of week, e.g. 1,2,3,4,5
    business_start      text not null,     -- HH:MM in the workspace time zone
    business_end        text not null,
    sla_urgent_minutes  integer not null,     -- business minutes to resolve
    sla_high_minutes    integer not null,
    sla_normal_minutes  integer not null,
    sla_low_minutes     integer not null,
    follow_up_survey_id uuid,
    follow_up_delay_seconds bigint not null,
    updated_at          timestamptz not null
);

-- Every response or event the rule worker has looked at, so it looks at each exactly once even
-- when rows commit late or the server restarts.
create table loop_scanned (
    workspace_id uuid not null,
    item_type    text not null,            -- response, event
    item_id      text not null,
    scanned_at   timestamptz not null,
    primary key (workspace_id, item_type, item_id)
);

-- One row per rule and triggering item: the unique key makes a rule fire exactly once per item.
create table rule_firings (
    workspace_id uuid not null,
    id           uuid primary key,
    rule_id      uuid not null,
    item_type    text not null,
    item_id      text not null,
    customer_id  uuid,
    case_id      uuid,
    fired_at     timestamptz not null,
    unique (rule_id, item_type, item_id)
);

create table cases (
    workspace_id      uuid not null,
    id                uuid primary key,
    number            bigint not null,        -- per workspace, for people: #42
    title             text not null,
    status            text not null,       -- open, in_progress, waiting_on_customer, resolved, closed
    priority          text not null,       -- urgent, high, normal, low
    owner_id          uuid,                   -- a user of the workspace
    customer_id       uuid,                   -- the customer's root profile
    response_id       uuid,                   -- the triggering response
    rule_id           uuid,
    opened_at         timestamptz not null,
    first_response_at timestamptz,            -- first change or note by a person
    due_at            timestamptz,
    resolved_at       timestamptz,
    closed_at         timestamptz,
    escalation_level  integer not null,       -- 0 none, 1 owner warned, 2 admins told
    breached          boolean not null,
    follow_up_send_id uuid,                   -- the follow-up survey send planned on resolution
    updated_at        timestamptz not null
);

create index cases_inbox on cases (workspace_id, status, opened_at);

-- Every change to a case: who, what, when. Notes and service recovery actions are entries too.
create table case_history (
    workspace_id uuid not null,
    id           uuid primary key,
    case_id      uuid not null,
    actor_id     uuid,                        -- the user, or null for the system / a rule
    actor        text not null,            -- shown name: a user's email, "rule: …", "system"
    kind         text not null,            -- opened, status, owner, priority, note, recovery, escalation, follow_up
    field        text,
    old_value    text,
    new_value    text,
    body         text,
    happened_at  timestamptz not null
);

create index case_history_case on case_history (case_id, happened_at);

-- Mail the loop sends (rule notifications, escalations, apologies): written in the same write as
-- the change, sent after commit by the worker; claimed before sending so it goes at most once.
create table loop_mail (
    workspace_id uuid not null,
    id           uuid primary key,
    case_id      uuid,
    recipient    text not null,
    subject      text not null,
    body         text not null,
    status       text not null,            -- pending, sending, sent, failed
    detail       text,
    created_at   timestamptz not null,
    sent_at      timestamptz
);

create index loop_mail_pending on loop_mail (status, created_at);
