/**
 * Snapshots of a network's topology graph (gzip JSON), taken inside the transaction of every
 * successful run ({@link io.topograph.discovery.RunSucceeded}; at most one per run, by a unique run
 * id) and on demand, listed as a timeline and loaded back as graphs. Retention keeps each network's
 * newest N and none older than D days (both configurable, 0 = off), never deleting a network's
 * newest snapshot; the sweep may run on any node at once.
 */
package io.topograph.topology.snapshots;
