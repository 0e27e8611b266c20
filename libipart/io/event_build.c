/*
 * The typed event builder (include/ipart/event.h): an ipart__event filled
 * field by field by the same field specs the JSON reader decodes by
 * (model/event_spec_p.h), checked value by value by the same checks
 * (io/field_check_p.h), and applied through the same guards and commit
 * (ipart__apply_guarded), so that its log entry and its errors are the
 * JSON path's.
 *
 * Which fields are present is kept in a shadow of every struct (the event
 * and each array element): the byte at a field's offset has bit `depth`
 * set, depth counting the embedded objects from the struct (an object and
 * its first field share an offset, not a depth). Arrays grow in the
 * builder's arena to the next power of two, their elements' shadows after
 * the elements. The event's shadow and the last walk (below) are in the
 * arena too, from the first set: an apply reads the builder's event, not
 * what only the setters use. The setters also count the required fields
 * they mark, so that an apply tells most events complete without walking
 * the shadow (required_count).
 *
 * A path is followed from the event's root, except that the builder keeps
 * where its last path's walk stood before its last segment (the object
 * whose field was set: "scores[1]." for "scores[1].score"); a next path
 * with that prefix resumes there and looks up only its own segments.
 * Hosts and the Python converter set an object's fields one after the
 * other, so each field costs one lookup among its own object's fields.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "ipart/event.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/date_p.h"
#include "core/error_p.h"
#include "core/strset_p.h"
#include "io/document_p.h"
#include "io/field_check_p.h"
#include "io/field_hint_p.h"
#include "model/partnership_p.h"

/* The header fields every event has besides its payload (the type is the
 * builder's own). */
static const field_spec header_fields[] = {
    REQ(ipart__event, "date", FK_DATE, date),
    REQ(ipart__event, "actor", FK_ID, actor),
};
static const object_spec header_spec = SPEC(ipart__event, header_fields);

/* The consent item as an object: {"event": n, "field": "..."}, at the
 * offset of as.consent (the layout of the codec's reader). */
typedef struct item_t {
    int blanket;
    const char *blanket_text;
    int64_t item_event;
    const char *item_field;
} item_t;
static const field_spec item_fields[] = {
    INT_REQ(item_t, "event", item_event, 0, IPART__MAX_EVENTS),
    OPT(item_t, "field", FK_STRING, item_field),
};
static const object_spec item_spec = SPEC(item_t, item_fields);

/* ---- memory of arrays ------------------------------------------------------ */

static size_t capacity_of(size_t count)
{
    size_t cap = 4;
    while (cap < count)
        cap *= 2;
    return cap;
}

static unsigned char *element_shadow(const ipart__array *arr, size_t size)
{
    return (unsigned char *)arr->items + capacity_of(arr->count) * size;
}

/* Room for one more element (`size` bytes, a shadow too when `shadowed`). */
static int array_grow(ipart__arena *arena, ipart__array *arr, size_t size, int shadowed)
{
    size_t count = arr->count;
    if (arr->items && count < capacity_of(count))
        return 1;
    size_t cap = arr->items ? capacity_of(count + 1) : capacity_of(count);
    unsigned char *items = ipart__arena_alloc(arena, cap * size * (shadowed ? 2 : 1));
    if (!items)
        return 0;
    if (count) {
        memcpy(items, arr->items, count * size);
        if (shadowed)
            memcpy(items + cap * size, element_shadow(arr, size), count * size);
    }
    arr->items = items;
    return 1;
}

/* ---- paths ------------------------------------------------------------------- */

enum { MAX_LEVELS = 8 };

/* A presence to mark once the value is set: a shadow bit and a has flag;
 * `counted`: a required field, `walked`: a field only the walk checks (see
 * required_count; a field inside an array's element or an optional object
 * is counted too, but its way marks the walk due). */
typedef struct mark {
    unsigned char *shadow;
    unsigned char bit;
    unsigned char counted, walked;
    int *has;
} mark;

/* Where a path leads: its field in the struct at `base` (NULL: an element
 * not added yet), and the presences on the way. */
typedef struct place {
    const field_spec *field;
    unsigned char *base, *shadow;
    unsigned depth;
    int indexed; /* the path ends in [index]: an element of the array field */
    int in_item; /* base is the consent item as an object */
    int schema;  /* only the schema: any index names an element to come */
    size_t index;
    size_t mark_count, grown_count;
    const char *path; /* as given: its first at_len bytes are the JSON path after "$." */
    size_t at_len;
    /* Last, so that a place is cleared and copied up to its counts (PLACE_HEAD). */
    mark marks[MAX_LEVELS];
    ipart__array *grown[MAX_LEVELS]; /* arrays an element was added to, for undo */
    ipart__array before[MAX_LEVELS];
} place;

#define PLACE_HEAD offsetof(place, marks)

/* `from` without the arrays an element was added to (nothing to undo). */
static void place_copy(place *to, const place *from)
{
    memcpy(to, from, PLACE_HEAD);
    memcpy(to->marks, from->marks, from->mark_count * sizeof from->marks[0]);
    to->grown_count = 0;
}

/* Where a walk stood before a path's last segment, to resume from for a
 * next path with the same prefix. Its pointers are into the event and its
 * arrays' elements, so it is kept only while no array it is in has moved:
 * a set replaces it with its own walk's (after any growth of that walk),
 * and a refused set, a set without one and a reset drop it. */
typedef struct resume {
    place at;                /* before the last segment: at.field is the prefix's */
    const object_spec *spec; /* the fields at.field is among */
    size_t prefix_len;       /* the prefix's bytes, its '.' included; 0: none */
    int kept;                /* the walk resumed from the builder's and added no segment to it */
    char prefix[120];
} resume;

/* What only the setters (and the walk) use: in the builder's arena from
 * the first set after a new or reset builder, so that the builder an apply
 * reads is the event and little more. */
typedef struct setting {
    unsigned char shadow[sizeof(ipart__event)];
    resume cursor; /* the last set's walk (prefix_len 0: none) */
} setting;

/* The shadow of a builder nothing was set in. */
static const unsigned char nothing_set[sizeof(ipart__event)];

struct ipart_event {
    /* Beside the event's header, which an apply reads anyway: with every
     * required field counted present and none that only the walk checks,
     * the event is complete without a walk of its shadow (required_count). */
    uint32_t required_set;   /* counted presences marked (0 -> 1) */
    uint32_t required_total; /* counted fields of the type (required_count) */
    int walk_due;            /* a field only the walk checks is present */
    ipart__event ev;
    ipart__arena arena;
    setting *set; /* NULL until the first set */
};

static const unsigned char *shadow_of(const ipart_event *e)
{
    return e->set ? e->set->shadow : nothing_set;
}

/* The JSON path of a place ("$.scores[0].tenderer"), formatted for an error. */
#define AT(var, pl)   \
    char var[256];    \
    at_text(var, sizeof var, pl)

static void at_text(char *out, size_t size, const place *pl)
{
    snprintf(out, size, "$.%.*s", (int)pl->at_len, pl->path);
}

typedef struct segment {
    const char *name; /* the path's own bytes when the name ends it, else copy */
    char copy[72];
    size_t name_end, end; /* offsets in the path after the name and after the segment */
    int indexed;
    size_t index;
} segment;

static ipart_status bad_path(const char *path)
{
    char at[256];
    snprintf(at, sizeof at, "$.%s", path);
    return ipart__shape_error_at(at, "event.builder.path",
                                 "not a field path (names joined by '.', an element as [n])");
}

/* The next segment of `*path` ("name" or "name[n]"), advancing past it and
 * its '.'. 0 for a malformed path. */
static int next_segment(segment *seg, const char **path, const char *start)
{
    const char *s = *path;
    size_t n = strcspn(s, ".[");
    if (n == 0 || n >= sizeof seg->copy)
        return 0;
    seg->name = s;
    if (s[n]) { /* not the last segment: its name copied to end it */
        memcpy(seg->copy, s, n);
        seg->copy[n] = '\0';
        seg->name = seg->copy;
    }
    s += n;
    seg->name_end = (size_t)(s - start);
    seg->indexed = *s == '[';
    seg->index = 0;
    if (seg->indexed) {
        const char *digits = ++s;
        while (*s >= '0' && *s <= '9' && s - digits < 9)
            seg->index = seg->index * 10 + (size_t)(*s++ - '0');
        if (s == digits || *s++ != ']')
            return 0;
    }
    seg->end = (size_t)(s - start);
    if (*s == '.' && s[1])
        s++;
    else if (*s)
        return 0;
    *path = s;
    return 1;
}

static const field_spec *find_field(const object_spec *spec, const char *name)
{
    for (size_t i = 0; i < spec->count; i++) /* the first byte before the call */
        if (spec->fields[i].name[0] == name[0] && strcmp(spec->fields[i].name, name) == 0)
            return &spec->fields[i];
    return NULL;
}

static ipart_status unknown_field(const place *pl, const object_spec *spec, int event_level,
                                  ipart__event_type type, const char *name)
{
    AT(at, pl);
    return ipart__unknown_field_at(at, spec, event_level, type, name);
}

/* `got` is an English msgid of "document.field.type" ("a string"). */
static ipart_status wrong_kind(const place *pl, const field_spec *f, const char *got)
{
    ipart__text expected, given;
    ipart__field_expected(&expected, f);
    ipart__text_plain(&given, "document.field.type", got);
    AT(at, pl);
    return ipart__wrong_type_at(at, &expected, &given);
}

/* Does only the walk check the field's value when it is present (money's
 * currency, arrays, a consent item, an optional object's required fields)? */
static int walked(const field_spec *f)
{
    return f->kind == FK_MONEY || f->kind == FK_ARRAY || f->kind == FK_ID_ARRAY ||
           f->kind == FK_ITEM_REF || (f->kind == FK_OBJECT && !f->required);
}

/* A presence of the field `f` at the place to mark. */
static void add_mark(place *pl, const field_spec *f, unsigned char *shadow, int *has)
{
    if (pl->mark_count < MAX_LEVELS)
        pl->marks[pl->mark_count++] = (mark){shadow, (unsigned char)(1u << pl->depth),
                                             (unsigned char)f->required,
                                             (unsigned char)walked(f), has};
}

static int *has_flag(const field_spec *f, unsigned char *base)
{
    return f->has_offset != NO_HAS && base ? (int *)(base + f->has_offset) : NULL;
}

/* Enter the element seg->index of the array field f (adding it when `e` is
 * given and it is the next one). */
static ipart_status enter_element(place *pl, ipart_event *e, const field_spec *f,
                                  const segment *seg)
{
    ipart__array *arr = pl->base ? (ipart__array *)(pl->base + f->offset) : NULL;
    size_t count = arr ? arr->count : 0;
    if (seg->index > count && !pl->schema) {
        AT(at, pl);
        return ipart__shape_error_at(at, "event.builder.index",
                                     "elements are added in order: the next is [%zu]", count);
    }
    if (f->kind == FK_ID_ARRAY)
        return IPART_OK; /* the setter adds an id */
    if (seg->index == count && e) {
        if (pl->grown_count == MAX_LEVELS)
            return ipart__fail_nomem();
        pl->grown[pl->grown_count] = arr;
        pl->before[pl->grown_count] = *arr;
        if (!array_grow(&e->arena, arr, f->object->size, 1))
            return ipart__fail_nomem();
        pl->grown_count++;
        arr->count++; /* before the shadow's place, which follows the capacity */
        memset((unsigned char *)arr->items + count * f->object->size, 0, f->object->size);
        memset(element_shadow(arr, f->object->size) + count * f->object->size, 0,
               f->object->size);
    }
    add_mark(pl, f, pl->shadow ? pl->shadow + f->offset : NULL, has_flag(f, pl->base));
    int exists = arr && seg->index < arr->count;
    pl->base = exists ? (unsigned char *)arr->items + seg->index * f->object->size : NULL;
    pl->shadow = exists ? element_shadow(arr, f->object->size) + seg->index * f->object->size
                        : NULL;
    pl->depth = 0;
    return IPART_OK;
}

/* Enter an embedded object (or the consent item as an object). */
static void enter_object(place *pl, const field_spec *f)
{
    add_mark(pl, f, pl->shadow ? pl->shadow + f->offset : NULL, has_flag(f, pl->base));
    pl->base = pl->base ? pl->base + f->offset : NULL;
    pl->shadow = pl->shadow ? pl->shadow + f->offset : NULL;
    pl->depth++;
}

static void undo_growth(place *pl)
{
    while (pl->grown_count) {
        pl->grown_count--;
        *pl->grown[pl->grown_count] = pl->before[pl->grown_count];
    }
}

/* Does `path` go on from the builder's last walk (its prefix, then at
 * least one more byte)? */
static int resumes(const resume *c, const char *path)
{
    return c->prefix_len && path[0] == c->prefix[0] && /* the first byte before the call */
           strncmp(path, c->prefix, c->prefix_len) == 0 && path[c->prefix_len];
}

/* Keep the walk before the last segment (starting at `start`) in `snap`,
 * unless it is the one resumed from. */
static void snapshot(resume *snap, const place *pl, const object_spec *spec, size_t start,
                     size_t resumed_at)
{
    snap->kept = start == resumed_at;
    if (snap->kept || start >= sizeof snap->prefix)
        return;
    place_copy(&snap->at, pl);
    snap->spec = spec;
    snap->prefix_len = start;
    memcpy(snap->prefix, pl->path, start);
    snap->prefix[start] = '\0';
}

/*
 * Follow `path` from the event (or from the builder's last walk, when the
 * path goes on from it and `snap` is given). With `e` (a builder to
 * change), add the elements it names that are next in their arrays (kept
 * in pl->grown: a caller whose set is refused, here or after, takes them
 * back with undo_growth); without it, only check that the path leads to a
 * field. The place's field is its last segment's. `snap`, unless NULL,
 * gets the walk before the last segment (prefix_len 0: a path of one
 * segment).
 */
static ipart_status locate(place *pl, const ipart_event *event, ipart_event *e, const char *path,
                           int schema, resume *snap)
{
    ipart__event_type type = event->ev.type;
    const object_spec *spec = &ipart__event_bodies[type];
    const char *rest = path;
    int event_level = 1;
    size_t resumed_at = 0;
    if (snap && event->set && resumes(&event->set->cursor, path)) {
        const resume *cursor = &event->set->cursor;
        place_copy(pl, &cursor->at); /* its elements exist: nothing to add on the way */
        spec = cursor->spec;
        resumed_at = cursor->prefix_len;
        rest = path + resumed_at;
        event_level = 0;
    } else {
        memset(pl, 0, PLACE_HEAD);
        /* Written through only when `e` (the same event) is given. */
        pl->base = (unsigned char *)(uintptr_t)&event->ev;
        pl->shadow = (unsigned char *)(uintptr_t)shadow_of(event);
    }
    pl->schema = schema;
    pl->path = path;
    if (snap) {
        snap->prefix_len = 0;
        snap->kept = 0;
    }
    while (*rest) {
        segment seg;
        size_t start = (size_t)(rest - path);
        if (!next_segment(&seg, &rest, path))
            return bad_path(path);
        if (snap && !*rest && pl->field)
            snapshot(snap, pl, spec, start, resumed_at);
        if (pl->field) { /* descend into the previous segment's field */
            const field_spec *parent = pl->field;
            if (pl->indexed && parent->kind == FK_ARRAY) {
                spec = parent->object;
            } else if (parent->kind == FK_OBJECT && !pl->indexed) {
                enter_object(pl, parent);
                spec = parent->object;
            } else if (parent->kind == FK_ITEM_REF && !pl->indexed) {
                enter_object(pl, parent);
                spec = &item_spec;
                pl->in_item = 1;
            } else {
                return wrong_kind(pl, parent, "an object");
            }
        }
        pl->at_len = seg.end;
        const field_spec *f = event_level ? find_field(&header_spec, seg.name) : NULL;
        if (!f)
            f = find_field(spec, seg.name);
        if (!f && event_level && strcmp(seg.name, "type") == 0) {
            AT(at, pl);
            return ipart__shape_error_at(at, "event.builder.type",
                                         "the type is the one given to ipart_event_new()");
        }
        if (!f) {
            pl->at_len = seg.name_end; /* the path up to the unknown name */
            return unknown_field(pl, spec, event_level, type, seg.name);
        }
        event_level = 0;
        if (seg.indexed && f->kind != FK_ARRAY && f->kind != FK_ID_ARRAY)
            return wrong_kind(pl, f, "an array");
        pl->field = f;
        pl->indexed = seg.indexed;
        pl->index = seg.index;
        if (seg.indexed) {
            ipart_status rc = enter_element(pl, e, f, &seg);
            if (rc != IPART_OK) {
                undo_growth(pl);
                return rc;
            }
            if (f->kind == FK_ID_ARRAY && *rest)
                return wrong_kind(pl, &(field_spec){.kind = FK_ID}, "an object");
        }
    }
    return pl->field ? IPART_OK : bad_path(path);
}

/* ---- setting ------------------------------------------------------------------- */

/* What a setter gives, as the JSON reader's errors name a JSON value. */
typedef enum given { GIVEN_STRING, GIVEN_DATE, GIVEN_MONEY, GIVEN_INT, GIVEN_BOOL, GIVEN_NULL,
                     GIVEN_EMPTY } given;

static ipart_status wrong_given(const place *pl, const field_spec *f, given kind)
{
    switch (kind) {
    case GIVEN_STRING: return wrong_kind(pl, f, "a string");
    case GIVEN_DATE: return wrong_kind(pl, f, "a date");
    case GIVEN_MONEY: return wrong_kind(pl, f, "money");
    case GIVEN_INT: return wrong_kind(pl, f, "a number");
    case GIVEN_BOOL: return wrong_kind(pl, f, "a boolean");
    case GIVEN_NULL: return wrong_kind(pl, f, "null");
    case GIVEN_EMPTY: break;
    }
    return wrong_kind(pl, f, "an empty array or object");
}

typedef struct given_value {
    given kind;
    const char *string;
    size_t length; /* of string, measured once by the setter */
    ipart_date date;
    ipart_money money;
    int64_t integer;
} given_value;

/* The kind of field the place holds: an element of an array is its element. */
static field_kind place_kind(const place *pl)
{
    if (pl->indexed)
        return pl->field->kind == FK_ID_ARRAY ? FK_ID : FK_OBJECT;
    return pl->field->kind;
}

static ipart_status check_date(ipart_date d, const place *pl)
{
    if (ipart__date_check(d) == IPART_OK)
        return IPART_OK;
    /* As the JSON reader reports the same day written as text. */
    if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 &&
        d.day <= 99) {
        char text[16];
        ipart_date parsed;
        snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
        ipart_date_parse(&parsed, text);
    }
    AT(at, pl);
    return ipart__value_error_at(ipart_error_last()->code, at);
}

static ipart_status check_string(const place *pl, field_kind kind, const char *s, size_t n)
{
    if (kind == FK_CURRENCY) {
        int exponent;
        ipart_status rc = ipart_currency_exponent(&exponent, s);
        if (rc != IPART_OK) {
            AT(at, pl);
            return ipart__value_error_at(rc, at);
        }
    }
    if (kind == FK_ENUM) {
        if (ipart__enum_index(pl->field->names, s) >= 0)
            return IPART_OK;
        ipart__text expected;
        ipart__enum_expected(&expected, pl->field->names);
        AT(at, pl);
        return ipart__shape_text_at(at, "document.enum.unknown", &expected);
    }
    ipart__text detail;
    const char *fault = ipart__string_fault_n(s, n, kind == FK_ID, &detail);
    if (!fault)
        return IPART_OK;
    AT(at, pl);
    return ipart__shape_text_at(at, fault, &detail);
}

/* Does the value fit the field? Nothing is changed. */
static ipart_status check_value(const place *pl, const given_value *v)
{
    field_kind kind = place_kind(pl);
    const field_spec *f = pl->field;
    int fits;
    switch (v->kind) {
    case GIVEN_STRING:
        fits = kind == FK_ID || kind == FK_STRING || kind == FK_CURRENCY || kind == FK_ENUM ||
               kind == FK_ITEM_REF;
        break;
    case GIVEN_DATE: fits = kind == FK_DATE; break;
    case GIVEN_MONEY: fits = kind == FK_MONEY; break;
    case GIVEN_INT: fits = kind == FK_INT; break;
    case GIVEN_BOOL: fits = kind == FK_BOOL; break;
    case GIVEN_NULL: fits = !pl->indexed && f->nullable; break;
    default:
        fits = kind == FK_OBJECT || kind == FK_ARRAY || kind == FK_ID_ARRAY || kind == FK_ITEM_REF;
    }
    if (!fits)
        return wrong_given(pl, pl->indexed ? &(field_spec){.kind = kind} : f, v->kind);
    switch (v->kind) {
    case GIVEN_STRING:
        return check_string(pl, kind == FK_ITEM_REF ? FK_STRING : kind, v->string, v->length);
    case GIVEN_DATE:
        return check_date(v->date, pl);
    case GIVEN_MONEY: {
        int exponent;
        ipart_status rc = ipart_currency_exponent(&exponent, v->money.currency);
        if (rc == IPART_OK)
            return rc;
        AT(at, pl);
        return ipart__value_error_at(rc, at);
    }
    case GIVEN_INT:
        if (v->integer < f->min || v->integer > f->max) {
            AT(at, pl);
            return ipart__int_range_error_at(at, f->min, f->max);
        }
        return IPART_OK;
    default:
        return IPART_OK;
    }
}

static void mark_set(ipart_event *e, place *pl)
{
    for (size_t i = 0; i < pl->mark_count; i++) {
        mark *m = &pl->marks[i];
        e->required_set += m->counted && !(*m->shadow & m->bit);
        e->walk_due |= m->walked;
        *m->shadow |= m->bit;
        if (m->has)
            *m->has = 1;
    }
}

/* The builder's copy of a given string (its bytes only: nothing to zero). */
static const char *copy_string(ipart_event *e, const given_value *v)
{
    return ipart__arena_text(&e->arena, v->string, v->length);
}

/* Store the checked value at the place (located with the builder). */
static ipart_status store(ipart_event *e, place *pl, const given_value *v)
{
    const field_spec *f = pl->field;
    unsigned char *at = pl->base + f->offset;
    if (pl->indexed && f->kind == FK_ID_ARRAY) {
        ipart__array *ids = (ipart__array *)at;
        const char *copy = copy_string(e, v);
        if (!copy || (pl->index == ids->count &&
                      !array_grow(&e->arena, ids, sizeof(const char *), 0)))
            return ipart__fail_nomem();
        ((const char **)ids->items)[pl->index] = copy;
        ids->count += pl->index == ids->count;
    } else if (pl->indexed) {
        mark_set(e, pl); /* GIVEN_EMPTY: locate added the element and marked its array */
        return IPART_OK;
    } else if (f->kind == FK_ITEM_REF) {
        item_t *item = (item_t *)at;
        item->blanket = v->kind == GIVEN_STRING;
        item->blanket_text = NULL;
        if (item->blanket && !(item->blanket_text = copy_string(e, v)))
            return ipart__fail_nomem();
    } else {
        switch (v->kind) {
        case GIVEN_STRING:
            if (f->kind == FK_ENUM) {
                *(int *)at = ipart__enum_index(f->names, v->string);
            } else if (!(*(const char **)at = copy_string(e, v))) {
                return ipart__fail_nomem();
            }
            break;
        case GIVEN_DATE: *(ipart_date *)at = v->date; break;
        case GIVEN_MONEY: *(ipart_money *)at = v->money; break;
        case GIVEN_INT: *(int64_t *)at = v->integer; break;
        case GIVEN_BOOL: *(int *)at = v->integer != 0; break;
        case GIVEN_NULL:
            if (f->kind == FK_ID || f->kind == FK_STRING)
                *(const char **)at = NULL;
            break;
        case GIVEN_EMPTY:
            if (f->kind == FK_ARRAY || f->kind == FK_ID_ARRAY)
                *(ipart__array *)at = (ipart__array){NULL, 0};
            break;
        }
    }
    int *has = has_flag(f, pl->base);
    add_mark(pl, f, pl->shadow + f->offset, v->kind == GIVEN_NULL ? NULL : has);
    if (v->kind == GIVEN_NULL && has)
        *has = 0;
    if (pl->in_item) { /* a field of the item as an object: not a blanket consent */
        ((item_t *)pl->base)->blanket = 0;
        ((item_t *)pl->base)->blanket_text = NULL;
    }
    mark_set(e, pl);
    return IPART_OK;
}

/* After a set: its walk for the next (see resume), or none. */
static void keep_walk(ipart_event *e, const resume *snap, ipart_status rc)
{
    if (rc == IPART_OK && snap->kept)
        return;
    if (rc == IPART_OK && snap->prefix_len && snap->at.base) { /* its elements exist */
        place_copy(&e->set->cursor.at, &snap->at);
        e->set->cursor.spec = snap->spec;
        e->set->cursor.prefix_len = snap->prefix_len;
        memcpy(e->set->cursor.prefix, snap->prefix, snap->prefix_len + 1);
    } else
        e->set->cursor.prefix_len = 0;
}

static ipart_status set_value(ipart_event *e, const char *field, const given_value *v,
                              const char *function)
{
    if (!e || !field)
        return ipart__fail_null(function, !e ? "event" : "field");
    if (v->kind == GIVEN_STRING && !v->string)
        return ipart__fail_null(function, "value");
    if (!e->set && !(e->set = ipart__arena_alloc(&e->arena, sizeof *e->set)))
        return ipart__fail_nomem(); /* zeroed: nothing set, no walk to resume */
    place pl;
    resume snap;
    /* One walk, adding the elements the path names; a refused set takes
     * them back (undo_growth: the arrays as they were). */
    ipart_status rc = locate(&pl, e, e, field, 0, &snap);
    if (rc == IPART_OK)
        rc = check_value(&pl, v);
    if (rc == IPART_OK)
        rc = store(e, &pl, v);
    if (rc != IPART_OK)
        undo_growth(&pl);
    keep_walk(e, &snap, rc);
    return rc;
}

/* ---- applying ------------------------------------------------------------------ */

/* A JSON path as a chain on the stack, formatted only for an error. Its
 * root (no parent) is the event itself, its name the event's path ("$",
 * "$[3]" in a batch). */
typedef struct chain {
    const struct chain *parent;
    const char *name; /* NULL: an element [index] */
    size_t index;
} chain;

static size_t chain_format(char *out, size_t size, const chain *c)
{
    if (!c->parent)
        return (size_t)snprintf(out, size, "%s", c->name);
    size_t n = chain_format(out, size, c->parent);
    if (n >= size)
        return n;
    int added = c->name ? snprintf(out + n, size - n, ".%s", c->name)
                        : snprintf(out + n, size - n, "[%zu]", c->index);
    return added < 0 ? n : n + (size_t)added;
}

/* `fmt` is an English msgid of `key`. */
static ipart_status error_at(const chain *c, const char *key, const char *fmt, ...)
    IPART__PRINTF(3, 4);
static ipart_status error_at(const chain *c, const char *key, const char *fmt, ...)
{
    char at[256];
    chain_format(at, sizeof at, c);
    ipart__text t;
    IPART__TEXT_OF_ARGS(t, key, fmt);
    return ipart__shape_text_at(at, key, &t);
}

typedef struct walk {
    const char *currency; /* the case's: money fields must be in it */
} walk;

static ipart_status complete_object(const walk *w, const object_spec *spec,
                                    const unsigned char *base, const unsigned char *shadow,
                                    unsigned depth, const chain *path);

static ipart_status complete_money(const walk *w, const ipart_money *m, const chain *c)
{
    if (!w->currency[0])
        return error_at(c, "document.money.no_currency", "money before the case has a currency");
    if (strcmp(m->currency, w->currency) == 0)
        return IPART_OK;
    char at[256];
    chain_format(at, sizeof at, c);
    ipart_status rc = ipart__fail(IPART_ECURRENCY, "money.currency.mismatch",
                                  "%s: an amount in %s, but the case's currency is %s", at,
                                  m->currency, w->currency);
    ipart__error_set_path(at);
    return rc;
}

static ipart_status complete_array(const walk *w, const field_spec *f, const ipart__array *arr,
                                   const chain *c)
{
    if ((int64_t)arr->count < f->min)
        return error_at(c, "document.array.empty", "must not be empty");
    if (f->kind == FK_ID_ARRAY) {
        size_t repeat;
        if (ipart__first_repeat_of(&repeat, arr->items, arr->count) != IPART_OK)
            return IPART_ENOMEM;
        if (repeat == arr->count)
            return IPART_OK;
        chain el = {c, NULL, repeat};
        return error_at(&el, "document.id.duplicate", "'%s' is listed twice",
                        ((const char *const *)arr->items)[repeat]);
    }
    size_t size = f->object->size;
    for (size_t i = 0; i < arr->count; i++) {
        chain el = {c, NULL, i};
        ipart_status rc = complete_object(w, f->object, (const unsigned char *)arr->items + i * size,
                                          element_shadow(arr, size) + i * size, 0, &el);
        if (rc != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

/* What the JSON reader checks after a field's value, in its order: present
 * when required, arrays' sizes and ids, money's currency, inner fields. */
static ipart_status complete_object(const walk *w, const object_spec *spec,
                                    const unsigned char *base, const unsigned char *shadow,
                                    unsigned depth, const chain *path)
{
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        chain c = {path, f->name, 0};
        const unsigned char *at = base + f->offset;
        if (!(shadow[f->offset] & (1u << depth))) {
            if (f->required)
                return error_at(&c, "document.field.missing", "required field is missing");
            continue;
        }
        ipart_status rc = IPART_OK;
        if (f->kind == FK_MONEY)
            rc = complete_money(w, (const ipart_money *)at, &c);
        else if (f->kind == FK_OBJECT)
            rc = complete_object(w, f->object, at, shadow + f->offset, depth + 1, &c);
        else if (f->kind == FK_ITEM_REF && !((const item_t *)at)->blanket)
            rc = complete_object(w, &item_spec, at, shadow + f->offset, depth + 1, &c);
        else if (f->kind == FK_ARRAY || f->kind == FK_ID_ARRAY)
            rc = complete_array(w, f, (const ipart__array *)at, &c);
        if (rc != IPART_OK)
            return rc;
    }
    return IPART_OK;
}

/* Is the event complete by its counted presences alone (header and body)?
 * Otherwise the walk tells, and names the first field missing. */
static int complete_by_count(const ipart_event *e)
{
    return !e->walk_due && e->required_set == e->required_total;
}

/* An event being applied and its path's root ("$", "$[3]"). */
typedef struct applying {
    const ipart_event *event;
    chain root;
} applying;

/* The body step of the apply: the payload complete. Its strings stay in the
 * builder (d->borrowed): a handler that keeps the event copies it. */
static ipart_status complete_body(ipart__decoded *d, const char *currency, const void *ctx)
{
    const applying *a = ctx;
    const ipart_event *e = a->event;
    if (complete_by_count(e)) {
        d->borrowed = 1;
        return IPART_OK;
    }
    walk w = {currency};
    ipart_status rc = complete_object(&w, &ipart__event_bodies[e->ev.type],
                                      (const unsigned char *)&e->ev, shadow_of(e), 0, &a->root);
    if (rc == IPART_OK)
        d->borrowed = 1;
    return rc;
}

static ipart_status complete_header(const applying *a)
{
    if (complete_by_count(a->event))
        return IPART_OK;
    for (size_t i = 0; i < header_spec.count; i++)
        if (!(shadow_of(a->event)[header_fields[i].offset] & 1u)) {
            chain c = {&a->root, header_fields[i].name, 0};
            return error_at(&c, "document.field.missing", "required field is missing");
        }
    return IPART_OK;
}

/* Apply one built event whose errors are located at `path`. */
static ipart_status apply_at(ipart_partnership *p, const ipart_event *event, const char *path)
{
    applying a = {event, {NULL, path, 0}};
    ipart_status rc = ipart__may_write(p);
    if (rc == IPART_OK)
        rc = complete_header(&a);
    if (rc != IPART_OK)
        return rc;
    /* The event is read where it is: d.event stays unset (not copied). */
    ipart__decoded d;
    d.arena = p->decoding;
    d.borrowed = 0;
    p->decoding = (ipart__arena)IPART__ARENA_INIT;
    return ipart__apply_guarded_at(p, &event->ev, &d, path, complete_body, &a);
}

ipart_status ipart_partnership_apply_event(ipart_partnership *p, const ipart_event *event)
{
    if (!p || !event)
        return ipart__fail_null("ipart_partnership_apply_event", !p ? "partnership" : "event");
    return apply_at(p, event, "$");
}

static ipart_status null_element(size_t index)
{
    char argument[40];
    snprintf(argument, sizeof argument, "events[%zu]", index);
    return ipart__fail_null("ipart_partnership_apply_events", argument);
}

ipart_status ipart_partnership_apply_events(ipart_partnership *p, const ipart_event *const *events,
                                            size_t count, size_t *applied)
{
    if (applied)
        *applied = 0;
    if (!p || (!events && count))
        return ipart__fail_null("ipart_partnership_apply_events", !p ? "partnership" : "events");
    for (size_t i = 0; i < count; i++) {
        char path[64];
        ipart__event_path(path, "$", i);
        ipart_status rc = events[i] ? apply_at(p, events[i], path) : null_element(i);
        if (rc != IPART_OK) {
            if (!ipart_error_last()->path[0])
                ipart__error_set_path(path); /* a NULL element, a read-only handle (R19) */
            return rc;
        }
        if (applied)
            *applied = i + 1;
    }
    return IPART_OK;
}

/* ---- the builder --------------------------------------------------------------- */

/*
 * The fields an event of a type must have present: its required fields on
 * ways of required objects, an object counted as one more field. When they
 * are (required_set counts them as the setters mark them) and no field that
 * only the walk checks is present (walk_due: money, an array, a consent
 * item, an optional object, and so whatever is inside them), the walk at
 * apply would find the event complete, so it is not run. Otherwise it
 * runs (complete_object), and names the first field missing.
 */
static uint32_t required_count(const object_spec *spec)
{
    uint32_t n = 0;
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        if (f->required)
            n += 1 + (f->kind == FK_OBJECT ? required_count(f->object) : 0);
    }
    return n;
}

static uint32_t required_total(ipart__event_type type)
{
    return (uint32_t)header_spec.count + required_count(&ipart__event_bodies[type]);
}

static ipart_status type_of(ipart__event_type *out, const char *type, const char *function)
{
    if (!type)
        return ipart__fail_null(function, "type");
    *out = ipart__event_type_of(type);
    if (*out == IPART__EV_COUNT)
        return ipart__shape_error_at("$.type", "event.type.unknown", "unknown event type '%s'",
                                     type);
    return IPART_OK;
}

ipart_status ipart_event_new(ipart_event **out, const char *type)
{
    if (!out)
        return ipart__fail_null("ipart_event_new", "out");
    ipart__event_type t;
    ipart_status rc = type_of(&t, type, "ipart_event_new");
    if (rc != IPART_OK)
        return rc;
    ipart_event *e = ipart__calloc(1, sizeof *e);
    if (!e)
        return ipart__fail_nomem();
    e->ev.type = t;
    e->required_total = required_total(t);
    *out = e;
    return IPART_OK;
}

ipart_status ipart_event_reset(ipart_event *event, const char *type)
{
    if (!event)
        return ipart__fail_null("ipart_event_reset", "event");
    /* A run of events of one type (a batch's requests, assessments) keeps
     * its type and count: no lookup by name, no count of the spec. */
    ipart__event_type t = event->ev.type;
    if (!type || strcmp(type, ipart__event_type_name(t)) != 0) {
        ipart_status rc = type_of(&t, type, "ipart_event_reset");
        if (rc != IPART_OK)
            return rc;
        event->required_total = required_total(t);
    }
    memset(&event->ev, 0, sizeof event->ev);
    event->required_set = 0;
    event->walk_due = 0;
    event->ev.type = t;
    event->set = NULL; /* in the arena: allocated again by the next set */
    ipart__arena_reset(&event->arena);
    return IPART_OK;
}

void ipart_event_free(ipart_event *event)
{
    if (!event)
        return;
    ipart__arena_free(&event->arena);
    ipart__free(event);
}

const char *ipart_event_type(const ipart_event *event)
{
    return event ? ipart__event_type_name(event->ev.type) : "";
}

ipart_status ipart_event_field_kind(ipart_field_kind *out, const ipart_event *event,
                                    const char *field)
{
    if (!out || !event || !field)
        return ipart__fail_null("ipart_event_field_kind", !out ? "out" : !event ? "event" : "field");
    place pl;
    ipart_status rc = locate(&pl, event, NULL, field, 1, NULL);
    if (rc == IPART_OK)
        *out = (ipart_field_kind)place_kind(&pl); /* the same order as field_kind */
    return rc;
}

ipart_status ipart_event_set_string(ipart_event *event, const char *field, const char *value)
{
    given_value v = {.kind = GIVEN_STRING, .string = value, .length = value ? strlen(value) : 0};
    return set_value(event, field, &v, "ipart_event_set_string");
}

ipart_status ipart_event_set_date(ipart_event *event, const char *field, ipart_date value)
{
    given_value v = {.kind = GIVEN_DATE, .date = value};
    return set_value(event, field, &v, "ipart_event_set_date");
}

ipart_status ipart_event_set_money(ipart_event *event, const char *field, ipart_money value)
{
    given_value v = {.kind = GIVEN_MONEY, .money = value};
    return set_value(event, field, &v, "ipart_event_set_money");
}

ipart_status ipart_event_set_int(ipart_event *event, const char *field, int64_t value)
{
    given_value v = {.kind = GIVEN_INT, .integer = value};
    return set_value(event, field, &v, "ipart_event_set_int");
}

ipart_status ipart_event_set_bool(ipart_event *event, const char *field, int value)
{
    given_value v = {.kind = GIVEN_BOOL, .integer = value != 0};
    return set_value(event, field, &v, "ipart_event_set_bool");
}

ipart_status ipart_event_set_null(ipart_event *event, const char *field)
{
    given_value v = {.kind = GIVEN_NULL};
    return set_value(event, field, &v, "ipart_event_set_null");
}

ipart_status ipart_event_set_empty(ipart_event *event, const char *field)
{
    given_value v = {.kind = GIVEN_EMPTY};
    return set_value(event, field, &v, "ipart_event_set_empty");
}
