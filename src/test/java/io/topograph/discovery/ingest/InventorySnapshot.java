package io.topograph.discovery.ingest;

import io.topograph.support.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every inventory row of an organization as text, to compare before and after an ingest.
 * {@link #content} leaves out only what a re-scan is expected to move (last seen and which
 * run/daemon saw a row last); {@link #everything} keeps all of it.
 */
final class InventorySnapshot {

    private static final String[] CONTENT = {
            "select row(id, network_id, name, hostname, description, os, hidden, user_edited, source, first_seen, created_at, updated_at)::text from hosts where organization_id = ? order by 1",
            "select row(id, host_id, subnet_id, name, ip, mac, vendor, first_seen)::text from interfaces where organization_id = ? order by 1",
            "select row(id, host_id, number, protocol, state, banner, first_seen)::text from ports where organization_id = ? order by 1",
            "select row(id, host_id, definition_id, name, category, confidence, match_reason, version, port, protocol, first_seen)::text from services where organization_id = ? order by 1",
            "select row(id, service_id, port_id, interface_id)::text from bindings where organization_id = ? order by 1",
    };
    private static final String[] EVERYTHING = {
            "select h::text from hosts h where organization_id = ? order by 1",
            "select i::text from interfaces i where organization_id = ? order by 1",
            "select p::text from ports p where organization_id = ? order by 1",
            "select s::text from services s where organization_id = ? order by 1",
            "select b::text from bindings b where organization_id = ? order by 1",
            "select o::text from host_observations o where organization_id = ? order by 1",
    };

    private InventorySnapshot() {
    }

    static List<String> content(TestDatabase db, UUID organizationId) {
        return rows(db, organizationId, CONTENT);
    }

    static List<String> everything(TestDatabase db, UUID organizationId) {
        return rows(db, organizationId, EVERYTHING);
    }

    private static List<String> rows(TestDatabase db, UUID organizationId, String[] queries) {
        List<String> out = new ArrayList<>();
        for (String q : queries) {
            for (Object row : db.column(q, organizationId)) {
                out.add((String) row);
            }
        }
        return out;
    }
}
