package io.topograph.notifications;

/** PENDING (waiting for its next attempt) → SENDING (claimed by one node) → DELIVERED, or FAILED after the last attempt. */
public enum DeliveryStatus {
    PENDING("Pending"), SENDING("Sending"), DELIVERED("Delivered"), FAILED("Failed");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
