package io.topograph.scanner.evidence;

import java.util.List;
import java.util.Map;

/**
 * What an HTTP(S) GET answered: status, header values by lower-case name (in order received),
 * the page title (whitespace collapsed) and the start of the body (up to 32 KiB, for body patterns).
 */
public record HttpInfo(String path, int status, String statusLine, Map<String, List<String>> headers, String title, String body) {

    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase());
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
