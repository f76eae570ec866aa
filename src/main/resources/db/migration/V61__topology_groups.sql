-- User-drawn groups of a network: a logical flow between services or hosts, drawn on every diagram
-- of the network as GROUP edges. members are graph ids (svc:<uuid>, host:<uuid>, …) in order: an
-- array keeps the order and is read and written whole with the group (a group never has more than a
-- few dozen members), so no child table is needed. Members deleted from the inventory since are
-- skipped when the graph is built, not removed here, so a host that comes back rejoins its group.
create table topology_groups (
    id              uuid primary key,
    organization_id uuid not null,
    network_id      uuid not null,
    name            text not null check (length(name) between 1 and 80),
    shape           text not null check (shape in ('PATH', 'HUB')),
    color           text not null check (color ~ '^#[0-9a-f]{6}$'),
    edge_style      text not null check (edge_style in ('SOLID', 'DASHED', 'DOTTED')),
    members         text[] not null check (cardinality(members) between 2 and 100),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (organization_id, id),
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade
);
create unique index topology_groups_name_uq on topology_groups (organization_id, network_id, lower(name));
