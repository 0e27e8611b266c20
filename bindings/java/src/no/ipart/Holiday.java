// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;

/**
 * A public holiday of a {@link HolidayCalendar} (for SE also the days
 * treated as holidays when counting periods).
 *
 * @param date the day
 * @param id a stable identifier, e.g. "easter_monday", "constitution_day"
 * @param nameEn the English name, e.g. "Easter Monday"
 * @param nameLocal the name in the profile's language, e.g. "Andre påskedag"
 */
public record Holiday(LocalDate date, String id, String nameEn, String nameLocal) {}
