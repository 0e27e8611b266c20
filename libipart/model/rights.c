/*
 * IP rights as the state stands (rights_p.h): the facts rules/ipr.c resolves
 * the rights from. The call-back event is in handlers_purchase.c.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "model/guard_p.h"
#include "model/parties_p.h"
#include "model/rights_p.h"

/* ---- the facts ------------------------------------------------------------------ */

/* The party `id` after the first `event_count` events, or NULL. */
static const ipart__party *party_then(const ipart_partnership *p, const char *id,
                                      size_t event_count)
{
    const ipart__party *x = ipart__party_find(p, id);
    return x && ipart__party_existed(x, event_count) ? x : NULL;
}

ipart_status ipart__rights_compute(ipart__answer out[IPART__RIGHT_COUNT],
                                   const ipart_partnership *p, size_t event_count,
                                   const char *party, const char *asset)
{
    const ipart__party *who = party_then(p, party, event_count);
    if (!who)
        return ipart__fail(IPART_ENOTFOUND, "party.unknown", "no party '%s'", party);
    ipart__standing as, of;
    ipart__standing_at(&as, p, who, event_count);
    if (as.role == IPART_ROLE_MEMBER) { /* a member holds its consortium's rights (R52) */
        who = p->parties[who->consortium];
        ipart__standing_at(&as, p, who, event_count);
    }
    const char *dot = strrchr(asset, '.');
    int background = dot && strcmp(dot, ".background") == 0;
    if (!dot || (!background && strcmp(dot, ".foreground") != 0))
        return ipart__fail(IPART_ENOTFOUND, "rights.asset",
                           "'%s' is not an asset: name it '<partner>.foreground' (the results) "
                           "or '<partner>.background'", asset);
    char partner_id[80];
    size_t n = (size_t)(dot - asset);
    if (n >= sizeof partner_id)
        n = sizeof partner_id - 1; /* longer than any id: not found below */
    memcpy(partner_id, asset, n);
    partner_id[n] = '\0';
    const ipart__party *t = party_then(p, partner_id, event_count);
    if (t)
        ipart__standing_at(&of, p, t, event_count);
    if (!t || !of.has_contract)
        return ipart__fail(IPART_ENOTFOUND, "rights.partner",
                           "'%s' is not a partner: assets belong to operators with an awarded "
                           "contract", partner_id);
    const ev_terms *terms = p->terms; /* those in force since the notice (history_p.h) */
    const char *key = "rights.terms.incomplete";
    ipart__text missing, message;
    if (terms)
        ipart__ipr_missing(&terms->ipr, &missing);
    else
        ipart__text_plain(&missing, key, "the IPR terms");
    if (missing.in[IPART__EN][0]) {
        ipart__text_wrap(&message, key, "the terms do not settle the IP arrangement: %s is missing",
                         &missing);
        return ipart__fail_text(IPART_ESTATE, "R36", ipart__rule_source("R36"), "", key,
                                &message);
    }
    const ev_ipr *ipr = &terms->ipr;
    ipart__rights_facts f = {
        .ipr = ipr,
        .party = who->id,
        .is_authority = as.role == IPART_ROLE_AUTHORITY,
        .is_follower = as.role == IPART_ROLE_FOLLOWER,
        .is_operator = as.role == IPART_ROLE_OPERATOR,
        .partner = t->id,
        .background = background,
        .signed_ = of.contract_signed,
        .accepted = of.accepted,
        .terminated = of.terminated,
        .called_back = of.called_back,
        .call_back_condition =
            of.called_back
                ? ((const ev_ipr_condition *)ipr->call_back.conditions.items)[of.call_back_condition].id
                : "",
        .bought = (int)((as.options_from >> of.award_index) & 1u),
    };
    ipart__rights_resolve(out, &f);
    return IPART_OK;
}
