-- Ingestion of discovery batches (docs/daemon-protocol.md, "batches"): the keys that make a
-- re-scan update rows instead of adding new ones, and which daemon and run saw what.

-- Interfaces: one row per (host, address), so a re-scan updates it. Duplicates cannot come
-- from the application (a manual host has one address); the delete only makes the index safe.
delete from interfaces a using interfaces b
 where a.organization_id = b.organization_id and a.host_id = b.host_id and a.ip = b.ip
   and (a.first_seen, a.id) > (b.first_seen, b.id);
create unique index interfaces_host_ip_uidx on interfaces (organization_id, host_id, ip);
-- Its prefix serves every lookup the older index served.
drop index interfaces_host_idx;
-- Identity rule 1: a MAC address on any interface of a host.
create index interfaces_mac_idx on interfaces (organization_id, mac) where mac is not null;
-- The manufacturer of the MAC (from the daemon's OUI table), shown next to it.
alter table interfaces add column vendor text;

-- Identity rule 3: the host name, case-insensitively, within a network.
create index hosts_network_hostname_idx on hosts (organization_id, network_id, lower(hostname)) where hostname is not null;

-- Provenance: the run (and its daemon) that saw the row last. On hosts a deleted run or daemon
-- leaves null. On ports and services (five and more per host, all rewritten by every scan) the
-- same columns are plain references without a foreign key, which would cost a lookup per row and
-- scan: they may name a run or daemon deleted since (readers join them by organization and id,
-- and show "a run since removed"). host_observations keeps the full, enforced record per run.
alter table hosts
    add column last_run_id uuid,
    add column last_daemon_id uuid,
    add foreign key (organization_id, last_run_id) references discovery_runs (organization_id, id) on delete set null (last_run_id),
    add foreign key (organization_id, last_daemon_id) references daemons (organization_id, id) on delete set null (last_daemon_id);
alter table ports
    add column last_run_id uuid,
    add column last_daemon_id uuid;

-- Services: one per (host, definition id, or name when there is no id, port, protocol), so a
-- re-scan updates the service it found before. Services without a port (added by people) never clash.
alter table services
    add column port integer check (port between 0 and 65535),
    add column protocol text check (protocol in ('TCP', 'UDP')),
    add column version text,
    add column match_key text generated always as (coalesce(definition_id, 'name:' || lower(name))) stored,
    add column last_run_id uuid,
    add column last_daemon_id uuid;
create unique index services_identity_uidx on services (organization_id, host_id, match_key, protocol, port);
drop index services_host_idx;

-- Bindings: a service reached through a port on an interface is recorded once.
delete from bindings a using bindings b
 where a.organization_id = b.organization_id and a.service_id = b.service_id
   and a.port_id = b.port_id and a.interface_id = b.interface_id and a.id > b.id;
create unique index bindings_identity_uidx on bindings (organization_id, service_id, port_id, interface_id);
drop index bindings_service_idx;

-- Every sighting of a host by a run: which daemon, at which address, and which identity rule
-- decided that it is this host (MAC, SUBNET_IP, HOSTNAME, or NEW when no rule matched), with
-- the evidence in words. One row per run and host (the first sighting in the run).
create table host_observations (
    organization_id uuid not null,
    run_id          uuid not null,
    host_id         uuid not null,
    daemon_id       uuid,
    ip              inet,
    matched_by      text not null check (matched_by in ('MAC', 'SUBNET_IP', 'HOSTNAME', 'NEW')),
    match_detail    text not null default '',
    seen_at         timestamptz not null default now(),
    primary key (organization_id, run_id, host_id),
    foreign key (organization_id, run_id) references discovery_runs (organization_id, id) on delete cascade,
    foreign key (organization_id, host_id) references hosts (organization_id, id) on delete cascade,
    foreign key (organization_id, daemon_id) references daemons (organization_id, id) on delete set null (daemon_id)
);
create index host_observations_host_idx on host_observations (organization_id, host_id, seen_at desc);
create index host_observations_daemon_idx on host_observations (organization_id, daemon_id);

-- Every re-scan rewrites these rows (last seen). Half of each page left free holds the new
-- versions, so PostgreSQL updates them on the same page (HOT) instead of adding an entry to every
-- index each time; the versions of the scan before are pruned as the page is visited.
alter table interfaces set (fillfactor = 50);
alter table ports set (fillfactor = 50);
alter table services set (fillfactor = 50);
