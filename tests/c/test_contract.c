/*
 * The partnership contract's queries and warnings (include/ipart/contract.h).
 * The golden cases check the numbers in every language; these tests cover
 * the C API around them: arguments, errors, JSON detail, warnings raised by
 * variants of the golden cases, and allocation failure.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "rules/contract_math_p.h"

TestSuite(contract, IPART_TEST_FIXTURE);

static cJSON *stavanger(void)
{
    return harness_load_case("procedure/stavanger.json");
}

static cJSON *event_of(cJSON *kase, int index)
{
    cJSON *doc = cJSON_GetObjectItemCaseSensitive(kase, "document");
    return cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "events"), index);
}

/* The index of the n-th event of a type in a case. */
static int find_event(const cJSON *kase, const char *type, int nth)
{
    const cJSON *events = harness_member(harness_member(kase, "document"), "events");
    for (int i = 0; i < cJSON_GetArraySize(events); i++)
        if (strcmp(harness_text(cJSON_GetArrayItem(events, i), "type"), type) == 0 && nth-- == 0)
            return i;
    cr_assert_fail("no %s in the case", type);
    return -1;
}

static ipart_money nok(int64_t minor)
{
    ipart_money m;
    assert_ok(ipart_money_from_minor(&m, minor, "NOK"));
    return m;
}

static int64_t share_at(const void *shares, size_t j)
{
    return ((const int64_t *)shares)[j];
}

Test(contract, a_schedule_adds_up_to_its_total_exactly)
{
    /* R22 (rules/contract_math.c): thirds of 100.00 are 33.33, 33.33 and 33.34. */
    static const int64_t thirds[] = {3333, 3333, 3334};
    cr_assert_eq(ipart__schedule_part(10000, 3, 0, share_at, thirds), 3333);
    cr_assert_eq(ipart__schedule_part(10000, 3, 1, share_at, thirds), 3333);
    cr_assert_eq(ipart__schedule_part(10000, 3, 2, share_at, thirds), 3334);
    /* Rounded-down parts leave the last the remainder: 1 ore splits 50/50 as 0 + 1. */
    static const int64_t halves[] = {5000, 5000};
    cr_assert_eq(ipart__schedule_part(1, 2, 0, share_at, halves), 0);
    cr_assert_eq(ipart__schedule_part(1, 2, 1, share_at, halves), 1);
    int64_t sum = 0;
    for (size_t i = 0; i < 3; i++)
        sum += ipart__schedule_part(INT64_MAX, 3, i, share_at, thirds);
    cr_assert_eq(sum, INT64_MAX, "the parts add up to the total, however large");
}

Test(contract, partner_status_and_its_errors)
{
    cJSON *kase = stavanger();
    ipart_partnership *p = harness_replay(kase, -1);
    ipart_partner_status s;
    assert_ok(ipart_partnership_partner_status(&s, p, "op05"));
    cr_assert_str_eq(s.state, "option_exercised");
    cr_assert_eq(s.phase_index, 2);
    cr_assert_eq(s.value.minor, s.original.minor + s.changes.minor);
    assert_fails_with(ipart_partnership_partner_status(&s, p, "op20"), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_partner_status(&s, p, "nobody"), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_partner_status(NULL, p, "op05"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_partner_status(&s, NULL, "op05"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_partner_status(&s, p, NULL), IPART_EMISUSE);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(contract, partner_json_details_phases)
{
    cJSON *kase = stavanger();
    ipart_partnership *p = harness_replay(kase, -1);
    char *text = NULL;
    assert_ok(ipart_partnership_partner_json(&text, p, "op05"));
    cJSON *d = cJSON_Parse(text);
    cr_assert_not_null(d, "not JSON: %s", text);
    const cJSON *phases = harness_member(d, "phases");
    cr_assert_eq(cJSON_GetArraySize(phases), 3);
    const cJSON *p2 = cJSON_GetArrayItem(phases, 1);
    cr_assert_str_eq(harness_text(p2, "price"), "1532500.00", "the change went to phase 2");
    cr_assert_str_eq(harness_text(p2, "state"), "passed");
    cJSON_Delete(d);
    ipart_free(text);
    assert_fails_with(ipart_partnership_partner_json(&text, p, "op20"), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_partner_json(NULL, p, "op05"), IPART_EMISUSE);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

typedef struct {
    ipart_partnership *p;
    const char *partner;
} detail_ctx;

static ipart_status detail_scenario(void *ctx)
{
    detail_ctx *c = ctx;
    char *text = NULL;
    ipart_status rc = ipart_partnership_partner_json(&text, c->p, c->partner);
    ipart_free(text);
    return rc;
}

Test(contract, partner_json_survives_allocation_failure)
{
    cJSON *kase = stavanger();
    detail_ctx ctx = {harness_replay(kase, -1), "op08"};
    cr_assert_gt(harness_fail_each(detail_scenario, &ctx), 0);
    ipart_partnership_free(ctx.p);
    cJSON_Delete(kase);
}

Test(contract, cap_rows_and_fits)
{
    cJSON *kase = stavanger();
    ipart_partnership *p = harness_replay(kase, -1);
    size_t n = ipart_partnership_cap_count(p);
    cr_assert_eq(n, 6, "development_cap, development-payments, per-partner x3, purchase");
    ipart_cap_status c;
    assert_ok(ipart_partnership_cap_at(&c, p, 0));
    cr_assert_str_eq(c.cap, "development_cap");
    cr_assert_eq(c.headroom.minor, c.amount.minor - c.committed.minor);
    assert_fails_with(ipart_partnership_cap_at(&c, p, n), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_cap_at(NULL, p, 0), IPART_EMISUSE);
    int fits = -1;
    assert_ok(ipart_partnership_cap_fits(&fits, p, "purchase", NULL, nok(0)));
    cr_assert_eq(fits, 1);
    assert_ok(ipart_partnership_cap_fits(&fits, p, "purchase", NULL, nok(1)));
    cr_assert_eq(fits, 0, "the purchase cap is used to the øre");
    assert_ok(ipart_partnership_cap_fits(&fits, p, "per-partner", "op05", nok(1)));
    cr_assert_eq(fits, 0, "op05 is already past its warn cap");
    assert_fails_with(ipart_partnership_cap_fits(&fits, p, "per-partner", NULL, nok(1)),
                      IPART_EINVAL);
    assert_fails_with(ipart_partnership_cap_fits(&fits, p, "per-partner", "op20", nok(1)),
                      IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_cap_fits(&fits, p, "nothing", NULL, nok(1)),
                      IPART_ENOTFOUND);
    ipart_money eur;
    assert_ok(ipart_money_from_minor(&eur, 1, "EUR"));
    assert_fails_with(ipart_partnership_cap_fits(&fits, p, "purchase", NULL, eur),
                      IPART_ECURRENCY);
    assert_fails_with(ipart_partnership_cap_fits(NULL, p, "purchase", NULL, eur), IPART_EMISUSE);
    ipart_partnership_free(p);
    cr_assert_eq(ipart_partnership_cap_count(NULL), 0);
    cJSON_Delete(kase);
}

Test(contract, no_caps_or_proportionality_before_terms)
{
    cJSON *kase = stavanger();
    ipart_partnership *p = harness_replay(kase, 1);
    cr_assert_eq(ipart_partnership_cap_count(p), 0);
    ipart_proportionality v;
    assert_fails_with(ipart_partnership_proportionality(&v, p), IPART_ESTATE);
    assert_fails_with(ipart_partnership_proportionality(NULL, p), IPART_EMISUSE);
    ipart_warning w;
    assert_fails_with(ipart_partnership_warning_at(&w, p, 0), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_warning_at(NULL, p, 0), IPART_EMISUSE);
    cr_assert_eq(ipart_partnership_warning_count(NULL), 0);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* Replay a case with its last terms changed by `edit`, up to `count` events. */
static ipart_partnership *replay_with_terms(cJSON *kase, void (*edit)(cJSON *terms), int count)
{
    int at = find_event(kase, "terms_set", 1);
    edit(event_of(kase, at));
    return harness_replay(kase, count);
}

/* R&D value just above the award (11 750 000.00), no margin. */
static void tight_rnd_value(cJSON *terms)
{
    cJSON *budget = cJSON_GetObjectItemCaseSensitive(terms, "budget");
    cJSON_ReplaceItemInObjectCaseSensitive(budget, "max_rnd_value",
                                           cJSON_CreateString("11800000.00"));
    cJSON *prop = cJSON_GetObjectItemCaseSensitive(terms, "proportionality");
    cJSON_AddNumberToObject(prop, "overrun_margin", 0);
}

Test(contract, r25_warns_when_commitments_pass_the_rnd_value)
{
    cJSON *kase = stavanger();
    int started = find_event(kase, "phase_started", 2) + 1;
    ipart_partnership *p = replay_with_terms(kase, tight_rnd_value, started);
    ipart_proportionality v;
    assert_ok(ipart_partnership_proportionality(&v, p));
    cr_assert_eq(v.overrun, 0, "11 750 000.00 committed, 11 800 000.00 planned");
    size_t before = ipart_partnership_warning_count(p);
    assert_ok(ipart_partnership_apply(p, "{\"type\":\"contract_changed\",\"date\":\"2018-04-10\","
                                         "\"actor\":\"stavanger\",\"partner\":\"op11\","
                                         "\"delta\":\"50000.01\",\"phase\":\"p1\","
                                         "\"reason\":\"Flere brukertester.\"}"));
    cr_assert_eq(ipart_partnership_warning_count(p), before + 1);
    ipart_warning w;
    assert_ok(ipart_partnership_warning_at(&w, p, before));
    cr_assert_str_eq(w.rule, "R25");
    cr_assert_str_eq(w.key, "proportionality.overrun");
    assert_ok(ipart_partnership_proportionality(&v, p));
    cr_assert_eq(v.overrun, 1);
    cr_assert_eq(v.committed.minor, 1180000001);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

static void narrow_band(cJSON *terms)
{
    cJSON *prop = cJSON_GetObjectItemCaseSensitive(terms, "proportionality");
    cJSON_AddNumberToObject(prop, "max_ratio", 20000); /* 2x; Stavanger plans 2.5x */
}

Test(contract, r23_warns_outside_the_band)
{
    cJSON *kase = stavanger();
    int at = find_event(kase, "terms_set", 1);
    ipart_partnership *p = replay_with_terms(kase, narrow_band, at + 1);
    ipart_warning w;
    assert_ok(ipart_partnership_warning_at(&w, p, ipart_partnership_warning_count(p) - 1));
    cr_assert_str_eq(w.rule, "R23");
    cr_assert_eq(w.event, (size_t)at);
    cr_assert_str_eq(w.key, "proportionality.band");
    /* the same figures in both languages, with the language's decimal mark (issue #15) */
    cr_assert(strstr(w.message, "250.00 %") && strstr(w.message, "100.00-200.00 %"), "%s",
              w.message);
    cr_assert(strstr(w.message_nb, "250,00 %") && strstr(w.message_nb, "100,00-200,00 %"), "%s",
              w.message_nb);
    ipart_proportionality v;
    assert_ok(ipart_partnership_proportionality(&v, p));
    cr_assert(v.outside_band);
    cr_assert_eq(v.ratio, 25000);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(contract, r17_warns_when_fewer_than_three_remain)
{
    cJSON *kase = stavanger();
    int at = find_event(kase, "tenders_reduced", 0);
    ipart_partnership *p = harness_replay(kase, at);
    /* Six tenders remain; the golden case keeps four. Keep two instead. */
    cJSON *reduction = cJSON_Duplicate(event_of(kase, at), 1);
    cJSON *eliminated = cJSON_GetObjectItemCaseSensitive(reduction, "eliminated");
    const char *also[] = {"op05", "op11"};
    for (size_t i = 0; i < 2; i++)
        cJSON_AddItemToArray(eliminated, cJSON_CreateString(also[i]));
    size_t before = ipart_partnership_warning_count(p);
    harness_apply_json(p, reduction, at);
    cr_assert_eq(ipart_partnership_warning_count(p), before + 1);
    ipart_warning w;
    assert_ok(ipart_partnership_warning_at(&w, p, before));
    cr_assert_str_eq(w.rule, "R17");
    cr_assert(strstr(w.message, "2 tenders remain of 6"), "%s", w.message);
    cJSON_Delete(reduction);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(contract, next_due_follows_phases_and_the_option)
{
    cJSON *kase = stavanger();
    ipart_partnership *p = harness_replay(kase, -1);
    ipart_due due;
    assert_ok(ipart_partnership_next_due(&due, p));
    cr_assert_str_eq(due.kind, "option_expiry");
    cr_assert_eq(due.date.year, 2021);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* Everything a query can see, as one text, to compare two partnerships. */
static char *fingerprint(const ipart_partnership *p)
{
    cJSON *all = cJSON_CreateObject();
    char *text = NULL;
    assert_ok(ipart_partnership_save(&text, p));
    cJSON_AddStringToObject(all, "document", text);
    ipart_free(text);
    if (ipart_partnership_ranking_json(&text, p) == IPART_OK) {
        cJSON_AddStringToObject(all, "ranking", text);
        ipart_free(text);
    }
    for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
        ipart_party party;
        assert_ok(ipart_partnership_party_at(&party, p, i));
        cJSON_AddStringToObject(all, party.id, party.status);
        if (ipart_partnership_partner_json(&text, p, party.id) == IPART_OK) {
            cJSON_AddStringToObject(all, party.id, text);
            ipart_free(text);
        }
    }
    for (size_t i = 0; i < ipart_partnership_cap_count(p); i++) {
        ipart_cap_status c;
        assert_ok(ipart_partnership_cap_at(&c, p, i));
        cJSON_AddNumberToObject(all, c.cap, (double)c.headroom.minor);
    }
    for (size_t i = 0; i < ipart_partnership_warning_count(p); i++) {
        ipart_warning w;
        assert_ok(ipart_partnership_warning_at(&w, p, i));
        cJSON_AddStringToObject(all, w.rule, w.message);
        cJSON_AddStringToObject(all, w.rule, w.message_nb);
    }
    ipart_error_clear();
    char *out = cJSON_PrintUnformatted(all);
    cJSON_Delete(all);
    return out;
}

/* The clone is a deep copy: free the original, and the clone still goes on
 * exactly as the original would have, from any point of any golden case. */
static void clone_everywhere(const char *name)
{
    cJSON *kase = harness_load_case(name);
    const cJSON *events = harness_member(harness_member(kase, "document"), "events");
    int n = cJSON_GetArraySize(events);
    ipart_partnership *full = harness_replay(kase, -1);
    char *want = fingerprint(full);
    ipart_partnership_free(full);
    for (int k = 0; k <= n; k++) {
        ipart_partnership *p = harness_replay(kase, k), *copy = NULL;
        assert_ok(ipart_partnership_clone(&copy, p));
        ipart_partnership_free(p);
        for (int i = k; i < n; i++)
            harness_apply_json(copy, cJSON_GetArrayItem(events, i), i);
        char *got = fingerprint(copy);
        cr_assert_str_eq(got, want, "%s: clone after %d events", name, k);
        cJSON_free(got);
        ipart_partnership_free(copy);
    }
    cJSON_free(want);
    cJSON_Delete(kase);
}

Test(contract, a_clone_at_any_point_goes_on_like_the_original)
{
    static const char *const cases[] = {
        "procedure/stavanger.json", "procedure/no_without_reduction.json",
        "procedure/dk_procedure.json", "procedure/se_initial_award.json",
        "procedure/se_negotiated.json", "procedure/troms_finnmark_dialogue.json",
        "procedure/dk_need_mapping.json"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        clone_everywhere(cases[i]);
}

static ipart_status clone_scenario(void *ctx)
{
    ipart_partnership *copy = NULL;
    ipart_status rc = ipart_partnership_clone(&copy, ctx);
    ipart_partnership_free(copy);
    return rc;
}

Test(contract, clone_of_a_full_case_survives_allocation_failure)
{
    cJSON *kase = stavanger();
    ipart_partnership *p = harness_replay(kase, -1);
    /* 48 allocations: a party is one block and the log texts share blocks */
    cr_assert_gt(harness_fail_each(clone_scenario, p), 40);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

static void own_contribution_criterion(cJSON *terms)
{
    /* The SE case's second quality criterion becomes the supplier's own
     * contribution: allowed outside Norway (R32), scored like quality. */
    cJSON *criteria = cJSON_GetObjectItemCaseSensitive(terms, "award_criteria");
    cJSON *last = cJSON_GetArrayItem(criteria, cJSON_GetArraySize(criteria) - 1);
    cJSON_ReplaceItemInObjectCaseSensitive(last, "kind", cJSON_CreateString("own_contribution"));
}

Test(contract, own_contribution_is_scored_like_quality_outside_norway)
{
    cJSON *kase = harness_load_case("procedure/se_initial_award.json");
    cJSON *plain = harness_load_case("procedure/se_initial_award.json");
    const cJSON *criteria = harness_member(event_of(kase, find_event(kase, "terms_set", 0)),
                                           "award_criteria");
    const cJSON *last = cJSON_GetArrayItem(criteria, cJSON_GetArraySize(criteria) - 1);
    cr_assert_str_eq(harness_text(last, "kind"), "quality", "the case's last criterion");
    int evaluated = find_event(kase, "tenders_evaluated", 0) + 1;
    int at = find_event(kase, "terms_set", 0);
    own_contribution_criterion(event_of(kase, at));
    ipart_partnership *p = harness_replay(kase, evaluated), *q = harness_replay(plain, evaluated);
    char *a = NULL, *b = NULL;
    assert_ok(ipart_partnership_ranking_json(&a, p));
    assert_ok(ipart_partnership_ranking_json(&b, q));
    cr_assert_str_eq(a, b, "the same scores give the same ranking");
    ipart_free(a);
    ipart_free(b);
    ipart_partnership_free(p);
    ipart_partnership_free(q);
    cJSON_Delete(plain);
    cJSON_Delete(kase);
}

/* The events [from, to) of a case as a JSON array text (free with cJSON_free). */
static char *events_text(cJSON *kase, int from, int to)
{
    cJSON *array = cJSON_CreateArray();
    for (int i = from; i < to; i++)
        cJSON_AddItemToArray(array, cJSON_Duplicate(event_of(kase, i), 1));
    char *text = cJSON_PrintUnformatted(array);
    cJSON_Delete(array);
    return text;
}

Test(contract, what_if_reports_and_changes_nothing)
{
    cJSON *kase = stavanger();
    ipart_partnership *p = harness_replay(kase, 92);
    char *before = NULL, *after = NULL, *report = NULL;
    assert_ok(ipart_partnership_save(&before, p));
    char *events = events_text(kase, 92, 123);
    assert_ok(ipart_partnership_what_if_json(&report, p, events));
    cJSON *r = cJSON_Parse(report);
    cr_assert_eq(harness_int(r, "applied"), 31);
    cr_assert(cJSON_IsNull(harness_member(r, "refused")));
    cr_assert_str_eq(harness_text(r, "stage"), "purchase");
    cr_assert_str_eq(harness_text(harness_member(r, "next_due"), "kind"), "option_expiry");
    cr_assert_eq(cJSON_GetArraySize(harness_member(r, "warnings")), 1, "the per-partner cap");
    cr_assert_str_eq(harness_text(harness_member(r, "forecast"), "total"), "0.00");
    assert_ok(ipart_partnership_save(&after, p));
    cr_assert_str_eq(after, before, "the original is untouched");
    cr_assert_eq(ipart_partnership_event_count(p), 92);
    cr_assert_eq(ipart_error_last()->code, IPART_OK);
    cJSON_Delete(r);
    ipart_free(report);
    ipart_free(before);
    ipart_free(after);
    cJSON_free(events);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(contract, what_if_names_the_refusal_and_stops)
{
    cJSON *kase = stavanger();
    ipart_partnership *p = harness_replay(kase, 106);
    /* The gates of op08 and op11, then op11's gate again: it has ended. */
    char *events = events_text(kase, 106, 108);
    cJSON *twice = cJSON_Parse(events);
    cJSON_AddItemToArray(twice, cJSON_Duplicate(event_of(kase, 107), 1));
    char *text = cJSON_PrintUnformatted(twice), *report = NULL;
    assert_ok(ipart_partnership_what_if_json(&report, p, text));
    cJSON *r = cJSON_Parse(report);
    cr_assert_eq(harness_int(r, "applied"), 2);
    const cJSON *refused = harness_member(r, "refused");
    cr_assert_eq(harness_int(refused, "index"), 2);
    cr_assert_str_eq(harness_text(refused, "code"), "IPART_ESTATE");
    cJSON_Delete(r);
    ipart_free(report);
    cJSON_free(text);
    cJSON_Delete(twice);
    cJSON_free(events);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(contract, what_if_refuses_bad_input)
{
    cJSON *kase = stavanger();
    ipart_partnership *p = harness_replay(kase, 92);
    char *report = NULL;
    assert_fails_with(ipart_partnership_what_if_json(&report, p, "[{"), IPART_EPARSE);
    assert_fails_with(ipart_partnership_what_if_json(&report, p, "{}"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$");
    assert_fails_with(ipart_partnership_what_if_json(NULL, p, "[]"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_what_if_json(&report, p, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_forecast_json(NULL, p), IPART_EMISUSE);
    cr_assert_null(report);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

typedef struct {
    ipart_partnership *p;
    const char *events;
} what_if_ctx;

static ipart_status what_if_scenario(void *ctx)
{
    what_if_ctx *c = ctx;
    char *report = NULL;
    ipart_status rc = ipart_partnership_what_if_json(&report, c->p, c->events);
    ipart_free(report);
    return rc;
}

Test(contract, what_if_survives_allocation_failure)
{
    cJSON *kase = stavanger();
    char *events = events_text(kase, 92, 100);
    what_if_ctx ctx = {harness_replay(kase, 92), events};
    cr_assert_gt(harness_fail_each(what_if_scenario, &ctx), 100);
    ipart_partnership_free(ctx.p);
    cJSON_free(events);
    cJSON_Delete(kase);
}
