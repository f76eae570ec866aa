package io.topograph.topology.view;

import io.topograph.topology.export.CsvExport;
import io.topograph.topology.export.DrawioExport;
import io.topograph.topology.export.JsonExport;
import io.topograph.topology.export.MermaidExport;
import io.topograph.topology.export.PngExport;
import io.topograph.platform.web.AsciiSlug;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * Turns a drawn diagram into a file. Every format comes from the same drawn graph and layout as
 * the page's SVG, so a download shows what the page shows (options, pins, collapsed subnets).
 */
@Singleton
public class DiagramExports {

    public ExportedFile export(DrawnDiagram drawn, ExportFormat format, String baseName) {
        byte[] body = switch (format) {
            case SVG -> utf8(drawn.svg());
            case PNG -> PngExport.toPng(drawn.svg());
            case MERMAID -> utf8(MermaidExport.toMermaid(drawn.drawn()));
            case DRAWIO -> utf8(DrawioExport.toDrawio(drawn.drawn(), drawn.layout()));
            case JSON -> utf8(JsonExport.toJson(drawn.drawn(), drawn.layout()));
            case HOSTS_CSV -> utf8(CsvExport.hosts(drawn.drawn()));
            case SERVICES_CSV -> utf8(CsvExport.services(drawn.drawn()));
        };
        return new ExportedFile(body, format.contentType(), fileName(baseName) + "." + format.extension());
    }

    /** A file name safe in a Content-Disposition header: lower-case ASCII letters, digits and dashes. */
    static String fileName(String base) {
        String slug = AsciiSlug.of(base, 60);
        return slug.isEmpty() ? "topology" : slug;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
