/*
 * Who owns, who may use and who may see (include/ipart/rights.h), driven
 * by tests/cases/rights/rights.json and the golden procedures.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(rights, IPART_TEST_FIXTURE);

static const char *const PROCEDURES[] = {"stavanger.json", "no_without_reduction.json",
                                         "no_authority_owns.json", "se_initial_award.json",
                                         "se_negotiated.json", "dk_procedure.json"};
static const char *const RIGHTS[] = {"owns", "use", "modify", "sublicense", "commercialise"};

static const cJSON *item(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static int answer(const ipart_rights *r, int k)
{
    const int values[] = {r->owns, r->use, r->modify, r->sublicense, r->commercialise};
    return values[k];
}

Test(rights, every_golden_query_answers_as_the_regime_says)
{
    cJSON *cases = harness_load_case("rights/rights.json");
    int count = 0;
    const cJSON *q;
    cJSON_ArrayForEach(q, item(cases, "queries")) {
        const char *name = harness_text(q, "name");
        ipart_partnership *p = harness_load_procedure(harness_text(q, "base"));
        size_t prefix = (size_t)harness_int(q, "prefix");
        const char *party = harness_text(q, "party"), *asset = harness_text(q, "asset");
        ipart_rights r;
        assert_ok(ipart_partnership_rights_at(&r, p, prefix, party, asset));
        char *json = NULL;
        assert_ok(ipart_partnership_rights_json(&json, p, prefix, party, asset));
        cJSON *explained = cJSON_Parse(json);
        cr_assert_not_null(explained);
        for (int k = 0; k < 5; k++) {
            const cJSON *want = item(item(q, "expect"), RIGHTS[k]);
            cr_assert(cJSON_IsBool(want));
            cr_assert_eq(answer(&r, k), cJSON_IsTrue(want), "%s: %s", name, RIGHTS[k]);
            const cJSON *e = item(explained, RIGHTS[k]);
            cr_assert_eq(cJSON_IsTrue(item(e, "answer")), cJSON_IsTrue(want), "%s: %s (json)",
                         name, RIGHTS[k]);
            cr_assert_neq(item(e, "reason")->valuestring[0], '\0', "%s: a reason", name);
            cr_assert_eq(item(e, "rule")->valuestring[0], 'R');
            const cJSON *rule = item(item(q, "rules"), RIGHTS[k]);
            if (rule)
                cr_assert_str_eq(item(e, "rule")->valuestring, rule->valuestring, "%s: %s",
                                 name, RIGHTS[k]);
        }
        /* At the end of the log, rights() and rights_at() agree. */
        if (prefix == ipart_partnership_event_count(p)) {
            ipart_rights now;
            assert_ok(ipart_partnership_rights(&now, p, party, asset));
            cr_assert_eq(memcmp(&now, &r, sizeof r), 0);
        }
        cJSON_Delete(explained);
        ipart_free(json);
        ipart_partnership_free(p);
        count++;
    }
    cr_assert_geq(count, 30);
    cJSON_Delete(cases);
}

Test(rights, bad_queries_fail_with_their_code)
{
    cJSON *cases = harness_load_case("rights/rights.json");
    const cJSON *q;
    cJSON_ArrayForEach(q, item(cases, "errors")) {
        ipart_partnership *p = harness_load_procedure(harness_text(q, "base"));
        ipart_rights r = {7, 7, 7, 7, 7};
        char *json = NULL;
        ipart_status code = harness_status_named(harness_text(q, "error"));
        size_t prefix = (size_t)harness_int(q, "prefix");
        assert_fails_with(ipart_partnership_rights_at(&r, p, prefix, harness_text(q, "party"),
                                                      harness_text(q, "asset")),
                          code);
        assert_fails_with(ipart_partnership_rights_json(&json, p, prefix,
                                                        harness_text(q, "party"),
                                                        harness_text(q, "asset")),
                          code);
        cr_assert_eq(r.owns, 7, "a failed query leaves the output untouched");
        cr_assert_null(json);
        ipart_partnership_free(p);
    }
    cJSON_Delete(cases);
}

Test(rights, explanations_cite_the_clause_of_the_terms)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    char *json = NULL;
    assert_ok(ipart_partnership_rights_json(&json, p, 123, "baerum", "op05.foreground"));
    cJSON *e = cJSON_Parse(json);
    cr_assert_str_eq(item(item(e, "use"), "clause")->valuestring, "Avtalen pkt. 9.5");
    cr_assert(strstr(item(item(e, "use"), "reason")->valuestring, "bruksrett"));
    cr_assert_str_eq(item(item(e, "commercialise"), "clause")->valuestring, "Avtalen pkt. 9.3");
    cr_assert_eq(item(e, "event_count")->valueint, 123);
    cJSON_Delete(e);
    ipart_free(json);
    ipart_partnership_free(p);
}

/* The explanation copies its clauses: it outlives the partnership. */
Test(rights, an_explanation_outlives_its_partnership)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    ipart_rights_explanation *x = NULL;
    assert_ok(ipart_partnership_rights_explain(&x, p, 110, "baerum", "op05.foreground"));
    ipart_partnership_free(p);
    ipart_right_answer use;
    assert_ok(ipart_rights_explanation_at(&use, x, 1));
    cr_assert_str_eq(use.right, "use");
    cr_assert_str_eq(use.clause, "Avtalen pkt. 9.5");
    cr_assert_eq(ipart_rights_explanation_event_count(x), 110);
    ipart_rights_explanation_free(x);
}

/* Every golden query's reasons read in Norwegian, and in English for "en"
 * and for a language without a catalogue. */
Test(rights, explanations_read_in_norwegian_or_english)
{
    cJSON *cases = harness_load_case("rights/rights.json");
    const cJSON *q;
    cJSON_ArrayForEach(q, item(cases, "queries")) {
        const char *name = harness_text(q, "name");
        ipart_partnership *p = harness_load_procedure(harness_text(q, "base"));
        ipart_rights_explanation *x = NULL;
        assert_ok(ipart_partnership_rights_explain(&x, p, (size_t)harness_int(q, "prefix"),
                                                   harness_text(q, "party"),
                                                   harness_text(q, "asset")));
        for (size_t k = 0; k < ipart_rights_explanation_count(x); k++) {
            ipart_right_answer a;
            assert_ok(ipart_rights_explanation_at(&a, x, k));
            const char *nb = ipart_rights_explanation_reason(x, k, "nb");
            cr_assert_str_eq(ipart_rights_explanation_reason(x, k, "en"), a.reason, "%s", name);
            cr_assert_str_eq(ipart_rights_explanation_reason(x, k, "sv"), a.reason, "%s", name);
            cr_assert_str_eq(ipart_rights_explanation_reason(x, k, NULL), a.reason, "%s", name);
            cr_assert_str_neq(nb, a.reason, "%s: %s has no Norwegian reason: %s", name, a.right,
                              a.reason);
        }
        cr_assert_str_eq(ipart_rights_explanation_reason(x, IPART_RIGHT_COUNT, "nb"), "");
        ipart_rights_explanation_free(x);
        ipart_partnership_free(p);
    }
    cr_assert_str_eq(ipart_rights_explanation_reason(NULL, 0, "nb"), "");
    cJSON_Delete(cases);
}

Test(rights, a_licence_reason_in_norwegian)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    ipart_rights_explanation *x = NULL;
    assert_ok(ipart_partnership_rights_explain(&x, p, 123, "baerum", "op05.foreground"));
    const char *nb = ipart_rights_explanation_reason(x, 1, "nb"); /* use */
    cr_assert(strstr(nb, "gir 'baerum' rett til å bruke resultatene til 'op05'"), "%s", nb);
    ipart_rights_explanation_free(x);
    ipart_partnership_free(p);
}

Test(rights, incomplete_terms_answer_nothing)
{
    /* After the draft terms but before the notice the Stavanger terms are
     * complete; before any terms there is nothing to answer from. */
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    ipart_rights r;
    assert_fails_with(ipart_partnership_rights_at(&r, p, 4, "stavanger", "op05.foreground"),
                      IPART_ENOTFOUND); /* no partner yet */
    assert_fails_with(ipart_partnership_rights(NULL, p, "stavanger", "op05.foreground"),
                      IPART_EMISUSE);
    assert_fails_with(ipart_partnership_rights(&r, NULL, "stavanger", "op05.foreground"),
                      IPART_EMISUSE);
    assert_fails_with(ipart_partnership_rights(&r, p, NULL, "op05.foreground"), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_rights(&r, p, "stavanger", NULL), IPART_EMISUSE);
    char *json = NULL;
    assert_fails_with(ipart_partnership_view_json(&json, p, NULL), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_view_json(&json, p, "oslo"), IPART_ENOTFOUND);
    ipart_partnership_free(p);
}

/* ---- the party-scoped view ------------------------------------------------------------ */

typedef struct scenario {
    ipart_partnership *p;
    const char *party;
    size_t prefix;
} scenario;

static ipart_status rights_json_scenario(void *ctx)
{
    scenario *s = ctx;
    char *json = NULL;
    ipart_status rc = ipart_partnership_rights_json(&json, s->p, s->prefix, s->party,
                                                    "op05.foreground");
    ipart_free(json);
    return rc;
}

static ipart_status view_scenario(void *ctx)
{
    scenario *s = ctx;
    char *json = NULL;
    ipart_status rc = ipart_partnership_view_json(&json, s->p, s->party);
    ipart_free(json);
    return rc;
}

Test(rights, queries_leak_nothing_when_an_allocation_fails)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    scenario s = {p, "baerum", 122};
    cr_assert_gt(harness_fail_each(rights_json_scenario, &s), 3,
                 "the explanation and its JSON allocate");
    s.prefix = 123;
    harness_fail_each(rights_json_scenario, &s);
    harness_fail_each(view_scenario, &s);
    ipart_partnership_free(p);
}

/* The event `index` of the log, parsed. */
static cJSON *log_event(const ipart_partnership *p, size_t index)
{
    char *text = NULL;
    assert_ok(ipart_partnership_event_at(&text, p, index));
    cJSON *ev = cJSON_Parse(text);
    ipart_free(text);
    return ev;
}

/* The operator an event is confidential to, or NULL when it is not an
 * operator's (the test's own reading of RULES.md R19/R37). */
static const char *owner_of(const cJSON *ev, const ipart_partnership *p)
{
    static const char *const fields[] = {"partner", "tenderer", "candidate"};
    for (size_t i = 0; i < 3; i++)
        if (cJSON_IsString(item(ev, fields[i])))
            return item(ev, fields[i])->valuestring;
    ipart_party actor;
    assert_ok(ipart_partnership_party_get(&actor, p, item(ev, "actor")->valuestring));
    return actor.role == IPART_ROLE_OPERATOR ? actor.id : NULL;
}

/* Is a member of the shown event covered by a consented field ("tender.proposal")? */
static int covers(const char *field, const cJSON *member)
{
    const char *dot = strchr(field, '.');
    size_t n = dot ? (size_t)(dot - field) : strlen(field);
    if (strlen(member->string) != n || strncmp(field, member->string, n) != 0)
        return 0;
    if (!dot)
        return 1;
    const cJSON *inner;
    cJSON_ArrayForEach(inner, member) if (!covers(dot + 1, inner)) return 0;
    return 1;
}

/* Did `owner` consent to show `party` what `shown` holds of event `index`? */
static int consented(const ipart_partnership *p, const char *owner, size_t index,
                     const char *party, const cJSON *shown)
{
    int whole = 0, members = 0, covered = 0;
    const cJSON *m;
    cJSON_ArrayForEach(m, shown) members++;
    members -= 3; /* type, date, actor */
    for (size_t i = 0; i < ipart_partnership_event_count(p); i++) {
        cJSON *ev = log_event(p, i);
        const cJSON *it = item(ev, "item"), *r;
        int to_party = 0;
        cJSON_ArrayForEach(r, item(ev, "recipients")) to_party |= strcmp(r->valuestring, party) == 0;
        if (strcmp(item(ev, "type")->valuestring, "consent_given") == 0 && to_party &&
            strcmp(item(ev, "actor")->valuestring, owner) == 0 &&
            (size_t)item(it, "event")->valuedouble == index) {
            if (!item(it, "field"))
                whole = 1;
            else
                cJSON_ArrayForEach(m, shown) covered += covers(item(it, "field")->valuestring, m);
        }
        cJSON_Delete(ev);
    }
    return whole || (members > 0 && covered == members);
}

/* The property of R19/R37 for one party of one case: nothing in its view
 * is another operator's confidential item without that operator's consent. */
static void check_view(const ipart_partnership *p, const char *party)
{
    char *text = NULL;
    assert_ok(ipart_partnership_view_json(&text, p, party));
    cJSON *view = cJSON_Parse(text);
    cr_assert_not_null(view, "the view is JSON");
    cr_assert_str_eq(item(view, "party")->valuestring, party);
    size_t shown = 0;
    const cJSON *entry;
    cJSON_ArrayForEach(entry, item(view, "events")) {
        size_t index = (size_t)item(entry, "index")->valuedouble;
        const cJSON *ev = item(entry, "event");
        const char *owner = owner_of(ev, p);
        /* Its own events (a follower's purchase names the partner it buys from) and
         * the consents addressed to it are the party's. */
        if (owner && strcmp(owner, party) != 0 &&
            strcmp(item(ev, "actor")->valuestring, party) != 0 &&
            strcmp(item(ev, "type")->valuestring, "consent_given") != 0)
            cr_assert(consented(p, owner, index, party, ev),
                      "%s sees event %zu of %s without consent", party, index, owner);
        /* Lists that name operators show the party's entries only. */
        static const char *const lists[][2] = {{"tenders_evaluated", "scores"},
                                               {"candidates_invited", "candidates"},
                                               {"tenders_reduced", "eliminated"}};
        for (size_t l = 0; l < 3; l++) {
            const cJSON *e;
            if (strcmp(item(ev, "type")->valuestring, lists[l][0]) != 0)
                continue;
            cJSON_ArrayForEach(e, item(ev, lists[l][1])) {
                const char *who = cJSON_IsString(e) ? e->valuestring
                                                    : item(e, "tenderer")->valuestring;
                cr_assert_str_eq(who, party, "event %zu shows another operator in '%s'", index,
                                 lists[l][1]);
            }
        }
        shown++;
    }
    cr_assert_eq(shown + (size_t)item(view, "withheld")->valuedouble,
                 ipart_partnership_event_count(p), "every event is shown or withheld");
    cJSON_Delete(view);
    ipart_free(text);
}

Test(rights, no_operator_sees_another_operators_confidential_items)
{
    for (size_t c = 0; c < sizeof PROCEDURES / sizeof PROCEDURES[0]; c++) {
        ipart_partnership *p = harness_load_procedure(PROCEDURES[c]);
        int operators = 0;
        for (size_t i = 0; i < ipart_partnership_party_count(p); i++) {
            ipart_party party;
            assert_ok(ipart_partnership_party_at(&party, p, i));
            if (party.role != IPART_ROLE_AUTHORITY) {
                check_view(p, party.id);
                operators += party.role == IPART_ROLE_OPERATOR;
            }
        }
        cr_assert_gt(operators, 2, "%s", PROCEDURES[c]);
        ipart_partnership_free(p);
    }
}

Test(rights, the_view_shows_own_items_public_items_and_consented_fields)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    char *text = NULL;
    /* Event 71 is op05's intermediate tender; event 76 its consent to show
     * the proposal (only) to the followers. */
    assert_ok(ipart_partnership_view_json(&text, p, "baerum"));
    cJSON *view = cJSON_Parse(text);
    const cJSON *entry, *tender = NULL;
    int terms = 0, other_tenders = 0;
    cJSON_ArrayForEach(entry, item(view, "events")) {
        const cJSON *ev = item(entry, "event");
        const char *type = item(ev, "type")->valuestring;
        if (item(entry, "index")->valueint == 71)
            tender = entry;
        else if (strcmp(type, "tender_submitted") == 0)
            other_tenders++;
        terms += strcmp(type, "terms_set") == 0;
    }
    cr_assert_eq(terms, 2, "the terms are public");
    cr_assert_eq(other_tenders, 0, "no other tender reaches a follower");
    cr_assert_not_null(tender, "the consented item is shown");
    cr_assert(cJSON_IsTrue(item(tender, "partial")));
    const cJSON *shown = item(item(tender, "event"), "tender");
    cr_assert_not_null(item(shown, "proposal"));
    cr_assert_null(item(shown, "price"), "only the consented field");
    cJSON_Delete(view);
    ipart_free(text);

    /* op05 sees its own tenders and only its own scores. */
    assert_ok(ipart_partnership_view_json(&text, p, "op05"));
    view = cJSON_Parse(text);
    int own = 0, scores = 0;
    cJSON_ArrayForEach(entry, item(view, "events")) {
        const cJSON *ev = item(entry, "event");
        own += strcmp(item(ev, "type")->valuestring, "tender_submitted") == 0;
        scores += cJSON_GetArraySize(item(ev, "scores"));
    }
    cr_assert_geq(own, 3);
    cr_assert_gt(scores, 0);
    cJSON_Delete(view);
    ipart_free(text);

    /* The authority sees the whole log. */
    assert_ok(ipart_partnership_view_json(&text, p, "stavanger"));
    view = cJSON_Parse(text);
    cr_assert_eq((size_t)cJSON_GetArraySize(item(view, "events")), ipart_partnership_event_count(p));
    cr_assert_eq(item(view, "withheld")->valueint, 0);
    cJSON_Delete(view);
    ipart_free(text);
    ipart_partnership_free(p);
}

/* The view entry of log event `index`, or NULL when it is withheld. */
static const cJSON *view_entry(const cJSON *view, int index)
{
    const cJSON *entry;
    cJSON_ArrayForEach(entry, item(view, "events")) if (item(entry, "index")->valueint == index)
        return entry;
    return NULL;
}

/* R50: Arctic's one-to-one meeting (event 6) gave it the budget figure, shared
 * with all by event 12; Nordlys' written input (event 8) shares nothing. */
Test(rights, a_one_to_one_meeting_stays_with_its_supplier_unless_shared)
{
    ipart_partnership *p = harness_load_procedure("troms_finnmark_dialogue.json");
    char *text = NULL;
    assert_ok(ipart_partnership_view_json(&text, p, "arctic"));
    cJSON *own = cJSON_Parse(text);
    ipart_free(text);
    const cJSON *meeting = view_entry(own, 6);
    cr_assert(cJSON_IsFalse(item(meeting, "partial")));
    cr_assert_str_eq(item(item(item(meeting, "event"), "supplier"), "id")->valuestring, "arctic");
    cr_assert_null(view_entry(own, 8), "another supplier's written input");

    assert_ok(ipart_partnership_view_json(&text, p, "bigco"));
    cJSON *other = cJSON_Parse(text);
    ipart_free(text);
    meeting = view_entry(other, 6);
    cr_assert(cJSON_IsTrue(item(meeting, "partial")));
    const cJSON *shown = item(meeting, "event");
    cr_assert_null(item(shown, "supplier"));
    cr_assert_null(item(shown, "summary"));
    cr_assert_str_eq(item(cJSON_GetArrayItem(item(shown, "information"), 0), "id")->valuestring,
                     "d3-budget");
    cr_assert_null(view_entry(other, 8));
    cr_assert(cJSON_IsFalse(item(view_entry(other, 7), "partial")), "its own meeting");
    cr_assert(cJSON_IsFalse(item(view_entry(other, 5), "partial")), "the conference is open");
    cJSON_Delete(own);
    cJSON_Delete(other);
    ipart_partnership_free(p);

    /* Before the sharing nothing of Arctic's meeting reaches Nordic Systems... who
     * is not a party yet: the view is of parties only. */
    cJSON *kase = harness_load_case("procedure/troms_finnmark_dialogue.json");
    p = harness_replay(kase, 12);
    assert_fails_with(ipart_partnership_view_json(&text, p, "bigco"), IPART_ENOTFOUND);
    assert_ok(ipart_partnership_view_json(&text, p, "uit"));
    cJSON *participant = cJSON_Parse(text);
    ipart_free(text);
    cr_assert_null(view_entry(participant, 6), "unshared: withheld from a participant too");
    cJSON_Delete(participant);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* ---- at an earlier point: the history against a replay ----------------------------- */

/* A query's outcome as one string: `head` and the JSON it returned (which
 * it frees), or every field of the failure. Owned by the caller. */
static char *outcome_text(ipart_status rc, const char *head, char *json)
{
    const ipart_error *e = ipart_error_last();
    size_t n = 256 + (json ? strlen(json) : strlen(e->message) + strlen(e->key) +
                                                strlen(e->rule) + strlen(e->path));
    char *out = malloc(n);
    cr_assert_not_null(out);
    if (rc == IPART_OK)
        snprintf(out, n, "%s %s", head, json);
    else
        snprintf(out, n, "%d %s %s %s %s", (int)rc, e->rule, e->key, e->path, e->message);
    ipart_free(json);
    return out;
}

/* What a rights query at `event_count` answers, as one string: the rights
 * and the JSON explanation, or every field of the failure. Owned by the caller. */
static char *rights_outcome(const ipart_partnership *p, size_t event_count, const char *party,
                            const char *asset)
{
    ipart_rights r = {7, 7, 7, 7, 7};
    ipart_status at = ipart_partnership_rights_at(&r, p, event_count, party, asset);
    char *json = NULL;
    ipart_status rc = ipart_partnership_rights_json(&json, p, event_count, party, asset);
    cr_assert_eq(at, rc, "rights_at and rights_json agree on %s, %s", party, asset);
    char head[16];
    snprintf(head, sizeof head, "%d%d%d%d%d", r.owns, r.use, r.modify, r.sublicense,
             r.commercialise);
    return outcome_text(rc, head, json);
}

/* Apply the k-th event of `p` to `replay`. */
static void replay_event(ipart_partnership *replay, const ipart_partnership *p, size_t k)
{
    char *text = NULL;
    assert_ok(ipart_partnership_event_at(&text, p, k));
    assert_ok(ipart_partnership_apply(replay, text));
    ipart_free(text);
}

/* Every party, with every asset name a query could use: each party's
 * foreground and background (partners or not), and one malformed name. */
static size_t asked_about(const ipart_partnership *p, char ids[][80], char assets[][96])
{
    size_t n = ipart_partnership_party_count(p);
    for (size_t i = 0; i < n; i++) {
        ipart_party party;
        assert_ok(ipart_partnership_party_at(&party, p, i));
        snprintf(ids[i], 80, "%s", party.id);
        snprintf(assets[2 * i], 96, "%s.foreground", party.id);
        snprintf(assets[2 * i + 1], 96, "%s.background", party.id);
    }
    snprintf(ids[n], 80, "nobody");
    snprintf(assets[2 * n], 96, "%s", ids[0]);
    return n + 1;
}

/* The parties asked about (and "nobody"), and the assets (asked_about()). */
static char party_ids[512][80], asset_names[1025][96];

/* One point of the log to compare: the whole log, its clone and a replay
 * of its first k events; `parties` ids. */
typedef struct point {
    const char *file;
    const ipart_partnership *p, *copy, *replay;
    size_t k, parties;
    void *extra;
} point;

/* At every point of `p` (which it frees), `check`: the sum of what it
 * returns (the queries compared). */
static long each_point(const char *file, ipart_partnership *p, size_t parties,
                       long (*check)(const point *at), void *extra)
{
    ipart_partnership *copy = NULL, *replay = NULL;
    assert_ok(ipart_partnership_clone(&copy, p));
    assert_ok(ipart_partnership_new(&replay, ipart_partnership_profile(p)));
    point at = {file, p, copy, replay, 0, parties, extra};
    size_t events = ipart_partnership_event_count(p);
    long compared = 0;
    for (at.k = 0; at.k <= events; at.k++) {
        compared += check(&at);
        if (at.k < events)
            replay_event(replay, p, at.k);
    }
    ipart_partnership_free(replay);
    ipart_partnership_free(copy);
    ipart_partnership_free(p);
    return compared;
}

/* Every party and asset at one point: the whole log (and its clone)
 * answers from its history exactly what the replay of the prefix answers
 * for its whole log, the path every query took before the history existed. */
static long rights_agree_at(const point *at)
{
    for (size_t i = 0; i < at->parties; i++)
        for (size_t j = 0; j < 2 * at->parties - 1; j++) {
            char *want = rights_outcome(at->replay, at->k, party_ids[i], asset_names[j]);
            char *got = rights_outcome(at->p, at->k, party_ids[i], asset_names[j]);
            char *cloned = rights_outcome(at->copy, at->k, party_ids[i], asset_names[j]);
            cr_assert_str_eq(got, want, "%s after %zu events: %s about %s", at->file, at->k,
                             party_ids[i], asset_names[j]);
            cr_assert_str_eq(cloned, want, "%s (clone) after %zu events", at->file, at->k);
            free(want), free(got), free(cloned);
        }
    return (long)(at->parties * (2 * at->parties - 1));
}

/* Every prefix of `p` (which it frees), every party and asset, as
 * rights_agree_at(). Returns the queries compared. */
static long history_agrees_with_replay(const char *file, ipart_partnership *p)
{
    return each_point(file, p, asked_about(p, party_ids, asset_names), rights_agree_at, NULL);
}

/* The golden procedure `file`, as history_agrees_with_replay(). */
static long history_agrees_with_replay_in(const char *file)
{
    return history_agrees_with_replay(file, harness_load_procedure(file));
}

Test(rights, every_earlier_point_answers_as_a_replay_of_its_prefix, .timeout = 600)
{
    int cases = 0;
    long compared = harness_each_procedure(history_agrees_with_replay_in, &cases);
    cr_assert_geq(cases, 16);
    cr_assert_gt(compared, 100000);
}

/* A merger into a party already there changes its standing: Bærum's
 * purchases count for NAV, and Kristiansand, a follower, becomes the
 * contracting authority. Before those events both answer as they did. */
Test(rights, a_merger_into_an_existing_party_leaves_the_earlier_points_alone)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    size_t before = ipart_partnership_event_count(p);
    ipart_rights then, now;
    assert_ok(ipart_partnership_rights(&then, p, "kristiansand", "op05.foreground"));
    assert_ok(ipart_partnership_apply(p,
        "{\"type\":\"authority_succeeded\",\"date\":\"2019-12-16\",\"actor\":\"stavanger\","
        "\"predecessor\":\"baerum\",\"kind\":\"merger\",\"effective\":\"2020-01-01\","
        "\"successor\":{\"id\":\"nav\",\"name\":\"NAV\",\"kind\":\"central_government\"},"
        "\"takes_over\":\"Bærums kjøp under opsjonen.\",\"basis\":\"Avtale\"}"));
    assert_ok(ipart_partnership_apply(p,
        "{\"type\":\"authority_succeeded\",\"date\":\"2019-12-17\",\"actor\":\"stavanger\","
        "\"predecessor\":\"stavanger\",\"kind\":\"merger\",\"effective\":\"2020-01-01\","
        "\"successor\":{\"id\":\"kristiansand\",\"name\":\"Kristiansand kommune\","
        "\"kind\":\"sub_central\"},\"takes_over\":\"Oppdragsgiveransvaret.\","
        "\"contracting_authority\":true,\"basis\":\"Avtale\"}"));
    assert_ok(ipart_partnership_rights(&now, p, "kristiansand", "op05.foreground"));
    cr_assert(now.use && !then.use, "the new contracting authority may use the results");
    assert_ok(ipart_partnership_rights_at(&now, p, before, "kristiansand", "op05.foreground"));
    cr_assert_eq(memcmp(&now, &then, sizeof then), 0, "as before the merger");
    cr_assert_gt(history_agrees_with_replay("stavanger.json and two mergers", p), 10000);
}

/* ---- the view at an earlier point: against a replay ------------------------------- */

/* What a view query answers, as one string: the view's text and the
 * withheld count of the same query, or every field of the failure.
 * `event_count` (SIZE_MAX: the whole log, through view_json and
 * view_withheld). Owned by the caller. */
static char *view_outcome(const ipart_partnership *p, size_t event_count, const char *party)
{
    char *json = NULL;
    size_t withheld = 0;
    int whole = event_count == SIZE_MAX;
    ipart_status counted = whole ? ipart_partnership_view_withheld(&withheld, p, party)
                                 : ipart_partnership_view_withheld_at(&withheld, p, event_count,
                                                                      party);
    ipart_status rc = whole ? ipart_partnership_view_json(&json, p, party)
                            : ipart_partnership_view_at_json(&json, p, event_count, party);
    cr_assert_eq(counted, rc, "the view and its withheld count agree on %s", party);
    char head[32];
    snprintf(head, sizeof head, "withheld %zu", withheld);
    return outcome_text(rc, head, json);
}

/* A scoped handle on `p` for `party` (NULL when `p` has no such party). */
static ipart_partnership *scoped(const ipart_partnership *p, const char *party)
{
    ipart_partnership *s = NULL;
    ipart_status rc = ipart_partnership_as_party(&s, p, party);
    cr_assert(rc == IPART_OK || rc == IPART_ENOTFOUND, "as_party(%s): %s", party,
              ipart_error_last()->message);
    return s;
}

/* The role each of the first `parties` ids had when it became a party:
 * the role a replay gives it after the event that creates it. */
static void creation_roles(const ipart_partnership *p, size_t parties, ipart_role *roles)
{
    ipart_partnership *replay = NULL;
    assert_ok(ipart_partnership_new(&replay, ipart_partnership_profile(p)));
    int *seen = calloc(parties, sizeof *seen);
    cr_assert_not_null(seen);
    for (size_t k = 0; k < ipart_partnership_event_count(p); k++) {
        replay_event(replay, p, k);
        ipart_party party;
        for (size_t i = 0; i < parties; i++)
            if (!seen[i] && ipart_partnership_party_get(&party, replay, party_ids[i]) == IPART_OK)
                seen[i] = 1, roles[i] = party.role;
    }
    free(seen);
    ipart_partnership_free(replay);
}

/* The scoped handles of every party on the whole log, and the role each
 * was created with. */
typedef struct audiences {
    ipart_partnership *handle[512];
    ipart_role created_as[512];
} audiences;

/* The views at one point of the handle of `audience` on the whole log
 * against those of its handle on the replay of the prefix. An audience
 * that was no party yet has no handle on the replay: it sees every view
 * then if it was created as the contracting authority (a successor), and
 * none otherwise. */
static void scoped_views_agree(const point *at, const audiences *all, size_t audience)
{
    ipart_partnership *then = scoped(at->replay, party_ids[audience]);
    for (size_t i = 0; i < at->parties; i++) {
        char *got = view_outcome(all->handle[audience], at->k, party_ids[i]);
        char *want = then ? view_outcome(then, SIZE_MAX, party_ids[i]) : NULL;
        if (then) {
            cr_assert_str_eq(got, want, "%s after %zu events, as %s: the view of %s", at->file,
                             at->k, party_ids[audience], party_ids[i]);
        } else if (all->created_as[audience] == IPART_ROLE_AUTHORITY) {
            want = view_outcome(at->p, at->k, party_ids[i]);
            cr_assert_str_eq(got, want, "%s after %zu events, as %s (not yet a party)",
                             at->file, at->k, party_ids[audience]);
        } else {
            cr_assert(strncmp(got, "withheld ", 9) != 0, "%s after %zu events: %s was no party "
                      "yet and sees no view (%s's)", at->file, at->k, party_ids[audience], party_ids[i]);
        }
        free(got), free(want);
    }
    ipart_partnership_free(then);
}

/* Every party (and an unknown one) at one point: the view of the whole
 * log, of its clone and of each party's scoped handle is, byte for byte or
 * error for error, the view of the replay of the prefix. */
static long views_agree_at(const point *at)
{
    for (size_t i = 0; i < at->parties; i++) {
        char *want = view_outcome(at->replay, SIZE_MAX, party_ids[i]);
        char *got = view_outcome(at->p, at->k, party_ids[i]);
        char *cloned = view_outcome(at->copy, at->k, party_ids[i]);
        cr_assert_str_eq(got, want, "%s after %zu events: the view of %s", at->file, at->k,
                         party_ids[i]);
        cr_assert_str_eq(cloned, want, "%s (clone) after %zu events", at->file, at->k);
        free(want), free(got), free(cloned);
    }
    for (size_t a = 0; a + 1 < at->parties; a++)
        scoped_views_agree(at, at->extra, a);
    return (long)(at->parties * at->parties);
}

/* Every prefix of `p` (which it frees), as views_agree_at(). Returns the
 * queries compared. */
static long view_agrees_with_replay(const char *file, ipart_partnership *p)
{
    size_t parties = asked_about(p, party_ids, asset_names);
    static audiences all;
    creation_roles(p, parties - 1, all.created_as);
    for (size_t a = 0; a + 1 < parties; a++)
        all.handle[a] = scoped(p, party_ids[a]);
    long compared = each_point(file, p, parties, views_agree_at, &all);
    for (size_t a = 0; a + 1 < parties; a++)
        ipart_partnership_free(all.handle[a]);
    return compared;
}

static long view_agrees_with_replay_in(const char *file)
{
    return view_agrees_with_replay(file, harness_load_procedure(file));
}

Test(rights, every_earlier_view_is_the_view_of_a_replay_of_its_prefix, .timeout = 900)
{
    int cases = 0;
    long compared = harness_each_procedure(view_agrees_with_replay_in, &cases);
    cr_assert_geq(cases, 16);
    cr_assert_gt(compared, 100000);
}

/* Kristiansand, a follower, becomes the contracting authority by a merger:
 * from then on its view is the whole log; before it, its view at a point
 * is the follower's it had then. */
Test(rights, a_merger_into_an_existing_party_leaves_the_earlier_views_alone, .timeout = 300)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    size_t before = ipart_partnership_event_count(p);
    char *then = NULL, *now = NULL, *at = NULL;
    assert_ok(ipart_partnership_view_json(&then, p, "kristiansand"));
    assert_ok(ipart_partnership_apply(p,
        "{\"type\":\"authority_succeeded\",\"date\":\"2019-12-17\",\"actor\":\"stavanger\","
        "\"predecessor\":\"stavanger\",\"kind\":\"merger\",\"effective\":\"2020-01-01\","
        "\"successor\":{\"id\":\"kristiansand\",\"name\":\"Kristiansand kommune\","
        "\"kind\":\"sub_central\"},\"takes_over\":\"Oppdragsgiveransvaret.\","
        "\"contracting_authority\":true,\"basis\":\"Avtale\"}"));
    assert_ok(ipart_partnership_view_json(&now, p, "kristiansand"));
    cr_assert(strstr(now, "\"withheld\":0}"), "the new contracting authority sees everything");
    cr_assert(!strstr(then, "\"withheld\":0}"), "the follower did not");
    assert_ok(ipart_partnership_view_at_json(&at, p, before, "kristiansand"));
    cr_assert_str_eq(at, then, "as before the merger");
    ipart_free(then), ipart_free(now), ipart_free(at);
    cr_assert_gt(view_agrees_with_replay("stavanger.json and a merger", p), 10000);
}

Test(rights, a_view_past_the_log_or_before_the_party_fails)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    size_t events = ipart_partnership_event_count(p), withheld = 99;
    char *json = NULL;
    assert_fails_with(ipart_partnership_view_at_json(&json, p, events + 1, "stavanger"),
                      IPART_ERANGE);
    cr_assert_str_eq(ipart_error_last()->key, "log.index");
    char said[256];
    snprintf(said, sizeof said, "%s", ipart_error_last()->message);
    ipart_rights r;
    assert_fails_with(ipart_partnership_rights_at(&r, p, events + 1, "stavanger", "op05.foreground"),
                      IPART_ERANGE);
    cr_assert_str_eq(ipart_error_last()->message, said, "the same error as rights_at");
    assert_fails_with(ipart_partnership_view_withheld_at(&withheld, p, SIZE_MAX, "stavanger"),
                      IPART_ERANGE);
    assert_fails_with(ipart_partnership_view_at_json(&json, p, 0, "stavanger"), IPART_ENOTFOUND);
    cr_assert_str_eq(ipart_error_last()->key, "party.unknown");
    assert_fails_with(ipart_partnership_view_at_json(&json, p, 1, "op05"), IPART_ENOTFOUND);
    assert_fails_with(ipart_partnership_view_withheld_at(&withheld, p, 1, "op05"),
                      IPART_ENOTFOUND);
    cr_assert_null(json, "a failed call leaves *out alone");
    cr_assert_eq(withheld, 99);
    assert_ok(ipart_partnership_view_at_json(&json, p, 1, "stavanger"));
    cr_assert(strstr(json, "\"index\":0,"));
    cr_assert(!strstr(json, "\"index\":1,"), "only the first event");
    ipart_free(json);
    ipart_partnership_free(p);
}

static ipart_status view_at_scenario(void *ctx)
{
    scenario *s = ctx;
    char *json = NULL;
    size_t withheld = 0;
    ipart_status rc = ipart_partnership_view_at_json(&json, s->p, s->prefix, s->party);
    ipart_free(json);
    if (rc == IPART_OK)
        rc = ipart_partnership_view_withheld_at(&withheld, s->p, s->prefix, s->party);
    return rc;
}

Test(rights, a_view_at_a_point_leaks_nothing_when_an_allocation_fails)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    scenario s = {p, "op05", 90};
    cr_assert_gt(harness_fail_each(view_at_scenario, &s), 3, "the consents and the text allocate");
    ipart_partnership_free(p);
}
