/*
 * Groups of operators and subcontractors (RULES.md R52, R53; parties_p.h):
 * the guards on a consortium's members and on the subcontractors an
 * application or a tender names. The log keeps both, so the procurement
 * record (R41) says who the members are and who subcontracts what.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "model/parties_p.h"

#include <stdio.h>
#include <string.h>

#include "model/guard_p.h"
#include "rules/rules_p.h"

static ipart_status member_check(const ipart_partnership *p, const ev_party *op, size_t i,
                                 const char *at)
{
    const ev_member *m = op->members.items;
    if (ipart__party_find(p, m[i].id) || strcmp(m[i].id, op->id) == 0)
        return ipart__item_violation("R52", at, "members", i, "consortium.member.exists",
                                     "a member's id is a new party id: not the consortium's, "
                                     "nor another party's");
    for (size_t j = 0; j < i; j++)
        if (strcmp(m[i].org_no, m[j].org_no) == 0 || strcmp(m[i].id, m[j].id) == 0)
            return ipart__item_violation("R52", at, "members", i, "consortium.member.twice",
                                         "a member with this organisation number or id is "
                                         "listed already: each member of the group is named "
                                         "once");
    return IPART_OK;
}

ipart_status ipart__consortium_check(const ipart_partnership *p, const ev_party *op,
                                     const char *path)
{
    if (!op->has_members)
        return IPART_OK;
    char at[256];
    ipart__field_path(at, sizeof at, path, "operator");
    if (op->members.count > IPART__MAX_MEMBERS)
        return ipart__invalid(at, "members", "consortium.members.many",
                              "at most 32 members in a consortium");
    const ev_member *m = op->members.items;
    size_t leads = 0;
    for (size_t i = 0; i < op->members.count; i++) {
        ipart_status rc = member_check(p, op, i, at);
        if (rc != IPART_OK)
            return rc;
        leads += m[i].has_lead && m[i].lead;
    }
    if (leads == 1)
        return IPART_OK;
    return ipart__violationf("R52", at, "members", "consortium.lead",
                             "a consortium names exactly one lead member (\"lead\": true), who "
                             "acts for it; this one names %zu",
                             leads);
}

ipart_status ipart__members_prepare(ipart_partnership *p, const ev_party *op,
                                    ipart__prepared *pr)
{
    const ev_member *m = op->members.items;
    for (size_t i = 0; op->has_members && i < op->members.count; i++) {
        ev_party member = {.id = m[i].id, .name = m[i].name, .org_no = m[i].org_no};
        ipart__party *party = NULL;
        ipart_status rc = ipart__party_create(&party, p, &member, IPART_ROLE_MEMBER, i + 1);
        if (rc != IPART_OK)
            return rc;
        party->consortium = p->party_count; /* the consortium is appended first */
        party->may_act = (m[i].has_lead && m[i].lead) ||
                         (m[i].has_authorised && m[i].authorised);
        pr->members[pr->member_count++] = party;
    }
    return IPART_OK;
}

ipart_status ipart__acting_as(const ipart__party **out, const ipart_partnership *p,
                              const ipart__party *actor, const char *path)
{
    *out = actor;
    if (!actor || actor->role != IPART_ROLE_MEMBER)
        return IPART_OK;
    const ipart__party *group = p->parties[actor->consortium];
    if (!actor->may_act)
        return ipart__violationf("R52", path, "actor", "consortium.member.acts",
                                 "'%s' is a member of the consortium '%s' but neither its "
                                 "lead nor authorised by it: the lead or an authorised "
                                 "member acts for the consortium", actor->id, group->id);
    *out = group;
    return IPART_OK;
}

const ipart__party *ipart__party_seen_as(const ipart_partnership *p, const ipart__party *who)
{
    return who && who->role == IPART_ROLE_MEMBER ? p->parties[who->consortium] : who;
}

/* Two entries name the same subcontractor: the same organisation number,
 * or, where either has none, the same name. */
static int same_subcontractor(const ev_subcontractor *a, const ev_subcontractor *b)
{
    if (a->org_no && b->org_no)
        return strcmp(a->org_no, b->org_no) == 0;
    return strcmp(a->name, b->name) == 0;
}

ipart_status ipart__subcontractors_check(const ipart__array *subs, const char *path)
{
    const ev_subcontractor *s = subs->items;
    int64_t total = 0;
    for (size_t i = 0; i < subs->count; i++) {
        total += s[i].share;
        for (size_t j = 0; j < i; j++)
            if (same_subcontractor(&s[i], &s[j]))
                return ipart__item_violation("R53", path, "subcontractors", i,
                                             "subcontractor.twice",
                                             "this subcontractor is named already: name each "
                                             "once, with its role and its whole share");
    }
    if (total <= 10000)
        return IPART_OK;
    return ipart__violationf("R53", path, "subcontractors", "subcontractor.shares",
                             "the subcontractors' shares sum to %lld basis points; together "
                             "they may perform at most the whole contract (10000)",
                             (long long)total);
}
