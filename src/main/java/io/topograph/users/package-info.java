/**
 * Accounts: sign-up, login and logout, email verification, password reset, profile and
 * password changes. Invariants: one account per email (case-insensitive); passwords are stored
 * only as Argon2id hashes; emailed tokens are single-use, expire, and are stored hashed.
 */
package io.topograph.users;
