-- A sample network ("Load sample network") is filled with a generated inventory whose addresses are
-- made up: nothing may ever scan it. The application refuses to queue a run on it (409); this trigger
-- makes the database refuse too, whatever path inserts the run (a schedule, a future feature).
-- At most one sample network per organization.
alter table networks add column sample boolean not null default false;
create unique index networks_one_sample_uq on networks (organization_id) where sample;

create function discovery_runs_refuse_sample() returns trigger language plpgsql as $$
begin
    if exists (select 1 from networks n where n.organization_id = new.organization_id and n.id = new.network_id and n.sample) then
        raise exception 'network % is a sample network: its addresses are made up and must never be scanned', new.network_id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger discovery_runs_refuse_sample before insert on discovery_runs
    for each row execute function discovery_runs_refuse_sample();
