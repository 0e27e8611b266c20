/*
 * The pass over untrusted JSON text before cJSON parses it (json_p.h): the
 * depth limit is enforced here, while reading, so that no tree is built for
 * text nested too deep; strings that cJSON would cut at a NUL are refused
 * here because the tree no longer shows them.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "json_p.h"

#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "io/codec_p.h"

/* One open object or array: where its current member is. */
typedef struct frame {
    int is_object;
    int expect_key;      /* an object between '{' or ',' and the next key */
    size_t index;        /* of the current element (arrays) */
    const char *key;     /* the current member's key, raw text (objects) */
    size_t key_length;
} frame;

typedef struct scan {
    const char *text, *end;
    const char *root;
    frame frames[IPART__MAX_DEPTH];
    size_t depth; /* open containers */
} scan;

/* "$.events[3].tender": the root, then each open container's current member. */
static void scan_path(char *out, size_t size, const scan *s)
{
    size_t n = (size_t)snprintf(out, size, "%s", s->root);
    for (size_t i = 0; i < s->depth && n < size; i++) {
        const frame *f = &s->frames[i];
        int added = f->is_object ? snprintf(out + n, size - n, ".%.*s", (int)f->key_length,
                                            f->key ? f->key : "")
                                 : snprintf(out + n, size - n, "[%zu]", f->index);
        n += added > 0 ? (size_t)added : 0;
    }
}

static ipart_status scan_error(const scan *s, ipart_status code, const char *key,
                               const char *detail)
{
    char at[256];
    scan_path(at, sizeof at, s);
    ipart__text t;
    ipart__text_plain(&t, key, detail);
    ipart__text_at(&t, at);
    return ipart__fail_text(code, NULL, NULL, at, key, &t);
}

/* A value begins at the current position: check that it fits the depth. */
static ipart_status value_begins(const scan *s)
{
    if (s->depth + 1 > IPART__MAX_DEPTH)
        return scan_error(s, IPART_ERANGE, "document.depth", "nested deeper than 32 levels");
    return IPART_OK;
}

/* Move past a string starting after its opening quote (to after its
 * closing quote, or the end); 1 if it holds a NUL, raw or as \u0000. */
static int skip_string(const scan *s, const char **at)
{
    int nul = 0;
    const char *p = *at;
    for (; p < s->end && *p != '"'; p++) {
        nul |= *p == '\0' || (*p == '\\' && s->end - p >= 6 && memcmp(p + 1, "u0000", 5) == 0);
        if (*p == '\\' && p + 1 < s->end)
            p++;
    }
    *at = p < s->end ? p + 1 : p;
    return nul;
}

static ipart_status on_string(scan *s, const char **at)
{
    frame *top = s->depth ? &s->frames[s->depth - 1] : NULL;
    int is_key = top && top->is_object && top->expect_key;
    ipart_status rc = is_key ? IPART_OK : value_begins(s);
    if (rc != IPART_OK)
        return rc;
    const char *start = *at;
    int nul = skip_string(s, at);
    if (is_key) { /* the path of a bad key names the key itself */
        top->key = start;
        top->key_length = (size_t)(*at - start) - (*at > start && (*at)[-1] == '"');
        top->expect_key = 0;
    }
    if (nul)
        return scan_error(s, IPART_EINVAL, "document.string.nul",
                          "contains a NUL character (\\u0000), which would cut the string short");
    return IPART_OK;
}

static ipart_status on_open(scan *s, int is_object)
{
    ipart_status rc = value_begins(s);
    if (rc == IPART_OK)
        s->frames[s->depth++] = (frame){is_object, is_object, 0, NULL, 0};
    return rc;
}

static void on_comma(scan *s)
{
    if (!s->depth)
        return;
    frame *top = &s->frames[s->depth - 1];
    top->index++;
    top->expect_key = top->is_object;
}

static int is_scalar_end(char c)
{
    return c == ',' || c == ']' || c == '}' || c == ':' || c == '"' || c == '[' || c == '{' ||
           c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

ipart_status ipart__json_prescan(const char *text, size_t length, const char *root)
{
    scan s = {text, text + length, root, {{0}}, 0};
    if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        ipart_status rc = ipart__fail(IPART_EPARSE, "json.bom",
                                      "%s: a UTF-8 byte-order mark before the JSON text is not "
                                      "accepted (RFC 8259, section 8.1)", root);
        ipart__error_set_path(root);
        return rc;
    }
    ipart_status rc = IPART_OK;
    for (const char *p = text; rc == IPART_OK && p < s.end;) {
        char c = *p++;
        switch (c) {
        case '"': rc = on_string(&s, &p); break;
        case '{': rc = on_open(&s, 1); break;
        case '[': rc = on_open(&s, 0); break;
        case '}': case ']': s.depth -= s.depth ? 1 : 0; break;
        case ',': on_comma(&s); break;
        case ':': case ' ': case '\t': case '\n': case '\r': break;
        default: /* a number, true, false, null - or not JSON, left to cJSON */
            rc = value_begins(&s);
            while (p < s.end && !is_scalar_end(*p))
                p++;
        }
    }
    return rc;
}
