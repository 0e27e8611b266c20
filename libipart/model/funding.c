/*
 * External funding (funding_p.h, doc/funding.md): the sources, the guards
 * of a payment that names its source, and the funding view. The event
 * funding_granted is in handlers_funding.c.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "model/funding_p.h"

#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "model/contract_p.h"
#include "model/event_spec_p.h"
#include "model/guard_p.h"
#include "model/programme_p.h"

/* ---- the sources ------------------------------------------------------------------------ */

size_t ipart__funding_count(const ipart_partnership *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->kept_count; i++)
        n += p->kept[i].event->type == IPART__EV_FUNDING_GRANTED;
    return n;
}

static ipart__event *funding_at(const ipart_partnership *p, size_t index)
{
    for (size_t i = 0; i < p->kept_count; i++)
        if (p->kept[i].event->type == IPART__EV_FUNDING_GRANTED && index-- == 0)
            return p->kept[i].event;
    return NULL;
}

const ipart__event *ipart__funding_event_at(const ipart_partnership *p, size_t index)
{
    return funding_at(p, index);
}

ipart__event *ipart__funding_find(const ipart_partnership *p, const char *source)
{
    const ipart__kept *k = ipart__kept_find(p, IPART__EV_FUNDING_GRANTED, source);
    return k ? k->event : NULL;
}

/* ---- a payment that names its source ---------------------------------------------------------- */

/* The word of pays_for that admits the payment, or NULL: a settlement is
 * "settlements"; an instalment "instalments" or its phase's kind. */
static int may_pay_for(const ipart_partnership *p, const ipart__event *grant,
                       const ipart__event *ev)
{
    if (!grant->as.funding.has_pays_for)
        return 1;
    const ipart__array *words = &grant->as.funding.pays_for;
    if (!ev->as.payment.instalment)
        return ipart__listed(words, "settlements");
    size_t k = 0;
    ipart__plan_instalment_index(p, ev->as.payment.instalment, &k);
    return ipart__listed(words, "instalments") ||
           ipart__listed(words, ipart__phase_kind_names[ipart__plan_phase(p, k)->kind]);
}

static ipart_status unknown_source(const ipart_partnership *p, const char *path)
{
    char known[240] = "";
    for (size_t i = 0; i < ipart__funding_count(p); i++)
        snprintf(known + strlen(known), sizeof known - strlen(known), "%s'%s'",
                 i ? ", " : "", funding_at(p, i)->as.funding.source);
    if (!known[0])
        return ipart__violationf("R33", path, "funded_by", "funding.unknown",
                                 "no funding source with this id was granted (funding_granted); "
                                 "there are none");
    return ipart__violationf("R33", path, "funded_by", "funding.unknown",
                             "no funding source with this id was granted (funding_granted); the "
                             "sources are: %s", known);
}

static ipart_status conditions_check(const ipart_partnership *p, const ipart__event *grant,
                                     const ipart__event *ev, const char *path)
{
    if (!may_pay_for(p, grant, ev))
        return ipart__violationf("R33", path, "funded_by", "funding.pays_for",
                                 "the grant '%s' pays only for: %s (a settlement is "
                                 "\"settlements\"; an instalment \"instalments\" or its phase's "
                                 "kind)",
                                 grant->as.funding.source, grant->as.funding.pays_for_text);
    const char *to = grant->as.funding.granted_to;
    if (to && strcmp(to, ev->actor) != 0)
        return ipart__violationf("R33", path, "funded_by", "funding.granted_to",
                                 "the grant '%s' was granted to '%s': only '%s' pays from it",
                                 grant->as.funding.source, to, to);
    if (grant->as.funding.has_valid_until &&
        ipart__before(grant->as.funding.valid_until, ev->date)) {
        ipart_date u = grant->as.funding.valid_until;
        return ipart__violationf("R33", path, "funded_by", "funding.expired",
                                 "the grant '%s' is valid until %04d-%02d-%02d: a payment dated "
                                 "then or earlier may draw on it",
                                 grant->as.funding.source, u.year, u.month, u.day);
    }
    return IPART_OK;
}

ipart_status ipart__funding_payment_check(const ipart_partnership *p, const ipart__event *ev,
                                          const char *path)
{
    if (!ev->as.payment.funded_by)
        return IPART_OK;
    const ipart__event *grant = ipart__funding_find(p, ev->as.payment.funded_by);
    if (!grant)
        return unknown_source(p, path);
    ipart_status rc = conditions_check(p, grant, ev, path);
    if (rc != IPART_OK)
        return rc;
    int64_t left = grant->as.funding.amount.minor - grant->as.funding.drawn;
    if (ev->as.payment.amount.minor <= left)
        return IPART_OK;
    return ipart__money_violation("R33", path, "amount", "funding.overdrawn",
                                  ipart__case_money(p, left),
                                  "the payment would overdraw its funding source: pay the rest "
                                  "from another source or without funded_by");
}

void ipart__funding_payment_commit(ipart_partnership *p, const ipart__event *ev)
{
    if (ev->as.payment.funded_by)
        ipart__funding_find(p, ev->as.payment.funded_by)->as.funding.drawn += ev->as.payment.amount.minor;
}

int ipart__funding_keep_text(ipart__event *grant, ipart__arena *arena)
{
    const char *const *words = grant->as.funding.pays_for.items;
    size_t n = grant->as.funding.pays_for.count, size = 1;
    for (size_t i = 0; i < n; i++)
        size += strlen(words[i]) + 1;
    char *text = ipart__arena_alloc(arena, size);
    if (!text)
        return 0;
    text[0] = '\0';
    for (size_t i = 0; i < n; i++)
        strcat(strcat(text, i ? " " : ""), words[i]);
    grant->as.funding.pays_for_text = text;
    return 1;
}

/* ---- the funding view ------------------------------------------------------------------------- */

static void source_of(ipart_funding_source *out, const ipart_partnership *p,
                      const ipart__event *g)
{
    *out = (ipart_funding_source){
        .source = g->as.funding.source,
        .funder = g->as.funding.funder.name,
        .funder_org_no = g->as.funding.funder.org_no ? g->as.funding.funder.org_no : "",
        .granted_to = g->as.funding.granted_to ? g->as.funding.granted_to : "",
        .pays_for = g->as.funding.pays_for_text,
        .granted = g->date,
        .has_valid_until = g->as.funding.has_valid_until,
        .valid_until = g->as.funding.valid_until,
        .amount = g->as.funding.amount,
        .drawn = ipart__case_money(p, g->as.funding.drawn),
        .remaining = ipart__case_money(p, g->as.funding.amount.minor - g->as.funding.drawn)};
}

size_t ipart_partnership_funding_count(const ipart_partnership *p)
{
    return p ? ipart__funding_count(p) : 0;
}

ipart_status ipart_partnership_funding_at(ipart_funding_source *out, const ipart_partnership *p,
                                          size_t index)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_funding_at", !out ? "out" : "partnership");
    const ipart__event *g = funding_at(p, index);
    if (!g)
        return ipart__fail(IPART_ENOTFOUND, "funding.index",
                           "no funding source %zu: %zu were granted", index,
                           ipart__funding_count(p));
    source_of(out, p, g);
    return IPART_OK;
}

ipart_status ipart_partnership_funding(ipart_funding_source *out, const ipart_partnership *p,
                                       const char *source)
{
    if (!out || !p || !source)
        return ipart__fail_null("ipart_partnership_funding",
                                !out ? "out" : !p ? "partnership" : "source");
    const ipart__event *g = ipart__funding_find(p, source);
    if (!g)
        return ipart__fail(IPART_ENOTFOUND, "funding.unknown",
                           "no funding source '%s' was granted", source);
    source_of(out, p, g);
    return IPART_OK;
}
