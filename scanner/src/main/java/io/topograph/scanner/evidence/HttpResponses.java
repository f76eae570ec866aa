package io.topograph.scanner.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading HTTP/1.x answers: status, headers, chunked bodies, the page title. */
final class HttpResponses {

    private static final int MAX_BODY = 32 * 1024;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length:\\s*(\\d+)");

    private HttpResponses() {
    }

    /**
     * Evidence from the bytes a GET got back: HTTP evidence when they are an HTTP answer, otherwise
     * the bytes as a banner (probe name suffixed "-reply": something answered, but not in HTTP).
     */
    static PortEvidence parse(byte[] data, String path, int port, String probe, TlsInfo tls) {
        String text = Bytes.latin1(data, data.length);
        if (!text.startsWith("HTTP/")) {
            // something answered, but not HTTP: keep it as a banner
            String raw = Bytes.latin1(data, data.length);
            return new PortEvidence(port, probe + "-reply", raw, Bytes.printable(raw, 512), null, tls);
        }
        int headEnd = text.indexOf("\r\n\r\n");
        String head = headEnd >= 0 ? text.substring(0, headEnd) : text;
        String body = headEnd >= 0 ? text.substring(headEnd + 4) : "";
        String[] lines = head.split("\r\n");
        String statusLine = lines[0];
        int status = 0;
        String[] parts = statusLine.split(" ", 3);
        if (parts.length >= 2 && parts[1].matches("\\d{3}")) {
            status = Integer.parseInt(parts[1]);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        if (headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            body = dechunk(body);
        }
        String decodedBody = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        if (decodedBody.length() > MAX_BODY) {
            decodedBody = decodedBody.substring(0, MAX_BODY);
        }
        String title = null;
        Matcher m = TITLE.matcher(decodedBody);
        if (m.find()) {
            title = htmlText(m.group(1));
        }
        HttpInfo info = new HttpInfo(path, status, statusLine, headers, title, decodedBody);
        return new PortEvidence(port, probe, head, Bytes.printable(head, 512), info, tls);
    }

    private static String htmlText(String s) {
        String t = s.replaceAll("<[^>]*>", " ")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ");
        return t.replaceAll("\\s+", " ").trim();
    }

    static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            String sizeText = body.substring(i, eol).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                return out.length() > 0 ? out.toString() : body;
            }
            if (size == 0) {
                break;
            }
            int start = eol + 2;
            int end = Math.min(body.length(), start + size);
            out.append(body, start, end);
            i = end + 2;
        }
        return out.toString();
    }

    /** True when a full HTTP response (by Content-Length or final chunk) has arrived. */
    static boolean complete(ByteArrayOutputStream buf) {
        String t = buf.toString(StandardCharsets.ISO_8859_1);
        int headEnd = t.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = t.substring(0, headEnd).toLowerCase(Locale.ROOT);
        Matcher m = CONTENT_LENGTH.matcher(head);
        if (m.find()) {
            return t.length() - headEnd - 4 >= Long.parseLong(m.group(1));
        }
        if (head.contains("chunked")) {
            return t.endsWith("0\r\n\r\n");
        }
        return false;
    }
}
