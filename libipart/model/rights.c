/*
 * IP rights as the state stands (rights_p.h): the call-back event, and the
 * facts rules/ipr.c resolves the rights from.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "model/guard_p.h"
#include "model/rights_p.h"

/* ---- call_back_exercised ---------------------------------------------------- */

static ipart_status call_back_may(const ipart_partnership *p, const ipart__party *actor,
                                  const char *actor_id)
{
    /* A call-back follows the partner's (lack of) exploitation: during or after the contract. */
    AUTHORITY_IN(p->stage >= IPART_STAGE_DEVELOPMENT && p->stage != IPART_STAGE_CANCELLED,
                 IPART__EV_CALL_BACK_EXERCISED);
}

static int condition_index(const ev_ipr *ipr, const char *id)
{
    const ev_ipr_condition *c = ipr->call_back.conditions.items;
    for (size_t i = 0; ipr->has_call_back && i < ipr->call_back.conditions.count; i++)
        if (strcmp(c[i].id, id) == 0)
            return (int)i;
    return -1;
}

static ipart_status call_back_check(const ipart_partnership *p, const ipart__event *ev,
                                    const char *path)
{
    const ev_ipr *ipr = &p->terms->ipr;
    if (ipr->regime != EV_IPR_SUPPLIER_OWNS_CALL_BACK || !ipr->has_call_back)
        return ipart__violation("R36", path, NULL, "call_back.not_in_terms",
                                "the IPR terms of the procurement documents give no call-back");
    const ipart__party *t = ipart__party_find(p, ev->as.call_back.partner);
    if (!t || t->role != IPART_ROLE_OPERATOR)
        return ipart__unknown_party(path, "partner", ev->as.call_back.partner);
    if (!t->contract || !t->contract_signed)
        return ipart__violation("R4", path, "partner", "contract.none",
                                "not a partner: no partnership contract has been signed with "
                                "this operator");
    if (t->contract->called_back)
        return ipart__fail(IPART_EEXISTS, "call_back.twice",
                           "the call-back on the results of '%s' was already exercised", t->id);
    if (condition_index(ipr, ev->as.call_back.condition) < 0)
        return ipart__violation("R36", path, "condition", "call_back.condition",
                                "not a call-back condition of the terms: a call-back cites one");
    return ipart__need_reason(ev->as.call_back.reason, path, "reason");
}

static void call_back_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    (void)pr;
    ipart__contract *c = ipart__party_find(p, ev->as.call_back.partner)->contract;
    c->called_back = 1;
    c->call_back_condition = (size_t)condition_index(&p->terms->ipr, ev->as.call_back.condition);
}

const ipart__handler ipart__call_back_exercised_handler = {call_back_may, call_back_check, NULL,
                                                           call_back_commit};

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
    char missing[512] = "the IPR terms";
    if (p->terms)
        ipart__ipr_missing(&p->terms->ipr, missing, sizeof missing);
    if (missing[0])
        return ipart__fail_rule(IPART_ESTATE, "R36", ipart__rule_source("R36"), "",
                                "rights.terms.incomplete",
                                "the terms do not settle the IP arrangement: %s is missing",
                                missing);
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
