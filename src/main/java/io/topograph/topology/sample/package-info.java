/**
 * The sample network: a generated, deterministic (seeded) inventory written in a few set-based
 * statements into a new network marked {@code networks.sample}. Invariants: at most one per
 * organization (loading again answers 409); its addresses are made-up private-range text that
 * nothing contacts, and no discovery run can be queued on it (409 in discovery, and a database
 * trigger refuses the insert whatever the path).
 */
package io.topograph.topology.sample;
