/**
 * The daemon jar the server ships: built from {@code scanner/}, bundled in the server jar under
 * {@code daemon/}, served for download with its SHA-256, and loaded in an isolated class loader
 * for the integrated daemon and for validating catalog definitions with the daemon's own parser.
 */
package io.topograph.platform.daemonjar;
