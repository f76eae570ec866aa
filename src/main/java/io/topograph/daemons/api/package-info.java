/**
 * The daemon API {@code /api/daemon/v1/…} (docs/daemon-protocol.md). Authenticated by the
 * daemon's credential only; the organization and network come from the credential, never from
 * the request, so a daemon can only touch its own network. Another daemon's run answers 404.
 */
package io.topograph.daemons.api;
