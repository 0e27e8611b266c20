/*
 * Private: external funding (doc/funding.md): grants and co-funding recorded
 * by funding_granted (Innovasjon Norge's grant to an innovation partnership,
 * Vinnova co-funding) and drawn by the payments that name them
 * (instalment_paid.funded_by). A source is a kept event (model/programme_p.h)
 * whose copy carries what was drawn on it. Funding is reported beside the
 * caps and never changes them: a cap limits what the buyer commits or pays,
 * a source says who pays for it. The guards name R33 (the budget), with the
 * grant letter as the contractual source (RULES.md (c) C4).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_FUNDING_P_H
#define IPART_MODEL_FUNDING_P_H

#include "ipart/joint.h"
#include "model/partnership_p.h"

/* R33 on instalment_paid with funded_by: the source was granted, may pay for
 * this payment (pays_for, granted_to, valid_until) and has enough left.
 * IPART_OK for a payment without funded_by. */
ipart_status ipart__funding_payment_check(const ipart_partnership *p, const ipart__event *ev,
                                          const char *path);

/* Commit step of instalment_paid: draw the payment on its source. Cannot fail. */
void ipart__funding_payment_commit(ipart_partnership *p, const ipart__event *ev);

/* The source granted with id `source` (its kept copy), or NULL. */
ipart__event *ipart__funding_find(const ipart_partnership *p, const char *source);

/* Write a source's pays_for as one string (the words separated by a space)
 * into `arena` and keep it in the event: for funding_granted's kept copy
 * and for a clone's (whose arena is its own). 0 when out of memory. */
int ipart__funding_keep_text(ipart__event *grant, ipart__arena *arena);

/* The funding sources in log order (the kept funding_granted events). */
size_t ipart__funding_count(const ipart_partnership *p);
const ipart__event *ipart__funding_event_at(const ipart_partnership *p, size_t index);

#endif
