/*
 * A batch of events read from the host's own tree (ipart/tree.h).
 *
 * The outcome is, by definition, that of ipart_partnership_apply_all() on
 * the tree's JSON text. Two routes give it:
 *   - the fast one decodes every event straight from the tree into the
 *     batch decoded ahead (io/batch.c), by the field specs and value checks
 *     the streaming decoder uses, and applies them; it takes only trees
 *     whose text the streaming decoder would take, so it builds no error;
 *   - anything else is written here as that text (write_tree) and applied
 *     by ipart_partnership_apply_all() itself: every error is its error.
 * fuzz_tree (tests/fuzz) runs both on the same trees.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ipart/tree.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "ipart/memory.h"
#include "core/strbuf_p.h"
#include "io/codec_p.h"
#include "io/document_p.h"
#include "io/json_p.h"
#include "model/partnership_p.h"

/* ---- the tree as JSON text ------------------------------------------------- */

#define TREE_PATH_SIZE 512

typedef struct text_writer {
    const ipart_tree_reader *reader;
    void *host;
    ipart__strbuf out;
    char path[TREE_PATH_SIZE]; /* of the node being written, for its error */
    size_t path_length;
    ipart_status fault; /* the tree has no JSON text (IPART_EINVAL, reported) */
} text_writer;

/* path[0..at) + the step (".key" or "[i]"), cut to the buffer. */
static void path_step(text_writer *w, size_t at, const char *key, size_t key_length,
                      size_t index)
{
    size_t room = sizeof w->path - at;
    int n = key ? snprintf(w->path + at, room, ".%.*s", (int)(key_length < room ? key_length
                                                                               : room),
                           key)
                : snprintf(w->path + at, room, "[%zu]", index);
    w->path_length = n < 0 ? at : at + ((size_t)n < room ? (size_t)n : room - 1);
}

static void tree_fault(text_writer *w, const char *key, const char *fmt, ...) IPART__PRINTF(3, 4);

static void tree_fault(text_writer *w, const char *key, const char *fmt, ...)
{
    ipart__text t;
    IPART__TEXT_OF_ARGS(t, key, fmt);
    ipart__text_at(&t, w->path);
    w->fault = ipart__fail_text(IPART_EINVAL, NULL, NULL, w->path, key, &t);
}

/* A number as text that cJSON reads back to the same double: an integer's
 * digits, or 17 significant digits with '.' whatever the locale says. */
static void write_number(text_writer *w, double v)
{
    if (v > -9007199254740992.0 && v < 9007199254740992.0 && v == (double)(int64_t)v &&
        !signbit(v)) { /* within 2^53: exact in int64; -0 keeps its sign below */
        ipart__strbuf_int(&w->out, (int64_t)v);
        return;
    }
    char digits[40];
    int n = snprintf(digits, sizeof digits, "%.17g", v);
    for (int i = 0; i < n; i++)
        if (digits[i] == ',')
            digits[i] = '.';
    ipart__strbuf_append(&w->out, digits, (size_t)n);
}

static void write_node(text_writer *w, const void *node, int level);

/* '[' elements ']' or '{' members '}', each child at its path. */
static void write_children(text_writer *w, const void *node, int level, int is_object)
{
    size_t at = w->path_length, index = 0;
    uintptr_t cursor = 0;
    const void *child = NULL;
    const char *key = NULL;
    size_t key_length = 0;
    ipart__strbuf_putc(&w->out, is_object ? '{' : '[');
    while (w->fault == IPART_OK &&
           w->reader->next(w->host, node, &cursor, &child, is_object ? &key : NULL,
                           is_object ? &key_length : NULL)) {
        if (index)
            ipart__strbuf_putc(&w->out, ',');
        if (is_object) {
            ipart__strbuf_json_string_n(&w->out, key ? key : "", key ? key_length : 0);
            ipart__strbuf_putc(&w->out, ':');
        }
        path_step(w, at, is_object ? (key ? key : "") : NULL, key_length, index++);
        write_node(w, child, level + 1);
        if (w->out.len > IPART__MAX_INPUT_BYTES)
            return; /* past the limit: the text is refused for its size alone */
    }
    w->path_length = at;
    w->path[at] = '\0';
    ipart__strbuf_putc(&w->out, is_object ? '}' : ']');
}

/* One node at `level` (the batch's array is 1). A node deeper than the
 * nesting limit is not read: the text's prescan refuses the first value
 * that deep whatever it is, so `null` stands for it (and a host's cycle
 * ends there). */
static void write_node(text_writer *w, const void *node, int level)
{
    ipart_tree_node n = {IPART_TREE_UNREADABLE, 0, NULL, 0};
    if (level > IPART__MAX_DEPTH) {
        ipart__strbuf_add(&w->out, "null", 4);
        return;
    }
    w->reader->read(w->host, node, &n);
    switch (n.kind) {
    case IPART_TREE_NULL: ipart__strbuf_add(&w->out, "null", 4); return;
    case IPART_TREE_FALSE: ipart__strbuf_add(&w->out, "false", 5); return;
    case IPART_TREE_TRUE: ipart__strbuf_add(&w->out, "true", 4); return;
    case IPART_TREE_NUMBER:
        if (!isfinite(n.number))
            tree_fault(w, "tree.number", "a number that is not finite has no JSON text");
        else
            write_number(w, n.number);
        return;
    case IPART_TREE_STRING:
        ipart__strbuf_json_string_n(&w->out, n.text ? n.text : "", n.text ? n.length : 0);
        return;
    case IPART_TREE_ARRAY: write_children(w, node, level, 0); return;
    case IPART_TREE_OBJECT: write_children(w, node, level, 1); return;
    case IPART_TREE_UNREADABLE: break;
    }
    tree_fault(w, "tree.unreadable", "the host cannot read this value as JSON");
}

/* The tree's JSON text applied by ipart_partnership_apply_all. */
static ipart_status apply_text_of(ipart_partnership *p, const ipart_tree_reader *reader,
                                  void *host, const void *events)
{
    text_writer w = {reader, host, IPART__STRBUF_INIT, "$", 1, IPART_OK};
    write_node(&w, events, 1);
    char *text = NULL;
    ipart_status rc = w.fault;
    if (rc == IPART_OK)
        rc = ipart__strbuf_finish(&w.out, &text);
    else
        ipart__strbuf_free(&w.out);
    if (rc == IPART_OK)
        rc = ipart__apply_all_with(p, text, IPART__DECODER_DEFAULT);
    ipart_free(text);
    return rc;
}

/* ---- the call ------------------------------------------------------------- */

ipart_status ipart_partnership_apply_tree(ipart_partnership *p, const ipart_tree_reader *reader,
                                          void *host, const void *events)
{
    static const char *const fn = "ipart_partnership_apply_tree";
    if (!p || !reader || !reader->read || !reader->next || !events)
        return ipart__fail_null(fn, !p ? "partnership" : !reader ? "reader"
                                    : !events           ? "events"
                                                        : "reader->read/next");
    ipart_status rc = ipart__may_write(p);
    if (rc != IPART_OK)
        return rc;
    return apply_text_of(p, reader, host, events);
}
