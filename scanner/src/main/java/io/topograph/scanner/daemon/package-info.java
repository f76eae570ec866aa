/**
 * The daemon: the client of the daemon protocol ({@code docs/daemon-protocol.md}), its state file and
 * its loop (heartbeat, claim, scan, report). Invariants: the credential is never logged or printed
 * and is stored only in {@code <state-dir>/daemon.json}, written atomically with mode 0600 in a 0700
 * directory; a run's targets come from the server or, when it sends none, from the operator's
 * {@code default-targets} (the loopback host unless configured), never from the daemon's own subnets;
 * results are kept in memory and re-sent until the server takes them or drops the run; batches are
 * numbered from 0, hold at most 500 hosts, and a re-sent batch has the very same body.
 */
package io.topograph.scanner.daemon;
