/*
 * The OCDS 1.1.5 record package (include/ipart/exports.h): one ocid per
 * partnership, a release per significant event of the party's view, the
 * compiled release. The exporter folds the visible events into one OCDS
 * tree (the compiled release so far); at each significant event a release
 * takes the sections the events since the last release changed (of the
 * contracts, only the one changed), so the package grows with the log, and
 * merging the releases by id gives the compiled release.
 *
 * Codes used: partyRole buyer, procuringEntity, payer, interestedParty,
 * tenderer, supplier, payee; releaseTag planning..contractTermination,
 * compiled; tenderStatus planning, active, cancelled, complete;
 * awardStatus pending, active; contractStatus active, terminated;
 * milestoneType preProcurement (the need mapping), engagement (the market
 * dialogue open to all), delivery, payment; milestoneStatus scheduled, met,
 * notMet.
 * Extension fields: secondStage (secondStageDescription), hasOptions and
 * options (options), relatedImplementationMilestone
 * (transaction_milestones). doc/exports.md has the mapping table.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "core/money_p.h"
#include "core/strbuf_p.h"
#include "io/export_p.h"
#include "ipart/exports.h"
#include "ipart/messages.h"

/* The top-level sections of a release an event may change. */
enum { S_PARTIES = 1, S_BUYER = 2, S_TENDER = 4, S_AWARDS = 8, S_CONTRACTS = 16, S_PLANNING = 32 };

/* The extensions a package lists only when it uses them. */
enum { X_MEMBER_OF = 1, X_SUBCONTRACTING = 2, X_BUDGET_BREAKDOWN = 4 };

typedef struct ocds {
    const ipart__visible *v;
    const char *ocid;
    cJSON *state;    /* the compiled release so far */
    cJSON *releases; /* the releases */
    int ok;
    int touched;          /* sections changed since the last release */
    int tendered;         /* the tender release (notice_published) is out */
    const char *contract; /* the one contract changed since then (its partner), or NULL: all */
    ipart__performers performers; /* consortium members and subcontractors (R52, R53) */
    int extensions;       /* X_*: the optional extensions used */
} ocds;

/* ---- small builders ---------------------------------------------------------------- */

static cJSON *child(cJSON *o, const char *name)
{
    return cJSON_GetObjectItemCaseSensitive(o, name);
}

/* The object member `name` of `o`, created empty when absent. */
static cJSON *object_in(ocds *x, cJSON *o, const char *name)
{
    cJSON *m = child(o, name);
    if (!m && !(m = cJSON_AddObjectToObject(o, name)))
        x->ok = 0;
    return m;
}

static cJSON *array_in(ocds *x, cJSON *o, const char *name)
{
    cJSON *m = child(o, name);
    if (!m && !(m = cJSON_AddArrayToObject(o, name)))
        x->ok = 0;
    return m;
}

/* Replace member `old` of `o` by `item`, in its place, handing the key
 * over: unlike cJSON_ReplaceItemInObject, which copies the key and keeps a
 * NULL one when that copy fails, this allocates nothing, so cannot fail. */
static void replace(cJSON *o, cJSON *old, cJSON *item)
{
    if (!(item->type & cJSON_StringIsConst))
        cJSON_free(item->string); /* a duplicate carries its source's key */
    item->string = old->string;
    item->type = (item->type & ~cJSON_StringIsConst) | (old->type & cJSON_StringIsConst);
    old->string = NULL;
    cJSON_ReplaceItemViaPointer(o, old, item);
}

/* Set (replace or add) a member; takes `item` and returns it, or NULL when
 * it was not set (and is freed). A NULL `o` is an object the party's view
 * does not hold (another partner's contract), or one that could not be
 * made (x->ok is 0 then): nothing to set. */
static cJSON *set(ocds *x, cJSON *o, const char *name, cJSON *item)
{
    cJSON *old = child(o, name);
    if (!o) {
        cJSON_Delete(item);
        return NULL;
    }
    if (item && old) {
        replace(o, old, item);
        return item;
    }
    if (ipart__json_add(o, name, item))
        return item;
    x->ok = 0;
    return NULL;
}

static void set_text(ocds *x, cJSON *o, const char *name, const char *text)
{
    set(x, o, name, text ? cJSON_CreateString(text) : cJSON_CreateNull());
}

/* An OCDS date-time of a civil date ("2017-09-15T00:00:00Z"). */
static void set_date(ocds *x, cJSON *o, const char *name, const char *date)
{
    char text[40];
    snprintf(text, sizeof text, "%.10sT00:00:00Z", date ? date : "");
    set_text(x, o, name, text);
}

/* {"amount": 12000000.00, "currency": "NOK"}: the amount printed exactly. */
static void set_value(ocds *x, cJSON *o, const char *name, const char *amount)
{
    cJSON *value = cJSON_CreateObject();
    if (value && !(cJSON_AddRawToObject(value, "amount", amount) &&
                   cJSON_AddStringToObject(value, "currency", x->v->p->currency)))
        x->ok = 0;
    set(x, o, name, value);
}

static void set_money(ocds *x, cJSON *o, const char *name, ipart_money m)
{
    char text[IPART__MONEY_TEXT_SIZE];
    if (ipart__money_canonical(text, m) != IPART_OK)
        x->ok = 0;
    else
        set_value(x, o, name, text);
}

/* The element of `list` whose "id" is `id`, or NULL. */
static cJSON *by_id(cJSON *list, const char *id)
{
    cJSON *e;
    cJSON_ArrayForEach(e, list) {
        const char *eid = ipart__member_text(e, "id");
        if (eid && id && strcmp(eid, id) == 0)
            return e;
    }
    return NULL;
}

/* {"id", "name"} of a party. */
static cJSON *reference(const ocds *x, const char *id)
{
    cJSON *o = cJSON_CreateObject();
    if (o && cJSON_AddStringToObject(o, "id", id) &&
        cJSON_AddStringToObject(o, "name", ipart__party_name(x->v->p, id)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* The party `id` of the release, with `role` added once. */
static void add_role(ocds *x, const char *id, const char *role)
{
    cJSON *parties = array_in(x, x->state, "parties");
    cJSON *party = by_id(parties, id);
    if (!party && !ipart__json_add(parties, NULL, party = reference(x, id)))
        party = NULL;
    cJSON *roles = party ? array_in(x, party, "roles") : NULL;
    if (!roles) {
        x->ok = 0;
        return;
    }
    cJSON *r;
    cJSON_ArrayForEach(r, roles) if (strcmp(r->valuestring, role) == 0) return;
    if (!ipart__json_add(roles, NULL, cJSON_CreateString(role)))
        x->ok = 0;
}

/* The organisation register of the profile's country, as org-id.guide names it. */
static const char *register_of(const ocds *x)
{
    static const struct { const char *profile, *scheme; } registers[] = {
        {"NO", "NO-BRC"}, {"SE", "SE-BLV"}, {"DK", "DK-CVR"}};
    for (size_t i = 0; i < sizeof registers / sizeof registers[0]; i++)
        if (strcmp(registers[i].profile, x->v->p->profile->code) == 0)
            return registers[i].scheme;
    return NULL;
}

/* {"scheme", "id"} of an organisation number, when the profile has a register. */
static void set_identifier(ocds *x, cJSON *party, const char *org_no)
{
    const char *scheme = register_of(x);
    if (!org_no || !scheme)
        return;
    cJSON *id = set(x, party, "identifier", cJSON_CreateObject());
    set_text(x, id, "scheme", scheme);
    set_text(x, id, "id", org_no);
}

/* R52: the members of a consortium as parties, each memberOf it (the
 * memberOf extension), with the consortium's roles from then on. */
static void add_members(ocds *x, const char *consortium, const cJSON *members)
{
    cJSON *parties = array_in(x, x->state, "parties");
    const cJSON *m;
    cJSON_ArrayForEach(m, members) {
        const char *id = ipart__member_text(m, "id");
        cJSON *party = by_id(parties, id);
        if (party)
            continue;
        if (!ipart__json_add(parties, NULL, party = reference(x, id))) {
            x->ok = 0;
            return;
        }
        set_identifier(x, party, ipart__member_text(m, "org_no"));
        cJSON *of = set(x, party, "memberOf", cJSON_CreateArray());
        if (of && !ipart__json_add(of, NULL, reference(x, consortium)))
            x->ok = 0;
        x->extensions |= X_MEMBER_OF;
    }
}

/* An operator's role, and its members' when it is a consortium (R52). */
static void add_operator_role(ocds *x, const char *id, const char *role)
{
    add_role(x, id, role);
    const ipart__party *op = ipart__party_find(x->v->p, id);
    const cJSON *members = op ? x->performers.members[op->index] : NULL;
    const cJSON *m;
    cJSON_ArrayForEach(m, members)
        add_role(x, ipart__member_text(m, "id"), role);
}

/* An application: the operator (and a consortium's members, R52) interested. */
static void on_request(ocds *x, const cJSON *ev)
{
    const cJSON *op = ipart__member(ev, "operator");
    const char *id = ipart__member_text(op, "id");
    add_role(x, id, "interestedParty");
    add_members(x, id, ipart__member(op, "members"));
    add_operator_role(x, id, "interestedParty");
}

static const char *label(const ocds *x, const char *key)
{
    return ipart_message(key, x->v->lang);
}

/* ---- the tender ---------------------------------------------------------------------- */

static const char *const CATEGORIES[] = {"goods", "services", "works"};

/* The phases' targets as tender milestones. */
static void tender_milestones(ocds *x, cJSON *tender, const ev_terms *t)
{
    cJSON *list = set(x, tender, "milestones", cJSON_CreateArray());
    const ev_phase *phases = t->development.phases.items;
    for (size_t k = 0; list && k < t->development.phases.count; k++) {
        const ev_target *targets = phases[k].targets.items;
        for (size_t i = 0; i < phases[k].targets.count; i++) {
            cJSON *m = cJSON_CreateObject();
            char title[512], due[16];
            snprintf(title, sizeof title, "%s %s: %s", label(x, "ocds.target"), targets[i].id,
                     targets[i].criteria);
            snprintf(due, sizeof due, "%04d-%02d-%02d", phases[k].due.year, phases[k].due.month,
                     phases[k].due.day);
            if (!ipart__json_add(list, NULL, m)) {
                x->ok = 0;
                return;
            }
            set_text(x, m, "id", targets[i].id);
            set_text(x, m, "title", title);
            set_text(x, m, "type", "delivery");
            set_date(x, m, "dueDate", due);
            set_text(x, m, "status", "scheduled");
        }
    }
}

static void on_terms(ocds *x)
{
    const ev_terms *t = x->v->p->terms;
    cJSON *tender = object_in(x, x->state, "tender");
    if (!t || !tender)
        return;
    set_text(x, tender, "mainProcurementCategory", CATEGORIES[t->contract_type]);
    ipart_money estimated;
    /* R31: the maximum value is published unless the terms withhold it. */
    if ((!t->has_max_value_disclosed || t->max_value_disclosed) &&
        ipart_money_add(&estimated, t->budget.max_rnd_value, t->budget.estimated_purchase_value) == IPART_OK)
        set_money(x, tender, "value", estimated);
    set_text(x, tender, "awardCriteria", "ratedCriteria");
    cJSON *second = set(x, tender, "secondStage", cJSON_CreateObject());
    set(x, second, "minimumCandidates", cJSON_CreateNumber((double)t->candidates.min));
    if (t->candidates.has_max)
        set(x, second, "maximumCandidates", cJSON_CreateNumber((double)t->candidates.max));
    set(x, second, "successiveReduction", cJSON_CreateBool(t->reservations.staged_reduction));
    set(x, tender, "hasOptions", cJSON_CreateBool(t->has_option));
    if (t->has_option) {
        cJSON *options = set(x, tender, "options", cJSON_CreateObject());
        set_text(x, options, "description", t->option.description);
    }
    if (t->has_development)
        tender_milestones(x, tender, t);
}

static void on_created(ocds *x, const cJSON *ev)
{
    const char *id = ipart__member_text(ipart__member(ev, "authority"), "id");
    add_role(x, id, "buyer");
    add_role(x, id, "procuringEntity");
    add_role(x, id, "payer");
    set(x, x->state, "buyer", reference(x, id));
    cJSON *tender = object_in(x, x->state, "tender");
    char tid[300];
    snprintf(tid, sizeof tid, "%s-tender", x->ocid);
    set_text(x, tender, "id", tid);
    set_text(x, tender, "title", ipart__member_text(ev, "title"));
    set_text(x, tender, "status", "planning");
    set_text(x, tender, "procurementMethod", "selective");
    set_text(x, tender, "procurementMethodDetails", "Innovation partnership");
}

static void on_notice(ocds *x, const cJSON *ev)
{
    cJSON *tender = object_in(x, x->state, "tender");
    x->tendered = 1;
    set_text(x, tender, "status", "active");
    cJSON *period = set(x, tender, "tenderPeriod", cJSON_CreateObject());
    set_date(x, period, "startDate", ipart__member_text(ev, "date"));
    set_date(x, period, "endDate", ipart__member_text(ev, "request_deadline"));
}

/* ---- planning: the pre-market consultation ----------------------------------------------- */

/* A met milestone of the consultation: "<event label>[: <title>]". */
static void consultation_milestone(ocds *x, const cJSON *ev, const char *type, const char *id,
                                   const char *milestone_type, const char *description)
{
    char key[64];
    const char *title = ipart__member_text(ev, "title");
    snprintf(key, sizeof key, "event.%s", type);
    ipart__strbuf name = IPART__STRBUF_INIT;
    ipart__strbuf_puts(&name, label(x, key));
    if (title)
        ipart__strbuf_printf(&name, ": %s", title);
    cJSON *list = array_in(x, object_in(x, x->state, "planning"), "milestones");
    cJSON *m = name.oom ? NULL : cJSON_CreateObject();
    if (!m || !ipart__json_add(list, NULL, m)) {
        x->ok = 0;
        ipart__strbuf_free(&name);
        return;
    }
    set_text(x, m, "id", id);
    set_text(x, m, "title", name.data);
    set_text(x, m, "type", milestone_type);
    set_text(x, m, "description", description);
    set_date(x, m, "dateMet", ipart__member_text(ev, "date"));
    set_text(x, m, "status", "met");
    ipart__strbuf_free(&name);
}

/* The need mapping (preProcurement), the dialogue open to all and what
 * was shared with all from the rest (engagement) as planning milestones;
 * the market check's justification (R1) as the planning rationale. */
static void on_consultation(ocds *x, const cJSON *ev, const char *type, size_t index)
{
    char id[300];
    if (strcmp(type, "need_described") == 0) {
        const char *why = ipart__member_text(ev, "market_check_justification");
        if (why)
            set_text(x, object_in(x, x->state, "planning"), "rationale", why);
    } else if (strcmp(type, "need_mapped") == 0) {
        snprintf(id, sizeof id, "need-mapping-%s", ipart__member_text(ev, "mapping"));
        consultation_milestone(x, ev, type, id, "preProcurement", ipart__member_text(ev, "summary"));
    } else if (ipart__open_dialogue(type, ev)) {
        const char *activity = ipart__member_text(ev, "activity");
        if (activity)
            snprintf(id, sizeof id, "dialogue-%s", activity);
        else
            snprintf(id, sizeof id, "dialogue-%zu", index);
        consultation_milestone(x, ev, type, id, "engagement", ipart__member_text(ev, "summary"));
    } else if (strcmp(type, "dialogue_information_shared") == 0) {
        snprintf(id, sizeof id, "information-shared-%zu", index);
        consultation_milestone(x, ev, type, id, "engagement", ipart__member_text(ev, "channel"));
    }
}

/* ---- awards and contracts --------------------------------------------------------------- */

static void id_of(char *out, size_t size, const ocds *x, const char *what, const char *partner)
{
    snprintf(out, size, "%s-%s-%s", x->ocid, what, partner);
}

/* A share in basis points as a fraction (1200 -> 0.12), exactly in decimal. */
static cJSON *fraction(int64_t bp)
{
    char text[32];
    snprintf(text, sizeof text, "%lld.%04lld", (long long)(bp / 10000), (long long)(bp % 10000));
    return cJSON_CreateRaw(text);
}

/* R53: the subcontracting of the partner's tender (the subcontracting
 * extension): its share and who performs what. */
static void award_subcontracting(ocds *x, cJSON *award, const cJSON *subs)
{
    char description[1024] = "";
    const cJSON *sub;
    cJSON_ArrayForEach(sub, subs) {
        const char *org_no = ipart__member_text(sub, "org_no");
        const cJSON *share = ipart__member(sub, "share");
        long long bp = cJSON_IsNumber(share) ? (long long)share->valuedouble : 0;
        size_t used = strlen(description);
        snprintf(description + used, sizeof description - used, "%s%s%s%s%s: %s (%lld.%02lld %%)",
                 used ? "; " : "", ipart__member_text(sub, "name"), org_no ? " (" : "",
                 org_no ? org_no : "", org_no ? ")" : "", ipart__member_text(sub, "role"),
                 bp / 100, bp % 100);
    }
    int64_t total = ipart__subcontracted_share(subs);
    set(x, award, "hasSubcontracting", cJSON_CreateTrue());
    cJSON *o = set(x, award, "subcontracting", cJSON_CreateObject());
    set(x, o, "minimumPercentage", fraction(total));
    set(x, o, "maximumPercentage", fraction(total));
    set_text(x, o, "description", description);
    x->extensions |= X_SUBCONTRACTING;
}

static void on_award(ocds *x, const cJSON *ev)
{
    cJSON *awards = array_in(x, x->state, "awards");
    set_text(x, object_in(x, x->state, "tender"), "status", "complete");
    const cJSON *partner;
    cJSON_ArrayForEach(partner, ipart__member(ev, "partners")) {
        const char *id = ipart__member_text(partner, "tenderer");
        const ipart__party *party = ipart__party_find(x->v->p, id);
        char aid[300];
        id_of(aid, sizeof aid, x, "award", id);
        cJSON *award = cJSON_CreateObject();
        if (!ipart__json_add(awards, NULL, award)) {
            x->ok = 0;
            return;
        }
        set_text(x, award, "id", aid);
        set_text(x, award, "status", "pending");
        set_date(x, award, "date", ipart__member_text(ev, "date"));
        cJSON *suppliers = set(x, award, "suppliers", cJSON_CreateArray());
        if (suppliers && !ipart__json_add(suppliers, NULL, reference(x, id)))
            x->ok = 0;
        if (party)
            set_money(x, award, "value", party->development_price);
        if (party && x->performers.subcontractors[party->index])
            award_subcontracting(x, award, x->performers.subcontractors[party->index]);
        add_operator_role(x, id, "supplier");
    }
}

static cJSON *contract_of(ocds *x, const char *partner)
{
    char cid[300];
    id_of(cid, sizeof cid, x, "contract", partner);
    return by_id(child(x->state, "contracts"), cid);
}

/* Contract milestones per target and implementation milestones per instalment. */
static void contract_plan(ocds *x, cJSON *contract)
{
    const ev_terms *t = x->v->p->terms;
    cJSON *tender_milestones = child(child(x->state, "tender"), "milestones");
    set(x, contract, "milestones", tender_milestones ? cJSON_Duplicate(tender_milestones, 1)
                                                     : cJSON_CreateArray());
    cJSON *impl = object_in(x, contract, "implementation");
    cJSON *payments = array_in(x, impl, "milestones");
    const ev_phase *phases = t && t->has_development ? t->development.phases.items : NULL;
    for (size_t k = 0; phases && payments && k < t->development.phases.count; k++) {
        const ev_instalment *in = phases[k].instalments.items;
        for (size_t i = 0; i < phases[k].instalments.count; i++) {
            cJSON *m = cJSON_CreateObject();
            char title[300];
            snprintf(title, sizeof title, "%s %s (%s %s)", label(x, "ocds.instalment"), in[i].id,
                     label(x, "ocds.target"), in[i].target);
            if (!ipart__json_add(payments, NULL, m)) {
                x->ok = 0;
                return;
            }
            set_text(x, m, "id", in[i].id);
            set_text(x, m, "title", title);
            set_text(x, m, "type", "payment");
            set_text(x, m, "status", "scheduled");
        }
    }
    array_in(x, impl, "transactions");
}

static void on_signed(ocds *x, const cJSON *ev)
{
    const char *partner = ipart__member_text(ev, "partner");
    char aid[300], cid[300];
    id_of(aid, sizeof aid, x, "award", partner);
    id_of(cid, sizeof cid, x, "contract", partner);
    cJSON *award = by_id(child(x->state, "awards"), aid);
    set_text(x, award, "status", "active");
    cJSON *contract = cJSON_CreateObject();
    if (!ipart__json_add(array_in(x, x->state, "contracts"), NULL, contract)) {
        x->ok = 0;
        return;
    }
    set_text(x, contract, "id", cid);
    set_text(x, contract, "awardID", aid);
    set_text(x, contract, "status", "active");
    set_date(x, contract, "dateSigned", ipart__member_text(ev, "date"));
    const cJSON *value = ipart__member(award, "value");
    if (value)
        set(x, contract, "value", cJSON_Duplicate(value, 1));
    contract_plan(x, contract);
    add_role(x, partner, "payee");
}

static void on_milestone(ocds *x, const cJSON *ev)
{
    cJSON *contract = contract_of(x, ipart__member_text(ev, "partner"));
    cJSON *m = by_id(child(contract, "milestones"), ipart__member_text(ev, "target"));
    if (!m)
        return;
    int met = cJSON_IsTrue(ipart__member(ev, "met"));
    set_text(x, m, "status", met ? "met" : "notMet");
    if (met)
        set_date(x, m, "dateMet", ipart__member_text(ev, "date"));
    set_date(x, m, "dateModified", ipart__member_text(ev, "date"));
}

static void on_payment(ocds *x, const cJSON *ev, size_t index)
{
    const char *partner = ipart__member_text(ev, "partner");
    const char *instalment = ipart__member_text(ev, "instalment");
    cJSON *impl = child(contract_of(x, partner), "implementation");
    if (!impl)
        return; /* a contract outside the view */
    cJSON *transactions = array_in(x, impl, "transactions");
    cJSON *t = cJSON_CreateObject();
    if (!ipart__json_add(transactions, NULL, t)) {
        x->ok = 0;
        return;
    }
    char tid[300];
    snprintf(tid, sizeof tid, "%s-payment-%zu", x->ocid, index);
    set_text(x, t, "id", tid);
    set_date(x, t, "date", ipart__member_text(ev, "date"));
    set_value(x, t, "value", ipart__member_text(ev, "amount"));
    set(x, t, "payer", reference(x, x->v->p->authority->id));
    set(x, t, "payee", reference(x, partner));
    cJSON *m = instalment ? by_id(child(impl, "milestones"), instalment) : NULL;
    if (m) {
        set_text(x, m, "status", "met");
        set_date(x, m, "dateMet", ipart__member_text(ev, "date"));
        cJSON *related = set(x, t, "relatedImplementationMilestone", cJSON_CreateObject());
        set_text(x, related, "id", instalment);
    }
}

/* An amendment of a partner's contract: {"id", "date", "rationale", "description"}. */
static void amend(ocds *x, const char *partner, const cJSON *ev, size_t index, const char *rationale,
                  const char *description)
{
    cJSON *contract = contract_of(x, partner);
    if (!contract)
        return; /* a contract outside the view */
    cJSON *list = array_in(x, contract, "amendments");
    cJSON *a = cJSON_CreateObject();
    if (!ipart__json_add(list, NULL, a)) {
        x->ok = 0;
        return;
    }
    char id[300];
    snprintf(id, sizeof id, "%s-amendment-%zu", x->ocid, index);
    set_text(x, a, "id", id);
    set_date(x, a, "date", ipart__member_text(ev, "date"));
    set_text(x, a, "rationale", rationale);
    set_text(x, a, "description", description);
}

static void on_change(ocds *x, const cJSON *ev, size_t index)
{
    char description[200];
    const char *phase = ipart__member_text(ev, "phase");
    snprintf(description, sizeof description, "%s: %s %s%s%s", label(x, "ocds.change"),
             ipart__member_text(ev, "delta"), x->v->p->currency, phase ? ", " : "",
             phase ? phase : "");
    amend(x, ipart__member_text(ev, "partner"), ev, index, ipart__member_text(ev, "reason"),
          description);
}

static void on_gate(ocds *x, const cJSON *ev, size_t index)
{
    const char *decision = ipart__member_text(ev, "decision");
    if (!decision || strcmp(decision, "terminate") != 0)
        return;
    const char *partner = ipart__member_text(ev, "partner");
    char description[200];
    snprintf(description, sizeof description, "%s %s", label(x, "ocds.termination"),
             ipart__member_text(ev, "phase"));
    amend(x, partner, ev, index, ipart__member_text(ev, "reason"), description);
    set_text(x, contract_of(x, partner), "status", "terminated");
}

static void on_option(ocds *x, const cJSON *ev, size_t index)
{
    char description[300];
    const cJSON *q = ipart__member(ev, "quantity");
    snprintf(description, sizeof description, "%s: %s, %.0f × %s %s", label(x, "ocds.option"),
             ipart__member_text(ev, "actor"), cJSON_IsNumber(q) ? q->valuedouble : 0.0,
             ipart__member_text(ev, "unit_price"), x->v->p->currency);
    amend(x, ipart__member_text(ev, "partner"), ev, index, label(x, "event.option_exercised"),
          description);
}

static void on_partnership_ended(ocds *x)
{
    cJSON *c;
    cJSON_ArrayForEach(c, child(x->state, "contracts"))
        set_text(x, c, "status", "terminated");
}

/* ---- the fold ------------------------------------------------------------------------------ */

/* doc/funding.md: the funder as a party (role funder) and the source as a
 * line of planning.budget (the budget breakdown extension). */
static void on_funding(ocds *x, const cJSON *ev)
{
    const char *source = ipart__member_text(ev, "source");
    const cJSON *funder = ipart__member(ev, "funder");
    char id[300];
    snprintf(id, sizeof id, "funder-%s", source);
    cJSON *parties = array_in(x, x->state, "parties");
    cJSON *party = cJSON_CreateObject();
    if (!ipart__json_add(parties, NULL, party)) {
        x->ok = 0;
        return;
    }
    set_text(x, party, "id", id);
    set_text(x, party, "name", ipart__member_text(funder, "name"));
    set_identifier(x, party, ipart__member_text(funder, "org_no"));
    add_role(x, id, "funder");
    cJSON *budget = object_in(x, object_in(x, x->state, "planning"), "budget");
    set_text(x, budget, "description", label(x, "ocds.funding"));
    cJSON *lines = array_in(x, budget, "budgetBreakdown");
    cJSON *line = cJSON_CreateObject();
    if (!ipart__json_add(lines, NULL, line)) {
        x->ok = 0;
        return;
    }
    set_text(x, line, "id", source);
    if (ipart__member_text(ev, "reference"))
        set_text(x, line, "description", ipart__member_text(ev, "reference"));
    set_value(x, line, "amount", ipart__member_text(ev, "amount"));
    cJSON *period = set(x, line, "period", cJSON_CreateObject());
    set_date(x, period, "startDate", ipart__member_text(ev, "date"));
    if (ipart__member_text(ev, "valid_until"))
        set_date(x, period, "endDate", ipart__member_text(ev, "valid_until"));
    cJSON *from = set(x, line, "sourceParty", cJSON_CreateObject());
    set_text(x, from, "id", id);
    set_text(x, from, "name", ipart__member_text(funder, "name"));
    x->extensions |= X_BUDGET_BREAKDOWN;
}

typedef struct step {
    const char *type;
    const char *tag; /* the release tag, NULL: no release */
} step;

static const step STEPS[] = {
    {"partnership_created", "planning"},  {"follower_named", NULL},
    {"need_described", NULL},             {"market_dialogue_held", NULL},
    {"terms_set", "planningUpdate"},      {"notice_published", "tender"},
    {"documents_changed", "tenderAmendment"}, {"candidates_invited", "tenderUpdate"},
    {"tenders_reduced", "tenderUpdate"},  {"award_decided", "award"},
    {"procedure_cancelled", "tenderCancellation"}, {"contract_signed", "contract"},
    {"milestone_assessed", "implementation"}, {"instalment_paid", "implementation"},
    {"contract_changed", "contractAmendment"}, {"phase_gate_decided", "implementationUpdate"},
    {"partnership_terminated", "contractTermination"}, {"solution_accepted", "implementationUpdate"},
    {"option_exercised", "contractAmendment"}, {"option_lapsed", "implementationUpdate"},
    {"partnership_completed", "implementationUpdate"}, {"call_back_exercised", "implementationUpdate"},
    {"funding_granted", "planningUpdate"},
};

/* The sections each event type changes (S_CONTRACTS: its partner's contract only). */
static const struct {
    const char *type;
    int sections;
} TOUCHES[] = {
    {"partnership_created", S_PARTIES | S_BUYER | S_TENDER}, {"follower_named", S_PARTIES},
    {"need_described", S_TENDER | S_PLANNING}, {"need_mapped", S_PLANNING},
    {"dialogue_activity_held", S_PLANNING}, {"market_dialogue_held", S_PLANNING},
    {"dialogue_information_shared", S_PLANNING},
    {"terms_set", S_TENDER}, {"notice_published", S_TENDER},
    {"documents_changed", S_TENDER}, {"candidates_invited", S_TENDER},
    {"tenders_reduced", S_TENDER}, {"participation_requested", S_PARTIES},
    {"tender_submitted", S_PARTIES}, {"award_decided", S_PARTIES | S_TENDER | S_AWARDS},
    {"procedure_cancelled", S_TENDER}, {"contract_signed", S_PARTIES | S_AWARDS | S_CONTRACTS},
    {"milestone_assessed", S_CONTRACTS}, {"instalment_paid", S_CONTRACTS},
    {"contract_changed", S_CONTRACTS}, {"phase_gate_decided", S_CONTRACTS},
    {"option_exercised", S_CONTRACTS}, {"partnership_terminated", S_CONTRACTS},
    {"funding_granted", S_PARTIES | S_PLANNING},
};

/* Mark the sections the event changes; 1 when it changes any. */
static int touch(ocds *x, const cJSON *ev, const char *type)
{
    for (size_t i = 0; i < sizeof TOUCHES / sizeof TOUCHES[0]; i++) {
        if (strcmp(TOUCHES[i].type, type) != 0)
            continue;
        if (TOUCHES[i].sections & S_CONTRACTS) {
            const char *partner = ipart__member_text(ev, "partner");
            /* a second contract, or every contract: the release carries them all */
            x->contract = (x->touched & S_CONTRACTS) || !partner ? NULL : partner;
        }
        x->touched |= TOUCHES[i].sections;
        return 1;
    }
    return 0;
}

/* Fold one event into the state; 1 when it changed a section. */
static int apply(ocds *x, const cJSON *ev, const char *type, size_t index)
{
    int changed = touch(x, ev, type);
    on_consultation(x, ev, type, index);
    if (strcmp(type, "partnership_created") == 0)
        on_created(x, ev);
    else if (strcmp(type, "follower_named") == 0)
        add_role(x, ipart__member_text(ipart__member(ev, "follower"), "id"), "buyer");
    else if (strcmp(type, "need_described") == 0)
        set_text(x, object_in(x, x->state, "tender"), "description",
                 ipart__member_text(ev, "need_description"));
    else if (strcmp(type, "terms_set") == 0)
        on_terms(x);
    else if (strcmp(type, "notice_published") == 0)
        on_notice(x, ev);
    else if (strcmp(type, "participation_requested") == 0)
        on_request(x, ev);
    else if (strcmp(type, "tender_submitted") == 0)
        add_operator_role(x, ipart__operator_of(x->v->p, ipart__member_text(ev, "actor")),
                          "tenderer");
    else if (strcmp(type, "funding_granted") == 0)
        on_funding(x, ev);
    else if (strcmp(type, "award_decided") == 0)
        on_award(x, ev);
    else if (strcmp(type, "procedure_cancelled") == 0)
        set_text(x, object_in(x, x->state, "tender"), "status", "cancelled");
    else if (strcmp(type, "contract_signed") == 0)
        on_signed(x, ev);
    else if (strcmp(type, "milestone_assessed") == 0)
        on_milestone(x, ev);
    else if (strcmp(type, "instalment_paid") == 0)
        on_payment(x, ev, index);
    else if (strcmp(type, "contract_changed") == 0)
        on_change(x, ev, index);
    else if (strcmp(type, "phase_gate_decided") == 0)
        on_gate(x, ev, index);
    else if (strcmp(type, "option_exercised") == 0)
        on_option(x, ev, index);
    else if (strcmp(type, "partnership_terminated") == 0)
        on_partnership_ended(x);
    return changed;
}

static const char *tag_of(const char *type)
{
    for (size_t i = 0; i < sizeof STEPS / sizeof STEPS[0]; i++)
        if (strcmp(STEPS[i].type, type) == 0)
            return STEPS[i].tag;
    return NULL;
}

/* A copy of the state holding its header and only the sections changed
 * since the last release (OCDS merges releases by id, so the compiled
 * release equals the state). The compiled release itself is the whole state. */
static cJSON *release_of(ocds *x, int compiled)
{
    static const char *const header[] = {"ocid", "id", "date", "tag", "initiationType", "language"};
    static const char *const sections[] = {"parties", "buyer", "tender", "awards", "contracts",
                                           "planning"};
    if (compiled)
        return cJSON_Duplicate(x->state, 1);
    cJSON *r = cJSON_CreateObject();
    for (size_t i = 0; r && i < sizeof header / sizeof header[0]; i++)
        set(x, r, header[i], cJSON_Duplicate(child(x->state, header[i]), 1));
    for (size_t i = 0; r && i < sizeof sections / sizeof sections[0]; i++) {
        cJSON *section = child(x->state, sections[i]);
        if (!(x->touched & (1 << i)) || !section)
            continue;
        if ((1 << i) == S_CONTRACTS && x->contract) {
            cJSON *one = set(x, r, sections[i], cJSON_CreateArray());
            cJSON *contract = contract_of(x, x->contract);
            if (one && contract && !ipart__json_add(one, NULL, cJSON_Duplicate(contract, 1)))
                x->ok = 0;
        } else {
            set(x, r, sections[i], cJSON_Duplicate(section, 1));
        }
    }
    return r;
}

/* Stamp the header of the state (id, date, tag) and add a release. */
static void snapshot(ocds *x, const char *date, const char *tag, size_t index)
{
    char id[300];
    snprintf(id, sizeof id, "%s-%zu-%s", x->ocid, index, tag);
    set_text(x, x->state, "id", id);
    set_date(x, x->state, "date", date);
    const char *tags[] = {tag};
    set(x, x->state, "tag", cJSON_CreateStringArray(tags, 1));
    cJSON *copy = x->ok ? release_of(x, strcmp(tag, "compiled") == 0) : NULL;
    if (!ipart__json_add(x->releases, NULL, copy))
        x->ok = 0;
    x->touched = 0;
    x->contract = NULL;
}

static void fold(ocds *x)
{
    const cJSON *entry;
    const char *last = NULL;
    const cJSON *changed = NULL; /* the last event that changed the state without a release */
    size_t changed_index = 0;
    cJSON_ArrayForEach(entry, x->v->entries) {
        const cJSON *ev = ipart__entry_event(entry), *at = ipart__member(entry, "index");
        const char *type = ipart__entry_type(entry), *tag = tag_of(type);
        size_t index = cJSON_IsNumber(at) ? (size_t)at->valuedouble : 0;
        if (!x->ok)
            return;
        if (cJSON_IsTrue(ipart__member(entry, "partial")))
            continue; /* a consented field of another operator's event: not a process step */
        int changes = apply(x, ev, type, index);
        last = ipart__member_text(ev, "date");
        if (tag)
            snapshot(x, last, tag, index);
        else if (changes) {
            changed = ev;
            changed_index = index;
        }
    }
    /* what changed after the last significant event (applications, the
     * need described) still gets its release, at the last such change, so
     * that the releases merge into the compiled release */
    if (x->touched)
        snapshot(x, ipart__member_text(changed, "date"),
                 x->tendered ? "tenderUpdate" : "planningUpdate", changed_index);
    snapshot(x, last, "compiled", x->v->p->log_count);
}

static void header(ocds *x)
{
    set_text(x, x->state, "ocid", x->ocid);
    set_text(x, x->state, "id", "");
    set_text(x, x->state, "date", "");
    set(x, x->state, "tag", cJSON_CreateArray());
    set_text(x, x->state, "initiationType", "tender");
    set_text(x, x->state, "language", x->v->lang);
}

/* {"uri", "version", "publishedDate", "publisher", "extensions", "records": [...]} */
static cJSON *package(ocds *x)
{
    static const char *const extensions[] = {
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_secondStageDescription_extension/master/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_options_extension/master/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_transactions_relatedMilestone_extension/master/extension.json"};
    static const struct { int flag; const char *url; } optional[] = {
        {X_MEMBER_OF, "https://raw.githubusercontent.com/open-contracting-extensions/ocds_memberOf_extension/master/extension.json"},
        {X_SUBCONTRACTING, "https://raw.githubusercontent.com/open-contracting-extensions/ocds_subcontracting_extension/master/extension.json"},
        {X_BUDGET_BREAKDOWN, "https://raw.githubusercontent.com/open-contracting-extensions/ocds_budget_breakdown_extension/master/extension.json"}};
    cJSON *pkg = cJSON_CreateObject();
    char uri[300];
    snprintf(uri, sizeof uri, "urn:ocds:%s", x->ocid);
    cJSON *compiled = cJSON_DetachItemFromArray(x->releases, cJSON_GetArraySize(x->releases) - 1);
    set_text(x, pkg, "uri", uri);
    set_text(x, pkg, "version", "1.1");
    set(x, pkg, "publishedDate", cJSON_Duplicate(child(compiled, "date"), 1));
    cJSON *publisher = set(x, pkg, "publisher", cJSON_CreateObject());
    set_text(x, publisher, "name", x->v->p->authority ? x->v->p->authority->name : "");
    cJSON *listed = set(x, pkg, "extensions", cJSON_CreateStringArray(extensions, 3));
    for (size_t i = 0; listed && i < sizeof optional / sizeof optional[0]; i++)
        if ((x->extensions & optional[i].flag) &&
            !ipart__json_add(listed, NULL, cJSON_CreateString(optional[i].url)))
            x->ok = 0;
    cJSON *records = set(x, pkg, "records", cJSON_CreateArray()), *record = cJSON_CreateObject();
    if (ipart__json_add(records, NULL, record)) {
        set_text(x, record, "ocid", x->ocid);
        set(x, record, "releases", x->releases);
        x->releases = NULL;
        set(x, record, "compiledRelease", compiled);
    } else {
        cJSON_Delete(compiled);
        x->ok = 0;
    }
    return pkg;
}

ipart_status ipart_partnership_ocds_json(char **out, const ipart_partnership *p, const char *ocid,
                                         const char *party, const char *lang)
{
    if (!out || !ocid)
        return ipart__fail_null("ipart_partnership_ocds_json", !out ? "out" : "ocid");
    if (!ocid[0] || strlen(ocid) > 200)
        return ipart__fail(IPART_EINVAL, "ocds.ocid", "the ocid must have 1 to 200 characters");
    ipart__visible v;
    ipart_status rc = ipart__visible_open(&v, p, party, lang, "ipart_partnership_ocds_json");
    if (rc == IPART_OK && !p->authority)
        rc = ipart__fail(IPART_ESTATE, "ocds.empty", "no partnership_created yet");
    if (rc != IPART_OK) {
        ipart__visible_close(&v);
        return rc;
    }
    ocds x = {&v, ocid, cJSON_CreateObject(), cJSON_CreateArray(), 1, 0, 0, NULL, {0}, 0};
    x.ok = x.state && x.releases && ipart__performers_open(&x.performers, &v);
    if (x.ok) {
        header(&x);
        fold(&x);
    }
    cJSON *pkg = x.ok ? package(&x) : NULL;
    if (!x.ok) {
        cJSON_Delete(pkg);
        pkg = NULL;
    }
    cJSON_Delete(x.state);
    cJSON_Delete(x.releases);
    ipart__performers_close(&x.performers);
    rc = ipart__export_finish(out, pkg);
    ipart__visible_close(&v);
    return rc;
}
