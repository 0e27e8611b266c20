/*
 * Who performs an operator's contract (consortium members, R52;
 * subcontractors, R53) and who funds the buyer (doc/funding.md), as the
 * events of a party's view show them: shared by the procurement record and
 * OCDS (io/export_p.h). Read from the view, so an export shows another
 * operator's members and subcontractors only where the view shows the
 * event that named them.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "core/alloc_p.h"
#include "core/money_p.h"
#include "io/export_p.h"
#include "model/contract_p.h"
#include "model/parties_p.h"

const char *ipart__operator_of(const ipart_partnership *p, const char *actor)
{
    const ipart__party *who = actor ? ipart__party_find(p, actor) : NULL;
    return who ? ipart__party_seen_as(p, who)->id : actor;
}

static size_t slot(const ipart__visible *v, const char *operator_id)
{
    const ipart__party *party = operator_id ? ipart__party_find(v->p, operator_id) : NULL;
    return party ? party->index : v->p->party_count;
}

static void note_event(ipart__performers *x, const ipart__visible *v, const cJSON *ev,
                       const char *type)
{
    if (strcmp(type, "participation_requested") == 0) {
        const cJSON *op = ipart__member(ev, "operator");
        size_t i = slot(v, ipart__member_text(op, "id"));
        if (i < v->p->party_count) {
            x->members[i] = ipart__member(op, "members");
            x->subcontractors[i] = ipart__member(ev, "subcontractors");
            x->named_in[i] = ev;
        }
    } else if (strcmp(type, "tender_submitted") == 0) {
        /* a member's tender is its consortium's (R52): the latest tender says who performs */
        size_t i = slot(v, ipart__operator_of(v->p, ipart__member_text(ev, "actor")));
        if (i < v->p->party_count) {
            x->subcontractors[i] = ipart__member(ipart__member(ev, "tender"), "subcontractors");
            x->named_in[i] = ev;
        }
    }
}

int ipart__performers_open(ipart__performers *x, const ipart__visible *v)
{
    size_t n = v->p->party_count ? v->p->party_count : 1;
    x->members = ipart__calloc(n, sizeof *x->members);
    x->subcontractors = ipart__calloc(n, sizeof *x->subcontractors);
    x->named_in = ipart__calloc(n, sizeof *x->named_in);
    if (!x->members || !x->subcontractors || !x->named_in)
        return 0;
    const cJSON *entry;
    cJSON_ArrayForEach(entry, v->entries) {
        if (!cJSON_IsTrue(ipart__member(entry, "partial")))
            note_event(x, v, ipart__entry_event(entry), ipart__entry_type(entry));
    }
    return 1;
}

void ipart__performers_close(ipart__performers *x)
{
    ipart__free(x->members);
    ipart__free(x->subcontractors);
    ipart__free(x->named_in);
    memset(x, 0, sizeof *x);
}

int ipart__performers_named(const ipart__performers *x, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (x->members[i] || x->subcontractors[i])
            return 1;
    return 0;
}

int64_t ipart__subcontracted_share(const cJSON *subcontractors)
{
    int64_t sum = 0;
    const cJSON *s;
    cJSON_ArrayForEach(s, subcontractors) {
        const cJSON *share = ipart__member(s, "share");
        sum += cJSON_IsNumber(share) ? (int64_t)share->valuedouble : 0;
    }
    return sum;
}

/* ---- funding --------------------------------------------------------------------------- */

/* What the view's payments naming `source` drew on it. */
static int drawn_on(ipart_money *out, const ipart__visible *v, const char *source)
{
    *out = ipart__case_money(v->p, 0);
    const cJSON *entry;
    cJSON_ArrayForEach(entry, v->entries) {
        const cJSON *ev = ipart__entry_event(entry);
        const char *by = ipart__member_text(ev, "funded_by");
        ipart_money amount;
        if (strcmp(ipart__entry_type(entry), "instalment_paid") != 0 || !by ||
            strcmp(by, source) != 0 || cJSON_IsTrue(ipart__member(entry, "partial")))
            continue;
        if (ipart_money_parse(&amount, ipart__member_text(ev, "amount"), v->p->currency) != IPART_OK ||
            ipart_money_add(out, *out, amount) != IPART_OK)
            return 0; /* the log's amounts are valid and bounded by the grant */
    }
    return 1;
}

static cJSON *source_json(const ipart__visible *v, const cJSON *ev)
{
    const cJSON *funder = ipart__member(ev, "funder");
    const char *source = ipart__member_text(ev, "source");
    ipart_money drawn;
    cJSON *o = cJSON_CreateObject();
    if (o && ipart__add_text(o, "source", source) && ipart__add_copy(o, "date", ev, "date") &&
        ipart__add_copy(o, "funder", funder, "name") && ipart__add_copy(o, "org_no", funder, "org_no") &&
        ipart__add_copy(o, "amount", ev, "amount") && ipart__add_copy(o, "pays_for", ev, "pays_for") &&
        ipart__add_copy(o, "granted_to", ev, "granted_to") &&
        ipart__add_copy(o, "valid_until", ev, "valid_until") &&
        ipart__add_copy(o, "reference", ev, "reference") && drawn_on(&drawn, v, source) &&
        ipart__add_money(o, "drawn", drawn))
        return o;
    cJSON_Delete(o);
    return NULL;
}

cJSON *ipart__funding_json(const ipart__visible *v)
{
    cJSON *list = cJSON_CreateArray();
    const cJSON *entry;
    cJSON_ArrayForEach(entry, v->entries) {
        if (!list)
            return NULL;
        if (strcmp(ipart__entry_type(entry), "funding_granted") == 0 &&
            !ipart__json_add(list, NULL, source_json(v, ipart__entry_event(entry)))) {
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}
