-- Enrollment tokens for one existing daemon: rotating a daemon's credential makes a single-use
-- token bound to it, and enrolling with that token re-keys the daemon instead of adding one.
-- name_hint: the name chosen in "Add daemon", given to the daemons that enroll with the token.
alter table daemon_enrollment_tokens add column daemon_id uuid;
alter table daemon_enrollment_tokens add column name_hint text;
alter table daemon_enrollment_tokens add constraint daemon_enrollment_tokens_daemon_fk
    foreign key (organization_id, daemon_id) references daemons (organization_id, id) on delete cascade;
alter table daemon_enrollment_tokens add constraint daemon_enrollment_tokens_bound_single_use
    check (daemon_id is null or max_uses = 1);
create index daemon_enrollment_tokens_daemon_idx on daemon_enrollment_tokens (organization_id, daemon_id)
    where daemon_id is not null;
