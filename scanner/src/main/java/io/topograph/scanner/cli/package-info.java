/**
 * The command line (picocli): scan, self, and the daemon commands enroll and run, which are not implemented
 * yet and say so. Invariant: bad targets or options exit with code 2 and a message naming the problem.
 */
package io.topograph.scanner.cli;
