/** The daemon host itself: interfaces, addresses, subnets, hostname and the local Docker engine. Reads only. */
package io.topograph.scanner.host;
