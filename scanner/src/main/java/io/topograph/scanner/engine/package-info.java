/**
 * The scan engine: non-blocking TCP connect scanning (rate limit, concurrency window with slow start and
 * AIMD back-off, adaptive timeouts), the scan plan (discovery, then each live host's full scan) and the
 * orchestration of evidence and identification. Invariants: the rate and concurrency limits hold across
 * all selector threads together; scan traffic only goes to the addresses of the given TargetSet (reverse
 * DNS goes through the system resolver).
 */
package io.topograph.scanner.engine;
