package io.topograph.topology.layout;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the top-level blocks (subnet containers, collapsed subnets, nodes outside every subnet)
 * with ELK layered, in plain Java: the layered algorithm's meta data is registered once with
 * {@link LayoutMetaDataService} (what OSGi would do) and {@link RecursiveGraphLayoutEngine} runs it.
 * The random seed is fixed and blocks and links arrive sorted, so the result is deterministic.
 */
final class BlockPlacer {

    record Block(String key, double width, double height) {
    }

    record Link(String source, String target) {
    }

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private BlockPlacer() {
    }

    /** Top-left corner of each block, keyed like the blocks. */
    static Map<String, Point> place(List<Block> blocks, List<Link> links, LayoutOptions.Direction direction) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        root.setProperty(CoreOptions.DIRECTION, direction == LayoutOptions.Direction.DOWN ? Direction.DOWN : Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(TopologyLayout.MARGIN));
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 48.0);
        root.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, 48.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 96.0);
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (Block block : blocks) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier(block.key());
            node.setDimensions(block.width(), block.height());
            nodes.put(block.key(), node);
        }
        for (Link link : links) {
            ElkNode source = nodes.get(link.source());
            ElkNode target = nodes.get(link.target());
            if (source != null && target != null && source != target) {
                ElkGraphUtil.createSimpleEdge(source, target);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Point> out = new HashMap<>();
        nodes.forEach((key, node) -> out.put(key, new Point(node.getX(), node.getY())));
        return out;
    }
}
