-- The inventory a network's discoveries fill in. Every child row carries organization_id,
-- and composite foreign keys keep a child inside its parent's organization.
create table subnets (
    id              uuid primary key,
    organization_id uuid not null,
    network_id      uuid not null,
    cidr            cidr not null,
    name            text not null default '',
    kind            text not null default 'LAN',
    first_seen      timestamptz not null default now(),
    last_seen       timestamptz not null default now(),
    unique (organization_id, id),
    unique (organization_id, network_id, cidr),
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade
);

create table hosts (
    id              uuid primary key,
    organization_id uuid not null,
    network_id      uuid not null,
    name            text not null,
    hostname        text,
    description     text not null default '',
    os              text,
    hidden          boolean not null default false,
    -- Fields a user edited are never overwritten by discovery merges.
    user_edited     boolean not null default false,
    source          text not null default 'MANUAL' check (source in ('MANUAL', 'DISCOVERED')),
    first_seen      timestamptz not null default now(),
    last_seen       timestamptz not null default now(),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (organization_id, id),
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade
);
create index hosts_network_name_idx on hosts (organization_id, network_id, lower(name), id);
create index hosts_network_last_seen_idx on hosts (organization_id, network_id, last_seen desc, id);

create table interfaces (
    id              uuid primary key,
    organization_id uuid not null,
    host_id         uuid not null,
    subnet_id       uuid,
    name            text,
    ip              inet,
    mac             macaddr,
    first_seen      timestamptz not null default now(),
    last_seen       timestamptz not null default now(),
    unique (organization_id, id),
    foreign key (organization_id, host_id) references hosts (organization_id, id) on delete cascade,
    foreign key (organization_id, subnet_id) references subnets (organization_id, id) on delete set null (subnet_id)
);
create index interfaces_host_idx on interfaces (organization_id, host_id);
create index interfaces_ip_idx on interfaces (organization_id, ip);
create index interfaces_subnet_idx on interfaces (organization_id, subnet_id);

create table ports (
    id              uuid primary key,
    organization_id uuid not null,
    host_id         uuid not null,
    number          integer not null check (number between 0 and 65535),
    protocol        text not null check (protocol in ('TCP', 'UDP')),
    state           text not null default 'OPEN',
    banner          text,
    first_seen      timestamptz not null default now(),
    last_seen       timestamptz not null default now(),
    unique (organization_id, id),
    unique (organization_id, host_id, protocol, number),
    foreign key (organization_id, host_id) references hosts (organization_id, id) on delete cascade
);

create table services (
    id              uuid primary key,
    organization_id uuid not null,
    host_id         uuid not null,
    definition_id   text,
    name            text not null,
    category        text not null default 'OTHER',
    confidence      integer not null default 0 check (confidence between 0 and 100),
    match_reason    text not null default '',
    first_seen      timestamptz not null default now(),
    last_seen       timestamptz not null default now(),
    unique (organization_id, id),
    foreign key (organization_id, host_id) references hosts (organization_id, id) on delete cascade
);
create index services_host_idx on services (organization_id, host_id);
create index services_category_idx on services (organization_id, category, host_id);

-- A service is reached through a port and/or on an interface.
create table bindings (
    id              uuid primary key,
    organization_id uuid not null,
    service_id      uuid not null,
    port_id         uuid,
    interface_id    uuid,
    unique (organization_id, id),
    foreign key (organization_id, service_id) references services (organization_id, id) on delete cascade,
    foreign key (organization_id, port_id) references ports (organization_id, id) on delete cascade,
    foreign key (organization_id, interface_id) references interfaces (organization_id, id) on delete cascade,
    check (port_id is not null or interface_id is not null)
);
create index bindings_service_idx on bindings (organization_id, service_id);

create table host_tags (
    organization_id uuid not null,
    host_id         uuid not null,
    tag_id          uuid not null,
    primary key (organization_id, host_id, tag_id),
    foreign key (organization_id, host_id) references hosts (organization_id, id) on delete cascade,
    foreign key (organization_id, tag_id) references tags (organization_id, id) on delete cascade
);
create index host_tags_tag_idx on host_tags (organization_id, tag_id);
