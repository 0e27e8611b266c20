// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.Optional;

/**
 * Who took part in a dialogue activity (ipart_dialogue_contact).
 *
 * @param activity the activity's id
 * @param id the supplier's or the party's id
 * @param name its name
 * @param role "supplier", or the party's role ("authority", "follower", "participant")
 * @param kind a participant's kind ("knowledge_institution"...)
 * @param sme for a supplier, whether it is an SME, if stated
 * @param applied for a supplier, whether it applied later under the same id (R50: it took
 *     part in the preparation)
 */
public record DialogueContact(String activity, String id, String name, String role,
                              Optional<String> kind, Optional<Boolean> sme, boolean applied) {}
