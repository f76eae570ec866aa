/**
 * The topology as JSON and files under {@code /api/v1}: exports of a diagram, saved diagrams with
 * their pins, groups, snapshots and their comparison, and the sample network; plus the print view.
 *
 * <p>Invariants: every route first checks the member may see the network
 * ({@code NetworkService.findVisible}: another organization's network is a 404, never a 403), and
 * every write needs a role that may write ({@code CurrentMember.requireWrite}, 403) before anything
 * is changed. The services below take the organization and the network, so a diagram, group or
 * snapshot of another network is not found either. Controllers only translate HTTP; they call
 * services, never repositories.
 */
package io.topograph.topology.api;
