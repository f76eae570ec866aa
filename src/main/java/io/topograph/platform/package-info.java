/**
 * Cross-cutting code: persistence bootstrap, security (sessions, CSRF, passwords, tokens),
 * tenancy resolution, web helpers, mail, and the merged OpenAPI description of the JSON API
 * ({@code platform/openapi}: one fragment per feature in {@code resources/openapi/}). Imports
 * no feature package; features plug in through the interfaces defined here (for example
 * {@link io.topograph.platform.tenancy.MemberDirectory}).
 */
package io.topograph.platform;
