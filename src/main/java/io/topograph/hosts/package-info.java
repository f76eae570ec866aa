/**
 * Hosts: the inventory of a network (hosts with their interfaces, ports, services and the
 * bindings between them), browsed by people and scripts, and hosts added by hand.
 * Invariants: a host is read and changed only through its organization and only when the
 * member may see its network (else 404); Viewers change nothing (403); every edit by a person
 * sets {@code user_edited} so discovery merges never overwrite it; a manual host's address is
 * an IPv4 or IPv6 literal, validated as text and never resolved or contacted; list pages are
 * one query for the page of rows (with their addresses, service counts and tags) plus one count,
 * so their cost does not grow with the page size. Docker containers ({@code host_containers},
 * written only by ingestion) are read with their host and shown read-only.
 */
package io.topograph.hosts;
