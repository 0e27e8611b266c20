/*
 * The need mapping and dialogue report as JSON (ipart_partnership_dialogue_json,
 * include/ipart/dialogue.h), written from the typed rows so that the two
 * cannot disagree; the pre-market consultation notice (eForms E1) reads it.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "ipart/dialogue.h"
#include "model/partnership_p.h"

static void member(ipart__strbuf *b, const char *name, const char *value)
{
    ipart__strbuf_printf(b, ",\"%s\":", name);
    if (value[0])
        ipart__strbuf_json_string(b, value);
    else
        ipart__strbuf_puts(b, "null");
}

static void facets(ipart__strbuf *b, const ipart_partnership *p)
{
    ipart__strbuf_puts(b, ",\"facets\":[");
    for (size_t i = 0; i < ipart_partnership_need_facet_count(p); i++) {
        ipart_need_facet f;
        ipart_partnership_need_facet_at(&f, p, i);
        ipart__strbuf_puts(b, i ? ",{\"mapping\":" : "{\"mapping\":");
        ipart__strbuf_json_string(b, f.mapping);
        ipart__strbuf_puts(b, ",\"date\":");
        ipart__strbuf_json_date(b, f.date);
        member(b, "facet", f.facet);
        member(b, "finding", f.finding);
        ipart__strbuf_printf(b, ",\"evidence\":%zu,\"consulted\":%zu,\"described\":%s}",
                             f.evidence, f.consulted, f.described ? "true" : "false");
    }
    ipart__strbuf_putc(b, ']');
}

/* Writes the index-th row when it belongs to `activity` (with a leading
 * comma unless it is the first); 0 when it belongs to another. */
typedef int (*row_writer)(ipart__strbuf *b, const ipart_partnership *p, size_t index,
                          const char *activity, int first);

static void rows_of(ipart__strbuf *b, const ipart_partnership *p, const char *name,
                    size_t count, row_writer write, const char *activity)
{
    ipart__strbuf_printf(b, ",\"%s\":[", name);
    int first = 1;
    for (size_t i = 0; i < count; i++)
        if (write(b, p, i, activity, first))
            first = 0;
    ipart__strbuf_putc(b, ']');
}

static int contact(ipart__strbuf *b, const ipart_partnership *p, size_t i, const char *activity,
                   int first)
{
    ipart_dialogue_contact c;
    ipart_partnership_dialogue_contact_at(&c, p, i);
    if (strcmp(c.activity, activity) != 0)
        return 0;
    ipart__strbuf_puts(b, first ? "{\"id\":" : ",{\"id\":");
    ipart__strbuf_json_string(b, c.id);
    member(b, "name", c.name);
    member(b, "role", c.role);
    member(b, "kind", c.kind);
    ipart__strbuf_printf(b, ",\"sme\":%s,\"applied\":%s}",
                         c.sme < 0 ? "null" : c.sme ? "true" : "false",
                         c.applied ? "true" : "false");
    return 1;
}

static int information(ipart__strbuf *b, const ipart_partnership *p, size_t i,
                       const char *activity, int first)
{
    ipart_dialogue_information n;
    ipart_partnership_dialogue_information_at(&n, p, i);
    if (strcmp(n.activity, activity) != 0)
        return 0;
    ipart__strbuf_puts(b, first ? "{\"id\":" : ",{\"id\":");
    ipart__strbuf_json_string(b, n.id);
    member(b, "text", n.text);
    member(b, "given_to", n.given_to);
    ipart__strbuf_printf(b, ",\"must_share\":%s,\"shared_on\":", n.must_share ? "true" : "false");
    if (n.shared)
        ipart__strbuf_json_date(b, n.shared_on);
    else
        ipart__strbuf_puts(b, "null");
    member(b, "channel", n.channel);
    ipart__strbuf_putc(b, '}');
    return 1;
}

static void members(ipart__strbuf *b, const ipart_partnership *p, size_t pair, int which,
                    size_t n)
{
    ipart__strbuf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        ipart_dialogue_member m;
        ipart_partnership_dialogue_pair_member(&m, p, pair, which, i);
        ipart__strbuf_puts(b, i ? ",{\"id\":" : "{\"id\":");
        ipart__strbuf_json_string(b, m.id);
        member(b, "name", m.name);
        ipart__strbuf_putc(b, '}');
    }
    ipart__strbuf_putc(b, ']');
}

static int pair(ipart__strbuf *b, const ipart_partnership *p, size_t i, const char *activity,
                int first)
{
    ipart_dialogue_pair r;
    ipart_partnership_dialogue_pair_at(&r, p, i);
    if (strcmp(r.activity, activity) != 0)
        return 0;
    ipart__strbuf_puts(b, first ? "{\"authority\":" : ",{\"authority\":");
    ipart__strbuf_json_string(b, r.authority);
    ipart__strbuf_puts(b, ",\"smes\":");
    members(b, p, i, 0, r.smes);
    ipart__strbuf_puts(b, ",\"knowledge_institutions\":");
    members(b, p, i, 1, r.knowledge_institutions);
    member(b, "purpose", r.purpose);
    member(b, "matched_by", r.matched_by);
    ipart__strbuf_putc(b, '}');
    return 1;
}

static size_t activities(ipart__strbuf *b, const ipart_partnership *p)
{
    size_t unshared = 0;
    ipart__strbuf_puts(b, ",\"activities\":[");
    for (size_t i = 0; i < ipart_partnership_dialogue_count(p); i++) {
        ipart_dialogue_activity a;
        ipart_partnership_dialogue_at(&a, p, i);
        unshared += a.unshared;
        ipart__strbuf_printf(b, "%s\n{\"event\":%zu", i ? "," : "", a.event);
        member(b, "activity", a.activity);
        member(b, "kind", a.kind);
        ipart__strbuf_puts(b, ",\"date\":");
        ipart__strbuf_json_date(b, a.date);
        member(b, "title", a.title);
        member(b, "summary", a.summary);
        member(b, "supplier", a.supplier);
        if (a.attendance >= 0)
            ipart__strbuf_printf(b, ",\"attendance\":%lld", (long long)a.attendance);
        else
            ipart__strbuf_puts(b, ",\"attendance\":null");
        ipart__strbuf_printf(b, ",\"unshared\":%zu", a.unshared);
        rows_of(b, p, "contacts", ipart_partnership_dialogue_contact_count(p), contact, a.activity);
        rows_of(b, p, "information", ipart_partnership_dialogue_information_count(p), information,
                a.activity);
        rows_of(b, p, "pairs", ipart_partnership_dialogue_pair_count(p), pair, a.activity);
        ipart__strbuf_putc(b, '}');
    }
    ipart__strbuf_puts(b, "\n]");
    return unshared;
}

ipart_status ipart_partnership_dialogue_json(char **out, const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_dialogue_json", !out ? "out" : "partnership");
    if (!p->authority)
        return ipart__fail(IPART_ESTATE, "partnership.empty", "the partnership was not created");
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_puts(&b, "{\"format\":\"ipart-dialogue\",\"version\":1,\"profile\":");
    ipart__strbuf_json_string(&b, p->profile->code);
    ipart__strbuf_puts(&b, ",\"authority\":{\"id\":");
    ipart__strbuf_json_string(&b, p->authority->id);
    member(&b, "name", p->authority->name);
    ipart__strbuf_putc(&b, '}');
    member(&b, "need_mapping", p->need_mapping);
    facets(&b, p);
    size_t unshared = activities(&b, p);
    ipart__strbuf_printf(&b, ",\"unshared\":%zu}\n", unshared);
    return ipart__strbuf_finish(&b, out);
}
