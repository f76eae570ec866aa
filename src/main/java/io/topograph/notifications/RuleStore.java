package io.topograph.notifications;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.changes.ChangeKind;
import io.topograph.platform.persistence.Sql;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code notification_rules} table; every method takes the organization id and uses it. */
@Singleton
@Transactional
public class RuleStore {

    private static final String COLUMNS = "id, organization_id, name, kinds, network_id, channel, email_recipients,"
            + " webhook_url, webhook_secret, enabled, created_at, updated_at";

    private final Sql sql;

    public RuleStore(Sql sql) {
        this.sql = sql;
    }

    public List<NotificationRule> list(UUID organizationId) {
        return sql.list("select " + COLUMNS + " from notification_rules where organization_id = ? order by lower(name), created_at, id",
                RuleStore::map, organizationId);
    }

    public List<NotificationRule> listEnabled(UUID organizationId) {
        return sql.list("select " + COLUMNS + " from notification_rules where organization_id = ? and enabled"
                + " order by created_at, id", RuleStore::map, organizationId);
    }

    public Optional<NotificationRule> find(UUID organizationId, UUID id) {
        return sql.one("select " + COLUMNS + " from notification_rules where organization_id = ? and id = ?",
                RuleStore::map, organizationId, id);
    }

    public void insert(UUID organizationId, UUID id, RuleForm.Valid rule, String secret) {
        sql.update("insert into notification_rules (id, organization_id, name, kinds, network_id, channel, email_recipients,"
                        + " webhook_url, webhook_secret, enabled) values (?, ?, ?, ?::text[], ?, ?, ?::text[], ?, ?, ?)",
                id, organizationId, rule.name(), textArray(rule.kinds().stream().map(Enum::name).toList()), rule.networkId(),
                rule.channel().name(), textArray(rule.recipients()), rule.url(),
                rule.channel() == NotificationChannel.WEBHOOK ? secret : null, rule.enabled());
    }

    public void update(UUID organizationId, UUID id, RuleForm.Valid rule, String secret) {
        sql.update("update notification_rules set name = ?, kinds = ?::text[], network_id = ?, channel = ?, email_recipients = ?::text[],"
                        + " webhook_url = ?, webhook_secret = ?, enabled = ?, updated_at = now() where organization_id = ? and id = ?",
                rule.name(), textArray(rule.kinds().stream().map(Enum::name).toList()), rule.networkId(), rule.channel().name(),
                textArray(rule.recipients()), rule.url(), rule.channel() == NotificationChannel.WEBHOOK ? secret : null,
                rule.enabled(), organizationId, id);
    }

    public void replaceSecret(UUID organizationId, UUID id, String secret) {
        sql.update("update notification_rules set webhook_secret = ?, updated_at = now() where organization_id = ? and id = ?"
                + " and channel = 'WEBHOOK'", secret, organizationId, id);
    }

    public int delete(UUID organizationId, UUID id) {
        return sql.update("delete from notification_rules where organization_id = ? and id = ?", organizationId, id);
    }

    /** A PostgreSQL array literal ({@code {"a","b"}}) for a {@code ?::text[]} parameter. */
    static String textArray(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add((String) o);
            }
        }
        return out;
    }

    private static NotificationRule map(ResultSet rs) throws SQLException {
        Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
        for (String k : strings(rs.getArray("kinds"))) {
            kinds.add(ChangeKind.valueOf(k));
        }
        return new NotificationRule(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("name"), kinds, rs.getObject("network_id", UUID.class),
                NotificationChannel.valueOf(rs.getString("channel")), strings(rs.getArray("email_recipients")),
                rs.getString("webhook_url"), rs.getString("webhook_secret"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
