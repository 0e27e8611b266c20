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
 * @param reasonNb when not: why, in Norwegian bokmål
 */
public record Action(String type, boolean allowed, Optional<String> code, Optional<String> rule,
                     Optional<String> reason, Optional<String> reasonNb) {
    /**
     * The reason in a language: Norwegian bokmål for "nb", English for "en"
     * and every other language (as Rights.Right.reasonIn()).
     *
     * @param lang "nb", "en", or another language (answered in English)
     * @return the reason, empty when the action is allowed
     */
    public Optional<String> reasonIn(String lang) {
        return "nb".equals(Messages.language(lang)) ? reasonNb : reason;
    }
}
