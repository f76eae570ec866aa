-- The server's own in-process daemon (self-hosted mode) enrolls with a token marked integrated,
-- and the server remembers that it paired once, so a user who deleted it is not overridden.
alter table daemon_enrollment_tokens add column integrated boolean not null default false;

create table server_settings (
    key        text primary key,
    value      text not null,
    updated_at timestamptz not null default now()
);
