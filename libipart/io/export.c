/*
 * The plumbing shared by the exports (io/export_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/money_p.h"
#include "io/export_p.h"
#include "ipart/messages.h"
#include "ipart/rights.h"

ipart_status ipart__visible_open(ipart__visible *v, const ipart_partnership *p, const char *party,
                                 const char *lang, const char *function)
{
    memset(v, 0, sizeof *v);
    if (!p || !party)
        return ipart__fail_null(function, !p ? "partnership" : "party");
    char *text = NULL;
    ipart_status rc = ipart_partnership_view_json(&text, p, party);
    if (rc != IPART_OK)
        return rc;
    v->view = cJSON_Parse(text);
    ipart__free(text);
    if (!v->view)
        return ipart__fail_nomem(); /* the view is well-formed: only memory fails */
    v->p = p;
    v->party = ipart__party_find(p, party);
    v->lang = ipart_message_language(lang);
    v->entries = ipart__member(v->view, "events");
    const cJSON *withheld = ipart__member(v->view, "withheld");
    v->withheld = cJSON_IsNumber(withheld) ? (size_t)withheld->valuedouble : 0;
    return IPART_OK;
}

void ipart__visible_close(ipart__visible *v)
{
    cJSON_Delete(v->view);
    v->view = NULL;
}

const cJSON *ipart__member(const cJSON *o, const char *name)
{
    return o ? cJSON_GetObjectItemCaseSensitive(o, name) : NULL;
}

const char *ipart__member_text(const cJSON *o, const char *name)
{
    const cJSON *m = ipart__member(o, name);
    return cJSON_IsString(m) ? m->valuestring : NULL;
}

const cJSON *ipart__entry_event(const cJSON *entry)
{
    return ipart__member(entry, "event");
}

const char *ipart__entry_type(const cJSON *entry)
{
    const char *type = ipart__member_text(ipart__entry_event(entry), "type");
    return type ? type : "";
}

int ipart__add_text(cJSON *o, const char *name, const char *text)
{
    return ipart__json_add(o, name, text ? cJSON_CreateString(text) : cJSON_CreateNull());
}

int ipart__add_copy(cJSON *o, const char *name, const cJSON *from, const char *from_name)
{
    const cJSON *m = ipart__member(from, from_name);
    return ipart__json_add(o, name, m ? cJSON_Duplicate(m, 1) : cJSON_CreateNull());
}

int ipart__add_money(cJSON *o, const char *name, ipart_money amount)
{
    char text[IPART__MONEY_TEXT_SIZE];
    return ipart__money_canonical(text, amount) == IPART_OK && ipart__add_text(o, name, text);
}

const char *ipart__party_name(const ipart_partnership *p, const char *id)
{
    const ipart__party *party = id ? ipart__party_find(p, id) : NULL;
    return party && party->name ? party->name : "";
}

ipart_status ipart__export_finish(char **out, cJSON *root)
{
    char *text = root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return ipart__fail_nomem();
    size_t n = strlen(text);
    char *copy = ipart__malloc(n + 2);
    if (copy) {
        memcpy(copy, text, n);
        copy[n] = '\n';
        copy[n + 1] = '\0';
    }
    cJSON_free(text);
    if (!copy)
        return ipart__fail_nomem();
    *out = copy;
    return IPART_OK;
}

int ipart__open_dialogue(const char *type, const cJSON *ev)
{
    if (strcmp(type, "market_dialogue_held") == 0)
        return 1;
    const char *kind = ipart__member_text(ev, "kind");
    return strcmp(type, "dialogue_activity_held") == 0 && kind &&
           strcmp(kind, "one_to_one") != 0 && strcmp(kind, "written_input") != 0;
}
