package io.topograph.services;

import io.topograph.platform.web.FormErrors;
import io.topograph.platform.web.Paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** View names and typed view models of the service catalog pages. */
final class ServiceViews {

    static final String INDEX = "services/index";
    static final String LIST = "services/_list :: list";
    static final String CREATED = "services/_list :: created";
    static final String CREATE_FORM = "services/_form :: create";
    static final String ROW = "services/_row :: row";
    static final String EDIT_ROW = "services/_row :: edit";
    static final String EDIT = "services/edit";
    static final String DELETE = "services/delete";
    static final String CATALOG = "services/catalog";
    static final String CATALOG_RESULTS = "services/_catalog :: results";

    /** Rules shown under the form; each is accepted by the daemon's parser (a test keeps it so). */
    static final List<Example> EXAMPLES = List.of(
            new Example("A web app on its port, by its page title",
                    "{\"all\": [{\"ports\": [8443]}, {\"httpTitle\": \"ACME Portal\"}]}"),
            new Example("A banner, with the version captured",
                    "{\"banner\": \"^220 .*ACME FTP (?<version>[\\\\d.]+)\"}"),
            new Example("A device by MAC vendor and port",
                    "{\"all\": [{\"macVendor\": \"Ubiquiti\"}, {\"ports\": [8080, 8443]}]}"));

    private ServiceViews() {
    }

    /** DOM id of a definition's row, shared by the templates and htmx targets. */
    static String rowId(UUID id) {
        return "definition-" + id;
    }

    public record Example(String title, String json) {
    }

    /** A definition as the list shows it. */
    public record DefinitionRow(UUID id, String key, String name, String description, String category, String icon,
                                int priority, boolean enabled, List<RuleText.Line> rule, String summary) {
        static DefinitionRow of(CustomDefinition d) {
            var match = DefinitionForm.parseStored(d.match());
            return new DefinitionRow(d.id(), d.key(), d.name(), d.description(), d.category(), d.icon(), d.priority(),
                    d.enabled(), RuleText.lines(match), RuleText.summary(match));
        }

        public String domId() {
            return rowId(id);
        }
    }

    /** What the create and edit forms need besides the form itself. */
    public record FormChoices(List<String> categories, List<String> icons, List<Example> examples) {
    }

    record IndexPage(String slug, List<DefinitionRow> definitions, DefinitionForm form, FormErrors errors, FormChoices choices,
                     boolean canWrite, int catalogSize) {
    }

    record RowView(String slug, DefinitionRow row, DefinitionForm form, FormErrors errors, FormChoices choices, boolean canWrite) {
    }

    record FormView(String slug, DefinitionForm form, FormErrors errors, FormChoices choices) {
    }

    /**
     * The built-in catalog browser.
     *
     * @param pagerBase the results URL with the current search, without a page
     */
    record CatalogPage(String slug, String q, String category, List<String> categories, Paging<CatalogEntry> results,
                       String pagerBase, int catalogSize, boolean canWrite) {
    }

    static String catalogUrl(String slug, String q, String category) {
        StringBuilder b = new StringBuilder("/o/").append(slug).append("/services/catalog");
        String sep = "?";
        if (!q.isEmpty()) {
            b.append(sep).append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
            sep = "&";
        }
        if (!category.isEmpty()) {
            b.append(sep).append("category=").append(URLEncoder.encode(category, StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
