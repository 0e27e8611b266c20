// SPDX-License-Identifier: Apache-2.0
package no.ipart;

/**
 * A warning the log raised: no rule was broken, but something should be
 * looked at (ipart_warning).
 *
 * @param event the index of the event that raised it
 * @param rule "R17", "R23", "R25" or "R33"
 * @param key a stable message key
 * @param message English
 * @param messageNb the same message in Norwegian bokmål
 */
public record RuleWarning(long event, String rule, String key, String message, String messageNb) {
    /**
     * The message in a language: Norwegian bokmål for "nb", English for
     * "en" and every other language.
     *
     * @param lang "nb", "en", or another language (answered in English)
     * @return the message
     */
    public String messageIn(String lang) {
        return "nb".equals(Messages.language(lang)) ? messageNb : message;
    }
}
