/**
 * The command line (picocli): scan, self, and the daemon commands enroll and run. Invariants: bad targets
 * or options exit with code 2 and a message naming the problem; a refused enrollment token or credential
 * exits with code 4 and tells the operator to enroll again; the credential is never printed.
 */
package io.topograph.scanner.cli;
