package io.topograph.changes;

/** The kinds of change a discovery run can reveal; the names are stored in {@code change_events.kind}. */
public enum ChangeKind {
    HOST_APPEARED("Host appeared"),
    HOST_DISAPPEARED("Host disappeared"),
    HOST_CHANGED("Host changed"),
    SERVICE_APPEARED("Service appeared"),
    SERVICE_DISAPPEARED("Service disappeared"),
    PORT_OPENED("Port opened"),
    PORT_CLOSED("Port closed");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
