package io.topograph.topology.render;

/**
 * The one stylesheet of a diagram. Class names are short because they repeat on every node of a
 * 5,000-host diagram. Only SVG 1.1 properties and plain hex colours, so that Batik (PNG export)
 * draws the same picture as a browser.
 */
final class SvgStyle {

    private SvgStyle() {
    }

    static final String CSS = String.join("",
            "svg.tg{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11px}",
            ".bg{fill:#ffffff}",
            ".ic{fill:none;stroke:#3b4252;stroke-width:1.3;stroke-linecap:round;stroke-linejoin:round}",
            // subnets, coloured by kind
            ".sb{fill:#f5f7fa;stroke:#9aa5b1;stroke-width:1.2}",
            ".st{font-size:12px;font-weight:bold;fill:#1f2933}.sc{font-weight:normal;fill:#52606d}",
            ".s-lan .sb{fill:#f0f6ff;stroke:#7ea6e0}.s-wifi .sb{fill:#f3f0ff;stroke:#a18fe0}",
            ".s-vpn .sb{fill:#effaf5;stroke:#6fbf98}.s-dmz .sb{fill:#fff4ef;stroke:#e59a73}",
            ".s-docker-bridge .sb{fill:#eefaff;stroke:#5bb4d9}.s-management .sb{fill:#f7f7f2;stroke:#a8a27a}",
            ".s-servers .sb{fill:#f2f5f9;stroke:#7b8ba3}.s-iot .sb{fill:#f6fbef;stroke:#98c16b}",
            ".s-guest .sb{fill:#fdf6fb;stroke:#d596c2}",
            ".col .sb{stroke-width:2}",
            // nodes
            ".n{fill:#ffffff;stroke:#7b8794;stroke-width:1}",
            ".k-gateway .n{stroke:#3e4c59;stroke-width:1.6}.k-internet .n{fill:#f0f4f8;stroke:#52606d}",
            ".k-container .n{fill:#f4fbff;stroke:#5bb4d9}.k-vm .n{fill:#fbf8ff;stroke:#9b87d6}",
            ".l{font-weight:bold;fill:#1f2933}.a{fill:#52606d;font-size:10px}",
            ".m,.p{fill:#616e7c;font-size:9px}",
            ".off{opacity:0.45}",
            // edges, per kind
            ".tg-edge{fill:none;stroke:#9aa5b1;stroke-width:1.3}",
            ".e-gateway{stroke:#3e4c59;stroke-width:2}",
            ".e-multi-homed{stroke:#7b8ba3;stroke-dasharray:5 3}",
            ".e-container-host{stroke:#5bb4d9}",
            ".e-vm-hypervisor{stroke:#9b87d6;stroke-dasharray:2 2}",
            ".e-physical{stroke:#1f2933;stroke-width:2.2}",
            ".e-group{stroke-width:2.4}.gs-dashed{stroke-dasharray:8 4}.gs-dotted{stroke-dasharray:1.5 3.5;stroke-linecap:round}",
            // snapshot diffs
            ".hl-added .n,.hl-added .sb{stroke:#198754;stroke-width:3}.tg-edge.hl-added{stroke:#198754;stroke-width:3}",
            ".hl-removed{opacity:0.5}.hl-removed .n,.hl-removed .sb{stroke:#dc3545;stroke-width:3;stroke-dasharray:6 4}",
            ".tg-edge.hl-removed{stroke:#dc3545;stroke-width:3;stroke-dasharray:6 4}",
            ".hl-changed .n,.hl-changed .sb{stroke:#e0a800;stroke-width:3}.tg-edge.hl-changed{stroke:#e0a800;stroke-width:3}",
            // legend
            ".lg{fill:#ffffff;stroke:#cbd2d9}.lt{fill:#323f4b;font-size:10px}");
}
