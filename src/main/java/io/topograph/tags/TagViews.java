package io.topograph.tags;

import io.topograph.platform.web.FormErrors;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** View names and typed view models of the tag pages. */
final class TagViews {

    static final String INDEX = "tags/index";
    static final String LIST = "tags/_list :: list";
    static final String CREATE_FORM = "tags/_form :: form";
    static final String ROW = "tags/_row :: row";
    static final String EDIT_ROW = "tags/_row :: edit";
    static final String EDIT = "tags/edit";
    static final String DELETE = "tags/delete";
    static final String NETWORK = "tags/network";
    static final String NETWORK_FORM = "tags/_network_form :: form";
    static final String NETWORK_CHIPS = "tags/_chips :: network";

    private TagViews() {
    }

    record IndexPage(String slug, List<TagSummary> tags, TagForm form, FormErrors errors, boolean canWrite) {
    }

    record RowView(String slug, TagSummary row, TagForm form, FormErrors errors, boolean canWrite) {
    }

    record FormView(String slug, TagForm form, FormErrors errors) {
    }

    /**
     * The tag picker of one network.
     *
     * @param back where a plain form post returns: {@code hosts} (the network's hosts page) or {@code networks}
     */
    record NetworkTagsPage(String slug, UUID networkId, String networkName, List<TagRef> allTags, Set<UUID> selected,
                           List<TagRef> current, FormErrors errors, boolean canWrite, String back) {
    }

    record ChipsView(String slug, UUID networkId, List<TagRef> tags) {
    }
}
