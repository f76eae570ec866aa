package io.topograph.daemons.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.topograph.daemons.Cidrs;
import io.topograph.daemons.DaemonService;
import io.topograph.daemons.DaemonStore;
import io.topograph.daemons.ReportedSubnet;
import io.topograph.hosts.IpLiteral;
import io.topograph.platform.web.FormErrors;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A heartbeat renews the daemon's lease, records what it reports and adds its subnets to the
 * network's inventory. The whole body is checked first: one malformed subnet refuses the request
 * (422) and nothing of it is written.
 */
@Singleton
public class HeartbeatService {

    private static final Set<String> STATES = Set.of("IDLE", "SCANNING");
    private static final Pattern MAC = Pattern.compile("^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$");
    private static final int INTERFACE_MAX = 64;

    private final DaemonStore daemons;
    private final DaemonService service;

    public HeartbeatService(DaemonStore daemons, DaemonService service) {
        this.daemons = daemons;
        this.service = service;
    }

    private record Valid(String version, String state, @Nullable String hostname, List<String> capabilities,
                         List<ReportedSubnet> subnets) {
    }

    @Transactional
    public HeartbeatResponse heartbeat(AuthenticatedDaemon daemon, HeartbeatRequest request) {
        Valid r = validate(request);
        daemons.heartbeat(daemon.organizationId(), daemon.daemonId(), r.version(), r.state(), r.hostname(), r.capabilities(),
                r.subnets(), DaemonProtocol.LEASE_SECONDS);
        Set<String> cidrs = new LinkedHashSet<>();
        r.subnets().forEach(s -> cidrs.add(s.cidr()));
        for (String cidr : cidrs) {
            daemons.upsertSubnet(daemon.organizationId(), daemon.networkId(), cidr);
        }
        return new HeartbeatResponse(DaemonProtocol.HEARTBEAT_SECONDS, DaemonProtocol.LEASE_SECONDS, service.latestVersion(),
                daemons.workAvailable(daemon.organizationId(), daemon.networkId(), daemon.daemonId()),
                daemons.recentlyCancelledRuns(daemon.organizationId(), daemon.daemonId(), DaemonProtocol.CANCEL_NOTICE_SECONDS));
    }

    private static Valid validate(HeartbeatRequest request) {
        FormErrors errors = FormErrors.none();
        DaemonFields.version(errors, request.version());
        if (request.state() == null || request.state().isBlank()) {
            errors.add("state", "This field is required.");
        } else if (!STATES.contains(request.state())) {
            errors.add("state", "must be IDLE or SCANNING");
        }
        DaemonFields.hostname(errors, request.hostname(), false);
        List<String> capabilities = DaemonFields.capabilities(errors, request.capabilities());
        List<ReportedSubnet> subnets = subnets(errors, request.subnets());
        DaemonFields.uuid(errors, "activeRunId", request.activeRunId(), false);
        errors.throwIfAny();
        String hostname = request.hostname() == null || request.hostname().isEmpty() ? null : request.hostname();
        return new Valid(request.version(), request.state(), hostname, capabilities, subnets);
    }

    private static List<ReportedSubnet> subnets(FormErrors errors, @Nullable List<HeartbeatRequest.Subnet> subnets) {
        List<ReportedSubnet> out = new ArrayList<>();
        if (subnets == null) {
            return out;
        }
        if (subnets.size() > DaemonProtocol.SUBNETS_MAX) {
            errors.add("subnets", "Report at most " + DaemonProtocol.SUBNETS_MAX + " subnets.");
            return out;
        }
        for (int i = 0; i < subnets.size(); i++) {
            String at = "subnets[" + i + "]";
            HeartbeatRequest.Subnet s = subnets.get(i);
            if (s == null) {
                errors.add(at, "is not a subnet object");
                continue;
            }
            String cidr = Cidrs.normalize(s.cidr());
            if (s.cidr() == null || s.cidr().isBlank()) {
                errors.add(at + ".cidr", "This field is required.");
            } else if (cidr == null) {
                errors.add(at + ".cidr", "is not a CIDR");
            }
            DaemonFields.text(errors, at + ".interface", s.iface(), INTERFACE_MAX);
            String ip = s.ip() == null || s.ip().isEmpty() ? null : s.ip();
            if (ip != null && !IpLiteral.isValid(ip)) {
                errors.add(at + ".ip", "is not an IP address");
            }
            String mac = s.mac() == null || s.mac().isEmpty() ? null : s.mac();
            if (mac != null && !MAC.matcher(mac).matches()) {
                errors.add(at + ".mac", "is not a MAC address like 02:42:ac:11:00:02");
            }
            if (cidr != null) {
                out.add(new ReportedSubnet(cidr, s.iface() == null || s.iface().isEmpty() ? null : s.iface(), ip,
                        mac == null ? null : mac.toLowerCase().replace('-', ':')));
            }
        }
        return out;
    }
}
