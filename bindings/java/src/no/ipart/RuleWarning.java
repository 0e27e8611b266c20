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
 */
public record RuleWarning(long event, String rule, String key, String message) {}
