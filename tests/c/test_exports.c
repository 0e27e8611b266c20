/*
 * The exports (include/ipart/exports.h) and the message catalogue
 * (include/ipart/messages.h): the procurement record of R41 field by field,
 * its golden files, its party scope, and every message in nb and en.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(exports, IPART_TEST_FIXTURE);

static const char *const PROCEDURES[] = {"stavanger", "no_without_reduction", "no_authority_owns",
                                         "se_initial_award", "se_negotiated", "dk_procedure",
                                         "consortium_ostfold", "funding_innovasjon_norge",
                                         "troms_finnmark_dialogue", "dk_need_mapping"};
#define PROCEDURE_COUNT (sizeof PROCEDURES / sizeof PROCEDURES[0])

static const cJSON *item(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static char *read_file(const char *relative);

/* The golden procedure `name`, every event applied. */
static ipart_partnership *load_procedure(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "procedure/%s.json", name);
    cJSON *kase = harness_load_case(path);
    ipart_partnership *p = harness_replay(kase, -1);
    cJSON_Delete(kase);
    return p;
}

/* The party whose items a party sees: a consortium member its consortium's
 * (R52), from the participation_requested naming it; any other party itself.
 * Writes into `out` (size 65). */
static void seen_as(char out[65], const ipart_partnership *p, const ipart_party *party)
{
    snprintf(out, 65, "%s", party->id);
    for (size_t i = 0; party->role == IPART_ROLE_MEMBER && i < ipart_partnership_event_count(p); i++) {
        char *text = NULL;
        assert_ok(ipart_partnership_event_at(&text, p, i));
        cJSON *ev = cJSON_Parse(text);
        const cJSON *op = item(ev, "operator"), *m;
        cJSON_ArrayForEach(m, item(op, "members"))
            if (strcmp(item(m, "id")->valuestring, party->id) == 0)
                snprintf(out, 65, "%s", item(op, "id")->valuestring);
        cJSON_Delete(ev);
        ipart_free(text);
    }
}

/* An export of the authority of a procedure, in a language or of a notice subtype. */
typedef ipart_status (*authority_export)(char **out, const ipart_partnership *p,
                                         const char *authority, const char *arg);

/* The export equals its golden file exports/<procedure>/<kind>.<arg>.<ext>. */
static void assert_golden(const ipart_partnership *p, const char *procedure, authority_export export,
                          const char *kind, const char *arg, const char *ext)
{
    ipart_party authority;
    char name[160], *out = NULL;
    assert_ok(ipart_partnership_party_at(&authority, p, 0));
    assert_ok(export(&out, p, authority.id, arg));
    snprintf(name, sizeof name, "exports/%s/%s.%s.%s", procedure, kind, arg, ext);
    char *golden = read_file(name);
    cr_assert_str_eq(out, golden, "%s", name);
    free(golden);
    ipart_free(out);
}

static char *read_file(const char *relative)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", IPART_CASES_DIR, relative);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "golden file %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *text = malloc((size_t)n + 1);
    cr_assert_eq(fread(text, 1, (size_t)n, f), (size_t)n);
    text[n] = '\0';
    fclose(f);
    return text;
}

static cJSON *record_of(const ipart_partnership *p, const char *party, const char *lang)
{
    char *text = NULL;
    assert_ok(ipart_partnership_record_json(&text, p, party, lang));
    cJSON *r = cJSON_Parse(text);
    cr_assert_not_null(r, "the record is JSON");
    ipart_free(text);
    return r;
}

/* ---- messages ------------------------------------------------------------------------ */

Test(exports, every_message_has_norwegian_and_english)
{
    size_t n = ipart_message_count();
    cr_assert_gt(n, 90);
    for (size_t i = 0; i < n; i++) {
        const char *key = ipart_message_key_at(i);
        cr_assert(ipart_message_has(key, "nb"), "%s has no nb text", key);
        cr_assert(ipart_message_has(key, "en"), "%s has no en text", key);
        if (i)
            cr_assert_lt(strcmp(ipart_message_key_at(i - 1), key), 0, "keys sorted and unique");
    }
    cr_assert_null(ipart_message_key_at(n));
}

Test(exports, other_languages_fall_back_to_english_explicitly)
{
    cr_assert_str_eq(ipart_message("record.title", "nb"), "Anskaffelsesprotokoll");
    cr_assert_str_eq(ipart_message("record.title", "en"), "Procurement record");
    cr_assert_str_eq(ipart_message("record.title", "sv"), "Procurement record");
    cr_assert_str_eq(ipart_message_language("sv"), "en");
    cr_assert_str_eq(ipart_message_language(NULL), "en");
    cr_assert_str_eq(ipart_message_language("nb"), "nb");
    cr_assert_null(ipart_message("no.such.key", "nb"));
    cr_assert_not(ipart_message_has("record.title", "sv"));
    cr_assert_not(ipart_message_has("no.such.key", "en"));
    cr_assert_null(ipart_message(NULL, "en"), "no key, no message");
    cr_assert_not(ipart_message_has(NULL, "en"));
    cr_assert_not(ipart_message_has("record.title", NULL), "no language has no text");
}

Test(exports, every_event_type_and_stage_has_a_label)
{
    ipart_partnership *p = load_procedure("stavanger");
    char *actions = NULL;
    assert_ok(ipart_partnership_actions_json(&actions, p, "stavanger"));
    cJSON *list = cJSON_Parse(actions);
    const cJSON *a;
    char key[64];
    cJSON_ArrayForEach(a, list) {
        snprintf(key, sizeof key, "event.%s", item(a, "type")->valuestring);
        cr_assert(ipart_message_has(key, "nb") && ipart_message_has(key, "en"), "%s", key);
    }
    for (int s = IPART_STAGE_NEED_IDENTIFICATION; s <= IPART_STAGE_TERMINATED; s++) {
        snprintf(key, sizeof key, "stage.%s", ipart_stage_name((ipart_stage)s));
        cr_assert(ipart_message_has(key, "nb") && ipart_message_has(key, "en"), "%s", key);
    }
    cJSON_Delete(list);
    ipart_free(actions);
    ipart_partnership_free(p);
}

/* ---- R41: the procurement record ----------------------------------------------------- */

static int listed(const cJSON *list, const char *id)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, list) if (strcmp(item(e, "id")->valuestring, id) == 0) return 1;
    return 0;
}

Test(exports, r41_the_record_holds_every_field_of_art_84)
{
    ipart_partnership *p = load_procedure("stavanger");
    cJSON *r = record_of(p, "stavanger", "nb");
    cr_assert_str_eq(item(r, "rule")->valuestring, "R41");
    /* (a) authority, subject and value */
    cr_assert_str_eq(item(item(r, "authority"), "name")->valuestring, "Stavanger kommune");
    cr_assert_eq(cJSON_GetArraySize(item(r, "followers")), 3);
    cr_assert_not_null(item(item(r, "subject"), "need")->valuestring);
    const cJSON *value = item(r, "value");
    cr_assert_str_eq(item(value, "estimated_value")->valuestring, "42000000.00");
    cr_assert_str_eq(item(value, "development_cap")->valuestring, "12000000.00");
    cr_assert_str_eq(item(value, "awarded_sum")->valuestring, "11750000.00");
    /* (b), (c) selected and rejected candidates, with reasons */
    const cJSON *c = item(r, "candidates");
    cr_assert_eq(cJSON_GetArraySize(item(c, "selected")), 6);
    cr_assert(listed(item(c, "selected"), "op05"));
    cr_assert_eq(cJSON_GetArraySize(item(c, "rejected")), 3);
    cr_assert(listed(item(c, "rejected"), "op07"));
    cr_assert_eq(cJSON_GetArraySize(item(c, "not_invited")), 13);
    const cJSON *e;
    cJSON_ArrayForEach(e, item(c, "rejected")) cr_assert_gt(strlen(item(e, "reason")->valuestring), 10);
    /* rejected tenders: the staged reduction and the tenders not awarded */
    const cJSON *rejected = item(item(r, "tenders"), "rejected");
    cr_assert(listed(rejected, "op03") && listed(rejected, "op16") && listed(rejected, "op20"));
    cr_assert_eq(cJSON_GetArraySize(rejected), 3);
    /* (e) the winners and why */
    const cJSON *award = item(r, "award");
    cr_assert_eq(cJSON_GetArraySize(item(award, "partners")), 3);
    cr_assert_not_null(strstr(item(award, "reasons")->valuestring, "88,64"));
    /* (f) the reasons for the procedure */
    const cJSON *reasons = item(item(r, "procedure"), "reasons");
    cr_assert(cJSON_IsTrue(item(reasons, "market_check_done")));
    cr_assert_not_null(item(reasons, "market_dialogue")->valuestring);
    /* what the log cannot hold is named, not invented */
    cr_assert(cJSON_IsNull(item(r, "subcontracting")));
    cr_assert(cJSON_IsNull(item(r, "conflicts_of_interest")));
    cr_assert_eq(cJSON_GetArraySize(item(r, "not_recorded")), 3);
    /* the contract: op08 terminated after phase 1 and op11 to reduce; op05's change */
    cr_assert_eq(cJSON_GetArraySize(item(r, "terminations")), 2);
    cr_assert_eq(cJSON_GetArraySize(item(r, "changes")), 1);
    cr_assert_eq(item(r, "withheld")->valueint, 0, "the authority's record is whole");
    cJSON_Delete(r);
    ipart_partnership_free(p);
}

Test(exports, r41_the_record_text_has_a_section_per_field_in_each_language)
{
    ipart_partnership *p = load_procedure("stavanger");
    static const char *const keys[] = {"record.authority", "record.subject", "record.value",
                                       "record.reasons_for_procedure", "record.selected_candidates",
                                       "record.rejected_candidates", "record.rejected_tenders",
                                       "record.winners", "record.subcontracting", "record.conflicts"};
    static const char *const langs[] = {"nb", "en"};
    for (size_t l = 0; l < 2; l++) {
        char *text = NULL;
        assert_ok(ipart_partnership_record_text(&text, p, "stavanger", langs[l]));
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            cr_assert_not_null(strstr(text, ipart_message(keys[k], langs[l])), "%s %s", langs[l],
                               keys[k]);
        cr_assert_not_null(strstr(text, l ? "NOK 42,000,000.00" : "42 000 000,00 kr"));
        ipart_free(text);
    }
    ipart_partnership_free(p);
}

static ipart_status record_json_of(char **out, const ipart_partnership *p, const char *party,
                                   const char *lang)
{
    return ipart_partnership_record_json(out, p, party, lang);
}

static ipart_status record_text_of(char **out, const ipart_partnership *p, const char *party,
                                   const char *lang)
{
    return ipart_partnership_record_text(out, p, party, lang);
}

static ipart_status ocds_of(char **out, const ipart_partnership *p, const char *party,
                            const char *lang)
{
    return ipart_partnership_ocds_json(out, p, "ocds-ipart01-golden", party, lang);
}

Test(exports, r41_records_match_their_golden_files)
{
    for (size_t c = 0; c < PROCEDURE_COUNT; c++) {
        ipart_partnership *p = load_procedure(PROCEDURES[c]);
        for (size_t l = 0; l < 2; l++) {
            const char *lang = l ? "en" : "nb";
            assert_golden(p, PROCEDURES[c], record_json_of, "record", lang, "json");
            assert_golden(p, PROCEDURES[c], record_text_of, "record", lang, "txt");
        }
        ipart_partnership_free(p);
    }
}

/* An operator's record names no other operator in its candidate and tender
 * lists, and for every party it withholds what the view withholds. */
static void check_record_scope(const ipart_partnership *p, const ipart_party *party)
{
    cJSON *r = record_of(p, party->id, "en");
    char *view = NULL;
    assert_ok(ipart_partnership_view_json(&view, p, party->id));
    cJSON *v = cJSON_Parse(view);
    cr_assert_eq(item(r, "withheld")->valueint, item(v, "withheld")->valueint);
    char own[65];
    seen_as(own, p, party);
    const cJSON *c = item(r, "candidates"), *e;
    const cJSON *lists[] = {item(c, "selected"), item(c, "rejected"), item(c, "not_invited"),
                            item(item(r, "tenders"), "rejected")};
    for (size_t l = 0; l < 4; l++)
        cJSON_ArrayForEach(e, lists[l]) cr_assert_str_eq(item(e, "id")->valuestring, own,
                                                           "%s's record names another operator",
                                                           party->id);
    if (party->role != IPART_ROLE_OPERATOR && party->role != IPART_ROLE_MEMBER)
        for (size_t l = 0; l < 4; l++)
            cr_assert_eq(cJSON_GetArraySize(lists[l]), 0, "a follower sees no candidate");
    cJSON_Delete(v);
    ipart_free(view);
    cJSON_Delete(r);
}

Test(exports, no_record_shows_another_operators_confidential_items)
{
    for (size_t c = 0; c < PROCEDURE_COUNT; c++) {
        ipart_partnership *p = load_procedure(PROCEDURES[c]);
        for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
            ipart_party party;
            assert_ok(ipart_partnership_party_at(&party, p, i));
            if (party.role != IPART_ROLE_AUTHORITY)
                check_record_scope(p, &party);
        }
        ipart_partnership_free(p);
    }
}

Test(exports, record_errors_change_nothing)
{
    ipart_partnership *p = load_procedure("se_negotiated");
    char *out = (char *)"untouched";
    assert_fails_with(ipart_partnership_record_json(&out, p, "nobody", "en"), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_record_text(&out, p, "nobody", "nb"), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_record_json(NULL, p, "norrvik", "en"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_record_text(&out, NULL, "norrvik", "en"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_record_json(&out, p, NULL, "en"), IPART_EMISUSE);
    cr_assert_str_eq(out, "untouched");
    /* an unsupported language falls back to English, and says so */
    cJSON *r = record_of(p, "op01", "sv");
    cr_assert_str_eq(item(r, "language")->valuestring, "en");
    cJSON_Delete(r);
    ipart_partnership_free(p);
}

typedef struct scenario {
    const ipart_partnership *p;
    int text;
    const char *party;
} scenario;

static ipart_status record_scenario(void *ctx)
{
    const scenario *s = ctx;
    char *out = NULL;
    ipart_status rc = s->text ? ipart_partnership_record_text(&out, s->p, s->party, "nb")
                              : ipart_partnership_record_json(&out, s->p, s->party, "nb");
    ipart_free(out);
    return rc;
}

Test(exports, records_leak_nothing_when_an_allocation_fails)
{
    ipart_partnership *p = load_procedure("stavanger");
    scenario s = {p, 0, "op05"};
    harness_fail_each(record_scenario, &s);
    s.text = 1;
    harness_fail_each(record_scenario, &s);
    ipart_partnership_free(p);
}

/* Before terms_set the record names what is not decided yet as null, and
 * builds (and frees) that record under the failing allocator too. */
Test(exports, r41_a_record_before_the_terms_holds_nulls_for_what_is_undecided)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, 1);
    cJSON_Delete(kase);
    cJSON *r = record_of(p, "stavanger", "en");
    static const char *const undecided[] = {"max_rnd_value", "estimated_purchase_value",
                                            "estimated_value", "development_cap",
                                            "max_value_disclosed", "awarded_sum"};
    for (size_t i = 0; i < sizeof undecided / sizeof undecided[0]; i++)
        cr_assert(cJSON_IsNull(item(item(r, "value"), undecided[i])), "value.%s", undecided[i]);
    cr_assert(cJSON_IsNull(item(item(r, "subject"), "contract_type")));
    cr_assert(cJSON_IsNull(item(item(r, "subject"), "contract_type_label")));
    cr_assert(cJSON_IsNull(item(item(r, "procedure"), "notice")));
    cr_assert(cJSON_IsNull(item(r, "award")));
    cr_assert(cJSON_IsNull(item(r, "cancellation")));
    cr_assert_eq(cJSON_GetArraySize(item(item(r, "candidates"), "selected")), 0);
    cr_assert_eq(cJSON_GetArraySize(item(item(r, "tenders"), "rejected")), 0);
    cJSON_Delete(r);
    scenario s = {p, 0, "stavanger"};
    cr_assert_gt(harness_fail_each(record_scenario, &s), 10);
    s.text = 1;
    cr_assert_gt(harness_fail_each(record_scenario, &s), 10);
    ipart_partnership_free(p);
}

/* ---- OCDS ------------------------------------------------------------------------------ */

static ipart_status ocds_scenario(void *ctx)
{
    const scenario *s = ctx;
    char *out = NULL;
    ipart_status rc = ipart_partnership_ocds_json(&out, s->p, "ocds-ipart01-golden", s->party, "nb");
    ipart_free(out);
    return rc;
}

/*
 * The failing-allocator loop costs the square of the allocations, so the
 * whole log runs for the authority on two mid-sized cases that between them
 * reach every section of the package (an option purchase, a termination, a
 * contract change, phase gates and instalments), and the operator's and
 * follower's scopes run on Stavanger's log up to the first phases
 * (contracts, awards and milestones already there).
 */
Test(exports, ocds_leaks_nothing_when_an_allocation_fails)
{
    static const char *const whole[][2] = {{"helse_sor_ost_group", "helse-sor-ost"},
                                           {"dk_procedure", "fjordby"}};
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
        ipart_partnership *p = load_procedure(whole[i][0]);
        scenario full = {p, 0, whole[i][1]};
        cr_assert_gt(harness_fail_each(ocds_scenario, &full), 100, "%s", whole[i][0]);
        ipart_partnership_free(p);
    }
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, 95);
    static const char *const scoped[] = {"op05", "baerum"};
    for (size_t i = 0; i < 2; i++) {
        scenario s = {p, 0, scoped[i]};
        harness_fail_each(ocds_scenario, &s);
    }
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(exports, ocds_packages_match_their_golden_files)
{
    for (size_t c = 0; c < PROCEDURE_COUNT; c++) {
        ipart_partnership *p = load_procedure(PROCEDURES[c]);
        assert_golden(p, PROCEDURES[c], ocds_of, "ocds", "nb", "json");
        assert_golden(p, PROCEDURES[c], ocds_of, "ocds", "en", "json");
        ipart_partnership_free(p);
    }
}

/* Every contract in an operator's package is its own; a follower's has none. */
Test(exports, no_ocds_package_holds_another_partners_contract)
{
    for (size_t c = 0; c < PROCEDURE_COUNT; c++) {
        ipart_partnership *p = load_procedure(PROCEDURES[c]);
        for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
            ipart_party party;
            char *json = NULL;
            assert_ok(ipart_partnership_party_at(&party, p, i));
            assert_ok(ipart_partnership_ocds_json(&json, p, "ocds-x", party.id, "en"));
            cJSON *pkg = cJSON_Parse(json);
            const cJSON *compiled = item(cJSON_GetArrayItem(item(pkg, "records"), 0), "compiledRelease");
            const cJSON *contract;
            cJSON_ArrayForEach(contract, item(compiled, "contracts")) {
                char own[128], seen[65];
                seen_as(seen, p, &party);
                snprintf(own, sizeof own, "ocds-x-contract-%s", seen);
                cr_assert(party.role == IPART_ROLE_AUTHORITY ||
                              strcmp(item(contract, "id")->valuestring, own) == 0,
                          "%s sees %s", party.id, item(contract, "id")->valuestring);
            }
            cJSON_Delete(pkg);
            ipart_free(json);
        }
        ipart_partnership_free(p);
    }
}

Test(exports, ocds_errors_change_nothing)
{
    ipart_partnership *p = load_procedure("dk_procedure");
    char *out = (char *)"untouched";
    assert_fails_with(ipart_partnership_ocds_json(&out, p, "", "op01", "en"), IPART_EINVAL);
    char long_ocid[202];
    memset(long_ocid, 'o', 201);
    long_ocid[201] = '\0';
    assert_fails_with(ipart_partnership_ocds_json(&out, p, long_ocid, "op01", "en"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "ocds.ocid");
    assert_fails_with(ipart_partnership_ocds_json(&out, p, NULL, "op01", "en"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_ocds_json(&out, p, "ocds-x", "nobody", "en"),
                      IPART_ENOTFOUND);
    cr_assert_str_eq(out, "untouched");
    ipart_partnership_free(p);
}

/* ---- eForms ------------------------------------------------------------------------------ */

static char *eforms_settings(void)
{
    return read_file("exports/eforms-settings.json");
}

static int golden_exists(const char *relative)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", IPART_CASES_DIR, relative);
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

/* Every notice a case reaches has a golden file; one it does not reach has none. */
Test(exports, eforms_notices_match_their_golden_files)
{
    static const char *const subtypes[] = {"16", "29", "38", "E1"};
    char *settings = eforms_settings();
    int modifications = 0, consultations = 0;
    for (size_t c = 0; c < PROCEDURE_COUNT; c++) {
        ipart_partnership *p = load_procedure(PROCEDURES[c]);
        ipart_party authority;
        assert_ok(ipart_partnership_party_at(&authority, p, 0));
        for (size_t k = 0; k < 4; k++) {
            char name[160], *xml = NULL;
            snprintf(name, sizeof name, "exports/%s/eforms.%s.xml", PROCEDURES[c], subtypes[k]);
            ipart_status rc = ipart_partnership_eforms_xml(&xml, p, subtypes[k], authority.id,
                                                           settings);
            if (rc == IPART_ESTATE) {
                cr_assert_not(golden_exists(name), "%s: the log reaches no notice %s", name,
                              subtypes[k]);
                continue;
            }
            assert_ok(rc);
            modifications += k == 2;
            consultations += k == 3;
            char *golden = read_file(name);
            cr_assert_str_eq(xml, golden, "%s", name);
            free(golden);
            ipart_free(xml);
        }
        ipart_partnership_free(p);
    }
    cr_assert_eq(modifications, 2, "Stavanger and DK change a contract");
    cr_assert_eq(consultations, (int)PROCEDURE_COUNT, "every golden procedure holds a market dialogue");
    free(settings);
}

/* 38 is published from the changed partner's contract_changed: the
 * authority and that partner see it; every other party gets IPART_ESTATE. */
Test(exports, the_modification_notice_follows_the_change)
{
    ipart_partnership *p = load_procedure("stavanger");
    char *settings = eforms_settings(), *xml = NULL, *out = (char *)"untouched";
    assert_ok(ipart_partnership_eforms_xml(&xml, p, "38", "op05", settings));
    cr_assert_not_null(strstr(xml, "<cbc:PayableAmount currencyID=\"NOK\">4100000.00</cbc:PayableAmount>"),
                       "op05's final development price 3 950 000.00 plus the change of 150 000.00");
    ipart_free(xml);
    assert_fails_with(ipart_partnership_eforms_xml(&out, p, "38", "op11", settings), IPART_ESTATE);
    assert_fails_with(ipart_partnership_eforms_xml(&out, p, "38", "baerum", settings), IPART_ESTATE);
    assert_fails_with(ipart_partnership_eforms_xml(&out, p, "38", "stavanger", "{}"), IPART_EINVAL);
    cr_assert_str_eq(out, "untouched");
    free(settings);
    ipart_partnership_free(p);
}

/* The notices hold only what is public: every party gets the same notice
 * (or, where the log does not reach it, none). */
Test(exports, every_party_gets_the_same_public_notices)
{
    char *settings = eforms_settings();
    static const char *const subtypes[] = {"16", "29", "E1"};
    for (size_t c = 0; c < PROCEDURE_COUNT; c++) {
        ipart_partnership *p = load_procedure(PROCEDURES[c]);
        ipart_party authority;
        assert_ok(ipart_partnership_party_at(&authority, p, 0));
        for (size_t k = 0; k < 3; k++) {
            char *expected = NULL;
            ipart_status reached = ipart_partnership_eforms_xml(&expected, p, subtypes[k],
                                                                authority.id, settings);
            cr_assert(reached == IPART_OK || reached == IPART_ESTATE);
            for (size_t i = 1; i < ipart_partnership_party_count(p); i++) {
                ipart_party party;
                char *xml = NULL;
                assert_ok(ipart_partnership_party_at(&party, p, i));
                if (reached == IPART_ESTATE) {
                    assert_fails_with(ipart_partnership_eforms_xml(&xml, p, subtypes[k], party.id,
                                                                   settings),
                                      IPART_ESTATE);
                    continue;
                }
                assert_ok(ipart_partnership_eforms_xml(&xml, p, subtypes[k], party.id, settings));
                cr_assert_str_eq(xml, expected, "%s: %s's notice %s", PROCEDURES[c], party.id,
                                 subtypes[k]);
                ipart_free(xml);
            }
            ipart_free(expected);
        }
        ipart_partnership_free(p);
    }
    free(settings);
}

/* E1 (pre-market consultation): issued the day the consultation opened, the
 * answers due the day of the last dialogue open to all; it publishes what a
 * one-to-one meeting gave only once shared with all (R50), and never the
 * meeting itself. */
Test(exports, the_consultation_notice_publishes_the_open_dialogue)
{
    ipart_partnership *p = load_procedure("troms_finnmark_dialogue");
    char *settings = eforms_settings(), *map = NULL;
    assert_ok(ipart_partnership_eforms_map_json(&map, p, "E1", "tffk", settings));
    cJSON *fields = cJSON_Parse(map);
    const char *note = cJSON_GetArrayItem(item(fields, "BT-300-Procedure"), 0)->valuestring;
    cr_assert_str_eq(cJSON_GetArrayItem(item(fields, "BT-05(a)-notice"), 0)->valuestring,
                     "2021-01-08+01:00", "the webinar opened the consultation");
    cr_assert_str_eq(cJSON_GetArrayItem(item(fields, "BT-800(d)-Lot"), 0)->valuestring,
                     "2021-02-17+01:00", "the matchmaking was the last open dialogue");
    cr_assert_str_eq(cJSON_GetArrayItem(item(fields, "BT-02-notice"), 0)->valuestring, "pmc");
    cr_assert_null(item(fields, "BT-04-notice"), "BT-04 is forbidden in E1");
    cr_assert_not_null(strstr(note, "shared with all (Doffin"));
    cr_assert_not_null(strstr(note, "NOK 7,3 millioner"), "the budget told to one, shared with all");
    cr_assert_null(strstr(note, "Arctic Mobility presenterte"), "a one-to-one meeting stays out");
    cr_assert_null(strstr(note, "Skriftlig innspill"), "a written input stays out");
    cJSON_Delete(fields);
    ipart_free(map);
    ipart_partnership_free(p);
    /* before any dialogue open to all: nothing to publish, nothing written */
    cJSON *kase = harness_load_case("procedure/troms_finnmark_dialogue.json");
    ipart_partnership *early = harness_replay(kase, 4);
    char *out = (char *)"untouched";
    assert_fails_with(ipart_partnership_eforms_xml(&out, early, "E1", "tffk", settings),
                      IPART_ESTATE);
    cr_assert_not_null(strstr(ipart_error_last()->message, "market dialogue"));
    cr_assert_str_eq(out, "untouched");
    ipart_partnership_free(early);
    cJSON_Delete(kase);
    free(settings);
}

/* The first value of field `id` in notice `subtype`'s map as `party` sees it (caller frees). */
static char *map_value(const ipart_partnership *p, const char *subtype, const char *party,
                       const char *id)
{
    char *settings = eforms_settings(), *map = NULL;
    assert_ok(ipart_partnership_eforms_map_json(&map, p, subtype, party, settings));
    cJSON *fields = cJSON_Parse(map);
    const cJSON *value = cJSON_GetArrayItem(item(fields, id), 0);
    cr_assert(cJSON_IsString(value), "%s has %s", subtype, id);
    size_t size = strlen(value->valuestring) + 1;
    char *copy = malloc(size);
    cr_assert_not_null(copy);
    memcpy(copy, value->valuestring, size);
    cJSON_Delete(fields);
    ipart_free(map);
    free(settings);
    return copy;
}

/* BT-300 holds at most 10000 characters: a longer consultation is cut at
 * 10000 bytes, never inside a UTF-8 sequence. */
Test(exports, the_consultation_note_is_cut_at_its_limit_on_a_character)
{
    for (size_t ascii = 1; ascii <= 2; ascii++) { /* one of the two cuts a character in half */
        cJSON *kase = harness_load_case("procedure/troms_finnmark_dialogue.json");
        cJSON *webinar = cJSON_GetArrayItem(item(item(kase, "document"), "events"), 4);
        char summary[12004] = "xx";
        for (size_t i = ascii; i + 2 < sizeof summary; i += 2)
            memcpy(summary + i, "\xc3\xa6", 2); /* "æ" */
        summary[sizeof summary - 2 + ascii % 2] = '\0';
        cr_assert(cJSON_ReplaceItemInObject(webinar, "summary", cJSON_CreateString(summary)));
        ipart_partnership *p = harness_replay(kase, -1);
        char *note = map_value(p, "E1", "tffk", "BT-300-Procedure");
        size_t length = strlen(note);
        cr_assert(length <= 10000 && length >= 9999, "%zu bytes", length);
        cr_assert_neq((unsigned char)note[length - 1], 0xc3, "no half character at the end");
        free(note);
        ipart_partnership_free(p);
        cJSON_Delete(kase);
    }
}

/* BT-97: the profile's language; the EU profile's is English. */
Test(exports, the_answers_language_is_the_profiles)
{
    static const char *const expected[][2] = {{"NO", "NOR"}, {"SE", "SWE"}, {"DK", "DAN"},
                                              {"EU", "ENG"}};
    for (size_t i = 0; i < 4; i++) {
        cJSON *kase = harness_load_case("procedure/dk_need_mapping.json");
        cJSON_ReplaceItemInObject(cJSON_GetObjectItemCaseSensitive(kase, "document"), "profile",
                                  cJSON_CreateString(expected[i][0]));
        ipart_partnership *p = harness_replay(kase, -1);
        char *language = map_value(p, "E1", "aalborg", "BT-97-Lot");
        cr_assert_str_eq(language, expected[i][1], "profile %s", expected[i][0]);
        free(language);
        ipart_partnership_free(p);
        cJSON_Delete(kase);
    }
}

static ipart_status consultation_scenario(void *ctx)
{
    const scenario *s = ctx;
    char *settings = eforms_settings(), *out = NULL;
    ipart_status rc = s->text ? ipart_partnership_eforms_map_json(&out, s->p, "E1", s->party, settings)
                              : ipart_partnership_eforms_xml(&out, s->p, "E1", s->party, settings);
    ipart_free(out);
    free(settings);
    return rc;
}

Test(exports, the_consultation_notice_leaks_nothing_when_an_allocation_fails)
{
    ipart_partnership *p = load_procedure("dk_need_mapping");
    scenario s = {p, 0, "aalborg"};
    cr_assert_gt(harness_fail_each(consultation_scenario, &s), 10);
    s.text = 1;
    cr_assert_gt(harness_fail_each(consultation_scenario, &s), 10);
    ipart_partnership_free(p);
}

Test(exports, eforms_errors_change_nothing)
{
    ipart_partnership *p = load_procedure("stavanger");
    char *settings = eforms_settings(), *out = (char *)"untouched";
    assert_fails_with(ipart_partnership_eforms_xml(&out, p, "99", "stavanger", settings), IPART_EINVAL);
    assert_fails_with(ipart_partnership_eforms_xml(&out, p, "16", "stavanger", "[]"), IPART_EINVAL);
    assert_fails_with(ipart_partnership_eforms_xml(&out, p, "16", "stavanger", "{\"cpv\":\"1\"}"),
                      IPART_EINVAL);
    cr_assert_not_null(strstr(ipart_error_last()->message, "missing"));
    assert_fails_with(ipart_partnership_eforms_map_json(&out, p, "16", "nobody", settings),
                      IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_eforms_xml(&out, p, "16", "stavanger", NULL), IPART_EMISUSE);
    cr_assert_str_eq(out, "untouched");
    ipart_partnership_free(p);
    /* before the notice: nothing to publish */
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *early = harness_replay(kase, 9);
    assert_fails_with(ipart_partnership_eforms_xml(&out, early, "16", "stavanger", settings),
                      IPART_ESTATE);
    assert_fails_with(ipart_partnership_eforms_xml(&out, early, "29", "stavanger", settings),
                      IPART_ESTATE);
    ipart_partnership_free(early);
    cJSON_Delete(kase);
    free(settings);
}

typedef struct eforms_scenario {
    const ipart_partnership *p;
    const char *subtype;
    const char *settings;
    int map;
} eforms_scenario;

static ipart_status eforms_run(void *ctx)
{
    const eforms_scenario *s = ctx;
    char *out = NULL;
    ipart_status rc = s->map ? ipart_partnership_eforms_map_json(&out, s->p, s->subtype, "op05",
                                                                 s->settings)
                             : ipart_partnership_eforms_xml(&out, s->p, s->subtype, "op05",
                                                            s->settings);
    ipart_free(out);
    return rc;
}

/* The settings with member `name` set to the JSON `value` (removed when NULL); cJSON_free it. */
static char *settings_with(const char *settings, const char *name, const char *value)
{
    cJSON *s = cJSON_Parse(settings);
    cJSON_DeleteItemFromObjectCaseSensitive(s, name);
    if (value)
        cr_assert(cJSON_AddItemToObject(s, name, cJSON_Parse(value)));
    char *text = cJSON_PrintUnformatted(s);
    cJSON_Delete(s);
    return text;
}

/* Each bad setting is refused with its key and JSON path, and nothing is written. */
Test(exports, eforms_names_each_bad_setting)
{
    char long_value[210];
    snprintf(long_value, sizeof long_value, "\"%0201d\"", 0);
    const struct {
        const char *name, *value, *subtype, *key, *path;
    } bad[] = {
        {"organisations", "\"x\"", "16", "eforms.settings.value", "$.organisations"},
        {"colour", "\"red\"", "16", "eforms.settings.unknown", "$"},
        {"cpv", "\"\"", "16", "eforms.settings.value", "$"},
        {"cpv", "85000000", "16", "eforms.settings.value", "$"},
        {"cpv", long_value, "16", "eforms.settings.value", "$"},
        {"award_notice_id", NULL, "38", "eforms.settings.missing", "$"},
        {"place_nuts", "\"Rogaland\"", "E1", "eforms.settings.value", "$.place_nuts"},
        {"place_nuts", "\"no0a1\"", "16", "eforms.settings.value", "$.place_nuts"},
        {"place_nuts", "\"N00A1\"", "29", "eforms.settings.value", "$.place_nuts"},
        {"organisations", "{}", "29", "eforms.settings.missing", "$.organisations"},
        {"organisations", "{\"op05\":{\"org_no\":\"905000000\",\"city\":\"\"}}", "29",
         "eforms.settings.missing", "$.organisations"},
    };
    ipart_partnership *p = load_procedure("stavanger");
    char *settings = eforms_settings();
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *text = settings_with(settings, bad[i].name, bad[i].value), *out = (char *)"untouched";
        assert_fails_with(ipart_partnership_eforms_xml(&out, p, bad[i].subtype, "stavanger", text),
                          IPART_EINVAL);
        cr_assert_str_eq(ipart_error_last()->key, bad[i].key, "case %zu: %s", i,
                         ipart_error_last()->message);
        cr_assert_str_eq(ipart_error_last()->path, bad[i].path, "case %zu", i);
        cr_assert_str_eq(out, "untouched");
        cJSON_free(text);
    }
    free(settings);
    ipart_partnership_free(p);
}

Test(exports, eforms_leaks_nothing_when_an_allocation_fails)
{
    ipart_partnership *p = load_procedure("stavanger");
    char *settings = eforms_settings();
    eforms_scenario s = {p, "16", settings, 0};
    harness_fail_each(eforms_run, &s);
    s.subtype = "29";
    s.map = 1;
    harness_fail_each(eforms_run, &s);
    free(settings);
    ipart_partnership_free(p);
}

/* R31: the contract notice publishes the maximum value (BT-27) unless the terms withhold it. */
Test(exports, r31_the_contract_notice_publishes_the_maximum_value)
{
    char *settings = eforms_settings(), *map = NULL;
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, 10);
    assert_ok(ipart_partnership_eforms_map_json(&map, p, "16", "stavanger", settings));
    cJSON *fields = cJSON_Parse(map);
    cr_assert_str_eq(cJSON_GetArrayItem(item(fields, "BT-27-Procedure"), 0)->valuestring,
                     "42000000.00", "12 000 000.00 R&D + 30 000 000.00 purchase (R30)");
    cJSON_Delete(fields);
    ipart_free(map);
    ipart_partnership_free(p);
    /* the same case with every terms_set withholding it */
    cJSON *event;
    cJSON_ArrayForEach(event, item(item(kase, "document"), "events"))
        if (strcmp(item(event, "type")->valuestring, "terms_set") == 0)
            cJSON_ReplaceItemInObjectCaseSensitive(event, "max_value_disclosed", cJSON_CreateFalse());
    p = harness_replay(kase, 10);
    assert_ok(ipart_partnership_eforms_map_json(&map, p, "16", "stavanger", settings));
    fields = cJSON_Parse(map);
    cr_assert_null(item(fields, "BT-27-Procedure"));
    cJSON_Delete(fields);
    ipart_free(map);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
    free(settings);
}
