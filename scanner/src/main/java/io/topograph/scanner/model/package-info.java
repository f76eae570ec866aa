/** The scan report: the stable JSON contract documented in docs/scanner.md. */
package io.topograph.scanner.model;
