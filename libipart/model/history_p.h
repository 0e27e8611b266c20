/*
 * Private: the state's own history, for the queries at an earlier point of
 * the log (the rights and the party-scoped view: include/ipart/rights.h)
 * without replaying it. The view needs nothing more than the rights: the
 * parties that existed (`since`), the viewer's role (the standing), the
 * consents (events of the log before the point) and the sharing of
 * dialogue information (its event's index, ev_information.shared).
 *
 * What the rights rest on changes at a few events only: a party appears, a
 * partner is awarded, signs, is accepted, terminated or called back, a
 * buyer exercises the option, a successor takes over. Each such change
 * keeps what it replaced (an undo log): a party's changes are chained newest
 * first, so its standing after the first k events is its standing now with
 * the changes made at or after event k undone, a walk over its own few
 * changes. The standing holds only what the rights read: a contract's
 * state as "accepted" (accepted, option exercised or lapsed) and
 * "terminated", so the phases, the option's use and its lapse change
 * nothing that needs keeping.
 *
 * The terms need no history: `terms_set` is refused from the notice on
 * (R15, R36) and a partner exists only from its award, so wherever a right
 * can be answered the terms are the ones in force now.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_HISTORY_P_H
#define IPART_MODEL_HISTORY_P_H

#include <stddef.h>
#include <stdint.h>

#include "ipart/errors.h"
#include "ipart/partnership.h"
#include "model/event_p.h"

struct ipart__party;
struct ipart_partnership;

/* What one party's rights rest on (model/rights.c), at one point of the log. */
typedef struct ipart__standing {
    uint64_t options_from;        /* as buyer: the partners bought from, by award index */
    uint32_t call_back_condition; /* as partner, when called back: the condition's index */
    uint8_t role;                 /* ipart_role */
    uint8_t has_contract;         /* as partner: awarded */
    uint8_t contract_signed;
    uint8_t accepted;             /* its solution passed the acceptance test (R29) */
    uint8_t terminated;           /* its contract was terminated */
    uint8_t called_back;
    uint8_t award_index;          /* with a contract: its bit of options_from */
} ipart__standing;

/* A party's standing before the event `event` changed it. */
typedef struct ipart__standing_change {
    size_t event;
    size_t prev; /* 1 + the index of the party's previous change; 0: none */
    ipart__standing before;
} ipart__standing_change;

typedef struct ipart__history {
    ipart__standing_change *changes;
    size_t change_count, change_capacity;
} ipart__history;

/* Room for the changes `ev` may note (prepare: may fail, changes nothing else). */
ipart_status ipart__history_reserve(struct ipart_partnership *p, const ipart__event *ev);

/* In a commit, before the first change the event makes to what `x`'s
 * standing holds: keep the standing it replaces (once per party and event;
 * nothing for a party the event itself creates). Never fails after
 * ipart__history_reserve(). */
void ipart__history_note(struct ipart_partnership *p, struct ipart__party *x);

/* Did `x` exist after the first `event_count` events? */
int ipart__party_existed(const struct ipart__party *x, size_t event_count);

/* The standing of `x` after the first `event_count` events (it existed then). */
void ipart__standing_at(ipart__standing *out, const struct ipart_partnership *p,
                        const struct ipart__party *x, size_t event_count);

/* The party `id` as it was after the first `event_count` events: NULL
 * when it was not a party yet (or is none). */
struct ipart__party *ipart__party_find_at(const struct ipart_partnership *p, const char *id,
                                          size_t event_count);

/* The role of `x` after the first `event_count` events (a follower that a
 * merger made the contracting authority later was a follower then); for a
 * point before `x` existed, the role it was created with. */
ipart_role ipart__role_at(const struct ipart_partnership *p, const struct ipart__party *x,
                          size_t event_count);

/* Copy the history of `s` into its clone `d` (whose parties are copies of
 * `s`'s). @return IPART_OK; IPART_ENOMEM (d then holds part of it: free d). */
ipart_status ipart__history_copy(struct ipart_partnership *d, const struct ipart_partnership *s);

/* Release the history (ipart_partnership_free). */
void ipart__history_free(struct ipart_partnership *p);

#endif
