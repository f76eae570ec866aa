/** Minimal JSON reading on Jackson's streaming parser (no data binding in the scan path, for start-up time). */
package io.topograph.scanner.json;
