-- Discovery definitions: what a network scans, with which daemon, and when (io.topograph.discovery.definitions).
-- A CRON or INTERVAL definition that is enabled has one Quartz trigger (platform/scheduling, V51 tables),
-- kept in step with the row in the same transaction.
create table discovery_definitions (
    id                uuid primary key,
    organization_id   uuid not null,
    network_id        uuid not null,
    name              text not null check (length(name) between 1 and 100),
    -- False: any online daemon of the network. True: the chosen daemon; daemon_id turns null
    -- when that daemon is deleted, and the definition then skips its fires with a reason
    -- until someone chooses another daemon (it is never dropped silently).
    daemon_pinned     boolean not null default false,
    daemon_id         uuid,
    daemon_name       text,
    -- Empty: the subnets of the daemon(s), as last reported, resolved when the run is queued.
    targets           jsonb not null default '[]',
    exclude           jsonb not null default '[]',
    ports             text not null default 'top100',
    options           jsonb not null default '{}',
    schedule_kind     text not null check (schedule_kind in ('CRON', 'INTERVAL', 'MANUAL')),
    -- The five-field expression as written by the user, and its IANA time zone.
    cron              text,
    timezone          text,
    interval_seconds  integer check (interval_seconds between 300 and 31622400),
    enabled           boolean not null default true,
    -- Made for a daemon when it enrolled (its own subnets, weekly).
    is_default        boolean not null default false,
    -- Why the last fire queued nothing (its daemon is disabled or deleted, no subnets known), and when.
    last_skip_reason  text,
    last_skipped_at   timestamptz,
    created_by        uuid references users (id) on delete set null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    unique (organization_id, id),
    check (daemon_pinned or daemon_id is null),
    check ((schedule_kind = 'CRON') = (cron is not null and timezone is not null)),
    check ((schedule_kind = 'INTERVAL') = (interval_seconds is not null)),
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade,
    foreign key (organization_id, daemon_id) references daemons (organization_id, id) on delete set null (daemon_id)
);
create index discovery_definitions_network_idx on discovery_definitions (organization_id, network_id, lower(name));
create index discovery_definitions_daemon_idx on discovery_definitions (organization_id, daemon_id) where daemon_id is not null;

-- Runs queued by a definition; a scheduled fire is enqueued at most once (scheduled_for = the
-- trigger's scheduled fire time), whichever server node fires it and however often it retries.
alter table discovery_runs add column definition_id uuid;
alter table discovery_runs add column scheduled_for timestamptz;
alter table discovery_runs add constraint discovery_runs_definition_fk foreign key (organization_id, definition_id)
    references discovery_definitions (organization_id, id) on delete set null (definition_id);
alter table discovery_runs add constraint discovery_runs_definition_fire_uq unique (organization_id, definition_id, scheduled_for);
create index discovery_runs_definition_idx on discovery_runs (organization_id, definition_id, created_at desc)
    where definition_id is not null;
