/*
 * The procedure, driven by the golden cases of tests/cases/procedure and
 * tests/cases/documents (the same files drive the Python and Java tests).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/event_p.h"

TestSuite(partnership, IPART_TEST_FIXTURE);

/* ---- helpers ----------------------------------------------------------------- */

static char *print(const cJSON *json)
{
    char *text = cJSON_PrintUnformatted(json);
    cr_assert_not_null(text);
    return text;
}

/* A copy freed like cJSON's output (cJSON_free). */
static char *copy_text(const char *text)
{
    size_t n = strlen(text) + 1;
    char *copy = cJSON_malloc(n);
    cr_assert_not_null(copy);
    return memcpy(copy, text, n);
}

static const cJSON *item(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static ipart_partnership *new_partnership(const cJSON *doc)
{
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, item(doc, "profile")->valuestring));
    return p;
}

static char *save(const ipart_partnership *p)
{
    char *text = NULL;
    assert_ok(ipart_partnership_save(&text, p));
    return text;
}

static char *money_text(ipart_money m)
{
    char *text = NULL;
    assert_ok(ipart_money_format(&text, m));
    return text;
}

static void assert_money(ipart_money m, const char *expected)
{
    char *text = money_text(m);
    cr_assert_str_eq(text, expected);
    ipart_free(text);
}

static void assert_date(ipart_date d, const char *expected)
{
    char *text = NULL;
    assert_ok(ipart_date_format(&text, d));
    cr_assert_str_eq(text, expected);
    ipart_free(text);
}

/* "partners": {id: {state?, phase?, paid?, ...}}: the keys given. */
static void check_partners(const ipart_partnership *p, const cJSON *partners)
{
    const cJSON *want;
    cJSON_ArrayForEach(want, partners) {
        ipart_partner_status s;
        assert_ok(ipart_partnership_partner_status(&s, p, want->string));
        const cJSON *e;
        if ((e = item(want, "state")))
            cr_assert_str_eq(s.state, e->valuestring, "%s", want->string);
        if ((e = item(want, "phase")))
            cr_assert_str_eq(s.phase, e->valuestring);
        if ((e = item(want, "option_quantity")))
            cr_assert_eq(s.option_quantity, (int64_t)e->valuedouble);
        const struct { const char *key; ipart_money value; } amounts[] = {
            {"paid", s.paid}, {"owed_on_termination", s.owed_on_termination},
            {"changes", s.changes}, {"change_limit", s.change_limit}, {"value", s.value},
            {"payable", s.payable}};
        for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++)
            if ((e = item(want, amounts[i].key)))
                assert_money(amounts[i].value, e->valuestring);
    }
}

/* "caps": [{cap, partner?, committed?, paid?, headroom?}]: the rows given. */
static void check_caps(const ipart_partnership *p, const cJSON *caps)
{
    const cJSON *want;
    cJSON_ArrayForEach(want, caps) {
        const char *partner = item(want, "partner") ? item(want, "partner")->valuestring : "";
        int found = 0;
        for (size_t i = 0; i < ipart_partnership_cap_count(p); i++) {
            ipart_cap_status c;
            assert_ok(ipart_partnership_cap_at(&c, p, i));
            if (strcmp(c.cap, item(want, "cap")->valuestring) || strcmp(c.partner, partner))
                continue;
            found = 1;
            if (item(want, "committed"))
                assert_money(c.committed, item(want, "committed")->valuestring);
            if (item(want, "paid"))
                assert_money(c.paid, item(want, "paid")->valuestring);
            if (item(want, "headroom"))
                assert_money(c.headroom, item(want, "headroom")->valuestring);
        }
        cr_assert(found, "no cap row %s %s", item(want, "cap")->valuestring, partner);
    }
}

/* "warnings": [{event, rule}]: all of them, in order. */
static void check_warnings(const ipart_partnership *p, const cJSON *warnings)
{
    cr_assert_eq(ipart_partnership_warning_count(p), (size_t)cJSON_GetArraySize(warnings));
    size_t i = 0;
    const cJSON *want;
    cJSON_ArrayForEach(want, warnings) {
        ipart_warning w;
        assert_ok(ipart_partnership_warning_at(&w, p, i++));
        cr_assert_eq(w.event, (size_t)item(want, "event")->valueint);
        cr_assert_str_eq(w.rule, item(want, "rule")->valuestring);
        cr_assert(w.message[0] && w.key[0]);
        cr_assert(w.message_nb[0], "%s: no Norwegian", w.message);
        cr_assert_str_neq(w.message_nb, w.message, "%s: no Norwegian", w.key);
    }
}

/* "authority_budgets": [{authority, share?, risk_share?, committed?, option_committed?,
 * paid?, cap?, headroom?}]: the joint authorities' budget views (R51). */
static void check_budgets(const ipart_partnership *p, const cJSON *budgets)
{
    cr_assert_eq(ipart_partnership_joint_count(p), (size_t)cJSON_GetArraySize(budgets));
    const cJSON *want, *e;
    size_t i = 0;
    cJSON_ArrayForEach(want, budgets) {
        ipart_authority_budget b, by_id;
        assert_ok(ipart_partnership_authority_budget_at(&b, p, i++));
        cr_assert_str_eq(b.authority, item(want, "authority")->valuestring);
        assert_ok(ipart_partnership_authority_budget(&by_id, p, b.authority));
        cr_assert_eq(by_id.committed.minor, b.committed.minor);
        if ((e = item(want, "share")))
            cr_assert_eq(b.share, (int64_t)e->valuedouble);
        if ((e = item(want, "risk_share")))
            cr_assert_eq(b.risk_share, (int64_t)e->valuedouble);
        const struct { const char *key; ipart_money value; } amounts[] = {
            {"committed", b.committed}, {"option_committed", b.option_committed},
            {"paid", b.paid}, {"cap", b.cap}, {"headroom", b.headroom}};
        for (size_t k = 0; k < sizeof amounts / sizeof amounts[0]; k++)
            if ((e = item(want, amounts[k].key)))
                assert_money(amounts[k].value, e->valuestring);
    }
}

/* "funding": [{source, funder?, funder_org_no?, granted_to?, pays_for?, valid_until?,
 * amount?, drawn?, remaining?}]: every external funding source in order (doc/funding.md). */
static void check_funding(const ipart_partnership *p, const cJSON *sources)
{
    cr_assert_eq(ipart_partnership_funding_count(p), (size_t)cJSON_GetArraySize(sources));
    const cJSON *want, *e;
    size_t i = 0;
    cJSON_ArrayForEach(want, sources) {
        ipart_funding_source f, by_id;
        assert_ok(ipart_partnership_funding_at(&f, p, i++));
        cr_assert_str_eq(f.source, item(want, "source")->valuestring);
        assert_ok(ipart_partnership_funding(&by_id, p, f.source));
        cr_assert_eq(by_id.drawn.minor, f.drawn.minor);
        const struct { const char *key, *value; } texts[] = {
            {"funder", f.funder}, {"funder_org_no", f.funder_org_no},
            {"granted_to", f.granted_to}, {"pays_for", f.pays_for}};
        for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
            if ((e = item(want, texts[k].key)))
                cr_assert_str_eq(texts[k].value, e->valuestring, "%s", texts[k].key);
        if ((e = item(want, "valid_until"))) {
            char text[16] = "";
            if (f.has_valid_until)
                snprintf(text, sizeof text, "%04d-%02d-%02d", f.valid_until.year,
                         f.valid_until.month, f.valid_until.day);
            cr_assert_str_eq(text, cJSON_IsNull(e) ? "" : e->valuestring);
        }
        const struct { const char *key; ipart_money value; } amounts[] = {
            {"amount", f.amount}, {"drawn", f.drawn}, {"remaining", f.remaining}};
        for (size_t k = 0; k < sizeof amounts / sizeof amounts[0]; k++)
            if ((e = item(want, amounts[k].key)))
                assert_money(amounts[k].value, e->valuestring);
    }
}

/* A refusal says why in English and in Norwegian (a different text); an allowed action in neither. */
static void check_reason_languages(const ipart_action *a)
{
    if (a->allowed) {
        cr_assert_str_eq(a->reason, "");
        cr_assert_str_eq(a->reason_nb, "");
        return;
    }
    cr_assert_neq(a->reason_nb[0], '\0', "%s: %s", a->type, a->reason);
    cr_assert_str_neq(a->reason_nb, a->reason, "%s: no Norwegian for %s", a->type, a->reason);
}

/* "actions": [{party, type, allowed, code?, rule?}]: ipart_partnership_action_at(). */
static void check_actions(const ipart_partnership *p, const cJSON *actions)
{
    const cJSON *want;
    cJSON_ArrayForEach(want, actions) {
        const char *party = item(want, "party")->valuestring, *type = item(want, "type")->valuestring;
        int found = 0;
        for (size_t i = 0; i < ipart_partnership_action_count(p); i++) {
            ipart_action a;
            assert_ok(ipart_partnership_action_at(&a, p, party, i));
            if (strcmp(a.type, type))
                continue;
            found = 1;
            cr_assert_eq(a.allowed, cJSON_IsTrue(item(want, "allowed")), "%s %s: %s", party, type,
                         a.reason);
            if (item(want, "code"))
                cr_assert_str_eq(ipart_error_name(a.code), item(want, "code")->valuestring);
            cr_assert_str_eq(a.rule, item(want, "rule") ? item(want, "rule")->valuestring : "",
                             "%s %s: %s", party, type, a.reason);
            check_reason_languages(&a);
        }
        cr_assert(found, "no action %s", type);
    }
}

/* "statuses": {party: status}: ipart_partnership_party_get(). */
static void check_statuses(const ipart_partnership *p, const cJSON *statuses)
{
    const cJSON *want;
    cJSON_ArrayForEach(want, statuses) {
        ipart_party party;
        assert_ok(ipart_partnership_party_get(&party, p, want->string));
        cr_assert_str_eq(party.status, want->valuestring, "%s", want->string);
    }
}

/* "kinds": {party: {kind, parent}}: ipart_partnership_party_get() (R54). */
static void check_kinds(const ipart_partnership *p, const cJSON *kinds)
{
    const cJSON *want;
    cJSON_ArrayForEach(want, kinds) {
        ipart_party party;
        assert_ok(ipart_partnership_party_get(&party, p, want->string));
        cr_assert_str_eq(party.kind, item(want, "kind")->valuestring, "%s", want->string);
        cr_assert_str_eq(party.parent, item(want, "parent")->valuestring, "%s", want->string);
    }
}

/* A string or null of a golden row: "" for null (the C rows' absent string). */
static const char *text_or_empty(const cJSON *value)
{
    return cJSON_IsString(value) ? value->valuestring : "";
}

static void check_pair_members(const ipart_partnership *p, size_t pair, int which,
                               const cJSON *want, size_t count)
{
    cr_assert_eq(count, (size_t)cJSON_GetArraySize(want));
    for (size_t i = 0; i < count; i++) {
        ipart_dialogue_member m;
        assert_ok(ipart_partnership_dialogue_pair_member(&m, p, pair, which, i));
        cr_assert_str_eq(m.id, cJSON_GetArrayItem(want, (int)i)->valuestring);
        cr_assert(m.name[0]);
    }
    ipart_dialogue_member past;
    assert_fails_with(ipart_partnership_dialogue_pair_member(&past, p, pair, which, count),
                      IPART_ENOTFOUND);
}

/* "dialogue": {facets?, activities?, contacts?, information?, pairs?}: every row, in order. */
static void check_dialogue(const ipart_partnership *p, const cJSON *d)
{
    const cJSON *rows, *row;
    size_t i = 0;
    if ((rows = item(d, "facets"))) {
        cr_assert_eq(ipart_partnership_need_facet_count(p), (size_t)cJSON_GetArraySize(rows));
        cJSON_ArrayForEach(row, rows) {
            ipart_need_facet f;
            assert_ok(ipart_partnership_need_facet_at(&f, p, i++));
            cr_assert_str_eq(f.mapping, cJSON_GetArrayItem(row, 0)->valuestring);
            cr_assert_str_eq(f.facet, cJSON_GetArrayItem(row, 1)->valuestring);
            cr_assert_eq(f.evidence, (size_t)cJSON_GetArrayItem(row, 2)->valueint);
            cr_assert_eq(f.described, cJSON_IsTrue(cJSON_GetArrayItem(row, 3)));
            cr_assert(f.finding[0] && f.consulted > 0);
        }
    }
    i = 0;
    if ((rows = item(d, "activities"))) {
        cr_assert_eq(ipart_partnership_dialogue_count(p), (size_t)cJSON_GetArraySize(rows));
        cJSON_ArrayForEach(row, rows) {
            ipart_dialogue_activity a;
            assert_ok(ipart_partnership_dialogue_at(&a, p, i++));
            cr_assert_str_eq(a.activity, cJSON_GetArrayItem(row, 0)->valuestring);
            cr_assert_str_eq(a.kind, cJSON_GetArrayItem(row, 1)->valuestring);
            cr_assert_str_eq(a.supplier, text_or_empty(cJSON_GetArrayItem(row, 2)));
            cr_assert_eq(a.unshared, (size_t)cJSON_GetArrayItem(row, 3)->valueint);
        }
    }
    if ((rows = item(d, "contacts")))
        cr_assert_eq(ipart_partnership_dialogue_contact_count(p), (size_t)rows->valueint);
    i = 0;
    if ((rows = item(d, "information"))) {
        cr_assert_eq(ipart_partnership_dialogue_information_count(p),
                     (size_t)cJSON_GetArraySize(rows));
        cJSON_ArrayForEach(row, rows) {
            ipart_dialogue_information n;
            assert_ok(ipart_partnership_dialogue_information_at(&n, p, i++));
            cr_assert_str_eq(n.id, cJSON_GetArrayItem(row, 0)->valuestring);
            cr_assert_str_eq(n.given_to, text_or_empty(cJSON_GetArrayItem(row, 1)));
            cr_assert_eq(n.must_share, cJSON_IsTrue(cJSON_GetArrayItem(row, 2)));
            const cJSON *on = cJSON_GetArrayItem(row, 3);
            cr_assert_eq(n.shared, cJSON_IsString(on));
            if (n.shared) {
                assert_date(n.shared_on, on->valuestring);
                cr_assert(n.channel[0]);
            }
        }
    }
    i = 0;
    if ((rows = item(d, "pairs"))) {
        cr_assert_eq(ipart_partnership_dialogue_pair_count(p), (size_t)cJSON_GetArraySize(rows));
        cJSON_ArrayForEach(row, rows) {
            ipart_dialogue_pair r;
            assert_ok(ipart_partnership_dialogue_pair_at(&r, p, i));
            cr_assert_str_eq(r.activity, cJSON_GetArrayItem(row, 0)->valuestring);
            cr_assert_str_eq(r.authority, cJSON_GetArrayItem(row, 1)->valuestring);
            check_pair_members(p, i, 0, cJSON_GetArrayItem(row, 2), r.smes);
            check_pair_members(p, i, 1, cJSON_GetArrayItem(row, 3), r.knowledge_institutions);
            i++;
        }
    }
}

static void check_contract(const ipart_partnership *p, const cJSON *keys)
{
    const cJSON *e;
    if ((e = item(keys, "authority_budgets")))
        check_budgets(p, e);
    if ((e = item(keys, "funding")))
        check_funding(p, e);
    if ((e = item(keys, "dialogue")))
        check_dialogue(p, e);
    if ((e = item(keys, "partners")))
        check_partners(p, e);
    if ((e = item(keys, "caps")))
        check_caps(p, e);
    if ((e = item(keys, "warnings")))
        check_warnings(p, e);
    if ((e = item(keys, "actions")))
        check_actions(p, e);
    if ((e = item(keys, "statuses")))
        check_statuses(p, e);
    if ((e = item(keys, "kinds")))
        check_kinds(p, e);
}

static void check_point(const ipart_partnership *p, const cJSON *cp)
{
    check_contract(p, cp);
    const cJSON *stage = item(cp, "stage");
    if (stage)
        cr_assert_str_eq(ipart_stage_name(ipart_partnership_stage(p)), stage->valuestring,
                         "after %d events", item(cp, "after")->valueint);
    const cJSON *parties = item(cp, "party_count");
    if (parties)
        cr_assert_eq(ipart_partnership_party_count(p), (size_t)parties->valueint);
    const cJSON *due = item(cp, "next_due");
    if (!due)
        return;
    ipart_due d;
    if (cJSON_IsNull(due)) {
        assert_fails_with(ipart_partnership_next_due(&d, p), IPART_ENOTFOUND);
        return;
    }
    assert_ok(ipart_partnership_next_due(&d, p));
    cr_assert_str_eq(d.kind, item(due, "kind")->valuestring);
    assert_date(d.date, item(due, "date")->valuestring);
    if (item(due, "event_type"))
        cr_assert_str_eq(d.event_type, item(due, "event_type")->valuestring);
}

static void check_expectations(const ipart_partnership *p, const cJSON *expect)
{
    const cJSON *e;
    check_contract(p, expect);
    if ((e = item(expect, "stage")))
        cr_assert_str_eq(ipart_stage_name(ipart_partnership_stage(p)), e->valuestring);
    if ((e = item(expect, "event_count")))
        cr_assert_eq(ipart_partnership_event_count(p), (size_t)e->valueint);
    if ((e = item(expect, "awarded_sum"))) {
        ipart_money sum;
        assert_ok(ipart_partnership_awarded_sum(&sum, p));
        assert_money(sum, e->valuestring);
    }
    if ((e = item(expect, "estimated_value"))) {
        ipart_threshold_verdict v;
        assert_ok(ipart_partnership_threshold(&v, p));
        assert_money(v.estimated_value, e->valuestring);
        if (item(expect, "threshold"))
            assert_money(v.threshold, item(expect, "threshold")->valuestring);
        if (item(expect, "above_threshold"))
            cr_assert_eq(v.above, cJSON_IsTrue(item(expect, "above_threshold")));
    }
    if ((e = item(expect, "ranking"))) {
        char *text = NULL;
        assert_ok(ipart_partnership_ranking_json(&text, p));
        cJSON *ranking = cJSON_Parse(text);
        ipart_free(text);
        cr_assert_eq(cJSON_GetArraySize(ranking), cJSON_GetArraySize(e));
        int i = 0;
        const cJSON *want;
        cJSON_ArrayForEach(want, e) {
            const cJSON *got = cJSON_GetArrayItem(ranking, i++);
            cr_assert_str_eq(item(got, "tenderer")->valuestring, item(want, "tenderer")->valuestring);
            cr_assert_eq(item(got, "rank")->valueint, item(want, "rank")->valueint);
            if (item(want, "total"))
                cr_assert_str_eq(item(got, "total")->valuestring, item(want, "total")->valuestring);
        }
        cJSON_Delete(ranking);
    }
}

static cJSON *load_base(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "procedure/%s", name);
    return harness_load_case(path);
}

/* ---- valid procedures ------------------------------------------------------- */

static void run_valid_case(const char *name)
{
    cJSON *kase = load_base(name);
    const cJSON *doc = item(kase, "document");
    ipart_partnership *p = new_partnership(doc);
    const cJSON *checkpoints = item(kase, "checkpoints");
    int i = 0;
    const cJSON *ev;
    cJSON_ArrayForEach(ev, item(doc, "events")) {
        harness_apply_json(p, ev, i++);
        const cJSON *cp;
        cJSON_ArrayForEach(cp, checkpoints) if (item(cp, "after")->valueint == i) check_point(p, cp);
    }
    check_expectations(p, item(kase, "expect"));

    /* The canonical document loads back to the same bytes. */
    char *saved = save(p);
    ipart_partnership *loaded = NULL;
    assert_ok(ipart_partnership_load(&loaded, saved));
    char *resaved = save(loaded);
    cr_assert_str_eq(resaved, saved, "load -> save must be byte-identical");
    /* And loading the original (non-canonical) text gives the same document. */
    char *original = print(doc);
    ipart_partnership *from_original = NULL;
    assert_ok(ipart_partnership_load(&from_original, original));
    char *saved_original = save(from_original);
    cr_assert_str_eq(saved_original, saved);

    cJSON_free(original);
    ipart_free(saved);
    ipart_free(resaved);
    ipart_free(saved_original);
    ipart_partnership_free(from_original);
    ipart_partnership_free(loaded);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(partnership, stavanger_procedure)
{
    run_valid_case("stavanger.json");
}

Test(partnership, swedish_award_on_initial_tenders)
{
    run_valid_case("se_initial_award.json");
}

Test(partnership, danish_procedure)
{
    run_valid_case("dk_procedure.json");
}

Test(partnership, norwegian_procedure_without_staged_reduction)
{
    run_valid_case("no_without_reduction.json");
}

Test(partnership, norwegian_procedure_with_authority_ownership)
{
    run_valid_case("no_authority_owns.json");
}

Test(partnership, swedish_negotiated_procedure_with_paper_standstill)
{
    run_valid_case("se_negotiated.json");
}

Test(partnership, works_contract_below_the_threshold)
{
    run_valid_case("works_below_threshold.json");
}

Test(partnership, dfo_fase_1_in_three_sub_deliveries_with_an_exit_after_the_second)
{
    run_valid_case("dfo_sub_deliveries.json");
}

Test(partnership, se_a_candidate_declines_and_tenderers_are_not_awarded)
{
    run_valid_case("se_declined.json");
}

Test(partnership, works_contract_at_the_threshold)
{
    run_valid_case("works_at_threshold.json");
}

Test(partnership, troms_og_finnmark_market_dialogue_and_county_split)
{
    run_valid_case("troms_finnmark_dialogue.json");
}

Test(partnership, danish_need_mapping_with_matchmaking)
{
    run_valid_case("dk_need_mapping.json");
}

Test(partnership, stavanger_after_the_option_mergers_and_an_adoption)
{
    run_valid_case("stavanger_after_option.json");
}

/* ---- rejections: each names its rule, and changes nothing ----------------------- */

/* The refusal just raised reads in Norwegian (its catalogue row exists: the
 * text differs from the English) with the same figures, and in English for
 * "en" and for a language the catalogue lacks. */
static void expect_in_both_languages(const char *name, const cJSON *figures)
{
    const char *en = ipart_error_last()->message;
    const char *nb = ipart_error_message_in("nb");
    cr_assert_str_eq(ipart_error_message_in("en"), en, "%s", name);
    cr_assert_str_eq(ipart_error_message_in("sv"), en, "%s", name);
    cr_assert_str_eq(ipart_error_message_in(NULL), en, "%s", name);
    cr_assert_str_neq(nb, en, "%s: no Norwegian text for key %s: %s", name,
                      ipart_error_last()->key, en);
    const cJSON *figure;
    cJSON_ArrayForEach(figure, figures) {
        /* the numbers of each figure (its words are English) */
        const char *f = figure->valuestring;
        while (*f) {
            size_t digits = strspn(f, "0123456789");
            if (!digits) {
                f++;
                continue;
            }
            char number[32];
            snprintf(number, sizeof number, "%.*s", (int)digits, f);
            cr_assert(strstr(nb, number), "%s: %s (of '%s') not in the nb text %s", name, number,
                      figure->valuestring, nb);
            f += digits;
        }
    }
}

Test(partnership, every_rejection_names_its_rule_and_changes_nothing)
{
    cJSON *cases = harness_load_case("procedure/rejections.json");
    const cJSON *kase;
    int checked = 0;
    cJSON_ArrayForEach(kase, cases) {
        const char *name = item(kase, "name")->valuestring;
        cJSON *base = load_base(item(kase, "base")->valuestring);
        ipart_partnership *p = harness_replay(base, item(kase, "prefix")->valueint);
        char *before = save(p);
        size_t count = ipart_partnership_event_count(p);
        ipart_stage stage = ipart_partnership_stage(p);

        const cJSON *text_item = item(kase, "event_text");
        char *text = text_item ? copy_text(text_item->valuestring) : print(item(kase, "event"));
        ipart_status rc = ipart_partnership_apply(p, text);
        const char *code = item(kase, "code")->valuestring;
        cr_assert_str_eq(ipart_error_name(rc), code, "%s: got %s (%s)", name,
                         ipart_error_name(rc), ipart_error_last()->message);
        const cJSON *rule = item(kase, "rule");
        if (cJSON_IsString(rule))
            cr_assert_str_eq(ipart_error_last()->rule, rule->valuestring, "%s: rule %s (%s)", name,
                             ipart_error_last()->rule, ipart_error_last()->message);
        const cJSON *path = item(kase, "path");
        if (cJSON_IsString(path))
            cr_assert_str_eq(ipart_error_last()->path, path->valuestring, "%s: path", name);
        cr_assert_neq(ipart_error_last()->message[0], '\0');
        const cJSON *figure;
        cJSON_ArrayForEach(figure, item(kase, "message_contains"))
            cr_assert(strstr(ipart_error_last()->message, figure->valuestring), "%s: '%s' not in %s",
                      name, figure->valuestring, ipart_error_last()->message);
        expect_in_both_languages(name, item(kase, "message_contains"));

        char *after = save(p);
        cr_assert_str_eq(after, before, "%s: a rejected event changed the document", name);
        cr_assert_eq(ipart_partnership_event_count(p), count);
        cr_assert_eq(ipart_partnership_stage(p), stage);

        cJSON_free(text);
        ipart_free(before);
        ipart_free(after);
        ipart_partnership_free(p);
        cJSON_Delete(base);
        checked++;
    }
    cr_assert_gt(checked, 20);
    cJSON_Delete(cases);
}

/* Rejections under a failing allocator: the same answer or IPART_ENOMEM, never a change. */
Test(partnership, rejections_are_atomic_under_allocation_failure)
{
    cJSON *cases = harness_load_case("procedure/rejections.json");
    const cJSON *kase;
    cJSON_ArrayForEach(kase, cases) {
        cJSON *base = load_base(item(kase, "base")->valuestring);
        ipart_partnership *p = harness_replay(base, item(kase, "prefix")->valueint);
        char *before = save(p);
        const cJSON *text_item = item(kase, "event_text");
        char *text = text_item ? copy_text(text_item->valuestring) : print(item(kase, "event"));
        for (long n = 1;; n++) {
            harness_fail_at(n);
            ipart_status rc = ipart_partnership_apply(p, text);
            int injected = harness_failure_injected();
            harness_fail_at(0);
            char *after = save(p);
            cr_assert_str_eq(after, before);
            ipart_free(after);
            if (!injected) {
                cr_assert_str_eq(ipart_error_name(rc), item(kase, "code")->valuestring);
                break;
            }
            cr_assert(rc == IPART_ENOMEM || rc != IPART_OK);
        }
        cJSON_free(text);
        ipart_free(before);
        ipart_partnership_free(p);
        cJSON_Delete(base);
    }
    cJSON_Delete(cases);
}

/* Every event of a golden case from `from` on, each allocation failing in turn:
 * IPART_ENOMEM and no change, until the event applies. */
static void assert_events_atomic(const char *name, int from)
{
    cJSON *kase = load_base(name);
    const cJSON *doc = item(kase, "document");
    ipart_partnership *p = harness_replay(kase, from);
    int i = 0;
    const cJSON *ev;
    cJSON_ArrayForEach(ev, item(doc, "events")) {
        if (i++ < from)
            continue;
        char *text = print(ev);
        char *before = save(p);
        for (long n = 1;; n++) {
            harness_fail_at(n);
            ipart_status rc = ipart_partnership_apply(p, text);
            int injected = harness_failure_injected();
            harness_fail_at(0);
            if (!injected) {
                cr_assert_eq(rc, IPART_OK, "%s", ipart_error_last()->message);
                break;
            }
            if (rc == IPART_OK) /* the failure hit after the commit point: impossible */
                cr_assert_fail("event applied although allocation %ld failed", n);
            cr_assert_eq(rc, IPART_ENOMEM, "%s", ipart_error_last()->message);
            char *after = save(p);
            cr_assert_str_eq(after, before);
            ipart_free(after);
        }
        ipart_free(before);
        cJSON_free(text);
    }
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(partnership, every_event_is_atomic_under_allocation_failure)
{
    assert_events_atomic("stavanger.json", 0);
}

/* The need mapping, the dialogue, the sharing, participants, successions and an adoption. */
Test(partnership, programme_events_are_atomic_under_allocation_failure)
{
    assert_events_atomic("troms_finnmark_dialogue.json", 0);
    assert_events_atomic("dk_need_mapping.json", 0);
    assert_events_atomic("stavanger_after_option.json", 123);
}

static ipart_status load_scenario(void *ctx)
{
    ipart_partnership *p = NULL;
    ipart_status rc = ipart_partnership_load(&p, ctx);
    if (rc == IPART_OK) {
        char *text = NULL;
        rc = ipart_partnership_save(&text, p);
        ipart_free(text);
        ipart_partnership *copy = NULL;
        if (rc == IPART_OK)
            rc = ipart_partnership_clone(&copy, p);
        ipart_partnership_free(copy);
    }
    ipart_partnership_free(p);
    return rc;
}

Test(partnership, load_save_clone_of_the_dialogue_leak_nothing_when_any_allocation_fails)
{
    cJSON *kase = load_base("troms_finnmark_dialogue.json");
    char *text = print(item(kase, "document"));
    cr_assert_gt(harness_fail_each(load_scenario, text), 75); /* 82 allocations */
    cJSON_free(text);
    cJSON_Delete(kase);
}

Test(partnership, load_save_clone_leak_nothing_when_any_allocation_fails)
{
    cJSON *kase = load_base("stavanger.json");
    char *text = print(item(kase, "document"));
    long allocations = harness_fail_each(load_scenario, text);
    cr_assert_gt(allocations, 100);
    cJSON_free(text);
    cJSON_Delete(kase);
}

/* ---- documents -------------------------------------------------------------- */

Test(partnership, invalid_documents_are_rejected_with_code_and_path)
{
    cJSON *cases = harness_load_case("documents/invalid.json");
    const cJSON *kase;
    cJSON_ArrayForEach(kase, cases) {
        const char *name = item(kase, "name")->valuestring;
        ipart_partnership *p = (ipart_partnership *)0x1;
        ipart_status rc = ipart_partnership_load(&p, item(kase, "text")->valuestring);
        cr_assert_str_eq(ipart_error_name(rc), item(kase, "code")->valuestring, "%s: %s (%s)",
                         name, ipart_error_name(rc), ipart_error_last()->message);
        cr_assert_eq(p, (ipart_partnership *)0x1, "%s: output written on failure", name);
        const cJSON *path = item(kase, "path");
        if (cJSON_IsString(path))
            cr_assert_str_eq(ipart_error_last()->path, path->valuestring, "%s: path", name);
    }
    cJSON_Delete(cases);
}

Test(partnership, clone_is_independent)
{
    cJSON *kase = load_base("stavanger.json");
    ipart_partnership *p = harness_replay(kase, 30);
    ipart_partnership *copy = NULL;
    assert_ok(ipart_partnership_clone(&copy, p));
    char *a = save(p), *b = save(copy);
    cr_assert_str_eq(a, b);
    /* Advancing the clone leaves the original alone. */
    const cJSON *next = cJSON_GetArrayItem(item(item(kase, "document"), "events"), 30);
    harness_apply_json(copy, next, 30);
    cr_assert_eq(ipart_partnership_event_count(copy), ipart_partnership_event_count(p) + 1);
    char *c = save(p);
    cr_assert_str_eq(c, a);
    ipart_free(a);
    ipart_free(b);
    ipart_free(c);
    ipart_partnership_free(copy);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* ---- queries ------------------------------------------------------------------ */

Test(partnership, actions_name_the_blocking_rule)
{
    cJSON *kase = load_base("stavanger.json");
    const cJSON *events = item(item(kase, "document"), "events");
    /* Replay up to final_tenders_called: negotiation is then closed by R14. */
    int upto = 0;
    const cJSON *ev;
    cJSON_ArrayForEach(ev, events) {
        upto++;
        if (strcmp(item(ev, "type")->valuestring, "final_tenders_called") == 0)
            break;
    }
    ipart_partnership *p = harness_replay(kase, upto);
    const char *authority = item(cJSON_GetArrayItem(events, 0), "actor")->valuestring;
    char *text = NULL;
    assert_ok(ipart_partnership_actions_json(&text, p, authority));
    cJSON *actions = cJSON_Parse(text);
    int seen = 0;
    const cJSON *a;
    cJSON_ArrayForEach(a, actions) {
        const char *type = item(a, "type")->valuestring;
        if (strcmp(type, "negotiation_held") == 0) {
            cr_assert(cJSON_IsFalse(item(a, "allowed")));
            cr_assert_str_eq(item(a, "rule")->valuestring, "R14");
            seen++;
        }
        if (strcmp(type, "note_recorded") == 0) {
            cr_assert(cJSON_IsTrue(item(a, "allowed")));
            seen++;
        }
        if (strcmp(type, "tender_submitted") == 0) {
            cr_assert(cJSON_IsFalse(item(a, "allowed")));
            cr_assert_str_eq(item(a, "code")->valuestring, "IPART_EPERM");
            seen++;
        }
    }
    cr_assert_eq(seen, 3);
    cr_assert_eq(cJSON_GetArraySize(actions), IPART__EV_COUNT, "one entry per event type");
    cJSON_Delete(actions);
    ipart_free(text);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* The state alone refuses an option past its expiry (R28), naming the date. */
Test(partnership, an_expired_option_is_refused_in_the_actions_with_its_date)
{
    cJSON *kase = load_base("stavanger.json");
    ipart_partnership *p = harness_replay(kase, 123);
    assert_ok(ipart_partnership_apply(p, "{\"type\": \"note_recorded\", \"date\": "
                                         "\"2022-01-03\", \"actor\": \"stavanger\", "
                                         "\"text\": \"Opsjonen er utl\\u00f8pt.\"}"));
    int seen = 0;
    for (size_t i = 0; i < ipart_partnership_action_count(p); i++) {
        ipart_action a;
        assert_ok(ipart_partnership_action_at(&a, p, "kristiansand", i));
        if (strcmp(a.type, "option_exercised") != 0)
            continue;
        cr_assert(!a.allowed);
        cr_assert_eq(a.code, IPART_ERULE);
        cr_assert_str_eq(a.rule, "R28");
        cr_assert(strstr(a.reason, "2021-12-31"), "%s", a.reason);
        cr_assert(strstr(a.reason_nb, "2021-12-31"), "the same date in Norwegian: %s", a.reason_nb);
        cr_assert(strstr(a.reason_nb, "(R28)"), "the same rule in Norwegian: %s", a.reason_nb);
        cr_assert_str_neq(a.reason_nb, a.reason);
        seen++;
    }
    cr_assert_eq(seen, 1);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* The plausible window's edge: exactly 30 years after the previous event is accepted. */
Test(partnership, an_event_30_years_after_the_previous_is_accepted)
{
    cJSON *kase = load_base("stavanger.json");
    ipart_partnership *p = harness_replay(kase, 98); /* the last event is dated 2018-06-15 */
    assert_ok(ipart_partnership_apply(p, "{\"type\": \"note_recorded\", \"date\": "
                                         "\"2048-06-15\", \"actor\": \"stavanger\", "
                                         "\"text\": \"Arkivert.\"}"));
    assert_fails_with(ipart_partnership_apply(p, "{\"type\": \"note_recorded\", \"date\": "
                                                 "\"2078-06-16\", \"actor\": \"stavanger\", "
                                                 "\"text\": \"Arkivert.\"}"),
                      IPART_ERANGE);
    cr_assert_str_eq(ipart_error_last()->key, "event.date.implausible");
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* Does the sender column of the event rows (model/event_p.h) admit `role`? */
static int sender_admits(ipart__sender sender, ipart_role role)
{
    switch (sender) {
    case IPART__SENDER_ANYONE:
    case IPART__SENDER_PARTY:
        return 1;
    case IPART__SENDER_AUTHORITY:
        return role == IPART_ROLE_AUTHORITY;
    case IPART__SENDER_OPERATOR:
        return role == IPART_ROLE_OPERATOR;
    case IPART__SENDER_BUYER:
        return role != IPART_ROLE_OPERATOR;
    }
    return 0;
}

/* Whether `actor` (of `role`) is refused each event type with IPART_EPERM
 * exactly when the sender column excludes its role. */
static void check_senders(const ipart_partnership *p, const char *actor, ipart_role role)
{
    char *text = NULL;
    assert_ok(ipart_partnership_actions_json(&text, p, actor));
    cJSON *actions = cJSON_Parse(text);
    int t = 0;
    const cJSON *a;
    cJSON_ArrayForEach(a, actions) {
        const cJSON *code = item(a, "code");
        int refused = cJSON_IsString(code) && strcmp(code->valuestring, "IPART_EPERM") == 0;
        int stage_gate = cJSON_IsString(code) && strcmp(code->valuestring, "IPART_ESTATE") == 0;
        int admits = sender_admits(ipart__event_sender((ipart__event_type)t), role);
        cr_assert_str_eq(item(a, "type")->valuestring, ipart__event_type_name((ipart__event_type)t));
        if (!stage_gate) /* the stage and date gates of apply come before the sender's */
            cr_assert_eq(refused, !admits, "'%s' sending '%s': %s", actor,
                         item(a, "type")->valuestring, text);
        t++;
    }
    cr_assert_eq(t, IPART__EV_COUNT);
    cJSON_Delete(actions);
    ipart_free(text);
}

Test(partnership, every_sender_column_matches_its_handler)
{
    cJSON *kase = load_base("stavanger.json");
    const cJSON *events = item(item(kase, "document"), "events");
    ipart_partnership *p = new_partnership(item(kase, "document"));
    int i = 0, checked = 0;
    const cJSON *ev;
    cJSON_ArrayForEach(ev, events) {
        harness_apply_json(p, ev, i++);
        ipart_party party;
        for (size_t k = 0; k < ipart_partnership_party_count(p); k++) {
            assert_ok(ipart_partnership_party_at(&party, p, k));
            check_senders(p, party.id, party.role);
            checked++;
        }
    }
    cr_assert_gt(checked, 100);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(partnership, parties_and_tenderers)
{
    cJSON *kase = load_base("stavanger.json");
    ipart_partnership *p = harness_replay(kase, -1);
    ipart_party party;
    assert_ok(ipart_partnership_party_at(&party, p, 0));
    cr_assert_eq(party.role, IPART_ROLE_AUTHORITY);
    cr_assert_str_eq(party.kind, "sub_central");
    assert_fails_with(ipart_partnership_party_at(&party, p, 10000), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_party_get(&party, p, "nobody"), IPART_ENOTFOUND);
    char *text = NULL;
    assert_ok(ipart_partnership_tenderers_json(&text, p));
    cJSON *tenderers = cJSON_Parse(text);
    int partners = 0, terminated = 0, operators = 0;
    const cJSON *t;
    cJSON_ArrayForEach(t, tenderers) {
        operators++;
        partners += strcmp(item(t, "status")->valuestring, "partner") == 0;
        terminated += strcmp(item(t, "status")->valuestring, "terminated") == 0;
        assert_ok(ipart_partnership_party_get(&party, p, item(t, "id")->valuestring));
        cr_assert_eq(party.role, IPART_ROLE_OPERATOR);
    }
    cr_assert_eq(operators, 22);
    cr_assert_eq(partners, 1, "op05 went on; op08 and op11 ended after phase 1");
    cr_assert_eq(terminated, 2);
    cJSON_Delete(tenderers);
    ipart_free(text);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(partnership, null_arguments_are_misuse_not_crashes)
{
    ipart_partnership *p = NULL;
    char *text = NULL;
    assert_fails_with(ipart_partnership_new(NULL, "NO"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_new(&p, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_new(&p, "XX"), IPART_EINVAL);
    assert_ok(ipart_partnership_new(&p, "NO"));
    assert_fails_with(ipart_partnership_apply(p, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_apply(NULL, "{}"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_load(&p, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_save(NULL, p), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_event_at(&text, p, 0), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_actions_json(&text, p, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_ranking_json(&text, p), IPART_ENOTFOUND);
    ipart_partnership_free(p);
    ipart_partnership_free(NULL);
}

Test(partnership, stage_and_role_names)
{
    cr_assert_str_eq(ipart_stage_name(IPART_STAGE_AWARD_STANDSTILL), "award_standstill");
    cr_assert_str_eq(ipart_stage_name((ipart_stage)99), "unknown");
    cr_assert_str_eq(ipart_role_name(IPART_ROLE_FOLLOWER), "follower");
    cr_assert_str_eq(ipart_role_name((ipart_role)7), "unknown");
}

/* Ties are reported, never broken silently: op11's final tender made equal
 * to op08's (same price, same scores) shares its rank, both flagged. */
Test(partnership, ties_are_reported_not_broken)
{
    cJSON *kase = load_base("stavanger.json");
    cJSON *events = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(kase, "document"), "events");
    cJSON *op11_final = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(events, 85), "tender");
    cr_assert_str_eq(item(cJSON_GetArrayItem(events, 85), "actor")->valuestring, "op11");
    cJSON_ReplaceItemInObjectCaseSensitive(op11_final, "price", cJSON_CreateString("11600000.00"));
    const cJSON *score;
    cJSON_ArrayForEach(score, item(cJSON_GetArrayItem(events, 87), "scores"))
        if (strcmp(item(score, "tenderer")->valuestring, "op11") == 0)
            cJSON_SetIntValue(cJSON_GetObjectItemCaseSensitive(score, "score"), 8);
    ipart_partnership *p = harness_replay(kase, 88);

    char *text = NULL;
    assert_ok(ipart_partnership_ranking_json(&text, p));
    cJSON *ranking = cJSON_Parse(text);
    const cJSON *second = cJSON_GetArrayItem(ranking, 1), *third = cJSON_GetArrayItem(ranking, 2);
    cr_assert_str_eq(item(second, "total")->valuestring, item(third, "total")->valuestring);
    cr_assert_eq(item(second, "rank")->valueint, 2);
    cr_assert_eq(item(third, "rank")->valueint, 2, "tied tenderers share a rank");
    cr_assert(cJSON_IsTrue(item(second, "tied")) && cJSON_IsTrue(item(third, "tied")));
    cr_assert(cJSON_IsFalse(item(cJSON_GetArrayItem(ranking, 0), "tied")));
    cr_assert_eq(item(cJSON_GetArrayItem(ranking, 3), "rank")->valueint, 4);
    cJSON_Delete(ranking);
    ipart_free(text);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* Every query at the stages where its answer changes, and before it has one. */
Test(partnership, queries_through_the_stages)
{
    cJSON *kase = load_base("stavanger.json");
    ipart_partnership *p = NULL;
    ipart_money m;
    ipart_threshold_verdict v;
    ipart_party party;

    /* Empty: nothing to answer yet. */
    assert_ok(ipart_partnership_new(&p, "NO"));
    cr_assert_str_eq(ipart_partnership_profile(p), "NO");
    cr_assert_str_eq(ipart_partnership_currency(p), "");
    assert_fails_with(ipart_partnership_awarded_sum(&m, p), IPART_ESTATE);
    assert_fails_with(ipart_partnership_budget_cap(&m, p), IPART_ESTATE);
    assert_fails_with(ipart_partnership_threshold(&v, p), IPART_ESTATE);
    ipart_partnership_free(p);

    /* After the first terms: the cap and the verdict exist. */
    p = harness_replay(kase, 6);
    cr_assert_str_eq(ipart_partnership_currency(p), "NOK");
    assert_ok(ipart_partnership_budget_cap(&m, p));
    assert_money(m, "12000000.00");
    assert_ok(ipart_partnership_threshold(&v, p));
    cr_assert(v.above);
    char *event = NULL;
    assert_ok(ipart_partnership_event_at(&event, p, 0));
    cr_assert_not_null(strstr(event, "\"type\":\"partnership_created\""));
    ipart_free(event);
    ipart_partnership_free(p);

    /* Operators move through applied -> qualified/rejected -> invited -> tendering. */
    static const struct {
        int events;
        const char *id, *status;
    } steps[] = {{11, "op01", "applied"}, {50, "op07", "rejected"}, {50, "op01", "qualified"},
                 {57, "op03", "invited"}, {60, "op05", "tendering"}, {80, "op16", "eliminated"},
                 {89, "op05", "awarded"}, {92, "op05", "partner"}};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        p = harness_replay(kase, steps[i].events);
        assert_ok(ipart_partnership_party_get(&party, p, steps[i].id));
        cr_assert_str_eq(party.status, steps[i].status, "%s after %d events", steps[i].id,
                         steps[i].events);
        cr_assert_str_eq(party.kind, "");
        ipart_partnership_free(p);
    }
    cJSON_Delete(kase);
}

Test(partnership, queries_refuse_null)
{
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, "NO"));
    ipart_money m;
    ipart_party party;
    ipart_due due;
    ipart_threshold_verdict v;
    char *text = NULL;
    assert_fails_with(ipart_partnership_event_at(NULL, p, 0), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_party_at(NULL, p, 0), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_party_get(&party, p, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_budget_cap(NULL, p), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_awarded_sum(&m, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_threshold(&v, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_next_due(&due, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_tenderers_json(NULL, p), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_ranking_json(&text, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_clone(NULL, p), IPART_EMISUSE);
    cr_assert_str_eq(ipart_partnership_profile(NULL), "");
    cr_assert_str_eq(ipart_partnership_currency(NULL), "");
    cr_assert_eq(ipart_partnership_stage(NULL), IPART_STAGE_NEED_IDENTIFICATION);
    cr_assert_eq(ipart_partnership_event_count(NULL), 0);
    cr_assert_eq(ipart_partnership_party_count(NULL), 0);
    ipart_partnership_free(p);
}

/* ---- thresholds at each boundary date (tests/cases/rules/thresholds.json) ----------- */

static void replace_string(cJSON *obj, const char *key, const cJSON *value)
{
    cr_assert(cJSON_ReplaceItemInObjectCaseSensitive(obj, key,
                                                     cJSON_CreateString(value->valuestring)));
}

/* The document of a threshold case: the template with the case's values. */
static char *threshold_document(const cJSON *template, const cJSON *kase)
{
    cJSON *events = cJSON_Duplicate(template, 1);
    cJSON *ev;
    cJSON_ArrayForEach(ev, events) replace_string(ev, "date", item(kase, "date"));
    cJSON *created = cJSON_GetArrayItem(events, 0);
    replace_string(created, "currency", item(kase, "currency"));
    replace_string(cJSON_GetObjectItemCaseSensitive(created, "authority"), "kind",
                   item(kase, "authority_kind"));
    replace_string(cJSON_GetArrayItem(events, 1), "contract_type", item(kase, "contract_type"));
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "format", "ipart-document");
    cJSON_AddNumberToObject(doc, "version", 1);
    cJSON_AddStringToObject(doc, "profile", item(kase, "profile")->valuestring);
    cJSON_AddItemToObject(doc, "events", events);
    char *text = print(doc);
    cJSON_Delete(doc);
    return text;
}

Test(partnership, threshold_at_each_boundary_date)
{
    cJSON *file = harness_load_case("rules/thresholds.json");
    const cJSON *kase;
    int checked = 0;
    cJSON_ArrayForEach(kase, item(file, "cases")) {
        char *text = threshold_document(item(file, "template"), kase);
        ipart_partnership *p = NULL;
        assert_ok(ipart_partnership_load(&p, text));
        ipart_threshold_verdict v;
        if (item(kase, "error")) {
            cr_assert_str_eq(ipart_error_name(ipart_partnership_threshold(&v, p)),
                             item(kase, "error")->valuestring, "%s", text);
        } else {
            assert_ok(ipart_partnership_threshold(&v, p));
            assert_money(v.threshold, item(kase, "threshold")->valuestring);
            cr_assert_str_eq(v.threshold.currency, item(kase, "currency")->valuestring);
            assert_date(v.valid_from, item(kase, "valid_from")->valuestring);
        }
        ipart_partnership_free(p);
        cJSON_free(text);
        checked++;
    }
    cr_assert_gt(checked, 100);
    cJSON_Delete(file);
}

Test(partnership, joint_authorities_klimagrunn)
{
    run_valid_case("joint_klimagrunn.json");
}

Test(partnership, joint_authorities_four_swedish_regions_sharing_risk)
{
    run_valid_case("joint_se_regions.json");
}

Test(partnership, consortium_partner_with_subcontractors)
{
    run_valid_case("consortium_ostfold.json");
}

Test(partnership, regional_health_authority_buying_for_its_hospital_trusts)
{
    run_valid_case("helse_sor_ost_group.json");
}

/* ---- actions against apply: every golden procedure, every prefix, every party ---------- */

/*
 * The payload a party would send for `type`: the case's first event of that
 * type, from `actor`, dated `date`; an option purchase takes one unit (the
 * smallest purchase, which the action's R28 and R33 answers are about).
 * NULL when the case has no such event.
 */
static char *payload_for(const cJSON *events, const char *type, const char *actor,
                         const char *date)
{
    const cJSON *ev;
    cJSON_ArrayForEach(ev, events) {
        if (strcmp(item(ev, "type")->valuestring, type) != 0)
            continue;
        cJSON *copy = cJSON_Duplicate(ev, 1);
        cJSON_ReplaceItemInObjectCaseSensitive(copy, "actor", cJSON_CreateString(actor));
        cJSON_ReplaceItemInObjectCaseSensitive(copy, "date", cJSON_CreateString(date));
        if (item(copy, "quantity"))
            cJSON_ReplaceItemInObjectCaseSensitive(copy, "quantity", cJSON_CreateNumber(1));
        char *text = cJSON_PrintUnformatted(copy);
        cJSON_Delete(copy);
        return text;
    }
    return NULL;
}

/* Every action refused to `actor` is refused by apply with the same code and rule. */
static int check_refusals(ipart_partnership *p, const cJSON *events, const char *actor,
                          const char *date, const char *where)
{
    int checked = 0;
    for (size_t i = 0; i < ipart_partnership_action_count(p); i++) {
        ipart_action a;
        assert_ok(ipart_partnership_action_at(&a, p, actor, i));
        char *text = a.allowed ? NULL : payload_for(events, a.type, actor, date);
        if (!text)
            continue;
        ipart_status rc = ipart_partnership_apply(p, text);
        cr_assert_eq(rc, a.code, "%s: %s by %s: action says %s (%s), apply %s (%s)", where,
                     a.type, actor, ipart_error_name(a.code), a.reason, ipart_error_name(rc),
                     ipart_error_last()->message);
        cr_assert_str_eq(ipart_error_last()->rule, a.rule, "%s: %s by %s: %s", where, a.type,
                         actor, ipart_error_last()->message);
        cJSON_free(text);
        checked++;
    }
    return checked;
}

/* The log's next event: its sender was told it may send it. */
static void check_allowed(const ipart_partnership *p, const cJSON *ev, const char *where)
{
    const char *type = item(ev, "type")->valuestring, *actor = item(ev, "actor")->valuestring;
    for (size_t i = 0; i < ipart_partnership_action_count(p); i++) {
        ipart_action a;
        assert_ok(ipart_partnership_action_at(&a, p, actor, i));
        if (strcmp(a.type, type) == 0)
            cr_assert(a.allowed, "%s: %s by %s was refused: %s", where, type, actor, a.reason);
    }
}

static long actions_agree_with_apply_in(const char *file)
{
    cJSON *kase = load_base(file);
    const cJSON *events = item(item(kase, "document"), "events");
    ipart_partnership *all = harness_replay(kase, cJSON_GetArraySize(events));
    ipart_partnership *p = new_partnership(item(kase, "document"));
    long checked = 0;
    int k = 0;
    const cJSON *ev;
    cJSON_ArrayForEach(ev, events) {
        char where[96];
        snprintf(where, sizeof where, "%s after %d", file, k);
        const char *date = item(k ? cJSON_GetArrayItem(events, k - 1) : ev, "date")->valuestring;
        for (size_t j = 0; j < ipart_partnership_party_count(all); j++) {
            ipart_party party;
            assert_ok(ipart_partnership_party_at(&party, all, j));
            checked += check_refusals(p, events, party.id, date, where);
        }
        check_allowed(p, ev, where);
        harness_apply_json(p, ev, k++);
    }
    /* and after the last event */
    const char *last = item(cJSON_GetArrayItem(events, k - 1), "date")->valuestring;
    for (size_t j = 0; j < ipart_partnership_party_count(all); j++) {
        ipart_party party;
        assert_ok(ipart_partnership_party_at(&party, all, j));
        checked += check_refusals(p, events, party.id, last, file);
    }
    ipart_partnership_free(p);
    ipart_partnership_free(all);
    cJSON_Delete(kase);
    return checked;
}

Test(partnership, every_refused_action_is_refused_by_apply_with_its_rule, .timeout = 600)
{
    int cases = 0;
    long checked = harness_each_procedure(actions_agree_with_apply_in, &cases);
    cr_assert_geq(cases, 8);
    cr_assert_gt(checked, 10000);
}

/* ---- the need mapping and dialogue report (include/ipart/dialogue.h) ------------- */

static cJSON *dialogue_report(const ipart_partnership *p)
{
    char *text = NULL;
    assert_ok(ipart_partnership_dialogue_json(&text, p));
    cJSON *report = cJSON_Parse(text);
    cr_assert_not_null(report, "the report is JSON");
    ipart_free(text);
    return report;
}

static const cJSON *activity_of(const cJSON *report, const char *id)
{
    const cJSON *a;
    cJSON_ArrayForEach(a, item(report, "activities")) if (strcmp(item(a, "activity")->valuestring,
                                                                   id) == 0) return a;
    cr_assert_fail("no activity %s in the report", id);
    return NULL;
}

Test(partnership, dialogue_report_groups_who_took_part_and_what_was_shared)
{
    cJSON *kase = load_base("troms_finnmark_dialogue.json");
    ipart_partnership *p = harness_replay(kase, 12); /* before the sharing */
    cJSON *before = dialogue_report(p);
    cr_assert_eq(item(before, "unshared")->valueint, 1);
    const cJSON *d3 = activity_of(before, "d3");
    cr_assert_str_eq(item(d3, "supplier")->valuestring, "arctic");
    const cJSON *budget = cJSON_GetArrayItem(item(d3, "information"), 0);
    cr_assert(cJSON_IsNull(item(budget, "shared_on")) && cJSON_IsTrue(item(budget, "must_share")));
    ipart_partnership_free(p);

    p = harness_replay(kase, -1);
    cJSON *after = dialogue_report(p);
    cr_assert_eq(item(after, "unshared")->valueint, 0);
    cr_assert_str_eq(item(item(after, "authority"), "id")->valuestring, "troms");
    budget = cJSON_GetArrayItem(item(activity_of(after, "d3"), "information"), 0);
    cr_assert_str_eq(item(budget, "shared_on")->valuestring, "2021-02-24");
    const cJSON *d6 = activity_of(after, "d6");
    cr_assert_eq(cJSON_GetArraySize(item(d6, "contacts")), 6);
    cr_assert_eq(cJSON_GetArraySize(item(d6, "pairs")), 2);
    const cJSON *sme = cJSON_GetArrayItem(item(cJSON_GetArrayItem(item(d6, "pairs"), 0), "smes"), 0);
    cr_assert_str_eq(item(sme, "name")->valuestring, "Arctic Mobility AS");
    const cJSON *uit = cJSON_GetArrayItem(item(d6, "contacts"), 5);
    cr_assert_str_eq(item(uit, "role")->valuestring, "participant");
    cr_assert_str_eq(item(uit, "kind")->valuestring, "knowledge_institution");
    cr_assert(cJSON_IsFalse(item(uit, "applied")));
    const cJSON *fjord = cJSON_GetArrayItem(item(d6, "contacts"), 2);
    cr_assert_str_eq(item(fjord, "id")->valuestring, "fjord");
    cr_assert(cJSON_IsFalse(item(fjord, "applied")), "Fjordlab did not apply");
    cr_assert(cJSON_IsTrue(item(cJSON_GetArrayItem(item(d6, "contacts"), 0), "applied")));
    cr_assert_eq(cJSON_GetArraySize(item(after, "activities")), 6);

    /* Past the end and misuse. */
    ipart_dialogue_activity a;
    ipart_dialogue_contact c;
    ipart_dialogue_information n;
    ipart_dialogue_pair r;
    ipart_need_facet f;
    assert_fails_with(ipart_partnership_dialogue_at(&a, p, 6), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_dialogue_contact_at(&c, p, 17), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_dialogue_information_at(&n, p, 2), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_dialogue_pair_at(&r, p, 2), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_need_facet_at(&f, p, 0), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_dialogue_at(NULL, p, 0), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_dialogue_json(NULL, p), IPART_EMISUSE);
    cr_assert_eq(ipart_partnership_dialogue_count(NULL), 0);

    ipart_partnership *empty = NULL;
    assert_ok(ipart_partnership_new(&empty, "NO"));
    char *text = NULL;
    assert_fails_with(ipart_partnership_dialogue_json(&text, empty), IPART_ESTATE);
    cr_assert_null(text);

    ipart_partnership_free(empty);
    cJSON_Delete(before);
    cJSON_Delete(after);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* A clone keeps the dialogue and its sharing state, independently of the original. */
Test(partnership, a_clone_keeps_the_dialogue_independently)
{
    cJSON *kase = load_base("troms_finnmark_dialogue.json");
    ipart_partnership *p = harness_replay(kase, 12);
    ipart_partnership *copy = NULL;
    assert_ok(ipart_partnership_clone(&copy, p));
    char *share = print(cJSON_GetArrayItem(item(item(kase, "document"), "events"), 12));
    assert_ok(ipart_partnership_apply(p, share));
    ipart_dialogue_activity a;
    assert_ok(ipart_partnership_dialogue_at(&a, p, 2));
    cr_assert_eq(a.unshared, 0);
    assert_ok(ipart_partnership_dialogue_at(&a, copy, 2));
    cr_assert_eq(a.unshared, 1, "the clone's information is still unshared");
    assert_ok(ipart_partnership_apply(copy, share));
    assert_ok(ipart_partnership_dialogue_at(&a, copy, 2));
    cr_assert_eq(a.unshared, 0);
    cJSON_free(share);
    ipart_partnership_free(copy);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* ---- batches (ipart_partnership_apply_all) ----------------------------------- */

/* The events of the Stavanger case as one JSON array text (cJSON_free). */
static char *stavanger_batch(cJSON **kase)
{
    *kase = load_base("stavanger.json");
    return print(item(item(*kase, "document"), "events"));
}

Test(partnership, a_batch_applies_like_a_load)
{
    cJSON *kase = NULL;
    char *batch = stavanger_batch(&kase);
    const cJSON *doc = item(kase, "document");
    ipart_partnership *p = new_partnership(doc), *loaded = NULL;
    assert_ok(ipart_partnership_apply_all(p, batch));
    char *original = print(doc);
    assert_ok(ipart_partnership_load(&loaded, original));
    char *saved = save(p), *expected = save(loaded);
    cr_assert_str_eq(saved, expected, "a batch of the whole log saves as the loaded document");
    cr_assert_eq(ipart_partnership_event_count(p), (size_t)cJSON_GetArraySize(item(doc, "events")));
    ipart_free(saved);
    ipart_free(expected);
    cJSON_free(original);
    cJSON_free(batch);
    ipart_partnership_free(loaded);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(partnership, a_batch_stops_at_the_first_refused_event_and_keeps_those_before)
{
    cJSON *kase = load_base("stavanger.json");
    cJSON *events = cJSON_Duplicate(item(item(kase, "document"), "events"), 1);
    /* The 12th event dated before the 11th: refused, R-less state error. */
    cJSON *twelfth = cJSON_GetArrayItem(events, 11);
    cJSON_ReplaceItemInObjectCaseSensitive(twelfth, "date", cJSON_CreateString("2017-01-01"));
    char *batch = print(events);
    ipart_partnership *p = new_partnership(item(kase, "document"));
    ipart_partnership *prefix = new_partnership(item(kase, "document"));
    for (int i = 0; i < 11; i++)
        harness_apply_json(prefix, cJSON_GetArrayItem(events, i), i);

    cr_assert_eq(ipart_partnership_apply_all(p, batch), IPART_ESTATE);
    cr_assert_str_eq(ipart_error_last()->path, "$[11]");
    cr_assert_eq(ipart_partnership_event_count(p), 11);
    char *saved = save(p), *expected = save(prefix);
    cr_assert_str_eq(saved, expected, "the events before the refused one stay, nothing after");
    ipart_free(saved);
    ipart_free(expected);
    cJSON_free(batch);
    cJSON_Delete(events);
    ipart_partnership_free(prefix);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(partnership, a_batch_that_is_not_an_array_of_json_applies_nothing)
{
    cJSON *kase = NULL;
    char *batch = stavanger_batch(&kase);
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_load(&p, "{\"format\":\"ipart-document\",\"version\":1,"
                                         "\"profile\":\"NO\",\"events\":[]}"));
    char *before = save(p);
    batch[strlen(batch) - 1] = ','; /* cut: not JSON any more */
    cr_assert_eq(ipart_partnership_apply_all(p, batch), IPART_EPARSE);
    cr_assert_eq(ipart_partnership_apply_all(p, "{\"type\":\"note_recorded\"}"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$");
    assert_ok(ipart_partnership_apply_all(p, "[]"));
    char *after = save(p);
    cr_assert_str_eq(after, before);
    cr_assert_eq(ipart_partnership_event_count(p), 0);
    /* More values than a document may hold: refused before any is applied. */
    size_t n = 1000001;
    char *many = malloc(2 * n + 2);
    many[0] = '[';
    for (size_t i = 0; i < n; i++)
        memcpy(many + 1 + 2 * i, i + 1 < n ? "0," : "0]", 2);
    many[2 * n + 1] = '\0';
    cr_assert_eq(ipart_partnership_apply_all(p, many), IPART_ERANGE);
    cr_assert_str_eq(ipart_error_last()->path, "$");
    free(many);
    cr_assert_eq(ipart_partnership_apply_all(NULL, "[]"), IPART_EMISUSE);
    cr_assert_eq(ipart_partnership_apply_all(p, NULL), IPART_EMISUSE);
    ipart_free(before);
    ipart_free(after);
    cJSON_free(batch);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

static ipart_status batch_scenario(void *ctx)
{
    ipart_partnership *p = NULL;
    ipart_status rc = ipart_partnership_new(&p, "NO");
    if (rc == IPART_OK)
        rc = ipart_partnership_apply_all(p, ctx);
    ipart_partnership_free(p);
    return rc;
}

Test(partnership, a_batch_leaks_nothing_when_any_allocation_fails)
{
    cJSON *kase = NULL;
    char *batch = stavanger_batch(&kase);
    /* 66 allocations since the log's texts live in the partnership's arena. */
    long failed = harness_fail_each(batch_scenario, batch);
    cr_assert_gt(failed, 50, "%ld allocations", failed);
    /* With the 4th event's "type" last, the streaming decoder declines it
     * and cJSON parses it alone: that path fails each allocation too. */
    cJSON *events = cJSON_GetObjectItemCaseSensitive(item(kase, "document"), "events");
    cJSON *fourth = cJSON_GetArrayItem(events, 3);
    cJSON_AddItemToObject(fourth, "type", cJSON_DetachItemFromObject(fourth, "type"));
    char *moved = print(events);
    long failed_moved = harness_fail_each(batch_scenario, moved);
    cr_assert_gt(failed_moved, failed, "%ld allocations, %ld without the cJSON fallback",
                 failed_moved, failed);
    cJSON_free(moved);
    cJSON_free(batch);
    cJSON_Delete(kase);
}

/* The type of a name: exactly the name of a type, or IPART__EV_COUNT. */
static ipart__event_type type_of_exact(const char *name)
{
    for (int t = 0; t < IPART__EV_COUNT; t++)
        if (strcmp(ipart__event_type_name((ipart__event_type)t), name) == 0)
            return (ipart__event_type)t;
    return IPART__EV_COUNT;
}

/* The hashed look-up finds every type's name, and each name one byte off
 * (each byte changed either way, the last byte cut, a byte added at either
 * end) finds exactly what a plain scan finds: no type, as no names are that
 * close. */
Test(partnership, event_type_of_finds_every_name_and_nothing_one_byte_off)
{
    cr_assert_eq(ipart__event_type_of(NULL), IPART__EV_COUNT);
    cr_assert_eq(ipart__event_type_of(""), IPART__EV_COUNT);
    for (int t = 0; t < IPART__EV_COUNT; t++) {
        const char *name = ipart__event_type_name((ipart__event_type)t);
        size_t length = strlen(name);
        char off[64];
        cr_assert_eq(ipart__event_type_of(name), (ipart__event_type)t, "%s", name);
        for (size_t i = 0; i < length; i++)
            for (int delta = -1; delta <= 1; delta += 2) {
                memcpy(off, name, length + 1);
                off[i] = (char)(off[i] + delta);
                cr_assert_eq(ipart__event_type_of(off), type_of_exact(off), "%s", off);
                cr_assert_eq(ipart__event_type_of(off), IPART__EV_COUNT, "%s", off);
            }
        memcpy(off, name, length - 1);
        off[length - 1] = '\0';
        cr_assert_eq(ipart__event_type_of(off), IPART__EV_COUNT, "%s cut", name);
        snprintf(off, sizeof off, "%s_", name);
        cr_assert_eq(ipart__event_type_of(off), IPART__EV_COUNT, "%s", off);
        snprintf(off, sizeof off, "_%s", name);
        cr_assert_eq(ipart__event_type_of(off), IPART__EV_COUNT, "%s", off);
    }
}
