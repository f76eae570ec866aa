package io.topograph.hosts;

import io.topograph.networks.Network;
import io.topograph.platform.web.FormErrors;
import io.topograph.tags.TagRef;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * View names and typed view models of the host pages. DOM ids used by htmx: {@code hosts-table}
 * (the swappable table region), {@code host-filters} (the GET filter form; the table's hidden
 * sort/size inputs join it with {@code form=}), {@code host-row-actions} (the shared POST form of
 * the rows' hide/show buttons), {@code host-<id>} (a row), {@code host-header} (the host page's
 * header card) and {@code host-create-form}.
 */
final class HostViews {

    static final String INDEX = "hosts/index";
    static final String TABLE = "hosts/_table :: table";
    static final String ROW = "hosts/_row :: row";
    static final String DETAIL = "hosts/detail";
    static final String HEADER = "hosts/_header :: header";
    static final String EDIT_HEADER = "hosts/_header :: edit";
    static final String EDIT = "hosts/edit";
    static final String NEW = "hosts/new";
    static final String CREATE_FORM = "hosts/_create_form :: form";
    static final String DELETE = "hosts/delete";

    private HostViews() {
    }

    /**
     * The hosts page of one network and its table fragment.
     *
     * @param emptyNetwork the network has no host at all (hidden ones included)
     */
    record IndexPage(String slug, Network network, List<TagRef> networkTags, HostTable table,
                     List<HostInventory.SubnetOption> subnets, List<String> categories, List<TagRef> tags, boolean canWrite) {
    }

    /** The table region alone, for htmx requests (no filter options needed). */
    record TableView(String slug, HostTable table, boolean canWrite) {
    }

    /** One row alone (after hiding or showing it). */
    record RowView(String slug, HostRowView row, boolean canWrite) {
    }

    /**
     * A host's page. The header fragment shows {@code host}; its edit mode the {@code form}.
     */
    record DetailPage(String slug, Network network, HostDetail host, HostForm form, FormErrors errors,
                      List<TagRef> allTags, Set<String> selectedTags, boolean canWrite) {
    }

    record NewPage(String slug, Network network, HostForm form, FormErrors errors, List<TagRef> allTags,
                   Set<String> selectedTags) {
    }
}
