/*
 * The streaming JSON decoder (io/json_stream_p.h, issue #18) against the
 * cJSON reference: canonical documents and events are read by the stream
 * alone, to the same state and bytes; cJSON's quirks (white space up to
 * byte 32, escaped keys, numbers through strtod) are followed; what the
 * stream does not take, the reference decides, so every error is the
 * reference's; out of memory is IPART_ENOMEM with nothing leaked. A batch
 * (ipart_partnership_apply_all) is streamed only once its whole text is
 * proved acceptable to the cJSON path, so text errors apply nothing and
 * every error and saved byte is the reference's.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "harness.h"
#include "io/batch_p.h"
#include "io/codec_p.h"
#include "io/document_p.h"
#include "io/json_p.h"
#include "io/json_stream_p.h"
#include "io/json_word_p.h"
#include "io/codec_p.h"
#include "model/event_spec_p.h"

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

/* Load `text` through both readers: the same harness_outcome, and whether the
 * stream alone took it. Returns the reference's status. */
static ipart_status same_load(const char *text, int stream_alone)
{
    ipart_partnership *ref = NULL, *str = NULL, *alone = NULL;
    harness_outcome a, b;
    ipart_status rc = ipart__load_with(&ref, text, IPART__DECODER_CJSON);
    harness_record(&a, rc, rc == IPART_OK ? ref : NULL);
    rc = ipart__load_with(&str, text, IPART__DECODER_STREAM);
    harness_record(&b, rc, rc == IPART_OK ? str : NULL);
    harness_assert_same(&a, &b, text);
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
    harness_outcome a, b;
    harness_record(&a, ipart__apply_with(ref, event, IPART__DECODER_CJSON), ref);
    harness_record(&b, ipart__apply_with(str, event, IPART__DECODER_STREAM), str);
    harness_assert_same(&a, &b, event);
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

/* ---- batches (ipart__apply_all_with) ------------------------------------------ */

/* Any harness_outcome of ipart__apply_ahead or the check (same_batch_ahead). */
#define AHEAD_ANY (-1)

/* ipart__apply_ahead alone on a clone of `base` (whose bytes are
 * before->saved): when it takes the batch, the reference's harness_outcome
 * `reference`; otherwise nothing changed. What it made of the text. */
static ipart__stream_result ahead_alone(const ipart_partnership *base, const char *text,
                                        const harness_outcome *reference, const harness_outcome *before)
{
    ipart_partnership *c = NULL;
    assert_ok(ipart_partnership_clone(&c, base));
    ipart_status rc = IPART_OK;
    ipart__stream_result taken = ipart__apply_ahead(c, text, strlen(text), &rc);
    harness_outcome o;
    harness_record(&o, rc, c);
    if (taken == IPART__STREAM_TAKEN) {
        harness_assert_same(reference, &o, text);
    } else {
        cr_assert_str_eq(o.saved, before->saved, "not taken ahead, nothing applied");
        cr_assert_eq(rc, IPART_OK, "a batch not taken ahead has no harness_outcome of its own");
    }
    ipart_partnership_free(c);
    free(o.saved);
    return taken;
}

/* Apply the batch `text` to two clones of `base`, one per reader: the same
 * status, error and saved bytes; nothing applied means base's bytes. `proved`
 * says whether ipart__json_accepts_array() takes the text (the stream then
 * applies it event by event; otherwise the cJSON path applies it whole;
 * AHEAD_ANY: not checked); *ahead what ipart__apply_ahead must make of it
 * (an ipart__stream_result, or AHEAD_ANY), then what it made: it has the
 * reference's harness_outcome when it takes the batch.
 * The reference's status; *applied its number of events applied. */
static ipart_status same_batch_ahead(const ipart_partnership *base, const char *text, int proved,
                                     int *ahead, size_t *applied)
{
    ipart_partnership *ref = NULL, *str = NULL;
    assert_ok(ipart_partnership_clone(&ref, base));
    assert_ok(ipart_partnership_clone(&str, base));
    harness_outcome a, b, before;
    harness_record(&before, IPART_OK, ref);
    harness_record(&a, ipart__apply_all_with(ref, text, IPART__DECODER_CJSON), ref);
    ipart__stream_result taken = ahead_alone(base, text, &a, &before);
    harness_record(&b, ipart__apply_all_with(str, text, IPART__DECODER_STREAM), str);
    harness_assert_same(&a, &b, text);
    if (*ahead != AHEAD_ANY)
        cr_assert_eq((int)taken, *ahead, "ahead: %d, expected %d: %.300s", (int)taken, *ahead,
                     text);
    *ahead = (int)taken;
    size_t count = 0;
    if (proved != AHEAD_ANY)
        cr_assert_eq(ipart__json_accepts_array(text, strlen(text), &count), proved,
                     "the check %s: %.300s", proved ? "declined" : "proved", text);
    *applied = ipart_partnership_event_count(ref) - ipart_partnership_event_count(base);
    if (*applied == 0)
        cr_assert_str_eq(a.saved, before.saved, "nothing applied, nothing changed");
    ipart_partnership_free(ref);
    ipart_partnership_free(str);
    free(a.saved);
    free(b.saved);
    free(before.saved);
    return a.rc;
}

static ipart_status same_batch(const ipart_partnership *base, const char *text, int proved,
                               size_t *applied)
{
    int ahead = AHEAD_ANY;
    return same_batch_ahead(base, text, proved, &ahead, applied);
}

/* The first `count` events of `p` as one JSON array text (malloc'd), one
 * event per line; starts[i] is where event i begins. */
static char *batch_of(const ipart_partnership *p, size_t count, size_t *starts)
{
    size_t size = 4, length = 1;
    char *text = malloc(size);
    cr_assert_not_null(text);
    text[0] = '[';
    for (size_t i = 0; i < count; i++) {
        char *event = NULL;
        assert_ok(ipart_partnership_event_at(&event, p, i));
        size_t n = strlen(event);
        if (length + n + 4 > size) {
            size = 2 * (length + n + 4);
            text = realloc(text, size);
            cr_assert_not_null(text);
        }
        if (i)
            memcpy(text + length, ",\n", 2), length += 2;
        if (starts)
            starts[i] = length;
        memcpy(text + length, event, n);
        length += n;
        ipart_free(event);
    }
    memcpy(text + length, "]", 2);
    return text;
}

/* `text` with the first `old` at or after `from` replaced by `with` (malloc'd). */
static char *edited(const char *text, size_t from, const char *old, const char *with)
{
    const char *at = strstr(text + from, old);
    cr_assert_not_null(at, "no '%s' to edit", old);
    size_t head = (size_t)(at - text), n = strlen(with);
    char *out = malloc(strlen(text) - strlen(old) + n + 1);
    cr_assert_not_null(out);
    memcpy(out, text, head);
    memcpy(out + head, with, n);
    strcpy(out + head + n, at + strlen(old));
    return out;
}

static ipart_partnership *new_case(void)
{
    ipart_partnership *p = NULL;
    assert_ok(ipart_partnership_new(&p, "NO"));
    return p;
}

Test(stream, a_batch_is_streamed_to_the_bytes_of_the_loaded_case)
{
    /* From a new partnership: the batch's partnership_created sets the
     * currency that its later money fields are decoded in. */
    ipart_partnership *full = harness_load_procedure("stavanger.json"), *p = new_case();
    size_t n = ipart_partnership_event_count(full), applied = 0;
    char *text = batch_of(full, n, NULL);
    cr_assert_eq(same_batch(p, text, 1, &applied), IPART_OK);
    cr_assert_eq(applied, n);
    assert_ok(ipart__apply_all_with(p, text, IPART__DECODER_STREAM));
    char *a = NULL, *b = NULL;
    assert_ok(ipart_partnership_save(&a, p));
    assert_ok(ipart_partnership_save(&b, full));
    cr_assert_str_eq(a, b);
    /* White space as cJSON prints it, and an empty batch. */
    cr_assert_eq(same_batch(p, " \n[ ]\r\n\t", 1, &applied), IPART_OK);
    cr_assert_eq(applied, 0);
    ipart_free(a);
    ipart_free(b);
    free(text);
    ipart_partnership_free(p);
    ipart_partnership_free(full);
}

/* Text the cJSON path refuses as text, each defect in the batch's last
 * event (or after it): nothing applies, with the cJSON path's error, though
 * every event before the defect would apply on its own. */
Test(stream, a_batch_refused_as_text_applies_nothing_with_the_reference_error)
{
    ipart_partnership *full = harness_load_procedure("stavanger.json"), *p = new_case();
    size_t n = ipart_partnership_event_count(full), starts[200], applied = 9;
    cr_assert_leq(n, 200);
    char *text = batch_of(full, n, starts);
    size_t last = starts[n - 1];
    static const struct {
        const char *old, *with;
        ipart_status rc;
        const char *key, *path;
    } defects[] = {
        {"\"date\"", "\"date\":", IPART_EPARSE, "json.syntax", "$"},
        {"\"actor\":", "\"t\":\"a\\u0000b\",\"actor\":", IPART_EINVAL, "document.string.nul",
         "$[122].t"},
        {"\"actor\":", "\"a\\u0000\":1,\"actor\":", IPART_EINVAL, "document.string.nul", "$[122].a\\u0000"},
        {"\"actor\":", "\"q\":{\"k\":1,\"k\":2},\"actor\":", IPART_EINVAL,
         "document.key.duplicate", "$[122].q.k"},
        {"\"actor\":", "\"actor\":\"x\",\"actor\":", IPART_EINVAL, "document.key.duplicate",
         "$[122].actor"},
        {"\"actor\":", "\"t\":\"\\ud83d\",\"actor\":", IPART_EPARSE, "json.syntax", "$"},
        {"\"actor\":", "\"t\":\"\\x\",\"actor\":", IPART_EPARSE, "json.syntax", "$"},
        {"\"actor\":", "\"t\":.5,\"actor\":", IPART_EPARSE, "json.syntax", "$"},
        {"\"actor\":",
         "\"t\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],\"actor\":",
         IPART_ERANGE, "document.depth", NULL},
    };
    cr_assert_str_eq(defects[0].old, "\"date\"");
    for (size_t i = 0; i < sizeof defects / sizeof defects[0]; i++) {
        char *bad = edited(text, last, defects[i].old, defects[i].with);
        cr_assert_neq(same_batch(p, bad, 0, &applied), IPART_OK, "defect %zu", i);
        cr_assert_eq(ipart_error_last()->code, defects[i].rc, "defect %zu: %s", i,
                     ipart_error_last()->message);
        cr_assert_str_eq(ipart_error_last()->key, defects[i].key, "defect %zu", i);
        if (defects[i].path)
            cr_assert_str_eq(ipart_error_last()->path, defects[i].path, "defect %zu", i);
        cr_assert_eq(applied, 0, "defect %zu", i);
        free(bad);
    }
    /* Around the array: a BOM, text after it, not closed, not an array. */
    char *bom = edited(text, 0, "[", "\xEF\xBB\xBF[");
    size_t end = strlen(text) - 1; /* the closing ']' */
    char *trailing = edited(text, end, "]", "] x");
    char *open = edited(text, end, "]", ",");
    const char *const around[] = {bom, trailing, open, "{\"type\":\"note_recorded\"}", "", "1"};
    static const char *const keys[] = {"json.bom", "json.trailing", "json.syntax", "batch.type",
                                       "json.syntax", "batch.type"};
    for (size_t i = 0; i < sizeof around / sizeof around[0]; i++) {
        cr_assert_neq(same_batch(p, around[i], 0, &applied), IPART_OK, "case %zu", i);
        cr_assert_str_eq(ipart_error_last()->key, keys[i], "case %zu", i);
        cr_assert_eq(applied, 0);
    }
    free(bom);
    free(trailing);
    free(open);
    free(text);
    ipart_partnership_free(p);
    ipart_partnership_free(full);
}

Test(stream, a_batch_of_more_than_a_million_values_applies_nothing)
{
    size_t n = 1000001, applied = 9;
    char *many = malloc(2 * n + 2);
    cr_assert_not_null(many);
    many[0] = '[';
    for (size_t i = 0; i < n; i++)
        memcpy(many + 1 + 2 * i, i + 1 < n ? "0," : "0]", 2);
    many[2 * n + 1] = '\0';
    ipart_partnership *p = new_case();
    cr_assert_eq(same_batch(p, many, 0, &applied), IPART_ERANGE);
    cr_assert_str_eq(ipart_error_last()->key, "batch.limit");
    cr_assert_eq(applied, 0);
    memcpy(many + 2 * n - 2, "]\0", 2); /* one million: taken, refused at its first value */
    cr_assert_eq(same_batch(p, many, 1, &applied), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$[0]");
    free(many);
    ipart_partnership_free(p);
}

/* Text the cJSON path takes but the check does not prove: the cJSON path
 * applies the whole batch, as before the stream. */
Test(stream, a_batch_the_check_cannot_prove_is_applied_by_the_reference)
{
    ipart_partnership *full = harness_load_procedure("stavanger.json"), *p = new_case();
    size_t n = ipart_partnership_event_count(full), starts[200], applied = 0;
    char *text = batch_of(full, n, starts);
    size_t last = starts[n - 1];
    static const struct {
        const char *old, *with;
    } quirks[] = {
        {"\"date\"", "\"d\\u0061te\""},  /* a key holding an escape */
        {"\"date\"", "\x0b\"date\""},    /* white space beyond the four */
        {"{\"type\"", "\x01{\"type\""},
    };
    for (size_t i = 0; i < sizeof quirks / sizeof quirks[0]; i++) {
        char *odd = edited(text, last, quirks[i].old, quirks[i].with);
        cr_assert_eq(same_batch(p, odd, 0, &applied), IPART_OK, "quirk %zu: %s", i,
                     ipart_error_last()->message);
        cr_assert_eq(applied, n, "quirk %zu", i);
        free(odd);
    }
    /* strtod reads "1.e5" and "01": the reference takes the text and its
     * decoder refuses the unknown field, so the events before it stay. */
    for (int i = 0; i < 2; i++) {
        char *number = edited(text, last, "\"actor\":", i ? "\"t\":01,\"actor\":"
                                                           : "\"t\":1.e5,\"actor\":");
        cr_assert_eq(same_batch(p, number, 0, &applied), IPART_EINVAL);
        cr_assert_str_eq(ipart_error_last()->path, "$[122].t");
        cr_assert_eq(applied, n - 1);
        free(number);
    }
    free(text);
    ipart_partnership_free(p);
    ipart_partnership_free(full);
}

/* A refused event stops the batch; those before it stay, as applied one by
 * one. Refused after the stream decoded it (a guard), or by the reference
 * after the stream declined it (a value), or by the reference after the
 * stream declined an event before it that the reference takes. */
Test(stream, a_refused_event_stops_the_batch_and_keeps_those_before)
{
    ipart_partnership *full = harness_load_procedure("stavanger.json"), *p = new_case();
    size_t n = ipart_partnership_event_count(full), starts[200], applied = 0;
    char *text = batch_of(full, n, starts);
    /* A guard: the 12th event dated before the 11th. */
    char *early = edited(text, starts[11], "\"date\":\"2017-", "\"date\":\"2016-");
    cr_assert_eq(same_batch(p, early, 1, &applied), IPART_ESTATE);
    cr_assert_str_eq(ipart_error_last()->path, "$[11]");
    cr_assert_eq(applied, 11);
    /* A value: the price of tender 57 as a number. */
    char *number = edited(text, starts[57], "\"price\":\"15600000.00\"", "\"price\":15600000");
    cr_assert_eq(same_batch(p, number, 1, &applied), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$[57].tender.price");
    cr_assert_eq(applied, 57);
    /* The stream declines event 3 (its "type" is not first) and the
     * reference applies it; a value of event 4 is refused. */
    char *moved = edited(text, starts[3], "{\"type\":\"follower_named\",\"date\":\"2017-03-01\"",
                         "{\"date\":\"2017-03-01\",\"type\":\"follower_named\"");
    char *both = edited(moved, starts[4], "\"date\":\"2017-03-15\"", "\"date\":\"2017-3-15\"");
    cr_assert_eq(same_batch(p, both, 1, &applied), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$[4].date");
    cr_assert_eq(applied, 4);
    /* Not an object. */
    char *scalar = edited(text, starts[2] - 2, ",\n", ",\n42,\n");
    cr_assert_eq(same_batch(p, scalar, 1, &applied), IPART_EINVAL);
    cr_assert_str_eq(ipart_error_last()->path, "$[2]");
    cr_assert_eq(applied, 2);
    free(early);
    free(number);
    free(moved);
    free(both);
    free(scalar);
    free(text);
    ipart_partnership_free(p);
    ipart_partnership_free(full);
}

/* Money is decoded in the currency the batch's own partnership_created
 * sets: with ISK (no minor unit) the first amount with øre is refused. */
Test(stream, a_batch_decodes_money_in_the_currency_it_sets)
{
    ipart_partnership *full = harness_load_procedure("stavanger.json"), *p = new_case();
    size_t n = ipart_partnership_event_count(full), applied = 0;
    char *text = batch_of(full, n, NULL);
    char *isk = edited(text, 0, "\"currency\":\"NOK\"", "\"currency\":\"ISK\"");
    ipart_status rc = same_batch(p, isk, 1, &applied);
    cr_assert_neq(rc, IPART_OK);
    cr_assert_gt(applied, 0);
    cr_assert_lt(applied, n);
    cr_assert_str_eq(ipart_partnership_currency(p), "", "the clones took the batch, not p");
    free(isk);
    free(text);
    ipart_partnership_free(p);
    ipart_partnership_free(full);
}

/* ---- batches decoded ahead (io/batch.c) ------------------------------------------ */

/* "[" and the events of the batch_of() text `text` from the one at `start` (malloc'd). */
static char *batch_from(const char *text, size_t start)
{
    char *out = malloc(strlen(text + start) + 2);
    cr_assert_not_null(out);
    out[0] = '[';
    strcpy(out + 1, text + start);
    return out;
}

/* The Stavanger events as one batch_of() text. */
typedef struct events_text {
    ipart_partnership *full; /* the case they come from */
    size_t n;
    size_t starts[200];
    char *text;
} events_text;

static void stavanger_events(events_text *e)
{
    e->full = harness_load_procedure("stavanger.json");
    e->n = ipart_partnership_event_count(e->full);
    cr_assert_leq(e->n, 200);
    e->text = batch_of(e->full, e->n, e->starts);
}

static void events_text_free(events_text *e)
{
    free(e->text);
    ipart_partnership_free(e->full);
}

/* A new case with the first `count` events of `full`, applied by the reference. */
static ipart_partnership *first_events(const ipart_partnership *full, size_t count)
{
    ipart_partnership *p = new_case();
    char *text = batch_of(full, count, NULL);
    assert_ok(ipart__apply_all_with(p, text, IPART__DECODER_CJSON));
    free(text);
    return p;
}

/* same_batch_ahead with what ipart__apply_ahead must make of the text. */
static ipart_status same_ahead(const ipart_partnership *base, const char *text, int proved,
                               ipart__stream_result ahead, size_t *applied)
{
    int made = (int)ahead;
    return same_batch_ahead(base, text, proved, &made, applied);
}

/* ipart_partnership_apply_all on `p` itself refuses `text` with `code` and
 * changes nothing: the same event count and saved bytes. */
static void refused_whole(ipart_partnership *p, const char *text, ipart_status code)
{
    char *before = NULL, *after = NULL;
    assert_ok(ipart_partnership_save(&before, p));
    size_t count = ipart_partnership_event_count(p);
    assert_fails_with(ipart_partnership_apply_all(p, text), code);
    assert_ok(ipart_partnership_save(&after, p));
    cr_assert_str_eq(after, before, "a batch refused as text changed the case");
    cr_assert_eq(ipart_partnership_event_count(p), count);
    ipart_free(before);
    ipart_free(after);
}

Test(stream, ahead_a_text_error_in_event_90_of_123_applies_nothing)
{
    events_text e;
    stavanger_events(&e);
    size_t applied = 9;
    cr_assert_eq(e.n, 123);
    ipart_partnership *p = first_events(e.full, 0), *ten = first_events(e.full, 10);
    char *rest = batch_from(e.text, e.starts[10]); /* events 10..122 on a case of 10 */
    /* In event 90 itself, its separator after it, or the text cut after it:
     * every event before it decodes, the text is still refused whole. */
    char *in_event = edited(e.text, e.starts[90], "\"date\"", "\"date\":");
    char *separator = edited(e.text, e.starts[91] - 2, ",\n", ",,\n");
    char *cut = copy_text(e.text);
    cut[e.starts[91] - 2] = '\0';
    char *rest_in_event = edited(rest, e.starts[90] - e.starts[10], "\"date\"", "\"date\":");
    const char *const bad[] = {in_event, separator, cut};
    for (size_t i = 0; i < 3; i++) {
        cr_assert_eq(same_ahead(p, bad[i], 0, IPART__STREAM_DECLINED, &applied), IPART_EPARSE);
        cr_assert_eq(applied, 0, "case %zu", i);
        refused_whole(p, bad[i], IPART_EPARSE);
    }
    cr_assert_eq(same_ahead(ten, rest_in_event, 0, IPART__STREAM_DECLINED, &applied),
                 IPART_EPARSE);
    cr_assert_eq(applied, 0);
    refused_whole(ten, rest_in_event, IPART_EPARSE);
    free(in_event);
    free(separator);
    free(cut);
    free(rest_in_event);
    free(rest);
    ipart_partnership_free(ten);
    ipart_partnership_free(p);
    events_text_free(&e);
}

/* The currency an event is decoded in ahead is the case's when it is
 * applied: p's, or that of the batch's partnership_created before it, which
 * is applied first or stops the batch. */
Test(stream, ahead_each_event_is_decoded_in_the_currency_it_is_applied_in)
{
    events_text e;
    stavanger_events(&e);
    size_t applied = 0;
    ipart_partnership *p = first_events(e.full, 0), *ten = first_events(e.full, 10);
    cr_assert_eq(same_ahead(p, e.text, 1, IPART__STREAM_TAKEN, &applied), IPART_OK);
    cr_assert_eq(applied, e.n, "the money after partnership_created is decoded in its NOK");
    /* Without it a new case has no currency: no amount is decoded ahead. */
    char *headless = batch_from(e.text, e.starts[1]);
    cr_assert_neq(same_ahead(p, headless, 1, IPART__STREAM_DECLINED, &applied), IPART_OK);
    cr_assert_eq(applied, 0);
    /* A case in NOK: the rest is decoded in its currency. */
    char *rest = batch_from(e.text, e.starts[10]);
    cr_assert_eq(same_ahead(ten, rest, 1, IPART__STREAM_TAKEN, &applied), IPART_OK);
    cr_assert_eq(applied, e.n - 10);
    /* A second partnership_created in EUR on that case: the events after it
     * are decoded in EUR, and never applied, as it is refused. */
    char *eur = edited(e.text, 0, "\"currency\":\"NOK\"", "\"currency\":\"EUR\"");
    ipart_status rc = same_ahead(ten, eur, 1, IPART__STREAM_TAKEN, &applied);
    cr_assert_neq(rc, IPART_OK);
    cr_assert_eq(applied, 0);
    char path[sizeof ipart_error_last()->path];
    snprintf(path, sizeof path, "%s", ipart_error_last()->path);
    cr_assert(strncmp(path, "$[0]", 4) == 0, "%s", path);
    /* In ISK (no minor unit) an amount with øre is not decoded ahead: the
     * paths before report the same refusal of the partnership_created. */
    char *isk = edited(e.text, 0, "\"currency\":\"NOK\"", "\"currency\":\"ISK\"");
    cr_assert_eq(same_ahead(ten, isk, 1, IPART__STREAM_DECLINED, &applied), rc);
    cr_assert_str_eq(ipart_error_last()->path, path);
    cr_assert_eq(applied, 0);
    free(isk);
    free(eur);
    free(rest);
    free(headless);
    ipart_partnership_free(ten);
    ipart_partnership_free(p);
    events_text_free(&e);
}

/* One golden rejection as a batch taken ahead or not: the reference's
 * error, the events before it applied; 1 when it was taken ahead. */
static long same_rejection_ahead(const cJSON *row, ipart_partnership *base, const cJSON *batch,
                                 int before, void *ctx)
{
    (void)ctx;
    size_t applied = 0;
    char *text = cJSON_PrintUnformatted(batch);
    int ahead = AHEAD_ANY;
    ipart_status rc = same_batch_ahead(base, text, AHEAD_ANY, &ahead, &applied);
    cr_assert_str_eq(ipart_error_name(rc), harness_text(row, "code"), "%s",
                     harness_text(row, "name"));
    cr_assert_eq(applied, (size_t)before, "%s", harness_text(row, "name"));
    cJSON_free(text);
    return ahead == IPART__STREAM_TAKEN;
}

/* The refused event k stops a batch taken ahead with the reference's error,
 * 0..k-1 applied: a guard at event 11, and every golden rejection after
 * the two events before it (and before the one after it), as one batch. */
Test(stream, ahead_a_refused_event_keeps_those_before_with_the_reference_error, .timeout = 300)
{
    events_text e;
    stavanger_events(&e);
    size_t applied = 0;
    ipart_partnership *p = new_case();
    char *early = edited(e.text, e.starts[11], "\"date\":\"2017-", "\"date\":\"2016-");
    cr_assert_eq(same_ahead(p, early, 1, IPART__STREAM_TAKEN, &applied), IPART_ESTATE);
    cr_assert_str_eq(ipart_error_last()->path, "$[11]");
    cr_assert_eq(applied, 11);
    int total = 0;
    long taken = harness_each_rejection_batch(same_rejection_ahead, NULL, &total);
    cr_log_info("%ld of %d rejections taken ahead", taken, total);
    cr_assert_gt(taken, total / 2, "only %ld of %d rejections taken ahead", taken, total);
    free(early);
    ipart_partnership_free(p);
    events_text_free(&e);
}

/* Out of memory at any allocation of the decoding ahead: IPART_ENOMEM and
 * nothing applied (the paths before are not run: they would apply some). */
Test(stream, ahead_out_of_memory_while_decoding_applies_nothing)
{
    events_text e;
    stavanger_events(&e);
    ipart_partnership *ten = first_events(e.full, 10);
    char *rest = batch_from(e.text, e.starts[10]);
    char *trailing = edited(rest, strlen(rest) - 1, "]", "] x");
    char *before = NULL;
    assert_ok(ipart_partnership_save(&before, ten));
    /* The allocations of decoding every event ahead: "] x" then declines. */
    ipart_partnership *c = NULL;
    assert_ok(ipart_partnership_clone(&c, ten));
    ipart_status rc = IPART_OK;
    harness_fail_at(0);
    cr_assert_eq(ipart__apply_ahead(c, trailing, strlen(trailing), &rc), IPART__STREAM_DECLINED);
    long decoding = harness_allocations();
    cr_assert_geq(decoding, 3, "%ld allocations", decoding);
    ipart_partnership_free(c);
    for (long k = 1; k <= decoding; k++) {
        assert_ok(ipart_partnership_clone(&c, ten));
        harness_fail_at(k);
        ipart_status got = k % 2 ? ipart_partnership_apply_all(c, rest)
                                  : ipart__apply_ahead(c, rest, strlen(rest), &rc) ==
                                            IPART__STREAM_NOMEM
                                        ? IPART_ENOMEM
                                        : IPART_OK;
        int injected = harness_failure_injected();
        harness_fail_at(0);
        cr_assert(injected, "allocation %ld", k);
        cr_assert_eq(got, IPART_ENOMEM, "allocation %ld", k);
        cr_assert_eq(ipart_error_last()->code, IPART_ENOMEM);
        char *after = NULL;
        assert_ok(ipart_partnership_save(&after, c));
        cr_assert_str_eq(after, before, "allocation %ld: something applied", k);
        cr_assert_eq(ipart_partnership_event_count(c), 10);
        ipart_free(after);
        ipart_partnership_free(c);
    }
    ipart_free(before);
    free(trailing);
    free(rest);
    ipart_partnership_free(ten);
    events_text_free(&e);
}

/* 0 and 1 events, an event the stream declines in the middle, and the text
 * around the events that only the paths before read. */
Test(stream, ahead_empty_single_and_declined_batches)
{
    events_text e;
    stavanger_events(&e);
    size_t applied = 9;
    ipart_partnership *p = first_events(e.full, 0);
    const char *const empty[] = {"[]", " \n[ ]\r\n\t"};
    for (size_t i = 0; i < 2; i++) {
        cr_assert_eq(same_ahead(p, empty[i], 1, IPART__STREAM_TAKEN, &applied), IPART_OK);
        cr_assert_eq(applied, 0);
    }
    char *one = batch_of(e.full, 1, NULL);
    cr_assert_eq(same_ahead(p, one, 1, IPART__STREAM_TAKEN, &applied), IPART_OK);
    cr_assert_eq(applied, 1);
    /* Event 3 with "type" after "date": declined, the reference applies all. */
    char *moved =
        edited(e.text, e.starts[3], "{\"type\":\"follower_named\",\"date\":\"2017-03-01\"",
               "{\"date\":\"2017-03-01\",\"type\":\"follower_named\"");
    cr_assert_eq(same_ahead(p, moved, 1, IPART__STREAM_DECLINED, &applied), IPART_OK);
    cr_assert_eq(applied, e.n);
    /* Around the events: a byte below 32 other than the four white spaces
     * (cJSON's white space), a value that is no object, a comma too many,
     * text after the array, a BOM, no array: all left to the paths before. */
    static const struct {
        size_t at;
        const char *old, *with;
        ipart_status rc;
        size_t applied;
    } around[] = {
        {0, ",\n", ",\x01\n", IPART_OK, 123},         {0, ",\n", ",\n42,\n", IPART_EINVAL, 1},
        {0, ",\n", ",,\n", IPART_EPARSE, 0},          {1, "]", "] x", IPART_EPARSE, 0},
        {1, "]", "]\x0b", IPART_EPARSE, 0},           {2, "[", "\xEF\xBB\xBF[", IPART_EPARSE, 0},
        {2, "[", "{\"a\":[", IPART_EPARSE, 0},        {2, "[", "\x01[", IPART_OK, 123},
    };
    for (size_t i = 0; i < sizeof around / sizeof around[0]; i++) {
        size_t from = around[i].at == 0   ? e.starts[1] - 2
                      : around[i].at == 1 ? strlen(e.text) - 1
                                          : 0;
        char *odd = edited(e.text, from, around[i].old, around[i].with);
        cr_assert_eq(same_ahead(p, odd, AHEAD_ANY, IPART__STREAM_DECLINED, &applied), around[i].rc,
                     "case %zu: %s", i, ipart_error_last()->message);
        cr_assert_eq(applied, around[i].applied, "case %zu", i);
        free(odd);
    }
    free(moved);
    free(one);
    ipart_partnership_free(p);
    events_text_free(&e);
}

/* The levels of a value of `spec`'s objects: 1, and those of its deepest field. */
static size_t object_levels(const object_spec *spec)
{
    size_t deepest = 0;
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        size_t levels = f->kind == FK_OBJECT      ? object_levels(f->object)
                        : f->kind == FK_ARRAY     ? 1 + object_levels(f->object)
                        : f->kind == FK_ID_ARRAY  ? 2
                        : f->kind == FK_ITEM_REF ? object_levels(&ipart__item_ref_spec)
                                                  : 1;
        deepest = levels > deepest ? levels : deepest;
    }
    return 1 + deepest;
}

/* What lets a batch taken ahead pass the pre-scan's depth limit without a
 * pass of its own: no event nests deeper than 31 levels, so in the batch's
 * array (level 1) nothing goes beyond 32. */
Test(stream, ahead_no_event_nests_deeper_than_the_array_leaves_room_for)
{
    size_t deepest = 0;
    for (int t = 0; t < IPART__EV_COUNT; t++) {
        size_t levels = object_levels(&ipart__event_bodies[t]);
        deepest = levels > deepest ? levels : deepest;
    }
    cr_assert_geq(deepest, 3, "an event with an array of objects nests 3 levels at least");
    cr_assert_leq(1 + deepest, IPART__MAX_DEPTH, "events nest %zu levels", deepest);
}

/* Whether the bytes of `ev` from `from` on are all zero. */
static int zero_from(const ipart__event *ev, size_t from)
{
    const unsigned char *b = (const unsigned char *)ev;
    for (size_t i = from; i < sizeof *ev; i++)
        if (b[i])
            return 0;
    return 1;
}

/* Decode every event of a golden procedure as a batch decodes it ahead:
 * nothing written beyond its type's extent. Returns the types seen (bits). */
static long extent_of_events(const char *name)
{
    ipart_partnership *p = harness_load_procedure(name);
    size_t n = ipart_partnership_event_count(p), *starts = malloc((n + 1) * sizeof *starts);
    cr_assert_not_null(starts);
    char *text = batch_of(p, n, starts);
    long seen = 0;
    for (size_t i = 0; i < n; i++) {
        ipart__event ev;
        ipart__arena arena = IPART__ARENA_INIT;
        size_t used = 0;
        const char *at = text + starts[i];
        cr_assert_eq(ipart__stream_event_ahead(&ev, &arena, ipart_partnership_currency(p), at,
                                               strlen(at), &used),
                     IPART__STREAM_TAKEN, "%s: event %zu", name, i);
        cr_assert_eq(at[used - 1], '}');
        size_t extent = ipart__event_extent(ev.type);
        cr_assert_leq(extent, sizeof ev);
        cr_assert(zero_from(&ev, extent), "%s: event %zu (%s) written past its extent %zu", name,
                  i, ipart__event_type_name(ev.type), extent);
        seen |= 1L << ev.type;
        ipart__arena_free(&arena);
    }
    free(text);
    free(starts);
    ipart_partnership_free(p);
    return seen;
}

static long types_seen;

static long extent_check(const char *name)
{
    types_seen |= extent_of_events(name);
    return 1;
}

Test(stream, ahead_an_event_is_kept_to_the_extent_of_its_type)
{
    int cases = 0;
    cr_assert_lt(IPART__EV_COUNT, 64);
    types_seen = 0;
    harness_each_procedure(extent_check, &cases);
    int types = 0;
    for (int t = 0; t < IPART__EV_COUNT; t++) {
        types += (int)(types_seen >> t & 1);
        cr_assert_leq(ipart__event_extent((ipart__event_type)t), sizeof(ipart__event));
        cr_assert_geq(ipart__event_extent((ipart__event_type)t), offsetof(ipart__event, as));
    }
    cr_assert_gt(types, IPART__EV_COUNT * 3 / 4, "%d of %d event types in the golden cases",
                 types, IPART__EV_COUNT);
}

/* ---- the string scanner shared by the decoder and the check (io/json_word_p.h) ---- */

/* Bytes to place in a string body: the stops, their neighbours, control
 * bytes, and bytes >= 0x80 (among them '"' and '\\' with the high bit set,
 * which share the scanner's ~w with them). */
static const unsigned char scanned_bytes[] = {'"',  '\\', 0x00, 0x01, 0x1F, 0x20, 0x21, 0x23,
                                              0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF};

/* The index of the first byte of b[0, n) found in `stops`, or n. */
static size_t first_of(const unsigned char *b, size_t n, const char *stops, size_t stop_count)
{
    for (size_t i = 0; i < n; i++)
        if (memchr(stops, b[i], stop_count))
            return i;
    return n;
}

/* Every byte at every offset of strings up to 34 bytes long (two blocks
 * of sixteen, or a block, a word and a tail, ...), alone and followed by another at every later offset (a stop's
 * borrow may mark bytes above it), in a block of exactly that size: the
 * first stop, as read one byte at a time, and nothing read past the end. */
Test(stream, the_string_scanner_finds_the_first_stop_at_every_offset_of_its_words)
{
    size_t kinds = sizeof scanned_bytes;
    for (size_t n = 0; n <= 34; n++) {
        unsigned char *b = malloc(n ? n : 1);
        cr_assert_not_null(b);
        for (size_t i = 0; i < n; i++)
            for (size_t x = 0; x < kinds; x++)
                for (size_t j = i; j < n; j++)
                    for (size_t y = 0; y < (j == i ? 1 : kinds); y++) {
                        memset(b, 'a', n);
                        b[j] = scanned_bytes[y];
                        b[i] = scanned_bytes[x];
                        for (int nul = 0; nul <= 1; nul++) {
                            size_t want = first_of(b, n, "\"\\", nul ? 3 : 2);
                            size_t got = (size_t)(ipart__json_string_stop(b, b + n, nul) - b);
                            cr_assert_eq(got, want, "n %zu: 0x%02x at %zu, 0x%02x at %zu, nul %d",
                                         n, b[i], i, b[j], j, nul);
                        }
                    }
        memset(b, 'a', n);
        cr_assert_eq(ipart__json_string_stop(b, b + n, 1), b + n, "no stop in %zu bytes", n);
        free(b);
    }
}

/* ---- keys by length, strings checked from their text, plain integers ------------ */

/* Every field of `spec` and of the objects its fields hold: name_length is
 * its name's length (the decoders compare keys by it, the encoder writes
 * keys by it). The number of fields looked at. */
static size_t check_name_lengths(const object_spec *spec)
{
    size_t seen = 0;
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        cr_assert_eq(f->name_length, strlen(f->name), "field \"%s\": name_length %zu", f->name,
                     f->name_length);
        seen++;
        if (f->object && f->object != spec)
            seen += check_name_lengths(f->object);
    }
    return seen;
}

Test(stream, every_field_spec_carries_the_length_of_its_name)
{
    size_t seen = check_name_lengths(&ipart__header_spec) + check_name_lengths(&ipart__item_ref_spec);
    for (int t = 0; t < IPART__EV_COUNT; t++)
        seen += check_name_lengths(&ipart__event_bodies[t]);
    cr_assert_gt(seen, 200, "%zu fields", seen);
}

/* Apply `event` through both readers (same_apply): the stream takes it
 * alone exactly when the reference applies it. The reference's status. */
static ipart_status same_apply_taken_iff_ok(const ipart_partnership *base, const char *event)
{
    ipart_partnership *probe = NULL;
    assert_ok(ipart_partnership_clone(&probe, base));
    ipart_status rc = ipart__apply_with(probe, event, IPART__DECODER_CJSON);
    ipart_partnership_free(probe);
    cr_assert_eq(same_apply(base, event, rc == IPART_OK), rc);
    return rc;
}

/* A field name anywhere in the schema. */
static int names_a_field(const object_spec *spec, const char *key, size_t n)
{
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        if ((f->name_length == n && memcmp(f->name, key, n) == 0) ||
            (f->object && f->object != spec && names_a_field(f->object, key, n)))
            return 1;
    }
    return 0;
}

static int is_schema_name(const char *key, size_t n)
{
    if (n == 4 && memcmp(key, "type", 4) == 0)
        return 1;
    if (names_a_field(&ipart__header_spec, key, n) || names_a_field(&ipart__item_ref_spec, key, n))
        return 1;
    for (int t = 0; t < IPART__EV_COUNT; t++)
        if (names_a_field(&ipart__event_bodies[t], key, n))
            return 1;
    return 0;
}

/* `event` with the key of `n` bytes at `at` (after its opening quote)
 * replaced by the `m` bytes of `key` (malloc'd). */
static char *with_key(const char *event, size_t at, size_t n, const char *key, size_t m)
{
    size_t length = strlen(event);
    char *out = malloc(length - n + m + 1);
    cr_assert_not_null(out);
    memcpy(out, event, at);
    memcpy(out + at, key, m);
    strcpy(out + at + m, event + at + n);
    return out;
}

/* Every key of every Stavanger event (names of 2 to 26 bytes: shorter than
 * a word, a word, a word and a tail, two words and more), each with one
 * byte changed at every offset, one byte cut, one added and its first
 * byte repeated: each a name of no field, refused by the reference and
 * declined by the stream. The events before each one are applied first. */
Test(stream, a_key_one_byte_off_a_field_name_is_no_field)
{
    ipart_partnership *full = harness_load_procedure("stavanger.json"), *p = new_case();
    size_t tried = 0;
    for (size_t e = 0; e < ipart_partnership_event_count(full); e++) {
        char *event = NULL;
        assert_ok(ipart_partnership_event_at(&event, full, e));
        for (const char *q = strstr(event, "\":"); q; q = strstr(q + 2, "\":")) {
            const char *open = q;
            while (open[-1] != '"')
                open--;
            size_t at = (size_t)(open - event), n = (size_t)(q - open);
            char key[80];
            cr_assert_lt(n + 2, sizeof key);
            for (size_t i = 0; i <= n + 2; i++) {
                size_t m = n;
                memcpy(key, open, n);
                if (i < n)
                    key[i] = key[i] == 'z' ? 'y' : 'z';      /* byte i changed */
                else if (i == n)
                    m = n - 1;                               /* last byte cut */
                else if (n > 0)
                    key[m++] = 'x';                          /* a byte added */
                if (is_schema_name(key, m))
                    continue;
                char *variant = with_key(event, at, n, key, m);
                cr_assert_neq(same_apply(p, variant, 0), IPART_OK, "%s", variant);
                free(variant);
                tried++;
            }
        }
        assert_ok(ipart_partnership_apply(p, event));
        ipart_free(event);
    }
    cr_assert_gt(tried, 3000, "%zu variants", tried);
    ipart_partnership_free(p);
    ipart_partnership_free(full);
}

/* Keys out of save's order, escaped, and next to names they share a prefix
 * with: the stream matches each by its whole name, as the reference does. */
Test(stream, keys_out_of_order_or_escaped_are_matched_by_their_whole_name)
{
    ipart_partnership *p = new_case();
    static const char *const events[] = {
        /* "currency" before "title", "kind" before "id" and "name" */
        "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\",\"actor\":\"a\","
        "\"authority\":{\"kind\":\"sub_central\",\"id\":\"a\",\"name\":\"A\"},"
        "\"currency\":\"NOK\",\"title\":\"T\"}",
        /* an escaped key */
        "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\",\"actor\":\"a\","
        "\"authority\":{\"id\":\"a\",\"name\":\"A\",\"kind\":\"sub_central\"},"
        "\"t\\u0069tle\":\"T\",\"currency\":\"NOK\"}",
        /* "electronic_communication" then its prefix "electronic" (no field) */
        "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\",\"actor\":\"a\","
        "\"authority\":{\"id\":\"a\",\"name\":\"A\",\"kind\":\"sub_central\"},"
        "\"title\":\"T\",\"currency\":\"NOK\",\"electronic_communication\":true,"
        "\"electronic\":true}",
        /* a header name repeated in the body */
        "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\",\"actor\":\"a\","
        "\"authority\":{\"id\":\"a\",\"name\":\"A\",\"kind\":\"sub_central\"},"
        "\"title\":\"T\",\"currency\":\"NOK\",\"date\":\"2017-02-09\"}",
    };
    static const ipart_status want[] = {IPART_OK, IPART_OK, IPART_EINVAL, IPART_EINVAL};
    for (size_t i = 0; i < sizeof events / sizeof events[0]; i++)
        cr_assert_eq(same_apply_taken_iff_ok(p, events[i]), want[i], "event %zu", i);
    ipart_partnership_free(p);
}

/* partnership_created with the authority's id and the title given as raw
 * JSON string bodies. */
static char *created(const char *id, const char *title)
{
    static char out[512];
    snprintf(out, sizeof out,
             "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\",\"actor\":\"%s\","
             "\"authority\":{\"id\":\"%s\",\"name\":\"A\",\"kind\":\"sub_central\"},"
             "\"title\":\"%s\",\"currency\":\"NOK\"}",
             id, id, title);
    return out;
}

/* Strings of 1 to 40 bytes with each kind of byte the value checks judge at
 * every offset (across the 8- and 16-byte words of the scans): as a title
 * (UTF-8) and as an id (A-Z a-z 0-9 . _ -), the stream takes exactly what
 * the reference applies. Faults: a byte no UTF-8 has, a lone continuation,
 * a sequence cut by the closing quote or by an ASCII byte, an overlong
 * lead; bytes outside an id's set; and valid two-, three- and four-byte
 * sequences, and escapes, that a title takes and an id does not. */
Test(stream, string_faults_at_every_offset_are_refused_as_the_reference_refuses)
{
    enum { UTF8_FAULTS = 7 }; /* the first seven pieces: no title takes them */
    static const char *const pieces[] = {
        "\xff", "\x80", "\xc3", "\xc3" "a", "\xe2\x82", "\xc0\xaf", "\xf8\x88\x80\x80\x80",
        "\xc3\xb8", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\\u00f8", "\\n", " ", "/", "+", "~",
        "\x7f"};
    ipart_partnership *p = new_case();
    size_t ok = 0, refused = 0;
    for (size_t n = 1; n <= 40; n++)
        for (size_t at = 0; at < n; at++)
            for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++) {
                char body[64];
                memset(body, 'a', n);
                body[n] = '\0';
                size_t piece = strlen(pieces[k]);
                if (at + piece > n)
                    continue;
                memcpy(body + at, pieces[k], piece);
                for (int as_id = 0; as_id <= 1; as_id++) {
                    ipart_status rc =
                        same_apply_taken_iff_ok(p, as_id ? created(body, "T") : created("a", body));
                    cr_assert_eq(rc == IPART_OK, !as_id && k >= UTF8_FAULTS,
                                 "piece %zu at %zu of %zu, as id %d", k, at, n, as_id);
                    ok += rc == IPART_OK;
                    refused += rc != IPART_OK;
                }
            }
    cr_assert_gt(ok, 1000);
    cr_assert_gt(refused, 4000);
    /* Longer than 65536 bytes: ASCII, and ASCII with a valid sequence. */
    size_t long_n = 65537;
    char *title = malloc(long_n + 1), *event = malloc(long_n + 300);
    cr_assert(title && event);
    for (int with_utf8 = 0; with_utf8 <= 1; with_utf8++) {
        for (size_t cut = 0; cut <= 1; cut++) {
            memset(title, 'a', long_n - cut);
            title[long_n - cut] = '\0';
            if (with_utf8)
                memcpy(title + 100, "\xc3\xb8", 2);
            strcpy(event, "{\"type\":\"partnership_created\",\"date\":\"2017-02-09\","
                          "\"actor\":\"a\",\"authority\":{\"id\":\"a\",\"name\":\"A\","
                          "\"kind\":\"sub_central\"},\"currency\":\"NOK\",\"title\":\"");
            strcat(event, title);
            strcat(event, "\"}");
            cr_assert_eq(same_apply_taken_iff_ok(p, event) == IPART_OK, cut == 1,
                         "%zu bytes, UTF-8 %d", long_n - cut, with_utf8);
        }
    }
    free(title);
    free(event);
    ipart_partnership_free(p);
}

/* Integers written as cJSON reads them, around the plain integers of up to
 * 15 digits that the stream reads without strtod: each taken by the stream
 * exactly when the reference applies it, to the same bytes (every variant
 * is 3000, which keeps the weights' sum, or a value the decoders refuse). */
Test(stream, integers_are_read_as_strtod_reads_them)
{
    ipart_partnership *full = harness_load_procedure("stavanger.json"), *p = new_case();
    size_t target = 0, n = ipart_partnership_event_count(full);
    char *event = NULL;
    for (; target < n; target++) {
        assert_ok(ipart_partnership_event_at(&event, full, target));
        if (strstr(event, "\"weight\":3000"))
            break;
        assert_ok(ipart_partnership_apply(p, event));
        ipart_free(event);
    }
    cr_assert_lt(target, n, "no event with a weight of 3000");
    static const char *const weights[] = {
        "3000", "03000", "3000.0", "3e3", "3E+3", "30000e-1", "000000000003000",
        "0000000000003000", "0000000000000000000003000", "3000 ", "3000\n", "3000\t",
        "3000.5", "-3000", "10001", "999999999999999", "1000000000000000", "3000e", "3000-",
        "30.00e2", "-", "+3000", "3000x", "-0.1"};
    size_t applied = 0;
    for (size_t i = 0; i < sizeof weights / sizeof weights[0]; i++) {
        char with[64];
        snprintf(with, sizeof with, "\"weight\":%s", weights[i]);
        char *variant = edited(event, 0, "\"weight\":3000", with);
        applied += same_apply_taken_iff_ok(p, variant) == IPART_OK;
        free(variant);
    }
    cr_assert_geq(applied, 8, "%zu applied", applied);
    ipart_free(event);
    ipart_partnership_free(p);
    ipart_partnership_free(full);
}

/* The batch check reads string bodies with the scanner: a value or a key
 * holding each kind of piece at every offset against its words is proved
 * exactly when the cJSON path takes its text (a raw NUL and a bad escape
 * are refused, an escaped key is left to the parse), and both readers
 * apply the batch to the same harness_outcome. */
Test(stream, the_check_reads_every_piece_at_every_offset_of_a_string)
{
    ipart_partnership *full = harness_load_procedure("stavanger.json");
    static const struct {
        const char *bytes;
        size_t length;
        int in_value, in_key; /* proved there */
    } pieces[] = {
        {"\\\"", 2, 1, 0},       {"\\\\", 2, 1, 0},     {"\\n", 2, 1, 0},
        {"\\u00e6", 6, 1, 0},    {"\xC3\xA6", 2, 1, 1}, {"\x01", 1, 1, 1},
        {"\x7F", 1, 1, 1},       {"\xFF", 1, 1, 1},     {"\\x", 2, 0, 0},
        {"\\u0000", 6, 0, 0},    {"\0", 1, 0, 0},
    };
    for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++)
        for (int in_key = 0; in_key <= 1; in_key++)
            for (size_t at = 0; at <= 17; at++) {
                char body[64] = {0};
                memset(body, 'a', at);
                memcpy(body + at, pieces[k].bytes, pieces[k].length);
                memcpy(body + at + pieces[k].length, "bcdefghij", 9);
                size_t body_length = at + pieces[k].length + 9;
                char text[256];
                int head = snprintf(text, sizeof text,
                                    "[{\"type\":\"note_recorded\",\"date\":\"2017-02-09\","
                                    "\"actor\":\"stavanger\",\"%s", in_key ? "" : "text\":\"");
                memcpy(text + head, body, body_length);
                int tail = snprintf(text + head + body_length, sizeof text - head - body_length,
                                    "%s", in_key ? "\":\"x\"}]" : "\"}]");
                size_t length = (size_t)head + body_length + (size_t)tail, count = 0;
                int proved = in_key ? pieces[k].in_key : pieces[k].in_value;
                cr_assert_eq(ipart__json_accepts_array(text, length, &count), proved,
                             "piece %zu in the %s at %zu", k, in_key ? "key" : "value", at);
                cr_assert_eq(count, proved ? 1u : 0u);
                if (memchr(text, '\0', length))
                    continue; /* a C string cannot hold it: apply_all never sees it */
                size_t applied = 0;
                same_batch(full, text, proved, &applied);
            }
    ipart_partnership_free(full);
}

/* The check's keys are compared only when their object's 64-bit hash says
 * they may repeat: keys of every length up to 17 that share their length
 * and first two bytes (one hash bit) are told apart, and a repeat of any
 * of them is refused, wherever it stands. */
Test(stream, the_check_finds_every_repeated_key_behind_its_hash)
{
    for (size_t n = 0; n <= 17; n++) {
        char a[24] = {0}, b[24] = {0};
        memset(a, 'k', n);
        memcpy(b, a, n);
        if (n > 2)
            b[n - 1] = 'j'; /* same length and first two bytes as a */
        char text[128];
        size_t count = 0;
        snprintf(text, sizeof text, "[{\"%s\":1,\"x\":[{\"%s\":2}],\"%s\":3}]", a, a, b);
        cr_assert_eq(ipart__json_accepts_array(text, strlen(text), &count), n > 2,
                     "distinct keys (or one repeated) of %zu bytes: %s", n, text);
        snprintf(text, sizeof text, "[{\"%s\":1,\"%s\":2,\"y\":3,\"%s\":4}]", a, b, a);
        cr_assert_eq(ipart__json_accepts_array(text, strlen(text), &count), 0, "%s", text);
        snprintf(text, sizeof text, "[{\"%s\":1},{\"%s\":2}]", a, a);
        cr_assert_eq(ipart__json_accepts_array(text, strlen(text), &count), 1, "%s", text);
        cr_assert_eq(count, 2u);
    }
}

/* The decoder counts an array's elements before reading them by skimming
 * its strings with the scanner: escaped quotes, commas and brackets inside
 * a string, at every offset against its words, leave the count and the
 * event the stream's alone, read as the reference reads it. */
Test(stream, an_array_counted_over_strings_with_brackets_is_read_alone)
{
    ipart_partnership *full = harness_load_procedure("stavanger.json"), *p = new_case();
    char *before = batch_of(full, 5, NULL), *event = NULL;
    size_t applied = 0;
    cr_assert_eq(same_batch(p, before, 1, &applied), IPART_OK);
    assert_ok(ipart__apply_all_with(p, before, IPART__DECODER_STREAM));
    assert_ok(ipart_partnership_event_at(&event, full, 5));
    const char *word = "Kvalitetssikringssystem";
    cr_assert_not_null(strstr(event, word));
    for (size_t at = 0; at <= 17; at++) {
        char with[64];
        snprintf(with, sizeof with, "%.*s\\\"],{[\\\\\\\"%s", (int)at, word, word + at);
        char *edit = edited(event, 0, word, with);
        cr_assert_eq(same_apply(p, edit, 1), IPART_OK, "at %zu", at);
        free(edit);
    }
    ipart_free(event);
    free(before);
    ipart_partnership_free(p);
    ipart_partnership_free(full);
}
