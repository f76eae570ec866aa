package io.topograph.topology.view;

/** An export ready to send: its bytes, content type and a download file name. */
public record ExportedFile(byte[] body, String contentType, String fileName) {
}
