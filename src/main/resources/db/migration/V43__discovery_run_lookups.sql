-- Discovery runs: who cancelled a run, and indexes for the lookups of the run pages and the daemon API.
alter table discovery_runs add column cancelled_by uuid references users (id) on delete set null;
-- The newest run of a host ("Scan now" on its page).
create index discovery_runs_host_idx on discovery_runs (organization_id, host_id, created_at desc) where host_id is not null;
-- Runs a daemon holds or held (its cancelled runs, for the heartbeat).
create index discovery_runs_claimed_idx on discovery_runs (organization_id, claimed_by, state) where claimed_by is not null;
