/*
 * Typed queries on the competition: what an actor may do now, what is due
 * next, the tenderers and the ranking (their JSON exports are written in
 * io/query_json.c from these).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "model/contract_p.h"
#include "model/partnership_p.h"
#include "rules/periods_p.h"

static ipart_status need(const void *a, const void *b, const char *function)
{
    return ipart__fail_null(function, !a ? "out" : !b ? "partnership" : "actor");
}

size_t ipart_partnership_action_count(const ipart_partnership *p)
{
    (void)p;
    return IPART__EV_COUNT;
}

static void copy_text(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* The types whose state can refuse every payload (partnership_p.h). */
static const ipart__available_fn available[IPART__EV_COUNT] = {
    [IPART__EV_OPTION_EXERCISED] = ipart__option_available,
};

ipart_status ipart_partnership_action_at(ipart_action *out, const ipart_partnership *p,
                                         const char *actor, size_t index)
{
    if (!out || !p || !actor)
        return need(out, p, "ipart_partnership_action_at");
    if (index >= IPART__EV_COUNT)
        return ipart__fail(IPART_ENOTFOUND, "action.index", "no event type %zu: there are %d",
                           index, IPART__EV_COUNT);
    if (!ipart__scope_sees(p, actor))
        return ipart__scope_refuse(p, "what another party may do");
    ipart__event_type t = (ipart__event_type)index;
    /* The same gate apply() uses, on a payload-free event dated like the last one. */
    ipart__event probe = {.type = t, .date = p->last_date, .actor = actor};
    ipart_status rc = ipart__may_apply(p, &probe);
    /* may_send admitted the actor: for these types only a party may send them */
    if (rc == IPART_OK && available[t])
        rc = available[t](p, ipart__party_find(p, actor), p->last_date, "$");
    ipart_action a = {.type = ipart__event_type_name(t), .allowed = rc == IPART_OK,
                      .code = (int)rc};
    if (rc != IPART_OK) {
        const ipart_error *e = ipart_error_last();
        copy_text(a.rule, sizeof a.rule, e->rule);
        copy_text(a.reason, sizeof a.reason, e->message);
        copy_text(a.reason_nb, sizeof a.reason_nb, ipart_error_message_in("nb"));
    }
    ipart_error_clear(); /* the probe's failure is an answer, not an error */
    *out = a;
    return IPART_OK;
}

/* Invited candidates yet to tender, before the deadline (after it they declined). */
static int waiting_for_tenders(const ipart_partnership *p)
{
    if (ipart__tender_deadline_passed(p))
        return 0;
    for (size_t i = 0; i < p->party_count; i++) {
        const ipart__party *t = p->parties[i];
        if (t->role == IPART_ROLE_OPERATOR && t->invited && !t->eliminated && !t->has_tender)
            return 1;
    }
    return 0;
}

ipart_status ipart_partnership_next_due(ipart_due *out, const ipart_partnership *p)
{
    if (!out || !p)
        return need(out, p, "ipart_partnership_next_due");
    ipart_due due = {{0, 0, 0}, NULL, NULL};
    switch (p->stage) {
    case IPART_STAGE_NOTICE_PUBLISHED:
        due = (ipart_due){p->request_deadline, "request_deadline", "candidate_assessed"};
        break;
    case IPART_STAGE_NEGOTIATION:
        if (waiting_for_tenders(p))
            due = (ipart_due){p->tender_deadline, "tender_deadline", "tender_submitted"};
        else if (p->has_resubmission_deadline) {
            int cmp = 0;
            ipart_date_compare(&cmp, p->resubmission_deadline, p->last_date);
            if (cmp >= 0)
                due = (ipart_due){p->resubmission_deadline, "resubmission_deadline",
                                  "tender_submitted"};
        }
        break;
    case IPART_STAGE_FINAL_TENDERS:
        due = (ipart_due){p->final_deadline, "final_tender_deadline", "tenders_evaluated"};
        break;
    case IPART_STAGE_AWARD_STANDSTILL: {
        /* The standstill must have expired: signing starts the day after its end (R40). */
        due = (ipart_due){ipart__first_signing_day(p->standstill_end), "standstill_end",
                          "contract_signed"};
        break;
    }
    case IPART_STAGE_DEVELOPMENT:
    case IPART_STAGE_PURCHASE:
        ipart__contract_next_due(&due, p); /* of the contracts the audience may see */
        break;
    default:
        break;
    }
    if (!due.kind)
        return ipart__fail(IPART_ENOTFOUND, "due.none", "no deadline is pending in stage '%s'",
                           ipart_stage_name(p->stage));
    *out = due;
    return IPART_OK;
}

/* The index of the first operator, or party_count. Followers are named
 * before the notice and operators apply after it, so the operators form the
 * tail of the party list: counting and indexing them costs a scan of the
 * authorities only. */
static size_t first_operator(const ipart_partnership *p)
{
    size_t i = 0;
    while (i < p->party_count && p->parties[i]->role != IPART_ROLE_OPERATOR)
        i++;
    return i;
}

/* The n-th operator whose standing the audience of `p` may see, or NULL:
 * every one for the authority's full access (by index), else a scan. */
static const ipart__party *nth_operator(const ipart_partnership *p, size_t n)
{
    size_t first = first_operator(p);
    if (!p->scope)
        return n < p->party_count - first ? p->parties[first + n] : NULL;
    for (size_t i = first; i < p->party_count; i++)
        if (ipart__scope_sees(p, p->parties[i]->id) && n-- == 0)
            return p->parties[i];
    return NULL;
}

size_t ipart_partnership_tenderer_count(const ipart_partnership *p)
{
    if (!p || !p->scope)
        return p ? p->party_count - first_operator(p) : 0;
    size_t n = 0;
    while (nth_operator(p, n))
        n++;
    return n;
}

ipart_status ipart_partnership_tenderer_at(ipart_tenderer *out, const ipart_partnership *p,
                                           size_t index)
{
    static const char *const kinds[] = {"initial", "intermediate", "final"};
    if (!out || !p)
        return need(out, p, "ipart_partnership_tenderer_at");
    const ipart__party *t = nth_operator(p, index);
    if (!t)
        return ipart__fail(IPART_ENOTFOUND, "tenderer.index", "no tenderer %zu: there are %zu",
                           index, ipart_partnership_tenderer_count(p));
    ipart_tenderer r = {.id = t->id, .name = t->name, .status = ipart__operator_status(p, t),
                        .qualified = t->qualified, .invited = t->invited,
                        .eliminated = t->eliminated, .has_tender = t->has_tender,
                        .tender_kind = ""};
    if (t->has_tender) {
        r.tender_kind = kinds[t->tender_kind];
        r.tender_version = t->tender_version;
        r.price = t->price;
        r.development_price = t->development_price;
        r.tender_date = t->tender_date;
    }
    *out = r;
    return IPART_OK;
}

/* The index-th entry of the ranking the audience of `p` may see (its own
 * row for an operator), or NULL. */
static const ipart__ranked *nth_ranked(const ipart_partnership *p, size_t index)
{
    if (!p->scope)
        return index < p->ranking->count ? &p->ranking->entries[index] : NULL;
    for (size_t i = 0; i < p->ranking->count; i++)
        if (ipart__scope_sees(p, p->ranking->entries[i].party->id) && index-- == 0)
            return &p->ranking->entries[i];
    return NULL;
}

size_t ipart_partnership_ranked_count(const ipart_partnership *p)
{
    if (!p || !p->ranking || !p->scope)
        return p && p->ranking ? p->ranking->count : 0;
    size_t n = 0;
    while (nth_ranked(p, n))
        n++;
    return n;
}

static ipart_status ranked_entry(const ipart__ranked **out, const ipart_partnership *p,
                                 size_t index)
{
    if (!p->ranking)
        return ipart__fail(IPART_ENOTFOUND, "ranking.none", "the tenders have not been evaluated");
    if (!(*out = nth_ranked(p, index)))
        return ipart__fail(IPART_ENOTFOUND, "ranking.index",
                           "no ranked tenderer %zu: there are %zu", index,
                           ipart_partnership_ranked_count(p));
    return IPART_OK;
}

ipart_status ipart_partnership_ranked_at(ipart_ranked *out, const ipart_partnership *p,
                                         size_t index)
{
    if (!out || !p)
        return need(out, p, "ipart_partnership_ranked_at");
    const ipart__ranked *e = NULL;
    ipart_status rc = ranked_entry(&e, p, index);
    if (rc == IPART_OK)
        *out = (ipart_ranked){e->party->id, e->rank, e->tied, e->total, p->ranking->criteria};
    return rc;
}

ipart_status ipart_partnership_ranked_score_at(ipart_score *out, const ipart_partnership *p,
                                               size_t index, size_t criterion)
{
    if (!out || !p)
        return need(out, p, "ipart_partnership_ranked_score_at");
    const ipart__ranked *e = NULL;
    ipart_status rc = ranked_entry(&e, p, index);
    if (rc != IPART_OK)
        return rc;
    if (criterion >= p->ranking->criteria)
        return ipart__fail(IPART_ENOTFOUND, "ranking.criterion", "no criterion %zu: there are %zu",
                           criterion, p->ranking->criteria);
    const ev_award_criterion *c = p->terms->award_criteria.items;
    *out = (ipart_score){c[criterion].id, e->points[criterion]};
    return IPART_OK;
}
