/*
 * The events after the option (doc/events.md): adoption_recorded - another
 * authority uses the solution through its own procurement, which is a
 * record, not a purchase under the option (R28) - and authority_succeeded -
 * a merger or a split hands a party's rights and obligations to a successor
 * from a date.
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdio.h>
#include <string.h>

#include "core/error_p.h"
#include "model/guard_p.h"
#include "model/programme_p.h"

/* ---- adoption_recorded ---------------------------------------------------- */

static ipart_status adoption_may(const ipart_partnership *p, const ipart__party *actor,
                                 const char *actor_id)
{
    AUTHORITY_IN(p->stage == IPART_STAGE_PURCHASE || p->stage == IPART_STAGE_COMPLETED,
                 IPART__EV_ADOPTION_RECORDED);
}

static ipart_status adoption_check(const ipart_partnership *p, const ipart__event *ev,
                                   const char *path)
{
    const ipart__party *who = ipart__party_find(p, ev->as.adoption.adopter.id);
    if (who)
        return ipart__violation("R28", path, "adopter.id", "adoption.party",
                                "a party of the partnership buys the solution under the option "
                                "(option_exercised), not through a procurement of its own");
    ipart_status rc = ipart__buyer_check(p, &ev->as.adoption.adopter, ev->date, path, "adopter");
    if (rc != IPART_OK)
        return rc;
    ipart__party *partner = NULL;
    if (ev->as.adoption.partner)
        return ipart__find_operator(&partner, p, ev->as.adoption.partner, path, "partner");
    return IPART_OK;
}

/* ---- authority_succeeded -------------------------------------------------- */

static ipart_status succession_may(const ipart_partnership *p, const ipart__party *actor,
                                   const char *actor_id)
{
    AUTHORITY_IN(p->stage != IPART_STAGE_CANCELLED, IPART__EV_AUTHORITY_SUCCEEDED);
}

static ipart_status predecessor_check(const ipart_partnership *p, const ipart__event *ev,
                                      const char *path, const ipart__party **out)
{
    const ipart__party *pre = ipart__party_find(p, ev->as.succession.predecessor);
    if (!pre || (pre->role != IPART_ROLE_AUTHORITY && pre->role != IPART_ROLE_FOLLOWER))
        return ipart__unknown_party(path, "predecessor", ev->as.succession.predecessor);
    if (pre->succeeded && ev->as.succession.kind == EV_SUCCESSION_MERGER)
        return ipart__invalid(path, "predecessor", "succession.merged",
                              "the predecessor was merged into a successor already");
    *out = pre;
    return IPART_OK;
}

static ipart_status succession_check(const ipart_partnership *p, const ipart__event *ev,
                                     const char *path)
{
    const ipart__party *pre = NULL;
    ipart_status rc = predecessor_check(p, ev, path, &pre);
    if (rc != IPART_OK)
        return rc;
    const ipart__party *suc = ipart__party_find(p, ev->as.succession.successor.id);
    if (suc == pre)
        return ipart__invalid(path, "successor.id", "succession.self",
                              "a party does not succeed itself");
    /* A merger may absorb the predecessor into an authority already party. */
    if (suc && (ev->as.succession.kind == EV_SUCCESSION_SPLIT ||
                (suc->role != IPART_ROLE_AUTHORITY && suc->role != IPART_ROLE_FOLLOWER))) {
        char at[256];
        ipart__field_path(at, sizeof at, path, "successor.id");
        rc = ipart__fail(IPART_EEXISTS, "party.exists",
                         "%s: party '%s' already exists; only a merger takes a predecessor "
                         "into an authority already party",
                         at, suc->id);
        ipart__error_set_path(at);
        return rc;
    }
    rc = suc ? IPART_OK
             : ipart__buyer_check(p, &ev->as.succession.successor, ev->date, path, "successor");
    if (rc != IPART_OK)
        return rc;
    int takes_authority = ev->as.succession.has_contracting_authority &&
                          ev->as.succession.contracting_authority;
    if (takes_authority && pre != p->authority)
        return ipart__invalid(path, "contracting_authority", "succession.authority",
                              "only a successor of the contracting authority takes over as "
                              "contracting authority");
    if (pre == p->authority && !takes_authority && ev->as.succession.kind == EV_SUCCESSION_MERGER)
        return ipart__invalid(path, "contracting_authority", "succession.authority.missing",
                              "the contracting authority merges into its successor: the "
                              "successor takes over as contracting authority");
    return IPART_OK;
}

static ipart_role successor_role(const ipart__event *ev)
{
    if (ev->as.succession.has_contracting_authority && ev->as.succession.contracting_authority)
        return IPART_ROLE_AUTHORITY;
    return IPART_ROLE_FOLLOWER; /* a successor of the authority or of a follower */
}

static ipart_status succession_prepare(ipart_partnership *p, const ipart__event *ev,
                                       ipart__prepared *pr)
{
    ipart_status rc = ipart__keep_prepare(p, ev, pr);
    if (rc == IPART_OK && !ipart__party_find(p, ev->as.succession.successor.id))
        rc = ipart__party_prepare(p, &ev->as.succession.successor, successor_role(ev),
                                  pr);
    return rc;
}

static void succession_commit(ipart_partnership *p, const ipart__event *ev, ipart__prepared *pr)
{
    ipart__party *pre = ipart__party_find(p, ev->as.succession.predecessor);
    ipart__party *suc =
        pr->new_party ? pr->new_party : ipart__party_find(p, ev->as.succession.successor.id);
    ipart__history_note(p, suc); /* the rights at an earlier point */
    pre->succeeded = 1;
    pre->succeeded_from = ev->as.succession.effective;
    /* R28: what the predecessor bought under the option counts against the
     * successor that takes its place (a merger, or the new contracting authority). */
    if (ev->as.succession.kind == EV_SUCCESSION_MERGER ||
        successor_role(ev) == IPART_ROLE_AUTHORITY) {
        suc->option_quantity += pre->option_quantity;
        suc->options_from |= pre->options_from;
    }
    if (successor_role(ev) == IPART_ROLE_AUTHORITY) {
        pre->handed_over = 1;
        suc->role = IPART_ROLE_AUTHORITY;
        p->authority = suc;
    }
    ipart__keep_commit(p, ev, pr);
}

/* The handlers (declared from the event rows, event_p.h). */
const ipart__handler ipart__adoption_recorded_handler = {adoption_may, adoption_check,
                                                         ipart__keep_prepare, ipart__keep_commit};
const ipart__handler ipart__authority_succeeded_handler = {succession_may, succession_check,
                                                           succession_prepare, succession_commit};
