/*
 * Private: what the partnership keeps of the events before the notice (the
 * need mappings and the market dialogue) and after the option (adoptions
 * and successions) - each kept event is a deep copy in its own arena, in log
 * order, so the guards (R1, R50), the party-scoped view and the programme
 * report read the same records.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_PROGRAMME_P_H
#define IPART_MODEL_PROGRAMME_P_H

#include "model/partnership_p.h"

typedef struct ipart__kept {
    ipart__event *event; /* in `arena` */
    ipart__arena arena;
    size_t index;        /* in the log */
} ipart__kept;

/* Prepare step of a kept event: room in the list and the event copied into
 * the decoded event's arena (which the commit then takes over). */
ipart_status ipart__keep_prepare(ipart_partnership *p, const ipart__event *ev,
                                 ipart__prepared *pr);

/* Commit step: append the prepared copy. Cannot fail. */
void ipart__keep_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr);

/* Free every kept event (partnership_free), and deep-copy them (clone). */
void ipart__kept_free(ipart_partnership *p);
ipart_status ipart__kept_copy(ipart_partnership *d, const ipart_partnership *s);

/* The kept event of `type` whose id field (mapping, activity) is `id`, or NULL. */
const ipart__kept *ipart__kept_find(const ipart_partnership *p, ipart__event_type type,
                                    const char *id);

/* The information item `id` of a dialogue activity, or NULL; *activity is
 * its activity (may be NULL). */
ev_information *ipart__information_find(const ipart_partnership *p, const char *id,
                                        const ipart__kept **activity);

/* An information item that must be made available to all before the notice
 * (R50): given in a one-to-one meeting. */
int ipart__information_needs_sharing(const ipart__event *activity);

/* The option holder whose rights `id` holds (R28): the follower that merged
 * into `id` (authority_succeeded, kind merger), or `id` itself. */
const char *ipart__option_holder_id(const ipart_partnership *p, const char *id);

/* R50 at the notice: every information item given to one supplier has been
 * shared with all (else IPART_ERULE naming the unshared items). */
ipart_status ipart__dialogue_shared_check(const ipart_partnership *p, const char *path);

/* R1 on need_described: the need mapping it names was recorded. */
ipart_status ipart__need_mapping_check(const ipart_partnership *p, const ipart__event *ev,
                                       const char *path);

#endif
