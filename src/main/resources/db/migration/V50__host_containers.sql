-- Docker containers a daemon found on its own host (the optional "docker" field of a batch host,
-- docs/daemon-protocol.md). One row per (host, container id): a re-scan updates it, first_seen
-- stays. A container missing from a later batch is left as it is (nothing is marked gone).
-- ports: [{"containerPort","protocol","hostIp","hostPort"}]; networks: [{"network","ip","mac"}].
create table host_containers (
    id              uuid primary key,
    organization_id uuid not null,
    host_id         uuid not null,
    container_id    text not null,
    name            text,
    image           text,
    state           text,
    ports           jsonb not null default '[]',
    networks        jsonb not null default '[]',
    first_seen      timestamptz not null default now(),
    last_seen       timestamptz not null default now(),
    last_run_id     uuid,
    unique (organization_id, id),
    unique (organization_id, host_id, container_id),
    foreign key (organization_id, host_id) references hosts (organization_id, id) on delete cascade,
    foreign key (organization_id, last_run_id) references discovery_runs (organization_id, id) on delete set null (last_run_id)
);
