/*
 * The event of external funding (doc/funding.md; model/funding_p.h):
 * funding_granted records a grant or co-funding as a kept event
 * (model/programme_p.h) whose copy carries what the payments that name it
 * drew (model/funding.c). The guards name R33, the budget, with the grant
 * letter as the contractual source.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "model/event_spec_p.h"
#include "model/funding_p.h"
#include "model/guard_p.h"
#include "model/programme_p.h"

/* What a source may pay for: these words, or a phase kind (its instalments). */
static const char *const payment_kinds[] = {"instalments", "settlements", NULL};

static int in_list(const char *const *names, const char *word)
{
    for (size_t i = 0; names[i]; i++)
        if (strcmp(names[i], word) == 0)
            return 1;
    return 0;
}

static ipart_status granted_may(const ipart_partnership *p, const ipart__party *actor,
                                const char *actor_id)
{
    AUTHORITY_IN(p->stage != IPART_STAGE_CANCELLED, IPART__EV_FUNDING_GRANTED);
}

static ipart_status pays_for_check(const ipart__array *pays_for, const char *path)
{
    const char *const *words = pays_for->items;
    for (size_t i = 0; i < pays_for->count; i++)
        if (!in_list(payment_kinds, words[i]) && !in_list(ipart__phase_kind_names, words[i]))
            return ipart__item_invalid(path, "pays_for", i, "funding.pays_for.word",
                                       "a source pays for \"instalments\", \"settlements\" or "
                                       "the instalments of a phase kind (\"rnd\", "
                                       "\"prototype\", \"test_pilot\", \"pre_series\")");
    return IPART_OK;
}

static ipart_status granted_to_check(const ipart_partnership *p, const char *id,
                                     const char *path)
{
    const ipart__party *a = id ? ipart__party_find(p, id) : NULL;
    if (!id || (a && a->role == IPART_ROLE_AUTHORITY))
        return IPART_OK;
    return ipart__violationf("R33", path, "granted_to", "funding.granted_to.unknown",
                             "'%s' is not a contracting authority of this partnership: a grant "
                             "goes to the lead '%s' or a joint authority (or leave granted_to "
                             "out: the buyer as a whole)",
                             id, p->authority ? p->authority->id : "");
}

static ipart_status granted_check(const ipart_partnership *p, const ipart__event *ev,
                                  const char *path)
{
    if (ipart__funding_find(p, ev->as.funding.source))
        return ipart__violation("R33", path, "source", "funding.source.twice",
                                "a funding source with this id was granted already: give the "
                                "new grant its own source id");
    if (ev->as.funding.amount.minor <= 0)
        return ipart__invalid(path, "amount", "funding.amount", "must be positive");
    if (ev->as.funding.has_valid_until && ipart__before(ev->as.funding.valid_until, ev->date))
        return ipart__invalid(path, "valid_until", "funding.valid_until",
                              "a grant's validity ends on or after the day it is recorded");
    ipart_status rc = pays_for_check(&ev->as.funding.pays_for, path);
    return rc == IPART_OK ? granted_to_check(p, ev->as.funding.granted_to, path) : rc;
}

/* The kept copy carries pays_for as one string for the funding view. */
static ipart_status granted_prepare(ipart_partnership *p, const ipart__event *ev,
                                    ipart__prepared *pr)
{
    ipart_status rc = ipart__keep_prepare(p, ev, pr);
    if (rc != IPART_OK)
        return rc;
    ipart__event *copy = pr->kept;
    copy->as.funding.drawn = 0;
    return ipart__funding_keep_text(copy, pr->arena) ? IPART_OK : ipart__fail_nomem();
}

const ipart__handler ipart__funding_granted_handler = {granted_may, granted_check,
                                                       granted_prepare, ipart__keep_commit};
