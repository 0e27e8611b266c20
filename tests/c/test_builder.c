/*
 * The typed event builder (include/ipart/event.h) against the JSON path:
 * every event of every golden procedure built field by field and applied
 * gives the same log and saved bytes as the same event applied as text, and
 * every rejection of tests/cases/procedure/rejections.json the builder can
 * express fails with the same error (code, key, rule, path, message) and
 * changes nothing. The events are turned into setter calls here, by the
 * kind of each field (ipart_event_field_kind) and the JSON value's type.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(builder, IPART_TEST_FIXTURE);

static const cJSON *item(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static char *save(const ipart_partnership *p)
{
    char *text = NULL;
    assert_ok(ipart_partnership_save(&text, p));
    return text;
}

/* ---- JSON -> setter calls --------------------------------------------------------- */

/* IPART_OK, a setter's error, or NOT_EXPRESSIBLE: the JSON holds what typed
 * values cannot (a malformed date or amount text, a fraction). */
#define NOT_EXPRESSIBLE ((ipart_status)1)

typedef struct source {
    ipart_event *event;
    const char *currency; /* the case's, for amounts */
} source;

static ipart_status set_from_json(source *s, const char *path, const cJSON *value);

static ipart_status set_members(source *s, const char *path, const cJSON *object)
{
    if (!object->child)
        return ipart_event_set_empty(s->event, path);
    for (const cJSON *m = object->child; m; m = m->next) {
        if (!path[0] && strcmp(m->string, "type") == 0)
            continue;
        char at[512];
        snprintf(at, sizeof at, "%s%s%s", path, path[0] ? "." : "", m->string);
        ipart_status rc = set_from_json(s, at, m);
        if (rc != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

static ipart_status set_elements(source *s, const char *path, const cJSON *array)
{
    if (!array->child)
        return ipart_event_set_empty(s->event, path);
    int i = 0;
    for (const cJSON *el = array->child; el; el = el->next, i++) {
        char at[512];
        snprintf(at, sizeof at, "%s[%d]", path, i);
        ipart_status rc = set_from_json(s, at, el);
        if (rc != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

static ipart_status set_text(source *s, const char *path, ipart_field_kind kind,
                             const char *text)
{
    if (kind == IPART_FIELD_DATE) {
        ipart_date d;
        ipart_status rc = ipart_date_parse(&d, text);
        if (rc == IPART_EPARSE)
            return NOT_EXPRESSIBLE;
        if (rc != IPART_OK) /* a day that does not exist, as its numbers */
            d = (ipart_date){atoi(text), atoi(text + 5), atoi(text + 8)};
        return ipart_event_set_date(s->event, path, d);
    }
    if (kind == IPART_FIELD_MONEY) {
        ipart_money m;
        if (!s->currency[0] || ipart_money_parse(&m, text, s->currency) != IPART_OK)
            return NOT_EXPRESSIBLE;
        return ipart_event_set_money(s->event, path, m);
    }
    return ipart_event_set_string(s->event, path, text);
}

static ipart_status set_from_json(source *s, const char *path, const cJSON *value)
{
    ipart_field_kind kind;
    ipart_status rc = ipart_event_field_kind(&kind, s->event, path);
    if (rc != IPART_OK)
        return rc; /* an unknown field: the same error as the JSON reader's */
    if (cJSON_IsObject(value))
        return set_members(s, path, value);
    if (cJSON_IsArray(value))
        return set_elements(s, path, value);
    if (cJSON_IsNull(value))
        return ipart_event_set_null(s->event, path);
    if (cJSON_IsBool(value))
        return ipart_event_set_bool(s->event, path, cJSON_IsTrue(value));
    if (cJSON_IsString(value))
        return set_text(s, path, kind, value->valuestring);
    double v = value->valuedouble;
    if (v != floor(v) || fabs(v) > 9.0e18)
        return NOT_EXPRESSIBLE;
    return ipart_event_set_int(s->event, path, (int64_t)v);
}

/* Build `json` (an event object) into a new event; *out is NULL when the
 * type itself is refused. */
static ipart_status build(ipart_event **out, const cJSON *json, const char *currency)
{
    *out = NULL;
    const cJSON *type = item(json, "type");
    if (!cJSON_IsString(type))
        return NOT_EXPRESSIBLE;
    ipart_status rc = ipart_event_new(out, type->valuestring);
    if (rc != IPART_OK)
        return rc;
    source s = {*out, currency};
    return set_members(&s, "", json);
}

/* ---- the error, compared field by field ------------------------------------------------- */

typedef struct error_copy {
    ipart_status code;
    char key[64], rule[16], path[256], message[512];
} error_copy;

static error_copy copy_error(ipart_status rc)
{
    error_copy e = {rc, "", "", "", ""};
    const ipart_error *last = ipart_error_last();
    snprintf(e.key, sizeof e.key, "%s", last->key);
    snprintf(e.rule, sizeof e.rule, "%s", last->rule);
    snprintf(e.path, sizeof e.path, "%s", last->path);
    snprintf(e.message, sizeof e.message, "%s", last->message);
    return e;
}

static void assert_same_error(const error_copy *json, const error_copy *built, const char *what)
{
    cr_assert_str_eq(ipart_error_name(built->code), ipart_error_name(json->code),
                     "%s: code (built: %s)", what, built->message);
    cr_assert_str_eq(built->key, json->key, "%s: key", what);
    cr_assert_str_eq(built->rule, json->rule, "%s: rule", what);
    cr_assert_str_eq(built->path, json->path, "%s: path", what);
    cr_assert_str_eq(built->message, json->message, "%s: message", what);
}

/* ---- golden procedures: the same log, the same bytes ------------------------------------- */

static const char *const PROCEDURES[] = {
    "stavanger.json", "stavanger_after_option.json", "no_without_reduction.json",
    "no_authority_owns.json", "se_initial_award.json", "se_negotiated.json", "se_declined.json",
    "dk_procedure.json", "dk_need_mapping.json", "works_at_threshold.json",
    "works_below_threshold.json", "dfo_sub_deliveries.json", "consortium_ostfold.json",
    "joint_klimagrunn.json", "joint_se_regions.json", "troms_finnmark_dialogue.json"};

static void built_ok(ipart_status rc, const char *name, size_t i)
{
    cr_assert_eq(rc, IPART_OK, "%s event %zu: %s %s (%s)", name, i, ipart_error_name(rc),
                 ipart_error_last()->path, ipart_error_last()->message);
}

/* Two new partnerships of a document's profile. */
static void two_new(ipart_partnership **a, ipart_partnership **b, const cJSON *doc)
{
    const char *profile = harness_text(doc, "profile");
    assert_ok(ipart_partnership_new(a, profile));
    assert_ok(ipart_partnership_new(b, profile));
}

/* The i-th log entries of the two partnerships are the same text. */
static void assert_same_entry(const ipart_partnership *got, const ipart_partnership *want,
                              const char *name, size_t i)
{
    char *a = NULL, *b = NULL;
    assert_ok(ipart_partnership_event_at(&a, want, i));
    assert_ok(ipart_partnership_event_at(&b, got, i));
    cr_assert_str_eq(b, a, "%s event %zu", name, i);
    ipart_free(a);
    ipart_free(b);
}

static size_t same_log_in(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "procedure/%s", name);
    cJSON *kase = harness_load_case(path);
    const cJSON *doc = harness_member(kase, "document");
    ipart_partnership *by_text = NULL, *by_builder = NULL;
    two_new(&by_text, &by_builder, doc);
    ipart_event *reused = NULL;
    assert_ok(ipart_event_new(&reused, "note_recorded"));
    size_t i = 0;
    const cJSON *ev;
    cJSON_ArrayForEach(ev, harness_member(doc, "events")) {
        char *text = cJSON_PrintUnformatted(ev);
        assert_ok(ipart_partnership_apply(by_text, text));
        cJSON_free(text);
        /* every other event through one reused builder */
        ipart_event *built = NULL;
        const char *currency = ipart_partnership_currency(by_builder);
        if (i % 2) {
            assert_ok(ipart_event_reset(reused, harness_text(ev, "type")));
            source s = {reused, currency};
            built_ok(set_members(&s, "", ev), name, i);
        } else {
            built_ok(build(&built, ev, currency), name, i);
        }
        built_ok(ipart_partnership_apply_event(by_builder, built ? built : reused), name, i);
        ipart_event_free(built);
        assert_same_entry(by_builder, by_text, name, i);
        i++;
    }
    char *saved_text = save(by_text), *saved_built = save(by_builder);
    cr_assert_str_eq(saved_built, saved_text, "%s: saved bytes", name);
    ipart_partnership *loaded = NULL;
    assert_ok(ipart_partnership_load(&loaded, saved_built));
    char *resaved = save(loaded);
    cr_assert_str_eq(resaved, saved_built, "%s: load -> save", name);
    ipart_free(resaved);
    ipart_partnership_free(loaded);
    ipart_free(saved_text);
    ipart_free(saved_built);
    ipart_event_free(reused);
    ipart_partnership_free(by_text);
    ipart_partnership_free(by_builder);
    cJSON_Delete(kase);
    return i;
}

/* `check` over every listed procedure: the events it compared. */
static size_t over_procedures(size_t (*check)(const char *name))
{
    size_t events = 0;
    for (size_t i = 0; i < sizeof PROCEDURES / sizeof PROCEDURES[0]; i++)
        events += check(PROCEDURES[i]);
    return events;
}

Test(builder, every_golden_event_built_gives_the_same_log_and_saved_bytes, .timeout = 300)
{
    cr_assert_gt(over_procedures(same_log_in), 600);
}

/* ---- rejections: the same error, nothing changed ------------------------------------------- */

static cJSON *base_case(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "procedure/%s", name);
    return harness_load_case(path);
}

/* 1 when the case was compared, 0 when the builder cannot express it. */
static int same_rejection(const cJSON *kase)
{
    const char *name = harness_text(kase, "name");
    const cJSON *event = item(kase, "event");
    if (!cJSON_IsObject(event))
        return 0; /* event_text: JSON syntax, not an event */
    cJSON *base = base_case(harness_text(kase, "base"));
    ipart_partnership *p = harness_replay(base, (int)harness_int(kase, "prefix"));
    char *text = cJSON_PrintUnformatted(event);
    error_copy by_text = copy_error(ipart_partnership_apply(p, text));
    cJSON_free(text);
    cr_assert_neq(by_text.code, IPART_OK, "%s: applied as text", name);
    char *before = save(p);
    size_t count = ipart_partnership_event_count(p);

    ipart_event *built = NULL;
    ipart_status rc = build(&built, event, ipart_partnership_currency(p));
    int expressed = rc != NOT_EXPRESSIBLE;
    if (rc == IPART_OK)
        rc = ipart_partnership_apply_event(p, built);
    if (expressed) {
        error_copy by_builder = copy_error(rc);
        assert_same_error(&by_text, &by_builder, name);
    }
    char *after = save(p);
    cr_assert_str_eq(after, before, "%s: a refused built event changed the document", name);
    cr_assert_eq(ipart_partnership_event_count(p), count);
    ipart_free(before);
    ipart_free(after);
    ipart_event_free(built);
    ipart_partnership_free(p);
    cJSON_Delete(base);
    return expressed;
}

Test(builder, every_expressible_rejection_gives_the_same_error, .timeout = 300)
{
    cJSON *cases = harness_load_case("procedure/rejections.json");
    int compared = 0, total = 0;
    const cJSON *kase;
    cJSON_ArrayForEach(kase, cases) {
        compared += same_rejection(kase);
        total++;
    }
    cr_log_info("%d of %d rejections compared", compared, total);
    cr_assert_gt(compared, total * 9 / 10, "only %d of %d rejections expressible", compared,
                 total);
    cJSON_Delete(cases);
}

/* ---- a golden event changed: the same error ------------------------------------------------
 * The builder tells an event of most types is complete by counting the
 * required fields its setters marked present, and walks the event only
 * when the count falls short or a field only the walk checks is present
 * (money, arrays, consent items, optional objects). So every golden event
 * changed in one place (a member left out, an object emptied, an id
 * listed twice; in nested objects and elements too) must still be refused
 * as the JSON path refuses it, by a new builder and by one reset from the
 * previous event's type. */

typedef struct found {
    cJSON *parent, *item;
} found;

/* The n-th value under `obj` (members and elements, depth first; the
 * event's type not counted) that `pick` takes: 1 when there is one, `*n`
 * counted down. */
static int find_nth(found *out, cJSON *obj, int *n, int (*pick)(const cJSON *), int event_level)
{
    for (cJSON *m = obj->child; m; m = m->next) {
        if (event_level && strcmp(m->string, "type") == 0)
            continue;
        if (pick(m) && (*n)-- == 0) {
            *out = (found){obj, m};
            return 1;
        }
        if ((cJSON_IsObject(m) || cJSON_IsArray(m)) && find_nth(out, m, n, pick, 0))
            return 1;
    }
    return 0;
}

typedef struct change {
    const char *what;
    int (*pick)(const cJSON *value);
    void (*apply)(const found *at);
} change;

static int is_member(const cJSON *v)
{
    return v->string != NULL;
}

static void leave_out(const found *at)
{
    cJSON_Delete(cJSON_DetachItemViaPointer(at->parent, at->item));
}

static int is_full_object(const cJSON *v)
{
    return cJSON_IsObject(v) && v->child;
}

static void empty_object(const found *at)
{
    while (at->item->child)
        cJSON_Delete(cJSON_DetachItemViaPointer(at->item, at->item->child));
}

static int is_id_list(const cJSON *v)
{
    return cJSON_IsArray(v) && cJSON_IsString(v->child);
}

static void repeat_first(const found *at)
{
    cJSON_AddItemToArray(at->item, cJSON_CreateString(at->item->child->valuestring));
}

static const change CHANGES[] = {{"without member", is_member, leave_out},
                                 {"with an emptied object", is_full_object, empty_object},
                                 {"with an id twice", is_id_list, repeat_first}};

/* The event changed at its n-th place `c` picks, or NULL when it has fewer. */
static cJSON *changed(const cJSON *ev, const change *c, int n)
{
    cJSON *copy = cJSON_Duplicate(ev, 1);
    found at;
    if (find_nth(&at, copy, &n, c->pick, 1)) {
        c->apply(&at);
        return copy;
    }
    cJSON_Delete(copy);
    return NULL;
}

/* `variant` applied to `p` by a builder (a new one, or `reused` reset):
 * refused as the JSON path refused it (`by_text`), nothing changed. */
static void same_refusal_built(ipart_partnership *p, ipart_event *reused, const cJSON *variant,
                               const error_copy *by_text, const char *what)
{
    size_t count = ipart_partnership_event_count(p);
    ipart_event *built = NULL;
    ipart_status rc;
    source s = {reused, ipart_partnership_currency(p)};
    if (reused) {
        rc = ipart_event_reset(reused, harness_text(variant, "type"));
        if (rc == IPART_OK)
            rc = set_members(&s, "", variant);
    } else {
        rc = build(&built, variant, s.currency);
    }
    if (rc == NOT_EXPRESSIBLE) {
        ipart_event_free(built);
        return;
    }
    if (rc == IPART_OK)
        rc = ipart_partnership_apply_event(p, built ? built : reused);
    error_copy got = copy_error(rc);
    assert_same_error(by_text, &got, what);
    cr_assert_eq(ipart_partnership_event_count(p), count, "%s: applied", what);
    ipart_event_free(built);
}

/* Every change of `ev` that the JSON path refuses on `p`, by a builder:
 * how many. */
static size_t same_refusals_of_changes(ipart_partnership *p, ipart_event *reused,
                                       const cJSON *ev, const char *name, size_t i)
{
    size_t refused = 0;
    for (size_t c = 0; c < sizeof CHANGES / sizeof CHANGES[0]; c++) {
        cJSON *variant;
        for (int n = 0; (variant = changed(ev, &CHANGES[c], n)) != NULL; n++) {
            ipart_partnership *scratch = NULL;
            assert_ok(ipart_partnership_clone(&scratch, p));
            char *text = cJSON_PrintUnformatted(variant);
            error_copy by_text = copy_error(ipart_partnership_apply(scratch, text));
            ipart_partnership_free(scratch);
            if (by_text.code != IPART_OK) {
                char what[600];
                snprintf(what, sizeof what, "%s event %zu %s %d: %s", name, i, CHANGES[c].what,
                         n, text);
                same_refusal_built(p, n % 2 ? reused : NULL, variant, &by_text, what);
                refused++;
            }
            cJSON_free(text);
            cJSON_Delete(variant);
        }
    }
    return refused;
}

static size_t same_refusals_of_changes_in(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "procedure/%s", name);
    cJSON *kase = harness_load_case(path);
    const cJSON *doc = harness_member(kase, "document");
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, harness_text(doc, "profile")));
    ipart_event *reused = NULL;
    assert_ok(ipart_event_new(&reused, "note_recorded"));
    size_t refused = 0, i = 0;
    const cJSON *ev;
    cJSON_ArrayForEach(ev, harness_member(doc, "events")) {
        refused += same_refusals_of_changes(p, reused, ev, name, i++);
        char *text = cJSON_PrintUnformatted(ev);
        assert_ok(ipart_partnership_apply(p, text));
        cJSON_free(text);
    }
    ipart_event_free(reused);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
    return refused;
}

Test(builder, every_golden_event_changed_in_one_place_gives_the_same_error, .timeout = 300)
{
    size_t refused = over_procedures(same_refusals_of_changes_in);
    cr_log_info("%zu refusals compared", refused);
    cr_assert_gt(refused, 1000);
}

/* A reset builder counts the required fields of its new type, whichever
 * type it had: as many fields set as the old type requires do not make
 * the new one complete. */
Test(builder, a_reset_builder_counts_its_new_type_s_fields)
{
    ipart_event *e = NULL;
    assert_ok(ipart_event_new(&e, "candidate_assessed")); /* 5 required: date ... reason */
    assert_ok(ipart_event_reset(e, "partnership_created"));
    assert_ok(ipart_event_set_date(e, "date", (ipart_date){2017, 5, 2}));
    assert_ok(ipart_event_set_string(e, "actor", "aut01"));
    assert_ok(ipart_event_set_string(e, "title", "Trygg hjemme"));
    assert_ok(ipart_event_set_string(e, "authority.id", "aut01")); /* and authority: 5 */
    ipart_partnership *built = NULL, *text = NULL;
    assert_ok(ipart_partnership_new(&built, "NO"));
    assert_ok(ipart_partnership_new(&text, "NO"));
    error_copy by_builder = copy_error(ipart_partnership_apply_event(built, e));
    error_copy by_text = copy_error(ipart_partnership_apply(
        text, "{\"type\":\"partnership_created\",\"date\":\"2017-05-02\",\"actor\":\"aut01\","
              "\"title\":\"Trygg hjemme\",\"authority\":{\"id\":\"aut01\"}}"));
    cr_assert_eq(by_text.code, IPART_EINVAL);
    assert_same_error(&by_text, &by_builder, "partnership_created after a reset");
    cr_assert_eq(ipart_partnership_event_count(built), 0);
    ipart_event_free(e);
    ipart_partnership_free(built);
    ipart_partnership_free(text);
}

/* A field set twice is counted once: the event without its date is not
 * taken for complete because its actor was set twice. */
Test(builder, a_field_set_twice_does_not_stand_for_a_missing_one)
{
    ipart_event *e = NULL;
    assert_ok(ipart_event_new(&e, "participation_requested"));
    assert_ok(ipart_event_set_string(e, "actor", "op01"));
    assert_ok(ipart_event_set_string(e, "actor", "op01"));
    assert_ok(ipart_event_set_string(e, "operator.id", "op01"));
    assert_ok(ipart_event_set_string(e, "operator.name", "Op AS"));
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, 10);
    cr_assert_eq(ipart_partnership_apply_event(p, e), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "document.field.missing");
    cr_assert_str_eq(ipart_error_last()->path, "$.date");
    assert_ok(ipart_event_set_date(e, "date", (ipart_date){2017, 9, 20}));
    assert_ok(ipart_partnership_apply_event(p, e));
    ipart_event_free(e);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* ---- the order of sets --------------------------------------------------------------------
 * The builder resumes a path from its last set's object (its prefix): sets
 * that go across an array's elements in turn, so that each element is left
 * and entered again after its array grew, must still land where a walk from
 * the root puts them. */

typedef struct leaf {
    char path[256];
    const cJSON *value; /* a scalar, [] or {} */
    int position;       /* among its object's members (an id array's elements: the array's) */
    size_t order;       /* in the JSON */
} leaf;

typedef struct leaves {
    leaf items[1024];
    size_t count;
} leaves;

static void collect(leaves *out, const char *path, const cJSON *value, int position)
{
    if ((!cJSON_IsObject(value) && !cJSON_IsArray(value)) || !value->child) {
        cr_assert_lt(out->count, sizeof out->items / sizeof out->items[0]);
        leaf *l = &out->items[out->count];
        *l = (leaf){.value = value, .position = position, .order = out->count};
        snprintf(l->path, sizeof l->path, "%s", path);
        out->count++;
        return;
    }
    int i = 0;
    for (const cJSON *m = value->child; m; m = m->next, i++) {
        if (!path[0] && strcmp(m->string, "type") == 0)
            continue;
        char at[256];
        if (cJSON_IsArray(value))
            snprintf(at, sizeof at, "%s[%d]", path, i);
        else
            snprintf(at, sizeof at, "%s%s%s", path, path[0] ? "." : "", m->string);
        collect(out, at, m, cJSON_IsArray(value) ? position : i);
    }
}

/* By position, then as in the JSON: every element's first member, then
 * every element's second, ... (each element still added by its first). */
static int in_turns(const void *a, const void *b)
{
    const leaf *x = a, *y = b;
    if (x->position != y->position)
        return x->position < y->position ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static size_t same_log_in_turns(const char *name)
{
    cJSON *kase = base_case(name);
    const cJSON *doc = harness_member(kase, "document");
    ipart_partnership *by_text = NULL, *by_builder = NULL;
    two_new(&by_text, &by_builder, doc);
    static leaves all;
    ipart_event *e = NULL;
    assert_ok(ipart_event_new(&e, "note_recorded"));
    size_t i = 0;
    const cJSON *ev;
    cJSON_ArrayForEach(ev, harness_member(doc, "events")) {
        char *text = cJSON_PrintUnformatted(ev);
        assert_ok(ipart_partnership_apply(by_text, text));
        cJSON_free(text);
        all.count = 0;
        collect(&all, "", ev, 0);
        qsort(all.items, all.count, sizeof all.items[0], in_turns);
        assert_ok(ipart_event_reset(e, harness_text(ev, "type")));
        source s = {e, ipart_partnership_currency(by_builder)};
        for (size_t k = 0; k < all.count; k++)
            built_ok(set_from_json(&s, all.items[k].path, all.items[k].value), name, i);
        built_ok(ipart_partnership_apply_event(by_builder, e), name, i);
        assert_same_entry(by_builder, by_text, name, i);
        i++;
    }
    ipart_event_free(e);
    ipart_partnership_free(by_text);
    ipart_partnership_free(by_builder);
    cJSON_Delete(kase);
    return i;
}

Test(builder, fields_set_across_elements_in_turns_give_the_same_log, .timeout = 300)
{
    cr_assert_gt(over_procedures(same_log_in_turns), 600);
}

/* Refused sets inside an element entered before, and an element entered
 * again after its array grew: the errors name the full JSON path and a
 * refused set changes nothing (the next index stays the same). */
Test(builder, a_refused_set_inside_an_element_names_its_path_and_changes_nothing)
{
    ipart_event *e = NULL;
    assert_ok(ipart_event_new(&e, "tenders_evaluated"));
    assert_ok(ipart_event_set_string(e, "scores[0].tenderer", "op01"));
    cr_assert_eq(ipart_event_set_int(e, "scores[0].nope", 1), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "document.field.unknown");
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[0].nope");
    cr_assert_eq(ipart_event_set_int(e, "scores[0].score", -1), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "document.integer.range");
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[0].score");
    cr_assert_eq(ipart_event_set_string(e, "scores[0].tenderer.x", "op01"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[0].tenderer");
    cr_assert_eq(ipart_event_set_string(e, "scores[2].tenderer", "op03"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "event.builder.index");
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[2]");
    assert_ok(ipart_event_set_string(e, "scores[1].tenderer", "op02"));
    assert_ok(ipart_event_set_string(e, "scores[2].tenderer", "op03")); /* scores moved */
    assert_ok(ipart_event_set_int(e, "scores[0].score", 5));
    cr_assert_eq(ipart_event_set_string(e, "scores[1].tenderer", "Op 2"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "document.id.syntax");
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[1].tenderer");
    cr_assert_eq(ipart_event_set_string(e, "scores[4].tenderer", "op05"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->message,
                     "$.scores[4]: elements are added in order: the next is [3]");
    assert_ok(ipart_event_set_empty(e, "scores"));
    cr_assert_eq(ipart_event_set_int(e, "scores[1].score", 5), IPART_EINVAL,
                 "an emptied array starts again at [0]");
    assert_ok(ipart_event_set_int(e, "scores[0].score", 5));
    /* [0] was added again, so [1] is next */
    assert_ok(ipart_event_set_string(e, "scores[1].tenderer", "op02"));
    ipart_event_free(e);
}

/* A refused set whose path names new elements (one, or nested ones) adds
 * none: the one walk that added them takes them back, whatever refused the
 * set (the value, an unknown field, a path through a non-object). */
Test(builder, a_refused_set_that_would_add_elements_adds_none)
{
    ipart_event *e = NULL;
    assert_ok(ipart_event_new(&e, "tenders_evaluated"));
    assert_ok(ipart_event_set_string(e, "scores[0].tenderer", "op01"));
    cr_assert_eq(ipart_event_set_int(e, "scores[1].score", -1), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[1].score");
    cr_assert_eq(ipart_event_set_int(e, "scores[1].nope", 1), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[1].nope");
    cr_assert_eq(ipart_event_set_string(e, "scores[1].tenderer.x", "op02"), IPART_EINVAL);
    cr_assert_eq(ipart_event_set_string(e, "scores[2].tenderer", "op03"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->message,
                     "$.scores[2]: elements are added in order: the next is [1]");
    assert_ok(ipart_event_reset(e, "terms_set"));
    cr_assert_eq(ipart_event_set_string(e, "development.phases[0].targets[0].id", "Not an id"),
                 IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "document.id.syntax");
    cr_assert_eq(ipart_event_set_string(e, "development.phases[1].name", "x"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->message,
                     "$.development.phases[1]: elements are added in order: the next is [0]");
    cr_assert_eq(ipart_event_set_string(e, "development.phases[0].targets[1].id", "t2"),
                 IPART_EINVAL, "phases[0] was not kept: its targets start at [0]");
    cr_assert_str_eq(ipart_error_last()->key, "event.builder.index");
    assert_ok(ipart_event_set_string(e, "development.phases[0].targets[0].id", "t1"));
    assert_ok(ipart_event_set_string(e, "development.phases[0].targets[1].id", "t2"));
    ipart_event_free(e);
}

/* ---- names read in place ------------------------------------------------------------------
 * A segment's name is compared where it stands in the path, by its length:
 * a name that is a field's prefix or goes past it is no field, inside a
 * path as at its end, and names up to 71 bytes are names (longer: a
 * malformed path). */

typedef struct refusal {
    ipart_status rc;
    char key[64], path[256], message[512];
} refusal;

static refusal refused_set(ipart_event *e, const char *field)
{
    refusal r = {ipart_event_set_string(e, field, "op01"), "", "", ""};
    snprintf(r.key, sizeof r.key, "%s", ipart_error_last()->key);
    snprintf(r.path, sizeof r.path, "%s", ipart_error_last()->path);
    snprintf(r.message, sizeof r.message, "%s", ipart_error_last()->message);
    return r;
}

/* `name` refused the same at a path's end and inside it ("name[0].tenderer",
 * "name.x"), with `key`, and the event as it was. An unknown name's path
 * ends at the name; "type"'s at its segment (with an index). */
static void same_refusal_inside_and_at_end(ipart_event *e, const char *name, const char *key)
{
    char inside[256], dotted[256], at[256];
    snprintf(inside, sizeof inside, "%s[0].tenderer", name);
    snprintf(dotted, sizeof dotted, "%s.x", name);
    snprintf(at, sizeof at, "$.%s", name);
    refusal end = refused_set(e, name);
    cr_assert_eq(end.rc, IPART_EINVAL, "%s", name);
    cr_assert_str_eq(end.key, key, "%s", name);
    if (strcmp(key, "event.builder.path") != 0)
        cr_assert_str_eq(end.path, at);
    for (int i = 0; i < 2; i++) {
        refusal in = refused_set(e, i ? dotted : inside);
        cr_assert_eq(in.rc, end.rc);
        cr_assert_str_eq(in.key, end.key, "%s", i ? dotted : inside);
        if (strcmp(key, "document.field.unknown") == 0 ||
            (i && strcmp(key, "event.builder.type") == 0)) {
            cr_assert_str_eq(in.path, end.path);
            cr_assert_str_eq(in.message, end.message);
        }
    }
}

Test(builder, a_name_is_a_field_only_whole_inside_a_path_and_at_its_end)
{
    ipart_event *e = NULL;
    assert_ok(ipart_event_new(&e, "tenders_evaluated"));
    const char *unknown[] = {"s", "score", "scoress", "scores_", "dat", "dates", "actors"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
        same_refusal_inside_and_at_end(e, unknown[i], "document.field.unknown");
    same_refusal_inside_and_at_end(e, "type", "event.builder.type");
    same_refusal_inside_and_at_end(e, "typ", "document.field.unknown");
    char name[80];
    memset(name, 'n', sizeof name);
    name[71] = '\0'; /* the longest name: unknown, not malformed */
    same_refusal_inside_and_at_end(e, name, "document.field.unknown");
    name[71] = 'n';
    name[72] = '\0';
    same_refusal_inside_and_at_end(e, name, "event.builder.path");
    /* Inside an element: a prefix of "tenderer", or longer, is no field. */
    assert_ok(ipart_event_set_string(e, "scores[0].tenderer", "op01"));
    cr_assert_eq(refused_set(e, "scores[0].tender").rc, IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[0].tender");
    cr_assert_eq(refused_set(e, "scores[0].tenderers").rc, IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[0].tenderers");
    cr_assert_eq(refused_set(e, "scores[1].tenderer.x").rc, IPART_EINVAL, "not an object");
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[1].tenderer");
    /* none of it changed the event: [1] is still the next element */
    assert_ok(ipart_event_set_string(e, "scores[1].tenderer", "op02"));
    cr_assert_eq(ipart_event_set_string(e, "scores[3].tenderer", "op04"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->message,
                     "$.scores[3]: elements are added in order: the next is [2]");
    ipart_event_free(e);
}

/* An id that passes the id check is taken without the UTF-8 check (its
 * bytes are ASCII); any other keeps the order of the faults: not UTF-8
 * first, then not an id. The builder and the JSON reader agree. */
Test(builder, an_id_s_fault_is_its_utf8_first_then_its_syntax)
{
    char longest[80], too_long[80];
    memset(longest, 'a', 64);
    longest[64] = '\0';
    memset(too_long, 'a', 65);
    too_long[65] = '\0';
    const struct {
        const char *id, *key; /* key NULL: taken */
    } cases[] = {
        {"op01", NULL}, {"A-Z_a.z-09", NULL}, {longest, NULL},
        {"", "document.id.syntax"}, {too_long, "document.id.syntax"},
        {"op 1", "document.id.syntax"}, {"\xc3\xb8p", "document.id.syntax"},
        {"op\xff", "document.string.utf8"}, {"\xc3", "document.string.utf8"},
        {"op 1\x80", "document.string.utf8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ipart_event *e = NULL;
        assert_ok(ipart_event_new(&e, "note_recorded"));
        ipart_status rc = ipart_event_set_string(e, "actor", cases[i].id);
        cr_assert_eq(rc, cases[i].key ? IPART_EINVAL : IPART_OK, "case %zu", i);
        if (cases[i].key) {
            cr_assert_str_eq(ipart_error_last()->key, cases[i].key, "case %zu", i);
            cr_assert_str_eq(ipart_error_last()->path, "$.actor");
        }
        ipart_event_free(e);
        ipart_partnership *p = NULL;
        assert_ok(ipart_partnership_new(&p, "NO"));
        char json[256];
        snprintf(json, sizeof json,
                 "{\"type\":\"note_recorded\",\"date\":\"2019-12-03\",\"actor\":\"%s\","
                 "\"text\":\"x\"}", cases[i].id);
        rc = ipart_partnership_apply(p, json);
        if (cases[i].key)
            cr_assert_str_eq(ipart_error_last()->key, cases[i].key, "JSON, case %zu", i);
        else /* refused later (no case yet), not for the id */
            cr_assert(rc == IPART_OK || (strcmp(ipart_error_last()->key, "document.id.syntax") &&
                                         strcmp(ipart_error_last()->key, "document.string.utf8")),
                      "JSON, case %zu: %s", i, ipart_error_last()->key);
        ipart_partnership_free(p);
    }
}

/* ---- out of memory and misuse ----------------------------------------------------------- */

/* Every event of Stavanger built and applied with allocation 1, 2, ... failing in
 * turn: IPART_ENOMEM and nothing changed, or applied as without the failure. */
Test(builder, a_failed_allocation_changes_nothing, .timeout = 300)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    const cJSON *doc = harness_member(kase, "document");
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, harness_text(doc, "profile")));
    const cJSON *ev;
    long failures = 0;
    cJSON_ArrayForEach(ev, harness_member(doc, "events")) {
        char *before = save(p);
        for (long n = 1;; n++) {
            ipart_event *built = NULL;
            harness_fail_at(n);
            ipart_status rc = build(&built, ev, ipart_partnership_currency(p));
            if (rc == IPART_OK)
                rc = ipart_partnership_apply_event(p, built);
            int injected = harness_failure_injected();
            harness_fail_at(0);
            ipart_event_free(built);
            if (!injected) {
                assert_ok(rc);
                break;
            }
            cr_assert_eq(rc, IPART_ENOMEM, "allocation %ld: %s", n, ipart_error_last()->message);
            char *after = save(p);
            cr_assert_str_eq(after, before);
            ipart_free(after);
            failures++;
        }
        ipart_free(before);
    }
    /* 307 over Stavanger's 123 events: a new party is one block and the log
     * texts share blocks of up to 8 KB, so most events allocate little */
    cr_assert_gt(failures, 300);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

/* A builder of tenders_evaluated whose arena is nearly full, so that its
 * first element of scores takes a fresh chunk: its reason lengthened until
 * that set allocates (a first failure injected; the refused set changed
 * nothing). */
static ipart_event *nearly_full(void)
{
    static char reason[8192];
    for (size_t len = 100; len < sizeof reason; len += 8) {
        ipart_event *e = NULL;
        assert_ok(ipart_event_new(&e, "tenders_evaluated"));
        memset(reason, 'x', len);
        reason[len] = '\0';
        assert_ok(ipart_event_set_string(e, "reason", reason));
        harness_fail_at(1);
        ipart_status rc = ipart_event_set_string(e, "scores[0].tenderer", "op01");
        int injected = harness_failure_injected();
        harness_fail_at(0);
        if (injected) {
            cr_assert_eq(rc, IPART_ENOMEM);
            return e;
        }
        ipart_event_free(e);
    }
    cr_assert_fail("no reason made the arena nearly full");
    return NULL;
}

/* A set that fails for memory leaves the event as it was: the element it
 * would have added is not there (the arena is nearly full, so the new
 * element's array takes a fresh chunk). */
Test(builder, a_set_failed_for_memory_leaves_the_event_as_it_was)
{
    ipart_event *e = nearly_full();
    long n = 1;
    for (;; n++) {
        harness_fail_at(n);
        ipart_status rc = ipart_event_set_string(e, "scores[0].tenderer", "op01");
        int injected = harness_failure_injected();
        harness_fail_at(0);
        if (!injected) {
            assert_ok(rc);
            break;
        }
        cr_assert_eq(rc, IPART_ENOMEM);
        /* no element was added: the next index is still 0 */
        cr_assert_eq(ipart_event_set_string(e, "scores[1].tenderer", "op02"), IPART_EINVAL);
        cr_assert_str_eq(ipart_error_last()->key, "event.builder.index");
    }
    cr_assert_gt(n, 1);
    assert_ok(ipart_event_set_string(e, "scores[1].tenderer", "op02"));
    ipart_event_free(e);
}

/* The first set of a new builder allocates what only the setters use; when
 * that fails, nothing was set and the builder works on. A reset builder
 * starts again with nothing set. */
Test(builder, a_first_set_failed_for_memory_leaves_the_builder_usable)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    ipart_partnership *p = harness_replay(kase, 3);
    ipart_event *e = NULL;
    assert_ok(ipart_event_new(&e, "note_recorded"));
    harness_fail_at(1);
    ipart_status rc = ipart_event_set_date(e, "date", (ipart_date){2020, 1, 2});
    int injected = harness_failure_injected();
    harness_fail_at(0);
    cr_assert(injected, "the first set allocates");
    cr_assert_eq(rc, IPART_ENOMEM);
    assert_ok(ipart_event_set_string(e, "actor", "aut01"));
    cr_assert_eq(ipart_partnership_apply_event(p, e), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$.date", "the failed date is not set");
    assert_ok(ipart_event_set_date(e, "date", (ipart_date){2020, 1, 2}));
    assert_ok(ipart_event_reset(e, "note_recorded"));
    assert_ok(ipart_event_set_string(e, "actor", "aut01"));
    cr_assert_eq(ipart_partnership_apply_event(p, e), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$.date", "the date before the reset is gone");
    cr_assert_eq(ipart_partnership_event_count(p), 3);
    ipart_event_free(e);
    ipart_partnership_free(p);
    cJSON_Delete(kase);
}

Test(builder, misuse_and_malformed_paths_are_errors_not_crashes)
{
    ipart_event *e = NULL;
    cr_assert_eq(ipart_event_new(NULL, "note_recorded"), IPART_EMISUSE);
    cr_assert_eq(ipart_event_new(&e, NULL), IPART_EMISUSE);
    cr_assert_eq(ipart_event_new(&e, "no_such_event"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "event.type.unknown");
    cr_assert_null(e);
    assert_ok(ipart_event_new(&e, "tenders_evaluated"));
    cr_assert_eq(ipart_event_set_string(NULL, "reason", "x"), IPART_EMISUSE);
    cr_assert_eq(ipart_event_set_string(e, NULL, "x"), IPART_EMISUSE);
    cr_assert_eq(ipart_event_set_string(e, "reason", NULL), IPART_EMISUSE);
    cr_assert_eq(ipart_partnership_apply_event(NULL, e), IPART_EMISUSE);
    cr_assert_eq(ipart_event_reset(NULL, "note_recorded"), IPART_EMISUSE);
    cr_assert_eq(ipart_event_reset(e, "nope"), IPART_EINVAL);
    cr_assert_str_eq(ipart_event_type(e), "tenders_evaluated", "a failed reset changes nothing");
    cr_assert_str_eq(ipart_event_type(NULL), "");
    static const char *const bad[] = {"", ".", "scores.", "scores[", "scores[x]", "scores[0",
                                      "scores[0]x", "a..b", "scores[0].."};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_eq(ipart_event_set_int(e, bad[i], 1), IPART_EINVAL, "'%s'", bad[i]);
        cr_assert_neq(ipart_error_last()->message[0], '\0');
    }
    cr_assert_eq(ipart_event_set_string(e, "type", "note_recorded"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "event.builder.type");
    cr_assert_eq(ipart_event_set_string(e, "scores[0].tenderer.x", "op01"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$.scores[0].tenderer");
    cr_assert_eq(ipart_event_set_string(e, "reason[0]", "x"), IPART_EINVAL);
    cr_assert_eq(ipart_event_set_null(e, "reason"), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->message, "$.reason: expected a string, got null");
    cr_assert_eq(ipart_event_set_int(e, "scores[0].score", -1), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "document.integer.range");
    cr_assert_eq(ipart_event_set_date(e, "date", (ipart_date){2019, 2, 29}), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->key, "date.parse.nonexistent");
    cr_assert_str_eq(ipart_error_last()->path, "$.date");
    ipart_money sek = {100, "XXX"};
    cr_assert_eq(ipart_event_set_money(e, "date", sek), IPART_EINVAL);
    ipart_field_kind kind;
    cr_assert_eq(ipart_event_field_kind(NULL, e, "reason"), IPART_EMISUSE);
    assert_ok(ipart_event_field_kind(&kind, e, "scores[7]"));
    cr_assert_eq(kind, IPART_FIELD_OBJECT);
    assert_ok(ipart_event_field_kind(&kind, e, "scores"));
    cr_assert_eq(kind, IPART_FIELD_ARRAY);
    ipart_event_free(e);
    ipart_event_free(NULL);
}

/* Money in another currency than the case's is refused when applied. */
Test(builder, an_amount_in_another_currency_is_refused_when_applied)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    char *before = save(p);
    ipart_event *e = NULL;
    assert_ok(ipart_event_new(&e, "instalment_paid"));
    assert_ok(ipart_event_set_date(e, "date", (ipart_date){2019, 12, 3}));
    assert_ok(ipart_event_set_string(e, "actor", "stavanger"));
    assert_ok(ipart_event_set_string(e, "partner", "op05"));
    assert_ok(ipart_event_set_null(e, "instalment"));
    ipart_money sek = {100, "SEK"};
    assert_ok(ipart_event_set_money(e, "amount", sek));
    cr_assert_eq(ipart_partnership_apply_event(p, e), IPART_ECURRENCY);
    cr_assert_str_eq(ipart_error_last()->path, "$.amount");
    char *after = save(p);
    cr_assert_str_eq(after, before);
    ipart_free(before);
    ipart_free(after);
    ipart_event_free(e);
    ipart_partnership_free(p);
}

/* ---- batches (ipart_partnership_apply_events) ------------------------------------------------ */

/* The events of a golden document, each built into its own event. */
typedef struct built_batch {
    ipart_event **events;
    size_t count;
} built_batch;

static built_batch build_all(const cJSON *events, const char *currency)
{
    built_batch b = {calloc((size_t)cJSON_GetArraySize(events) + 1, sizeof(ipart_event *)), 0};
    const cJSON *ev;
    cJSON_ArrayForEach(ev, events) {
        built_ok(build(&b.events[b.count], ev, currency), "build_all", b.count);
        b.count++;
    }
    return b;
}

static void assert_same_saved(const ipart_partnership *got, const ipart_partnership *want,
                              const char *what)
{
    char *a = save(got), *b = save(want);
    cr_assert_str_eq(a, b, "%s: saved bytes", what);
    ipart_free(a);
    ipart_free(b);
}

static void free_batch(built_batch *b)
{
    for (size_t i = 0; i < b->count; i++)
        ipart_event_free(b->events[i]);
    free(b->events);
}

static size_t same_bytes_in_one_batch(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "procedure/%s", name);
    cJSON *kase = harness_load_case(path);
    const cJSON *doc = harness_member(kase, "document");
    ipart_partnership *by_text = NULL, *by_batch = NULL;
    two_new(&by_text, &by_batch, doc);
    char *texts = cJSON_PrintUnformatted(harness_member(doc, "events"));
    assert_ok(ipart_partnership_apply_all(by_text, texts));
    cJSON_free(texts);
    built_batch b = build_all(harness_member(doc, "events"), ipart_partnership_currency(by_text));
    size_t applied = 99;
    assert_ok(ipart_partnership_apply_events(by_batch, (const ipart_event *const *)b.events,
                                             b.count, &applied));
    cr_assert_eq(applied, b.count, "%s", name);
    assert_same_saved(by_batch, by_text, name);
    free_batch(&b);
    ipart_partnership_free(by_text);
    ipart_partnership_free(by_batch);
    cJSON_Delete(kase);
    return applied;
}

Test(builder, a_batch_of_every_golden_procedure_saves_the_bytes_of_the_json_path, .timeout = 300)
{
    cr_assert_gt(over_procedures(same_bytes_in_one_batch), 600);
}

/* A rejection in the middle of a batch: up to two accepted events of its
 * base before it and one after. The batch fails with the error
 * ipart_partnership_apply_all() gives for the same events as a JSON array
 * (its path names the refused event, "$[2]..."), the events before it stay
 * applied, and the document is the one of the events before it alone.
 * 1 when compared, 0 when the builder cannot express the rejection. */
static int same_rejection_in_a_batch(const cJSON *kase)
{
    const char *name = harness_text(kase, "name");
    const cJSON *refused = item(kase, "event");
    if (!cJSON_IsObject(refused))
        return 0;
    cJSON *base = base_case(harness_text(kase, "base"));
    const cJSON *events = harness_member(harness_member(base, "document"), "events");
    int prefix = (int)harness_int(kase, "prefix"), before = prefix < 2 ? prefix : 2;
    ipart_partnership *expected = harness_replay(base, prefix);
    ipart_partnership *by_json = harness_replay(base, prefix - before);
    ipart_partnership *by_batch = harness_replay(base, prefix - before);
    const char *currency = ipart_partnership_currency(expected);

    cJSON *array = cJSON_CreateArray();
    for (int i = prefix - before; i < prefix; i++)
        cJSON_AddItemToArray(array, cJSON_Duplicate(cJSON_GetArrayItem(events, i), 1));
    cJSON_AddItemToArray(array, cJSON_Duplicate(refused, 1));
    if (prefix < cJSON_GetArraySize(events))
        cJSON_AddItemToArray(array, cJSON_Duplicate(cJSON_GetArrayItem(events, prefix), 1));
    ipart_event *batch[4] = {NULL};
    size_t count = 0;
    int expressed = 1;
    const cJSON *ev;
    cJSON_ArrayForEach(ev, array)
        expressed &= build(&batch[count++], ev, currency) == IPART_OK;
    if (expressed) {
        char *text = cJSON_PrintUnformatted(array);
        error_copy json_error = copy_error(ipart_partnership_apply_all(by_json, text));
        cJSON_free(text);
        size_t applied = 99;
        error_copy batch_error = copy_error(ipart_partnership_apply_events(
            by_batch, (const ipart_event *const *)batch, count, &applied));
        cr_assert_neq(batch_error.code, IPART_OK, "%s: applied", name);
        assert_same_error(&json_error, &batch_error, name);
        char at[16];
        snprintf(at, sizeof at, "$[%d]", before);
        cr_assert(strncmp(batch_error.path, at, strlen(at)) == 0, "%s: path %s", name,
                  batch_error.path);
        cr_assert_eq(applied, (size_t)before, "%s", name);
        assert_same_saved(by_batch, expected, name); /* the refused part changed nothing */
    }
    for (size_t i = 0; i < count; i++)
        ipart_event_free(batch[i]);
    cJSON_Delete(array);
    ipart_partnership_free(expected);
    ipart_partnership_free(by_json);
    ipart_partnership_free(by_batch);
    cJSON_Delete(base);
    return expressed;
}

Test(builder, a_rejection_in_a_batch_gives_apply_all_s_error_and_keeps_the_events_before,
     .timeout = 300)
{
    cJSON *cases = harness_load_case("procedure/rejections.json");
    int compared = 0, total = 0;
    const cJSON *kase;
    cJSON_ArrayForEach(kase, cases) {
        compared += same_rejection_in_a_batch(kase);
        total++;
    }
    cr_log_info("%d of %d rejections compared in a batch", compared, total);
    cr_assert_gt(compared, total * 8 / 10, "only %d of %d rejections compared", compared, total);
    cJSON_Delete(cases);
}

Test(builder, an_empty_batch_null_elements_and_a_read_only_handle)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    char *before = save(p);
    size_t applied = 99;
    assert_ok(ipart_partnership_apply_events(p, NULL, 0, &applied));
    cr_assert_eq(applied, 0);
    assert_ok(ipart_partnership_apply_events(p, NULL, 0, NULL));
    assert_fails_with(ipart_partnership_apply_events(NULL, NULL, 0, &applied), IPART_EMISUSE);
    assert_fails_with(ipart_partnership_apply_events(p, NULL, 2, &applied), IPART_EMISUSE);
    char *after = save(p);
    cr_assert_str_eq(after, before);
    ipart_free(after);

    ipart_event *note = NULL;
    assert_ok(ipart_event_new(&note, "note_recorded"));
    assert_ok(ipart_event_set_date(note, "date", (ipart_date){2019, 12, 3}));
    assert_ok(ipart_event_set_string(note, "actor", "stavanger"));
    assert_ok(ipart_event_set_string(note, "text", "Notert."));
    const ipart_event *with_null[] = {note, NULL, note};
    assert_fails_with(ipart_partnership_apply_events(p, with_null, 3, &applied), IPART_EMISUSE);
    cr_assert_str_eq(ipart_error_last()->path, "$[1]");
    cr_assert_str_eq(ipart_error_last()->message,
                     "ipart_partnership_apply_events: argument 'events[1]' must not be NULL");
    cr_assert_eq(applied, 1);
    size_t count = ipart_partnership_event_count(p);
    /* the same event twice: it is only read */
    const ipart_event *twice[] = {note, note};
    assert_ok(ipart_partnership_apply_events(p, twice, 2, NULL));
    cr_assert_eq(ipart_partnership_event_count(p), count + 2);

    ipart_partnership *scoped = NULL;
    assert_ok(ipart_partnership_as_party(&scoped, p, "op01"));
    assert_fails_with(ipart_partnership_apply_events(scoped, twice, 2, &applied), IPART_EPERM);
    cr_assert_str_eq(ipart_error_last()->rule, "R19");
    cr_assert_str_eq(ipart_error_last()->path, "$[0]");
    cr_assert_eq(applied, 0);
    ipart_partnership_free(scoped);
    ipart_event_free(note);
    ipart_free(before);
    ipart_partnership_free(p);
}

/* Allocation 1, 2, ... of a three-event batch failing in turn: IPART_ENOMEM,
 * *applied events applied and the document theirs, nothing of the rest. */
Test(builder, a_failed_allocation_in_a_batch_keeps_the_events_before_it, .timeout = 300)
{
    cJSON *kase = harness_load_case("procedure/stavanger.json");
    const cJSON *events = harness_member(harness_member(kase, "document"), "events");
    ipart_partnership *reference = harness_replay(kase, -1);
    built_batch b = build_all(events, ipart_partnership_currency(reference));
    const ipart_event *const *three = (const ipart_event *const *)b.events + 20;
    long failures = 0;
    size_t latest_kept = 0; /* the most events kept by a failed batch */
    for (long n = 1;; n++) {
        ipart_partnership *p = harness_replay(kase, 20);
        size_t applied = 99;
        harness_fail_at(n);
        ipart_status rc = ipart_partnership_apply_events(p, three, 3, &applied);
        int injected = harness_failure_injected();
        harness_fail_at(0);
        ipart_partnership *expected = harness_replay(kase, 20 + (int)applied);
        assert_same_saved(p, expected, "after a failed allocation");
        ipart_partnership_free(expected);
        ipart_partnership_free(p);
        if (!injected) {
            assert_ok(rc);
            cr_assert_eq(applied, 3);
            break;
        }
        cr_assert_eq(rc, IPART_ENOMEM, "allocation %ld: %s", n, ipart_error_last()->message);
        cr_assert_lt(applied, 3);
        latest_kept = applied > latest_kept ? applied : latest_kept;
        failures++;
    }
    /* Failures were injected in more than the first event: some kept events. */
    cr_assert_gt(failures, 1);
    cr_assert_gt(latest_kept, 0);
    free_batch(&b);
    ipart_partnership_free(reference);
    cJSON_Delete(kase);
}
