/*
 * The typed results of the list-shaped queries against their JSON exports
 * and the golden expectations: tenderers, ranking, actions, a partner's
 * contract, the payments forecast and the rights explanations, over every
 * golden procedure (tests/cases/procedure) and tests/cases/rights. The
 * JSON each typed result should give is built here with cJSON, apart from
 * the library's writers, and compared with the export.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(typed, IPART_TEST_FIXTURE);

static const char *const PROCEDURES[] = {"stavanger.json", "no_without_reduction.json",
                                         "no_authority_owns.json", "se_initial_award.json",
                                         "se_negotiated.json", "dk_procedure.json",
                                         "works_at_threshold.json", "works_below_threshold.json"};

static const cJSON *item(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* ---- the typed values as JSON, written by the test ---------------------------------- */

static void add_money(cJSON *obj, const char *key, ipart_money m)
{
    char *text = NULL;
    assert_ok(ipart_money_format(&text, m));
    cJSON_AddStringToObject(obj, key, text);
    ipart_free(text);
}

static void add_date(cJSON *obj, const char *key, ipart_date d)
{
    char *text = NULL;
    assert_ok(ipart_date_format(&text, d));
    cJSON_AddStringToObject(obj, key, text);
    ipart_free(text);
}

static void add_text_or_null(cJSON *obj, const char *key, const char *s)
{
    if (s && s[0])
        cJSON_AddStringToObject(obj, key, s);
    else
        cJSON_AddNullToObject(obj, key);
}

static void add_points(cJSON *obj, const char *key, int64_t micro)
{
    char text[32];
    snprintf(text, sizeof text, "%lld.%06lld", (long long)(micro / 1000000),
             (long long)(micro % 1000000));
    cJSON_AddStringToObject(obj, key, text);
}

/* Parse an export and compare it with the test's own rendering; frees both. */
static void assert_export(char *text, cJSON *want, const char *what)
{
    cJSON *got = cJSON_Parse(text);
    cr_assert_not_null(got, "%s: the export is not JSON", what);
    char *w = cJSON_PrintUnformatted(want);
    cr_assert(cJSON_Compare(got, want, 1), "%s:\n export %s\n typed  %s", what, text, w);
    cJSON_free(w);
    ipart_free(text);
    cJSON_Delete(got);
    cJSON_Delete(want);
}

static cJSON *tenderers_typed(const ipart_partnership *p)
{
    cJSON *rows = cJSON_CreateArray();
    size_t n = ipart_partnership_tenderer_count(p);
    for (size_t i = 0; i < n; i++) {
        ipart_tenderer t;
        assert_ok(ipart_partnership_tenderer_at(&t, p, i));
        ipart_party party;
        assert_ok(ipart_partnership_party_get(&party, p, t.id));
        cr_assert_eq(party.role, IPART_ROLE_OPERATOR);
        cr_assert_str_eq(party.status, t.status);
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToArray(rows, row);
        cJSON_AddStringToObject(row, "id", t.id);
        cJSON_AddStringToObject(row, "name", t.name);
        cJSON_AddStringToObject(row, "status", t.status);
        cJSON_AddBoolToObject(row, "qualified", t.qualified);
        cJSON_AddBoolToObject(row, "invited", t.invited);
        cJSON_AddBoolToObject(row, "eliminated", t.eliminated);
        if (!t.has_tender) {
            cr_assert_str_eq(t.tender_kind, "");
            cJSON_AddNullToObject(row, "tender");
            continue;
        }
        cJSON *tender = cJSON_AddObjectToObject(row, "tender");
        cJSON_AddStringToObject(tender, "kind", t.tender_kind);
        cJSON_AddNumberToObject(tender, "version", t.tender_version);
        add_money(tender, "price", t.price);
        add_money(tender, "development_price", t.development_price);
        add_date(tender, "date", t.tender_date);
    }
    ipart_tenderer past;
    assert_fails_with(ipart_partnership_tenderer_at(&past, p, n), IPART_ENOTFOUND);
    return rows;
}

static cJSON *ranking_typed(const ipart_partnership *p)
{
    cJSON *rows = cJSON_CreateArray();
    size_t n = ipart_partnership_ranked_count(p);
    for (size_t i = 0; i < n; i++) {
        ipart_ranked r;
        assert_ok(ipart_partnership_ranked_at(&r, p, i));
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToArray(rows, row);
        cJSON_AddStringToObject(row, "tenderer", r.tenderer);
        cJSON_AddNumberToObject(row, "rank", r.rank);
        add_points(row, "total", r.total);
        cJSON_AddBoolToObject(row, "tied", r.tied);
        cJSON *scores = cJSON_AddObjectToObject(row, "scores");
        int64_t sum = 0;
        for (size_t k = 0; k < r.criteria; k++) {
            ipart_score s;
            assert_ok(ipart_partnership_ranked_score_at(&s, p, i, k));
            add_points(scores, s.criterion, s.points);
            sum += s.points;
        }
        cr_assert_eq(sum, r.total, "the scores of %s add up to its total", r.tenderer);
        ipart_score past;
        assert_fails_with(ipart_partnership_ranked_score_at(&past, p, i, r.criteria),
                          IPART_ENOTFOUND);
    }
    return rows;
}

static cJSON *actions_typed(const ipart_partnership *p, const char *actor)
{
    cJSON *rows = cJSON_CreateArray();
    for (size_t i = 0; i < ipart_partnership_action_count(p); i++) {
        ipart_action a;
        assert_ok(ipart_partnership_action_at(&a, p, actor, i));
        cr_assert_eq(a.allowed, a.code == IPART_OK);
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToArray(rows, row);
        cJSON_AddStringToObject(row, "type", a.type);
        cJSON_AddBoolToObject(row, "allowed", a.allowed);
        add_text_or_null(row, "code", a.allowed ? NULL : ipart_error_name((ipart_status)a.code));
        add_text_or_null(row, "rule", a.rule);
        if (a.allowed) {
            cr_assert_str_eq(a.reason, "");
            cr_assert_str_eq(a.reason_nb, "");
            cJSON_AddNullToObject(row, "reason");
            cJSON_AddNullToObject(row, "reason_nb");
        } else {
            cr_assert_neq(a.reason[0], '\0', "a refusal says why");
            cr_assert_neq(a.reason_nb[0], '\0', "a refusal says why in Norwegian too");
            cJSON_AddStringToObject(row, "reason", a.reason);
            cJSON_AddStringToObject(row, "reason_nb", a.reason_nb);
        }
    }
    return rows;
}

static void add_phase_items(cJSON *phase, const ipart_partnership *p, const char *partner,
                            size_t k, const ipart_partner_phase *ph)
{
    cJSON *targets = cJSON_AddArrayToObject(phase, "targets");
    for (size_t i = 0; i < ph->target_count; i++) {
        ipart_partner_target t;
        assert_ok(ipart_partnership_partner_target_at(&t, p, partner, k, i));
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToArray(targets, row);
        cJSON_AddStringToObject(row, "id", t.id);
        cJSON_AddStringToObject(row, "status", t.status);
    }
    cJSON *instalments = cJSON_AddArrayToObject(phase, "instalments");
    for (size_t i = 0; i < ph->instalment_count; i++) {
        ipart_partner_instalment in;
        assert_ok(ipart_partnership_partner_instalment_at(&in, p, partner, k, i));
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToArray(instalments, row);
        cJSON_AddStringToObject(row, "id", in.id);
        cJSON_AddStringToObject(row, "target", in.target);
        add_money(row, "amount", in.amount);
        add_money(row, "paid", in.paid);
        cJSON_AddBoolToObject(row, "payable", in.payable);
    }
    ipart_partner_target t;
    assert_fails_with(ipart_partnership_partner_target_at(&t, p, partner, k, ph->target_count),
                      IPART_ENOTFOUND);
}

static cJSON *partner_typed(const ipart_partnership *p, const ipart_partner_status *s)
{
    cJSON *obj = cJSON_CreateObject();
    cJSON_AddStringToObject(obj, "partner", s->partner);
    cJSON_AddStringToObject(obj, "state", s->state);
    add_text_or_null(obj, "phase", s->phase_index >= 0 ? s->phase : NULL);
    add_money(obj, "original", s->original);
    add_money(obj, "changes", s->changes);
    add_money(obj, "change_limit", s->change_limit);
    add_money(obj, "value", s->value);
    add_money(obj, "paid", s->paid);
    add_money(obj, "payable", s->payable);
    add_money(obj, "owed_on_termination", s->owed_on_termination);
    cJSON_AddNumberToObject(obj, "option_quantity", (double)s->option_quantity);
    add_money(obj, "option_value", s->option_value);
    cJSON *phases = cJSON_AddArrayToObject(obj, "phases");
    size_t n = ipart_partnership_partner_phase_count(p, s->partner);
    for (size_t k = 0; k < n; k++) {
        ipart_partner_phase ph;
        assert_ok(ipart_partnership_partner_phase_at(&ph, p, s->partner, k));
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToArray(phases, row);
        cJSON_AddStringToObject(row, "id", ph.id);
        cJSON_AddStringToObject(row, "kind", ph.kind);
        add_date(row, "due", ph.due);
        add_money(row, "price", ph.price);
        cJSON_AddStringToObject(row, "state", ph.state);
        add_phase_items(row, p, s->partner, k, &ph);
    }
    ipart_partner_phase past;
    assert_fails_with(ipart_partnership_partner_phase_at(&past, p, s->partner, n),
                      IPART_ENOTFOUND);
    return obj;
}

static cJSON *forecast_typed(const ipart_partnership *p)
{
    cJSON *obj = cJSON_CreateObject();
    cJSON *rows = cJSON_AddArrayToObject(obj, "payments");
    size_t n = ipart_partnership_payment_count(p);
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        ipart_payment pay;
        assert_ok(ipart_partnership_payment_at(&pay, p, i));
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToArray(rows, row);
        cJSON_AddStringToObject(row, "partner", pay.partner);
        add_text_or_null(row, "phase", pay.phase);
        add_text_or_null(row, "instalment", pay.instalment);
        if (pay.has_due)
            add_date(row, "due", pay.due);
        else
            cJSON_AddNullToObject(row, "due");
        add_money(row, "amount", pay.amount);
        cJSON_AddBoolToObject(row, "payable", pay.payable);
        sum += pay.amount.minor;
    }
    ipart_money total;
    assert_ok(ipart_partnership_payment_total(&total, p));
    cr_assert_eq(total.minor, sum, "the total is the sum of the rows");
    add_money(obj, "total", total);
    ipart_payment past;
    assert_fails_with(ipart_partnership_payment_at(&past, p, n), IPART_ENOTFOUND);
    return obj;
}

static cJSON *explanation_typed(const ipart_rights_explanation *x)
{
    cJSON *obj = cJSON_CreateObject();
    cJSON_AddStringToObject(obj, "party", ipart_rights_explanation_party(x));
    cJSON_AddStringToObject(obj, "asset", ipart_rights_explanation_asset(x));
    cJSON_AddNumberToObject(obj, "event_count", (double)ipart_rights_explanation_event_count(x));
    cr_assert_eq(ipart_rights_explanation_count(x), IPART_RIGHT_COUNT);
    for (size_t r = 0; r < ipart_rights_explanation_count(x); r++) {
        ipart_right_answer a;
        assert_ok(ipart_rights_explanation_at(&a, x, r));
        cJSON *row = cJSON_AddObjectToObject(obj, a.right);
        cJSON_AddBoolToObject(row, "answer", a.answer);
        cJSON_AddStringToObject(row, "clause", a.clause);
        cJSON_AddStringToObject(row, "rule", a.rule);
        cJSON_AddStringToObject(row, "reason", a.reason);
        cJSON_AddStringToObject(row, "reason_nb", ipart_rights_explanation_reason(x, r, "nb"));
    }
    ipart_right_answer past;
    assert_fails_with(ipart_rights_explanation_at(&past, x, IPART_RIGHT_COUNT), IPART_ENOTFOUND);
    return obj;
}

/* ---- typed == export, at every step of every golden procedure ----------------------------- */

static void check_competition(const ipart_partnership *p, const char *where)
{
    char *text = NULL;
    assert_ok(ipart_partnership_tenderers_json(&text, p));
    assert_export(text, tenderers_typed(p), where);
    if (ipart_partnership_ranked_count(p) > 0) {
        assert_ok(ipart_partnership_ranking_json(&text, p));
        assert_export(text, ranking_typed(p), where);
    } else {
        ipart_ranked r;
        assert_fails_with(ipart_partnership_ranked_at(&r, p, 0), IPART_ENOTFOUND);
        assert_fails_with(ipart_partnership_ranking_json(&text, p), IPART_ENOTFOUND);
    }
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        ipart_party party;
        assert_ok(ipart_partnership_party_at(&party, p, i));
        assert_ok(ipart_partnership_actions_json(&text, p, party.id));
        assert_export(text, actions_typed(p, party.id), where);
    }
}

static void check_contract(const ipart_partnership *p, const char *where)
{
    char *text = NULL;
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        ipart_party party;
        ipart_partner_status s;
        assert_ok(ipart_partnership_party_at(&party, p, i));
        if (ipart_partnership_partner_status(&s, p, party.id) != IPART_OK) {
            cr_assert_eq(ipart_partnership_partner_phase_count(p, party.id), 0);
            continue;
        }
        assert_ok(ipart_partnership_partner_json(&text, p, party.id));
        assert_export(text, partner_typed(p, &s), where);
    }
    assert_ok(ipart_partnership_forecast_json(&text, p));
    assert_export(text, forecast_typed(p), where);
}

/* Every party's rights to every partner's assets, after `count` events. */
static void check_rights(const ipart_partnership *p, size_t count, const char *where)
{
    static const char *const kinds[] = {"foreground", "background"};
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        ipart_party party, partner;
        assert_ok(ipart_partnership_party_at(&party, p, i));
        for (size_t j = 0; j < ipart_partnership_party_count(p); j++) {
            assert_ok(ipart_partnership_party_at(&partner, p, j));
            for (int k = 0; partner.role == IPART_ROLE_OPERATOR && k < 2; k++) {
                char asset[128];
                snprintf(asset, sizeof asset, "%s.%s", partner.id, kinds[k]);
                char *text = NULL;
                ipart_rights_explanation *x = NULL;
                ipart_status want = ipart_partnership_rights_json(&text, p, count, party.id, asset);
                ipart_status got = ipart_partnership_rights_explain(&x, p, count, party.id, asset);
                cr_assert_eq(got, want, "%s: %s %s", where, party.id, asset);
                if (got != IPART_OK) {
                    cr_assert_null(x, "a failed call leaves *out untouched");
                    continue;
                }
                assert_export(text, explanation_typed(x), where);
                ipart_rights_explanation_free(x);
            }
        }
    }
}

/* Every event's header is its JSON's, and every party's withheld count its view's. */
static void check_headers_and_views(const ipart_partnership *p, const char *where)
{
    for (size_t i = 0; i < ipart_partnership_event_count(p); i++) {
        char *text = NULL, *date = NULL;
        ipart_event_header h;
        assert_ok(ipart_partnership_event_at(&text, p, i));
        assert_ok(ipart_partnership_event_header_at(&h, p, i));
        cJSON *ev = cJSON_Parse(text);
        assert_ok(ipart_date_format(&date, h.date));
        cr_assert_str_eq(h.type, cJSON_GetObjectItem(ev, "type")->valuestring, "%s", where);
        cr_assert_str_eq(date, cJSON_GetObjectItem(ev, "date")->valuestring, "%s", where);
        cr_assert_str_eq(h.actor, cJSON_GetObjectItem(ev, "actor")->valuestring, "%s", where);
        ipart_free(date);
        ipart_free(text);
        cJSON_Delete(ev);
    }
    ipart_event_header past;
    assert_fails_with(ipart_partnership_event_header_at(&past, p, ipart_partnership_event_count(p)),
                      IPART_ENOTFOUND);
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        ipart_party party;
        char *text = NULL;
        size_t withheld = 0;
        assert_ok(ipart_partnership_party_at(&party, p, i));
        assert_ok(ipart_partnership_view_json(&text, p, party.id));
        assert_ok(ipart_partnership_view_withheld(&withheld, p, party.id));
        cJSON *view = cJSON_Parse(text);
        cr_assert_eq((double)withheld, cJSON_GetObjectItem(view, "withheld")->valuedouble, "%s %s",
                     where, party.id);
        ipart_free(text);
        cJSON_Delete(view);
    }
    size_t withheld = 7;
    assert_fails_with(ipart_partnership_view_withheld(&withheld, p, "nobody"), IPART_ENOTFOUND);
    cr_assert_eq(withheld, 7, "a failed call leaves *out untouched");
}

Test(typed, every_golden_procedure_exports_what_its_typed_results_say, .timeout = 120)
{
    for (size_t c = 0; c < sizeof PROCEDURES / sizeof *PROCEDURES; c++) {
        char path[128], where[192];
        snprintf(path, sizeof path, "procedure/%s", PROCEDURES[c]);
        cJSON *kase = harness_load_case(path);
        const cJSON *doc = item(kase, "document");
        ipart_partnership *p = NULL;
        assert_ok(ipart_partnership_new(&p, harness_text(doc, "profile")));
        int i = 0;
        const cJSON *ev;
        cJSON_ArrayForEach(ev, item(doc, "events")) {
            harness_apply_json(p, ev, i++);
            snprintf(where, sizeof where, "%s after %d events", PROCEDURES[c], i);
            check_competition(p, where);
            check_contract(p, where);
        }
        size_t n = ipart_partnership_event_count(p);
        check_headers_and_views(p, PROCEDURES[c]);
        check_rights(p, n, PROCEDURES[c]);
        check_rights(p, n - 3, PROCEDURES[c]);
        ipart_partnership_free(p);
        cJSON_Delete(kase);
    }
}

/* ---- typed results against the golden expectations ------------------------------------ */

static int64_t micro_points(const char *text)
{
    long long whole = 0, frac = 0;
    cr_assert_eq(sscanf(text, "%lld.%6lld", &whole, &frac), 2, "points: %s", text);
    return whole * 1000000 + frac;
}

Test(typed, the_ranking_is_the_golden_ranking)
{
    for (size_t c = 0; c < sizeof PROCEDURES / sizeof *PROCEDURES; c++) {
        char path[128];
        snprintf(path, sizeof path, "procedure/%s", PROCEDURES[c]);
        cJSON *kase = harness_load_case(path);
        const cJSON *want = item(item(kase, "expect"), "ranking");
        if (!want) {
            cJSON_Delete(kase);
            continue;
        }
        ipart_partnership *p = harness_replay(kase, -1);
        cr_assert_eq(ipart_partnership_ranked_count(p), (size_t)cJSON_GetArraySize(want));
        size_t i = 0;
        const cJSON *row;
        cJSON_ArrayForEach(row, want) {
            ipart_ranked r;
            assert_ok(ipart_partnership_ranked_at(&r, p, i++));
            cr_assert_str_eq(r.tenderer, harness_text(row, "tenderer"), "%s", PROCEDURES[c]);
            cr_assert_eq(r.rank, harness_int(row, "rank"));
            if (item(row, "total"))
                cr_assert_eq(r.total, micro_points(harness_text(row, "total")));
        }
        ipart_partnership_free(p);
        cJSON_Delete(kase);
    }
}

Test(typed, the_rights_explanations_are_the_golden_answers)
{
    static const char *const rights[] = {"owns", "use", "modify", "sublicense", "commercialise"};
    cJSON *cases = harness_load_case("rights/rights.json");
    const cJSON *q;
    cJSON_ArrayForEach(q, item(cases, "queries")) {
        char path[128];
        snprintf(path, sizeof path, "procedure/%s", harness_text(q, "base"));
        cJSON *kase = harness_load_case(path);
        ipart_partnership *p = harness_replay(kase, -1);
        ipart_rights_explanation *x = NULL;
        assert_ok(ipart_partnership_rights_explain(&x, p, (size_t)harness_int(q, "prefix"),
                                                   harness_text(q, "party"),
                                                   harness_text(q, "asset")));
        /* The explanation owns what it borrows: it outlives the partnership. */
        ipart_partnership_free(p);
        for (size_t r = 0; r < IPART_RIGHT_COUNT; r++) {
            ipart_right_answer a;
            assert_ok(ipart_rights_explanation_at(&a, x, r));
            cr_assert_str_eq(a.right, rights[r]);
            const cJSON *want = harness_member(harness_member(q, "expect"), rights[r]);
            cr_assert_eq(a.answer, cJSON_IsTrue(want), "%s: %s", harness_text(q, "name"), a.right);
            const cJSON *rule = item(item(q, "rules"), rights[r]);
            if (rule)
                cr_assert_str_eq(a.rule, rule->valuestring, "%s", harness_text(q, "name"));
        }
        ipart_rights_explanation_free(x);
        cJSON_Delete(kase);
    }
    cJSON_ArrayForEach(q, item(cases, "errors")) {
        char path[128];
        snprintf(path, sizeof path, "procedure/%s", harness_text(q, "base"));
        cJSON *kase = harness_load_case(path);
        ipart_partnership *p = harness_replay(kase, -1);
        ipart_rights_explanation *x = NULL;
        assert_fails_with(ipart_partnership_rights_explain(&x, p, (size_t)harness_int(q, "prefix"),
                                                           harness_text(q, "party"),
                                                           harness_text(q, "asset")),
                          harness_status_named(harness_text(q, "error")));
        cr_assert_null(x);
        ipart_partnership_free(p);
        cJSON_Delete(kase);
    }
    cJSON_Delete(cases);
}

Test(typed, misuse_and_ranges)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, 3);
    ipart_tenderer t;
    ipart_action a;
    ipart_payment pay;
    ipart_partner_phase ph;
    ipart_rights_explanation *x = NULL;
    cr_assert_eq(ipart_partnership_tenderer_count(NULL), 0);
    cr_assert_eq(ipart_partnership_ranked_count(NULL), 0);
    cr_assert_eq(ipart_partnership_payment_count(NULL), 0);
    cr_assert_eq(ipart_partnership_partner_phase_count(p, "nobody"), 0);
    cr_assert_eq(ipart_rights_explanation_count(NULL), 0);
    assert_fails_with(ipart_partnership_tenderer_at(NULL, p, 0), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_tenderer_at(&t, p, 0), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_action_at(&a, p, NULL, 0), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_action_at(&a, p, "x",
                                                  ipart_partnership_action_count(p)),
                      IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_payment_at(&pay, NULL, 0), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_partner_phase_at(&ph, p, "nobody", 0), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_partner_phase_at(&ph, p, NULL, 0), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_rights_explain(&x, p, 99, "x", "y.foreground"),
                      IPART_ERANGE);
    ipart_event_header h;
    size_t withheld;
    assert_fails_with(ipart_partnership_event_header_at(NULL, p, 0), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_event_header_at(&h, NULL, 0), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_view_withheld(NULL, p, "stavanger"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_view_withheld(&withheld, p, NULL), IPART_EMISUSE);
    cr_assert_null(x);
    ipart_rights_explanation_free(NULL);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

static ipart_status explain_scenario(void *ctx)
{
    const ipart_partnership *p = ctx;
    ipart_rights_explanation *x = NULL;
    ipart_status rc = ipart_partnership_rights_explain(&x, p, ipart_partnership_event_count(p) - 5,
                                                       "stavanger", "op05.foreground");
    ipart_rights_explanation_free(x);
    return rc;
}

/* Run `scenario` on the whole Stavanger procedure with each allocation failing in turn. */
static void fail_each_on_stavanger(harness_scenario scenario, long at_least)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, -1);
    cr_assert_gt(harness_fail_each(scenario, p), at_least);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(typed, an_explanation_leaks_nothing_when_any_allocation_fails, .timeout = 120)
{
    fail_each_on_stavanger(explain_scenario, 0);
}

typedef ipart_status (*json_query)(char **out, const ipart_partnership *p);

static ipart_status actions_of_the_authority(char **out, const ipart_partnership *p)
{
    return ipart_partnership_actions_json(out, p, "stavanger");
}

static ipart_status contract_of_op05(char **out, const ipart_partnership *p)
{
    return ipart_partnership_partner_json(out, p, "op05");
}

/* Every JSON query of the typed results, one after the other. */
static ipart_status json_queries_scenario(void *ctx)
{
    static const json_query queries[] = {ipart_partnership_tenderers_json,
                                         ipart_partnership_ranking_json, actions_of_the_authority,
                                         contract_of_op05, ipart_partnership_forecast_json};
    ipart_status rc = IPART_OK;
    for (size_t i = 0; rc == IPART_OK && i < sizeof queries / sizeof queries[0]; i++) {
        char *text = NULL;
        rc = queries[i](&text, ctx);
        cr_assert((rc == IPART_OK) == (text != NULL), "query %zu: *out is set only on success", i);
        ipart_free(text);
    }
    return rc;
}

Test(typed, the_json_queries_leak_nothing_when_any_allocation_fails, .timeout = 120)
{
    fail_each_on_stavanger(json_queries_scenario, 5);
}
