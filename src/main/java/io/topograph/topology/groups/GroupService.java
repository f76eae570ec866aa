package io.topograph.topology.groups;

import io.micronaut.transaction.annotation.Transactional;
import io.topograph.platform.persistence.Sql;
import io.topograph.platform.web.Check;
import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.NotFoundException;
import io.topograph.topology.build.InventoryGraphs;
import io.topograph.topology.graph.GraphGroup;
import io.topograph.topology.graph.GraphNode;
import io.topograph.topology.graph.NodeKind;
import io.topograph.topology.graph.TopologyGraph;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Array;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * User-drawn groups of a network (service flows), drawn on all its diagrams as GROUP edges. Every
 * method takes the organization and network (another organization's group or network: 404). A
 * group is validated whole before the one write (422 naming the fields): name 1–80 characters and
 * unique in the network, shape PATH or HUB, colour #rrggbb, style SOLID/DASHED/DOTTED, and 2 to 100
 * different members that exist in the network's graph now (services or host and container nodes).
 */
@Singleton
public class GroupService {

    static final int NAME_MAX = 80;
    static final int MEMBERS_MAX = 100;
    static final Set<String> STYLES = Set.of("SOLID", "DASHED", "DOTTED");
    private static final String COLUMNS = "id, network_id, name, shape, color, edge_style, members, created_at, updated_at";

    private final Sql sql;
    private final InventoryGraphs graphs;

    public GroupService(Sql sql, InventoryGraphs graphs) {
        this.sql = sql;
        this.graphs = graphs;
    }

    /** The network's groups by name (404 for a network of another organization). */
    @Transactional(readOnly = true)
    public List<Group> groups(UUID organizationId, UUID networkId) {
        requireNetwork(organizationId, networkId);
        return sql.list("select " + COLUMNS + " from topology_groups where organization_id = ? and network_id = ? order by lower(name), id",
                GroupService::map, organizationId, networkId);
    }

    @Transactional(readOnly = true)
    public Group group(UUID organizationId, UUID networkId, UUID groupId) {
        return sql.one("select " + COLUMNS + " from topology_groups where organization_id = ? and network_id = ? and id = ?",
                GroupService::map, organizationId, networkId, groupId).orElseThrow(() -> new NotFoundException("Group not found"));
    }

    @Transactional
    public Group create(UUID organizationId, UUID networkId, GroupForm form) {
        requireNetwork(organizationId, networkId);
        Valid v = validate(organizationId, networkId, form, null);
        UUID id = UUID.randomUUID();
        sql.update("insert into topology_groups (id, organization_id, network_id, name, shape, color, edge_style, members)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?::text[])", id, organizationId, networkId, v.name, v.shape, v.color, v.style,
                textArray(v.members));
        return group(organizationId, networkId, id);
    }

    @Transactional
    public Group update(UUID organizationId, UUID networkId, UUID groupId, GroupForm form) {
        group(organizationId, networkId, groupId);
        Valid v = validate(organizationId, networkId, form, groupId);
        sql.update("update topology_groups set name = ?, shape = ?, color = ?, edge_style = ?, members = ?::text[], updated_at = now()"
                        + " where organization_id = ? and network_id = ? and id = ?", v.name, v.shape, v.color, v.style, textArray(v.members),
                organizationId, networkId, groupId);
        return group(organizationId, networkId, groupId);
    }

    @Transactional
    public Group delete(UUID organizationId, UUID networkId, UUID groupId) {
        Group g = group(organizationId, networkId, groupId);
        sql.update("delete from topology_groups where organization_id = ? and network_id = ? and id = ?", organizationId, networkId, groupId);
        return g;
    }

    private record Valid(String name, String shape, String color, String style, List<String> members) {
    }

    private Valid validate(UUID organizationId, UUID networkId, GroupForm form, UUID exceptId) {
        FormErrors errors = FormErrors.none();
        String name = Check.trim(form.name());
        Check.required(errors, "name", name, NAME_MAX);
        if (!errors.has("name") && sql.count("select count(*) from topology_groups where organization_id = ? and network_id = ?"
                + " and lower(name) = lower(?) and id <> ?", organizationId, networkId, name, exceptId == null ? new UUID(0, 0) : exceptId) > 0) {
            errors.add("name", "This network already has a group with this name.");
        }
        String shape = upper(form.shape());
        if (shape == null || (!shape.equals(GraphGroup.Shape.PATH.name()) && !shape.equals(GraphGroup.Shape.HUB.name()))) {
            errors.add("shape", "Choose PATH (a request path, in order) or HUB (the first member to each other).");
        }
        String color = Check.trim(form.color());
        if (color == null || color.isEmpty()) {
            errors.add("color", "This field is required.");
        } else {
            Check.color(errors, "color", color);
        }
        String style = upper(form.edgeStyle());
        if (style == null || !STYLES.contains(style)) {
            errors.add("edgeStyle", "Choose SOLID, DASHED or DOTTED.");
        }
        List<String> members = new ArrayList<>();
        if (form.members() != null) {
            form.members().stream().map(Check::trim).forEach(members::add);
        }
        if (members.size() < 2) {
            errors.add("members", "A group needs at least two members.");
        } else if (members.size() > MEMBERS_MAX) {
            errors.add("members", "A group has at most " + MEMBERS_MAX + " members.");
        } else if (new HashSet<>(members).size() != members.size()) {
            errors.add("members", "Each member can be in the group once.");
        } else {
            Set<String> known = members(graphs.build(organizationId, networkId));
            List<String> unknown = members.stream().filter(m -> m == null || !known.contains(m)).toList();
            if (!unknown.isEmpty()) {
                errors.add("members", "Not in this network: " + String.join(", ", unknown.stream().map(String::valueOf).limit(5).toList())
                        + (unknown.size() > 5 ? ", …" : "") + ".");
            }
        }
        errors.throwIfAny();
        return new Valid(name, shape, color.toLowerCase(Locale.ROOT), style, List.copyOf(members));
    }

    /** What a group can join: services, and nodes that stand for a machine (not the Internet). */
    private static Set<String> members(TopologyGraph graph) {
        Set<String> out = new HashSet<>();
        for (GraphNode n : graph.nodes()) {
            if (n.kind() != NodeKind.INTERNET) {
                out.add(n.id());
            }
            n.services().forEach(s -> out.add(s.id()));
        }
        return out;
    }

    private void requireNetwork(UUID organizationId, UUID networkId) {
        if (sql.count("select count(*) from networks where organization_id = ? and id = ?", organizationId, networkId) == 0) {
            throw new NotFoundException("Network not found");
        }
    }

    private static String upper(String value) {
        String v = Check.trim(value);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    /** A text[] literal PostgreSQL parses back exactly (every element quoted, quotes and backslashes escaped). */
    static String textArray(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    private static Group map(ResultSet rs) throws SQLException {
        Array a = rs.getArray(7);
        List<String> members = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            members.add((String) o);
        }
        return new Group(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), members, rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }
}
