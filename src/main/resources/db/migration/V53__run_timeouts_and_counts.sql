-- Discovery runs (issue 4, Runs): a run that waited or ran too long ends TIMED_OUT with a reason
-- people can read; progress counts the ports probed; a completed run keeps how many open ports
-- and services it found, so its history still reads right after later runs changed the inventory.
alter table discovery_runs drop constraint discovery_runs_state_check;
alter table discovery_runs add constraint discovery_runs_state_check
    check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT'));

-- When the run last became QUEUED (created, or queued again after a lapsed lease): the unclaimed
-- timeout counts from here.
alter table discovery_runs add column queued_at timestamptz;
update discovery_runs set queued_at = created_at;
alter table discovery_runs alter column queued_at set not null, alter column queued_at set default now();

-- Probes sent so far (daemon progress "portsProbed"; at completion at least the daemon's stats.probes).
alter table discovery_runs add column ports_probed bigint not null default 0 check (ports_probed >= 0);
-- Set when the run succeeds: open ports and services of the hosts it observed, as it left them.
alter table discovery_runs add column ports_open integer;
alter table discovery_runs add column services_found integer;
