/**
 * Target specifications: parsing and safety rules. Invariant: a {@link io.topograph.scanner.target.TargetSet}
 * never contains a multicast, reserved, "this network", limited-broadcast or cloud-metadata address, and
 * never more addresses than the size limit; anything refused is refused with a message naming the item.
 */
package io.topograph.scanner.target;
