/*
 * Private: groups of operators (RULES.md R52) and subcontractors (R53).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_PARTIES_P_H
#define IPART_MODEL_PARTIES_P_H

#include "model/partnership_p.h"

/* R52: an operator that is a consortium names each member once (by
 * organisation number and by a new party id) and exactly one lead. `path`
 * is the event's. */
ipart_status ipart__consortium_check(const ipart_partnership *p, const ev_party *op,
                                     const char *path);

/* R52: create the consortium's members as parties (prepare step of the
 * request that creates the consortium itself as pr->new_party). */
ipart_status ipart__members_prepare(ipart_partnership *p, const ev_party *op,
                                    ipart__prepared *pr);

/* R52: the party an actor acts as: a consortium member's consortium (when it
 * is the lead or authorised; else IPART_ERULE R52 at path.actor, path being
 * the event's), any other party itself. `*out` may be NULL for an unknown
 * actor. */
ipart_status ipart__acting_as(const ipart__party **out, const ipart_partnership *p,
                              const ipart__party *actor, const char *path);

/* The party whose view and rights a party has: a member has its
 * consortium's, any other party its own. */
const ipart__party *ipart__party_seen_as(const ipart_partnership *p, const ipart__party *who);

/* R53: subcontractors named once each (organisation number, else name),
 * their shares summing to at most 10000 basis points. `path` is the path of
 * the object holding the `subcontractors` array. */
ipart_status ipart__subcontractors_check(const ipart__array *subs, const char *path);

#endif
