// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;

/**
 * The earliest date-driven step: for a deadline the deadline day itself,
 * for "standstill_end" the first day a contract may be signed.
 */
public record Due(LocalDate date, String kind, String eventType) {}
