/*
 * The proof, before a batch is applied, that ipart__json_parse() accepts
 * its text (json_p.h): a grammar check in one pass that accepts a subset of
 * what the parse accepts, so that a batch can be streamed event by event
 * (io/document.c) knowing that no text error of the cJSON path could have
 * refused the batch as a whole. What the parse accepts, and therefore every
 * rule below follows:
 *   - cJSON 1.7's grammar: this accepts RFC 8259 numbers of at most 63
 *     bytes (cJSON copies 63 and gives them to strtod, which then reads
 *     them whole), the escapes \b \f \n \r \t \" \\ \/ and \u with
 *     surrogate pairs that cJSON decodes (refused: a lone or unpaired
 *     surrogate, a bad hex digit, which cJSON reads as U+0000), any other
 *     byte inside strings, and only ' ', \t, \n and \r as white space
 *     (cJSON takes any byte up to 32, the pre-scan and the trailing-text
 *     check only these four);
 *   - ipart__json_prescan(): no BOM (the text must start with white space
 *     or '['), no value inside 32 open containers, no NUL (no \u escape
 *     decoding to U+0000 at all);
 *   - the duplicate-key pass: the keys of each object are compared as they
 *     stand, so a key holding an escape is left to the parse, as is an
 *     object whose keys do not fit the comparison's table;
 *   - the size limit (IPART__MAX_INPUT_BYTES) and no text after the value
 *     but white space.
 * Declining more than the parse refuses costs only speed: the caller then
 * runs the parse.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "json_p.h"

#include <string.h>

#include "io/codec_p.h"
#include "io/json_word_p.h"

/* The keys of the open objects, compared for duplicates: linear per key,
 * so bounded to keep the pass linear (an event has a few dozen at most). */
#define OPEN_KEYS_MAX 128

typedef struct key_span {
    const unsigned char *start;
    size_t length;
} key_span;

/* One open container: an object (its first key in keys[]) or an array. */
typedef struct frame {
    int is_object;
    size_t first_key;
    uint64_t key_hashes; /* bit key_hash() of each of its keys */
} frame;

/* The check's state. Its positions are locals of check_value (kept in
 * registers: the bytes read could alias a pointer held in memory). */
typedef struct checker {
    const unsigned char *end;
    size_t depth;     /* open containers */
    size_t key_count; /* in keys[] */
    size_t elements;  /* values completed directly inside the outermost container */
    frame frames[IPART__MAX_DEPTH];
    key_span keys[OPEN_KEYS_MAX];
} checker;

static const unsigned char *skip_space(const unsigned char *p)
{
    if (*p > ' ')
        return p; /* most tokens of a saved event follow the one before directly */
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
        p++;
    return p;
}

/* The length of the escape at `p` (a backslash before `end`) when cJSON
 * decodes it to a character other than NUL, else 0: one of \b \f \n \r \t
 * \" \\ \/, a \u code unit, or a high surrogate and a low one. */
static size_t escape_length(const unsigned char *p, const unsigned char *end)
{
    unsigned char utf8[4], *o = utf8;
    if (end - p < 2)
        return 0;
    if (p[1] != 'u')
        return memchr("bfnrt\"\\/", p[1], 8) ? 2 : 0;
    return ipart__json_unicode_escape(p, end, &o);
}

/* Past the string whose opening quote is at `p`, or NULL. */
static const unsigned char *string(const unsigned char *p, const unsigned char *end)
{
    for (p++;;) {
        p = ipart__json_string_stop(p, end, 1);
        if (p >= end || *p == '\0')
            return NULL;
        if (*p == '"')
            return p + 1;
        size_t n = escape_length(p, end);
        if (!n)
            return NULL;
        p += n;
    }
}

static int is_digit(const unsigned char *p, const unsigned char *end)
{
    return p < end && *p >= '0' && *p <= '9';
}

static const unsigned char *digits(const unsigned char *p, const unsigned char *end)
{
    while (is_digit(p, end))
        p++;
    return p;
}

/* Past -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? of at most 63
 * bytes at `p`, or NULL. */
static const unsigned char *number(const unsigned char *p, const unsigned char *end)
{
    const unsigned char *start = p;
    p += *p == '-';
    if (!is_digit(p, end))
        return NULL;
    p = *p == '0' ? p + 1 : digits(p, end);
    if (p < end && *p == '.') {
        if (!is_digit(++p, end))
            return NULL;
        p = digits(p, end);
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        p += p < end && (*p == '+' || *p == '-');
        if (!is_digit(p, end))
            return NULL;
        p = digits(p, end);
    }
    return p - start > 63 ? NULL : p;
}

static const unsigned char *word(const unsigned char *p, const unsigned char *end,
                                 const char *w, size_t n)
{
    return (size_t)(end - p) >= n && memcmp(p, w, n) == 0 ? p + n : NULL;
}

/* Past a scalar at `p` (a string, number, true, false or null), or NULL. */
static const unsigned char *scalar(const unsigned char *p, const unsigned char *end)
{
    switch (*p) {
    case '"': return string(p, end);
    case 't': return word(p, end, "true", 4);
    case 'f': return word(p, end, "false", 5);
    case 'n': return word(p, end, "null", 4);
    default: return number(p, end);
    }
}

/* One of 64 bits for a key, from its length and its first two bytes (or
 * the closing quote and what follows it: the text goes on, NUL-ended):
 * equal keys have the same bit, so a key whose bit no earlier key of its
 * object has set is new there without comparing it. */
static uint64_t key_hash(const key_span *k)
{
    unsigned h = (unsigned)k->length * 3u + k->start[0] + k->start[1] * 5u;
    return (uint64_t)1 << (h & 63);
}

/* Whether no key of `object` (the innermost) is `k`. */
static int key_is_new(const checker *c, const frame *object, const key_span *k)
{
    for (size_t i = object->first_key; i < c->key_count; i++)
        if (c->keys[i].length == k->length && memcmp(c->keys[i].start, k->start, k->length) == 0)
            return 0;
    return 1;
}

/* Past `"key" :` at `p` when the key holds no escape and is new in the
 * innermost object, or NULL. */
static inline const unsigned char *key(checker *c, const unsigned char *p)
{
    if (*p != '"' || c->key_count == OPEN_KEYS_MAX)
        return NULL;
    const unsigned char *start = p + 1, *close = ipart__json_string_stop(start, c->end, 1);
    if (close >= c->end || *close != '"')
        return NULL; /* a NUL, no end, or an escape: an escaped key is left to the parse */
    key_span k = {start, (size_t)(close - start)};
    frame *object = &c->frames[c->depth - 1];
    uint64_t bit = key_hash(&k);
    if (object->key_hashes & bit && !key_is_new(c, object, &k))
        return NULL;
    object->key_hashes |= bit;
    c->keys[c->key_count++] = k;
    const unsigned char *after = skip_space(close + 1);
    return *after == ':' ? skip_space(after + 1) : NULL;
}

/* Open a container at `p` ('{' or '['): past it and its white space. */
static const unsigned char *open(checker *c, const unsigned char *p)
{
    c->frames[c->depth++] = (frame){*p == '{', c->key_count, 0};
    return skip_space(p + 1);
}

/* Past the value at `p` (white space skipped), with c->depth containers
 * open around it, or NULL; c->elements counts the values completed at
 * depth c->depth + 1. One loop over the tokens: no call per container. */
static const unsigned char *check_value(checker *c, const unsigned char *p)
{
    const unsigned char *end = c->end;
    size_t outer = c->depth;
    int member = 0; /* a key comes first (one place reads keys: key() is inlined) */
    for (;;) {
        if (member && !(p = key(c, p)))
            return NULL;
        /* a value begins at p */
        if (c->depth >= IPART__MAX_DEPTH || p >= end)
            return NULL; /* the pre-scan refuses a value inside 32 open containers */
        if (*p == '{' || *p == '[') {
            int is_object = *p == '{';
            p = open(c, p);
            if (*p != (is_object ? '}' : ']')) {
                member = is_object;
                continue; /* its first value */
            }
            p++; /* empty */
            c->key_count = c->frames[--c->depth].first_key;
        } else if (!(p = scalar(p, end))) {
            return NULL;
        }
        /* a value ended before p: close containers, or go to the next value */
        for (;;) {
            if (c->depth == outer + 1 && ++c->elements > IPART__MAX_EVENTS)
                return NULL;
            if (c->depth == outer)
                return p;
            const frame *top = &c->frames[c->depth - 1];
            p = skip_space(p);
            if (*p == ',') {
                p = skip_space(p + 1);
                member = top->is_object;
                break;
            }
            if (*p != (top->is_object ? '}' : ']'))
                return NULL;
            p++;
            c->key_count = top->first_key;
            c->depth--;
        }
    }
}

static void checker_init(checker *c, const char *text, size_t length, size_t depth)
{
    c->end = (const unsigned char *)text + length;
    c->depth = depth;
    c->key_count = 0;
    c->elements = 0;
}

int ipart__json_accepts_array(const char *text, size_t length, size_t *count)
{
    checker c;
    checker_init(&c, text, length, 0);
    const unsigned char *p = skip_space((const unsigned char *)text);
    if (length > IPART__MAX_INPUT_BYTES || *p != '[' || !(p = check_value(&c, p)))
        return 0;
    *count = c.elements;
    return skip_space(p) == c.end;
}

size_t ipart__json_element_length(const char *text, size_t length)
{
    checker c;
    checker_init(&c, text, length, 1);
    c.frames[0] = (frame){0, 0, 0};
    const unsigned char *after = check_value(&c, (const unsigned char *)text);
    return after ? (size_t)(after - (const unsigned char *)text) : 0;
}
