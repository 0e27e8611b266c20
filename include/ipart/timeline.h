/*
 * libipart - the timeline of a partnership as an SVG picture.
 *
 * One lane per partner on a date axis: its phases (passed, running or
 * ended by a termination), the targets assessed (met or not), the phase
 * gates and their decisions, the phase due dates, the acceptance and the
 * purchases under the option, and its development payments as a step line
 * against its contract value and the caps of scope "partner". Above the
 * lanes, the procedure: the notice, the deadlines (requests, tenders,
 * resubmission, final tenders), the award and the standstill (R40), the
 * signatures; below them, the development budget: all payments against the
 * caps of scope "development" (R33).
 *
 * Every lane is an SVG group `<g class="lane" data-partner="op05"
 * data-colour="#1f77b4">`, with a swatch `<rect class="swatch">` of the
 * lane's colour beside its name; the phases are filled with that colour.
 * Coordinates are absolute (no transforms), so a picture of the SVG can be
 * checked against it.
 *
 * Threading and ownership as in partnership.h: one thread at a time per
 * partnership; *out is owned by the caller (ipart_free()). The function
 * is pure: it reads the partnership and changes nothing.
 *
 * Audience: a handle from ipart_partnership_as_party() (scope.h) answers
 * what its party may see: rows about other operators are left out of
 * counts and indices, and a call naming another operator's item, or one
 * that is the contracting authority's alone, fails with IPART_EPERM (rule
 * R19). doc/scope.md gives the audience of every function here.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_TIMELINE_H
#define IPART_TIMELINE_H

#include "common.h"
#include "errors.h"
#include "partnership.h"

IPART_BEGIN_DECL

/**
 * The timeline of the partnership as a standalone SVG 1.1 document
 * (UTF-8, NUL-terminated), labelled in `lang`: "nb" (Norwegian bokmål) or
 * "en" (English).
 * @return IPART_OK; IPART_EINVAL for another language; IPART_ESTATE before
 *         `partnership_created` (there is no date to draw); IPART_ENOMEM;
 *         IPART_EMISUSE for NULL arguments. On failure *out is untouched.
 */
IPART_API ipart_status ipart_partnership_timeline_svg(char **out,
                                                      const ipart_partnership *partnership,
                                                      const char *lang);

IPART_END_DECL

#endif /* IPART_TIMELINE_H */
