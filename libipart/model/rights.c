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

static int accepted(ipart__contract_state s)
{
    return s == IPART__C_ACCEPTED || s == IPART__C_OPTION_EXERCISED ||
           s == IPART__C_OPTION_LAPSED;
}

ipart_status ipart__rights_compute(ipart__answer out[IPART__RIGHT_COUNT],
                                   const ipart_partnership *p, const char *party,
                                   const char *asset)
{
    const ipart__party *who = ipart__party_find(p, party);
    if (!who)
        return ipart__fail(IPART_ENOTFOUND, "party.unknown", "no party '%s'", party);
    who = ipart__party_seen_as(p, who); /* a member holds its consortium's rights (R52) */
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
    const ipart__party *t = ipart__party_find(p, partner_id);
    if (!t || !t->contract)
        return ipart__fail(IPART_ENOTFOUND, "rights.partner",
                           "'%s' is not a partner: assets belong to operators with an awarded "
                           "contract", partner_id);
    const char *key = "rights.terms.incomplete";
    ipart__text missing, message;
    if (p->terms)
        ipart__ipr_missing(&p->terms->ipr, &missing);
    else
        ipart__text_plain(&missing, key, "the IPR terms");
    if (missing.in[IPART__EN][0]) {
        ipart__text_wrap(&message, key, "the terms do not settle the IP arrangement: %s is missing",
                         &missing);
        return ipart__fail_text(IPART_ESTATE, "R36", ipart__rule_source("R36"), "", key,
                                &message);
    }
    const ipart__contract *c = t->contract;
    const ev_ipr *ipr = &p->terms->ipr;
    ipart__rights_facts f = {
        .ipr = ipr,
        .party = who->id,
        .is_authority = who->role == IPART_ROLE_AUTHORITY,
        .is_follower = who->role == IPART_ROLE_FOLLOWER,
        .is_operator = who->role == IPART_ROLE_OPERATOR,
        .partner = t->id,
        .background = background,
        .signed_ = t->contract_signed,
        .accepted = accepted(c->state),
        .terminated = c->state == IPART__C_TERMINATED,
        .called_back = c->called_back,
        .call_back_condition =
            c->called_back
                ? ((const ev_ipr_condition *)ipr->call_back.conditions.items)[c->call_back_condition].id
                : "",
        .bought = (int)((who->options_from >> c->award_index) & 1u),
    };
    ipart__rights_resolve(out, &f);
    return IPART_OK;
}
