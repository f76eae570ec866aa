-- What changed on a network: one row per change a completed discovery run revealed. Rows keep a
-- copy of the host's name and the change's subject, so the history still reads well after the
-- host or the run is deleted (their ids are then set to null).
create table change_events (
    id               uuid primary key,
    organization_id  uuid not null,
    network_id       uuid not null,
    run_id           uuid,
    host_id          uuid,
    kind             text not null check (kind in ('HOST_APPEARED', 'HOST_DISAPPEARED', 'HOST_CHANGED',
                                                   'SERVICE_APPEARED', 'SERVICE_DISAPPEARED',
                                                   'PORT_OPENED', 'PORT_CLOSED')),
    host_name        text not null,
    -- What the change is about, in words: "22/tcp", "PostgreSQL", "IP address".
    subject          text not null default '',
    before_value     text,
    after_value      text,
    occurred_at      timestamptz not null default now(),
    acknowledged_at  timestamptz,
    acknowledged_by  uuid references users (id) on delete set null,
    unique (organization_id, id),
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade,
    foreign key (organization_id, run_id) references discovery_runs (organization_id, id) on delete set null (run_id),
    foreign key (organization_id, host_id) references hosts (organization_id, id) on delete set null (host_id)
);
create index change_events_network_idx on change_events (organization_id, network_id, occurred_at desc, id);
create index change_events_org_idx on change_events (organization_id, occurred_at desc, id);
create index change_events_run_idx on change_events (organization_id, run_id);
create index change_events_unacknowledged_idx on change_events (organization_id, occurred_at desc) where acknowledged_at is null;
