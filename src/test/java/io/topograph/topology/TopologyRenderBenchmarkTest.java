package io.topograph.topology;

import io.topograph.topology.export.PngExport;
import io.topograph.topology.graph.TopologyGraph;
import io.topograph.topology.layout.Layout;
import io.topograph.topology.layout.LayoutOptions;
import io.topograph.topology.layout.TopologyLayout;
import io.topograph.topology.render.RenderOptions;
import io.topograph.topology.render.SvgRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layout and render time and SVG size for synthetic networks of 500, 2,000 and 5,000 hosts (runs
 * only with {@code -Dbench=true}): warm-up runs, then the median of measured runs. Prints the
 * figures and writes target/bench-topology-render.txt. Also one PNG per size (longest side 4,096 px), timed once. Graph generation is not timed (building the
 * graph from the inventory is the data side's and measured there).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TopologyRenderBenchmarkTest {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 5);
    private static final int RUNS = Integer.getInteger("bench.runs", 7);

    @Test
    void layout_and_render_times_and_svg_sizes() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "topology render benchmark: median of %d runs after %d warm-up runs, JDK %s, %d cores",
                RUNS, WARMUP, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
        lines.add(String.format(Locale.ROOT, "%8s %8s %8s %10s %10s %10s %10s %12s %10s", "hosts", "nodes", "edges", "layout ms",
                "render ms", "total ms", "cold ms", "svg bytes", "png ms"));
        for (int hosts : new int[] {500, 2_000, 5_000}) {
            TopologyGraph graph = SyntheticGraphs.generate(hosts, 42);
            List<Double> layoutTimes = new ArrayList<>();
            List<Double> renderTimes = new ArrayList<>();
            List<Double> totals = new ArrayList<>();
            int size = 0;
            double cold = 0;
            String lastSvg = null;
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long t0 = System.nanoTime();
                Layout layout = TopologyLayout.layout(graph, Map.of(), LayoutOptions.defaults());
                long t1 = System.nanoTime();
                String svg = SvgRenderer.render(graph, layout, RenderOptions.defaults());
                long t2 = System.nanoTime();
                size = svg.getBytes(StandardCharsets.UTF_8).length;
                lastSvg = svg;
                if (i == 0) {
                    // the first call of the JVM for this size: class loading and ELK set-up included for 500
                    cold = (t2 - t0) / 1e6;
                }
                assertThat(layout.nodes()).hasSize(graph.nodes().size());
                if (i >= WARMUP) {
                    layoutTimes.add((t1 - t0) / 1e6);
                    renderTimes.add((t2 - t1) / 1e6);
                    totals.add((t2 - t0) / 1e6);
                }
            }
            long p0 = System.nanoTime();
            byte[] png = PngExport.toPng(lastSvg, 1.0, PngExport.DEFAULT_MAX_SIDE);
            double pngMs = (System.nanoTime() - p0) / 1e6;
            assertThat(png.length).isPositive();
            lines.add(String.format(Locale.ROOT, "%8d %8d %8d %10.1f %10.1f %10.1f %10.1f %12d %10.0f", hosts, graph.nodes().size(),
                    graph.edges().size(), median(layoutTimes), median(renderTimes), median(totals), cold, size, pngMs));
        }
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "bench-topology-render.txt"), lines);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
