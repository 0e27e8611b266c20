// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.Optional;

/**
 * Whether an actor may send one event type now (ipart_action). Payload-
 * dependent rules are checked when the event is applied.
 *
 * @param type the event type ("tender_submitted")
 * @param allowed the actor may send it now
 * @param code when not: the status apply() would return ("IPART_ESTATE")
 * @param rule when not and a rule decides: its id ("R14")
 * @param reason when not: why, in English
 */
public record Action(String type, boolean allowed, Optional<String> code, Optional<String> rule,
                     Optional<String> reason) {}
