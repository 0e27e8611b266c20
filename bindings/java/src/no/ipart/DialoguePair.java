// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.List;
import java.util.Optional;

/**
 * A pairing of a matchmaking (ipart_dialogue_pair).
 *
 * @param activity the matchmaking's id
 * @param authority the buyer paired
 * @param purpose what for
 * @param matchedBy the participant that matched them
 * @param smes the SMEs paired, as ids
 * @param knowledgeInstitutions the knowledge institutions paired, as ids
 */
public record DialoguePair(String activity, String authority, String purpose,
                           Optional<String> matchedBy, List<String> smes,
                           List<String> knowledgeInstitutions) {}
