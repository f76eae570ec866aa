package io.topograph.scanner.catalog;

/**
 * How strong a kind of evidence is, from a bare port number (weakest) to something the service said
 * about itself (strongest). The weight orders matches (see {@link Matcher}).
 */
public enum Evidence {
    PORT(1),
    PROTOCOL(2),
    MAC_VENDOR(2),
    HTTP_HEADER(3),
    TLS_SUBJECT(3),
    BANNER(4),
    HTTP_TITLE(4),
    HTTP_BODY(4);

    public final int weight;

    Evidence(int weight) {
        this.weight = weight;
    }
}
