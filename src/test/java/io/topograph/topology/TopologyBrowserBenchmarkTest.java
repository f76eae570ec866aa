package io.topograph.topology;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.WebDriverRunner;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.topograph.support.Accounts;
import io.topograph.support.BrowserTest;
import io.topograph.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.JavascriptExecutor;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser side of the topology benchmark (bench/topology.sh; only with {@code -Dbench=true}):
 * headless Chromium opens the print view (a page holding the server's SVG inline) of networks of
 * 500, 2,000 and 5,000 hosts seeded as in {@link TopologyBenchmarkTest}; reports the navigation
 * timing until DOM interactive and load, then 30 scripted pan/zoom transform changes (each awaited
 * to the next animation frame twice, so it was laid out and painted). Writes target/bench-topology-browser.txt.
 */
@MicronautTest(transactional = false)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TopologyBrowserBenchmarkTest extends BrowserTest {

    private static final String SIZES = System.getProperty("bench.sizes", "500,2000,5000");

    @Inject
    DataSource dataSource;

    @Test
    void print_view_with_the_svg_is_interactive_and_pans_and_zooms() throws Exception {
        TestDatabase db = new TestDatabase(dataSource);
        Inventories inv = new Inventories(db);
        Accounts.Account owner = signUp("browserbench");
        logIn(owner);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "topology print view in headless Chromium (loopback), %d cores, load average before: %s",
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim()));
        lines.add(String.format(Locale.ROOT, "%7s %12s %14s %10s %12s %14s %14s", "hosts", "svg nodes", "response ms", "dom ms",
                "load ms", "30 pan/zoom ms", "slowest frame"));
        Inventories.Site site = inv.site(owner);
        for (String s : SIZES.split(",")) {
            int hosts = Integer.parseInt(s.trim());
            // A fresh network of the same organization for each size.
            java.util.UUID network = java.util.UUID.randomUUID();
            db.update("insert into networks (id, organization_id, name, description) values (?, ?, ?, '')", network, site.organizationId(),
                    "bench " + hosts);
            Inventories.Site sized = new Inventories.Site(owner, site.organizationId(), network);
            inv.bulk(sized, hosts, Math.max(1, hosts / 40));
            String path = owner.org("/networks/" + network + "/topology/print");
            // Warm the server for this network (first drawing), so the browser figures are about the browser.
            Selenide.open(path);
            Selenide.open(path);
            JavascriptExecutor js = (JavascriptExecutor) WebDriverRunner.getWebDriver();
            @SuppressWarnings("unchecked")
            Map<String, Object> timing = (Map<String, Object>) js.executeScript(
                    "const t = performance.getEntriesByType('navigation')[0];"
                            + "return {response: t.responseEnd - t.startTime, dom: t.domInteractive - t.startTime,"
                            + " load: t.loadEventEnd - t.startTime, nodes: document.querySelectorAll('#topology-print-diagram [data-id]').length};");
            @SuppressWarnings("unchecked")
            Map<String, Object> pan = (Map<String, Object>) js.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "const svg = document.querySelector('#topology-print-diagram svg');"
                            + "const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');"
                            + "[...svg.children].filter(c => c.tagName !== 'defs' && c.tagName !== 'style').forEach(c => g.appendChild(c));"
                            + "svg.appendChild(g);"
                            + "const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));"
                            + "(async () => { await frame(); const t0 = performance.now(); let slowest = 0;"
                            + "  for (let i = 1; i <= 30; i++) { const f0 = performance.now();"
                            + "    g.setAttribute('transform', 'translate(' + (i * 7) + ',' + (i * 3) + ') scale(' + (1 + i / 30) + ')');"
                            + "    await frame(); slowest = Math.max(slowest, performance.now() - f0); }"
                            + "  done({total: performance.now() - t0, slowest: slowest}); })();");
            long nodes = ((Number) timing.get("nodes")).longValue();
            assertThat(nodes).as("the SVG is on the page").isGreaterThan(hosts);
            lines.add(String.format(Locale.ROOT, "%7d %12d %14.0f %10.0f %12.0f %14.0f %14.0f", hosts, nodes, num(timing, "response"),
                    num(timing, "dom"), num(timing, "load"), num(pan, "total"), num(pan, "slowest")));
        }
        lines.add("navigation timing of the second load of each page (the first warmed the server); each pan/zoom step awaited two"
                + " animation frames; headless Chromium has no GPU, so paint times are software rendering");
        String report = String.join("\n", lines) + "\n";
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/bench-topology-browser.txt"), report);
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
