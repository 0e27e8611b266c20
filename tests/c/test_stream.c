/*
 * The streaming JSON decoder (io/json_stream_p.h, issue #18) against the
 * cJSON reference: canonical documents and events are read by the stream
 * alone, to the same state and bytes; cJSON's quirks (white space up to
 * byte 32, escaped keys, numbers through strtod) are followed; what the
 * stream does not take, the reference decides, so every error is the
 * reference's; out of memory is IPART_ENOMEM with nothing leaked.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"
#include "io/document_p.h"
#include "io/json_stream_p.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(stream, IPART_TEST_FIXTURE);

/* ---- helpers ----------------------------------------------------------------- */

static char *copy_text(const char *s)
{
    char *copy = malloc(strlen(s) + 1);
    cr_assert_not_null(copy);
    return strcpy(copy, s);
}

typedef struct outcome {
    ipart_status rc;
    char detail[5][512]; /* rule, source, path, key, message */
    char *saved;         /* the test's malloc'd copy of save's bytes, or NULL */
} outcome;

static void record(outcome *o, ipart_status rc, ipart_partnership *p)
{
    memset(o, 0, sizeof *o);
    o->rc = rc;
    const ipart_error *e = ipart_error_last();
    if (rc != IPART_OK) {
        const char *parts[5] = {e->rule, e->source, e->path, e->key, e->message};
        for (int i = 0; i < 5; i++)
            snprintf(o->detail[i], sizeof o->detail[i], "%s", parts[i]);
    }
    if (p) {
        char *saved = NULL;
        assert_ok(ipart_partnership_save(&saved, p));
        o->saved = copy_text(saved);
        ipart_free(saved);
    }
}

static void assert_same(const outcome *a, const outcome *b, const char *what)
{
    cr_assert_eq(a->rc, b->rc, "%s: status %s vs %s (%s)", what, ipart_error_name(a->rc),
                 ipart_error_name(b->rc), b->detail[4]);
    for (int i = 0; i < 5; i++)
        cr_assert_str_eq(a->detail[i], b->detail[i], "%s: error detail %d differs", what, i);
    cr_assert_eq(!a->saved, !b->saved, "%s", what);
    if (a->saved)
        cr_assert_str_eq(a->saved, b->saved, "%s: saved bytes differ", what);
}

/* Load `text` through both readers: the same outcome, and whether the
 * stream alone took it. Returns the reference's status. */
static ipart_status same_load(const char *text, int stream_alone)
{
    ipart_partnership *ref = NULL, *str = NULL, *alone = NULL;
    outcome a, b;
    ipart_status rc = ipart__load_with(&ref, text, IPART__DECODER_CJSON);
    record(&a, rc, rc == IPART_OK ? ref : NULL);
    rc = ipart__load_with(&str, text, IPART__DECODER_STREAM);
    record(&b, rc, rc == IPART_OK ? str : NULL);
    assert_same(&a, &b, text);
    ipart__stream_result taken = ipart__stream_load(&alone, text, strlen(text));
    cr_assert_eq(taken == IPART__STREAM_TAKEN, stream_alone, "the stream %s: %.200s",
                 stream_alone ? "declined" : "took", text);
    ipart_partnership_free(alone);
    ipart_partnership_free(ref);
    ipart_partnership_free(str);
    free(a.saved);
    free(b.saved);
    return a.rc;
}

/* Apply `event` to two clones of `base`, one per reader. */
static ipart_status same_apply(const ipart_partnership *base, const char *event, int stream_alone)
{
    ipart_partnership *ref = NULL, *str = NULL;
    assert_ok(ipart_partnership_clone(&ref, base));
    assert_ok(ipart_partnership_clone(&str, base));
    outcome a, b;
    record(&a, ipart__apply_with(ref, event, IPART__DECODER_CJSON), ref);
    record(&b, ipart__apply_with(str, event, IPART__DECODER_STREAM), str);
    assert_same(&a, &b, event);
    ipart__decoded d;
    ipart__stream_result taken = ipart__stream_event(&d, str, event, strlen(event));
    if (taken == IPART__STREAM_TAKEN)
        ipart__arena_free(&d.arena);
    cr_assert_eq(taken == IPART__STREAM_TAKEN, stream_alone, "the stream %s: %.200s",
                 stream_alone ? "declined" : "took", event);
    ipart_partnership_free(ref);
    ipart_partnership_free(str);
    free(a.saved);
    free(b.saved);
    return a.rc;
}

/* A small document: the envelope and one partnership_created whose title
 * is `title` (raw JSON string body) and `extra` members after "type". */
static char *document(const char *envelope_tail, const char *title)
{
    static char out[2048];
    snprintf(out, sizeof out,
             "{\"format\":\"ipart-document\",\"version\":1,\"profile\":\"NO\",\"events\":[\n"
             "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\",\"actor\":\"a\","
             "\"authority\":{\"id\":\"a\",\"name\":\"A\",\"kind\":\"sub_central\"},"
             "\"title\":\"%s\",\"currency\":\"NOK\"}\n]}%s",
             title, envelope_tail);
    return out;
}

static char *canonical(const char *case_name)
{
    ipart_partnership *p = harness_load_procedure(case_name);
    char *saved = NULL;
    assert_ok(ipart_partnership_save(&saved, p));
    char *copy = copy_text(saved);
    ipart_free(saved);
    ipart_partnership_free(p);
    return copy;
}

/* ---- what the stream reads alone ------------------------------------------- */

Test(stream, reads_every_golden_procedure_alone_to_the_same_bytes)
{
    static const char *const cases[] = {
        "stavanger.json",         "no_without_reduction.json", "no_authority_owns.json",
        "se_initial_award.json",  "se_negotiated.json",        "dk_procedure.json",
        "works_at_threshold.json", "joint_klimagrunn.json",    "consortium_ostfold.json",
        "troms_finnmark_dialogue.json", "stavanger_after_option.json"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *text = canonical(cases[i]);
        cr_assert_eq(same_load(text, 1), IPART_OK, "%s", cases[i]);
        free(text);
    }
}

Test(stream, applies_every_stavanger_event_alone_as_the_reference)
{
    ipart_partnership *full = harness_load_procedure("stavanger.json");
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, ipart_partnership_profile(full)));
    for (size_t i = 0; i < ipart_partnership_event_count(full); i++) {
        char *event = NULL;
        assert_ok(ipart_partnership_event_at(&event, full, i));
        cr_assert_eq(same_apply(p, event, 1), IPART_OK, "event %zu", i);
        assert_ok(ipart__apply_with(p, event, IPART__DECODER_STREAM));
        ipart_free(event);
    }
    char *a = NULL, *b = NULL;
    assert_ok(ipart_partnership_save(&a, p));
    assert_ok(ipart_partnership_save(&b, full));
    cr_assert_str_eq(a, b);
    ipart_free(a);
    ipart_free(b);
    ipart_partnership_free(p);
    ipart_partnership_free(full);
}

Test(stream, follows_cjson_grammar_quirks)
{
    /* White space is any byte up to 32 between tokens. */
    char text[2200];
    snprintf(text, sizeof text, " \t\x01%s", document("", "T"));
    cr_assert_eq(same_load(text, 1), IPART_OK);
    cr_assert_eq(same_load(document("\n \r\t", "T"), 1), IPART_OK);
    /* Keys and values are compared unescaped; surrogate pairs are UTF-8. */
    cr_assert_eq(same_load(document("", "\\u0054it\\/le \\ud83d\\ude00"), 1), IPART_OK);
    const char *escaped_key =
        "{\"format\":\"ipart-document\",\"vers\\u0069on\":1e0,\"profile\":\"NO\",\"events\":[]}";
    cr_assert_eq(same_load(escaped_key, 1), IPART_OK);
    /* Numbers go through strtod: a leading zero is read as cJSON reads it. */
    cr_assert_eq(same_load("{\"format\":\"ipart-document\",\"version\":01,\"profile\":\"NO\","
                           "\"events\":[]}", 1), IPART_OK);
    /* A \u with a bad digit is U+0000 to cJSON, which cuts the string:
     * the stream leaves that to the reference (same bytes). */
    cr_assert_eq(same_load(document("", "Ti\\u00G0tle"), 0), IPART_OK);
}

Test(stream, declines_orders_it_does_not_follow_with_the_same_result)
{
    cr_assert_eq(same_load("{\"version\":1,\"format\":\"ipart-document\",\"profile\":\"NO\","
                           "\"events\":[]}", 0), IPART_OK);
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    ipart_partnership *fresh = NULL;
    assert_ok(ipart_partnership_new(&fresh, "NO"));
    cr_assert_eq(same_apply(fresh,
                            "{\"date\":\"2017-02-09\",\"type\":\"partnership_created\",\"actor\":\"a\","
                            "\"authority\":{\"id\":\"a\",\"name\":\"A\",\"kind\":\"sub_central\"},"
                            "\"title\":\"t\",\"currency\":\"NOK\"}", 0), IPART_OK);
    ipart_partnership_free(fresh);
    ipart_partnership_free(p);
}

/* ---- what it refuses: the reference's errors ------------------------------------ */

Test(stream, refusals_carry_the_reference_error)
{
    static const struct { const char *tail, *title; ipart_status rc; } cases[] = {
        {"x", "T", IPART_EPARSE},                  /* json.trailing */
        {"\x01", "T", IPART_EPARSE},               /* only space, tab, CR, LF after the value */
        {"", "T\\u0000", IPART_EINVAL},            /* document.string.nul */
        {"", "T\\ud83d", IPART_EPARSE},            /* a lone surrogate */
        {"", "T\\q", IPART_EPARSE},                /* an unknown escape */
        {"", "T\",\"title\":\"again", IPART_EINVAL}, /* document.key.duplicate */
        {"", "T\",\"titel\":\"x", IPART_EINVAL},   /* document.field.unknown */
        {"", "\\u00e9\xff", IPART_EINVAL},         /* document.string.utf8 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_assert_eq(same_load(document(cases[i].tail, cases[i].title), 0), cases[i].rc,
                     "case %zu", i);
    cr_assert_eq(same_load("\xEF\xBB\xBF{}", 0), IPART_EPARSE);                 /* json.bom */
    cr_assert_eq(same_load("{\"format\":\"ipart-document\",\"version\":2,\"profile\":\"NO\","
                           "\"events\":[]}", 0), IPART_EVERSION);
    cr_assert_eq(same_load("{\"format\":\"ipart-document\",\"version\":1,\"profile\":\"XX\","
                           "\"events\":[]}", 0), IPART_EINVAL);
    cr_assert_eq(same_load("{\"format\":\"ipart-document\",\"version\":1,\"profile\":\"NO\","
                           "\"events\":[],}", 0), IPART_EPARSE);
    cr_assert_eq(same_load("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", 0),
                 IPART_ERANGE);
}

Test(stream, a_refused_event_in_a_document_is_the_reference_error)
{
    char *text = canonical("stavanger.json");
    /* The 40th event dated before the first: a guard refuses it mid-replay. */
    char *at = text;
    for (int i = 0; i < 40; i++)
        at = strstr(at + 1, "\"date\":\"");
    memcpy(at + 8, "1999", 4);
    cr_assert_neq(same_load(text, 0), IPART_OK);
    free(text);
}

Test(stream, guard_refusals_of_a_decoded_event_are_the_reference_errors)
{
    ipart_partnership *p = harness_load_procedure("stavanger.json");
    char *event = NULL;
    assert_ok(ipart_partnership_event_at(&event, p, 5));
    /* Decoded by the stream alone, then refused by the stage guard. */
    cr_assert_neq(same_apply(p, event, 1), IPART_OK);
    ipart_free(event);
    ipart_partnership_free(p);
}

/* ---- memory ------------------------------------------------------------------- */

static ipart_status load_streamed(void *ctx)
{
    ipart_partnership *p = NULL;
    ipart_status rc = ipart__load_with(&p, ctx, IPART__DECODER_STREAM);
    ipart_partnership_free(p);
    return rc;
}

Test(stream, out_of_memory_anywhere_is_enomem_and_leaks_nothing)
{
    char *text = canonical("stavanger.json");
    long n = harness_fail_each(load_streamed, text);
    cr_assert_gt(n, 50, "%ld allocations", n); /* every one of them failed once */
    free(text);
}

Test(stream, a_streamed_load_holds_what_the_reference_load_holds)
{
    char *text = canonical("stavanger.json");
    ipart_partnership *ref = NULL, *str = NULL;
    long before = harness_live();
    assert_ok(ipart__load_with(&ref, text, IPART__DECODER_CJSON));
    long held_by_reference = harness_live() - before;
    before = harness_live();
    assert_ok(ipart__load_with(&str, text, IPART__DECODER_STREAM));
    long held = harness_live() - before;
    cr_assert_eq(held, held_by_reference, "blocks held after load: %ld, reference %ld", held,
                 held_by_reference);
    ipart_partnership_free(ref);
    ipart_partnership_free(str);
    free(text);
}
