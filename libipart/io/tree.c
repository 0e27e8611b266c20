/*
 * A batch of events read from the host's own tree (ipart/tree.h).
 *
 * The outcome is, by definition, that of ipart_partnership_apply_all() on
 * the tree's JSON text. Two routes give it:
 *   - the fast one decodes every event straight from the tree into the
 *     batch decoded ahead (io/batch.c), by the field specs and value checks
 *     the streaming decoder uses, and applies them; it takes only trees
 *     whose text the streaming decoder would take, so it builds no error;
 *   - anything else is written here as that text (apply_text_of) and applied
 *     by ipart_partnership_apply_all() itself: every error is its error.
 * fuzz_tree (tests/fuzz) runs both on the same trees.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "io/tree_p.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "core/strbuf_p.h"
#include "core/strset_p.h"
#include "ipart/memory.h"
#include "io/batch_p.h"
#include "io/codec_p.h"
#include "io/field_check_p.h"
#include "io/document_p.h"
#include "io/json_p.h"
#include "model/event_spec_p.h"
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

/* ---- the fast route: events decoded straight from the tree --------------- */

/* Strings parsed but not kept (dates, amounts, enum names, event types)
 * longer than this are left to the text. */
#define SMALL_TEXT 64

typedef struct tree_decoder {
    const ipart_tree_reader *reader;
    void *host;
    ipart__arena *arena;  /* of the batch */
    const char *currency; /* of the event's money fields */
    size_t text_bound;    /* at least the bytes of the text written so far */
    int nomem;
} tree_decoder;

static int read_object(tree_decoder *d, const void *node, const object_spec *spec, void *base);

static void node_of(tree_decoder *d, const void *node, ipart_tree_node *n)
{
    n->kind = IPART_TREE_UNREADABLE;
    n->text = NULL;
    n->length = 0;
    d->reader->read(d->host, node, n);
}

/* A string node's bytes, when it has no NUL (which the text refuses). */
static int string_of(tree_decoder *d, const void *node, ipart_tree_node *n)
{
    node_of(d, node, n);
    if (n->kind != IPART_TREE_STRING || (!n->text && n->length) ||
        (n->length && memchr(n->text, '\0', n->length)))
        return 0;
    d->text_bound += n->length + 2;
    return 1;
}

/* A string the event keeps, checked and copied into the arena. An id's
 * text is exact; another string's may be escaped, up to 6 bytes a byte. */
static int read_kept(tree_decoder *d, const void *node, const char **out, int is_id)
{
    ipart_tree_node n;
    if (!string_of(d, node, &n) || !ipart__string_accepted(n.text ? n.text : "", n.length, is_id, 0))
        return 0;
    d->text_bound += is_id ? 0 : 5 * n.length;
    *out = ipart__arena_text(d->arena, n.text ? n.text : "", n.length);
    d->nomem |= !*out;
    return *out != NULL;
}

/* A short string parsed and not kept, NUL-ended in `out`. Its text is
 * exact: the parsers take no byte that needs an escape. */
static int read_small(tree_decoder *d, const void *node, char out[SMALL_TEXT])
{
    ipart_tree_node n;
    if (!string_of(d, node, &n) || n.length >= SMALL_TEXT)
        return 0;
    memcpy(out, n.text ? n.text : "", n.length);
    out[n.length] = '\0';
    return 1;
}

static int read_bool(tree_decoder *d, const void *node, int *out)
{
    ipart_tree_node n;
    node_of(d, node, &n);
    *out = n.kind == IPART_TREE_TRUE;
    d->text_bound += 5;
    return n.kind == IPART_TREE_TRUE || n.kind == IPART_TREE_FALSE;
}

static int read_int(tree_decoder *d, const void *node, const field_spec *f, int64_t *out)
{
    ipart_tree_node n;
    node_of(d, node, &n);
    d->text_bound += 24; /* write_number's longest */
    return n.kind == IPART_TREE_NUMBER && ipart__integer_value(out, n.number, f->min, f->max);
}

/* The next child of `container`, counted: 0 after the last or past `limit`. */
static int next_child(tree_decoder *d, const void *container, uintptr_t *cursor,
                      const void **child, const char **key, size_t *key_length)
{
    d->text_bound += 1; /* its ',' or the closing bracket */
    return d->reader->next(d->host, container, cursor, child, key, key_length);
}

/* An array node of `count` elements, each read by `element` into its slot
 * of an array allocated once at its size (as the other decoders do). */
static int read_elements(tree_decoder *d, const void *node, ipart__array *out, size_t size,
                         int64_t min_count, int (*element)(tree_decoder *, const void *, void *,
                                                           const void *),
                         const void *ctx)
{
    ipart_tree_node n;
    node_of(d, node, &n);
    if (n.kind != IPART_TREE_ARRAY || (int64_t)n.length < min_count || n.length > IPART__MAX_EVENTS)
        return 0;
    ipart__array a = {ipart__arena_alloc(d->arena, (n.length ? n.length : 1) * size), 0};
    if (!a.items)
        return !(d->nomem = 1);
    uintptr_t cursor = 0;
    const void *child = NULL;
    d->text_bound += 1;
    while (next_child(d, node, &cursor, &child, NULL, NULL)) {
        if (a.count == n.length || !element(d, child, (unsigned char *)a.items + a.count * size, ctx))
            return 0;
        a.count++;
    }
    *out = a;
    return a.count == n.length;
}

static int object_element(tree_decoder *d, const void *node, void *slot, const void *spec)
{
    return read_object(d, node, spec, slot);
}

static int id_element(tree_decoder *d, const void *node, void *slot, const void *unused)
{
    (void)unused;
    return read_kept(d, node, slot, 1);
}

static int read_ids(tree_decoder *d, const void *node, ipart__array *out, int64_t min_count)
{
    if (!read_elements(d, node, out, sizeof(const char *), min_count, id_element, NULL))
        return 0;
    size_t repeat;
    if (ipart__first_repeat_of(&repeat, out->items, out->count) != IPART_OK)
        return !(d->nomem = 1);
    return repeat == out->count;
}

static int read_field(tree_decoder *d, const void *node, const field_spec *f, void *base)
{
    void *at = (unsigned char *)base + f->offset;
    char small[SMALL_TEXT];
    int exponent;
    ipart_tree_node n;
    switch (f->kind) {
    case FK_ID:
    case FK_STRING:
        return read_kept(d, node, at, f->kind == FK_ID);
    case FK_DATE:
        return read_small(d, node, small) && ipart_date_parse(at, small) == IPART_OK;
    case FK_MONEY:
        return read_small(d, node, small) && d->currency[0] &&
               ipart_money_parse(at, small, d->currency) == IPART_OK;
    case FK_CURRENCY:
        if (!read_small(d, node, small) || ipart_currency_exponent(&exponent, small) != IPART_OK ||
            ipart__string_fault(small, 0, NULL))
            return 0;
        *(const char **)at = ipart__arena_text(d->arena, small, strlen(small));
        d->nomem |= !*(const char **)at;
        return *(const char **)at != NULL;
    case FK_BOOL:
        return read_bool(d, node, at);
    case FK_INT:
        return read_int(d, node, f, at);
    case FK_ENUM:
        return read_small(d, node, small) && (*(int *)at = ipart__enum_index(f->names, small)) >= 0;
    case FK_OBJECT:
        return read_object(d, node, f->object, at);
    case FK_ARRAY:
        return read_elements(d, node, at, f->object->size, f->min, object_element, f->object);
    case FK_ID_ARRAY:
        return read_ids(d, node, at, f->min);
    case FK_ITEM_REF:
        node_of(d, node, &n);
        if (n.kind != IPART_TREE_STRING)
            return read_object(d, node, &ipart__item_ref_spec, at);
        ((ipart__item_ref *)at)->blanket = 1;
        return read_kept(d, node, &((ipart__item_ref *)at)->blanket_text, 0);
    }
    return 0;
}

/* The index of the field named by the key in `spec`, or -1. */
static int field_named(const object_spec *spec, const char *key, size_t length)
{
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        if (f->name_length == length && memcmp(f->name, key, length) == 0)
            return (int)i;
    }
    return -1;
}

/* The value of field `i` of `spec`, once per object (*seen). */
static int read_member(tree_decoder *d, const void *value, const object_spec *spec, int i,
                       void *base, uint64_t *seen)
{
    if (i < 0 || *seen >> i & 1)
        return 0; /* unknown or repeated */
    *seen |= (uint64_t)1 << i;
    const field_spec *f = &spec->fields[i];
    d->text_bound += f->name_length + 3;
    if (f->nullable) {
        ipart_tree_node n;
        node_of(d, value, &n);
        if (n.kind == IPART_TREE_NULL)
            return (d->text_bound += 4) != 0; /* absent, as the cJSON decoder reads it */
    }
    if (!read_field(d, value, f, base))
        return 0;
    ipart__spec_mark_present(f, base);
    return 1;
}

static int read_object(tree_decoder *d, const void *node, const object_spec *spec, void *base)
{
    ipart_tree_node n;
    node_of(d, node, &n);
    if (n.kind != IPART_TREE_OBJECT || spec->count > 64)
        return 0;
    uint64_t seen = 0;
    uintptr_t cursor = 0;
    const void *value = NULL;
    const char *key = NULL;
    size_t key_length = 0;
    d->text_bound += 1;
    while (next_child(d, node, &cursor, &value, &key, &key_length))
        if (!key || !read_member(d, value, spec, field_named(spec, key, key_length), base, &seen))
            return 0;
    return ipart__spec_has_required(spec, seen);
}

static int is_type_key(const char *key, size_t length)
{
    return key && length == 4 && memcmp(key, "type", 4) == 0;
}

/* The event type named by the object's "type" member, or -1. */
static int type_of(tree_decoder *d, const void *node)
{
    uintptr_t cursor = 0;
    const void *value = NULL;
    const char *key = NULL;
    size_t key_length = 0;
    char name[SMALL_TEXT];
    while (d->reader->next(d->host, node, &cursor, &value, &key, &key_length))
        if (is_type_key(key, key_length))
            return read_small(d, value, name) ? ipart__event_type_index(name) : -1;
    return -1;
}

/* One event object into *ev (zeroed first): "type" found first, then every
 * member read, a header field's key being the header's, as the cJSON
 * decoder reads them. */
static int read_event(tree_decoder *d, const void *node, ipart__event *ev)
{
    ipart_tree_node n;
    memset(ev, 0, sizeof *ev);
    node_of(d, node, &n);
    int type = n.kind == IPART_TREE_OBJECT ? type_of(d, node) : -1;
    if (type < 0)
        return 0;
    ev->type = (ipart__event_type)type;
    const object_spec *body = &ipart__event_bodies[ev->type];
    const char *currency = d->currency;
    d->currency = ipart__body_currency(ev->type, currency);
    uint64_t seen[2] = {0, 0}; /* the header's, the body's */
    uintptr_t cursor = 0;
    const void *value = NULL;
    const char *key = NULL;
    size_t key_length = 0;
    int types = 0, ok = 1;
    d->text_bound += 1 + 7; /* '{' and the key "type": (its value counted by type_of) */
    while (ok && next_child(d, node, &cursor, &value, &key, &key_length)) {
        if (is_type_key(key, key_length)) {
            ok = types++ == 0;
            continue;
        }
        int i = key ? field_named(&ipart__header_spec, key, key_length) : -1;
        const object_spec *spec = i >= 0 ? &ipart__header_spec : body;
        if (i < 0 && key)
            i = field_named(body, key, key_length);
        ok = key && read_member(d, value, spec, i, ev, &seen[spec == body]);
    }
    d->currency = currency;
    return ok && ipart__spec_has_required(&ipart__header_spec, seen[0]) &&
           ipart__spec_has_required(body, seen[1]);
}

ipart__stream_result ipart__tree_decode(ipart__ahead *a, const ipart_tree_reader *reader,
                                        void *host, const void *events)
{
    tree_decoder d = {reader, host, &a->arena, NULL, 2, 0};
    ipart_tree_node n;
    node_of(&d, events, &n);
    if (n.kind != IPART_TREE_ARRAY)
        return IPART__STREAM_DECLINED;
    uintptr_t cursor = 0;
    const void *node = NULL;
    ipart__event scratch;
    while (next_child(&d, events, &cursor, &node, NULL, NULL)) {
        d.currency = a->currency;
        if (a->count == IPART__MAX_EVENTS || !read_event(&d, node, &scratch))
            return d.nomem ? (ipart__fail_nomem(), IPART__STREAM_NOMEM) : IPART__STREAM_DECLINED;
        ipart__stream_result kept = ipart__ahead_keep(a, &scratch);
        if (kept != IPART__STREAM_TAKEN)
            return kept;
    }
    return d.text_bound <= IPART__MAX_INPUT_BYTES ? IPART__STREAM_TAKEN : IPART__STREAM_DECLINED;
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
    ipart__ahead a;
    ipart__ahead_start(&a, p);
    ipart__stream_result decoded = ipart__tree_decode(&a, reader, host, events);
    if (decoded == IPART__STREAM_TAKEN)
        rc = ipart__ahead_apply(p, &a);
    ipart__ahead_end(&a);
    if (decoded == IPART__STREAM_DECLINED)
        rc = apply_text_of(p, reader, host, events);
    return decoded == IPART__STREAM_NOMEM ? IPART_ENOMEM : rc;
}
