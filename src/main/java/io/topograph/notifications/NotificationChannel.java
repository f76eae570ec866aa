package io.topograph.notifications;

/** Where a rule sends its notifications. */
public enum NotificationChannel {
    EMAIL("Email"), WEBHOOK("Webhook");

    private final String label;

    NotificationChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
