package io.topograph.topology.view;

import java.util.Locale;
import java.util.Optional;

/** The files a diagram exports to, by the extension used in URLs ({@code topology.svg}, {@code topology.drawio}, …). */
public enum ExportFormat {
    SVG("svg", "image/svg+xml"),
    PNG("png", "image/png"),
    MERMAID("mmd", "text/plain; charset=utf-8"),
    DRAWIO("drawio", "application/xml"),
    JSON("json", "application/json"),
    HOSTS_CSV("hosts.csv", "text/csv; charset=utf-8"),
    SERVICES_CSV("services.csv", "text/csv; charset=utf-8");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<ExportFormat> byExtension(String extension) {
        String e = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.extension.equals(e)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
