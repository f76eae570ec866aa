-- Weekly digest email: an organization option, and one row per organization and week so that a
-- digest goes out once even when several server nodes check at the same moment.
create table notification_digest_settings (
    organization_id  uuid primary key references organizations (id) on delete cascade,
    enabled          boolean not null default false,
    recipients       text[] not null default '{}',
    updated_at       timestamptz not null default now()
);

create table notification_digests (
    organization_id  uuid not null references organizations (id) on delete cascade,
    -- Monday (UTC) that starts the week the digest covers.
    week_start       date not null,
    change_count     integer not null,
    -- False when the week had no changes: nothing was emailed.
    sent             boolean not null,
    created_at       timestamptz not null default now(),
    primary key (organization_id, week_start)
);
