-- Run history: an organization's runs newest first (the organization-wide history page), and the
-- retention sweep's search for finished runs past their age.
create index discovery_runs_org_created_idx on discovery_runs (organization_id, created_at desc, id desc);
create index discovery_runs_finished_idx on discovery_runs (finished_at) where state not in ('QUEUED', 'RUNNING');
-- The unclaimed-run timeout looks for old queued runs across every organization.
create index discovery_runs_queued_at_idx on discovery_runs (queued_at) where state = 'QUEUED';
