/*
 * JSON -> typed events, driven by the model's table of field specs per event
 * type (model/event_spec_p.h): the same table decides what is accepted
 * (unknown, duplicate, missing and mistyped fields are errors naming their
 * JSON path) and how the model writes an event back (model/event_encode.c),
 * so that load -> save is byte-identical.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "codec_p.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "core/strset_p.h"
#include "io/field_hint_p.h"
#include "io/json_p.h"

/* The payload specs live in the model (model/event_spec.c). */
static const object_spec *const bodies = ipart__event_bodies;

/* ---- paths and errors ------------------------------------------------------ */

typedef struct decoder {
    ipart__arena *arena;
    const char *currency;
    ipart__event_type type; /* of the event being decoded (for the unknown-field hint) */
} decoder;

/*
 * A JSON path as a chain of segments on the stack, formatted only when an
 * error reports it: building "$.events[3].tender.price" for every field of
 * every event, in case it fails, cost an eighth of apply's time.
 */
typedef struct path_t {
    const struct path_t *parent;
    const char *name;  /* a member; NULL for an array index or the root */
    size_t index;
    const char *root;  /* the root's text: "$" or "$.events[3]" */
} path_t;

static size_t path_format(char *out, size_t size, const path_t *p)
{
    size_t n = p->parent ? path_format(out, size, p->parent) : 0;
    if (n >= size)
        return n;
    int added = p->root     ? snprintf(out + n, size - n, "%s", p->root)
                : p->name   ? snprintf(out + n, size - n, ".%s", p->name)
                            : snprintf(out + n, size - n, "[%zu]", p->index);
    return added < 0 ? n : n + (size_t)added;
}

#define PATH_TEXT(var, path) \
    char var[256];           \
    path_format(var, sizeof var, path)

static ipart_status shape_error(const path_t *path, const char *key, const char *fmt, ...)
    IPART__PRINTF(3, 4);

/* IPART_EINVAL for a document or event of the wrong shape, at a JSON path;
 * the message in every language. */
static ipart_status shape_text(const path_t *path, const char *key, ipart__text *t)
{
    PATH_TEXT(at, path);
    return ipart__shape_text_at(at, key, t);
}

/* The same with a message `fmt` (an English msgid of `key`). */
static ipart_status shape_error(const path_t *path, const char *key, const char *fmt, ...)
{
    ipart__text t;
    IPART__TEXT_OF_ARGS(t, key, fmt);
    return shape_text(path, key, &t);
}

static const char *json_type_name(const cJSON *item, int lang)
{
    const char *key = "document.field.type";
    if (cJSON_IsString(item)) return ipart__tr(key, "a string", lang);
    if (cJSON_IsNumber(item)) return ipart__tr(key, "a number", lang);
    if (cJSON_IsBool(item)) return ipart__tr(key, "a boolean", lang);
    if (cJSON_IsNull(item)) return "null";
    if (cJSON_IsArray(item)) return ipart__tr(key, "an array", lang);
    if (cJSON_IsObject(item)) return ipart__tr(key, "an object", lang);
    return ipart__tr(key, "an invalid value", lang);
}

/* "expected <expected>, got <the item's type>" in every language. */
static ipart_status wrong_type_text(const path_t *path, const ipart__text *expected,
                                    const cJSON *item)
{
    ipart__text got;
    for (int lang = 0; lang < IPART__LANGS; lang++)
        snprintf(got.in[lang], sizeof got.in[lang], "%s", json_type_name(item, lang));
    PATH_TEXT(at, path);
    return ipart__wrong_type_at(at, expected, &got);
}

/* The same, `expected` an English msgid of "document.field.type". */
static ipart_status wrong_type(const path_t *path, const char *expected, const cJSON *item)
{
    ipart__text t;
    ipart__text_plain(&t, "document.field.type", expected);
    return wrong_type_text(path, &t, item);
}

/* The same, `kind` naming what was expected. */
static ipart_status wrong_kind_type(const path_t *path, field_kind kind, const cJSON *item)
{
    ipart__text expected;
    ipart__kind_text(&expected, kind);
    return wrong_type_text(path, &expected, item);
}

static ipart_status nomem(void)
{
    return ipart__fail_nomem();
}

/* ---- scalar readers -------------------------------------------------------- */

static ipart_status read_string(const char **out, const cJSON *item, const path_t *path,
                                decoder *d, int is_id)
{
    if (!cJSON_IsString(item))
        return wrong_kind_type(path, is_id ? FK_ID : FK_STRING, item);
    const char *s = item->valuestring;
    ipart__text detail;
    const char *fault = ipart__string_fault(s, is_id, &detail);
    if (fault)
        return shape_text(path, fault, &detail);
    char *copy = ipart__arena_text(d->arena, s, strlen(s));
    if (!copy)
        return nomem();
    *out = copy;
    return IPART_OK;
}

/* A value error reported by a core parser: keep its code and message, add the path. */
static ipart_status with_path(ipart_status rc, const path_t *path)
{
    if (rc == IPART_OK || rc == IPART_ENOMEM)
        return rc;
    PATH_TEXT(at, path);
    return ipart__value_error_at(rc, at);
}

static ipart_status read_int(int64_t *out, const cJSON *item, const path_t *path, int64_t min,
                             int64_t max)
{
    if (!cJSON_IsNumber(item))
        return wrong_kind_type(path, FK_INT, item);
    if (!ipart__integer_value(out, item->valuedouble, min, max)) {
        PATH_TEXT(at, path);
        return ipart__int_range_error_at(at, min, max);
    }
    return IPART_OK;
}

static ipart_status read_enum(int *out, const cJSON *item, const path_t *path,
                              const char *const *names)
{
    int index = cJSON_IsString(item) ? ipart__enum_index(names, item->valuestring) : -1;
    if (index >= 0) {
        *out = index;
        return IPART_OK;
    }
    ipart__text expected;
    ipart__enum_expected(&expected, names);
    if (!cJSON_IsString(item))
        return wrong_type_text(path, &expected, item);
    return shape_text(path, "document.enum.unknown", &expected);
}

/* ---- objects ------------------------------------------------------------- */

static ipart_status decode_object(const cJSON *json, const object_spec *spec, void *base,
                                  const path_t *path, decoder *d, int event_level);

/* Walks the keys of an object's members or the strings of an array
 * (ipart__first_repeat). */
typedef struct string_cursor {
    const cJSON *member;
    const char *const *string;
} string_cursor;

static const char *next_key(void *ctx)
{
    string_cursor *c = ctx;
    const char *key = c->member->string;
    c->member = c->member->next;
    return key;
}

static const char *next_id(void *ctx)
{
    string_cursor *c = ctx;
    return *c->string++;
}

static ipart_status read_id_array(ipart__array *out, const cJSON *item, const path_t *path,
                                  decoder *d, int64_t min_count)
{
    if (!cJSON_IsArray(item))
        return wrong_kind_type(path, FK_ID_ARRAY, item);
    size_t n = (size_t)cJSON_GetArraySize(item);
    if ((int64_t)n < min_count)
        return shape_error(path, "document.array.empty", "must not be empty");
    const char **ids = ipart__arena_alloc(d->arena, (n ? n : 1) * sizeof *ids);
    if (!ids)
        return nomem();
    size_t i = 0;
    for (const cJSON *el = item->child; el; el = el->next, i++) {
        path_t el_path = {path, NULL, i, NULL};
        ipart_status rc = read_string(&ids[i], el, &el_path, d, 1);
        if (rc != IPART_OK)
            return rc;
    }
    size_t repeat;
    string_cursor cursor = {NULL, ids};
    if (ipart__first_repeat(&repeat, n, next_id, &cursor) != IPART_OK)
        return IPART_ENOMEM;
    if (repeat < n) {
        path_t el_path = {path, NULL, repeat, NULL};
        return shape_error(&el_path, "document.id.duplicate", "'%s' is listed twice",
                           ids[repeat]);
    }
    out->items = ids;
    out->count = n;
    return IPART_OK;
}

static ipart_status read_array(ipart__array *out, const cJSON *item, const path_t *path,
                               decoder *d, const field_spec *f)
{
    if (!cJSON_IsArray(item))
        return wrong_kind_type(path, FK_ARRAY, item);
    size_t n = (size_t)cJSON_GetArraySize(item);
    if ((int64_t)n < f->min)
        return shape_error(path, "document.array.empty", "must not be empty");
    unsigned char *items = ipart__arena_alloc(d->arena, (n ? n : 1) * f->object->size);
    if (!items)
        return nomem();
    size_t i = 0;
    for (const cJSON *el = item->child; el; el = el->next, i++) {
        path_t el_path = {path, NULL, i, NULL};
        ipart_status rc = decode_object(el, f->object, items + i * f->object->size, &el_path, d, 0);
        if (rc != IPART_OK)
            return rc;
    }
    out->items = items;
    out->count = n;
    return IPART_OK;
}

/* The consent item: {"event": n, "field": "..."} names one item; a string
 * ("all") is a blanket consent, kept so that R19 can refuse it by name. */
/* The consent item: {"event": n, "field": "..."} names one item; a string
 * ("all") is a blanket consent, kept so that R19 can refuse it by name. */
static const field_spec item_ref_fields[] = {
    INT_REQ(ipart__item_ref, "event", item_event, 0, IPART__MAX_EVENTS),
    OPT(ipart__item_ref, "field", FK_STRING, item_field),
};
const object_spec ipart__item_ref_spec = SPEC(ipart__item_ref, item_ref_fields);

static ipart_status read_item_ref(void *base, const cJSON *item, const path_t *path, decoder *d)
{
    ipart__item_ref *ref = base;
    if (cJSON_IsString(item)) {
        ref->blanket = 1;
        return read_string(&ref->blanket_text, item, path, d, 0);
    }
    return decode_object(item, &ipart__item_ref_spec, ref, path, d, 0);
}

static ipart_status read_field(const field_spec *f, const cJSON *item, void *base,
                               const path_t *path, decoder *d)
{
    void *at = (unsigned char *)base + f->offset;
    switch (f->kind) {
    case FK_ID:
        return read_string(at, item, path, d, 1);
    case FK_STRING:
        return read_string(at, item, path, d, 0);
    case FK_DATE:
        if (!cJSON_IsString(item))
            return wrong_kind_type(path, FK_DATE, item);
        return with_path(ipart_date_parse(at, item->valuestring), path);
    case FK_MONEY:
        if (!cJSON_IsString(item))
            return wrong_kind_type(path, FK_MONEY, item);
        if (!d->currency || !d->currency[0])
            return shape_error(path, "document.money.no_currency", "money before the case has a currency");
        return with_path(ipart_money_parse(at, item->valuestring, d->currency), path);
    case FK_CURRENCY: {
        int exponent;
        if (!cJSON_IsString(item))
            return wrong_kind_type(path, FK_CURRENCY, item);
        ipart_status rc = with_path(ipart_currency_exponent(&exponent, item->valuestring), path);
        return rc == IPART_OK ? read_string(at, item, path, d, 0) : rc;
    }
    case FK_BOOL:
        if (!cJSON_IsBool(item))
            return wrong_kind_type(path, FK_BOOL, item);
        *(int *)at = cJSON_IsTrue(item);
        return IPART_OK;
    case FK_INT:
        return read_int(at, item, path, f->min, f->max);
    case FK_ENUM:
        return read_enum(at, item, path, f->names);
    case FK_OBJECT:
        return decode_object(item, f->object, at, path, d, 0);
    case FK_ARRAY:
        return read_array(at, item, path, d, f);
    case FK_ID_ARRAY:
        return read_id_array(at, item, path, d, f->min);
    case FK_ITEM_REF:
        return read_item_ref(at, item, path, d);
    }
    return ipart__fail(IPART_EINTERNAL, "codec.kind", "unknown field kind %d", (int)f->kind);
}

static int is_header_key(const char *key)
{
    return strcmp(key, "type") == 0 || strcmp(key, "date") == 0 || strcmp(key, "actor") == 0;
}

static ipart_status decode_object(const cJSON *json, const object_spec *spec, void *base,
                                  const path_t *path, decoder *d, int event_level)
{
    if (!cJSON_IsObject(json))
        return wrong_kind_type(path, FK_OBJECT, json);
    /* Unknown fields first: a misspelt optional field must not pass silently. */
    for (const cJSON *child = json->child; child; child = child->next) {
        int known = event_level && is_header_key(child->string);
        for (size_t i = 0; !known && i < spec->count; i++)
            known = strcmp(spec->fields[i].name, child->string) == 0;
        if (!known) {
            path_t child_path = {path, child->string, 0, NULL};
            PATH_TEXT(at, &child_path);
            return ipart__unknown_field_at(at, spec, event_level, d->type, child->string);
        }
    }
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        path_t field_path = {path, f->name, 0, NULL};
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(json, f->name);
        int present = item != NULL && !(f->nullable && cJSON_IsNull(item));
        if (!item && f->required)
            return shape_error(&field_path, "document.field.missing", "required field is missing");
        if (!present)
            continue;
        ipart_status rc = read_field(f, item, base, &field_path, d);
        if (rc != IPART_OK)
            return rc;
        if (f->has_offset != NO_HAS)
            *(int *)((unsigned char *)base + f->has_offset) = 1;
    }
    return IPART_OK;
}

/* ---- parsing --------------------------------------------------------------- */

/* Duplicate keys anywhere (the prescan bounded the depth). */
static ipart_status check_tree(const cJSON *node, const path_t *path)
{
    if (cJSON_IsObject(node)) {
        size_t count = 0, repeat;
        for (const cJSON *child = node->child; child; child = child->next)
            count++;
        string_cursor cursor = {node->child, NULL};
        if (ipart__first_repeat(&repeat, count, next_key, &cursor) != IPART_OK)
            return IPART_ENOMEM;
        if (repeat < count) {
            const cJSON *child = node->child;
            for (size_t i = 0; i < repeat; i++)
                child = child->next;
            path_t child_path = {path, child->string, 0, NULL};
            return shape_error(&child_path, "document.key.duplicate", "duplicate key");
        }
    }
    size_t index = 0;
    for (const cJSON *child = node->child; child; child = child->next) {
        path_t child_path = {path, child->string, index++, NULL};
        if (!cJSON_IsObject(node))
            child_path.name = NULL;
        ipart_status rc = check_tree(child, &child_path);
        if (rc != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

static ipart_status input_error(ipart_status code, const char *root, const char *key,
                                const char *fmt, ...) IPART__PRINTF(4, 5);

static ipart_status input_error(ipart_status code, const char *root, const char *key,
                                const char *fmt, ...)
{
    ipart__text t;
    IPART__TEXT_OF_ARGS(t, key, fmt);
    ipart__text_at(&t, root);
    return ipart__fail_text(code, NULL, NULL, root, key, &t);
}

ipart_status ipart__json_parse(cJSON **out, const char *text, size_t length, const char *root)
{
    if (length > IPART__MAX_INPUT_BYTES)
        return input_error(IPART_ERANGE, root, "document.size", "larger than 64 MiB");
    ipart_status rc = ipart__json_prescan(text, length, root);
    if (rc != IPART_OK)
        return rc;
    const char *end = NULL;
    ipart__json_oom_clear();
    cJSON *json = cJSON_ParseWithLengthOpts(text, length, &end, 0);
    if (!json && ipart__json_oom())
        return ipart__fail_nomem();
    if (!json) {
        return input_error(IPART_EPARSE, root, "json.syntax",
                           "not valid JSON (error near byte %zu)",
                           end ? (size_t)(end - text) : 0);
    }
    /* Anything but white space after the value is an error, not ignored. */
    while (end && (size_t)(end - text) < length &&
           (*end == ' ' || *end == '\n' || *end == '\r' || *end == '\t'))
        end++;
    if (end && (size_t)(end - text) < length && *end) {
        cJSON_Delete(json);
        return input_error(IPART_EPARSE, root, "json.trailing",
                           "unexpected text after the JSON value at byte %zu",
                           (size_t)(end - text));
    }
    path_t top = {NULL, NULL, 0, root};
    rc = check_tree(json, &top);
    if (rc != IPART_OK) {
        cJSON_Delete(json);
        return rc;
    }
    *out = json;
    return IPART_OK;
}

/* ---- events ---------------------------------------------------------------- */

int ipart__event_type_index(const char *name)
{
    ipart__event_type t = ipart__event_type_of(name);
    return t == IPART__EV_COUNT ? -1 : (int)t;
}

static const field_spec header_fields[] = {
    REQ(ipart__event, "date", FK_DATE, date),
    REQ(ipart__event, "actor", FK_ID, actor),
};
const object_spec ipart__header_spec = SPEC(ipart__event, header_fields);

ipart_status ipart__event_decode_header(ipart__decoded *out, const cJSON *json, const char *root,
                                        ipart__arena *spare)
{
    memset(out, 0, sizeof *out);
    path_t path = {NULL, NULL, 0, root};
    if (!cJSON_IsObject(json))
        return wrong_type(&path, "an event object", json);
    decoder d = {&out->arena, NULL, out->event.type};
    path_t field_path = {&path, "type", 0, NULL};
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(json, "type");
    if (!type)
        return shape_error(&field_path, "document.field.missing", "required field is missing");
    if (!cJSON_IsString(type))
        return wrong_type(&field_path, "an event type string", type);
    int found = ipart__event_type_index(type->valuestring);
    if (found < 0)
        return shape_error(&field_path, "event.type.unknown", "unknown event type '%s'",
                           type->valuestring);
    out->event.type = (ipart__event_type)found;
    out->arena = *spare; /* taken only now: the returns above leave *spare as it was */
    *spare = (ipart__arena)IPART__ARENA_INIT;

    for (size_t i = 0; i < ipart__header_spec.count; i++) {
        const field_spec *f = &header_fields[i];
        field_path.name = f->name;
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(json, f->name);
        ipart_status rc = item ? read_field(f, item, &out->event, &field_path, &d)
                               : shape_error(&field_path, "document.field.missing",
                                             "required field is missing");
        if (rc != IPART_OK) {
            ipart__arena_free(&out->arena);
            return rc;
        }
    }
    return IPART_OK;
}

ipart_status ipart__event_decode_body(ipart__decoded *out, const cJSON *json, const char *root,
                                      const char *currency)
{
    decoder d = {&out->arena, currency, out->event.type};
    path_t path = {NULL, NULL, 0, root};
    ipart_status rc = decode_object(json, &bodies[out->event.type], &out->event, &path, &d, 1);
    if (rc != IPART_OK)
        ipart__arena_free(&out->arena);
    return rc;
}
