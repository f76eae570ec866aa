/**
 * Evidence from open ports and hosts: banners and protocol openings, HTTP(S) with same-origin redirects,
 * TLS certificates (observed with trust-all, never trusted), unicast UDP probes, reverse DNS, the kernel
 * neighbour table and the IEEE OUI registry. Invariants: nothing sent carries credentials; printer raw
 * ports are only listened to; UDP probes go to a host's own unicast address, never to a multicast group.
 */
package io.topograph.scanner.evidence;
