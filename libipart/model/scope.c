/*
 * Party-scoped access (include/ipart/scope.h): who may see an operator's
 * item (R19, R37), and the scope a scoped handle carries.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc_p.h"
#include "core/error_p.h"
#include "model/parties_p.h"
#include "model/partnership_p.h"
#include "model/scope_p.h"
#include "ipart/scope.h"

/* The one decision (scope_p.h), for a viewer whose role is `role`, among
 * the parties that existed after the first `event_count` events. */
static int sees(const ipart_partnership *p, const ipart__party *viewer, ipart_role role,
                const char *subject, size_t event_count)
{
    if (!viewer || role == IPART_ROLE_AUTHORITY)
        return 1;
    if (!subject)
        return 0;
    const ipart__party *seer = ipart__party_seen_as(p, viewer); /* R52 */
    const ipart__party *owner = ipart__party_seen_as(p, ipart__party_find_at(p, subject,
                                                                             event_count));
    if (!owner)
        return strcmp(subject, seer->id) == 0;
    /* R54: a parent buys for its entities and sees their items; an entity
     * sees its own only, never its parent's or a sibling's. */
    return owner == seer || (owner->parent >= 0 && p->parties[owner->parent] == seer);
}

int ipart__may_see(const ipart_partnership *p, const ipart__party *viewer, const char *subject)
{
    return sees(p, viewer, viewer ? viewer->role : IPART_ROLE_AUTHORITY, subject, SIZE_MAX);
}

int ipart__may_see_at(const ipart_partnership *p, const ipart__party *viewer,
                      const char *subject, size_t event_count)
{
    ipart_role role = viewer ? ipart__role_at(p, viewer, event_count) : IPART_ROLE_AUTHORITY;
    return sees(p, viewer, role, subject, event_count);
}

int ipart__scope_sees(const ipart_partnership *p, const char *subject)
{
    return ipart__may_see(p, p->scope ? p->scope->viewer : NULL, subject);
}

int ipart__scope_sees_at(const ipart_partnership *p, const char *subject, size_t event_count)
{
    return ipart__may_see_at(p, p->scope ? p->scope->viewer : NULL, subject, event_count);
}

/* IPART_EPERM (R19): the audience may not see `what`, given in every language. */
static ipart_status refuse(const ipart_partnership *p, const ipart__text *what)
{
    ipart__text t;
    for (int lang = 0; lang < IPART__LANGS; lang++)
        ipart__text_put(&t, lang,
                        ipart__tr("scope.withheld",
                                  "party '%s' may not see %s (R19, R37): it is the contracting "
                                  "authority's or another operator's", lang),
                        p->scope->viewer->id, what->in[lang]);
    return ipart__fail_text(IPART_EPERM, "R19", ipart__rule_source("R19"), "", "scope.withheld",
                            &t);
}

ipart_status ipart__scope_refuse(const ipart_partnership *p, const char *what)
{
    ipart__text t;
    ipart__text_plain(&t, "scope.withheld", what);
    return refuse(p, &t);
}

const char *ipart_partnership_audience(const ipart_partnership *p)
{
    return p && p->scope ? p->scope->viewer->id : "";
}

ipart__scope *ipart__scope_new(const ipart__party *viewer, size_t count)
{
    ipart__scope *s = ipart__calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->viewer = viewer;
    s->count = count;
    s->seen = ipart__calloc(count + 1, 1); /* + 1: never a zero-size request */
    s->part = ipart__calloc(count + 1, sizeof *s->part);
    if (!s->seen || !s->part) {
        ipart__scope_free(s);
        return NULL;
    }
    return s;
}

ipart__scope *ipart__scope_copy(const ipart__scope *s, const ipart__party *viewer)
{
    ipart__scope *d = ipart__scope_new(viewer, s->count);
    if (!d)
        return NULL;
    memcpy(d->seen, s->seen, s->count);
    for (size_t i = 0; i < s->count; i++)
        if (s->part[i] && !(d->part[i] = ipart__strdup(s->part[i]))) {
            ipart__scope_free(d);
            return NULL;
        }
    return d;
}

void ipart__scope_free(ipart__scope *s)
{
    if (!s)
        return;
    for (size_t i = 0; s->part && i < s->count; i++)
        ipart__free(s->part[i]);
    ipart__free(s->part);
    ipart__free(s->seen);
    ipart__free(s);
}

ipart_status ipart__scope_event(const ipart_partnership *p, size_t index)
{
    if (!p->scope || (index < p->scope->count && p->scope->seen[index] != IPART__SEEN_NONE))
        return IPART_OK;
    ipart__text what;
    ipart__text_format(&what, "scope.withheld", "event %zu", index);
    return refuse(p, &what);
}
