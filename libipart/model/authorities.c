/*
 * R54: who may be named as a buyer - an authority kind the profile's dated
 * table (rules/kinds.c) knows on the event's date and that is a buyer, and a
 * parent (the group's central purchasing body) whose kind may buy for the
 * named party's kind (doc/authority-kinds.md).
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "model/guard_p.h"
#include "rules/rules_p.h"

static const char *kind_name(int kind)
{
    return ipart__authority_kind_names[kind];
}

static ipart_status kind_check(const ipart_partnership *p, const ev_party *a, ipart_date on,
                               const char *path, const char *field)
{
    const char *profile = p->profile->code;
    const ipart__kind_row *row = ipart__kind_row_at(profile, a->kind, on);
    if (row && row->class_ != IPART__CLASS_PARTICIPANT)
        return IPART_OK;
    /* Refused: the message lists the kinds in force (built only now). */
    char kinds[400], at[256];
    ipart__kinds_in_force(kinds, sizeof kinds, profile, on, 1);
    ipart__field_path(at, sizeof at, path, field);
    if (!row)
        return ipart__violationf("R54", at, "kind", "authority.kind.unknown",
                                 "'%s' is not an authority kind of profile %s on %04d-%02d-%02d; "
                                 "the kinds in force then: %s (doc/authority-kinds.md)",
                                 kind_name(a->kind), profile, on.year, on.month, on.day, kinds);
    return ipart__violationf("R54", at, "kind", "authority.kind.participant",
                             "a %s takes part in a partnership but does not buy in it: name "
                             "it as a participant (participant_named, kind %s), not as an "
                             "authority, joint authority, follower, successor or adopter; a "
                             "buyer is one of: %s",
                             kind_name(a->kind), kind_name(a->kind), kinds);
}

/* The parent's kind may buy for the named party's kind on `on`. */
static ipart_status parent_kind_check(const ipart_partnership *p, const ipart__party *parent,
                                      const ev_party *a, ipart_date on, const char *at)
{
    const ipart__kind_row *row = ipart__kind_row_at(p->profile->code, parent->kind, on);
    char bought[200] = "", buyers[300];
    if (row)
        ipart__kinds_bought_for(bought, sizeof bought, row);
    if (!bought[0]) {
        ipart__group_buyers(buyers, sizeof buyers, p->profile->code, on);
        return ipart__violationf("R54", at, "parent", "authority.parent.kind",
                                 "'%s' is a %s, which the profile's table (doc/authority-kinds.md) "
                                 "does not let buy for other entities as their central purchasing "
                                 "body (Dir. 2014/24/EU Art. 37); in profile %s on "
                                 "%04d-%02d-%02d that is: %s",
                                 parent->id, kind_name(parent->kind), p->profile->code, on.year,
                                 on.month, on.day, buyers);
    }
    if (row->buys_for >> a->kind & 1u)
        return IPART_OK;
    return ipart__violationf("R54", at, "parent", "authority.parent.child_kind",
                             "'%s' (a %s) buys for %s only, not for a %s", parent->id,
                             kind_name(parent->kind), bought, kind_name(a->kind));
}

/* A parent is a party named before the entities it buys for, so the only
 * cycle a new party can close is naming itself. */
static ipart_status parent_check(const ipart_partnership *p, const ev_party *a, ipart_date on,
                                 const char *path, const char *field)
{
    char at[256];
    ipart__field_path(at, sizeof at, path, field);
    if (strcmp(a->parent, a->id) == 0)
        return ipart__violation("R54", at, "parent", "authority.parent.cycle",
                                "a party does not buy for itself: its parent is another "
                                "authority or follower, named before it");
    const ipart__party *parent = ipart__party_find(p, a->parent);
    if (!parent || (parent->role != IPART_ROLE_AUTHORITY && parent->role != IPART_ROLE_FOLLOWER)) {
        return ipart__violationf("R54", at, "parent", "authority.parent.unknown",
                                 "no authority or follower '%s': the parent that buys for a party "
                                 "is an authority or follower named before it",
                                 a->parent);
    }
    return parent_kind_check(p, parent, a, on, at);
}

ipart_status ipart__buyer_check(const ipart_partnership *p, const ev_party *a, ipart_date on,
                                const char *path, const char *field)
{
    ipart_status rc = a->has_kind ? kind_check(p, a, on, path, field) : IPART_OK;
    if (rc == IPART_OK && a->parent)
        rc = parent_check(p, a, on, path, field);
    return rc;
}
