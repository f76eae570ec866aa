/**
 * Networks: the unit a daemon discovers and a diagram draws. Invariants: names are unique per
 * organization (case-insensitive); Members and Viewers see only networks granted to them, and
 * a network they cannot see answers 404; deleting a network removes its whole inventory.
 */
package io.topograph.networks;
