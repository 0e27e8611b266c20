// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;

/**
 * The earliest date-driven step: for a deadline the deadline day itself,
 * for "standstill_end" the first day a contract may be signed.
 *
 * @param date the day
 * @param kind "request_deadline", "tender_deadline", "resubmission_deadline",
 *        "final_tender_deadline" or "standstill_end"
 * @param eventType the event expected then, e.g. "candidate_assessed"
 */
public record Due(LocalDate date, String kind, String eventType) {}
