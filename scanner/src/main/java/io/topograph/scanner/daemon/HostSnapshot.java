package io.topograph.scanner.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.topograph.scanner.host.SelfReport;
import java.net.SocketException;

/** The daemon host as the protocol reports it: hostname and the IPv4 subnets of its interfaces that are up. */
record HostSnapshot(String hostname, ArrayNode subnets) {

    static HostSnapshot collect() {
        ArrayNode subnets = ProtocolClient.JSON.createArrayNode();
        try {
            SelfReport self = SelfReport.collect();
            for (SelfReport.Interface i : self.interfaces()) {
                if (!i.up()) {
                    continue;
                }
                for (SelfReport.Address a : i.addresses()) {
                    if (a.subnet() == null) {
                        continue; // IPv6: not a scan target the server offers yet
                    }
                    subnets.addObject().put("cidr", a.subnet()).put("interface", i.name()).put("ip", a.address()).put("mac", i.mac());
                }
            }
            return new HostSnapshot(self.hostname(), subnets);
        } catch (SocketException e) {
            String env = System.getenv("HOSTNAME");
            return new HostSnapshot(env == null || env.isBlank() ? "unknown" : env, subnets);
        }
    }
}
