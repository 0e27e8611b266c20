/*
 * Party-scoped access (include/ipart/scope.h, R19, R37): every query of a
 * party's scoped handle, on every golden procedure and for every party,
 * answers only what the party-scoped view lets that party see; the
 * authority's handle answers as the unscoped one.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(scope, IPART_TEST_FIXTURE);

static const char *const PROCEDURES[] = {
    "stavanger.json",    "no_without_reduction.json", "no_authority_owns.json",
    "se_initial_award.json", "se_negotiated.json",    "dk_procedure.json",
    "works_at_threshold.json", "works_below_threshold.json"};

static const cJSON *item(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static ipart_partnership *as_party(const ipart_partnership *p, const char *party)
{
    ipart_partnership *s = NULL;
    assert_ok(ipart_partnership_as_party(&s, p, party));
    cr_assert_str_eq(ipart_partnership_audience(s), party);
    return s;
}

/* ---- what a party's export may name ---------------------------------------------- */

/* The operators of p (unscoped), for the leak checks. */
typedef struct operators {
    const char *id[64];
    size_t count;
} operators;

static operators operators_of(const ipart_partnership *p)
{
    operators ops = {{0}, 0};
    for (size_t i = 0; i < ipart_partnership_party_count(p) && ops.count < 64; i++) {
        ipart_party party;
        assert_ok(ipart_partnership_party_at(&party, p, i));
        if (party.role == IPART_ROLE_OPERATOR)
            ops.id[ops.count++] = party.id;
    }
    return ops;
}

/* No other operator's id appears, quoted, in a party's JSON text. */
static void names_no_other(const char *text, const operators *ops, const char *party,
                           const char *what)
{
    for (size_t i = 0; i < ops->count; i++) {
        if (strcmp(ops->id[i], party) == 0)
            continue;
        char quoted[80];
        snprintf(quoted, sizeof quoted, "\"%s", ops->id[i]); /* "op08" and "op08.foreground" */
        cr_assert_null(strstr(text, quoted), "%s of %s names %s: %s", what, party, ops->id[i],
                       text);
    }
}

/* ---- the rows: a party's rows are the unscoped rows about it ------------------------ */

static void check_tenderers(const ipart_partnership *p, const ipart_partnership *s,
                            const char *party)
{
    size_t seen = 0;
    for (size_t i = 0; i < ipart_partnership_tenderer_count(s); i++) {
        ipart_tenderer t;
        assert_ok(ipart_partnership_tenderer_at(&t, s, i));
        cr_assert_str_eq(t.id, party, "a tenderer row of another operator");
        seen++;
    }
    size_t own = 0;
    for (size_t i = 0; i < ipart_partnership_tenderer_count(p); i++) {
        ipart_tenderer t;
        assert_ok(ipart_partnership_tenderer_at(&t, p, i));
        if (strcmp(t.id, party) == 0) {
            ipart_tenderer mine;
            assert_ok(ipart_partnership_tenderer_at(&mine, s, 0));
            cr_assert_eq(mine.price.minor, t.price.minor);
            cr_assert_str_eq(mine.status, t.status);
            own++;
        }
    }
    cr_assert_eq(seen, own, "%s sees its own tenderer row, and only it", party);
    assert_fails_with(ipart_partnership_tenderer_at(&(ipart_tenderer){0}, s, seen),
                      IPART_ENOTFOUND);
}

static void check_ranking(const ipart_partnership *p, const ipart_partnership *s,
                          const char *party)
{
    size_t n = ipart_partnership_ranked_count(s), own = 0;
    for (size_t i = 0; i < ipart_partnership_ranked_count(p); i++) {
        ipart_ranked r;
        assert_ok(ipart_partnership_ranked_at(&r, p, i));
        if (strcmp(r.tenderer, party) != 0)
            continue;
        ipart_ranked mine;
        assert_ok(ipart_partnership_ranked_at(&mine, s, own));
        cr_assert_eq(mine.total, r.total);
        cr_assert_eq(mine.rank, r.rank);
        own++;
    }
    cr_assert_eq(n, own, "%s sees its own ranked row, and only it", party);
}

static void check_contracts(const ipart_partnership *p, const ipart_partnership *s,
                            const char *party, const operators *ops)
{
    for (size_t i = 0; i < ops->count; i++) {
        ipart_partner_status full, scoped;
        if (ipart_partnership_partner_status(&full, p, ops->id[i]) != IPART_OK)
            continue;
        char *json = NULL;
        if (strcmp(ops->id[i], party) == 0) {
            assert_ok(ipart_partnership_partner_status(&scoped, s, party));
            cr_assert_eq(scoped.paid.minor, full.paid.minor);
            cr_assert_eq(ipart_partnership_partner_phase_count(s, party),
                         ipart_partnership_partner_phase_count(p, party));
            assert_ok(ipart_partnership_partner_json(&json, s, party));
            names_no_other(json, ops, party, "its contract");
            ipart_free(json);
            continue;
        }
        assert_fails_with(ipart_partnership_partner_status(&scoped, s, ops->id[i]), IPART_EPERM);
        cr_assert_str_eq(ipart_error_last()->rule, "R19");
        assert_fails_with(ipart_partnership_partner_json(&json, s, ops->id[i]), IPART_EPERM);
        cr_assert_eq(ipart_partnership_partner_phase_count(s, ops->id[i]), 0);
        ipart_partner_phase ph;
        assert_fails_with(ipart_partnership_partner_phase_at(&ph, s, ops->id[i], 0), IPART_EPERM);
    }
}

static void check_caps_and_payments(const ipart_partnership *p, const ipart_partnership *s,
                                    const char *party)
{
    for (size_t i = 0; i < ipart_partnership_cap_count(s); i++) {
        ipart_cap_status c;
        assert_ok(ipart_partnership_cap_at(&c, s, i));
        cr_assert_str_eq(c.scope, "partner", "a cap over several partners");
        cr_assert_str_eq(c.partner, party);
        int fits_full = 0, fits_scoped = 0;
        assert_ok(ipart_partnership_cap_fits(&fits_full, p, c.cap, party, c.headroom));
        assert_ok(ipart_partnership_cap_fits(&fits_scoped, s, c.cap, party, c.headroom));
        cr_assert_eq(fits_full, fits_scoped);
    }
    for (size_t i = 0; i < ipart_partnership_cap_count(p); i++) {
        ipart_cap_status c;
        int fits = 0;
        assert_ok(ipart_partnership_cap_at(&c, p, i));
        if (strcmp(c.scope, "partner") != 0)
            assert_fails_with(ipart_partnership_cap_fits(&fits, s, c.cap, NULL, c.amount),
                              IPART_EPERM);
    }
    int64_t own = 0;
    for (size_t i = 0; i < ipart_partnership_payment_count(s); i++) {
        ipart_payment pay;
        assert_ok(ipart_partnership_payment_at(&pay, s, i));
        cr_assert_str_eq(pay.partner, party);
        own += pay.amount.minor;
    }
    ipart_money total;
    assert_ok(ipart_partnership_payment_total(&total, s));
    cr_assert_eq(total.minor, own, "the total is the party's own payments");
    cr_assert_eq(ipart_partnership_warning_count(s), 0);
    ipart_proportionality prop;
    ipart_status rc = ipart_partnership_proportionality(&prop, s);
    cr_assert(rc == IPART_EPERM || rc == IPART_ESTATE, "proportionality is the authority's");
}

/* The party's next deadline is the procedure's, or one of its own contract. */
static void check_next_due(const ipart_partnership *p, const ipart_partnership *s)
{
    ipart_due full, scoped;
    ipart_status rc = ipart_partnership_next_due(&scoped, s);
    if (ipart_partnership_stage(p) != IPART_STAGE_DEVELOPMENT &&
        ipart_partnership_stage(p) != IPART_STAGE_PURCHASE) {
        cr_assert_eq(rc, ipart_partnership_next_due(&full, p));
        if (rc == IPART_OK)
            cr_assert_str_eq(scoped.kind, full.kind);
        return;
    }
    if (rc != IPART_OK)
        return;
    const char *party = ipart_partnership_audience(s);
    ipart_partner_status mine;
    assert_ok(ipart_partnership_partner_status(&mine, s, party));
    if (strcmp(scoped.kind, "phase_due") == 0) {
        ipart_partner_phase ph;
        assert_ok(ipart_partnership_partner_phase_at(&ph, s, party, (size_t)mine.phase_index));
        int cmp = 1;
        assert_ok(ipart_date_compare(&cmp, ph.due, scoped.date));
        cr_assert_eq(cmp, 0, "the phase due date is the party's own");
    }
}

/* The log reads as the party's view: each event whole, in part, or refused. */
static void check_log(const ipart_partnership *p, const ipart_partnership *s, const char *party)
{
    char *text = NULL;
    assert_ok(ipart_partnership_view_json(&text, p, party));
    cJSON *view = cJSON_Parse(text);
    ipart_free(text);
    const cJSON *entry = item(view, "events")->child;
    cr_assert_eq(ipart_partnership_event_count(s), ipart_partnership_event_count(p));
    for (size_t i = 0; i < ipart_partnership_event_count(p); i++) {
        char *ev = NULL;
        ipart_event_header h;
        if (entry && (size_t)item(entry, "index")->valuedouble == i) {
            assert_ok(ipart_partnership_event_at(&ev, s, i));
            cJSON *got = cJSON_Parse(ev);
            cr_assert(cJSON_Compare(got, item(entry, "event"), 1),
                      "event %zu of %s is its view's: %s", i, party, ev);
            assert_ok(ipart_partnership_event_header_at(&h, s, i));
            cr_assert_str_eq(h.type, item(got, "type")->valuestring);
            cJSON_Delete(got);
            ipart_free(ev);
            entry = entry->next;
        } else {
            assert_fails_with(ipart_partnership_event_at(&ev, s, i), IPART_EPERM);
            assert_fails_with(ipart_partnership_event_header_at(&h, s, i), IPART_EPERM);
        }
    }
    cJSON_Delete(view);
    assert_ok(ipart_partnership_view_json(&text, s, party));
    ipart_free(text);
}

/* Parties: the authorities, itself, and the operators the award names. */
static void check_parties(const ipart_partnership *s, const char *party)
{
    for (size_t i = 0; i < ipart_partnership_party_count(s); i++) {
        ipart_party x;
        assert_ok(ipart_partnership_party_at(&x, s, i));
        if (x.role == IPART_ROLE_OPERATOR && strcmp(x.id, party) != 0)
            cr_assert_str_eq(x.status, "awarded", "%s sees %s as %s", party, x.id, x.status);
    }
}

/* What the authority alone holds, and what the party may not ask. */
static void check_refusals(const ipart_partnership *p, ipart_partnership *s,
                           const char *party, const operators *ops)
{
    char *text = NULL;
    assert_fails_with(ipart_partnership_save(&text, s), IPART_EPERM);
    assert_fails_with(ipart_partnership_timeline_svg(&text, s, "en"), IPART_EPERM);
    size_t before = ipart_partnership_event_count(s);
    assert_fails_with(ipart_partnership_apply(s, "{\"type\":\"note_recorded\"}"), IPART_EPERM);
    cr_assert_eq(ipart_partnership_event_count(s), before, "a refused apply changes nothing");
    /* A batch too, empty or not (it used to be applied to the scoped copy). */
    assert_fails_with(ipart_partnership_apply_all(s, "[]"), IPART_EPERM);
    assert_fails_with(ipart_partnership_apply_all(s, "[{\"type\":\"note_recorded\"}]"),
                      IPART_EPERM);
    cr_assert_eq(ipart_partnership_event_count(s), before, "a refused batch changes nothing");
    ipart_partnership *wider = NULL;
    for (size_t i = 0; i < ops->count; i++) {
        if (strcmp(ops->id[i], party) == 0)
            continue;
        assert_fails_with(ipart_partnership_actions_json(&text, s, ops->id[i]), IPART_EPERM);
        assert_fails_with(ipart_partnership_view_json(&text, s, ops->id[i]), IPART_EPERM);
        assert_fails_with(ipart_partnership_as_party(&wider, s, ops->id[i]), IPART_EPERM);
        char asset[96];
        snprintf(asset, sizeof asset, "%s.foreground", ops->id[i]);
        ipart_rights r;
        ipart_status rc = ipart_partnership_rights(&r, s, ops->id[i], asset);
        cr_assert(rc == IPART_EPERM || rc == IPART_ENOTFOUND, "another party's rights");
    }
    assert_ok(ipart_partnership_actions_json(&text, s, party));
    char *full = NULL;
    assert_ok(ipart_partnership_actions_json(&full, p, party));
    cr_assert_str_eq(text, full, "its own actions read as the authority reads them");
    ipart_free(text);
    ipart_free(full);
}

/* Every JSON export of the party's handle names no other operator. */
static void check_exports(const ipart_partnership *s, const char *party, const operators *ops)
{
    char *text = NULL;
    assert_ok(ipart_partnership_tenderers_json(&text, s));
    names_no_other(text, ops, party, "tenderers_json");
    ipart_free(text);
    if (ipart_partnership_ranked_count(s)) {
        assert_ok(ipart_partnership_ranking_json(&text, s));
        names_no_other(text, ops, party, "ranking_json");
        ipart_free(text);
    }
    assert_ok(ipart_partnership_forecast_json(&text, s));
    names_no_other(text, ops, party, "forecast_json");
    ipart_free(text);
    assert_ok(ipart_partnership_what_if_json(&text, s, "[]"));
    names_no_other(text, ops, party, "what_if_json");
    ipart_free(text);
}

static void check_authority(const ipart_partnership *p, const char *authority)
{
    ipart_partnership *s = as_party(p, authority);
    char *a = NULL, *b = NULL;
    assert_ok(ipart_partnership_save(&a, p));
    assert_ok(ipart_partnership_save(&b, s));
    cr_assert_str_eq(a, b, "the authority's scope holds the whole document");
    ipart_free(a);
    ipart_free(b);
    assert_ok(ipart_partnership_what_if_json(&a, p, "[]"));
    assert_ok(ipart_partnership_what_if_json(&b, s, "[]"));
    cr_assert_str_eq(a, b);
    ipart_free(a);
    ipart_free(b);
    assert_ok(ipart_partnership_tenderers_json(&a, p));
    assert_ok(ipart_partnership_tenderers_json(&b, s));
    cr_assert_str_eq(a, b);
    ipart_free(a);
    ipart_free(b);
    cr_assert_eq(ipart_partnership_cap_count(s), ipart_partnership_cap_count(p));
    cr_assert_eq(ipart_partnership_warning_count(s), ipart_partnership_warning_count(p));
    cr_assert_eq(ipart_partnership_party_count(s), ipart_partnership_party_count(p));
    ipart_partnership_free(s);
}

Test(scope, every_query_of_every_party_answers_only_what_its_view_shows)
{
    for (size_t c = 0; c < sizeof PROCEDURES / sizeof PROCEDURES[0]; c++) {
        ipart_partnership *p = harness_load_procedure(PROCEDURES[c]);
        operators ops = operators_of(p);
        size_t checked = 0;
        for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
            ipart_party party;
            assert_ok(ipart_partnership_party_at(&party, p, i));
            if (party.role == IPART_ROLE_AUTHORITY) {
                check_authority(p, party.id);
                continue;
            }
            ipart_partnership *s = as_party(p, party.id);
            check_tenderers(p, s, party.id);
            check_ranking(p, s, party.id);
            check_contracts(p, s, party.id, &ops);
            check_caps_and_payments(p, s, party.id);
            check_next_due(p, s);
            check_log(p, s, party.id);
            check_parties(s, party.id);
            check_refusals(p, s, party.id, &ops);
            check_exports(s, party.id, &ops);
            ipart_partnership_free(s);
            checked++;
        }
        cr_assert_gt(checked, 2, "%s", PROCEDURES[c]);
        ipart_partnership_free(p);
    }
}

/* ---- what-if: a refusal names no other operator's figure ---------------------------- */

static char *event_text(const char *name, size_t index, const char *amount)
{
    char path[128];
    snprintf(path, sizeof path, "procedure/%s", name);
    cJSON *kase = harness_load_case(path);
    cJSON *ev = cJSON_Duplicate(cJSON_GetArrayItem(item(item(kase, "document"), "events"),
                                                   (int)index), 1);
    if (amount)
        cJSON_ReplaceItemInObject(ev, "amount", cJSON_CreateString(amount));
    cJSON *list = cJSON_CreateArray();
    cJSON_AddItemToArray(list, ev);
    char *text = cJSON_PrintUnformatted(list);
    cJSON_Delete(list);
    cJSON_Delete(kase);
    return text;
}

Test(scope, a_refused_what_if_quotes_no_figure_to_a_party)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, 117);
    cJSON_Delete(kase);
    /* Event 117 pays op05 592500.00 of its instalment; 600000.00 is too much. */
    char *over = event_text("stavanger.json", 117, "600000.00"), *report = NULL;
    assert_ok(ipart_partnership_what_if_json(&report, p, over));
    cr_assert_not_null(strstr(report, "at most 592500.00"), "the authority reads why: %s",
                       report);
    ipart_free(report);
    static const char *const parties[] = {"op05", "op08", "op11", "baerum"};
    for (size_t i = 0; i < 4; i++) {
        ipart_partnership *s = as_party(p, parties[i]);
        assert_ok(ipart_partnership_what_if_json(&report, s, over));
        /* 592500.00 is op05's own unpaid instalment: only op05's report may show it. */
        cJSON *r = cJSON_Parse(report);
        const cJSON *refused = item(r, "refused");
        cr_assert_null(strstr(item(refused, "message")->valuestring, "592500"), "%s", report);
        cr_assert_str_eq(item(refused, "code")->valuestring, "IPART_EPERM",
                         "another party's event: %s", report);
        cr_assert(i == 0 || !strstr(report, "592500"), "%s reads op05's figure: %s", parties[i],
                  report);
        cJSON_Delete(r);
        ipart_free(report);
        ipart_partnership_free(s);
    }
    /* op05's own tender again: refused, with code and rule but no guard's message. */
    char *tender = event_text("stavanger.json", 83, NULL);
    ipart_partnership *s = as_party(p, "op05");
    assert_ok(ipart_partnership_what_if_json(&report, s, tender));
    cJSON *r = cJSON_Parse(report);
    const cJSON *refused = item(r, "refused");
    cr_assert(cJSON_IsObject(refused), "%s", report);
    cr_assert_str_neq(item(refused, "code")->valuestring, "IPART_EPERM");
    cr_assert_not_null(strstr(item(refused, "message")->valuestring, "authority's"));
    cr_assert_str_neq(item(refused, "message_nb")->valuestring,
                      item(refused, "message")->valuestring, "%s", report);
    cr_assert_not_null(strstr(item(refused, "message_nb")->valuestring, "R19"), "%s", report);
    cJSON_Delete(r);
    ipart_free(report);
    ipart_partnership_free(s);
    cJSON_free(tender);
    cJSON_free(over);
    ipart_partnership_free(p);
}

/* ---- the handle ------------------------------------------------------------------- */

Test(scope, a_scoped_handle_is_a_read_only_snapshot_that_only_narrows)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json"), *s = NULL, *copy = NULL;
    cr_assert_str_eq(ipart_partnership_audience(p), "", "the authority's full access");
    cr_assert_str_eq(ipart_partnership_audience(NULL), "");
    assert_fails_with(ipart_partnership_as_party(&s, p, "oslo"), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_as_party(NULL, p, "op05"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_as_party(&s, NULL, "op05"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_as_party(&s, p, NULL), IPART_EMISUSE);
    s = as_party(p, "stavanger");
    ipart_partnership *narrow = as_party(s, "op05"); /* the authority may narrow */
    assert_ok(ipart_partnership_clone(&copy, narrow));
    cr_assert_str_eq(ipart_partnership_audience(copy), "op05", "a clone keeps its audience");
    cr_assert_eq(ipart_partnership_tenderer_count(copy), 1);
    ipart_partnership *same = as_party(copy, "op05");
    ipart_partnership_free(same);
    /* A follower knows no tenderer, no ranking, no contract. */
    ipart_partnership *follower = as_party(p, "baerum");
    cr_assert_eq(ipart_partnership_tenderer_count(follower), 0);
    cr_assert_eq(ipart_partnership_ranked_count(follower), 0);
    cr_assert_eq(ipart_partnership_cap_count(follower), 0);
    cr_assert_eq(ipart_partnership_payment_count(follower), 0);
    ipart_rights r;
    assert_ok(ipart_partnership_rights(&r, follower, "baerum", "op05.foreground"));
    assert_ok(ipart_partnership_rights(&r, narrow, "op05", "op05.foreground"));
    assert_fails_with(ipart_partnership_rights(&r, narrow, "op05", "op08.foreground"),
                      IPART_EPERM);
    ipart_partnership_free(follower);
    ipart_partnership_free(copy);
    ipart_partnership_free(narrow);
    ipart_partnership_free(s);
    ipart_partnership_free(p);
}

Test(scope, a_party_reads_past_its_rows_as_past_the_end)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    ipart_partnership *s = as_party(p, "op05");
    ipart_party party;
    ipart_ranked ranked;
    ipart_cap_status cap;
    ipart_payment pay;
    ipart_warning w;
    assert_fails_with(ipart_partnership_party_at(&party, s, ipart_partnership_party_count(s)),
                      IPART_ENOTFOUND);
    /* an applicant the award does not name is unknown to op05, as if absent */
    assert_fails_with(ipart_partnership_party_get(&party, s, "op01"), IPART_ENOTFOUND);
    assert_ok(ipart_partnership_party_get(&party, s, "op08"));
    cr_assert_str_eq(party.status, "awarded", "op08's termination is its own");
    assert_fails_with(ipart_partnership_ranked_at(&ranked, s, 1), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_ranked_at(&ranked, p, ipart_partnership_ranked_count(p)),
                      IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_cap_at(&cap, s, ipart_partnership_cap_count(s)),
                      IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_payment_at(&pay, s, ipart_partnership_payment_count(s)),
                      IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_warning_at(&w, s, 0), IPART_ENOTFOUND);
    cr_assert_gt(ipart_partnership_warning_count(p), 0, "the authority reads the warnings");
    int fits = 0;
    assert_ok(ipart_partnership_cap_at(&cap, s, 0));
    assert_fails_with(ipart_partnership_cap_fits(&fits, s, cap.cap, "op08", cap.amount),
                      IPART_EPERM);
    ipart_action a;
    assert_fails_with(ipart_partnership_action_at(&a, s, "stavanger", 0), IPART_EPERM);
    ipart_partnership_free(s);
    ipart_partnership_free(p);
}

typedef struct scope_ctx {
    const ipart_partnership *p;
    const char *party;
} scope_ctx;

static ipart_status as_party_scenario(void *ctx)
{
    scope_ctx *c = ctx;
    ipart_partnership *s = NULL;
    ipart_status rc = ipart_partnership_as_party(&s, c->p, c->party);
    char *json = NULL;
    if (rc == IPART_OK)
        rc = ipart_partnership_what_if_json(&json, s, "[]");
    ipart_free(json);
    ipart_partnership_free(s);
    return rc;
}

Test(scope, every_allocation_of_scoping_fails_cleanly)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    scope_ctx c = {p, "baerum"}; /* partial (consented) events are copied */
    cr_assert_gt(harness_fail_each(as_party_scenario, &c), 10);
    c.party = "op05";
    harness_fail_each(as_party_scenario, &c);
    ipart_partnership_free(p);
}
