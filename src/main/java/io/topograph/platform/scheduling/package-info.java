/**
 * Quartz, clustered on the application's PostgreSQL (tables from V51): the one place that knows
 * Quartz. Features schedule through {@link io.topograph.platform.scheduling.Schedules} and receive
 * fires through a {@link io.topograph.platform.scheduling.ScheduleHandler} they implement; this
 * package imports no feature.
 * Invariants:
 * <ul>
 *   <li>The job store is {@code JobStoreCMT}: scheduling calls made by our services use the
 *       connection of the caller's transaction (Micronaut's transaction-aware DataSource), so a
 *       trigger is created, replaced or removed together with the row it belongs to, or not at all
 *       ({@link io.topograph.platform.scheduling.Schedules} requires a transaction). Quartz's own
 *       threads (acquisition, misfires, cluster check-in, recovery) use the raw pool and commit
 *       themselves.</li>
 *   <li>Clustered: every node runs a scheduler with its own instance id; a trigger fires on exactly
 *       one node (row lock on {@code QRTZ_LOCKS}); a node that stops checking in has its fired,
 *       unfinished jobs recovered by another node (jobs request recovery, so the handler must be
 *       idempotent per scheduled fire time).</li>
 *   <li>Jobs are thin: they carry an organization id and a subject id only and call the handler
 *       with the trigger's scheduled fire time.</li>
 *   <li>Misfires: a fire more than {@code misfire-threshold} late (all nodes were down) becomes one
 *       catch-up fire as soon as a node runs again, then the schedule continues on its own cadence;
 *       several missed fires are not replayed one by one.</li>
 *   <li>Schedules live in PostgreSQL and survive restarts; nothing is kept in a node's memory.</li>
 * </ul>
 */
package io.topograph.platform.scheduling;
