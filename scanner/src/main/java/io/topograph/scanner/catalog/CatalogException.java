package io.topograph.scanner.catalog;

/** A catalog file that cannot be used; the message names the file and the definition. */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }
}
