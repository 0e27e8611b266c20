// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;
import java.util.Optional;

/**
 * An item of information the authority gave in the dialogue (ipart_dialogue_information, R50).
 *
 * @param id its id
 * @param activity the activity it was given in
 * @param text what was told
 * @param givenTo the supplier of a one-to-one meeting or written input
 * @param mustShare whether it must be shared with all before the notice
 * @param sharedOn when it was shared with all
 * @param channel where it was shared
 */
public record DialogueInformation(String id, String activity, String text, Optional<String> givenTo,
                                  boolean mustShare, Optional<LocalDate> sharedOn,
                                  Optional<String> channel) {}
