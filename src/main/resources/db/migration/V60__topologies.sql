-- Saved topology diagrams of a network and the node positions people pinned on them.
-- A network gets its first diagram ("Full network") when its diagrams are first listed; names are
-- unique per network ignoring case. options: the diagram's display options (DiagramOptions as
-- JSON). drawn_fingerprint: a digest of the topology graph the diagram was last drawn from, so a
-- page can say "the inventory changed since" by comparing it with the graph built now.
create table topologies (
    id                uuid primary key,
    organization_id   uuid not null,
    network_id        uuid not null,
    name              text not null check (length(name) between 1 and 80),
    options           jsonb not null default '{}',
    drawn_fingerprint text,
    drawn_at          timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    unique (organization_id, id),
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade
);
create unique index topologies_name_uq on topologies (organization_id, network_id, lower(name));

-- One row per pinned node (or subnet) of a diagram: graph ids like host:<uuid>, which stay the same
-- across rescans, so a moved node stays where it was put. Unpinning all deletes the rows.
create table topology_positions (
    organization_id uuid not null,
    topology_id     uuid not null,
    node_id         text not null check (length(node_id) <= 200),
    x               double precision not null,
    y               double precision not null,
    pinned_at       timestamptz not null default now(),
    primary key (organization_id, topology_id, node_id),
    foreign key (organization_id, topology_id) references topologies (organization_id, id) on delete cascade
);
