package io.topograph.networks;

import io.topograph.platform.web.FormErrors;

import java.util.List;
import java.util.UUID;

/** View names and typed view models of the networks pages. */
final class NetworkViews {

    static final String INDEX = "networks/index";
    static final String LIST = "networks/_list :: list";
    static final String CREATE_FORM = "networks/_form :: form";
    static final String ROW = "networks/_row :: row";
    static final String EDIT_ROW = "networks/_row :: edit";
    static final String EDIT = "networks/edit";
    static final String DELETE = "networks/delete";

    private NetworkViews() {
    }

    /** DOM id of a network's row, shared by the templates and htmx targets. */
    static String rowId(UUID networkId) {
        return "network-" + networkId;
    }

    record IndexPage(String slug, List<NetworkSummary> networks, NetworkForm form, FormErrors errors,
                     boolean canCreate, boolean canWrite) {
    }

    record RowView(String slug, NetworkSummary row, NetworkForm form, FormErrors errors, boolean canWrite, boolean canCreate) {
    }

    record FormView(String slug, NetworkForm form, FormErrors errors) {
    }
}
