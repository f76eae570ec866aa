-- An organization's own service definitions. The daemon receives the enabled ones with every
-- claimed run and matches them before its bundled catalog. `key` is the definition id in the
-- catalog's syntax; `match` is the rule in the catalog's JSON form, already accepted by the
-- daemon's own parser when it was saved.
create table service_definitions (
    id              uuid primary key,
    organization_id uuid not null references organizations (id) on delete cascade,
    key             text not null check (key ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    name            text not null check (length(name) between 1 and 80),
    description     text not null default '' check (length(description) <= 500),
    category        text not null,
    icon            text not null,
    priority        integer not null default 0 check (priority between -100 and 100),
    match           jsonb not null check (jsonb_typeof(match) = 'object'),
    enabled         boolean not null default true,
    created_by      uuid references users (id) on delete set null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (organization_id, id),
    unique (organization_id, key)
);
