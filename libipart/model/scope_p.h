/*
 * Private: party-scoped access (include/ipart/scope.h). The one place that
 * decides whether a party may see an operator's item (R19, R37); the
 * queries ask it for their rows and the party-scoped view for its events.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_SCOPE_P_H
#define IPART_MODEL_SCOPE_P_H

#include <stddef.h>

#include "ipart/partnership.h"

struct ipart__party;

/* How the party sees each logged event (io/view.c decides it). */
typedef enum ipart__seen { IPART__SEEN_NONE, IPART__SEEN_WHOLE, IPART__SEEN_PART } ipart__seen;

/* The audience of a scoped handle: the party, and its view of the log. */
typedef struct ipart__scope {
    const struct ipart__party *viewer; /* a party of the same partnership */
    unsigned char *seen;               /* per logged event: an ipart__seen */
    char **part;                       /* per logged event: the consented fields' JSON, or NULL */
    size_t count;                      /* events the view was made for */
} ipart__scope;

/* May `viewer` see an item of the operator `subject`? The contracting
 * authority sees everything (viewer NULL stands for its full access), an
 * operator its own items; NULL `subject` is an item that adds up several
 * operators' (the authority's only). A consortium's member and the
 * consortium see each other's items (R52). A parent sees the items of the
 * parties it buys for (R54), never the reverse. R19, R37. */
int ipart__may_see(const ipart_partnership *p, const struct ipart__party *viewer,
                   const char *subject);

/* ipart__may_see() as it was after the first `event_count` events: the
 * viewer with its role then (ipart__role_at(): a follower that became the
 * contracting authority later saw as a follower), and a subject that was
 * no party yet as an unknown id. */
int ipart__may_see_at(const ipart_partnership *p, const struct ipart__party *viewer,
                      const char *subject, size_t event_count);

/* ipart__may_see() for the audience of `p`. */
int ipart__scope_sees(const ipart_partnership *p, const char *subject);

/* ipart__may_see_at() for the audience of `p`: what it could see after the
 * first `event_count` events (an audience that was no party yet, with the
 * role it was created with). */
int ipart__scope_sees_at(const ipart_partnership *p, const char *subject, size_t event_count);

/* Fail with IPART_EPERM (R19): the audience of `p` may not see `what`. */
ipart_status ipart__scope_refuse(const ipart_partnership *p, const char *what);

/* IPART_OK when the audience of `p` sees the index-th logged event (whole
 * or in part), else ipart__scope_refuse(). */
ipart_status ipart__scope_event(const ipart_partnership *p, size_t index);

/* A new scope for `viewer` over `count` events (nothing seen yet), or NULL. */
ipart__scope *ipart__scope_new(const struct ipart__party *viewer, size_t count);

/* A copy of `s` whose viewer is `viewer` (the same party in a clone), or NULL. */
ipart__scope *ipart__scope_copy(const ipart__scope *s, const struct ipart__party *viewer);

void ipart__scope_free(ipart__scope *s);

#endif
