package io.topograph.topology;

import io.topograph.support.Accounts;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test inventories written straight into the tables (as ingestion would leave them), and runs
 * driven through the real daemon API. Addresses are plain strings: nothing is ever sent to them.
 */
public final class Inventories {

    /** An organization's first network. */
    public record Site(Accounts.Account owner, UUID organizationId, UUID networkId) {
    }

    private final TestDatabase db;

    public Inventories(TestDatabase db) {
        this.db = db;
    }

    public Site site(Accounts.Account owner) {
        UUID org = db.organizationId(owner.slug());
        UUID network = (UUID) db.column("select id from networks where organization_id = ? order by created_at limit 1", org).get(0);
        return new Site(owner, org, network);
    }

    public UUID subnet(Site s, String cidr, String name) {
        UUID id = UUID.randomUUID();
        db.update("insert into subnets (id, organization_id, network_id, cidr, name) values (?, ?, ?, ?::cidr, ?)", id, s.organizationId(),
                s.networkId(), cidr, name);
        return id;
    }

    public UUID host(Site s, String name, Boolean online, int missedRuns, boolean hidden) {
        UUID id = UUID.randomUUID();
        db.update("insert into hosts (id, organization_id, network_id, name, hostname, source, online, missed_runs, hidden)"
                + " values (?, ?, ?, ?, ?, 'DISCOVERED', ?, ?, ?)", id, s.organizationId(), s.networkId(), name, name + ".example", online,
                missedRuns, hidden);
        return id;
    }

    public UUID host(Site s, String name) {
        return host(s, name, true, 0, false);
    }

    public UUID nic(Site s, UUID host, UUID subnet, String ip, String mac) {
        UUID id = UUID.randomUUID();
        db.update("insert into interfaces (id, organization_id, host_id, subnet_id, ip, mac, vendor) values (?, ?, ?, ?, ?::inet, ?::macaddr, 'Test')",
                id, s.organizationId(), host, subnet, ip, mac);
        return id;
    }

    /** A service on a TCP port, bound to the port. */
    public UUID service(Site s, UUID host, String definitionId, String name, String category, int port) {
        UUID portId = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        db.update("insert into ports (id, organization_id, host_id, number, protocol, present) values (?, ?, ?, ?, 'TCP', true)", portId,
                s.organizationId(), host, port);
        db.update("insert into services (id, organization_id, host_id, definition_id, name, category, confidence, port, protocol, present)"
                + " values (?, ?, ?, ?, ?, ?, 90, ?, 'TCP', true)", id, s.organizationId(), host, definitionId, name, category, port);
        db.update("insert into bindings (id, organization_id, service_id, port_id) values (?, ?, ?, ?)", UUID.randomUUID(), s.organizationId(),
                id, portId);
        return id;
    }

    public void tag(Site s, UUID host, String name) {
        UUID tag = UUID.randomUUID();
        db.update("insert into tags (id, organization_id, name) values (?, ?, ?)", tag, s.organizationId(), name);
        db.update("insert into host_tags (organization_id, host_id, tag_id) values (?, ?, ?)", s.organizationId(), host, tag);
    }

    public void container(Site s, UUID host, String containerId, String name, String state, String ip) {
        db.update("insert into host_containers (id, organization_id, host_id, container_id, name, image, state, networks)"
                        + " values (?, ?, ?, ?, ?, 'example/image:1', ?, ?::jsonb)", UUID.randomUUID(), s.organizationId(), host, containerId, name,
                state, "[{\"network\":\"bridge\",\"ip\":\"" + ip + "\",\"mac\":\"02:42:ac:11:00:09\"}]");
    }

    /** {@code hosts} hosts on {@code subnets} /24s of 10.x, each with an interface and two bound services, in a few statements. */
    public void bulk(Site s, int hosts, int subnets) {
        db.update("insert into subnets (id, organization_id, network_id, cidr, name)"
                + " select gen_random_uuid(), ?, ?, ('10.' || (g / 256) || '.' || (g % 256) || '.0/24')::cidr, 'bulk ' || g"
                + " from generate_series(0, ? - 1) g", s.organizationId(), s.networkId(), subnets);
        db.update("insert into hosts (id, organization_id, network_id, name, source, online, missed_runs)"
                + " select gen_random_uuid(), ?, ?, 'bulk-' || lpad(g::text, 5, '0'), 'DISCOVERED', g % 7 <> 0, g % 5"
                + " from generate_series(1, ?) g", s.organizationId(), s.networkId(), hosts);
        db.update("insert into interfaces (id, organization_id, host_id, subnet_id, ip, mac)"
                + " select gen_random_uuid(), h.organization_id, h.id, sn.id, host(sn.cidr + (1 + (h.n / ?))::int)::inet,"
                + "   ('02:00:' || lpad(to_hex(h.n / 65536 % 256), 2, '0') || ':' || lpad(to_hex(h.n / 256 % 256), 2, '0') || ':'"
                + "   || lpad(to_hex(h.n % 256), 2, '0') || ':01')::macaddr"
                + " from (select id, organization_id, substr(name, 6)::int as n from hosts where organization_id = ? and network_id = ?) h"
                + " join lateral (select id, cidr from subnets where organization_id = h.organization_id and network_id = ?"
                + "   order by cidr offset (h.n % ?) limit 1) sn on true", subnets, s.organizationId(), s.networkId(), s.networkId(), subnets);
        for (int port : new int[]{22, 443}) {
            db.update("insert into ports (id, organization_id, host_id, number, protocol, present)"
                    + " select gen_random_uuid(), organization_id, id, ?, 'TCP', true from hosts where organization_id = ? and network_id = ?",
                    port, s.organizationId(), s.networkId());
            db.update("insert into services (id, organization_id, host_id, definition_id, name, category, confidence, port, protocol, present)"
                    + " select gen_random_uuid(), organization_id, id, ?, ?, ?, 80, ?, 'TCP', true from hosts where organization_id = ? and network_id = ?",
                    port == 22 ? "openssh" : "nginx", port == 22 ? "OpenSSH" : "nginx", port == 22 ? "remote-access" : "web-server", port,
                    s.organizationId(), s.networkId());
            db.update("insert into bindings (id, organization_id, service_id, port_id)"
                    + " select gen_random_uuid(), s.organization_id, s.id, p.id from services s join hosts h on h.organization_id = s.organization_id"
                    + " and h.id = s.host_id join ports p on p.organization_id = s.organization_id and p.host_id = s.host_id and p.number = s.port"
                    + " where h.organization_id = ? and h.network_id = ? and s.port = ?", s.organizationId(), s.networkId(), port);
        }
        db.update("analyze hosts");
        db.update("analyze interfaces");
        db.update("analyze services");
        db.update("analyze bindings");
        db.update("analyze ports");
    }

    // ---- Runs through the daemon API ------------------------------------------------------------

    /** A daemon of the site's network. */
    public BearerClient daemon(URI base, Site s) {
        return new BearerClient(base, db.insertDaemon(s.organizationId(), s.networkId(), "rack-t"));
    }

    /** Queues a run with the JSON API, lets the daemon claim it and send one batch with one host; answers the run id. */
    public UUID startRun(Site s, BearerClient daemon, String ip) {
        HttpResponse<String> created = s.owner().web().json("POST", "/api/v1/networks/" + s.networkId() + "/discoveries",
                "{\"targets\":\"" + ip + "\",\"ports\":\"22\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> claimed = daemon.send("POST", "/api/daemon/v1/work/claim", "{}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        UUID run = UUID.fromString(BearerClient.json(claimed).at("/run/id").asText());
        HttpResponse<String> sent = daemon.send("POST", "/api/daemon/v1/runs/" + run + "/batches/0",
                "{\"hosts\":[{\"ip\":\"" + ip + "\",\"mac\":null,\"vendor\":null,\"hostname\":null,\"ports\":[],\"services\":[],"
                        + "\"unidentifiedPorts\":[]}]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        return run;
    }

    public HttpResponse<String> complete(BearerClient daemon, UUID run) {
        return daemon.send("POST", "/api/daemon/v1/runs/" + run + "/complete", "{\"batches\":1,\"stats\":{},\"warnings\":[]}");
    }
}
