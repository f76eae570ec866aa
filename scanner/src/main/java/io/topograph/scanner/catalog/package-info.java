/**
 * The service catalog (definitions as data) and the matcher. Invariants: a definition needs a condition
 * other than a MAC vendor; results do not depend on definition order (ties are broken by id); every
 * identified service carries the reason (its satisfied conditions) and a confidence from 1 to 100.
 */
package io.topograph.scanner.catalog;
