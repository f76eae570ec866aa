/**
 * Discovery definitions: per network, what to scan (targets or the daemon's subnets, exclusions,
 * ports, UDP and printer-port options), with which daemon (one, or any daemon of the network) and
 * when (five-field cron with an IANA time zone, an interval of at least 5 minutes, or manual
 * only). Pages (the network's Schedules tab), JSON API, the default definition of a newly
 * enrolled daemon, and what a fired schedule does.
 * Invariants:
 * <ul>
 *   <li>Read and written only through the member's organization and a network the member may see
 *       (else 404); writing needs a role that writes (403). Everything is checked before the one
 *       write; bad input writes nothing.</li>
 *   <li>An enabled CRON or INTERVAL definition has exactly one Quartz trigger; every save, enable,
 *       disable and delete changes it in the same transaction (platform/scheduling, JobStoreCMT).</li>
 *   <li>A fire queues at most one run per (definition, scheduled fire time): the unique key on
 *       {@code discovery_runs} makes a repeated fire (recovery, a second node) a no-op.</li>
 *   <li>Misfires (every server down at fire time, more than a minute late): one catch-up run as soon
 *       as a server is back, then the normal schedule; missed fires are not replayed one by one.</li>
 *   <li>Daylight saving: cron times are local to the definition's zone; a time skipped by the spring
 *       change does not fire that day, a time repeated by the autumn change fires once.</li>
 *   <li>Empty targets are resolved when the run is queued: the subnets the chosen daemon (or every
 *       enabled daemon of the network) last reported. Exclusions are cut out on the server.</li>
 *   <li>A definition's chosen daemon never silently takes the definition with it: deleting the
 *       daemon keeps the definition (pointing at "deleted daemon X"), disabling it keeps it too; their
 *       fires queue nothing and record why ({@code last_skip_reason}, shown on the list), and Run now
 *       answers 409 with that reason, until someone picks another daemon.</li>
 *   <li>A new daemon gets a default definition in its enrollment transaction: its own subnets (the
 *       integrated daemon: its configured targets, the loopback host by default), top 100 ports,
 *       weekly at a night minute (00:00–05:59 UTC) derived from its id.</li>
 * </ul>
 */
package io.topograph.discovery.definitions;
