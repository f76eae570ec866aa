package io.topograph.scanner.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which probes to try first on a port. Well-known ports start with their protocol's opening; every port
 * then falls back to listening, HTTP and TLS, in the order that costs least for what usually runs there.
 */
public final class PortHints {
    private static final Map<Integer, ProbeKind> FIRST = new HashMap<>();

    static {
        for (int p : new int[] {21, 22, 23, 25, 110, 143, 220, 587, 2525, 3306, 4222, 5900, 5901, 5902, 5903, 2222, 2121, 6222, 3307, 33060}) {
            FIRST.put(p, ProbeKind.PASSIVE);
        }
        for (int p : new int[] {80, 81, 82, 88, 591, 3000, 3001, 4000, 5000, 5001, 5080, 5601, 7000, 7070, 8000, 8001, 8008,
                8009, 8010, 8060, 8069, 8080, 8081, 8082, 8083, 8086, 8088, 8090, 8091, 8096, 8123, 8161, 8180, 8200, 8500,
                8888, 8989, 9000, 9001, 9090, 9091, 9093, 9115, 9200, 9300, 9411, 9600, 9696, 9898, 9999, 10000,
                15672, 16686, 32400, 2375, 2379, 5984, 6443, 7474, 8384, 8086, 8428, 3100, 9080, 9187, 9256, 9113, 9121}) {
            FIRST.put(p, ProbeKind.HTTP);
        }
        for (int p : new int[] {443, 4443, 5986, 6443, 8006, 8443, 8843, 9443, 10443, 2376, 8531, 7443, 5443, 8834, 10250}) {
            FIRST.put(p, ProbeKind.HTTPS);
        }
        for (int p : new int[] {465, 993, 995}) {
            FIRST.put(p, ProbeKind.TLS_PASSIVE);
        }
        FIRST.put(636, ProbeKind.TLS_LDAP);
        FIRST.put(3269, ProbeKind.TLS_LDAP);
        FIRST.put(6379, ProbeKind.REDIS);
        FIRST.put(6380, ProbeKind.REDIS);
        FIRST.put(5432, ProbeKind.POSTGRES);
        FIRST.put(5433, ProbeKind.POSTGRES);
        FIRST.put(27017, ProbeKind.MONGODB);
        FIRST.put(27018, ProbeKind.MONGODB);
        FIRST.put(11211, ProbeKind.MEMCACHED);
        FIRST.put(5672, ProbeKind.AMQP);
        FIRST.put(1883, ProbeKind.MQTT);
        FIRST.put(389, ProbeKind.LDAP);
        FIRST.put(3268, ProbeKind.LDAP);
        FIRST.put(3389, ProbeKind.RDP);
    }

    private PortHints() {
    }

    /** The probe order for a port: its own protocol first (if known), then listen, HTTP, HTTPS. */
    public static List<ProbeKind> order(int port) {
        List<ProbeKind> order = new ArrayList<>();
        ProbeKind first = FIRST.get(port);
        if (first != null) {
            order.add(first);
        }
        for (ProbeKind k : new ProbeKind[] {ProbeKind.PASSIVE, ProbeKind.HTTP, ProbeKind.HTTPS}) {
            if (!order.contains(k)) {
                order.add(k);
            }
        }
        return order;
    }

    /** Whether a port is a usual web port (HTTP or HTTPS). */
    public static boolean isWeb(int port) {
        ProbeKind k = FIRST.get(port);
        return k == ProbeKind.HTTP || k == ProbeKind.HTTPS;
    }

    /** Whether a port is a known speak-first port, worth a longer listen (SMTP servers may greet late). */
    public static boolean knownServerFirst(int port) {
        return FIRST.get(port) == ProbeKind.PASSIVE;
    }
}
