/*
 * Private: the schema of the events - one table of field specs per event
 * type, describing the ev_* structs of event_p.h. The io layer reads JSON
 * by these specs; the model copies terms and writes the canonical JSON of
 * an event by the same specs, so what is accepted and what is written
 * cannot disagree (load -> save is byte-identical).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef IPART_MODEL_EVENT_SPEC_P_H
#define IPART_MODEL_EVENT_SPEC_P_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena_p.h"
#include "core/strbuf_p.h"
#include "model/event_p.h"


typedef enum field_kind {
    FK_ID,       /* const char *, [A-Za-z0-9._-]{1,64} */
    FK_STRING,   /* const char *, valid UTF-8 */
    FK_DATE,     /* ipart_date */
    FK_MONEY,    /* ipart_money, a canonical decimal string in the case's currency */
    FK_CURRENCY, /* const char *, an ISO 4217 code libipart knows */
    FK_BOOL,     /* int */
    FK_INT,      /* int64_t within [min, max] */
    FK_ENUM,     /* int: index into names */
    FK_OBJECT,   /* an embedded struct */
    FK_ARRAY,    /* ipart__array of element structs */
    FK_ID_ARRAY, /* ipart__array of const char * ids, no duplicates */
    FK_ITEM_REF  /* the consent item: an object, or a (blanket) string */
} field_kind;

typedef struct object_spec object_spec;

typedef struct field_spec {
    const char *name;
    field_kind kind;
    size_t offset;
    int required;
    long has_offset; /* presence flag of an optional scalar or object, -1 if none */
    int nullable;    /* written as null when absent */
    int64_t min, max;
    const char *const *names;
    const object_spec *object;
    /* strlen(name), filled from the literal by the macros below (NAME_LENGTH):
     * the decoders compare keys and the encoder writes them by it, without
     * a strlen or a byte-at-a-time compare. tests/c/test_stream.c checks
     * every spec's length. */
    size_t name_length;
} field_spec;

struct object_spec {
    const field_spec *fields;
    size_t count;
    size_t size; /* of one element, for arrays */
};

#define NO_HAS (-1L)
/* The length of a field's name literal, for field_spec.name_length. */
#define NAME_LENGTH(n) (sizeof("" n) - 1)
#define FIELD(T, n, k, m, req) \
    {n, k, offsetof(T, m), req, NO_HAS, 0, 0, 0, NULL, NULL, NAME_LENGTH(n)}
#define REQ(T, n, k, m) FIELD(T, n, k, m, 1)
#define OPT(T, n, k, m) FIELD(T, n, k, m, 0)
#define OPT_HAS(T, n, k, m, h) \
    {n, k, offsetof(T, m), 0, (long)offsetof(T, h), 0, 0, 0, NULL, NULL, NAME_LENGTH(n)}
#define INT_REQ(T, n, m, lo, hi) \
    {n, FK_INT, offsetof(T, m), 1, NO_HAS, 0, lo, hi, NULL, NULL, NAME_LENGTH(n)}
#define INT_OPT(T, n, m, h, lo, hi) \
    {n, FK_INT, offsetof(T, m), 0, (long)offsetof(T, h), 0, lo, hi, NULL, NULL, NAME_LENGTH(n)}
#define INT_NULLABLE(T, n, m, h, lo, hi) \
    {n, FK_INT, offsetof(T, m), 1, (long)offsetof(T, h), 1, lo, hi, NULL, NULL, NAME_LENGTH(n)}
#define ENUM_REQ(T, n, m, names) \
    {n, FK_ENUM, offsetof(T, m), 1, NO_HAS, 0, 0, 0, names, NULL, NAME_LENGTH(n)}
#define ENUM_OPT(T, n, m, h, names) \
    {n, FK_ENUM, offsetof(T, m), 0, (long)offsetof(T, h), 0, 0, 0, names, NULL, NAME_LENGTH(n)}
#define OBJ_REQ(T, n, m, spec) \
    {n, FK_OBJECT, offsetof(T, m), 1, NO_HAS, 0, 0, 0, NULL, &spec, NAME_LENGTH(n)}
#define OBJ_OPT(T, n, m, h, spec) \
    {n, FK_OBJECT, offsetof(T, m), 0, (long)offsetof(T, h), 0, 0, 0, NULL, &spec, NAME_LENGTH(n)}
#define ARR_REQ(T, n, m, spec, min_count) \
    {n, FK_ARRAY, offsetof(T, m), 1, NO_HAS, 0, min_count, 0, NULL, &spec, NAME_LENGTH(n)}
#define ARR_OPT(T, n, m, h, spec, min_count) \
    {n, FK_ARRAY, offsetof(T, m), 0, (long)offsetof(T, h), 0, min_count, 0, NULL, &spec, \
     NAME_LENGTH(n)}
#define ID_NULLABLE(T, n, m) \
    {n, FK_ID, offsetof(T, m), 1, NO_HAS, 1, 0, 0, NULL, NULL, NAME_LENGTH(n)}
#define IDS_REQ(T, n, m, min_count) \
    {n, FK_ID_ARRAY, offsetof(T, m), 1, NO_HAS, 0, min_count, 0, NULL, NULL, NAME_LENGTH(n)}
#define IDS_OPT(T, n, m, h, min_count) \
    {n, FK_ID_ARRAY, offsetof(T, m), 0, (long)offsetof(T, h), 0, min_count, 0, NULL, NULL, \
     NAME_LENGTH(n)}
#define SPEC(T, fields) {fields, sizeof fields / sizeof fields[0], sizeof(T)}

/* Whether every required field of `spec` is among `seen` (bit i: field i),
 * as the decoders check an object once its members are read. */
static inline int ipart__spec_has_required(const object_spec *spec, uint64_t seen)
{
    for (size_t i = 0; i < spec->count; i++)
        if (spec->fields[i].required && !(seen >> i & 1))
            return 0;
    return 1;
}

/* Set the presence flag of field `f` of the struct at `base`, if it has one. */
static inline void ipart__spec_mark_present(const field_spec *f, void *base)
{
    if (f->has_offset != NO_HAS)
        *(int *)((unsigned char *)base + f->has_offset) = 1;
}

/* The payload spec of each event type (the header fields type, date and
 * actor are not in it). */
extern const object_spec ipart__event_bodies[IPART__EV_COUNT];

/* The JSON names of ev_participant_kind (a participant party's kind). */
extern const char *const ipart__participant_kind_names[];
/* The phase kinds (ev_phase_kind order), NULL-terminated. */
extern const char *const ipart__phase_kind_names[];

/*
 * A deep copy of a decoded event into `arena` (the struct and every string
 * and array it holds, driven by its payload spec). NULL when out of memory.
 */
ipart__event *ipart__event_copy(ipart__arena *arena, const ipart__event *event);

/*
 * A deep copy of decoded terms into `arena` (every string and array copied,
 * driven by the same field specs as decoding). NULL when out of memory.
 */
ev_terms *ipart__terms_copy(ipart__arena *arena, const ev_terms *terms);

/* Append the canonical JSON of an event (fixed key order, canonical money). */
void ipart__event_encode(ipart__strbuf *b, const ipart__event *event);

#endif
