/*
 * ipart status FILE [--as PARTY]: the stage, the parties and their states,
 * the contracts, the caps with their headroom, what is due next and what
 * each party may do now. With --as, only what that party may see: the
 * library's party-scoped view (R19, R37) decides which other operators it
 * knows of; their states, contracts and caps, and other parties' actions,
 * are left out. The contracting authority sees everything.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

typedef struct scope {
    const char *party; /* NULL: everything */
    char *view;        /* the party's view (JSON), when restricted */
} scope;

static int restricted(const scope *s)
{
    return s->view != NULL;
}

/* May the scope see this party at all? Operators only when its view names them. */
static int sees_party(const scope *s, const ipart_party *party)
{
    if (!restricted(s) || party->role != IPART_ROLE_OPERATOR || strcmp(party->id, s->party) == 0)
        return 1;
    char quoted[80];
    snprintf(quoted, sizeof quoted, "\"%s\"", party->id);
    return strstr(s->view, quoted) != NULL;
}

/* May the scope see this party's own items (state, contract, caps, actions)? */
static int sees_details(const scope *s, const char *id)
{
    return !restricted(s) || strcmp(id, s->party) == 0;
}

/* May the scope see this cap row? A restricted scope: only rows of its own. */
static int sees_cap(const scope *s, const ipart_cap_status *c)
{
    return !restricted(s) || (c->partner[0] && strcmp(c->partner, s->party) == 0);
}

/* How many events the scope's view shows, and how many it withholds. */
static void view_counts(const scope *s, int *visible, int *withheld)
{
    cJSON *view = cJSON_Parse(s->view);
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(view, "withheld");
    *visible = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(view, "events"));
    *withheld = cJSON_IsNumber(w) ? w->valueint : -1;
    cJSON_Delete(view);
}

static int open_scope(scope *s, const ipart_partnership *p, const char *party)
{
    s->party = party;
    s->view = NULL;
    if (!party)
        return EXIT_VALID;
    ipart_party who;
    if (ipart_partnership_party_get(&who, p, party) != IPART_OK) {
        fprintf(stderr, "ipart status: %s: %s\n", L("unknown_party"), party);
        return EXIT_MALFORMED;
    }
    if (who.role == IPART_ROLE_AUTHORITY)
        return EXIT_VALID; /* the authority's view is the whole log */
    if (ipart_partnership_view_json(&s->view, p, party) != IPART_OK)
        return EXIT_IO;
    return EXIT_VALID;
}

static void close_scope(scope *s)
{
    ipart_free(s->view);
}

/* The allowed event types of `actor`, as a cJSON array of strings (owned). */
static cJSON *allowed_actions(const ipart_partnership *p, const char *actor)
{
    char *json = NULL;
    cJSON *all = NULL, *allowed = cJSON_CreateArray();
    if (ipart_partnership_actions_json(&json, p, actor) == IPART_OK)
        all = cJSON_Parse(json);
    ipart_free(json);
    const cJSON *a = NULL;
    cJSON_ArrayForEach(a, all) {
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(a, "allowed")))
            cJSON_AddItemToArray(allowed, cJSON_CreateString(
                                              cJSON_GetObjectItemCaseSensitive(a, "type")->valuestring));
    }
    cJSON_Delete(all);
    return allowed;
}

static const char *title(const ipart_partnership *p, char *buf, size_t size)
{
    char *first = NULL;
    buf[0] = '\0';
    if (ipart_partnership_event_at(&first, p, 0) == IPART_OK) {
        cJSON *ev = cJSON_Parse(first);
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(ev, "title");
        if (cJSON_IsString(t))
            snprintf(buf, size, "%s", t->valuestring);
        cJSON_Delete(ev);
    }
    ipart_free(first);
    return buf;
}

/* ---- text ---- */

static void text_parties(FILE *f, const ipart_partnership *p, const scope *s)
{
    fprintf(f, "%s:\n", L("parties"));
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        ipart_party party;
        if (ipart_partnership_party_at(&party, p, i) != IPART_OK || !sees_party(s, &party))
            continue;
        fprintf(f, "  %-14s %-9s %-11s %s\n", party.id, ipart_role_name(party.role),
                sees_details(s, party.id) ? party.status : "", party.name);
    }
}

static void text_contracts(FILE *f, const ipart_partnership *p, const scope *s)
{
    int header = 0;
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        ipart_party party;
        ipart_partner_status c;
        if (ipart_partnership_party_at(&party, p, i) != IPART_OK ||
            !sees_details(s, party.id) ||
            ipart_partnership_partner_status(&c, p, party.id) != IPART_OK)
            continue;
        if (!header++)
            fprintf(f, "%s:\n", L("contracts"));
        char *value = cli_money(c.value), *paid = cli_money(c.paid);
        fprintf(f, "  %-14s %-17s %s %-4s %s %s, %s %s\n", c.partner, c.state, L("phase"),
                c.phase[0] ? c.phase : "-", L("value"), value, L("paid"), paid);
        free(value);
        free(paid);
    }
}

static void text_caps(FILE *f, const ipart_partnership *p, const scope *s)
{
    int header = 0;
    for (size_t i = 0; i < ipart_partnership_cap_count(p); i++) {
        ipart_cap_status c;
        if (ipart_partnership_cap_at(&c, p, i) != IPART_OK || !sees_cap(s, &c))
            continue;
        if (!header++)
            fprintf(f, "%s:\n", L("caps"));
        char *amount = cli_money(c.amount), *headroom = cli_money(c.headroom);
        fprintf(f, "  %-24s %-6s %-12s %s, %s %s (%s, %s)\n", c.cap,
                c.partner[0] ? c.partner : c.phase, c.scope, amount, L("headroom"), headroom,
                c.policy, c.bites);
        free(amount);
        free(headroom);
    }
}

static void text_due(FILE *f, const ipart_partnership *p)
{
    ipart_due due;
    char date[11];
    if (ipart_partnership_next_due(&due, p) == IPART_OK)
        fprintf(f, "%s: %s %s (%s)\n", L("next_due"), due.kind, cli_date(date, due.date),
                due.event_type);
    else
        fprintf(f, "%s: %s\n", L("next_due"), L("none"));
}

static void text_actions(FILE *f, const ipart_partnership *p, const scope *s)
{
    fprintf(f, "%s:\n", L("actions"));
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        ipart_party party;
        if (ipart_partnership_party_at(&party, p, i) != IPART_OK ||
            (s->party ? strcmp(party.id, s->party) != 0 : 0))
            continue;
        cJSON *allowed = allowed_actions(p, party.id);
        if (cJSON_GetArraySize(allowed) > 0 || s->party) {
            fprintf(f, "  %-14s", party.id);
            const cJSON *a = NULL;
            cJSON_ArrayForEach(a, allowed) fprintf(f, " %s", a->valuestring);
            fputc('\n', f);
        }
        cJSON_Delete(allowed);
    }
}

int cli_status_text(FILE *f, const ipart_partnership *p, const char *party)
{
    scope s;
    int rc = open_scope(&s, p, party);
    if (rc != EXIT_VALID)
        return rc;
    char buf[512];
    fprintf(f, "%s\n%s: %s (%s, %zu %s)\n", title(p, buf, sizeof buf), L("stage"),
            ipart_stage_name(ipart_partnership_stage(p)), ipart_partnership_profile(p),
            ipart_partnership_event_count(p), L("events"));
    if (restricted(&s)) {
        int visible = 0, withheld = 0;
        view_counts(&s, &visible, &withheld);
        fprintf(f, "%s (%s): %d, %s %d\n", L("visible"), party, visible, L("withheld"), withheld);
    }
    text_parties(f, p, &s);
    text_contracts(f, p, &s);
    text_caps(f, p, &s);
    text_due(f, p);
    text_actions(f, p, &s);
    close_scope(&s);
    return EXIT_VALID;
}

/* ---- JSON ---- */

static void money_member(cJSON *o, const char *name, ipart_money m)
{
    char *text = NULL;
    if (ipart_money_format(&text, m) == IPART_OK)
        cJSON_AddStringToObject(o, name, text);
    ipart_free(text);
}

static cJSON *json_parties(const ipart_partnership *p, const scope *s)
{
    cJSON *parties = cJSON_CreateArray();
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        ipart_party party;
        if (ipart_partnership_party_at(&party, p, i) != IPART_OK || !sees_party(s, &party))
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", party.id);
        cJSON_AddStringToObject(o, "name", party.name);
        cJSON_AddStringToObject(o, "role", ipart_role_name(party.role));
        if (sees_details(s, party.id)) {
            cJSON_AddStringToObject(o, "status", party.status);
            cJSON_AddItemToObject(o, "actions", allowed_actions(p, party.id));
        }
        ipart_partner_status c;
        if (sees_details(s, party.id) &&
            ipart_partnership_partner_status(&c, p, party.id) == IPART_OK) {
            cJSON *k = cJSON_AddObjectToObject(o, "contract");
            cJSON_AddStringToObject(k, "state", c.state);
            cJSON_AddStringToObject(k, "phase", c.phase);
            money_member(k, "value", c.value);
            money_member(k, "paid", c.paid);
            money_member(k, "payable", c.payable);
        }
        cJSON_AddItemToArray(parties, o);
    }
    return parties;
}

static cJSON *json_caps(const ipart_partnership *p, const scope *s)
{
    cJSON *caps = cJSON_CreateArray();
    for (size_t i = 0; i < ipart_partnership_cap_count(p); i++) {
        ipart_cap_status c;
        if (ipart_partnership_cap_at(&c, p, i) != IPART_OK || !sees_cap(s, &c))
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "cap", c.cap);
        cJSON_AddStringToObject(o, "scope", c.scope);
        cJSON_AddStringToObject(o, "partner", c.partner);
        cJSON_AddStringToObject(o, "phase", c.phase);
        cJSON_AddStringToObject(o, "policy", c.policy);
        cJSON_AddStringToObject(o, "bites", c.bites);
        money_member(o, "amount", c.amount);
        money_member(o, "committed", c.committed);
        money_member(o, "paid", c.paid);
        money_member(o, "headroom", c.headroom);
        cJSON_AddItemToArray(caps, o);
    }
    return caps;
}

static cJSON *json_due(const ipart_partnership *p)
{
    ipart_due due;
    char date[11];
    if (ipart_partnership_next_due(&due, p) != IPART_OK)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "kind", due.kind);
    cJSON_AddStringToObject(o, "date", cli_date(date, due.date));
    cJSON_AddStringToObject(o, "event_type", due.event_type);
    return o;
}

int cli_status_json(FILE *f, const ipart_partnership *p, const char *party)
{
    scope s;
    int rc = open_scope(&s, p, party);
    if (rc != EXIT_VALID)
        return rc;
    char buf[512];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "title", title(p, buf, sizeof buf));
    cJSON_AddStringToObject(o, "profile", ipart_partnership_profile(p));
    cJSON_AddStringToObject(o, "stage", ipart_stage_name(ipart_partnership_stage(p)));
    cJSON_AddNumberToObject(o, "events", (double)ipart_partnership_event_count(p));
    if (party)
        cJSON_AddStringToObject(o, "as", party);
    if (restricted(&s)) {
        int visible = 0, withheld = 0;
        view_counts(&s, &visible, &withheld);
        cJSON_AddNumberToObject(o, "visible_events", visible);
        cJSON_AddNumberToObject(o, "withheld", withheld);
    }
    cJSON_AddItemToObject(o, "parties", json_parties(p, &s));
    cJSON_AddItemToObject(o, "caps", json_caps(p, &s));
    cJSON_AddItemToObject(o, "next_due", json_due(p));
    char *text = cJSON_Print(o);
    rc = text ? EXIT_VALID : EXIT_IO;
    if (text)
        fprintf(f, "%s\n", text);
    free(text);
    cJSON_Delete(o);
    close_scope(&s);
    return rc;
}

int cmd_status(const cli_options *o)
{
    if (o->arg_count != 1)
        return cli_usage_error("status", "FILE?");
    int rc = EXIT_VALID;
    ipart_partnership *p = cli_load(o->args[0], &rc);
    if (!p)
        return rc;
    rc = o->json ? cli_status_json(stdout, p, o->as) : cli_status_text(stdout, p, o->as);
    ipart_partnership_free(p);
    return rc;
}
