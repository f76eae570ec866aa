package io.topograph.discovery.ingest;

/**
 * The inventory changed under a merge (a person deleted a matched host, or a subnet, before the
 * batch was written): the whole batch is rolled back and answered 503, which the daemon retries;
 * the retry matches against the inventory as it is now.
 */
final class ConcurrentChangeException extends RuntimeException {

    ConcurrentChangeException(Throwable cause) {
        super("The inventory changed while the batch was merged; send it again.", cause);
    }
}
