package io.topograph.topology.graph;

/** What a subnet is, guessed from its addresses and hosts and editable by users ({@code subnets.kind}). */
public enum SubnetKind {
    LAN("LAN"), WIFI("Wi-Fi"), VPN("VPN"), DMZ("DMZ"), DOCKER_BRIDGE("Docker bridge"), MANAGEMENT("Management"),
    SERVERS("Servers"), IOT("IoT"), GUEST("Guest"), LOOPBACK("Loopback"), OTHER("Other");

    private final String label;

    SubnetKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
