-- Notifications: per-organization rules saying which change kinds are announced where, and the
-- outbox of deliveries. A delivery row is written in the same transaction as the change events it
-- announces, then sent by a worker on any node (claimed with FOR UPDATE SKIP LOCKED).
create table notification_rules (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id) on delete cascade,
    name             text not null,
    -- Change kinds (ChangeKind names) this rule announces; never empty.
    kinds            text[] not null,
    -- Null: every network of the organization.
    network_id       uuid,
    channel          text not null check (channel in ('EMAIL', 'WEBHOOK')),
    -- EMAIL: the recipient addresses.
    email_recipients text[] not null default '{}',
    -- WEBHOOK: target URL and the signing secret (kept in clear: it is needed to sign each request).
    webhook_url      text,
    webhook_secret   text,
    enabled          boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (organization_id, id),
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade,
    check ((channel = 'EMAIL' and cardinality(email_recipients) > 0)
        or (channel = 'WEBHOOK' and webhook_url is not null and webhook_secret is not null))
);
create index notification_rules_org_idx on notification_rules (organization_id, lower(name));

create table notification_deliveries (
    id                uuid primary key,
    organization_id   uuid not null references organizations (id) on delete cascade,
    -- The rule may be deleted later; the log keeps its copy of the channel and target.
    rule_id           uuid,
    rule_name         text not null,
    network_id        uuid,
    run_id            uuid,
    -- 'changes.recorded' or 'test'.
    event_type        text not null,
    channel           text not null check (channel in ('EMAIL', 'WEBHOOK')),
    -- Email addresses (comma separated) or the webhook URL.
    target            text not null,
    -- EMAIL: subject and body; WEBHOOK: subject is a summary and payload the exact JSON body sent on every attempt.
    subject           text not null,
    payload           text not null,
    change_count      integer not null default 0,
    status            text not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'DELIVERED', 'FAILED')),
    attempts          integer not null default 0,
    next_attempt_at   timestamptz not null default now(),
    -- While SENDING: when a claim lapses (the node died mid-send) and another node may take the row.
    locked_until      timestamptz,
    last_status_code  integer,
    last_error        text,
    last_attempt_at   timestamptz,
    delivered_at      timestamptz,
    created_at        timestamptz not null default now(),
    unique (organization_id, id),
    foreign key (organization_id, rule_id) references notification_rules (organization_id, id) on delete set null (rule_id)
);
create index notification_deliveries_org_idx on notification_deliveries (organization_id, created_at desc, id);
create index notification_deliveries_due_idx on notification_deliveries (next_attempt_at) where status = 'PENDING';
create index notification_deliveries_lapsed_idx on notification_deliveries (locked_until) where status = 'SENDING';
