package io.topograph.changes;

import io.topograph.support.Accounts;
import io.topograph.support.BearerClient;
import io.topograph.support.TestDatabase;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery runs driven through the real APIs, as a person and a daemon do: queued with the JSON
 * API, claimed, reported in batches and completed over the daemon API. Hosts are on 127.0.0.0/8
 * (nothing is ever sent to them: no daemon process runs).
 */
final class Scans {

    /** An owner's first network with one daemon. */
    record Site(Accounts.Account owner, UUID organizationId, UUID networkId, BearerClient daemon) {
    }

    /** One reported host, in the daemon's batch format. */
    record Seen(String ip, String mac, String hostname, List<String> ports, List<String> services) {

        static Seen at(String ip) {
            return new Seen(ip, null, null, List.of(), List.of());
        }

        Seen mac(String value) {
            return new Seen(ip, value, hostname, ports, services);
        }

        Seen hostname(String value) {
            return new Seen(ip, mac, value, ports, services);
        }

        /** An open TCP port with a service identified on it. */
        Seen service(int port, String id, String name) {
            List<String> p = new ArrayList<>(ports);
            p.add("{\"port\":" + port + ",\"protocol\":\"tcp\",\"state\":\"open\",\"banner\":null}");
            List<String> s = new ArrayList<>(services);
            s.add("{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"category\":\"web\",\"icon\":null,\"port\":" + port
                    + ",\"protocol\":\"tcp\",\"confidence\":90,\"reason\":\"test\",\"version\":null}");
            return new Seen(ip, mac, hostname, p, s);
        }

        String json() {
            return "{\"ip\":\"" + ip + "\",\"mac\":" + quoted(mac) + ",\"vendor\":null,\"hostname\":" + quoted(hostname)
                    + ",\"ports\":[" + String.join(",", ports) + "],\"services\":[" + String.join(",", services)
                    + "],\"unidentifiedPorts\":[]}";
        }

        private static String quoted(String value) {
            return value == null ? "null" : "\"" + value + "\"";
        }
    }

    private final TestDatabase db;
    private final URI base;

    Scans(TestDatabase db, URI base) {
        this.db = db;
        this.base = base;
    }

    Site site(Accounts.Account owner) {
        UUID org = db.organizationId(owner.slug());
        UUID network = (UUID) db.column("select id from networks where organization_id = ? order by created_at limit 1", org).get(0);
        return new Site(owner, org, network, new BearerClient(base, db.insertDaemon(org, network, "rack-c")));
    }

    /** Queues a run with these targets and ports and lets the daemon claim it; answers the run id. */
    UUID start(Site site, String targets, String ports) {
        HttpResponse<String> created = site.owner().web().json("POST", "/api/v1/networks/" + site.networkId() + "/discoveries",
                "{\"targets\":\"" + targets + "\",\"ports\":\"" + ports + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> claimed = site.daemon().send("POST", "/api/daemon/v1/work/claim", "{}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        return UUID.fromString(BearerClient.json(claimed).at("/run/id").asText());
    }

    void batch(Site site, UUID run, int seq, Seen... hosts) {
        List<String> json = new ArrayList<>();
        for (Seen h : hosts) {
            json.add(h.json());
        }
        HttpResponse<String> sent = site.daemon().send("POST", "/api/daemon/v1/runs/" + run + "/batches/" + seq,
                "{\"hosts\":[" + String.join(",", json) + "]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    }

    HttpResponse<String> complete(Site site, UUID run, int batches) {
        return site.daemon().send("POST", "/api/daemon/v1/runs/" + run + "/complete",
                "{\"batches\":" + batches + ",\"stats\":{},\"warnings\":[]}");
    }

    /** A whole run: start, one batch with these hosts, complete. */
    UUID scan(Site site, String targets, String ports, Seen... hosts) {
        UUID run = start(site, targets, ports);
        batch(site, run, 0, hosts);
        HttpResponse<String> done = complete(site, run, 1);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return run;
    }
}
