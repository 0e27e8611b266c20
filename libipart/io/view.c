/*
 * Who may use and who may see (include/ipart/rights.h): the rights queries
 * at a point of the log, and the party-scoped view of the document (R19,
 * R37).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "io/codec_p.h"
#include "io/json_p.h"
#include "ipart/rights.h"
#include "model/parties_p.h"
#include "model/programme_p.h"
#include "io/view_p.h"
#include "model/rights_p.h"

/* ---- rights ---------------------------------------------------------------------- */

/* Is `asset` ("op05.foreground") one of the operator `id`'s? */
static int asset_of(const char *asset, const char *id)
{
    size_t n = strlen(id);
    return strncmp(asset, id, n) == 0 && asset[n] == '.';
}

/* A scoped handle answers for its own party only, and an operator only
 * about its own assets (R19, R37: another partner's standing is its own). */
static ipart_status rights_in_scope(const ipart_partnership *p, const char *party,
                                    const char *asset)
{
    if (!p->scope)
        return IPART_OK;
    if (!ipart__scope_sees(p, party))
        return ipart__scope_refuse(p, "another party's rights");
    const ipart__party *viewer = p->scope->viewer;
    if (viewer->role == IPART_ROLE_OPERATOR && !asset_of(asset, viewer->id))
        return ipart__scope_refuse(p, "the rights to another partner's assets");
    return IPART_OK;
}

/* IPART_ERANGE: a point past the end of the log. */
static ipart_status past_the_log(const ipart_partnership *p, size_t event_count)
{
    return ipart__fail(IPART_ERANGE, "log.index", "the log has %zu events, not %zu",
                       p->log_count, event_count);
}

/* The answers after the first `event_count` events, from the state's
 * history (model/history_p.h): no replay. Their clauses are borrowed from
 * the terms of `p`. */
static ipart_status answers_at(ipart__answer out[IPART__RIGHT_COUNT], const ipart_partnership *p,
                               size_t event_count, const char *party, const char *asset)
{
    ipart_status allowed = rights_in_scope(p, party, asset);
    if (allowed != IPART_OK)
        return allowed;
    if (event_count > p->log_count)
        return past_the_log(p, event_count);
    return ipart__rights_compute(out, p, event_count, party, asset);
}

ipart_status ipart_partnership_rights_at(ipart_rights *out, const ipart_partnership *p,
                                         size_t event_count, const char *party,
                                         const char *asset)
{
    if (!out || !p || !party || !asset)
        return ipart__fail_null("ipart_partnership_rights_at", !out ? "out"
                                                               : !p ? "partnership"
                                                               : !party ? "party"
                                                                        : "asset");
    ipart__answer a[IPART__RIGHT_COUNT];
    ipart_status rc = answers_at(a, p, event_count, party, asset);
    if (rc != IPART_OK)
        return rc;
    *out = (ipart_rights){a[IPART__RIGHT_OWNS].yes, a[IPART__RIGHT_USE].yes,
                          a[IPART__RIGHT_MODIFY].yes, a[IPART__RIGHT_SUBLICENSE].yes,
                          a[IPART__RIGHT_COMMERCIALISE].yes};
    return IPART_OK;
}

ipart_status ipart_partnership_rights(ipart_rights *out, const ipart_partnership *p,
                                      const char *party, const char *asset)
{
    if (!p)
        return ipart__fail_null("ipart_partnership_rights", "partnership");
    return ipart_partnership_rights_at(out, p, p->log_count, party, asset);
}

struct ipart_rights_explanation {
    ipart__answer answers[IPART__RIGHT_COUNT];
    char *clauses; /* the answers' clauses, copied from the terms, each NUL-ended */
    char *party, *asset;
    size_t event_count;
};

void ipart_rights_explanation_free(ipart_rights_explanation *x)
{
    if (!x)
        return;
    ipart__free(x->clauses);
    ipart__free(x->party);
    ipart__free(x->asset);
    ipart__free(x);
}

/* Copy the answers' clauses into the explanation, so that it outlives the
 * partnership whose terms they were borrowed from. */
static ipart_status own_clauses(ipart_rights_explanation *x)
{
    size_t total = 0;
    for (size_t i = 0; i < IPART__RIGHT_COUNT; i++)
        total += strlen(x->answers[i].clause) + 1;
    if (!(x->clauses = ipart__malloc(total)))
        return ipart__fail_nomem();
    char *at = x->clauses;
    for (size_t i = 0; i < IPART__RIGHT_COUNT; i++) {
        size_t n = strlen(x->answers[i].clause) + 1;
        memcpy(at, x->answers[i].clause, n);
        x->answers[i].clause = at;
        at += n;
    }
    return IPART_OK;
}

ipart_status ipart_partnership_rights_explain(ipart_rights_explanation **out,
                                              const ipart_partnership *p, size_t event_count,
                                              const char *party, const char *asset)
{
    if (!out || !p || !party || !asset)
        return ipart__fail_null("ipart_partnership_rights_explain", !out ? "out"
                                                                    : !p ? "partnership"
                                                                    : !party ? "party"
                                                                             : "asset");
    ipart_rights_explanation *x = ipart__calloc(1, sizeof *x);
    if (!x)
        return ipart__fail_nomem();
    x->event_count = event_count;
    ipart_status rc = answers_at(x->answers, p, event_count, party, asset);
    if (rc == IPART_OK)
        rc = own_clauses(x);
    if (rc == IPART_OK &&
        (!(x->party = ipart__strdup(party)) || !(x->asset = ipart__strdup(asset))))
        rc = ipart__fail_nomem();
    if (rc != IPART_OK) {
        ipart_rights_explanation_free(x);
        return rc;
    }
    *out = x;
    return IPART_OK;
}

const char *ipart_rights_explanation_party(const ipart_rights_explanation *x)
{
    return x ? x->party : "";
}

const char *ipart_rights_explanation_asset(const ipart_rights_explanation *x)
{
    return x ? x->asset : "";
}

size_t ipart_rights_explanation_event_count(const ipart_rights_explanation *x)
{
    return x ? x->event_count : 0;
}

size_t ipart_rights_explanation_count(const ipart_rights_explanation *x)
{
    return x ? IPART__RIGHT_COUNT : 0;
}

ipart_status ipart_rights_explanation_at(ipart_right_answer *out,
                                         const ipart_rights_explanation *x, size_t index)
{
    if (!out || !x)
        return ipart__fail_null("ipart_rights_explanation_at", !out ? "out" : "explanation");
    if (index >= IPART__RIGHT_COUNT)
        return ipart__fail(IPART_ENOTFOUND, "rights.index", "no right %zu: there are %d", index,
                           IPART__RIGHT_COUNT);
    const ipart__answer *a = &x->answers[index];
    *out = (ipart_right_answer){ipart__right_names[index], a->yes, a->clause, a->rule,
                                a->reason.in[IPART__EN]};
    return IPART_OK;
}

const char *ipart_rights_explanation_reason(const ipart_rights_explanation *x, size_t index,
                                            const char *lang)
{
    if (!x || index >= IPART__RIGHT_COUNT)
        return "";
    return x->answers[index].reason.in[ipart__lang_index(lang)];
}

/* ---- the party-scoped view ------------------------------------------------------- */

typedef enum { VIS_PUBLIC, VIS_SUBJECT, VIS_LISTED } visibility;

/* Who an event belongs to: everyone (public), its subject (the operator it
 * is about, or its sender), or each operator a list of it names. */
static visibility visibility_of(ipart__event_type t, const char **field)
{
    switch (t) {
    case IPART__EV_PARTICIPATION_REQUESTED:
    case IPART__EV_TENDER_SUBMITTED:
    case IPART__EV_CONSENT_GIVEN:
    case IPART__EV_NOTE_RECORDED:
        *field = "actor";
        return VIS_SUBJECT;
    case IPART__EV_CANDIDATE_ASSESSED:
        *field = "candidate";
        return VIS_SUBJECT;
    case IPART__EV_NEGOTIATION_HELD:
        *field = "tenderer";
        return VIS_SUBJECT;
    case IPART__EV_CONTRACT_SIGNED:
    case IPART__EV_PHASE_STARTED:
    case IPART__EV_MILESTONE_ASSESSED:
    case IPART__EV_INSTALMENT_PAID:
    case IPART__EV_CONTRACT_CHANGED:
    case IPART__EV_PHASE_GATE_DECIDED:
    case IPART__EV_SOLUTION_ACCEPTED:
    case IPART__EV_OPTION_EXERCISED:
    case IPART__EV_OPTION_LAPSED:
    case IPART__EV_CALL_BACK_EXERCISED:
    case IPART__EV_ADOPTION_RECORDED:
        *field = "partner";
        return VIS_SUBJECT;
    case IPART__EV_CANDIDATES_INVITED:
        *field = "candidates";
        return VIS_LISTED;
    case IPART__EV_TENDERS_REDUCED:
        *field = "eliminated";
        return VIS_LISTED;
    case IPART__EV_TENDERS_EVALUATED:
        *field = "scores";
        return VIS_LISTED;
    case IPART__EV_DIALOGUE_ACTIVITY_HELD:
        *field = "supplier"; /* one-to-one meetings and written inputs: emit_dialogue */
        return VIS_SUBJECT;
    default:
        *field = NULL;
        return VIS_PUBLIC;
    }
}

static const char *string_member(const cJSON *o, const char *name)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(m) ? m->valuestring : NULL;
}

/* One consent to `party`: the item (event index) and its field, or NULL for the whole event. */
typedef struct consent {
    size_t event;
    char *field;
} consent;

typedef struct view {
    const ipart_partnership *p;
    size_t count; /* the point of the log: the view of its first `count` events */
    const ipart__party *who;
    const char *party; /* who->id, or its consortium's (R52) */
    consent *consents;
    size_t consent_count;
    ipart__strbuf b;
    ipart__scope *record; /* when set, the view is recorded here instead of written to b */
    size_t withheld;
    int counting; /* only `withheld` is asked for: nothing is written */
    int failed;   /* cJSON ran out of memory */
} view;

/* May the party see an item of the operator `subject`, as it stood at the
 * view's point of the log (ipart__may_see_at: its role then, the parties
 * then)? */
static int sees(const view *v, const char *subject)
{
    return ipart__may_see_at(v->p, v->who, subject, v->count);
}

/* May the party see the item of the operator a member names? */
static int sees_member(const view *v, const cJSON *o, const char *name)
{
    return sees(v, string_member(o, name));
}

/* May the party see an entry of a listed event's list (an id, or a score)? */
static int sees_entry(const view *v, const cJSON *entry)
{
    return cJSON_IsString(entry) ? sees(v, entry->valuestring)
                                 : sees_member(v, entry, "tenderer");
}

static int recipient(const cJSON *ev, const char *party)
{
    const cJSON *r;
    cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(ev, "recipients"))
        if (cJSON_IsString(r) && strcmp(r->valuestring, party) == 0)
            return 1;
    return 0;
}

/* The consents given to the party up to the view's point, in log order. */
static ipart_status collect_consents(view *v)
{
    const ipart_partnership *p = v->p;
    for (size_t i = 0; i < v->count; i++) {
        if (p->log[i].type != IPART__EV_CONSENT_GIVEN)
            continue;
        cJSON *ev = cJSON_ParseWithLength(p->log[i].json, p->log[i].length);
        if (!ev)
            return ipart__fail_nomem(); /* the log is canonical JSON: only memory fails */
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(ev, "item");
        const cJSON *at = cJSON_GetObjectItemCaseSensitive(item, "event");
        const char *field = string_member(item, "field");
        ipart_status rc = IPART_OK;
        if (recipient(ev, v->party) && cJSON_IsNumber(at)) {
            consent *grown = ipart__realloc(v->consents, (v->consent_count + 1) * sizeof *grown);
            char *copy = field ? ipart__strdup(field) : NULL;
            if (grown)
                v->consents = grown;
            if (!grown || (field && !copy)) {
                ipart__free(copy);
                rc = ipart__fail_nomem();
            } else {
                v->consents[v->consent_count++] = (consent){(size_t)at->valuedouble, copy};
            }
        }
        cJSON_Delete(ev);
        if (rc != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

/* Copy the member at a dotted path ("tender.proposal") of `from` into `to`. */
static int copy_path(cJSON *to, const cJSON *from, const char *path)
{
    const char *dot = strchr(path, '.');
    char name[128];
    size_t n = dot ? (size_t)(dot - path) : strlen(path);
    if (n >= sizeof name)
        return 1; /* no such member: nothing to copy */
    memcpy(name, path, n);
    name[n] = '\0';
    const cJSON *member = cJSON_GetObjectItemCaseSensitive(from, name);
    if (!member)
        return 1;
    if (!dot) {
        return ipart__json_add(to, name, cJSON_Duplicate(member, 1));
    }
    if (!cJSON_IsObject(member))
        return 1;
    cJSON *inner = cJSON_GetObjectItemCaseSensitive(to, name);
    if (!inner && !(inner = cJSON_AddObjectToObject(to, name)))
        return 0;
    return copy_path(inner, member, dot + 1);
}

/* Record how the party sees event `index` in a scope. */
static void record(view *v, size_t index, int partial, const char *json, size_t length)
{
    v->record->seen[index] = partial ? IPART__SEEN_PART : IPART__SEEN_WHOLE;
    if (partial && !(v->record->part[index] = ipart__strndup(json, length)))
        v->failed = 1;
}

static void emit(view *v, size_t index, int partial, const char *json, size_t length)
{
    if (v->record) {
        record(v, index, partial, json, length);
        return;
    }
    if (v->counting)
        return;
    if (v->b.data && v->b.data[v->b.len - 1] != '[')
        ipart__strbuf_putc(&v->b, ',');
    ipart__strbuf_puts(&v->b, "\n{\"index\":");
    ipart__strbuf_int(&v->b, (int64_t)index);
    ipart__strbuf_puts(&v->b, partial ? ",\"partial\":true,\"event\":"
                                      : ",\"partial\":false,\"event\":");
    ipart__strbuf_append(&v->b, json, length);
    ipart__strbuf_putc(&v->b, '}');
}

static void emit_object(view *v, size_t index, const cJSON *o)
{
    char *text = o ? cJSON_PrintUnformatted(o) : NULL;
    if (!text) {
        v->failed = 1;
        return;
    }
    emit(v, index, 1, text, strlen(text));
    cJSON_free(text);
}

/* Only the party's entries of a listed event; nothing when it has none. */
static void emit_listed(view *v, size_t index, cJSON *ev, const char *field)
{
    cJSON *list = cJSON_GetObjectItemCaseSensitive(ev, field);
    size_t kept = 0, total = 0;
    for (cJSON *e = list ? list->child : NULL, *next; e; e = next) {
        next = e->next;
        total++;
        if (sees_entry(v, e))
            kept++;
        else
            cJSON_Delete(cJSON_DetachItemViaPointer(list, e));
    }
    if (!kept) {
        v->withheld++;
        return;
    }
    if (kept == total)
        emit(v, index, 0, v->p->log[index].json, v->p->log[index].length);
    else
        emit_object(v, index, ev);
}

/* Does the party hold a consent to event `index` (whole or a field)? */
static int consented_to(const view *v, size_t index)
{
    for (size_t i = 0; i < v->consent_count; i++)
        if (v->consents[i].event == index)
            return 1;
    return 0;
}

/* Another operator's event: what it consented to show the party. */
static void emit_consented(view *v, size_t index, const cJSON *ev)
{
    int whole = 0;
    for (size_t i = 0; i < v->consent_count; i++)
        whole |= v->consents[i].event == index && v->consents[i].field == NULL;
    if (!consented_to(v, index)) {
        v->withheld++;
        return;
    }
    if (whole) {
        emit(v, index, 0, v->p->log[index].json, v->p->log[index].length);
        return;
    }
    cJSON *shown = cJSON_CreateObject();
    static const char *const header[] = {"type", "date", "actor"};
    int ok = shown != NULL;
    for (size_t h = 0; ok && h < 3; h++)
        ok = copy_path(shown, ev, header[h]);
    for (size_t i = 0; ok && i < v->consent_count; i++)
        if (v->consents[i].event == index)
            ok = copy_path(shown, ev, v->consents[i].field);
    if (ok)
        emit_object(v, index, shown);
    else
        v->failed = 1;
    cJSON_Delete(shown);
}

/* Was the information item shared with all (dialogue_information_shared)
 * before the view's point? */
static int shared_by_then(const view *v, const char *id)
{
    const ev_information *item = ipart__information_find(v->p, id, NULL);
    return item && item->shared && item->shared < v->count;
}

/* A supplier's one-to-one meeting or written input (R50): the whole event
 * for that supplier; for everyone else only the information items shared
 * with all since (dialogue_information_shared), else nothing. */
static void emit_dialogue(view *v, size_t index, cJSON *ev)
{
    const cJSON *supplier = cJSON_GetObjectItemCaseSensitive(ev, "supplier");
    if (!supplier || sees_member(v, supplier, "id")) {
        emit(v, index, 0, v->p->log[index].json, v->p->log[index].length);
        return;
    }
    cJSON *info = cJSON_GetObjectItemCaseSensitive(ev, "information");
    for (cJSON *i = info ? info->child : NULL, *next; i; i = next) {
        next = i->next;
        const char *id = string_member(i, "id");
        if (!id || !shared_by_then(v, id))
            cJSON_Delete(cJSON_DetachItemViaPointer(info, i));
    }
    if (!info || !info->child) {
        v->withheld++;
        return;
    }
    static const char *const shown_keys[] = {"type", "date", "actor", "activity", "kind",
                                             "information"};
    cJSON *shown = cJSON_CreateObject();
    int ok = shown != NULL;
    for (size_t k = 0; ok && k < sizeof shown_keys / sizeof shown_keys[0]; k++)
        ok = copy_path(shown, ev, shown_keys[k]);
    if (ok)
        emit_object(v, index, shown);
    else
        v->failed = 1;
    cJSON_Delete(shown);
}

/* The text of a JSON string that starts at `at`, into `out`; 0 when it is
 * none, holds an escape or is longer than `size` - 1. */
static int plain_string(char *out, size_t size, const char *at, const char *end)
{
    if (at >= end || *at != '"')
        return 0;
    const char *close = memchr(at + 1, '"', (size_t)(end - at - 1));
    size_t n = close ? (size_t)(close - at - 1) : 0;
    if (!close || n >= size || memchr(at + 1, '\\', n))
        return 0;
    memcpy(out, at + 1, n);
    out[n] = '\0';
    return 1;
}

/* The string value of the top-level member `name` of a log entry's
 * canonical text (one object without whitespace: a key is a string that a
 * ':' follows), into `out`; 0 when it is absent or not a plain string
 * (plain_string()): the caller then reads the parsed event. */
static int top_level_string(char *out, size_t size, const ipart__log_entry *e, const char *name)
{
    const char *json = e->json;
    size_t n = strlen(name), depth = 0;
    for (size_t i = 0; i < e->length; i++) {
        if (json[i] == '{' || json[i] == '[') {
            depth++;
        } else if (json[i] == '}' || json[i] == ']') {
            depth--;
        } else if (json[i] == '"') {
            size_t start = ++i;
            while (i < e->length && json[i] != '"')
                i += json[i] == '\\' ? 2 : 1;
            if (i + 1 >= e->length)
                return 0;
            if (depth == 1 && json[i + 1] == ':' && i - start == n &&
                memcmp(json + start, name, n) == 0)
                return plain_string(out, size, json + i + 2, json + e->length);
        }
    }
    return 0;
}

/* An event of one operator (its subject), decided on its subject without
 * parsing it: emitted whole when the party may see the subject, withheld
 * when it may not and holds no consent to it. 0 when it needs the parsed
 * event: a consent to read, or a subject that is not a plain string. */
static int view_by_subject(view *v, size_t index, const char *field)
{
    const ipart__log_entry *e = &v->p->log[index];
    char subject[256];
    if (!top_level_string(subject, sizeof subject, e, field))
        return 0;
    if (sees(v, subject)) {
        emit(v, index, 0, e->json, e->length);
        return 1;
    }
    if (consented_to(v, index))
        return 0;
    v->withheld++;
    return 1;
}

static void view_event(view *v, size_t index)
{
    const ipart__log_entry *e = &v->p->log[index];
    const char *field = NULL;
    visibility vis = visibility_of(e->type, &field);
    int own = e->actor && sees(v, e->actor->id);
    if (vis == VIS_PUBLIC || own) {
        emit(v, index, 0, e->json, e->length);
        return;
    }
    if (vis == VIS_SUBJECT && e->type != IPART__EV_DIALOGUE_ACTIVITY_HELD &&
        e->type != IPART__EV_CONSENT_GIVEN && view_by_subject(v, index, field))
        return;
    cJSON *ev = cJSON_ParseWithLength(e->json, e->length);
    if (!ev) {
        v->failed = 1;
        return;
    }
    if (e->type == IPART__EV_DIALOGUE_ACTIVITY_HELD)
        emit_dialogue(v, index, ev);
    else if (vis == VIS_LISTED)
        emit_listed(v, index, ev, field);
    else if (sees_member(v, ev, field) ||
             (e->type == IPART__EV_CONSENT_GIVEN && recipient(ev, v->party)))
        emit(v, index, 0, e->json, e->length);
    else
        emit_consented(v, index, ev);
    cJSON_Delete(ev);
}

/* Every event up to the view's point as v->who saw it then, through emit(). */
static ipart_status walk(view *v)
{
    const ipart_partnership *p = v->p;
    ipart_status rc = collect_consents(v);
    int all = sees(v, NULL); /* the contracting authority holds the whole log */
    for (size_t i = 0; rc == IPART_OK && !v->failed && i < v->count; i++) {
        if (all)
            emit(v, i, 0, p->log[i].json, p->log[i].length);
        else
            view_event(v, i);
    }
    for (size_t i = 0; i < v->consent_count; i++)
        ipart__free(v->consents[i].field);
    ipart__free(v->consents);
    if (rc == IPART_OK && v->failed)
        rc = ipart__fail_nomem();
    return rc;
}

/* The view of `who` after the first `count` events; a consortium's member
 * is sent what is sent to its consortium (R52). */
static view view_of(const ipart_partnership *p, size_t count, const ipart__party *who,
                    ipart__scope *record)
{
    const char *party = ipart__party_seen_as(p, who)->id;
    return (view){p, count, who, party, NULL, 0, IPART__STRBUF_INIT, record, 0, 0, 0};
}

ipart_status ipart__view_record(ipart__scope *scope, const ipart_partnership *p,
                                const ipart__party *who)
{
    view v = view_of(p, p->log_count, who, scope);
    return walk(&v);
}

/* The view of `party` after the first `event_count` events into v->b
 * (unless `counting`), counting what it withholds; the buffer is freed on
 * failure. The party
 * and the audience are taken as they were then: a party that did not
 * exist yet is unknown, and a scoped handle gives the views its party
 * could see then only. */
static ipart_status build_view(view *v, const ipart_partnership *p, size_t event_count,
                               const char *party, int counting, const char *function)
{
    if (!p || !party)
        return ipart__fail_null(function, !p ? "partnership" : "party");
    if (event_count > p->log_count)
        return past_the_log(p, event_count);
    const ipart__party *who = ipart__party_find_at(p, party, event_count);
    if (!who)
        return ipart__fail(IPART_ENOTFOUND, "party.unknown", "no party '%s'", party);
    if (!ipart__scope_sees_at(p, who->id, event_count))
        return ipart__scope_refuse(p, "another party's view");
    *v = view_of(p, event_count, who, NULL);
    if ((v->counting = counting))
        return walk(v);
    ipart__strbuf_puts(&v->b, "{\"format\":\"ipart-view\",\"version\":1,\"profile\":");
    ipart__strbuf_json_string(&v->b, p->profile->code);
    ipart__strbuf_puts(&v->b, ",\"party\":");
    ipart__strbuf_json_string(&v->b, who->id);
    ipart__strbuf_puts(&v->b, ",\"events\":[");
    ipart_status rc = walk(v);
    ipart__strbuf_printf(&v->b, "\n],\"withheld\":%zu}\n", v->withheld);
    if (rc != IPART_OK)
        ipart__strbuf_free(&v->b);
    return rc;
}

/* The view's text (view_json) or its withheld count (view_withheld), for
 * `function`. */
static ipart_status view_text(char **out, const ipart_partnership *p, size_t event_count,
                              const char *party, const char *function)
{
    if (!out)
        return ipart__fail_null(function, "out");
    view v;
    ipart_status rc = build_view(&v, p, event_count, party, 0, function);
    if (rc != IPART_OK)
        return rc;
    return ipart__strbuf_finish(&v.b, out);
}

static ipart_status view_withheld(size_t *out, const ipart_partnership *p, size_t event_count,
                                  const char *party, const char *function)
{
    if (!out)
        return ipart__fail_null(function, "out");
    view v;
    ipart_status rc = build_view(&v, p, event_count, party, 1, function);
    if (rc != IPART_OK)
        return rc;
    *out = v.withheld;
    return IPART_OK;
}

/* The whole log's view is the view at its end. */
static size_t log_end(const ipart_partnership *p)
{
    return p ? p->log_count : 0;
}

ipart_status ipart_partnership_view_at_json(char **out, const ipart_partnership *p,
                                           size_t event_count, const char *party)
{
    return view_text(out, p, event_count, party, "ipart_partnership_view_at_json");
}

ipart_status ipart_partnership_view_json(char **out, const ipart_partnership *p, const char *party)
{
    return view_text(out, p, log_end(p), party, "ipart_partnership_view_json");
}

ipart_status ipart_partnership_view_withheld_at(size_t *out, const ipart_partnership *p,
                                                size_t event_count, const char *party)
{
    return view_withheld(out, p, event_count, party, "ipart_partnership_view_withheld_at");
}

ipart_status ipart_partnership_view_withheld(size_t *out, const ipart_partnership *p,
                                             const char *party)
{
    return view_withheld(out, p, log_end(p), party, "ipart_partnership_view_withheld");
}
