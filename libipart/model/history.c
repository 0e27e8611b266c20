/*
 * The state's own history (history_p.h): an undo log of what the rights
 * rest on, so that a query at an earlier point walks a party's few changes
 * instead of replaying the log.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "model/partnership_p.h"

/* How many parties' standing `ev` may change: the commits that call
 * ipart__history_note(), one row each. */
static size_t changes_of(const ipart_partnership *p, const ipart__event *ev)
{
    switch (ev->type) {
    case IPART__EV_AWARD_DECIDED:
        return ev->as.award.partners.count; /* each gets a contract */
    case IPART__EV_PARTNERSHIP_TERMINATED:
        return p->partner_count; /* every contract ends */
    case IPART__EV_OPTION_EXERCISED: /* the buyer */
    case IPART__EV_CONTRACT_SIGNED:
    case IPART__EV_SOLUTION_ACCEPTED:
    case IPART__EV_CALL_BACK_EXERCISED:
    case IPART__EV_PHASE_GATE_DECIDED:
    case IPART__EV_AUTHORITY_SUCCEEDED:
        return 1; /* the partner, the buyer or the successor */
    default:
        return 0;
    }
}

ipart_status ipart__history_reserve(ipart_partnership *p, const ipart__event *ev)
{
    ipart__history *h = &p->history;
    size_t n = changes_of(p, ev);
    if (n && !ipart__reserve((void **)&h->changes, &h->change_capacity, h->change_count + n,
                             sizeof *h->changes))
        return ipart__fail_nomem();
    return IPART_OK;
}

static int accepted(ipart__contract_state s)
{
    return s == IPART__C_ACCEPTED || s == IPART__C_OPTION_EXERCISED ||
           s == IPART__C_OPTION_LAPSED;
}

static ipart__standing standing_now(const ipart__party *x)
{
    ipart__standing s = {.options_from = x->options_from, .role = (uint8_t)x->role,
                         .contract_signed = (uint8_t)x->contract_signed};
    const ipart__contract *c = x->contract;
    if (c) {
        s.has_contract = 1;
        s.accepted = (uint8_t)accepted(c->state);
        s.terminated = c->state == IPART__C_TERMINATED;
        s.called_back = (uint8_t)c->called_back;
        s.call_back_condition = (uint32_t)c->call_back_condition;
        s.award_index = (uint8_t)c->award_index;
    }
    return s;
}

void ipart__history_note(ipart_partnership *p, ipart__party *x)
{
    ipart__history *h = &p->history;
    size_t event = p->log_count; /* the event being committed */
    if (x->since == event || (x->changes && h->changes[x->changes - 1].event == event))
        return; /* new in this event, or its standing before it is kept already */
    if (h->change_count == h->change_capacity)
        return; /* not reserved by changes_of(): a bug the tests of history_p.h catch */
    h->changes[h->change_count++] = (ipart__standing_change){event, x->changes, standing_now(x)};
    x->changes = h->change_count;
}

int ipart__party_existed(const ipart__party *x, size_t event_count)
{
    return x->since < event_count;
}

void ipart__standing_at(ipart__standing *out, const ipart_partnership *p, const ipart__party *x,
                        size_t event_count)
{
    const ipart__standing_change *c = p->history.changes;
    *out = standing_now(x);
    for (size_t i = x->changes; i && c[i - 1].event >= event_count; i = c[i - 1].prev)
        *out = c[i - 1].before;
}

ipart__party *ipart__party_find_at(const ipart_partnership *p, const char *id,
                                   size_t event_count)
{
    ipart__party *x = id ? ipart__party_find(p, id) : NULL;
    return x && ipart__party_existed(x, event_count) ? x : NULL;
}

ipart_role ipart__role_at(const ipart_partnership *p, const ipart__party *x, size_t event_count)
{
    ipart__standing s;
    ipart__standing_at(&s, p, x, event_count);
    return (ipart_role)s.role;
}

ipart_status ipart__history_copy(ipart_partnership *d, const ipart_partnership *s)
{
    const ipart__history *h = &s->history;
    d->history = (ipart__history){0};
    if (h->change_count) {
        d->history.changes = ipart__malloc(h->change_count * sizeof *h->changes);
        if (!d->history.changes)
            return ipart__fail_nomem();
        memcpy(d->history.changes, h->changes, h->change_count * sizeof *h->changes);
        d->history.change_count = d->history.change_capacity = h->change_count;
    }
    return IPART_OK;
}

void ipart__history_free(ipart_partnership *p)
{
    ipart__history *h = &p->history;
    ipart__free(h->changes);
    *h = (ipart__history){0};
}
