// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;

/**
 * The type, date and sender of a logged event (ipart_event_header).
 *
 * @param type the event type ("tender_submitted")
 * @param date the date the event carries
 * @param actor the sender's id
 */
public record EventHeader(String type, LocalDate date, String actor) {}
