/**
 * The service catalog as an organization sees it: the definitions bundled in the daemon jar
 * (read from the jar itself, never copied) and the organization's own definitions. Invariants:
 * a custom definition is written only after the daemon's own catalog parser accepted it in the
 * exact form the daemon will receive; keys are unique per organization and never reuse a
 * built-in id (the daemon would see the id twice); {@link io.topograph.services.CustomDefinitions#forClaim}
 * hands the enabled ones to each claimed run, so a change applies from the next run; Viewers read,
 * every other role writes; another organization's definition answers 404.
 */
package io.topograph.services;
