-- Benchmark inventory for one network: 10,000 hosts (1 in 50 hidden), one interface each in
-- 10.20.0.0/16, 5 open TCP ports, 5 services (50,000) bound to those ports, 10 tags on a quarter
-- of the hosts. psql variables: org, net.
\set ON_ERROR_STOP on
begin;
insert into subnets (id, organization_id, network_id, cidr, name)
values (gen_random_uuid(), :'org', :'net', '10.20.0.0/16', 'bench');

create temp table bh on commit drop as
select n, gen_random_uuid() as id from generate_series(1, 10000) n;

insert into hosts (id, organization_id, network_id, name, hostname, os, hidden, source, first_seen, last_seen)
select id, :'org', :'net', 'host-' || lpad(n::text, 5, '0'), 'host-' || n || '.bench.lan',
       case when n % 3 = 0 then 'Linux' else 'Windows' end, n % 50 = 0, 'DISCOVERED',
       now() - interval '30 days' - make_interval(mins => n), now() - make_interval(secs => (n * 7919) % 86400)
from bh;

insert into interfaces (id, organization_id, host_id, subnet_id, ip, mac)
select gen_random_uuid(), :'org', bh.id,
       (select id from subnets where organization_id = :'org' and network_id = :'net' and cidr = '10.20.0.0/16'),
       '10.20.0.0'::inet + bh.n,
       ('02:00:00:' || lpad(to_hex((bh.n >> 16) & 255), 2, '0') || ':' || lpad(to_hex((bh.n >> 8) & 255), 2, '0')
           || ':' || lpad(to_hex(bh.n & 255), 2, '0'))::macaddr
from bh;

create temp table bp on commit drop as
select bh.n, bh.id as host_id, k, gen_random_uuid() as port_id, gen_random_uuid() as service_id
from bh, generate_series(1, 5) k;

insert into ports (id, organization_id, host_id, number, protocol, banner)
select port_id, :'org', host_id, (array[22, 80, 443, 445, 3306])[k], 'TCP',
       case k when 1 then 'SSH-2.0-OpenSSH_9.2' when 2 then 'nginx/1.25' end
from bp;

insert into services (id, organization_id, host_id, name, category, confidence, match_reason)
select service_id, :'org', host_id,
       (array['OpenSSH', 'nginx', 'HTTPS', 'Samba', 'MySQL'])[k],
       (array['REMOTE_ACCESS', 'WEB', 'WEB', 'STORAGE', 'DATABASE'])[k], 60 + k * 5, 'benchmark data'
from bp;

insert into bindings (id, organization_id, service_id, port_id)
select gen_random_uuid(), :'org', service_id, port_id from bp;

insert into tags (id, organization_id, name, color)
select gen_random_uuid(), :'org', 'bench-tag-' || t, '#' || lpad(to_hex(t * 1500000), 6, '0')
from generate_series(1, 10) t;

insert into host_tags (organization_id, host_id, tag_id)
select :'org', bh.id, (select id from tags where organization_id = :'org' and name = 'bench-tag-' || ((bh.n / 4) % 10 + 1))
from bh where bh.n % 4 = 0;
commit;
