-- Change tracking (What changed): what a completed run is compared with, and the online/offline
-- state of hosts, ports and services. These columns are judged only when a run succeeds, never
-- while its batches arrive, so a run that fails or is cancelled changes none of them.

-- Hosts: online is null until a completed run has seen the host (a new or manual host), true
-- while runs see it, false once it was missed by N covering runs in a row (missed_runs counts
-- them). known_* are the address, MAC and host name as of the last completed run that saw the
-- host: a run seeing other values reports a HOST_CHANGED event.
alter table hosts
    add column online boolean,
    add column missed_runs integer not null default 0 check (missed_runs >= 0),
    add column known_ip inet,
    add column known_mac macaddr,
    add column known_hostname text;
-- Hosts discovered before change tracking existed count as online, so the first run does not
-- announce them all again.
update hosts set online = true where source = 'DISCOVERED';
-- No index on (organization_id, network_id, online): with one, a first scan of 10,000 hosts took
-- 56 s instead of 7 s to ingest (bench/ingest.sh), PostgreSQL planning the per-row checks of the
-- ports' and services' foreign keys to hosts badly while the statistics of the filling tables are
-- stale. The network's own indexes serve the presence filter of the hosts list.

-- Ports and services: present is null until judged, true while open / identified, false once a
-- run that scanned the port found it closed (or the service gone).
alter table ports add column present boolean;
update ports set present = (state = 'OPEN');
alter table services add column present boolean;
update services set present = true where port is not null;

-- What each run saw of a host besides its address, compared with the host's known_* values.
alter table host_observations
    add column mac macaddr,
    add column hostname text;
