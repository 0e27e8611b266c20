/*
 * The partnership: lifecycle, parties, and the apply machinery
 * (check -> prepare -> commit -> append; see partnership_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "model/event_spec_p.h"
#include "model/guard_p.h"
#include "model/joint_p.h"
#include "model/parties_p.h"
#include "model/partnership_p.h"
#include "model/programme_p.h"

static const char *const stage_names[] = {
#define IPART__STAGE_NAME(name, value, json, text) [value] = json,
    IPART_STAGE_MAP(IPART__STAGE_NAME)
#undef IPART__STAGE_NAME
};

const char *ipart_stage_name(ipart_stage stage)
{
    if ((int)stage < 0 || (size_t)stage >= sizeof stage_names / sizeof stage_names[0])
        return "unknown";
    return stage_names[stage];
}

const char *ipart_role_name(ipart_role role)
{
    switch (role) {
#define IPART__ROLE_CASE(name, value, json, text) case IPART_ROLE_##name: return json;
    IPART_ROLE_MAP(IPART__ROLE_CASE)
#undef IPART__ROLE_CASE
    }
    return "unknown";
}

/* The event types' JSON names with their lengths, in ipart__event_type order:
 * the one table of names (the builder's, the decoders' and the log's). */
static const struct {
    const char *text;
    size_t length;
} type_names[] = {
#define IPART__EV_NAME_LENGTH(name, text, ...) {text, sizeof text - 1},
    IPART__EVENT_TYPES(IPART__EV_NAME_LENGTH)
#undef IPART__EV_NAME_LENGTH
};

const char *ipart__event_type_name(ipart__event_type type)
{
    if ((int)type < 0 || type >= IPART__EV_COUNT)
        return NULL;
    return type_names[type].text;
}

/* ---- the type of a name: a hash of its length and end bytes ---------------- */

/* Slots of the name hash (a power of two, over three times the types, room
 * for twice today's 41): each holds a type + 1, or 0 where the probe for a
 * name stops. */
enum { TYPE_SLOTS = 256 };

static unsigned type_slot(const char *name, size_t length)
{
    unsigned char first = (unsigned char)name[0], last = (unsigned char)name[length - 1];
    return (unsigned)(length * 31u + first * 7u + last) & (TYPE_SLOTS - 1);
}

/* The hash, filled on first use. Any thread may fill it: each computes the
 * same slots on its own, then stores them one by one (relaxed: identical
 * values), and publishes them with `type_slots_ready` (release/acquire). */
static _Atomic unsigned char type_slots[TYPE_SLOTS];
static atomic_bool type_slots_ready;

static void fill_type_slots(void)
{
    _Static_assert(IPART__EV_COUNT < 255 && IPART__EV_COUNT * 3 < TYPE_SLOTS,
                   "more event types than the name hash has room for: double TYPE_SLOTS");
    unsigned char slots[TYPE_SLOTS] = {0};
    for (int t = 0; t < IPART__EV_COUNT; t++) {
        unsigned at = type_slot(type_names[t].text, type_names[t].length);
        while (slots[at])
            at = (at + 1) & (TYPE_SLOTS - 1);
        slots[at] = (unsigned char)(t + 1);
    }
    for (unsigned at = 0; at < TYPE_SLOTS; at++)
        atomic_store_explicit(&type_slots[at], slots[at], memory_order_relaxed);
    atomic_store_explicit(&type_slots_ready, true, memory_order_release);
}

ipart__event_type ipart__event_type_of(const char *name)
{
    size_t length = name ? strlen(name) : 0;
    if (length == 0)
        return IPART__EV_COUNT;
    if (!atomic_load_explicit(&type_slots_ready, memory_order_acquire))
        fill_type_slots();
    for (unsigned at = type_slot(name, length);; at = (at + 1) & (TYPE_SLOTS - 1)) {
        unsigned slot = atomic_load_explicit(&type_slots[at], memory_order_relaxed);
        if (slot == 0)
            return IPART__EV_COUNT;
        if (type_names[slot - 1].length == length &&
            memcmp(type_names[slot - 1].text, name, length) == 0)
            return (ipart__event_type)(slot - 1);
    }
}

ipart__sender ipart__event_sender(ipart__event_type type)
{
    static const ipart__sender senders[] = {
#define IPART__EV_SENDER(name, text, sender, ...) IPART__SENDER_##sender,
        IPART__EVENT_TYPES(IPART__EV_SENDER)
#undef IPART__EV_SENDER
    };
    if ((int)type < 0 || type >= IPART__EV_COUNT)
        return IPART__SENDER_ANYONE;
    return senders[type];
}

#define IPART__EV_HANDLER(name, text, sender, handler, body) \
    [IPART__EV_##name] = &ipart__##handler##_handler,
const ipart__handler *const ipart__handlers[IPART__EV_COUNT] = {
    IPART__EVENT_TYPES(IPART__EV_HANDLER)};
#undef IPART__EV_HANDLER

/* ---- lifecycle -------------------------------------------------------------- */

ipart_status ipart_partnership_new(ipart_partnership **out, const char *profile)
{
    if (!out)
        return ipart__fail_null("ipart_partnership_new", "out");
    const ipart__profile *prof = ipart__profile_get(profile);
    if (!prof)
        return ipart_error_last()->code;
    ipart_partnership *p = ipart__calloc(1, sizeof *p);
    if (!p)
        return ipart__fail_nomem();
    p->profile = prof;
    p->stage = IPART_STAGE_NEED_IDENTIFICATION;
    p->by_id = (ipart__index)IPART__INDEX_INIT(offsetof(ipart__party, id));
    *out = p;
    return IPART_OK;
}

ipart__party *ipart__party_alloc(const char *id, const char *name)
{
    size_t id_size = strlen(id) + 1, name_size = strlen(name) + 1;
    ipart__party *party = ipart__malloc(sizeof *party + id_size + name_size);
    if (!party)
        return NULL;
    memset(party, 0, sizeof *party);
    party->id = memcpy((char *)(party + 1), id, id_size);
    party->name = memcpy(party->id + id_size, name, name_size);
    return party;
}

static void party_free(ipart__party *party)
{
    ipart__free(party->contract);
    ipart__free(party); /* its id and name with it */
}

void ipart__ranking_free(ipart__ranking *r)
{
    if (!r)
        return;
    ipart__free(r->points);
    ipart__free(r->entries);
    ipart__free(r);
}

void ipart_partnership_free(ipart_partnership *p)
{
    if (!p)
        return;
    ipart__arena_free(&p->log_texts);
    ipart__free(p->log);
    ipart__strbuf_free(&p->encoding);
    ipart__arena_free(&p->decoding);
    ipart__index_free(&p->by_id);
    for (size_t i = 0; i < p->party_count; i++)
        party_free(p->parties[i]);
    ipart__free(p->parties);
    ipart__arena_free(&p->terms_arena);
    ipart__history_free(p);
    ipart__kept_free(p);
    ipart__ranking_free(p->ranking);
    for (size_t i = 0; i < p->warning_count; i++)
        ipart__free(p->warnings[i].message);
    ipart__free(p->warnings);
    ipart__scope_free(p->scope);
    ipart__free(p);
}

/* ---- parties -------------------------------------------------------------------- */

ipart__party *ipart__party_find(const ipart_partnership *p, const char *id)
{
    return ipart__index_find(&p->by_id, id);
}

static int reserve(void **items, size_t *capacity, size_t needed, size_t size)
{
    if (needed <= *capacity)
        return 1;
    size_t cap = *capacity ? *capacity * 2 : 16;
    while (cap < needed)
        cap *= 2;
    void *grown = ipart__realloc(*items, cap * size);
    if (!grown)
        return 0;
    *items = grown;
    *capacity = cap;
    return 1;
}

int ipart__reserve(void **items, size_t *capacity, size_t needed, size_t size)
{
    return reserve(items, capacity, needed, size);
}

ipart_status ipart__party_create(ipart__party **out, ipart_partnership *p, const ev_party *src,
                                 ipart_role role, size_t offset)
{
    if (!reserve((void **)&p->parties, &p->party_capacity, p->party_count + offset + 1,
                 sizeof *p->parties))
        return ipart__fail_nomem();
    ipart__party *party = ipart__party_alloc(src->id, src->name);
    if (!party)
        return ipart__fail_nomem();
    party->role = role;
    party->kind = src->kind;
    const ipart__party *parent = src->parent ? ipart__party_find(p, src->parent) : NULL;
    party->parent = parent ? (long)parent->index : -1;
    party->index = p->party_count + offset;
    party->since = p->log_count; /* it exists after the event that creates it */
    if (!ipart__index_add(&p->by_id, party)) {
        party_free(party);
        return ipart__fail_nomem();
    }
    *out = party;
    return IPART_OK;
}

ipart_status ipart__party_prepare(ipart_partnership *p, const ev_party *src, ipart_role role,
                                  ipart__prepared *pr)
{
    return ipart__party_create(&pr->new_party, p, src, role, 0);
}

void ipart__party_discard(ipart_partnership *p, ipart__party *party)
{
    ipart__index_remove(&p->by_id, party);
    party_free(party);
}

/* ---- warnings ------------------------------------------------------------------------ */

const char *ipart__warning_nb(const ipart__warning *w)
{
    return w->message + strlen(w->message) + 1;
}

char *ipart__warning_texts_dup(const char *en, const char *nb)
{
    size_t n_en = strlen(en) + 1, n_nb = strlen(nb) + 1;
    char *both = ipart__malloc(n_en + n_nb);
    if (both) {
        memcpy(both, en, n_en);
        memcpy(both + n_en, nb, n_nb);
    }
    return both;
}

ipart_status ipart__warn_text(ipart_partnership *p, ipart__prepared *pr, const char *rule,
                              const char *key, const ipart__text *message)
{
    if (pr->warning_count == IPART__MAX_WARNINGS_PER_EVENT)
        return IPART_OK; /* the first ones tell the story; more would repeat it */
    if (!reserve((void **)&p->warnings, &p->warning_capacity,
                 p->warning_count + pr->warning_count + 1, sizeof *p->warnings))
        return ipart__fail_nomem();
    ipart__warning *w = &pr->warnings[pr->warning_count];
    if (!(w->message = ipart__warning_texts_dup(message->in[IPART__EN], message->in[IPART__NB])))
        return ipart__fail_nomem();
    snprintf(w->rule, sizeof w->rule, "%s", rule);
    snprintf(w->key, sizeof w->key, "%s", key);
    pr->warning_count++;
    return IPART_OK;
}

ipart_status ipart__warn(ipart_partnership *p, ipart__prepared *pr, const char *rule,
                         const char *key, const char *fmt, ...)
{
    ipart__text message;
    IPART__TEXT_OF_ARGS(message, key, fmt);
    return ipart__warn_text(p, pr, rule, key, &message);
}

/* ---- apply -------------------------------------------------------------------------- */

/* The plausible window of event dates (doc/events.md "Dates"). */
#define IPART__EARLIEST_YEAR 2000
#define IPART__LATEST_YEAR 2199
#define IPART__MAX_GAP_YEARS 30

static ipart_status implausible(const char *path, ipart_date d, const char *why)
{
    char at[256];
    snprintf(at, sizeof at, "%s.date", path);
    ipart_status rc = ipart__fail(IPART_ERANGE, "event.date.implausible",
                                  "%s: %04d-%02d-%02d is %s", at, d.year, d.month, d.day, why);
    ipart__error_set_path(at);
    return rc;
}

ipart_status ipart__date_plausible(const ipart_partnership *p, ipart_date d, const char *path)
{
    if (d.year < IPART__EARLIEST_YEAR)
        return implausible(path, d, "before 2000-01-01, the earliest date an event may carry");
    if (d.year > IPART__LATEST_YEAR)
        return implausible(path, d, "after 2199-12-31, the latest date an event may carry");
    ipart_date last = p->last_date, limit = {last.year + IPART__MAX_GAP_YEARS, last.month, last.day};
    if (p->log_count && ipart__before(limit, d)) {
        char why[160];
        snprintf(why, sizeof why,
                 "more than 30 years after the previous event (%04d-%02d-%02d): at most "
                 "%04d-%02d-%02d",
                 last.year, last.month, last.day, limit.year, limit.month, limit.day);
        return implausible(path, d, why);
    }
    return IPART_OK;
}

/* ipart__may_apply for the event's sender as looked up: `actor` is the party
 * named by ev->actor, or NULL; `path` is the event's ("$", "$.events[7]"). */
static ipart_status may_apply_from(const ipart_partnership *p, const ipart__event *ev,
                                   const ipart__party *actor, const char *path)
{
    if (p->log_count) {
        if (ipart__before(ev->date, p->last_date))
            return ipart__fail(IPART_ESTATE, "event.date.backwards",
                               "the event is dated %04d-%02d-%02d, before the previous event "
                               "(%04d-%02d-%02d): the log is in date order",
                               ev->date.year, ev->date.month, ev->date.day, p->last_date.year,
                               p->last_date.month, p->last_date.day);
    } else if (ev->type != IPART__EV_PARTNERSHIP_CREATED) {
        return ipart__fail(IPART_ESTATE, "event.first",
                           "the first event must be 'partnership_created', not '%s'",
                           ipart__event_type_name(ev->type));
    }
    if (p->stage == IPART_STAGE_CANCELLED && ev->type != IPART__EV_NOTE_RECORDED)
        return ipart__fail(IPART_ESTATE, "event.stage",
                           "'%s' is not possible in stage 'cancelled'",
                           ipart__event_type_name(ev->type));
    if (actor && actor->succeeded && !ipart__before(ev->date, actor->succeeded_from))
        return ipart__fail(IPART_EPERM, "event.actor.succeeded",
                           "'%s' was taken over by its successor from %04d-%02d-%02d "
                           "(authority_succeeded) and sends nothing from then on",
                           ev->actor, actor->succeeded_from.year, actor->succeeded_from.month,
                           actor->succeeded_from.day);
    ipart_status rc = ipart__acting_as(&actor, p, actor, path);
    if (rc == IPART_OK)
        rc = ipart__joint_may(p, actor, ev->type, path);
    return rc != IPART_OK ? rc
                          : ipart__handlers[ev->type]->may_send(p, actor,
                                                                actor ? actor->id : ev->actor);
}

ipart_status ipart__may_apply(const ipart_partnership *p, const ipart__event *ev)
{
    return may_apply_from(p, ev, ipart__party_find(p, ev->actor), "$");
}

static void undo(ipart_partnership *p, ipart__prepared *pr)
{
    for (size_t i = 0; i < pr->contract_count; i++)
        ipart__free(pr->contracts[i]);
    for (size_t i = 0; i < pr->warning_count; i++)
        ipart__free(pr->warnings[i].message);
    if (pr->new_party)
        ipart__party_discard(p, pr->new_party);
    for (size_t i = 0; i < pr->member_count; i++)
        ipart__party_discard(p, pr->members[i]);
    ipart__ranking_free(pr->ranking);
}

/* Everything that can fail, after every guard passed. The log keeps the
 * event as sent (`logged`); the handlers see it from the party it acts as. */
static ipart_status prepare(ipart_partnership *p, const ipart__event *logged,
                            const ipart__event *ev, ipart__prepared *pr)
{
    /* Encoded in the partnership's scratch buffer, which keeps its size; the
     * commit copies it at its length after the texts before it, in room
     * reserved now (no allocation per event, nothing to undo). */
    ipart__strbuf *b = &p->encoding;
    b->len = 0;
    ipart__event_encode(b, logged);
    ipart_status rc = IPART_OK;
    if (b->oom) {
        ipart__strbuf_free(b);
        rc = ipart__fail_nomem();
    } else if (!ipart__arena_reserve(&p->log_texts, b->len + 1) ||
               !reserve((void **)&p->log, &p->log_capacity, p->log_count + 1, sizeof *p->log))
        rc = ipart__fail_nomem();
    if (rc == IPART_OK)
        rc = ipart__history_reserve(p, ev);
    if (rc == IPART_OK && ipart__handlers[ev->type]->prepare)
        rc = ipart__handlers[ev->type]->prepare(p, ev, pr);
    return rc;
}

static void commit(ipart_partnership *p, const ipart__event *logged, const ipart__event *ev,
                   const ipart__party *sender, ipart__prepared *pr)
{
    ipart__handlers[ev->type]->commit(p, ev, pr);
    ipart__joint_commit(p, ev);
    if (pr->new_party)
        p->parties[p->party_count++] = pr->new_party;
    for (size_t i = 0; i < pr->member_count; i++)
        p->parties[p->party_count++] = pr->members[i];
    for (size_t i = 0; i < pr->warning_count; i++) {
        pr->warnings[i].event = p->log_count;
        p->warnings[p->warning_count++] = pr->warnings[i];
    }
    /* The sender as logged: a consortium member stays the sender (R52). An
     * event that creates its sender (partnership_created, a request) has it
     * as its new party. */
    if (!sender)
        sender = pr->new_party && strcmp(pr->new_party->id, logged->actor) == 0
                     ? pr->new_party
                     : ipart__party_find(p, logged->actor);
    const ipart__strbuf *b = &p->encoding;
    char *json = ipart__arena_text(&p->log_texts, b->data, b->len); /* room reserved */
    p->log[p->log_count++] = (ipart__log_entry){json, b->len, ev->type, sender};
    p->last_date = ev->date;
}

ipart_status ipart__apply_event(ipart_partnership *p, const ipart__event *logged,
                                ipart__decoded *d, const ipart__party *sender, const char *path)
{
    /* A consortium's lead or authorised member acts as the consortium (R52):
     * the handlers see a copy of the event from the consortium. */
    const ipart__event *ev = logged;
    ipart__event acting;
    const ipart__party *as = NULL;
    if (ipart__acting_as(&as, p, sender, path) == IPART_OK && as && as != sender) {
        acting = *logged;
        acting.actor = as->id;
        ev = &acting;
    }
    ipart_status rc = ipart__handlers[ev->type]->check(p, ev, path);
    if (rc == IPART_OK)
        rc = ipart__joint_check(p, ev, path);
    /* Its scalars zeroed; the arrays are read only up to their counts. */
    ipart__prepared pr;
    memset(&pr, 0, offsetof(ipart__prepared, members));
    pr.arena = &d->arena;
    pr.borrowed = d->borrowed;
    if (rc == IPART_OK)
        rc = prepare(p, logged, ev, &pr);
    if (rc != IPART_OK) {
        undo(p, &pr);
        return rc;
    }
    commit(p, logged, ev, sender, &pr);
    return IPART_OK;
}

ipart_status ipart__may_write(const ipart_partnership *p)
{
    if (!p->scope)
        return IPART_OK;
    return ipart__fail_rule(IPART_EPERM, "R19", ipart__rule_source("R19"), "", "scope.read_only",
                            "party '%s''s handle is read-only: events are applied to the "
                            "contracting authority's",
                            p->scope->viewer->id);
}

ipart_status ipart__apply_guarded(ipart_partnership *p, ipart__decoded *d, const char *path,
                                  ipart__body_step body, const void *ctx)
{
    return ipart__apply_guarded_at(p, &d->event, d, path, body, ctx);
}

ipart_status ipart__apply_guarded_at(ipart_partnership *p, const ipart__event *ev,
                                     ipart__decoded *d, const char *path, ipart__body_step body,
                                     const void *ctx)
{
    /* Who and when come before what: a wrong sender or stage is reported as
     * such even when the payload would not fit the stage either. */
    const ipart__party *sender = ipart__party_find(p, ev->actor);
    ipart_status rc = ipart__date_plausible(p, ev->date, path);
    if (rc == IPART_OK)
        rc = may_apply_from(p, ev, sender, path);
    if (rc == IPART_OK) {
        rc = body(d, ipart__body_currency(ev->type, p->currency), ctx);
        if (rc == IPART_OK)
            rc = ipart__apply_event(p, ev, d, sender, path);
        else
            path = NULL; /* the body's errors name their own paths */
    }
    if (rc != IPART_OK && path && !ipart_error_last()->path[0])
        ipart__error_set_path(path);
    ipart__arena_reset(&d->arena); /* a no-op when a handler took it */
    p->decoding = d->arena;        /* kept for the next event */
    return rc;
}

/* ---- simple queries ------------------------------------------------------------------ */

const char *ipart_partnership_profile(const ipart_partnership *p)
{
    return p ? p->profile->code : "";
}

const char *ipart_partnership_currency(const ipart_partnership *p)
{
    return p ? p->currency : "";
}

ipart_stage ipart_partnership_stage(const ipart_partnership *p)
{
    return p ? p->stage : IPART_STAGE_NEED_IDENTIFICATION;
}

size_t ipart_partnership_event_count(const ipart_partnership *p)
{
    return p ? p->log_count : 0;
}

ipart_status ipart_partnership_event_at(char **out, const ipart_partnership *p, size_t index)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_event_at", !out ? "out" : "partnership");
    if (index >= p->log_count)
        return ipart__fail(IPART_ENOTFOUND, "log.index", "no event %zu: the log has %zu", index,
                           p->log_count);
    ipart_status rc = ipart__scope_event(p, index);
    if (rc != IPART_OK)
        return rc;
    const char *part = p->scope ? p->scope->part[index] : NULL;
    char *copy = part ? ipart__strdup(part)
                      : ipart__strndup(p->log[index].json, p->log[index].length);
    if (!copy)
        return ipart__fail_nomem();
    *out = copy;
    return IPART_OK;
}

/* Parties the audience of `p` knows of: the authorities, itself, and the
 * operators the public award names (R19: the others' requests are theirs). */
static int party_known(const ipart_partnership *p, const ipart__party *party)
{
    return party->role != IPART_ROLE_OPERATOR || party->awarded ||
           ipart__scope_sees(p, party->id);
}

int ipart__tender_deadline_passed(const ipart_partnership *p)
{
    return ipart__before(p->tender_deadline, p->last_date);
}

size_t ipart_partnership_party_count(const ipart_partnership *p)
{
    if (!p || !p->scope)
        return p ? p->party_count : 0;
    size_t n = 0;
    for (size_t i = 0; i < p->party_count; i++)
        n += party_known(p, p->parties[i]);
    return n;
}

/* The index-th party the audience knows of, or NULL. */
static const ipart__party *nth_known_party(const ipart_partnership *p, size_t index)
{
    if (!p->scope)
        return index < p->party_count ? p->parties[index] : NULL;
    for (size_t i = 0; i < p->party_count; i++)
        if (party_known(p, p->parties[i]) && index-- == 0)
            return p->parties[i];
    return NULL;
}

const char *ipart__operator_status(const ipart_partnership *p, const ipart__party *t)
{
    if (t->contract && t->contract->state == IPART__C_TERMINATED)
        return "terminated";
    if (t->contract_signed)
        return "partner";
    if (t->awarded)
        return "awarded";
    if (t->eliminated)
        return "eliminated";
    if (t->has_tender)
        return p->partner_count ? "not_awarded" : "tendering";
    if (t->invited)
        return ipart__tender_deadline_passed(p) ? "declined" : "invited";
    if (t->assessed)
        return t->qualified ? "qualified" : "rejected";
    return "applied";
}

/* An operator the audience knows only from the public award reads "awarded". */
static void party_view(ipart_party *out, const ipart_partnership *p, const ipart__party *party)
{
    int op = party->role == IPART_ROLE_OPERATOR, member = party->role == IPART_ROLE_MEMBER;
    const char *kind = op || member                            ? ""
                       : party->role == IPART_ROLE_PARTICIPANT ? ipart__participant_kind_names[party->kind]
                                                                 : ipart__authority_kind_names[party->kind];
    const char *status = member ? "member"
                         : !op  ? ""
                         : ipart__scope_sees(p, party->id) ? ipart__operator_status(p, party)
                                                           : "awarded";
    const char *parent = party->parent >= 0 ? p->parties[party->parent]->id : "";
    *out = (ipart_party){party->id, party->name, party->role, kind, status, parent};
}

ipart_status ipart_partnership_party_at(ipart_party *out, const ipart_partnership *p,
                                        size_t index)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_party_at", !out ? "out" : "partnership");
    const ipart__party *party = nth_known_party(p, index);
    if (!party)
        return ipart__fail(IPART_ENOTFOUND, "party.index", "no party %zu: there are %zu", index,
                           ipart_partnership_party_count(p));
    party_view(out, p, party);
    return IPART_OK;
}

ipart_status ipart_partnership_party_get(ipart_party *out, const ipart_partnership *p,
                                         const char *id)
{
    if (!out || !p || !id)
        return ipart__fail_null("ipart_partnership_party_get", !out ? "out" : !p ? "partnership"
                                                                                 : "id");
    const ipart__party *party = ipart__party_find(p, id);
    if (!party || !party_known(p, party)) /* unknown to the audience, as if absent (R19) */
        return ipart__fail(IPART_ENOTFOUND, "party.unknown", "no party '%s'", id);
    party_view(out, p, party);
    return IPART_OK;
}

ipart_status ipart_partnership_budget_cap(ipart_money *out, const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_budget_cap", !out ? "out" : "partnership");
    if (!p->terms)
        return ipart__fail(IPART_ESTATE, "terms.missing", "no terms have been set");
    *out = p->terms->budget.development_cap;
    return IPART_OK;
}

ipart_status ipart_partnership_awarded_sum(ipart_money *out, const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_awarded_sum", !out ? "out" : "partnership");
    if (!p->log_count)
        return ipart__fail(IPART_ESTATE, "partnership.empty", "the partnership was not created");
    *out = p->awarded_sum;
    return IPART_OK;
}

ipart_status ipart__threshold_verdict(ipart_threshold_verdict *out, const ipart_partnership *p,
                                      ipart_date on)
{
    int kind = ipart__joint_class(p, on);
    if (kind < 0)
        return ipart__rule_violation("R51", "$", "joint.regime.open",
                                     "a utility procures jointly with an authority that is not "
                                     "one: whether the utilities or the public-sector regime "
                                     "and threshold apply is an open question (RULES.md (g)) "
                                     "the library does not decide");
    return ipart__threshold_verdict_of(out, p->profile->code, (ipart__kind_class)kind,
                                       (ipart__contract_type)p->terms->contract_type,
                                       p->currency, on,
                                       p->terms->budget.max_rnd_value,
                                       p->terms->budget.estimated_purchase_value);
}

ipart_status ipart_partnership_threshold(ipart_threshold_verdict *out, const ipart_partnership *p)
{
    if (!out || !p)
        return ipart__fail_null("ipart_partnership_threshold", !out ? "out" : "partnership");
    if (!p->terms)
        return ipart__fail(IPART_ESTATE, "terms.missing", "no terms have been set");
    /* The rules in force at the notice decide; before it, those of today. */
    int noticed = p->notice_date.year != 0;
    return ipart__threshold_verdict(out, p, noticed ? p->notice_date : p->last_date);
}
