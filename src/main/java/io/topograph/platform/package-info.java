/**
 * Cross-cutting code: persistence bootstrap, security (sessions, CSRF, passwords, tokens),
 * tenancy resolution, web helpers and mail. Imports no feature package; features plug in
 * through the interfaces defined here (for example {@link io.topograph.platform.tenancy.MemberDirectory}).
 */
package io.topograph.platform;
