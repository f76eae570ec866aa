/**
 * Entry points for code that loads the daemon jar in an isolated class loader (the server):
 * static methods whose signatures use only JDK types, so caller and jar share no classes.
 * These signatures are a contract with {@code io.topograph.platform.daemonjar} on the server:
 * {@link io.topograph.scanner.api.Validation} (the scanner's parsers) and
 * {@link io.topograph.scanner.api.EmbeddedDaemon} (the daemon loop, run inside the server).
 */
package io.topograph.scanner.api;
