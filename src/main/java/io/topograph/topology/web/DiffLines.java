package io.topograph.topology.web;

import io.topograph.topology.diff.TopologyDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A topology diff as lines of the comparison page's list. */
final class DiffLines {

    private DiffLines() {
    }

    static List<TopologyViews.DiffLine> of(TopologyDiff diff) {
        List<TopologyViews.DiffLine> out = new ArrayList<>();
        diff.addedSubnets().forEach(s -> out.add(new TopologyViews.DiffLine(TopologyDiff.ADDED, "Subnet " + s.cidr(), "")));
        diff.removedSubnets().forEach(s -> out.add(new TopologyViews.DiffLine(TopologyDiff.REMOVED, "Subnet " + s.cidr(), "")));
        diff.changedSubnets().forEach(c -> out.add(new TopologyViews.DiffLine(TopologyDiff.CHANGED, "Subnet " + c.after().cidr(), changes(c.changes()))));
        diff.addedNodes().forEach(n -> out.add(new TopologyViews.DiffLine(TopologyDiff.ADDED, n.label(), address(n.primaryAddress()))));
        diff.removedNodes().forEach(n -> out.add(new TopologyViews.DiffLine(TopologyDiff.REMOVED, n.label(), address(n.primaryAddress()))));
        diff.changedNodes().forEach(c -> out.add(new TopologyViews.DiffLine(TopologyDiff.CHANGED, c.after().label(), changes(c.changes()))));
        diff.addedEdges().forEach(e -> out.add(new TopologyViews.DiffLine(TopologyDiff.ADDED, "Link", e.reason() == null ? "" : e.reason())));
        diff.removedEdges().forEach(e -> out.add(new TopologyViews.DiffLine(TopologyDiff.REMOVED, "Link", e.reason() == null ? "" : e.reason())));
        return out;
    }

    private static String address(String a) {
        return a == null ? "" : a;
    }

    private static String changes(List<TopologyDiff.Change> changes) {
        return changes.stream().map(c -> c.what() + ": " + (c.before() == null ? "—" : c.before()) + " → " + (c.after() == null ? "—" : c.after()))
                .collect(Collectors.joining("; "));
    }
}
