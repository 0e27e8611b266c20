// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.time.LocalDate;

/** A public holiday (or, for SE, a day treated as one for periods). */
public record Holiday(LocalDate date, String id, String nameEn, String nameLocal) {}
