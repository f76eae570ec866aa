/**
 * The daemon API {@code /api/daemon/v1/…} (docs/daemon-protocol.md). Authenticated by the
 * daemon's credential only; the organization and network come from the credential, never from
 * the request, so a daemon can only touch its own network. Another daemon's run answers 404.
 * Enrollment is the one call without a credential: its token is in the body. Every body is
 * checked completely (422) before anything is written; an enrollment token that is unknown,
 * expired, revoked or used up answers 401 and writes nothing.
 */
package io.topograph.daemons.api;
