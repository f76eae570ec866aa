-- Platform-wide settings shared by every server node (e.g. the generated signing secret).
create table platform_settings (
    key   text primary key,
    value text not null
);

create table users (
    id                uuid primary key,
    email             text not null,
    name              text not null,
    password_hash     text not null,
    email_verified_at timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
-- Emails are compared case-insensitively: one account per address.
create unique index users_email_uq on users (lower(email));

-- Server-side sessions: the cookie carries a random token, the table its SHA-256 hash.
-- Living in PostgreSQL they survive restarts and are valid on every node.
create table user_sessions (
    id                      uuid primary key,
    user_id                 uuid not null references users (id) on delete cascade,
    token_hash              bytea not null unique,
    current_organization_id uuid,
    created_at              timestamptz not null default now(),
    last_seen_at            timestamptz not null default now(),
    expires_at              timestamptz not null,
    ip                      text,
    user_agent              text
);
create index user_sessions_user_idx on user_sessions (user_id);

-- Failed logins, counted per account and per client address over a sliding window.
create table login_failures (
    id           bigint generated always as identity primary key,
    email        text not null,
    ip           text not null,
    attempted_at timestamptz not null default now()
);
create index login_failures_email_idx on login_failures (lower(email), attempted_at);
create index login_failures_ip_idx on login_failures (ip, attempted_at);

-- Single-use emailed tokens: email verification and password reset.
create table email_tokens (
    id         uuid primary key,
    user_id    uuid not null references users (id) on delete cascade,
    purpose    text not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash bytea not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index email_tokens_user_idx on email_tokens (user_id, purpose);

-- Every outgoing email is recorded; without SMTP this is the dev mailbox.
create table outbound_mail (
    id         uuid primary key,
    recipient  text not null,
    subject    text not null,
    body       text not null,
    delivered  boolean not null default false,
    error      text,
    created_at timestamptz not null default now()
);
create index outbound_mail_created_idx on outbound_mail (created_at desc);
