/*
 * Private: what an unknown field of an event may have meant - the nearest
 * known field name of its object (edit distance) and, when the name is a
 * field of another object of the event schema, where it belongs. Read from
 * the payload specs (model/event_spec.c), so the hint follows the schema.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_IO_FIELD_HINT_P_H
#define IPART_IO_FIELD_HINT_P_H

#include <stddef.h>

#include "core/error_p.h"
#include "model/event_spec_p.h"

/* Edit distance (insertions, deletions, substitutions and transpositions of
 * neighbours) of two strings; lengths above 63 count as "far" (64). */
size_t ipart__edit_distance(const char *a, const char *b);

/*
 * Write into `out`, in every language ("" when there is nothing to say), the
 * hint for the unknown field `name` of an object of `spec` in an event of
 * `type` (`event_level`: the event object itself, whose header fields type,
 * date and actor are known too): "did you mean 'x'?" for the nearest known
 * name within the distance a typo makes (1 + length / 4 edits, at most 3,
 * and at most half of the known name), and "'name' is a field of $.a.b in
 * 'type'" where the schema has it elsewhere (first in the same event type,
 * then in the others, in the order of the event rows).
 */
void ipart__field_hint(ipart__text *out, const object_spec *spec, int event_level,
                       ipart__event_type type, const char *name);

/* IPART_EINVAL "unknown field" at `at`, with that hint, in every language. */
ipart_status ipart__unknown_field_at(const char *at, const object_spec *spec, int event_level,
                                     ipart__event_type type, const char *name);

#endif
