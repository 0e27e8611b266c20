// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/** A party: the authority, a follower or an economic operator. */
public record Party(String id, String name, Role role, String kind, String status) {}
