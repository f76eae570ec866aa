create table organizations (
    id         uuid primary key,
    name       text not null,
    slug       text not null,
    -- An MSP (partner) organization that manages this one; access resolution lives in the tenancy filter.
    managed_by uuid references organizations (id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index organizations_slug_uq on organizations (slug);

create table memberships (
    id              uuid primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    user_id         uuid not null references users (id) on delete cascade,
    role            text not null check (role in ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')),
    created_at      timestamptz not null default now(),
    unique (organization_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

create table networks (
    id              uuid primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    name            text not null,
    description     text not null default '',
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (organization_id, id)
);
create unique index networks_name_uq on networks (organization_id, lower(name));

-- Which networks a Member or Viewer may see (Owners and Admins see all).
create table network_access (
    organization_id uuid not null,
    membership_id   uuid not null,
    network_id      uuid not null,
    primary key (organization_id, membership_id, network_id),
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade,
    foreign key (membership_id) references memberships (id) on delete cascade
);

create table invites (
    id              uuid primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    email           text not null,
    role            text not null check (role in ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')),
    token_hash      bytea not null unique,
    invited_by      uuid references users (id) on delete set null,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    accepted_at     timestamptz,
    accepted_by     uuid references users (id) on delete set null,
    revoked_at      timestamptz,
    unique (organization_id, id)
);
-- One pending invite per address and organization.
create unique index invites_pending_uq on invites (organization_id, lower(email))
    where accepted_at is null and revoked_at is null;

create table invite_network_access (
    organization_id uuid not null,
    invite_id       uuid not null,
    network_id      uuid not null,
    primary key (organization_id, invite_id, network_id),
    foreign key (organization_id, invite_id) references invites (organization_id, id) on delete cascade,
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade
);

create table user_api_keys (
    id              uuid primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    user_id         uuid not null references users (id) on delete cascade,
    name            text not null,
    prefix          text not null,
    token_hash      bytea not null unique,
    role            text not null check (role in ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')),
    created_at      timestamptz not null default now(),
    expires_at      timestamptz,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    unique (organization_id, id)
);
create index user_api_keys_user_idx on user_api_keys (organization_id, user_id);

-- Optional network scope of an API key; no rows means "every network the user can see".
create table api_key_network_access (
    organization_id uuid not null,
    api_key_id      uuid not null,
    network_id      uuid not null,
    primary key (organization_id, api_key_id, network_id),
    foreign key (organization_id, api_key_id) references user_api_keys (organization_id, id) on delete cascade,
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade
);

create table tags (
    id              uuid primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    name            text not null,
    color           text not null default '#6c757d',
    created_at      timestamptz not null default now(),
    unique (organization_id, id)
);
create unique index tags_name_uq on tags (organization_id, lower(name));

create table network_tags (
    organization_id uuid not null,
    network_id      uuid not null,
    tag_id          uuid not null,
    primary key (organization_id, network_id, tag_id),
    foreign key (organization_id, network_id) references networks (organization_id, id) on delete cascade,
    foreign key (organization_id, tag_id) references tags (organization_id, id) on delete cascade
);

-- Append-only record of who did what; rows are never updated or deleted by the application.
create table audit_log (
    id              bigint generated always as identity primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    actor_user_id   uuid references users (id) on delete set null,
    action          text not null,
    target          text not null default '',
    details         text not null default '',
    created_at      timestamptz not null default now()
);
create index audit_log_org_idx on audit_log (organization_id, created_at desc);
