/**
 * Port profiles (top100, top1000, all, custom lists). Invariant: printer raw ports 9100-9107 are only
 * in a resolved list when explicitly enabled.
 */
package io.topograph.scanner.ports;
