// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.util.Map;

/**
 * What a party may do with a partner's asset at a point of the log
 * (doc/ip-regimes.md), with the clause, rule and reason of each answer.
 *
 * @param party the party asked about
 * @param asset "&lt;partner&gt;.foreground" (its results) or "&lt;partner&gt;.background"
 * @param eventCount the answers hold after this many events of the log
 * @param owns whether the party owns the asset
 * @param use whether it may use it
 * @param modify whether it may modify it
 * @param sublicense whether it may license it to others
 * @param commercialise whether it may commercialise it
 * @param explanations per right ("owns", "use", "modify", "sublicense",
 *        "commercialise", in that order) what decides it
 */
public record Rights(String party, String asset, int eventCount, boolean owns, boolean use,
                     boolean modify, boolean sublicense, boolean commercialise,
                     Map<String, Right> explanations) {
    /**
     * One answer with what decides it.
     *
     * @param answer yes or no
     * @param clause the clause of the terms that decides it, "" when none does
     * @param rule "R36", "R28" or "R37"
     * @param reason why, in English
     * @param reasonNb why, in Norwegian bokmål
     */
    public record Right(boolean answer, String clause, String rule, String reason,
                        String reasonNb) {
        /**
         * The reason in a language: Norwegian bokmål for "nb", English for
         * "en" and every other language (ipart_rights_explanation_reason()).
         *
         * @param lang "nb", "en", or another language (answered in English)
         * @return the reason
         */
        public String reasonIn(String lang) {
            return "nb".equals(Messages.language(lang)) ? reasonNb : reason;
        }
    }
}
