package io.topograph.platform.web;

/** Names of the client-side events the server fires through {@code HX-Trigger}; defined once. */
public final class HtmxEvents {
    /** Shows a toast; payload {@code {"level": "success|info|warning|danger", "text": "..."}}. */
    public static final String FLASH = "tg:flash";
    public static final String NETWORKS_CHANGED = "tg:networks-changed";
    public static final String HOSTS_CHANGED = "tg:hosts-changed";
    public static final String MEMBERS_CHANGED = "tg:members-changed";
    public static final String INVITES_CHANGED = "tg:invites-changed";
    public static final String TAGS_CHANGED = "tg:tags-changed";
    public static final String API_KEYS_CHANGED = "tg:api-keys-changed";
    public static final String SERVICE_DEFINITIONS_CHANGED = "tg:service-definitions-changed";
    public static final String DISCOVERIES_CHANGED = "tg:discoveries-changed";
    /** A polled discovery run finished: regions showing its results refresh themselves. */
    public static final String DISCOVERY_FINISHED = "tg:discovery-finished";
    public static final String DISCOVERY_DEFINITIONS_CHANGED = "tg:discovery-definitions-changed";
    public static final String DAEMONS_CHANGED = "tg:daemons-changed";
    /** One or more changes (What changed) were acknowledged. */
    public static final String CHANGES_ACKNOWLEDGED = "tg:changes-acknowledged";
    public static final String DAEMON_TOKENS_CHANGED = "tg:daemon-tokens-changed";
    public static final String NOTIFICATION_RULES_CHANGED = "tg:notification-rules-changed";
    public static final String NOTIFICATION_DELIVERIES_CHANGED = "tg:notification-deliveries-changed";

    private HtmxEvents() {
    }
}
