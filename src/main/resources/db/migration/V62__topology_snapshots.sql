-- Snapshots of a network's topology graph: one per successful discovery run (reason RUN, run_id
-- set, unique so a retried completion cannot make two) and on demand (MANUAL). A deleted run (run
-- retention) leaves its snapshot with run_id null.
--
-- graph is the TopologyGraph as gzip-compressed JSON. It is only ever read and written whole (to
-- draw or diff a point in time), never queried inside, so jsonb's parsing on insert and its larger
-- binary form buy nothing: at 5,000 hosts the JSON is several megabytes and gzip shrinks this very
-- repetitive text about tenfold. Storage "external" stops PostgreSQL from trying to compress the
-- already compressed bytes again.
create table topology_snapshots (
    id              uuid primary key,
    organization_id uuid not null,
    network_id      uuid not null,
    taken_at        timestamptz not null default now(),
    reason          text not null check (reason in ('RUN', 'MANUAL')),
    run_id          uuid,
    hosts           integer not null check (hosts >= 0),
    services        integer not null check (services >= 0),
    graph_bytes     integer not null,
    graph           bytea not null,
    unique (organization_id, id),
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade,
    foreign key (organization_id, run_id) references discovery_runs (organization_id, id) on delete set null (run_id)
);
alter table topology_snapshots alter column graph set storage external;
create unique index topology_snapshots_run_uq on topology_snapshots (organization_id, run_id) where run_id is not null;
create index topology_snapshots_network_idx on topology_snapshots (organization_id, network_id, taken_at desc, id desc);
