/*
 * eForms notices (include/ipart/exports.h), written with libxml2's
 * xmlTextWriter against the eForms SDK 1.15: subtype 16 (contract notice),
 * 29 (contract award notice), 38 (contract modification notice) and E1
 * (pre-market consultation, from the need mapping and the market dialogue:
 * write_consultation()).
 *
 * Every leaf goes through field(), which writes the element and records
 * the value in the notice's map keyed by eForms field id (BT-105-Procedure
 * ...), so the XML and the map cannot disagree. What the log does not hold
 * (the CPV code, addresses, organisation numbers, the review body, the
 * notice's own ids) comes from the platform's settings.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "core/money_p.h"
#include "core/strbuf_p.h"
#include "io/export_p.h"
#include "io/json_p.h"
#include "ipart/exports.h"
#include "rules/rules_p.h"
#include "model/parties_p.h"
#include "model/programme_p.h"

/* ---- settings ------------------------------------------------------------------------- */

typedef struct settings {
    const char *notice_id, *procedure_id, *cpv, *documents_url, *country;
    const char *buyer_org_no, *buyer_city, *buyer_activity;
    const char *review_name, *review_org_no, *review_city;
    const cJSON *organisations; /* optional: {"<operator id>": {"org_no", "city"}} */
    const char *award_notice_id; /* optional; 38: the award notice the change modifies */
    const char *place_nuts;      /* optional: the place of performance, a NUTS 3 code */
} settings;

static const struct {
    const char *name;
    size_t offset;
} SETTINGS[] = {
    {"notice_id", offsetof(settings, notice_id)},
    {"procedure_id", offsetof(settings, procedure_id)},
    {"cpv", offsetof(settings, cpv)},
    {"documents_url", offsetof(settings, documents_url)},
    {"country", offsetof(settings, country)},
    {"buyer_org_no", offsetof(settings, buyer_org_no)},
    {"buyer_city", offsetof(settings, buyer_city)},
    {"buyer_activity", offsetof(settings, buyer_activity)},
    {"review_body_name", offsetof(settings, review_name)},
    {"review_body_org_no", offsetof(settings, review_org_no)},
    {"review_body_city", offsetof(settings, review_city)},
    {"award_notice_id", offsetof(settings, award_notice_id)},
    {"place_nuts", offsetof(settings, place_nuts)},
};
#define SETTING_COUNT (sizeof SETTINGS / sizeof SETTINGS[0])
#define REQUIRED_SETTINGS (SETTING_COUNT - 2) /* the last two are optional */

/* A NUTS 3 code's shape: two capital letters and three capital letters or
 * digits ("NO0A1"); whether it exists is for the platform's copy of the
 * NUTS list (doc/exports.md). */
static int nuts3_shaped(const char *code)
{
    if (strlen(code) != 5)
        return 0;
    for (size_t i = 0; i < 5; i++) {
        int upper = code[i] >= 'A' && code[i] <= 'Z', digit = code[i] >= '0' && code[i] <= '9';
        if (!upper && !(digit && i >= 2))
            return 0;
    }
    return 1;
}

/* Every setting is a non-empty string of at most 200 bytes (all but the
 * last of SETTINGS required), "organisations" an object; no other member. */
static ipart_status read_settings(settings *s, cJSON **json, const char *text)
{
    int oom = 0;
    *json = ipart__json_parse_text(text, &oom);
    if (oom)
        return ipart__fail_nomem();
    if (!cJSON_IsObject(*json))
        return ipart__fail(IPART_EINVAL, "eforms.settings", "the settings are not a JSON object");
    const cJSON *m;
    cJSON_ArrayForEach(m, *json) {
        if (strcmp(m->string, "organisations") == 0) {
            if (!cJSON_IsObject(m))
                return ipart__fail_rule(IPART_EINVAL, NULL, NULL, "$.organisations",
                                        "eforms.settings.value",
                                        "setting 'organisations' must be an object");
            s->organisations = m;
            continue;
        }
        size_t i = 0;
        while (i < SETTING_COUNT && strcmp(SETTINGS[i].name, m->string) != 0)
            i++;
        if (i == SETTING_COUNT)
            return ipart__fail_rule(IPART_EINVAL, NULL, NULL, "$", "eforms.settings.unknown",
                                    "unknown setting '%.64s'", m->string);
        if (!cJSON_IsString(m) || !m->valuestring[0] || strlen(m->valuestring) > 200)
            return ipart__fail_rule(IPART_EINVAL, NULL, NULL, "$", "eforms.settings.value",
                                    "setting '%s' must be a string of 1 to 200 bytes",
                                    SETTINGS[i].name);
        *(const char **)((char *)s + SETTINGS[i].offset) = m->valuestring;
    }
    for (size_t i = 0; i < REQUIRED_SETTINGS; i++)
        if (!*(const char **)((char *)s + SETTINGS[i].offset))
            return ipart__fail_rule(IPART_EINVAL, NULL, NULL, "$", "eforms.settings.missing",
                                    "setting '%s' is missing", SETTINGS[i].name);
    if (s->place_nuts && !nuts3_shaped(s->place_nuts))
        return ipart__fail_rule(IPART_EINVAL, NULL, NULL, "$.place_nuts", "eforms.settings.value",
                                "setting 'place_nuts' must be a NUTS 3 code (two capital letters "
                                "and three capital letters or digits, e.g. 'NO0A1')");
    return IPART_OK;
}

/* ---- the writer ------------------------------------------------------------------------- */

typedef struct notice {
    const ipart__visible *v;
    const settings *s;
    xmlTextWriterPtr w;
    cJSON *map; /* field id -> [values] */
    int ok;
    int modification; /* 38: the fields of a modification notice only */
    int consultation; /* E1: the fields of a pre-market consultation notice only */
} notice;

static void open_el(notice *n, const char *name)
{
    if (xmlTextWriterStartElement(n->w, BAD_CAST name) < 0)
        n->ok = 0;
}

static void close_el(notice *n)
{
    if (xmlTextWriterEndElement(n->w) < 0)
        n->ok = 0;
}

static void remember(notice *n, const char *field_id, const char *value)
{
    cJSON *values = cJSON_GetObjectItemCaseSensitive(n->map, field_id);
    if (!values && !(values = cJSON_AddArrayToObject(n->map, field_id))) {
        n->ok = 0;
        return;
    }
    if (!ipart__json_add(values, NULL, cJSON_CreateString(value)))
        n->ok = 0;
}

/* <name attr="attr_value">value</name>, recorded under field_id. */
static void field(notice *n, const char *field_id, const char *name, const char *attr,
                  const char *attr_value, const char *value)
{
    int rc = xmlTextWriterStartElement(n->w, BAD_CAST name);
    if (rc >= 0 && attr)
        rc = xmlTextWriterWriteAttribute(n->w, BAD_CAST attr, BAD_CAST attr_value);
    if (rc >= 0)
        rc = xmlTextWriterWriteString(n->w, BAD_CAST value);
    if (rc >= 0)
        rc = xmlTextWriterEndElement(n->w);
    if (rc < 0)
        n->ok = 0;
    remember(n, field_id, value);
}

static void text_field(notice *n, const char *field_id, const char *name, const char *value)
{
    field(n, field_id, name, "languageID", "ENG", value ? value : "-");
}

/* An organisation reference: <wrapper><cac:PartyIdentification><cbc:ID>. */
static void org_ref(notice *n, const char *field_id, const char *wrapper, const char *org)
{
    open_el(n, wrapper);
    open_el(n, "cac:PartyIdentification");
    field(n, field_id, "cbc:ID", "schemeName", "organization", org);
    close_el(n);
    close_el(n);
}

/* A date of the log with Oslo's offset that day: +02:00 from the last
 * Sunday of March to the day before the last Sunday of October, else +01:00. */
static void oslo_date(char out[20], const char *date)
{
    int y = 0, m = 0, d = 0;
    sscanf(date ? date : "", "%d-%d-%d", &y, &m, &d);
    /* the last Sunday of month `mm` (31 days: March, October), by Zeller's rule */
    int last[2];
    for (int i = 0; i < 2; i++) {
        int mm = i ? 10 : 3, yy = y, k, j, h;
        k = yy % 100;
        j = yy / 100;
        h = (31 + 13 * (mm + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7; /* 0 = Saturday */
        last[i] = 31 - ((h + 6) % 7);
    }
    int summer = (m > 3 && m < 10) || (m == 3 && d >= last[0]) || (m == 10 && d < last[1]);
    snprintf(out, 20, "%04d-%02d-%02d%s", y, m, d, summer ? "+02:00" : "+01:00");
}

static void date_field(notice *n, const char *field_id, const char *name, const char *date)
{
    char text[20];
    oslo_date(text, date);
    field(n, field_id, name, NULL, NULL, text);
}

static void time_field(notice *n, const char *field_id, const char *name, const char *date,
                       const char *time)
{
    char d[20], text[32];
    oslo_date(d, date);
    snprintf(text, sizeof text, "%s%s", time, d + 10);
    field(n, field_id, name, NULL, NULL, text);
}

static void amount_field(notice *n, const char *field_id, const char *name, ipart_money amount)
{
    char text[IPART__MONEY_TEXT_SIZE];
    if (ipart__money_canonical(text, amount) != IPART_OK) {
        n->ok = 0;
        return;
    }
    field(n, field_id, name, "currencyID", n->v->p->currency, text);
}

/* ---- what the log says --------------------------------------------------------------- */

typedef struct facts facts;

struct facts {
    const cJSON *created, *need, *notice, *award, *change;
    /* E1: the first event of the consultation (a need mapping or a dialogue
     * open to all) and the last dialogue open to all */
    const cJSON *consultation_opened, *dialogue_closed;
    const char *partners[IPART__MAX_PARTNERS]; /* the results: the award's, or the changed one */
    size_t partner_count;
    int modified; /* 38: the partner's contract value after the changes */
    /* Who performs each partner's contract, public with the award (Annex V
     * part D): its application (a consortium's members, R52) and its latest
     * tender (subcontractors, R53), read from the log, so every party's
     * notice is the same; and the number of each one's first organisation. */
    cJSON *requests[IPART__MAX_PARTNERS], *tenders[IPART__MAX_PARTNERS];
    int first_org[IPART__MAX_PARTNERS], first_sub_org[IPART__MAX_PARTNERS];
};

static void gather(facts *f, const ipart__visible *v)
{
    memset(f, 0, sizeof *f);
    const cJSON *entry;
    cJSON_ArrayForEach(entry, v->entries) {
        const cJSON *ev = ipart__entry_event(entry);
        const char *type = ipart__entry_type(entry);
        int dialogue = ipart__open_dialogue(type, ev);
        if (dialogue)
            f->dialogue_closed = ev;
        if (!f->consultation_opened && (dialogue || strcmp(type, "need_mapped") == 0))
            f->consultation_opened = ev;
        if (strcmp(type, "partnership_created") == 0)
            f->created = ev;
        else if (strcmp(type, "need_described") == 0)
            f->need = ev;
        else if (strcmp(type, "notice_published") == 0)
            f->notice = ev;
        else if (strcmp(type, "award_decided") == 0)
            f->award = ev;
        else if (strcmp(type, "contract_changed") == 0 &&
                 !cJSON_IsTrue(ipart__member(entry, "partial"))) {
            f->change = ev;
        }
    }
}

/* The partners a notice reports on: every partner of the award (29), or
 * the partner of the last contract change (38). */
static void results_of(facts *f, int modified)
{
    f->modified = modified;
    f->partner_count = 0;
    if (modified) {
        if (f->change)
            f->partners[f->partner_count++] = ipart__member_text(f->change, "partner");
        return;
    }
    const cJSON *partner;
    cJSON_ArrayForEach(partner, ipart__member(f->award, "partners"))
        if (f->partner_count < IPART__MAX_PARTNERS)
            f->partners[f->partner_count++] = ipart__member_text(partner, "tenderer");
}

static int partner_slot(const facts *f, const char *id)
{
    for (size_t j = 0; id && j < f->partner_count; j++)
        if (strcmp(f->partners[j], id) == 0)
            return (int)j;
    return -1;
}

/* The partners' applications and latest tenders from the log (a member's
 * tender is its consortium's); 0 when out of memory. */
static int read_performers(facts *f, const ipart_partnership *p)
{
    for (size_t i = 0; i < p->log_count; i++) {
        const ipart__log_entry *e = &p->log[i];
        int request = e->type == IPART__EV_PARTICIPATION_REQUESTED;
        if ((!request && e->type != IPART__EV_TENDER_SUBMITTED) || !e->actor)
            continue;
        int j = partner_slot(f, ipart__party_seen_as(p, e->actor)->id);
        if (j < 0)
            continue;
        cJSON *ev = cJSON_ParseWithLength(e->json, e->length);
        if (!ev)
            return 0;
        cJSON **slot = request ? &f->requests[j] : &f->tenders[j];
        cJSON_Delete(*slot);
        *slot = ev;
    }
    return 1;
}

static void forget_performers(facts *f)
{
    for (size_t j = 0; j < IPART__MAX_PARTNERS; j++) {
        cJSON_Delete(f->requests[j]);
        cJSON_Delete(f->tenders[j]);
    }
}

static const cJSON *members_of(const facts *f, size_t j)
{
    return ipart__member(ipart__member(f->requests[j], "operator"), "members");
}

static const cJSON *subcontractors_of(const facts *f, size_t j)
{
    return f->tenders[j] ? ipart__member(ipart__member(f->tenders[j], "tender"), "subcontractors")
                         : ipart__member(f->requests[j], "subcontractors");
}

/* Number the organisations of the results: from ORG-0003 each partner, or
 * each member of a consortium partner; then the subcontractors with an
 * organisation number. */
static void number_organisations(facts *f)
{
    int next = 3;
    for (size_t j = 0; j < f->partner_count; j++) {
        int members = cJSON_GetArraySize(members_of(f, j));
        f->first_org[j] = next;
        next += members ? members : 1;
    }
    for (size_t j = 0; j < f->partner_count; j++) {
        const cJSON *sub;
        f->first_sub_org[j] = next;
        cJSON_ArrayForEach(sub, subcontractors_of(f, j))
            next += ipart__member_text(sub, "org_no") != NULL;
    }
}

static const char *const NATURES[] = {"supplies", "services", "works"};

/* BT-97, the language requests and answers may be written in: the
 * profile's country's (the EU profile: English). */
static const char *submission_language(const ipart_partnership *p)
{
    static const char *const LANGUAGES[][2] = {{"NO", "NOR"}, {"SE", "SWE"}, {"DK", "DAN"}};
    for (size_t i = 0; i < sizeof LANGUAGES / sizeof LANGUAGES[0]; i++)
        if (strcmp(p->profile->code, LANGUAGES[i][0]) == 0)
            return LANGUAGES[i][1];
    return "ENG";
}
/* buyer-legal-type of each authority kind, in the order of
 * ipart__authority_kind_names (doc/authority-kinds.md): counties and regions
 * are regional authorities; hospital trusts, regional health authorities
 * and state enterprises bodies governed by public law that the state
 * controls. A knowledge institution never buys (R54); its entry keeps the
 * table whole. */
static const char *const LEGAL_TYPES[] = {"cga", "la", "body-pl", "pub-undert", "ra", "la",
                                          "ra", "body-pl-cga", "body-pl-cga", "body-pl-cga",
                                          "body-pl"};
_Static_assert(sizeof LEGAL_TYPES / sizeof LEGAL_TYPES[0] == IPART__AUTH_KIND_COUNT,
               "one buyer-legal-type per authority kind");

/* ---- organisations ------------------------------------------------------------------- */

static void organisation(notice *n, const char *id, const char *name, const char *org_no,
                         const char *city)
{
    open_el(n, "efac:Organization");
    open_el(n, "efac:Company");
    open_el(n, "cac:PartyIdentification");
    field(n, "OPT-200-Organization-Company", "cbc:ID", "schemeName", "organization", id);
    close_el(n);
    open_el(n, "cac:PartyName");
    text_field(n, "BT-500-Organization-Company", "cbc:Name", name);
    close_el(n);
    open_el(n, "cac:PostalAddress");
    field(n, "BT-513-Organization-Company", "cbc:CityName", NULL, NULL, city);
    open_el(n, "cac:Country");
    field(n, "BT-514-Organization-Company", "cbc:IdentificationCode", "listName", "country",
          n->s->country);
    close_el(n);
    close_el(n);
    open_el(n, "cac:PartyLegalEntity");
    field(n, "BT-501-Organization-Company", "cbc:CompanyID", NULL, NULL, org_no);
    close_el(n);
    close_el(n);
    close_el(n);
}

static void notice_result(notice *n, const facts *f);
static void modification(notice *n, const facts *f);
static void partner_organisations(notice *n, const facts *f);

static void extension(notice *n, const char *subtype, const facts *f, int results)
{
    open_el(n, "ext:UBLExtensions");
    open_el(n, "ext:UBLExtension");
    open_el(n, "ext:ExtensionContent");
    open_el(n, "efext:EformsExtension");
    if (f->modified)
        modification(n, f);
    if (results)
        notice_result(n, f);
    open_el(n, "efac:NoticeSubType");
    field(n, "OPP-070-notice", "cbc:SubTypeCode", "listName", "notice-subtype", subtype);
    close_el(n);
    open_el(n, "efac:Organizations");
    organisation(n, "ORG-0001", n->v->p->authority->name, n->s->buyer_org_no, n->s->buyer_city);
    organisation(n, "ORG-0002", n->s->review_name, n->s->review_org_no, n->s->review_city);
    if (results)
        partner_organisations(n, f);
    close_el(n);
    close_el(n);
    close_el(n);
    close_el(n);
    close_el(n);
}

/* ---- results (29) ------------------------------------------------------------------------ */

/* The partner's settings member `name` ("org_no", "city"), or NULL. */
static const char *partner_setting(const notice *n, const char *partner, const char *name)
{
    const cJSON *o = ipart__member(n->s->organisations, partner);
    return ipart__member_text(o, name);
}

/* The city of a member (by its id) or subcontractor (by its organisation
 * number) from the settings' organisations, else its partner's. */
static const char *city_of(const notice *n, const char *key, const char *partner)
{
    const char *city = key ? partner_setting(n, key, "city") : NULL;
    return city ? city : partner_setting(n, partner, "city");
}

static void org_id(char out[16], int number)
{
    snprintf(out, 16, "ORG-%04d", number);
}

/* Each partner, or each member of a consortium partner (R52); then the
 * subcontractors with an organisation number (R53). */
static void partner_organisations(notice *n, const facts *f)
{
    char org[16];
    for (size_t i = 0; i < f->partner_count; i++) {
        const char *id = f->partners[i];
        const cJSON *members = members_of(f, i), *m;
        int k = f->first_org[i];
        if (!members) {
            org_id(org, k);
            organisation(n, org, ipart__party_name(n->v->p, id), partner_setting(n, id, "org_no"),
                         partner_setting(n, id, "city"));
        }
        cJSON_ArrayForEach(m, members) {
            org_id(org, k++);
            organisation(n, org, ipart__member_text(m, "name"), ipart__member_text(m, "org_no"),
                         city_of(n, ipart__member_text(m, "id"), id));
        }
    }
    for (size_t i = 0; i < f->partner_count; i++) {
        const cJSON *sub;
        int k = f->first_sub_org[i];
        cJSON_ArrayForEach(sub, subcontractors_of(f, i)) {
            const char *org_no = ipart__member_text(sub, "org_no");
            if (!org_no)
                continue;
            org_id(org, k++);
            organisation(n, org, ipart__member_text(sub, "name"), org_no,
                         city_of(n, org_no, f->partners[i]));
        }
    }
}

/* The value of a partner's tender (its development price, public with the
 * award) or, after changes (38), of its contract: the original price plus
 * the net changes. */
static ipart_money partner_value(const notice *n, const facts *f, const char *partner)
{
    const ipart__party *party = ipart__party_find(n->v->p, partner);
    const ipart__contract *c = party->contract;
    ipart_money value = party->development_price;
    if (f->modified && c && ipart_money_add(&value, c->original, c->changes) != IPART_OK)
        value = c->original; /* the change guards keep the sum in range (R34) */
    return value;
}

static void reference_id(notice *n, const char *field_id, const char *wrapper, const char *scheme,
                         const char *prefix, int i)
{
    char id[16];
    snprintf(id, sizeof id, "%s-%04d", prefix, i);
    open_el(n, wrapper);
    field(n, field_id, "cbc:ID", "schemeName", scheme, id);
    close_el(n);
}

static void lot_result(notice *n, int partners)
{
    open_el(n, "efac:LotResult");
    field(n, "OPT-322-LotResult", "cbc:ID", "schemeName", "result", "RES-0001");
    if (!n->modification)
        field(n, "BT-142-LotResult", "cbc:TenderResultCode", "listName", "winner-selection-status",
              "selec-w");
    for (int i = 1; i <= partners; i++)
        reference_id(n, "OPT-320-LotResult", "efac:LotTender", "tender", "TEN", i);
    for (int i = 1; i <= partners; i++)
        reference_id(n, "OPT-315-LotResult", "efac:SettledContract", "contract", "CON", i);
    open_el(n, "efac:TenderLot");
    field(n, "BT-13713-LotResult", "cbc:ID", "schemeName", "Lot", "LOT-0000");
    close_el(n);
    close_el(n);
}

/* R53: the subcontracting the tender names (BT-773 yes, its share known,
 * BT-555, and who does what, BT-554); nothing when it names none. */
static void subcontracting_term(notice *n, const cJSON *subs)
{
    if (!subs)
        return;
    char description[1024] = "", percent[32];
    const cJSON *sub;
    cJSON_ArrayForEach(sub, subs) {
        const char *org_no = ipart__member_text(sub, "org_no");
        size_t used = strlen(description);
        snprintf(description + used, sizeof description - used, "%s%s%s%s%s: %s",
                 used ? "; " : "", ipart__member_text(sub, "name"), org_no ? " (" : "",
                 org_no ? org_no : "", org_no ? ")" : "", ipart__member_text(sub, "role"));
    }
    long long bp = (long long)ipart__subcontracted_share(subs);
    if (bp % 100)
        snprintf(percent, sizeof percent, "%lld.%02lld", bp / 100, bp % 100);
    else
        snprintf(percent, sizeof percent, "%lld", bp / 100);
    open_el(n, "efac:SubcontractingTerm");
    text_field(n, "BT-554-Tender", "efbc:TermDescription", description);
    field(n, "BT-555-Tender", "efbc:TermPercent", NULL, NULL, percent);
    field(n, "BT-773-Tender", "efbc:TermCode", "listName", "applicability", "yes");
    field(n, "BT-731-Tender", "efbc:PercentageKnownIndicator", NULL, NULL, "true");
    field(n, "BT-730-Tender", "efbc:ValueKnownIndicator", NULL, NULL, "false");
    close_el(n);
}

/* The partner's tender: its value (BT-720) is the development price the award made public. */
static void lot_tender(notice *n, const facts *f, const char *partner, int i)
{
    char id[16];
    open_el(n, "efac:LotTender");
    snprintf(id, sizeof id, "TEN-%04d", i);
    field(n, "OPT-321-Tender", "cbc:ID", "schemeName", "tender", id);
    open_el(n, "cac:LegalMonetaryTotal");
    amount_field(n, "BT-720-Tender", "cbc:PayableAmount", partner_value(n, f, partner));
    close_el(n);
    subcontracting_term(n, subcontractors_of(f, (size_t)i - 1));
    reference_id(n, "OPT-310-Tender", "efac:TenderingParty", "tendering-party", "TPA", i);
    open_el(n, "efac:TenderLot");
    field(n, "BT-13714-Tender", "cbc:ID", "schemeName", "Lot", "LOT-0000");
    close_el(n);
    open_el(n, "efac:TenderReference");
    field(n, "BT-3201-Tender", "cbc:ID", NULL, NULL, partner);
    close_el(n);
    close_el(n);
}

static void settled_contract(notice *n, const facts *f, const char *partner, int i)
{
    char id[16];
    open_el(n, "efac:SettledContract");
    snprintf(id, sizeof id, "CON-%04d", i);
    field(n, "OPT-316-Contract", "cbc:ID", "schemeName", "contract", id);
    date_field(n, "BT-1451-Contract", "cbc:AwardDate", ipart__member_text(f->award, "date"));
    open_el(n, "efac:ContractReference");
    field(n, "BT-150-Contract", "cbc:ID", NULL, NULL, partner);
    close_el(n);
    reference_id(n, "BT-3202-Contract", "efac:LotTender", "tender", "TEN", i);
    close_el(n);
}

static void tenderer(notice *n, int org, const char *lead)
{
    char id[16];
    org_id(id, org);
    open_el(n, "efac:Tenderer");
    field(n, "OPT-300-Tenderer", "cbc:ID", "schemeName", "organization", id);
    if (lead)
        field(n, "OPT-170-Tenderer", "efbc:GroupLeadIndicator", NULL, NULL, lead);
    close_el(n);
}

/* R53: each subcontractor with an organisation number, under the main
 * contractor (the consortium's lead, or the partner). */
static void subcontractors(notice *n, const facts *f, size_t j, int main_org)
{
    char id[16], main_id[16];
    const cJSON *sub;
    int k = f->first_sub_org[j];
    org_id(main_id, main_org);
    cJSON_ArrayForEach(sub, subcontractors_of(f, j)) {
        if (!ipart__member_text(sub, "org_no"))
            continue;
        org_id(id, k++);
        open_el(n, "efac:SubContractor");
        field(n, "OPT-301-Tenderer-SubCont", "cbc:ID", "schemeName", "organization", id);
        open_el(n, "efac:MainContractor");
        field(n, "OPT-301-Tenderer-MainCont", "cbc:ID", "schemeName", "organization", main_id);
        close_el(n);
        close_el(n);
    }
}

/* The tendering party of partner j: the partner, or every member of a
 * consortium with its group-lead indicator (R52); then its subcontractors. */
static void tendering_party(notice *n, const facts *f, size_t j)
{
    char id[16];
    open_el(n, "efac:TenderingParty");
    snprintf(id, sizeof id, "TPA-%04zu", j + 1);
    field(n, "OPT-210-Tenderer", "cbc:ID", "schemeName", "tendering-party", id);
    const cJSON *members = members_of(f, j), *m;
    int k = f->first_org[j], main_org = k;
    if (!members)
        tenderer(n, k, NULL);
    cJSON_ArrayForEach(m, members) {
        int lead = cJSON_IsTrue(ipart__member(m, "lead"));
        if (lead)
            main_org = k;
        tenderer(n, k++, lead ? "true" : "false");
    }
    subcontractors(n, f, j, main_org);
    close_el(n);
}

/* One tender, contract and tendering party per partner of the award. */
static void notice_result(notice *n, const facts *f)
{
    int count = (int)f->partner_count;
    open_el(n, "efac:NoticeResult");
    amount_field(n, "BT-161-NoticeResult", "cbc:TotalAmount",
                 f->modified ? partner_value(n, f, f->partners[0]) : n->v->p->awarded_sum);
    lot_result(n, count);
    for (int i = 0; i < count; i++)
        lot_tender(n, f, f->partners[i], i + 1);
    for (int i = 0; i < count; i++)
        settled_contract(n, f, f->partners[i], i + 1);
    for (size_t j = 0; j < f->partner_count; j++)
        tendering_party(n, f, j);
    close_el(n);
}

/* 38: what changed in the partner's contract, and why (Art. 72). A change
 * under a clause of the terms is a review clause (Art. 72(1)(a)); one
 * within the headroom of R34 otherwise the de minimis rule (Art. 72(2)). */
static void modification(notice *n, const facts *f)
{
    char changed[80], description[300];
    const ev_terms *t = n->v->p->terms;
    snprintf(changed, sizeof changed, "%s-01", n->s->award_notice_id);
    snprintf(description, sizeof description, "%s %s, %s", ipart__member_text(f->change, "delta"),
             n->v->p->currency, ipart__member_text(f->change, "partner"));
    open_el(n, "efac:ContractModification");
    field(n, "BT-1501(n)-Contract", "efbc:ChangedNoticeIdentifier", "schemeName", "notice-id-ref",
          changed);
    field(n, "BT-1501(c)-Contract", "efbc:ModifiedContractIdentifier", "schemeName", "contract",
          "CON-0001");
    open_el(n, "efac:Change");
    text_field(n, "BT-202-Contract", "efbc:ChangeDescription", description);
    close_el(n);
    open_el(n, "efac:ChangeReason");
    field(n, "BT-200-Contract", "cbc:ReasonCode", "listName", "modification-justification",
          t && t->has_changes && t->changes.clause ? "mod-rev" : "mod-minv");
    text_field(n, "BT-201-Contract", "efbc:ReasonDescription", ipart__member_text(f->change, "reason"));
    close_el(n);
    close_el(n);
}

/* BT-539 (and BT-540, its name and weight) for each award criterion of the terms. */
static void awarding_terms(notice *n)
{
    static const char *const TYPES[] = {"price", "cost", "quality", "quality"};
    const ev_terms *t = n->v->p->terms;
    const ev_award_criterion *c = t ? t->award_criteria.items : NULL;
    open_el(n, "cac:AwardingTerms");
    open_el(n, "cac:AwardingCriterion");
    for (size_t i = 0; c && i < t->award_criteria.count; i++) {
        char description[300];
        snprintf(description, sizeof description, "%s (%lld.%02lld %%)", c[i].name,
                 (long long)(c[i].weight / 100), (long long)(c[i].weight % 100));
        open_el(n, "cac:SubordinateAwardingCriterion");
        field(n, "BT-539-Lot", "cbc:AwardingCriterionTypeCode", "listName", "award-criterion-type",
              TYPES[c[i].kind]);
        text_field(n, "BT-540-Lot", "cbc:Description", description);
        close_el(n);
    }
    close_el(n);
    close_el(n);
}

/* ---- the parts of every notice --------------------------------------------------------- */

static void header(notice *n, const char *issued, const char *type, const char *form)
{
    field(n, "OPT-001-notice", "cbc:UBLVersionID", NULL, NULL, "2.3");
    field(n, "OPT-002-notice", "cbc:CustomizationID", NULL, NULL, "eforms-sdk-1.15");
    field(n, "BT-701-notice", "cbc:ID", "schemeName", "notice-id", n->s->notice_id);
    if (!n->consultation) /* BT-04 is forbidden in E1 */
        field(n, "BT-04-notice", "cbc:ContractFolderID", NULL, NULL, n->s->procedure_id);
    date_field(n, "BT-05(a)-notice", "cbc:IssueDate", issued);
    time_field(n, "BT-05(b)-notice", "cbc:IssueTime", issued, "12:00:00");
    field(n, "BT-757-notice", "cbc:VersionID", NULL, NULL, "01");
    field(n, "BT-01-notice", "cbc:RegulatoryDomain", NULL, NULL, "32014L0024");
    field(n, "BT-02-notice", "cbc:NoticeTypeCode", "listName", form, type);
    remember(n, "BT-03-notice", form);
    field(n, "BT-702(a)-notice", "cbc:NoticeLanguageCode", NULL, NULL, "ENG");
}

static void contracting_party(notice *n)
{
    open_el(n, "cac:ContractingParty");
    if (n->modification) { /* 38 names the buyer only */
        org_ref(n, "OPT-300-Procedure-Buyer", "cac:Party", "ORG-0001");
        close_el(n);
        return;
    }
    open_el(n, "cac:ContractingPartyType");
    field(n, "BT-11-Procedure-Buyer", "cbc:PartyTypeCode", "listName", "buyer-legal-type",
          LEGAL_TYPES[n->v->p->authority->kind]);
    close_el(n);
    open_el(n, "cac:ContractingActivity");
    field(n, "BT-10-Procedure-Buyer", "cbc:ActivityTypeCode", "listName", "authority-activity",
          n->s->buyer_activity);
    close_el(n);
    org_ref(n, "OPT-300-Procedure-Buyer", "cac:Party", "ORG-0001");
    close_el(n);
}

static void procedure_terms(notice *n, int competition)
{
    if (competition) {
        open_el(n, "cac:TenderingTerms");
        open_el(n, "cac:TendererQualificationRequest");
        open_el(n, "cac:SpecificTendererRequirement");
        field(n, "BT-806-Procedure", "cbc:TendererRequirementTypeCode", "listName",
              "exclusion-grounds-source", "epo-procurement-document");
        close_el(n);
        close_el(n);
        close_el(n);
    }
    if (n->modification)
        return;
    open_el(n, "cac:TenderingProcess");
    field(n, "BT-105-Procedure", "cbc:ProcedureCode", "listName", "procurement-procedure-type",
          "innovation");
    close_el(n);
}

/* ---- E1: what the consultation was (BT-300) -------------------------------------------- */

/* The note's limit (BT-300 maxLength, in characters; bytes are at least as many). */
#define NOTE_MAX 10000

/* A member's text, "" when absent. */
static const char *text_of(const cJSON *o, const char *name)
{
    const char *text = ipart__member_text(o, name);
    return text ? text : "";
}

/* A code of the log as English words: "dialogue_conference" -> "dialogue conference". */
static void words(ipart__strbuf *b, const char *code)
{
    for (const char *c = code ? code : ""; *c; c++)
        ipart__strbuf_putc(b, *c == '_' ? ' ' : *c);
}

/* The texts of `items` (objects {id, text}, or ids looked up as shared
 * information items), joined by "; ". */
static void item_texts(ipart__strbuf *b, const ipart_partnership *p, const cJSON *items)
{
    const cJSON *item;
    int first = 1;
    cJSON_ArrayForEach(item, items) {
        const ev_information *shared =
            cJSON_IsString(item) ? ipart__information_find(p, item->valuestring, NULL) : NULL;
        const char *text = shared ? shared->text : ipart__member_text(item, "text");
        if (!text)
            continue;
        ipart__strbuf_puts(b, first ? "" : "; ");
        ipart__strbuf_puts(b, text);
        first = 0;
    }
}

static void note_need_mapping(ipart__strbuf *b, const cJSON *ev)
{
    const cJSON *facet;
    ipart__strbuf_printf(b, "Need mapping (%s): %s", text_of(ev, "date"),
                         text_of(ev, "summary"));
    cJSON_ArrayForEach(facet, ipart__member(ev, "facets")) {
        ipart__strbuf_putc(b, ' ');
        words(b, ipart__member_text(facet, "facet"));
        ipart__strbuf_printf(b, ": %s", text_of(facet, "finding"));
    }
}

static void note_dialogue(ipart__strbuf *b, const ipart_partnership *p, const char *type,
                          const cJSON *ev)
{
    const char *title = ipart__member_text(ev, "title");
    int summary_only = strcmp(type, "market_dialogue_held") == 0; /* the whole dialogue, one event */
    const cJSON *count = ipart__member(ev, summary_only ? "participants" : "attendance");
    ipart__strbuf_printf(b, "%s, ", text_of(ev, "date"));
    if (summary_only)
        ipart__strbuf_puts(b, "market dialogue");
    else
        words(b, ipart__member_text(ev, "kind"));
    ipart__strbuf_printf(b, ": %s%s%s", title ? title : "", title ? " - " : "",
                         text_of(ev, "summary"));
    if (cJSON_IsNumber(count))
        ipart__strbuf_printf(b, " %s: %lld.", summary_only ? "Participants" : "Attendance",
                             (long long)count->valuedouble);
    if (ipart__member(ev, "information")) {
        ipart__strbuf_puts(b, " Information given: ");
        item_texts(b, p, ipart__member(ev, "information"));
    }
}

/* One paragraph per event of the consultation the party sees, in log order:
 * need mappings, participants, dialogues open to all, and what was given
 * to one supplier and then shared with all (R50). A one-to-one meeting or
 * written input itself is not published. */
static void note_event(ipart__strbuf *b, const ipart_partnership *p, const char *type,
                       const cJSON *ev)
{
    size_t before = b->len;
    if (strcmp(type, "need_mapped") == 0) {
        note_need_mapping(b, ev);
    } else if (strcmp(type, "participant_named") == 0) {
        const cJSON *who = ipart__member(ev, "participant");
        ipart__strbuf_printf(b, "Taking part: %s (", text_of(who, "name"));
        words(b, ipart__member_text(who, "kind"));
        ipart__strbuf_putc(b, ')');
    } else if (ipart__open_dialogue(type, ev)) {
        note_dialogue(b, p, type, ev);
    } else if (strcmp(type, "dialogue_information_shared") == 0) {
        ipart__strbuf_printf(b, "%s, shared with all (%s): ", text_of(ev, "date"),
                             text_of(ev, "channel"));
        item_texts(b, p, ipart__member(ev, "information"));
    }
    if (b->len > before)
        ipart__strbuf_putc(b, '\n');
}

/* The length of the first `max` bytes of `text` without a cut UTF-8 sequence. */
static size_t utf8_prefix(const char *text, size_t length, size_t max)
{
    if (length <= max)
        return length;
    while (max > 0 && ((unsigned char)text[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* BT-300-Procedure: the consultation as the log holds it, at most NOTE_MAX bytes. */
static void consultation_note(notice *n)
{
    ipart__strbuf b = IPART__STRBUF_INIT;
    const cJSON *entry;
    cJSON_ArrayForEach(entry, n->v->entries)
        note_event(&b, n->v->p, ipart__entry_type(entry), ipart__entry_event(entry));
    if (b.oom || !b.data) {
        n->ok = 0;
        ipart__strbuf_free(&b);
        return;
    }
    size_t length = b.len && b.data[b.len - 1] == '\n' ? b.len - 1 : b.len;
    b.data[utf8_prefix(b.data, length, NOTE_MAX)] = '\0';
    text_field(n, "BT-300-Procedure", "cbc:Note", b.data);
    ipart__strbuf_free(&b);
}

/* The maximum value (R30: maximum R&D value + estimated purchase value),
 * published as the estimated value BT-27 unless the terms withhold it (R31). */
static int maximum_value(ipart_money *out, const ev_terms *t)
{
    if (!t || (t->has_max_value_disclosed && !t->max_value_disclosed))
        return 0;
    return ipart_money_add(out, t->budget.max_rnd_value, t->budget.estimated_purchase_value) ==
           IPART_OK;
}

/* The place of performance of the procedure (settings `place_nuts`):
 * BT-5071 its NUTS 3 code, BT-5141 the country. */
static void place_of_performance(notice *n)
{
    open_el(n, "cac:RealizedLocation");
    open_el(n, "cac:Address");
    field(n, "BT-5071-Procedure", "cbc:CountrySubentityCode", "listName", "nuts", n->s->place_nuts);
    open_el(n, "cac:Country");
    field(n, "BT-5141-Procedure", "cbc:IdentificationCode", "listName", "country", n->s->country);
    close_el(n);
    close_el(n);
    close_el(n);
}

/* cac:ProcurementProject of the procedure ("Procedure") or of the lot ("Lot"). */
static void project(notice *n, const facts *f, const char *level, int with_value)
{
    char id[40];
    const ev_terms *t = n->v->p->terms;
    open_el(n, "cac:ProcurementProject");
    snprintf(id, sizeof id, "BT-21-%s", level);
    text_field(n, id, "cbc:Name", ipart__member_text(f->created, "title"));
    snprintf(id, sizeof id, "BT-24-%s", level);
    text_field(n, id, "cbc:Description", ipart__member_text(f->need, "need_description"));
    snprintf(id, sizeof id, "BT-23-%s", level);
    field(n, id, "cbc:ProcurementTypeCode", "listName", "contract-nature",
          NATURES[t ? t->contract_type : 1]);
    if (n->consultation && strcmp(level, "Procedure") == 0)
        consultation_note(n);
    ipart_money max;
    if (with_value && maximum_value(&max, t)) {
        open_el(n, "cac:RequestedTenderTotal");
        amount_field(n, "BT-27-Procedure", "cbc:EstimatedOverallContractAmount", max);
        close_el(n);
    }
    open_el(n, "cac:MainCommodityClassification");
    snprintf(id, sizeof id, "BT-262-%s", level);
    field(n, id, "cbc:ItemClassificationCode", "listName", "cpv", n->s->cpv);
    close_el(n);
    if (n->s->place_nuts && strcmp(level, "Procedure") == 0)
        place_of_performance(n);
    close_el(n);
}

/* ---- the lot ----------------------------------------------------------------------------- */

static void requirement(notice *n, const char *field_id, const char *list, const char *code)
{
    open_el(n, "cac:TendererQualificationRequest");
    open_el(n, "cac:SpecificTendererRequirement");
    field(n, field_id, "cbc:TendererRequirementTypeCode", "listName", list, code);
    close_el(n);
    close_el(n);
}

static void execution(notice *n, const char *field_id, const char *list, const char *code)
{
    open_el(n, "cac:ContractExecutionRequirement");
    field(n, field_id, "cbc:ExecutionRequirementCode", "listName", list, code);
    close_el(n);
}

static void lot_terms(notice *n, int competition, int results)
{
    open_el(n, "cac:TenderingTerms");
    field(n, "BT-60-Lot", "cbc:FundingProgramCode", "listName", "eu-funded", "no-eu-funds");
    if (competition) {
        open_el(n, "cac:CallForTendersDocumentReference");
        field(n, "OPT-140-Lot", "cbc:ID", NULL, NULL, "DOC-0001");
        field(n, "BT-14-Lot", "cbc:DocumentType", NULL, NULL, "non-restricted-document");
        open_el(n, "cac:Attachment");
        open_el(n, "cac:ExternalReference");
        field(n, "BT-15-Lot", "cbc:URI", NULL, NULL, n->s->documents_url);
        close_el(n);
        close_el(n);
        close_el(n);
        requirement(n, "BT-71-Lot", "reserved-procurement", "none");
        requirement(n, "BT-821-Lot", "selection-criteria-source", "epo-procurement-document");
        execution(n, "BT-736-Lot", "reserved-execution", "no");
        execution(n, "BT-743-Lot", "einvoicing", "allowed");
        execution(n, "BT-764-Lot", "ecatalog-submission", "not-allowed");
    }
    if (results && !n->modification)
        awarding_terms(n);
    open_el(n, "cac:AppealTerms");
    org_ref(n, "OPT-301-Lot-ReviewOrg", "cac:AppealReceiverParty", "ORG-0002");
    close_el(n);
    if (competition) {
        open_el(n, "cac:Language");
        field(n, "BT-97-Lot", "cbc:ID", NULL, NULL, submission_language(n->v->p));
        close_el(n);
        open_el(n, "cac:PostAwardProcess");
        field(n, "BT-92-Lot", "cbc:ElectronicOrderUsageIndicator", NULL, NULL, "false");
        field(n, "BT-93-Lot", "cbc:ElectronicPaymentUsageIndicator", NULL, NULL, "false");
        close_el(n);
    }
    close_el(n);
}

static void contracting_systems(notice *n)
{
    open_el(n, "cac:ContractingSystem");
    field(n, "BT-765-Lot", "cbc:ContractingSystemTypeCode", "listName", "framework-agreement",
          "none");
    close_el(n);
    if (n->modification)
        return;
    open_el(n, "cac:ContractingSystem");
    field(n, "BT-766-Lot", "cbc:ContractingSystemTypeCode", "listName", "dps-usage", "none");
    close_el(n);
}

/* BT-1311 the request deadline, BT-50/51 the candidates, BT-52 the staged reduction. */
static void lot_process(notice *n, const facts *f, int competition)
{
    const ev_terms *t = n->v->p->terms;
    open_el(n, "cac:TenderingProcess");
    if (competition) {
        field(n, "BT-17-Lot", "cbc:SubmissionMethodCode", "listName", "esubmission",
              n->v->p->electronic_communication ? "required" : "not-allowed");
        field(n, "BT-52-Lot", "cbc:CandidateReductionConstraintIndicator", NULL, NULL,
              t && t->reservations.staged_reduction ? "true" : "false");
    }
    field(n, "BT-115-Lot", "cbc:GovernmentAgreementConstraintIndicator", NULL, NULL, "true");
    if (competition && f->notice) {
        open_el(n, "cac:ParticipationRequestReceptionPeriod");
        const char *deadline = ipart__member_text(f->notice, "request_deadline");
        date_field(n, "BT-1311(d)-Lot", "cbc:EndDate", deadline);
        time_field(n, "BT-1311(t)-Lot", "cbc:EndTime", deadline, "23:59:59");
        close_el(n);
    }
    if (competition && t) {
        char count[24];
        open_el(n, "cac:EconomicOperatorShortList");
        field(n, "BT-661-Lot", "cbc:LimitationDescription", NULL, NULL,
              t->candidates.has_max ? "true" : "false");
        if (t->candidates.has_max) {
            snprintf(count, sizeof count, "%lld", (long long)t->candidates.max);
            field(n, "BT-51-Lot", "cbc:MaximumQuantity", NULL, NULL, count);
        }
        snprintf(count, sizeof count, "%lld", (long long)t->candidates.min);
        field(n, "BT-50-Lot", "cbc:MinimumQuantity", NULL, NULL, count);
        close_el(n);
    }
    if (!n->modification) {
        open_el(n, "cac:AuctionTerms");
        field(n, "BT-767-Lot", "cbc:AuctionConstraintIndicator", NULL, NULL, "false");
        close_el(n);
    }
    contracting_systems(n);
    close_el(n);
}

static void lot(notice *n, const facts *f, int competition, int results)
{
    open_el(n, "cac:ProcurementProjectLot");
    field(n, "BT-137-Lot", "cbc:ID", "schemeName", "Lot", "LOT-0000");
    lot_terms(n, competition, results);
    lot_process(n, f, competition);
    project(n, f, "Lot", 0);
    close_el(n);
}

/* E1's lot: the review body, the language of the answers and their
 * deadline BT-800, the day of the last dialogue open to all. */
static void consultation_lot(notice *n, const facts *f)
{
    const char *deadline = ipart__member_text(f->dialogue_closed, "date");
    open_el(n, "cac:ProcurementProjectLot");
    field(n, "BT-137-Lot", "cbc:ID", "schemeName", "Lot", "LOT-0000");
    open_el(n, "cac:TenderingTerms");
    open_el(n, "cac:AppealTerms");
    org_ref(n, "OPT-301-Lot-ReviewOrg", "cac:AppealReceiverParty", "ORG-0002");
    close_el(n);
    open_el(n, "cac:Language");
    field(n, "BT-97-Lot", "cbc:ID", NULL, NULL, submission_language(n->v->p));
    close_el(n);
    close_el(n);
    open_el(n, "cac:TenderingProcess");
    open_el(n, "ext:UBLExtensions");
    open_el(n, "ext:UBLExtension");
    open_el(n, "ext:ExtensionContent");
    open_el(n, "efext:EformsExtension");
    open_el(n, "efac:AnswerReceptionPeriod");
    date_field(n, "BT-800(d)-Lot", "cbc:EndDate", deadline);
    time_field(n, "BT-800(t)-Lot", "cbc:EndTime", deadline, "23:59:59");
    for (int i = 0; i < 6; i++) /* AnswerReceptionPeriod ... TenderingProcess */
        close_el(n);
    project(n, f, "Lot", 0);
    close_el(n);
}

/* ---- the notices ----------------------------------------------------------------------- */

typedef struct kind {
    const char *subtype, *root, *ns, *type, *form;
    int competition, results, modification, consultation;
    const char *stage; /* the event the notice needs in the log */
} kind;

static const kind KINDS[] = {
    {"16", "ContractNotice", "urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2",
     "cn-standard", "competition", 1, 0, 0, 0, "notice_published"},
    {"29", "ContractAwardNotice",
     "urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2", "can-standard",
     "result", 0, 1, 0, 0, "award_decided"},
    {"38", "ContractAwardNotice",
     "urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2", "can-modif",
     "cont-modif", 0, 1, 1, 0, "contract_changed"},
    {"E1", "PriorInformationNotice",
     "urn:oasis:names:specification:ubl:schema:xsd:PriorInformationNotice-2", "pmc",
     "consultation", 0, 0, 0, 1, "market dialogue open to all (dialogue_activity_held other "
     "than one_to_one or written_input, or market_dialogue_held)"},
};

static void namespaces(notice *n, const kind *k)
{
    static const char *const ns[][2] = {
        {"xmlns:cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"},
        {"xmlns:cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"},
        {"xmlns:ext", "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"},
        {"xmlns:efac", "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"},
        {"xmlns:efbc", "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"},
        {"xmlns:efext", "http://data.europa.eu/p27/eforms-ubl-extensions/1"},
    };
    if (xmlTextWriterWriteAttribute(n->w, BAD_CAST "xmlns", BAD_CAST k->ns) < 0)
        n->ok = 0;
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++)
        if (xmlTextWriterWriteAttribute(n->w, BAD_CAST ns[i][0], BAD_CAST ns[i][1]) < 0)
            n->ok = 0;
}

/* E1, the pre-market consultation notice (PriorInformationNotice), issued
 * the day the consultation opened (its first need mapping or dialogue open
 * to all). */
static void write_consultation(notice *n, const kind *k, const facts *f)
{
    extension(n, k->subtype, f, 0);
    header(n, ipart__member_text(f->consultation_opened, "date"), k->type, k->form);
    contracting_party(n);
    project(n, f, "Procedure", 0);
    consultation_lot(n, f);
}

/* 16, 29 and 38: the procedure, its lot and (29, 38) its results. */
static void write_procedure_notice(notice *n, const kind *k, const facts *f)
{
    const cJSON *issued = f->modified ? f->change : k->results ? f->award : f->notice;
    extension(n, k->subtype, f, k->results);
    header(n, ipart__member_text(issued, "date"), k->type, k->form);
    contracting_party(n);
    procedure_terms(n, k->competition);
    project(n, f, "Procedure", k->competition);
    lot(n, f, k->competition, k->results);
    if (k->results) { /* the schema's placeholder; the award date is BT-1451 */
        open_el(n, "cac:TenderResult");
        field(n, "OPT-999-notice", "cbc:AwardDate", NULL, NULL, "2000-01-01Z");
        close_el(n);
    }
}

static void write_notice(notice *n, const kind *k, const facts *f)
{
    if (xmlTextWriterStartDocument(n->w, NULL, "UTF-8", NULL) < 0)
        n->ok = 0;
    open_el(n, k->root);
    namespaces(n, k);
    if (k->consultation)
        write_consultation(n, k, f);
    else
        write_procedure_notice(n, k, f);
    close_el(n);
    if (xmlTextWriterEndDocument(n->w) < 0)
        n->ok = 0;
}

static const kind *kind_of(const char *subtype)
{
    for (size_t i = 0; subtype && i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (strcmp(KINDS[i].subtype, subtype) == 0)
            return &KINDS[i];
    return NULL;
}

/* Whether the log reaches the stage of the notice, and the settings name
 * every organisation it needs. */
static ipart_status reached(const kind *k, const facts *f, const settings *s)
{
    const cJSON *stage = k->consultation                             ? f->dialogue_closed
                         : strcmp(k->stage, "notice_published") == 0 ? f->notice
                         : strcmp(k->stage, "award_decided") == 0    ? f->award
                                                                     : f->change;
    if (!stage)
        return ipart__fail(IPART_ESTATE, "eforms.stage",
                           "the log (as this party sees it) has no %s: notice %s has nothing to "
                           "publish", k->stage, k->subtype);
    if (f->modified && !s->award_notice_id)
        return ipart__fail_rule(IPART_EINVAL, NULL, NULL, "$", "eforms.settings.missing",
                                "setting 'award_notice_id' (the award notice the change "
                                "modifies) is missing");
    for (size_t p = 0; p < f->partner_count; p++) {
        const char *id = f->partners[p];
        const cJSON *o = ipart__member(s->organisations, id);
        for (size_t i = 0; i < 2; i++) {
            const char *name = i ? "city" : "org_no", *value = ipart__member_text(o, name);
            if (!value || !value[0] || strlen(value) > 200)
                return ipart__fail_rule(IPART_EINVAL, NULL, NULL, "$.organisations",
                                        "eforms.settings.missing",
                                        "setting 'organisations.%s.%s' is missing or not a "
                                        "string of 1 to 200 bytes", id, name);
        }
    }
    return IPART_OK;
}

/* Write notice `subtype` into *xml (or NULL) and its field map into *map (or NULL). */
static ipart_status build(char **xml, char **map, const ipart_partnership *p, const char *subtype,
                          const char *party, const char *settings_json, const char *function)
{
    if ((!xml && !map) || !settings_json)
        return ipart__fail_null(function, !settings_json ? "settings" : "out");
    const kind *k = kind_of(subtype);
    if (!k)
        return ipart__fail(IPART_EINVAL, "eforms.subtype",
                           "unsupported notice subtype '%.16s' (supported: 16, 29, 38, E1)",
                           subtype ? subtype : "(null)");
    ipart__visible v;
    ipart_status rc = ipart__visible_open(&v, p, party, "en", function);
    settings s;
    memset(&s, 0, sizeof s);
    cJSON *json = NULL;
    facts f;
    if (rc == IPART_OK)
        rc = read_settings(&s, &json, settings_json);
    memset(&f, 0, sizeof f);
    if (rc == IPART_OK) {
        gather(&f, &v);
        results_of(&f, k->modification);
        rc = reached(k, &f, &s);
    }
    if (rc == IPART_OK && k->results) {
        rc = read_performers(&f, p) ? IPART_OK : ipart__fail_nomem();
        number_organisations(&f);
    }
    xmlBufferPtr buffer = rc == IPART_OK ? xmlBufferCreate() : NULL;
    notice n = {&v, &s, buffer ? xmlNewTextWriterMemory(buffer, 0) : NULL, cJSON_CreateObject(), 1,
                k->modification, k->consultation};
    if (rc == IPART_OK) {
        n.ok = n.w && n.map && xmlTextWriterSetIndent(n.w, 1) >= 0 &&
               xmlTextWriterSetIndentString(n.w, BAD_CAST "  ") >= 0;
        if (n.ok)
            write_notice(&n, k, &f);
        if (n.w)
            xmlFreeTextWriter(n.w); /* flushes into the buffer */
        if (!n.ok)
            rc = ipart__fail_nomem();
    }
    if (rc == IPART_OK && xml) {
        char *copy = ipart__strdup((const char *)xmlBufferContent(buffer));
        rc = copy ? IPART_OK : ipart__fail_nomem();
        if (rc == IPART_OK && map && (rc = ipart__export_finish(map, n.map)) != IPART_OK)
            ipart__free(copy);
        else if (rc == IPART_OK)
            *xml = copy;
        n.map = map ? NULL : n.map;
    } else if (rc == IPART_OK) {
        rc = ipart__export_finish(map, n.map);
        n.map = NULL;
    }
    cJSON_Delete(n.map);
    if (buffer)
        xmlBufferFree(buffer);
    cJSON_Delete(json);
    forget_performers(&f);
    ipart__visible_close(&v);
    return rc;
}

ipart_status ipart_partnership_eforms_xml(char **out, const ipart_partnership *p,
                                          const char *subtype, const char *party,
                                          const char *settings_json)
{
    if (!out)
        return ipart__fail_null("ipart_partnership_eforms_xml", "out");
    return build(out, NULL, p, subtype, party, settings_json, "ipart_partnership_eforms_xml");
}

ipart_status ipart_partnership_eforms_map_json(char **out, const ipart_partnership *p,
                                               const char *subtype, const char *party,
                                               const char *settings_json)
{
    if (!out)
        return ipart__fail_null("ipart_partnership_eforms_map_json", "out");
    return build(NULL, out, p, subtype, party, settings_json, "ipart_partnership_eforms_map_json");
}
