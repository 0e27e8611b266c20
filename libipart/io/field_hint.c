/*
 * The hint for an unknown field (field_hint_p.h).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "io/field_hint_p.h"

#include "io/field_check_p.h"

#include <stdio.h>
#include <string.h>

#define FAR 64
#define MAX_NESTING 8

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

size_t ipart__edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n >= FAR || m >= FAR)
        return FAR;
    size_t rows[3][FAR]; /* rows i-2, i-1 and i of the table, by i % 3 */
    for (size_t j = 0; j <= m; j++)
        rows[0][j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t *cur = rows[i % 3], *up = rows[(i - 1) % 3], *up2 = rows[(i + 1) % 3];
        cur[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            cur[j] = min3(up[j] + 1, cur[j - 1] + 1, up[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                up2[j - 2] + 1 < cur[j])
                cur[j] = up2[j - 2] + 1;
        }
    }
    return rows[n % 3][m];
}

/* The most edits a typo of `name` makes: 1 for short names, up to 3. */
static size_t typo_limit(const char *name)
{
    size_t limit = 1 + strlen(name) / 4;
    return limit > 3 ? 3 : limit;
}

static const char *const header_names[] = {"type", "date", "actor"};

/* The known name of the object nearest to `name`, NULL if none is close. */
static const char *nearest(const object_spec *spec, int event_level, const char *name)
{
    const char *best = NULL;
    size_t best_distance = typo_limit(name) + 1;
    for (size_t i = 0; i < spec->count + (event_level ? 3 : 0); i++) {
        const char *known = i < spec->count ? spec->fields[i].name : header_names[i - spec->count];
        size_t distance = ipart__edit_distance(name, known);
        /* At most half the known name changed: "id" is not a typo of "kind". */
        if (distance < best_distance && 2 * distance <= strlen(known)) {
            best_distance = distance;
            best = known;
        }
    }
    return best;
}

/* Depth-first: the path (from "$") of an object under `spec`, other than
 * `skip`, that has a field `name`; 1 when found. */
static int find_owner(char *path, size_t size, size_t len, const object_spec *spec,
                      const object_spec *skip, const char *name, int depth)
{
    if (spec != skip)
        for (size_t i = 0; i < spec->count; i++)
            if (strcmp(spec->fields[i].name, name) == 0)
                return 1;
    if (depth >= MAX_NESTING)
        return 0;
    for (size_t i = 0; i < spec->count; i++) {
        const field_spec *f = &spec->fields[i];
        if (f->kind != FK_OBJECT && f->kind != FK_ARRAY)
            continue;
        int n = snprintf(path + len, size - len, ".%s%s", f->name, f->kind == FK_ARRAY ? "[]" : "");
        if ((size_t)n >= size - len) /* too long to name (n < 0 too): skip it */
            continue;
        if (find_owner(path, size, len + (size_t)n, f->object, skip, name, depth + 1))
            return 1;
        path[len] = '\0';
    }
    return 0;
}

/* The hints are rows of the refusal catalogue under the unknown field's key. */
#define HINT_KEY "document.field.unknown"

/* Where else the schema has `name`: "'name' is a field of $.x in 'type'". */
static void owner_hint(ipart__text *out, const object_spec *spec, ipart__event_type type,
                       const char *name)
{
    for (int k = -1; k < IPART__EV_COUNT; k++) {
        ipart__event_type t = k < 0 ? type : (ipart__event_type)k;
        if (k >= 0 && t == type)
            continue;
        char path[192] = "$";
        if (find_owner(path, sizeof path, 1, &ipart__event_bodies[t], spec, name, 0)) {
            ipart__text_format(out, HINT_KEY, "'%s' is a field of %s in '%s'", name, path,
                               ipart__event_type_name(t));
            return;
        }
    }
    *out = (ipart__text){0};
}

void ipart__field_hint(ipart__text *out, const object_spec *spec, int event_level,
                       ipart__event_type type, const char *name)
{
    ipart__text owner;
    owner_hint(&owner, spec, type, name);
    const char *close = nearest(spec, event_level, name);
    if (close && owner.in[IPART__EN][0])
        for (int lang = 0; lang < IPART__LANGS; lang++)
            ipart__text_put(out, lang, ipart__tr(HINT_KEY, "did you mean '%s'? (%s)", lang), close,
                            owner.in[lang]);
    else if (close)
        ipart__text_format(out, HINT_KEY, "did you mean '%s'?", close);
    else
        *out = owner;
}

ipart_status ipart__unknown_field_at(const char *at, const object_spec *spec, int event_level,
                                     ipart__event_type type, const char *name)
{
    ipart__text hint, message;
    ipart__field_hint(&hint, spec, event_level, type, name);
    for (int lang = 0; lang < IPART__LANGS; lang++)
        ipart__text_put(&message, lang,
                        ipart__tr("document.field.unknown", "unknown field%s%s", lang),
                        hint.in[lang][0] ? "; " : "", hint.in[lang]);
    return ipart__shape_text_at(at, "document.field.unknown", &message);
}
