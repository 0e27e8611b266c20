/* The growable string buffer behind every JSON the library writes.
 * SPDX-License-Identifier: Apache-2.0 */
#include "harness.h"
#include "core/strbuf_p.h"
#include "model/event_spec_p.h"
#include "model/event_p.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(strbuf, IPART_TEST_FIXTURE);

static char *finish(ipart__strbuf *b)
{
    char *out = NULL;
    assert_ok(ipart__strbuf_finish(b, &out));
    cr_assert_null(b->data, "finish hands the text over");
    return out;
}

Test(strbuf, json_strings_escape_quotes_backslashes_and_every_control_character)
{
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_json_string(&b, "a\"b\\c\nd\re\tf\bg\fh\x01i\x1fj\x7f\xc3\xb8");
    char *out = finish(&b);
    cr_assert_str_eq(out, "\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001fj\x7f\xc3\xb8\"");
    /* What it writes is JSON that reads back to the same bytes. */
    cJSON *back = cJSON_Parse(out);
    cr_assert(cJSON_IsString(back));
    cr_assert_str_eq(back->valuestring, "a\"b\\c\nd\re\tf\bg\fh\x01i\x1fj\x7f\xc3\xb8");
    cJSON_Delete(back);
    ipart_free(out);
}

/* Strings are scanned eight bytes at a time: an escape in any place of a
 * word, after whole plain words, and bytes of 0x80 and above (UTF-8) in a
 * word are all told apart from plain text. */
Test(strbuf, json_strings_find_each_escape_wherever_it_sits_in_a_word)
{
    const char plain[] = "Leverandør 12 AS — Stavanger kommune, økonomiavdelingen";
    const char specials[] = {'"', '\\', '\n', '\x01', '\x1f'};
    const char *escapes[] = {"\\\"", "\\\\", "\\n", "\\u0001", "\\u001f"};
    for (size_t k = 0; k < sizeof specials; k++)
        for (size_t at = 0; at < 20; at++) {
            char text[64], expected[80];
            memcpy(text, plain, at);
            text[at] = specials[k];
            snprintf(text + at + 1, sizeof text - at - 1, "%s", plain + at);
            snprintf(expected, sizeof expected, "\"%.*s%s%s\"", (int)at, plain, escapes[k],
                     plain + at);
            ipart__strbuf b = IPART__STRBUF_INIT;
            ipart__strbuf_json_string(&b, text);
            char *out = finish(&b);
            cr_assert_str_eq(out, expected, "special %zu at byte %zu", k, at);
            ipart_free(out);
        }
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_json_string(&b, plain);
    char *out = finish(&b);
    cr_assert_eq(strlen(out), strlen(plain) + 2);
    cr_assert(strncmp(out + 1, plain, strlen(plain)) == 0 && out[0] == '"');
    ipart_free(out);
}

/* A JSON string of the n bytes of s, one byte at a time: the reference. */
static void reference_json_string(char *out, const unsigned char *s, size_t n)
{
    static const char shorts[] = "\n\r\t\b\f", letters[] = "nrtbf";
    *out++ = '"';
    for (size_t i = 0; i < n; i++) {
        const char *short_at = s[i] ? strchr(shorts, s[i]) : NULL;
        if (s[i] == '"' || s[i] == '\\')
            out += sprintf(out, "\\%c", s[i]);
        else if (short_at)
            out += sprintf(out, "\\%c", letters[short_at - shorts]);
        else if (s[i] < 0x20)
            out += sprintf(out, "\\u%04x", s[i]);
        else
            *out++ = (char)s[i];
    }
    strcpy(out, "\"");
}

/* Strings of every length up to three sixteen-byte blocks, with one byte
 * at each place (escapes, and the plain bytes beside them: ' ', 0x7F, 0x80,
 * 0xFF), come out as the byte-at-a-time reference writes them: whole
 * blocks, whole words, and the last word that overlaps the one before. */
Test(strbuf, json_strings_of_every_length_match_the_byte_at_a_time_reference)
{
    const unsigned char bytes[] = {'"', '\\', 0x01, 0x1f, '\n', ' ', 0x7f, 0x80, 0xff, 'a'};
    for (size_t n = 0; n <= 48; n++)
        for (size_t at = 0; at <= n; at++) /* at == n: no odd byte */
            for (size_t k = 0; k < sizeof bytes; k++) {
                unsigned char text[64];
                char expected[64 * 6 + 3];
                for (size_t i = 0; i < n; i++)
                    text[i] = (unsigned char)('A' + i % 26);
                if (at < n)
                    text[at] = bytes[k];
                text[n] = '\0';
                reference_json_string(expected, text, n);
                ipart__strbuf b = IPART__STRBUF_INIT;
                ipart__strbuf_json_string(&b, (const char *)text);
                char *out = finish(&b);
                cr_assert_str_eq(out, expected, "length %zu, byte %zu is 0x%02x", n, at, bytes[k]);
                ipart_free(out);
            }
}

Test(strbuf, printf_longer_than_its_stack_buffer_is_written_whole)
{
    char wide[300];
    memset(wide, 'x', sizeof wide - 1);
    wide[sizeof wide - 1] = '\0';
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_puts(&b, "<");
    ipart__strbuf_printf(&b, "%s|%d", wide, 42);
    char *out = finish(&b);
    cr_assert_eq(strlen(out), 1 + 299 + 3);
    cr_assert_eq(out[0], '<');
    cr_assert_str_eq(out + 300, "|42");
    ipart_free(out);
}

Test(strbuf, an_empty_buffer_finishes_as_an_empty_string)
{
    ipart__strbuf b = IPART__STRBUF_INIT;
    char *out = finish(&b);
    cr_assert_str_eq(out, "");
    ipart_free(out);
}

Test(strbuf, money_and_date_members_are_canonical)
{
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart_money m = {-50, "NOK"};
    ipart_date d = {2017, 9, 5};
    ipart__strbuf_putc(&b, '{');
    ipart__strbuf_json_string(&b, "d");
    ipart__strbuf_putc(&b, ':');
    ipart__strbuf_json_date(&b, d);
    ipart__strbuf_json_money_member(&b, "m", m);
    ipart__strbuf_putc(&b, '}');
    char *out = finish(&b);
    cr_assert_str_eq(out, "{\"d\":\"2017-09-05\",\"m\":\"-0.50\"}");
    ipart_free(out);
}

Test(strbuf, an_amount_in_an_unknown_currency_fails_the_buffer)
{
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart_money m = {100, "XYZ"};
    ipart__strbuf_json_money(&b, m);
    cr_assert(b.oom);
    char *out = NULL;
    cr_assert_neq(ipart__strbuf_finish(&b, &out), IPART_OK);
    cr_assert_null(out);
}

static ipart_status grow(void *ctx)
{
    (void)ctx;
    ipart__strbuf b = IPART__STRBUF_INIT;
    for (int i = 0; i < 200; i++)
        ipart__strbuf_printf(&b, "%d,", i);
    ipart__strbuf_puts(&b, "end"); /* a no-op after a failure */
    char *out = NULL;
    ipart_status rc = ipart__strbuf_finish(&b, &out);
    if (rc == IPART_OK) {
        cr_assert_eq(strncmp(out, "0,1,2,", 6), 0);
        cr_assert_str_eq(out + strlen(out) - 7, "199,end");
        ipart_free(out);
    } else {
        cr_assert_null(out);
        cr_assert_null(b.data, "a failed buffer is freed by finish");
    }
    return rc;
}

Test(strbuf, the_first_failed_growth_fails_the_whole_text)
{
    /* 64, 128, ... 1024 bytes: one allocation per doubling. */
    cr_assert_eq(harness_fail_each(grow, NULL), 5);
}

Test(strbuf, plain_texts_and_keys_are_quoted_as_they_are)
{
    ipart__strbuf b = IPART__STRBUF_INIT;
    ipart__strbuf_putc(&b, '{');
    ipart__strbuf_json_key(&b, "kind");
    ipart__strbuf_json_plain(&b, "rnd_capacity");
    ipart__strbuf_putc(&b, '}');
    char *out = finish(&b);
    cr_assert_str_eq(out, "{\"kind\":\"rnd_capacity\"}");
    ipart_free(out);
}

/* The encoder writes field names, enum values and event types with
 * ipart__strbuf_json_plain/_key: none may hold a byte JSON escapes. */
static void assert_plain(const char *s)
{
    cr_assert(s[0], "an empty name");
    for (const char *c = s; *c; c++)
        cr_assert(*c >= 0x20 && *c < 0x7f && *c != '"' && *c != '\\',
                  "'%s' would need escaping", s);
}

static void assert_spec_plain(const object_spec *spec)
{
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        assert_plain(f->name);
        for (const char *const *n = f->kind == FK_ENUM ? f->names : NULL; n && *n; n++)
            assert_plain(*n);
        if (f->object)
            assert_spec_plain(f->object);
    }
}

Test(strbuf, every_name_the_encoder_writes_unescaped_needs_no_escape)
{
    for (int t = 0; t < IPART__EV_COUNT; t++) {
        assert_plain(ipart__event_type_name((ipart__event_type)t));
        assert_spec_plain(&ipart__event_bodies[t]);
    }
}

/* Cutting the text is what this test is about: gcc's warning that
 * snprintf may cut it is the point, not a mistake. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

/* ipart__path_printf writes what snprintf writes, byte for byte, at every
 * size from nothing to more than enough (cut texts included), and hands
 * conversions it does not know to vsnprintf. */
#define ASSERT_AS_SNPRINTF(...)                                                             \
    do {                                                                                    \
        for (size_t size = 0; size <= 72; size++) {                                         \
            char expected[80], got[80];                                                     \
            memset(expected, '#', sizeof expected);                                         \
            memset(got, '#', sizeof got);                                                   \
            snprintf(expected, size, __VA_ARGS__);                                          \
            ipart__path_printf(got, size, __VA_ARGS__);                                     \
            cr_assert(memcmp(expected, got, sizeof got) == 0, "size %zu: '%.*s' vs '%.*s'", \
                      size, (int)size, expected, (int)size, got);                           \
        }                                                                                   \
    } while (0)

Test(strbuf, paths_are_written_as_snprintf_writes_them)
{
    const char *path = "$.log[12].payload", *empty = "", *utf8 = "løsning.æøå";
    ASSERT_AS_SNPRINTF("%s.%s", path, "partners");
    ASSERT_AS_SNPRINTF("%s.%s", empty, empty);
    ASSERT_AS_SNPRINTF("%s.%s[%zu]", path, "members", (size_t)0);
    ASSERT_AS_SNPRINTF("%s.scores[%zu]", path, (size_t)1234567);
    ASSERT_AS_SNPRINTF("candidates[%zu]", (size_t)9);
    ASSERT_AS_SNPRINTF("notified[%zu]", (size_t)10);
    ASSERT_AS_SNPRINTF("ipr.licences[%zu].licensees[%zu]", (size_t)3, SIZE_MAX);
    ASSERT_AS_SNPRINTF("%s.ipr.%s", utf8, path);
    ASSERT_AS_SNPRINTF("100 %% of %s", utf8);
    ASSERT_AS_SNPRINTF("no conversion at all");
    char long_path[90]; /* longer than the largest size: every size cuts it */
    for (size_t i = 0; i + 1 < sizeof long_path; i++)
        long_path[i] = (char)('a' + i % 26);
    long_path[sizeof long_path - 1] = '\0';
    ASSERT_AS_SNPRINTF("%s.%s[%zu]", long_path, path, (size_t)77);
    /* A null string as glibc writes it (a pointer gcc cannot see is null). */
    const char *none = getenv("IPART_TEST_SURELY_UNSET_VARIABLE");
    cr_assert_null(none);
    ASSERT_AS_SNPRINTF("%s.%s", path, none);
    /* Conversions it leaves to vsnprintf. */
    ASSERT_AS_SNPRINTF("%s: %d of %lld", path, -7, (long long)INT64_MIN);
    ASSERT_AS_SNPRINTF("%04d-%02d", 2017, 9);
    ASSERT_AS_SNPRINTF("%s[%zu] %x", path, (size_t)4, 255u);
}
