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

ipart_status ipart__consortium_check(const ev_party *op, const char *path)
{
    if (!op->has_members)
        return IPART_OK;
    char at[256];
    ipart__field_path(at, sizeof at, path, "operator");
    const ev_member *m = op->members.items;
    size_t leads = 0;
    for (size_t i = 0; i < op->members.count; i++) {
        leads += m[i].has_lead && m[i].lead;
        for (size_t j = 0; j < i; j++)
            if (strcmp(m[i].org_no, m[j].org_no) == 0)
                return ipart__item_violation("R52", at, "members", i, "consortium.member.twice",
                                             "a member with this organisation number is listed "
                                             "already: each member of the group is named once");
    }
    if (leads == 1)
        return IPART_OK;
    char message[200];
    snprintf(message, sizeof message,
             "a consortium names exactly one lead member (\"lead\": true), who acts for it; "
             "this one names %zu", leads);
    return ipart__violation("R52", at, "members", "consortium.lead", message);
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
    char message[200];
    snprintf(message, sizeof message,
             "the subcontractors' shares sum to %lld basis points; together they may perform at "
             "most the whole contract (10000)", (long long)total);
    return ipart__violation("R53", path, "subcontractors", "subcontractor.shares", message);
}
