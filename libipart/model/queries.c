/*
 * Queries that return structured views as JSON text: what an actor may do
 * now, what is due next, the tenderers and the ranking.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "model/contract_p.h"
#include "model/partnership_p.h"
#include "rules/periods_p.h"

/* Millionths of a point as "87.500000". */
static void put_points(ipart__strbuf *b, int64_t micro)
{
    ipart__strbuf_printf(b, "\"%lld.%06lld\"", (long long)(micro / 1000000),
                         (long long)(micro % 1000000));
}

static ipart_status need(const void *a, const void *b, const char *function)
{
    return ipart__fail_null(function, !a ? "out" : !b ? "partnership" : "actor");
}

ipart_status ipart_partnership_actions_json(char **out, const ipart_partnership *p,
                                            const char *actor)
{
    if (!out || !p || !actor)
        return need(out, p, "ipart_partnership_actions_json");
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_putc(&b, '[');
    for (int t = 0; t < IPART__EV_COUNT; t++) {
        /* The same gate apply() uses, on a payload-free event dated like the last one. */
        ipart__event probe = {.type = (ipart__event_type)t, .date = p->last_date, .actor = actor};
        ipart_status rc = ipart__may_apply(p, &probe);
        if (t)
            ipart__strbuf_putc(&b, ',');
        ipart__strbuf_puts(&b, "{\"type\":");
        ipart__strbuf_json_string(&b, ipart__event_type_name((ipart__event_type)t));
        if (rc == IPART_OK) {
            ipart__strbuf_puts(&b, ",\"allowed\":true,\"code\":null,\"rule\":null,\"reason\":null}");
            continue;
        }
        const ipart_error *e = ipart_error_last();
        ipart__strbuf_puts(&b, ",\"allowed\":false,\"code\":");
        ipart__strbuf_json_string(&b, ipart_error_name(rc));
        ipart__strbuf_puts(&b, ",\"rule\":");
        if (e->rule[0])
            ipart__strbuf_json_string(&b, e->rule);
        else
            ipart__strbuf_puts(&b, "null");
        ipart__strbuf_puts(&b, ",\"reason\":");
        ipart__strbuf_json_string(&b, e->message);
        ipart__strbuf_putc(&b, '}');
    }
    ipart__strbuf_putc(&b, ']');
    ipart_error_clear(); /* the probes' failures are answers, not errors */
    return ipart__strbuf_finish(&b, out);
}

static int waiting_for_tenders(const ipart_partnership *p)
{
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
        ipart__contract_next_due(&due, p);
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

static void put_tender(ipart__strbuf *b, const ipart__party *t)
{
    static const char *const kinds[] = {"initial", "intermediate", "final"};
    if (!t->has_tender) {
        ipart__strbuf_puts(b, "null");
        return;
    }
    ipart__strbuf_printf(b, "{\"kind\":\"%s\",\"version\":%d,\"price\":", kinds[t->tender_kind],
                         t->tender_version);
    ipart__strbuf_json_money(b, t->price);
    ipart__strbuf_puts(b, ",\"development_price\":");
    ipart__strbuf_json_money(b, t->development_price);
    ipart__strbuf_puts(b, ",\"date\":");
    ipart__strbuf_json_date(b, t->tender_date);
    ipart__strbuf_putc(b, '}');
}

ipart_status ipart_partnership_tenderers_json(char **out, const ipart_partnership *p)
{
    if (!out || !p)
        return need(out, p, "ipart_partnership_tenderers_json");
    ipart__strbuf b = IPART__STRBUF_INIT;
    int first = 1;
    ipart__strbuf_putc(&b, '[');
    for (size_t i = 0; i < p->party_count; i++) {
        const ipart__party *t = p->parties[i];
        if (t->role != IPART_ROLE_OPERATOR)
            continue;
        ipart_party view;
        ipart_partnership_party_at(&view, p, i);
        ipart__strbuf_puts(&b, first ? "{\"id\":" : ",{\"id\":");
        first = 0;
        ipart__strbuf_json_string(&b, t->id);
        ipart__strbuf_puts(&b, ",\"name\":");
        ipart__strbuf_json_string(&b, t->name);
        ipart__strbuf_puts(&b, ",\"status\":");
        ipart__strbuf_json_string(&b, view.status);
        ipart__strbuf_printf(&b, ",\"qualified\":%s,\"invited\":%s,\"eliminated\":%s,\"tender\":",
                             t->qualified ? "true" : "false", t->invited ? "true" : "false",
                             t->eliminated ? "true" : "false");
        put_tender(&b, t);
        ipart__strbuf_putc(&b, '}');
    }
    ipart__strbuf_putc(&b, ']');
    return ipart__strbuf_finish(&b, out);
}

ipart_status ipart_partnership_ranking_json(char **out, const ipart_partnership *p)
{
    if (!out || !p)
        return need(out, p, "ipart_partnership_ranking_json");
    if (!p->ranking)
        return ipart__fail(IPART_ENOTFOUND, "ranking.none", "the tenders have not been evaluated");
    const ipart__ranking *r = p->ranking;
    const ev_award_criterion *c = p->terms->award_criteria.items;
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_putc(&b, '[');
    for (size_t i = 0; i < r->count; i++) {
        const ipart__ranked *e = &r->entries[i];
        ipart__strbuf_puts(&b, i ? ",{\"tenderer\":" : "{\"tenderer\":");
        ipart__strbuf_json_string(&b, e->party->id);
        ipart__strbuf_printf(&b, ",\"rank\":%d,\"total\":", e->rank);
        put_points(&b, e->total);
        ipart__strbuf_printf(&b, ",\"tied\":%s,\"scores\":{", e->tied ? "true" : "false");
        for (size_t k = 0; k < r->criteria; k++) {
            if (k)
                ipart__strbuf_putc(&b, ',');
            ipart__strbuf_json_string(&b, c[k].id);
            ipart__strbuf_putc(&b, ':');
            put_points(&b, e->points[k]);
        }
        ipart__strbuf_puts(&b, "}}");
    }
    ipart__strbuf_putc(&b, ']');
    return ipart__strbuf_finish(&b, out);
}
