// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/**
 * What a party may do with a partner's asset at a point of the log
 * (doc/ip-regimes.md). {@link Partnership#rightsJson(int, String, String)}
 * gives the clause and rule behind each answer.
 *
 * @param party the party asked about
 * @param asset "&lt;partner&gt;.foreground" (its results) or "&lt;partner&gt;.background"
 * @param eventCount the answers hold after this many events of the log
 * @param owns whether the party owns the asset
 * @param use whether it may use it
 * @param modify whether it may modify it
 * @param sublicense whether it may license it to others
 * @param commercialise whether it may commercialise it
 */
public record Rights(String party, String asset, int eventCount, boolean owns, boolean use,
                     boolean modify, boolean sublicense, boolean commercialise) {}
