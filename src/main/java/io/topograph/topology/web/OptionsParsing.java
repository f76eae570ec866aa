package io.topograph.topology.web;

import io.topograph.platform.web.FormErrors;
import io.topograph.topology.diagrams.DiagramOptions;
import io.topograph.topology.graph.EdgeKind;
import io.topograph.topology.graph.TopologyGraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The options form as {@link DiagramOptions}: every offered choice checked is stored as "all" (null). */
final class OptionsParsing {

    private OptionsParsing() {
    }

    static DiagramOptions parse(TopologyController.OptionsForm form, TopologyGraph full) {
        FormErrors errors = FormErrors.none();
        Set<String> offered = new HashSet<>();
        full.nodes().forEach(n -> n.services().forEach(s -> {
            if (s.category() != null) {
                offered.add(s.category());
            }
        }));
        List<String> categories = form.categories() == null ? List.of() : form.categories().stream().map(TopologyModels::category).distinct().toList();
        List<String> chosenCategories = new HashSet<>(categories).containsAll(offered) ? null : categories;

        List<EdgeKind> kinds = new ArrayList<>();
        for (String k : form.edgeKinds() == null ? List.<String>of() : form.edgeKinds()) {
            try {
                kinds.add(EdgeKind.valueOf(k.strip()));
            } catch (IllegalArgumentException e) {
                errors.add("edgeKinds", "Choose edge kinds among " + Arrays.toString(EdgeKind.values()) + ".");
            }
        }
        List<EdgeKind> chosenKinds = new HashSet<>(kinds).containsAll(Arrays.asList(EdgeKind.values())) ? null : kinds.stream().distinct().toList();

        List<String> tags = form.tags() == null ? List.of()
                : Arrays.stream(form.tags().split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        errors.throwIfAny();
        return new DiagramOptions(chosenCategories, on(form.showPorts()), on(form.showContainers()), on(form.showHidden()), chosenKinds,
                tags, form.collapsed() == null ? List.of() : form.collapsed().stream().distinct().toList());
    }

    private static boolean on(String value) {
        return value != null && !value.isBlank() && !"false".equalsIgnoreCase(value);
    }
}
