// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One activity of the market dialogue (ipart_dialogue_activity, R50).
 *
 * @param event its index in the log
 * @param activity its id
 * @param kind "information_meeting", "webinar", "dialogue_conference", "one_to_one",
 *     "written_input" or "matchmaking"
 * @param date when it was held
 * @param title its title, if given
 * @param summary what happened
 * @param supplier the one supplier of a one-to-one meeting or written input
 * @param attendance the head count, if given
 * @param information the information items given in it
 * @param unshared of those, the ones still to be shared with all before the notice
 */
public record DialogueActivity(long event, String activity, String kind, LocalDate date,
                               Optional<String> title, String summary, Optional<String> supplier,
                               OptionalLong attendance, long information, long unshared) {}
