/*
 * The procurement record (R41; include/ipart/exports.h): the fields of
 * Directive 2014/24/EU Art. 84(1) and FOA § 25-5, read from the events of
 * a party's view, as JSON and as text rendered from that JSON.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stddef.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "io/export_p.h"
#include "ipart/exports.h"
#include "ipart/messages.h"

/* What one pass over the visible events found. */
typedef struct scan {
    const ipart__visible *v;
    const cJSON *created, *need, *dialogue, *notice, *invitation, *award, *cancelled,
        *terminated;
    const cJSON **assessed;   /* per party index: its latest candidate_assessed */
    const cJSON **invited_by; /* per party index: the candidates_invited naming it */
    unsigned char *evaluated; /* per party index: scored in the last tenders_evaluated */
    cJSON *followers, *reduced, *terminations, *changes, *notes;
    ipart__performers performers; /* consortium members and subcontractors (R52, R53) */
    cJSON *funding;               /* the funding sources (doc/funding.md) */
    int ok;
} scan;

static const char *const NOT_RECORDED[] = {"subcontracting", "conflicts_of_interest",
                                           "abnormally_low_tenders"};

static size_t index_of(const scan *s, const char *id)
{
    const ipart__party *party = id ? ipart__party_find(s->v->p, id) : NULL;
    return party ? party->index : s->v->p->party_count;
}

/* {"id", "name", ...} for an operator or authority named by an event. */
static cJSON *party_ref(const scan *s, const char *id)
{
    cJSON *o = cJSON_CreateObject();
    if (o && ipart__add_text(o, "id", id) && ipart__add_text(o, "name", ipart__party_name(s->v->p, id)))
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* Append {"id", "name", "date", "reason"(, extra)} to `list`. */
static cJSON *add_decision(scan *s, cJSON *list, const char *id, const cJSON *ev, const char *reason)
{
    cJSON *o = party_ref(s, id);
    if (o && !(ipart__add_copy(o, "date", ev, "date") && ipart__add_copy(o, "reason", ev, reason))) {
        cJSON_Delete(o);
        o = NULL;
    }
    if (!ipart__json_add(list, NULL, o)) {
        s->ok = 0;
        return NULL;
    }
    return o;
}

static void mark_listed(scan *s, const cJSON *ev, const char *field, const cJSON **by)
{
    const cJSON *id;
    cJSON_ArrayForEach(id, ipart__member(ev, field)) {
        size_t i = index_of(s, cJSON_IsString(id) ? id->valuestring : NULL);
        if (i < s->v->p->party_count)
            by[i] = ev;
    }
}

static void mark_evaluated(scan *s, const cJSON *ev)
{
    memset(s->evaluated, 0, s->v->p->party_count);
    const cJSON *score;
    cJSON_ArrayForEach(score, ipart__member(ev, "scores")) {
        size_t i = index_of(s, ipart__member_text(score, "tenderer"));
        if (i < s->v->p->party_count)
            s->evaluated[i] = 1;
    }
}

static void scan_reduced(scan *s, const cJSON *ev)
{
    const cJSON *id;
    cJSON_ArrayForEach(id, ipart__member(ev, "eliminated")) {
        cJSON *o = add_decision(s, s->reduced, id->valuestring, ev, "reason");
        if (o && !ipart__add_text(o, "ground", "reduced"))
            s->ok = 0;
    }
}

static void scan_gate(scan *s, const cJSON *ev)
{
    const char *decision = ipart__member_text(ev, "decision");
    if (!decision || strcmp(decision, "terminate") != 0)
        return;
    cJSON *o = add_decision(s, s->terminations, ipart__member_text(ev, "partner"), ev, "reason");
    if (o && !(ipart__add_copy(o, "phase", ev, "phase") && ipart__add_copy(o, "ground", ev, "ground")))
        s->ok = 0;
}

static void scan_change(scan *s, const cJSON *ev)
{
    cJSON *o = add_decision(s, s->changes, ipart__member_text(ev, "partner"), ev, "reason");
    if (o && !(ipart__add_copy(o, "delta", ev, "delta") && ipart__add_copy(o, "phase", ev, "phase")))
        s->ok = 0;
}

static void scan_note(scan *s, const cJSON *ev)
{
    cJSON *o = cJSON_CreateObject();
    if (!ipart__json_add(s->notes, NULL, o) || !ipart__add_copy(o, "date", ev, "date") ||
        !ipart__add_copy(o, "text", ev, "text"))
        s->ok = 0;
}

static void scan_follower(scan *s, const cJSON *ev)
{
    const cJSON *f = ipart__member(ev, "follower");
    cJSON *o = party_ref(s, ipart__member_text(f, "id"));
    if (!ipart__json_add(s->followers, NULL, o) || !ipart__add_copy(o, "kind", f, "kind"))
        s->ok = 0;
}

static void scan_event(scan *s, const cJSON *ev, const char *type)
{
    static const struct {
        const char *type;
        size_t field;
    } singles[] = {
        {"partnership_created", offsetof(scan, created)},
        {"need_described", offsetof(scan, need)},
        {"market_dialogue_held", offsetof(scan, dialogue)},
        {"notice_published", offsetof(scan, notice)},
        {"candidates_invited", offsetof(scan, invitation)},
        {"award_decided", offsetof(scan, award)},
        {"procedure_cancelled", offsetof(scan, cancelled)},
        {"partnership_terminated", offsetof(scan, terminated)},
    };
    for (size_t i = 0; i < sizeof singles / sizeof singles[0]; i++)
        if (strcmp(type, singles[i].type) == 0)
            *(const cJSON **)((char *)s + singles[i].field) = ev;
    if (strcmp(type, "candidate_assessed") == 0) {
        size_t i = index_of(s, ipart__member_text(ev, "candidate"));
        if (i < s->v->p->party_count)
            s->assessed[i] = ev;
    } else if (strcmp(type, "candidates_invited") == 0) {
        mark_listed(s, ev, "candidates", s->invited_by);
    } else if (strcmp(type, "tenders_evaluated") == 0) {
        mark_evaluated(s, ev);
    } else if (strcmp(type, "tenders_reduced") == 0) {
        scan_reduced(s, ev);
    } else if (strcmp(type, "phase_gate_decided") == 0) {
        scan_gate(s, ev);
    } else if (strcmp(type, "contract_changed") == 0) {
        scan_change(s, ev);
    } else if (strcmp(type, "note_recorded") == 0) {
        scan_note(s, ev);
    } else if (strcmp(type, "follower_named") == 0) {
        scan_follower(s, ev);
    }
}

static int scan_open(scan *s, const ipart__visible *v)
{
    memset(s, 0, sizeof *s);
    s->v = v;
    size_t n = v->p->party_count ? v->p->party_count : 1;
    s->assessed = ipart__calloc(n, sizeof *s->assessed);
    s->invited_by = ipart__calloc(n, sizeof *s->invited_by);
    s->evaluated = ipart__calloc(n, 1);
    s->followers = cJSON_CreateArray();
    s->reduced = cJSON_CreateArray();
    s->terminations = cJSON_CreateArray();
    s->changes = cJSON_CreateArray();
    s->notes = cJSON_CreateArray();
    s->ok = s->assessed && s->invited_by && s->evaluated && s->followers && s->reduced &&
            s->terminations && s->changes && s->notes;
    s->ok = s->ok && ipart__performers_open(&s->performers, v) &&
            (s->funding = ipart__funding_json(v)) != NULL;
    const cJSON *entry;
    cJSON_ArrayForEach(entry, v->entries) {
        if (!s->ok)
            break;
        scan_event(s, ipart__entry_event(entry), ipart__entry_type(entry));
    }
    return s->ok;
}

static void scan_close(scan *s)
{
    ipart__free(s->assessed);
    ipart__free(s->invited_by);
    ipart__free(s->evaluated);
    cJSON_Delete(s->followers); /* NULL once moved into the record */
    cJSON_Delete(s->reduced);
    cJSON_Delete(s->terminations);
    cJSON_Delete(s->changes);
    cJSON_Delete(s->notes);
    cJSON_Delete(s->funding);
    ipart__performers_close(&s->performers);
}

/* Move a list the scan built into the record. */
static int take(cJSON *o, const char *name, cJSON **list)
{
    int ok = cJSON_AddItemToObject(o, name, *list);
    if (ok)
        *list = NULL;
    return ok;
}

/* ---- sections ------------------------------------------------------------------------ */

static cJSON *authority_section(const scan *s)
{
    const cJSON *a = ipart__member(s->created, "authority");
    cJSON *o = cJSON_CreateObject();
    if (o && ipart__add_copy(o, "id", a, "id") && ipart__add_copy(o, "name", a, "name") &&
        ipart__add_copy(o, "kind", a, "kind"))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static const char *const CONTRACT_TYPES[] = {"supplies", "services", "works"};

static cJSON *subject_section(const scan *s)
{
    const ev_terms *t = s->v->p->terms;
    char key[40] = "";
    if (t)
        strcat(strcpy(key, "contract_type."), CONTRACT_TYPES[t->contract_type]);
    cJSON *o = cJSON_CreateObject();
    if (o && ipart__add_copy(o, "title", s->created, "title") &&
        ipart__add_copy(o, "need", s->need, "need_description") &&
        ipart__add_text(o, "contract_type", t ? CONTRACT_TYPES[t->contract_type] : NULL) &&
        ipart__add_text(o, "contract_type_label", t ? ipart_message(key, s->v->lang) : NULL) &&
        ipart__add_text(o, "later_purchase", t ? t->later_purchase : NULL))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static int add_budget(cJSON *o, const ipart_partnership *p)
{
    const ev_terms *t = p->terms;
    if (!t)
        return ipart__add_text(o, "max_rnd_value", NULL) &&
               ipart__add_text(o, "estimated_purchase_value", NULL) &&
               ipart__add_text(o, "estimated_value", NULL) &&
               ipart__add_text(o, "development_cap", NULL) &&
               cJSON_AddNullToObject(o, "max_value_disclosed") != NULL;
    ipart_money estimated;
    if (ipart_money_add(&estimated, t->budget.max_rnd_value, t->budget.estimated_purchase_value) != IPART_OK)
        return 0; /* the terms' guards keep the sum in range */
    return ipart__add_money(o, "max_rnd_value", t->budget.max_rnd_value) &&
           ipart__add_money(o, "estimated_purchase_value", t->budget.estimated_purchase_value) &&
           ipart__add_money(o, "estimated_value", estimated) &&
           ipart__add_money(o, "development_cap", t->budget.development_cap) &&
           cJSON_AddBoolToObject(o, "max_value_disclosed",
                                 !t->has_max_value_disclosed || t->max_value_disclosed) != NULL;
}

static cJSON *value_section(const scan *s)
{
    const ipart_partnership *p = s->v->p;
    cJSON *o = cJSON_CreateObject();
    int ok = o && ipart__add_text(o, "currency", p->currency[0] ? p->currency : NULL) &&
             add_budget(o, p);
    if (ok && s->award)
        ok = ipart__add_money(o, "awarded_sum", p->awarded_sum);
    else if (ok)
        ok = ipart__add_text(o, "awarded_sum", NULL);
    /* External funding beside the budget, never part of it (only when granted). */
    if (ok && cJSON_GetArraySize(s->funding))
        ok = cJSON_AddItemToObject(o, "funding", cJSON_Duplicate(s->funding, 1)) &&
             cJSON_GetObjectItemCaseSensitive(o, "funding");
    if (ok)
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* The procedure's "reasons" and "notice" members of `o`. */
static int add_procedure_grounds(cJSON *o, const scan *s)
{
    cJSON *reasons = cJSON_AddObjectToObject(o, "reasons");
    if (!reasons || !ipart__add_copy(reasons, "need", s->need, "need_description") ||
        !ipart__add_copy(reasons, "market_check_done", s->need, "market_check_done") ||
        !ipart__add_copy(reasons, "market_check_justification", s->need,
                         "market_check_justification") ||
        !ipart__add_copy(reasons, "market_dialogue", s->dialogue, "summary"))
        return 0;
    if (!s->notice)
        return cJSON_AddNullToObject(o, "notice") != NULL;
    cJSON *notice = cJSON_AddObjectToObject(o, "notice");
    return notice && ipart__add_copy(notice, "date", s->notice, "date") &&
           ipart__add_copy(notice, "channel", s->notice, "channel") &&
           ipart__add_copy(notice, "request_deadline", s->notice, "request_deadline");
}

static cJSON *procedure_section(const scan *s)
{
    cJSON *o = cJSON_CreateObject();
    if (ipart__add_text(o, "type", "innovation_partnership") &&
        ipart__add_text(o, "label", ipart_message("ocds.procedure", s->v->lang)) &&
        add_procedure_grounds(o, s) &&
        ipart__add_copy(o, "electronic_communication", s->created, "electronic_communication"))
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* Selected (invited), rejected (not qualified) and qualified-but-not-invited candidates. */
static cJSON *candidates_section(scan *s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *selected = cJSON_AddArrayToObject(o, "selected");
    cJSON *rejected = cJSON_AddArrayToObject(o, "rejected");
    cJSON *not_invited = cJSON_AddArrayToObject(o, "not_invited");
    if (!selected || !rejected || !not_invited) {
        cJSON_Delete(o);
        return NULL;
    }
    for (size_t i = 0; i < s->v->p->party_count && s->ok; i++) {
        const cJSON *a = s->assessed[i];
        const char *id = s->v->p->parties[i]->id;
        if (!a)
            continue;
        if (!cJSON_IsTrue(ipart__member(a, "qualified")))
            add_decision(s, rejected, id, a, "reason");
        else if (s->invited_by[i]) {
            cJSON *c = add_decision(s, selected, id, a, "reason");
            if (c && !ipart__add_copy(c, "invitation", s->invited_by[i], "reason"))
                s->ok = 0;
        } else if (s->invitation)
            add_decision(s, not_invited, id, s->invitation, "reason");
    }
    return o;
}

/* The tenders eliminated in a reduction, then those evaluated but not awarded. */
static cJSON *tenders_section(scan *s)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !take(o, "rejected", &s->reduced) || !cJSON_AddNullToObject(o, "abnormally_low")) {
        cJSON_Delete(o);
        return NULL;
    }
    cJSON *rejected = cJSON_GetObjectItemCaseSensitive(o, "rejected");
    for (size_t i = 0; s->award && i < s->v->p->party_count && s->ok; i++) {
        const ipart__party *t = s->v->p->parties[i];
        if (!s->evaluated[i] || t->awarded)
            continue;
        cJSON *d = add_decision(s, rejected, t->id, s->award, "reasons");
        if (d && !ipart__add_text(d, "ground", "not_awarded"))
            s->ok = 0;
    }
    return o;
}

/* R52: the members of a consortium as its application named them. */
static cJSON *members_of(const cJSON *named)
{
    cJSON *list = cJSON_CreateArray();
    const cJSON *m;
    cJSON_ArrayForEach(m, named) {
        cJSON *o = cJSON_CreateObject();
        if (!ipart__json_add(list, NULL, o) || !ipart__add_copy(o, "id", m, "id") ||
            !ipart__add_copy(o, "name", m, "name") || !ipart__add_copy(o, "org_no", m, "org_no") ||
            !cJSON_AddBoolToObject(o, "lead", cJSON_IsTrue(ipart__member(m, "lead")))) {
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

/* A partner of the award: {"id", "name"}, and its "members" when it is a consortium. */
static cJSON *partner_ref(const scan *s, const char *id)
{
    cJSON *o = party_ref(s, id);
    size_t i = index_of(s, id);
    const cJSON *members = i < s->v->p->party_count ? s->performers.members[i] : NULL;
    if (o && members && !ipart__json_add(o, "members", members_of(members))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *award_section(const scan *s)
{
    if (!s->award)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject(), *partners = cJSON_AddArrayToObject(o, "partners");
    int ok = partners && ipart__add_copy(o, "date", s->award, "date");
    const cJSON *partner;
    cJSON_ArrayForEach(partner, ipart__member(s->award, "partners")) {
        ok = ok && ipart__json_add(partners, NULL, partner_ref(s, ipart__member_text(partner, "tenderer")));
    }
    ok = ok && ipart__add_copy(o, "reasons", s->award, "reasons") &&
         ipart__add_copy(o, "reason", s->award, "reason");
    if (ok)
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* R53, Art. 84(1)(e): each operator whose latest application or tender in
 * the view names subcontractors, with them and the share they perform:
 * [{"id", "name", "date", "share", "subcontractors"}]; null when the view
 * names none (the log cannot tell "none" from "not stated"). */
static int any_subcontractors(const scan *s)
{
    for (size_t i = 0; i < s->v->p->party_count; i++)
        if (s->performers.subcontractors[i])
            return 1;
    return 0;
}

static cJSON *subcontracting_section(const scan *s)
{
    if (!any_subcontractors(s))
        return cJSON_CreateNull();
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; list && i < s->v->p->party_count; i++) {
        const cJSON *subs = s->performers.subcontractors[i];
        if (!subs)
            continue;
        cJSON *o = party_ref(s, s->v->p->parties[i]->id);
        if (!ipart__json_add(list, NULL, o) ||
            !ipart__add_copy(o, "date", s->performers.named_in[i], "date") ||
            !cJSON_AddNumberToObject(o, "share", (double)ipart__subcontracted_share(subs)) ||
            !ipart__json_add(o, "subcontractors", cJSON_Duplicate(subs, 1))) {
            cJSON_Delete(list);
            return NULL;
        }
    }
    return list;
}

/* Cancellation or termination of the whole partnership: {"date", "reason"} or null. */
static cJSON *ending(const cJSON *ev)
{
    if (!ev)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    if (o && ipart__add_copy(o, "date", ev, "date") && ipart__add_copy(o, "reason", ev, "reason"))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static int add_header(cJSON *r, const ipart__visible *v)
{
    static const char *const sources[] = {"Directive 2014/24/EU Art. 84(1)", "FOA § 25-5"};
    return cJSON_AddStringToObject(r, "format", "ipart-record") &&
           cJSON_AddNumberToObject(r, "version", 1) && cJSON_AddStringToObject(r, "rule", "R41") &&
           ipart__json_add(r, "sources", cJSON_CreateStringArray(sources, 2)) &&
           cJSON_AddStringToObject(r, "language", v->lang) &&
           cJSON_AddStringToObject(r, "party", v->party->id) &&
           cJSON_AddStringToObject(r, "party_name", v->party->name ? v->party->name : "") &&
           cJSON_AddStringToObject(r, "stage", ipart_stage_name(v->p->stage));
}

/* What the log cannot hold; subcontracting is held once the view names subcontractors. */
static cJSON *not_recorded(const scan *s)
{
    int held = any_subcontractors(s);
    return cJSON_CreateStringArray(NOT_RECORDED + held, 3 - held);
}

static int add_sections(cJSON *r, scan *s)
{
    int ok = ipart__json_add(r, "authority", s->created ? authority_section(s) : cJSON_CreateNull()) &&
             take(r, "followers", &s->followers) && ipart__json_add(r, "subject", subject_section(s)) &&
             ipart__json_add(r, "value", value_section(s)) &&
             ipart__json_add(r, "procedure", procedure_section(s)) &&
             ipart__json_add(r, "candidates", candidates_section(s)) &&
             ipart__json_add(r, "tenders", tenders_section(s)) &&
             ipart__json_add(r, "award", award_section(s)) &&
             ipart__json_add(r, "subcontracting", subcontracting_section(s)) &&
             cJSON_AddNullToObject(r, "conflicts_of_interest") &&
             ipart__json_add(r, "cancellation", ending(s->cancelled)) &&
             take(r, "terminations", &s->terminations) &&
             ipart__json_add(r, "partnership_terminated", ending(s->terminated)) &&
             take(r, "changes", &s->changes) && take(r, "notes", &s->notes) &&
             ipart__json_add(r, "not_recorded", not_recorded(s)) &&
             cJSON_AddNumberToObject(r, "withheld", (double)s->v->withheld);
    return ok && s->ok;
}

/* The record of a view as a cJSON tree; NULL when out of memory. */
static cJSON *build_record(const ipart__visible *v)
{
    scan s;
    cJSON *r = scan_open(&s, v) ? cJSON_CreateObject() : NULL;
    if (r && !(add_header(r, v) && add_sections(r, &s))) {
        cJSON_Delete(r);
        r = NULL;
    }
    scan_close(&s);
    return r;
}

ipart_status ipart_partnership_record_json(char **out, const ipart_partnership *p,
                                           const char *party, const char *lang)
{
    if (!out)
        return ipart__fail_null("ipart_partnership_record_json", "out");
    ipart__visible v;
    ipart_status rc = ipart__visible_open(&v, p, party, lang, "ipart_partnership_record_json");
    if (rc == IPART_OK)
        rc = ipart__export_finish(out, build_record(&v));
    ipart__visible_close(&v);
    return rc;
}

/* ---- the text rendering ------------------------------------------------------------------ */

typedef struct text {
    ipart__strbuf b;
    const char *lang;
    const char *currency;
    int section;
    int failed; /* a display amount ran out of memory */
} text;

static const char *label(const text *t, const char *key)
{
    return ipart_message(key, t->lang);
}

static void heading(text *t, const char *key)
{
    ipart__strbuf_printf(&t->b, "\n%d. %s\n", ++t->section, label(t, key));
}

/* "   Label: value" (the value as it is, or "Not recorded in the log" when absent). */
static void line(text *t, const char *key, const char *value)
{
    ipart__strbuf_printf(&t->b, "   %s: %s\n", label(t, key),
                         value && value[0] ? value : label(t, "record.not_recorded"));
}

static void money_line(text *t, const char *key, const char *canonical)
{
    ipart_money m;
    char *shown = NULL;
    if (!canonical || ipart_money_parse(&m, canonical, t->currency) != IPART_OK) {
        line(t, key, NULL); /* absent: "not recorded" */
        return;
    }
    if (ipart_money_format_display(&shown, m, t->lang) != IPART_OK) {
        t->failed = 1; /* only memory: the amount and language are valid */
        return;
    }
    line(t, key, shown);
    ipart__free(shown);
}

static void flag_line(text *t, const char *key, const cJSON *flag)
{
    line(t, key, cJSON_IsBool(flag) ? label(t, cJSON_IsTrue(flag) ? "record.yes" : "record.no")
                                    : NULL);
}

/* "   - Name (id), date: reason" for each entry; "   None" for an empty list. */
static void decisions(text *t, const cJSON *list, const char *reason)
{
    const cJSON *d;
    if (!cJSON_GetArraySize(list))
        ipart__strbuf_printf(&t->b, "   %s\n", label(t, "record.none"));
    cJSON_ArrayForEach(d, list) {
        const char *name = ipart__member_text(d, "name"), *date = ipart__member_text(d, "date");
        const char *why = ipart__member_text(d, reason);
        ipart__strbuf_printf(&t->b, "   - %s (%s)", name && name[0] ? name : "-",
                             ipart__member_text(d, "id"));
        if (date)
            ipart__strbuf_printf(&t->b, ", %s", date);
        ipart__strbuf_printf(&t->b, "%s%s\n", why ? ": " : "", why ? why : "");
    }
}

static void text_header(text *t, const cJSON *r)
{
    const cJSON *subject = ipart__member(r, "subject"), *a = ipart__member(r, "authority");
    const char *title = ipart__member_text(subject, "title");
    ipart__strbuf_printf(&t->b, "%s: %s\n", label(t, "record.title"), title ? title : "");
    ipart__strbuf_printf(&t->b, "%s: %s\n", label(t, "record.sources"),
                         label(t, "record.sources_text"));
    ipart__strbuf_printf(&t->b, "%s: %s (%s)\n", label(t, "record.party"),
                         ipart__member_text(r, "party_name"), ipart__member_text(r, "party"));
    heading(t, "record.authority");
    line(t, "record.authority", ipart__member_text(a, "name"));
    const cJSON *f;
    cJSON_ArrayForEach(f, ipart__member(r, "followers"))
        line(t, "record.followers", ipart__member_text(f, "name"));
}

/* A display amount, or NULL when absent or out of memory (t->failed set); free with ipart__free. */
static char *shown_money(text *t, const char *canonical)
{
    ipart_money m;
    char *shown = NULL;
    if (canonical && ipart_money_parse(&m, canonical, t->currency) == IPART_OK &&
        ipart_money_format_display(&shown, m, t->lang) != IPART_OK)
        t->failed = 1;
    return shown;
}

/* "   External funding: Funder (source): amount, drawn: amount" per source. */
static void text_funding(text *t, const cJSON *funding)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, funding) {
        char *amount = shown_money(t, ipart__member_text(f, "amount"));
        char *drawn = shown_money(t, ipart__member_text(f, "drawn"));
        ipart__strbuf_printf(&t->b, "   %s: %s (%s): %s, %s: %s\n", label(t, "record.funding"),
                             ipart__member_text(f, "funder"), ipart__member_text(f, "source"),
                             amount ? amount : "", label(t, "record.funding_drawn"),
                             drawn ? drawn : "");
        ipart__free(amount);
        ipart__free(drawn);
    }
}

/* A share in basis points as a percentage: "12 %", "12.5 %" ("12,5 %" in nb). */
static void put_percent(text *t, const cJSON *bp)
{
    long long v = cJSON_IsNumber(bp) ? (long long)bp->valuedouble : 0;
    if (v % 100 == 0)
        ipart__strbuf_printf(&t->b, "%lld %%", v / 100);
    else
        ipart__strbuf_printf(&t->b, "%lld%s%02lld %%", v / 100,
                             strcmp(t->lang, "nb") == 0 ? "," : ".", v % 100);
}

/* "     Members: Name (org no, lead); Name (org no)" under a consortium partner (R52). */
static void text_members(text *t, const cJSON *members)
{
    const cJSON *m;
    if (!members)
        return;
    ipart__strbuf_printf(&t->b, "     %s:", label(t, "record.members"));
    cJSON_ArrayForEach(m, members) {
        ipart__strbuf_printf(&t->b, "%s %s (%s%s%s)", m == members->child ? "" : ";",
                             ipart__member_text(m, "name"), ipart__member_text(m, "org_no"),
                             cJSON_IsTrue(ipart__member(m, "lead")) ? ", " : "",
                             cJSON_IsTrue(ipart__member(m, "lead")) ? label(t, "record.lead") : "");
    }
    ipart__strbuf_putc(&t->b, '\n');
}

/* R53: each operator's subcontractors with their roles and shares; "not recorded" when none. */
static void text_subcontracting(text *t, const cJSON *list)
{
    const cJSON *o, *sub;
    if (!cJSON_IsArray(list)) {
        line(t, "record.subcontracting", NULL);
        return;
    }
    cJSON_ArrayForEach(o, list) {
        ipart__strbuf_printf(&t->b, "   - %s (%s), %s: ", ipart__member_text(o, "name"),
                             ipart__member_text(o, "id"), ipart__member_text(o, "date"));
        put_percent(t, ipart__member(o, "share"));
        ipart__strbuf_putc(&t->b, '\n');
        cJSON_ArrayForEach(sub, ipart__member(o, "subcontractors")) {
            const char *org_no = ipart__member_text(sub, "org_no");
            ipart__strbuf_printf(&t->b, "     %s%s%s%s: %s, ", ipart__member_text(sub, "name"),
                                 org_no ? " (" : "", org_no ? org_no : "", org_no ? ")" : "",
                                 ipart__member_text(sub, "role"));
            put_percent(t, ipart__member(sub, "share"));
            ipart__strbuf_putc(&t->b, '\n');
        }
    }
}

static void text_subject_value(text *t, const cJSON *r)
{
    const cJSON *subject = ipart__member(r, "subject"), *value = ipart__member(r, "value");
    heading(t, "record.subject");
    line(t, "record.need", ipart__member_text(subject, "need"));
    line(t, "record.contract_type", ipart__member_text(subject, "contract_type_label"));
    heading(t, "record.value");
    money_line(t, "record.max_rnd_value", ipart__member_text(value, "max_rnd_value"));
    money_line(t, "record.estimated_purchase_value",
               ipart__member_text(value, "estimated_purchase_value"));
    money_line(t, "record.estimated_value", ipart__member_text(value, "estimated_value"));
    money_line(t, "record.development_cap", ipart__member_text(value, "development_cap"));
    money_line(t, "record.awarded_sum", ipart__member_text(value, "awarded_sum"));
    flag_line(t, "record.max_value_disclosed", ipart__member(value, "max_value_disclosed"));
    text_funding(t, ipart__member(value, "funding"));
}

static void text_procedure(text *t, const cJSON *r)
{
    const cJSON *proc = ipart__member(r, "procedure"), *reasons = ipart__member(proc, "reasons");
    const cJSON *notice = ipart__member(proc, "notice");
    heading(t, "record.reasons_for_procedure");
    line(t, "record.procedure", ipart__member_text(proc, "label"));
    line(t, "record.need", ipart__member_text(reasons, "need"));
    flag_line(t, "record.market_check", ipart__member(reasons, "market_check_done"));
    line(t, "record.market_check_justification",
         ipart__member_text(reasons, "market_check_justification"));
    line(t, "record.market_dialogue", ipart__member_text(reasons, "market_dialogue"));
    line(t, "record.notice", ipart__member_text(notice, "date"));
    line(t, "record.request_deadline", ipart__member_text(notice, "request_deadline"));
    flag_line(t, "record.electronic_communication", ipart__member(proc, "electronic_communication"));
}

static void text_competition(text *t, const cJSON *r)
{
    const cJSON *c = ipart__member(r, "candidates"), *award = ipart__member(r, "award");
    heading(t, "record.selected_candidates");
    decisions(t, ipart__member(c, "selected"), "reason");
    heading(t, "record.rejected_candidates");
    decisions(t, ipart__member(c, "rejected"), "reason");
    ipart__strbuf_printf(&t->b, "   %s:\n", label(t, "record.not_invited"));
    decisions(t, ipart__member(c, "not_invited"), "reason");
    heading(t, "record.rejected_tenders");
    decisions(t, ipart__member(ipart__member(r, "tenders"), "rejected"), "reason");
    line(t, "record.abnormally_low", NULL);
    heading(t, "record.winners");
    decisions(t, ipart__member(award, "partners"), "reason");
    const cJSON *partner;
    cJSON_ArrayForEach(partner, ipart__member(award, "partners"))
        text_members(t, ipart__member(partner, "members"));
    line(t, "record.winners", ipart__member_text(award, "reasons"));
    line(t, "record.award_reason", ipart__member_text(award, "reason"));
}

static void text_rest(text *t, const cJSON *r)
{
    heading(t, "record.subcontracting");
    text_subcontracting(t, ipart__member(r, "subcontracting"));
    heading(t, "record.conflicts");
    line(t, "record.conflicts", NULL);
    heading(t, "record.cancellation");
    const cJSON *cancelled = ipart__member(r, "cancellation");
    line(t, "record.cancellation", cJSON_IsObject(cancelled) ? ipart__member_text(cancelled, "reason")
                                                             : label(t, "record.none"));
    heading(t, "record.terminations");
    decisions(t, ipart__member(r, "terminations"), "reason");
    heading(t, "record.changes");
    decisions(t, ipart__member(r, "changes"), "reason");
    heading(t, "record.notes");
    const cJSON *n;
    cJSON_ArrayForEach(n, ipart__member(r, "notes"))
        ipart__strbuf_printf(&t->b, "   - %s: %s\n", ipart__member_text(n, "date"),
                             ipart__member_text(n, "text"));
    ipart__strbuf_printf(&t->b, "\n%s: %d\n", label(t, "record.withheld"),
                         ipart__member(r, "withheld")->valueint);
}

ipart_status ipart_partnership_record_text(char **out, const ipart_partnership *p,
                                           const char *party, const char *lang)
{
    if (!out)
        return ipart__fail_null("ipart_partnership_record_text", "out");
    ipart__visible v;
    ipart_status rc = ipart__visible_open(&v, p, party, lang, "ipart_partnership_record_text");
    cJSON *r = rc == IPART_OK ? build_record(&v) : NULL;
    if (rc == IPART_OK && !r)
        rc = ipart__fail_nomem();
    if (rc == IPART_OK) {
        text t = {IPART__STRBUF_INIT, v.lang, p->currency, 0, 0};
        text_header(&t, r);
        text_subject_value(&t, r);
        text_procedure(&t, r);
        text_competition(&t, r);
        text_rest(&t, r);
        if (t.failed) {
            ipart__strbuf_free(&t.b);
            rc = ipart__fail_nomem();
        } else {
            rc = ipart__strbuf_finish(&t.b, out);
        }
    }
    cJSON_Delete(r);
    ipart__visible_close(&v);
    return rc;
}
