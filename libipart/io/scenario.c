/*
 * What-if scenarios (ipart_partnership_what_if_json): hypothetical events on
 * a clone, and a report of where they lead - stage, caps, partners, the
 * payments still to come, the next deadline - with the original untouched.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "io/codec_p.h"
#include "io/document_p.h"
#include "io/query_json_p.h"
#include "ipart/contract.h"
#include "model/contract_p.h"

/* The refusal that ended the scenario, from the thread's error detail. A
 * party other than the authority gets no guard's message: it may quote
 * other operators' figures ("at most 592500.00", R19). */
static void put_refusal(ipart__strbuf *b, const ipart_partnership *copy, size_t index,
                        ipart_status rc)
{
    const ipart_error *e = ipart_error_last();
    ipart__strbuf_printf(b, "{\"index\":%zu,\"code\":", index);
    ipart__strbuf_json_string(b, ipart_error_name(rc));
    ipart__strbuf_puts(b, ",\"rule\":");
    ipart__json_string_or_null(b, e->rule);
    ipart__strbuf_puts(b, ",\"path\":");
    ipart__json_string_or_null(b, e->path);
    ipart__text withheld;
    int shown = ipart__scope_sees(copy, NULL) || strcmp(e->key, "scope.withheld") == 0;
    if (!shown)
        ipart__text_format(&withheld, "what_if.withheld",
                           "refused: %s, rule %s (the message is the contracting authority's, R19)",
                           ipart_error_name(rc), e->rule[0] ? e->rule : "none");
    ipart__strbuf_puts(b, ",\"message\":");
    ipart__strbuf_json_string(b, shown ? e->message : withheld.in[IPART__EN]);
    ipart__strbuf_puts(b, ",\"message_nb\":");
    ipart__strbuf_json_string(b, shown ? ipart_error_message_in("nb") : withheld.in[IPART__NB]);
    ipart__strbuf_putc(b, '}');
}

static void put_caps(ipart__strbuf *b, const ipart_partnership *p)
{
    ipart__strbuf_puts(b, ",\"caps\":[");
    for (size_t i = 0; i < ipart_partnership_cap_count(p); i++) {
        ipart_cap_status c;
        ipart_partnership_cap_at(&c, p, i); /* i is in range */
        ipart__strbuf_puts(b, i ? ",{\"cap\":" : "{\"cap\":");
        ipart__strbuf_json_string(b, c.cap);
        ipart__strbuf_puts(b, ",\"partner\":");
        ipart__json_string_or_null(b, c.partner);
        ipart__strbuf_json_money_member(b, "committed", c.committed);
        ipart__strbuf_json_money_member(b, "paid", c.paid);
        ipart__strbuf_json_money_member(b, "headroom", c.headroom);
        ipart__strbuf_putc(b, '}');
    }
    ipart__strbuf_putc(b, ']');
}

static void put_partners(ipart__strbuf *b, const ipart_partnership *p)
{
    int first = 1;
    ipart__strbuf_puts(b, ",\"partners\":[");
    for (size_t i = 0; i < p->party_count; i++) {
        ipart_partner_status s;
        if (!p->parties[i]->contract ||
            ipart_partnership_partner_status(&s, p, p->parties[i]->id) != IPART_OK)
            continue;
        ipart__strbuf_puts(b, first ? "{\"partner\":" : ",{\"partner\":");
        first = 0;
        ipart__strbuf_json_string(b, s.partner);
        ipart__strbuf_puts(b, ",\"state\":");
        ipart__strbuf_json_string(b, s.state);
        ipart__strbuf_puts(b, ",\"phase\":");
        ipart__json_string_or_null(b, s.phase);
        ipart__strbuf_json_money_member(b, "paid", s.paid);
        ipart__strbuf_json_money_member(b, "payable", s.payable);
        ipart__strbuf_json_money_member(b, "owed_on_termination", s.owed_on_termination);
        ipart__strbuf_putc(b, '}');
    }
    ipart__strbuf_putc(b, ']');
}

static void put_due(ipart__strbuf *b, const ipart_partnership *p)
{
    ipart_due due;
    ipart__strbuf_puts(b, ",\"next_due\":");
    if (ipart_partnership_next_due(&due, p) != IPART_OK) {
        ipart__strbuf_puts(b, "null");
        return;
    }
    ipart__strbuf_puts(b, "{\"kind\":");
    ipart__strbuf_json_string(b, due.kind);
    ipart__strbuf_puts(b, ",\"date\":");
    ipart__strbuf_json_date(b, due.date);
    ipart__strbuf_puts(b, ",\"event_type\":");
    ipart__strbuf_json_string(b, due.event_type);
    ipart__strbuf_putc(b, '}');
}

static void put_warnings(ipart__strbuf *b, const ipart_partnership *p, size_t from)
{
    ipart__strbuf_puts(b, ",\"warnings\":[");
    for (size_t i = from; i < ipart_partnership_warning_count(p); i++) {
        const ipart__warning *w = &p->warnings[i];
        ipart__strbuf_printf(b, "%s{\"event\":%zu,\"rule\":", i > from ? "," : "", w->event);
        ipart__strbuf_json_string(b, w->rule);
        ipart__strbuf_puts(b, ",\"message\":");
        ipart__strbuf_json_string(b, w->message);
        ipart__strbuf_puts(b, ",\"message_nb\":");
        ipart__strbuf_json_string(b, ipart__warning_nb(w));
        ipart__strbuf_putc(b, '}');
    }
    ipart__strbuf_putc(b, ']');
}

/* A party other than the authority simulates only its own events: their
 * acceptance would otherwise answer for another operator's figures (R19). */
static ipart_status own_event(const ipart_partnership *copy, const cJSON *ev, const char *path)
{
    const cJSON *actor = cJSON_GetObjectItemCaseSensitive(ev, "actor");
    if (ipart__scope_sees(copy, NULL) ||
        (cJSON_IsString(actor) && ipart__scope_sees(copy, actor->valuestring)))
        return IPART_OK;
    ipart_status rc = ipart__scope_refuse(copy, "what another party's events would do");
    ipart__error_set_path(path);
    return rc;
}

/* Apply the events to `copy` until one is refused; write "applied" and "refused". */
static ipart_status run(ipart__strbuf *b, ipart_partnership *copy, const cJSON *events)
{
    size_t applied = 0;
    ipart_status rc = IPART_OK;
    for (const cJSON *ev = events->child; ev; ev = ev->next, applied++) {
        char path[32];
        snprintf(path, sizeof path, "$[%zu]", applied);
        if ((rc = own_event(copy, ev, path)) != IPART_OK ||
            (rc = ipart__apply_object(copy, ev, path)) != IPART_OK)
            break;
    }
    if (rc == IPART_ENOMEM)
        return rc;
    ipart__strbuf_printf(b, "{\"applied\":%zu,\"refused\":", applied);
    if (rc == IPART_OK)
        ipart__strbuf_puts(b, "null");
    else
        put_refusal(b, copy, applied, rc);
    return IPART_OK;
}

ipart_status ipart_partnership_what_if_json(char **out, const ipart_partnership *p,
                                            const char *events_json)
{
    if (!out || !p || !events_json)
        return ipart__fail_null("ipart_partnership_what_if_json",
                                !out ? "out" : !p ? "partnership" : "events_json");
    cJSON *events = NULL;
    ipart_status rc = ipart__json_parse(&events, events_json, strlen(events_json), "$");
    if (rc != IPART_OK)
        return rc;
    if (!cJSON_IsArray(events)) {
        cJSON_Delete(events);
        rc = ipart__fail(IPART_EINVAL, "what_if.not_array", "$: expected an array of events");
        ipart__error_set_path("$");
        return rc;
    }
    ipart_partnership *copy = NULL;
    ipart__strbuf b = IPART__STRBUF_INIT;
    if ((rc = ipart_partnership_clone(&copy, p)) == IPART_OK &&
        (rc = run(&b, copy, events)) == IPART_OK) {
        ipart__strbuf_puts(&b, ",\"stage\":");
        ipart__strbuf_json_string(&b, ipart_stage_name(copy->stage));
        put_due(&b, copy);
        put_caps(&b, copy);
        put_partners(&b, copy);
        ipart__strbuf_puts(&b, ",\"forecast\":");
        ipart__forecast_write(&b, copy);
        put_warnings(&b, copy, p->warning_count);
        ipart__strbuf_putc(&b, '}');
        rc = ipart__strbuf_finish(&b, out);
    } else {
        ipart__strbuf_free(&b);
    }
    ipart_partnership_free(copy);
    cJSON_Delete(events);
    if (rc == IPART_OK)
        ipart_error_clear(); /* a refusal is part of the report, not this call's error */
    return rc;
}
